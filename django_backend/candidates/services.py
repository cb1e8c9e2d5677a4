"""Who a parsed resume belongs to, and what it makes of their profile: recognising the same person across
resumes of an organization, and applying a parsed resume to a Candidate.

Ingestion parses resumes and calls these under the organization's identity lock (IDENTITY_LOCK_NAMESPACE), so two
parses of the same person's resumes cannot both decide they found someone new.
"""

from __future__ import annotations

from django.db.models import Q

from candidates.models import Candidate, ResumeVersion
from recruitment_core.ranking import CandidateFeatures
from recruitment_core.resume_parser import ParsedResume

# Namespace of the PostgreSQL advisory locks that serialise "who is this person?" per organization.
IDENTITY_LOCK_NAMESPACE = 7301


def candidate_identify(resume: ResumeVersion, parsed: ParsedResume) -> Candidate | None:
    """The organization's candidate with the same email or phone: a newer resume is a new version of them."""
    given = resume.given_details
    emails = _resume_emails(resume, parsed)
    phone = given.get("phone") or parsed.phone
    match = Q(emails__overlap=emails) if emails else Q(pk__in=[])
    if phone:
        match |= Q(phone=phone)
    return Candidate.objects.filter(organization_id=resume.organization_id).filter(match).order_by("created_at").first()


def _resume_emails(resume: ResumeVersion, parsed: ParsedResume) -> list[str]:
    """The email typed in with the upload first, then those read from the file; lower-cased."""
    return [email.lower() for email in [resume.given_details.get("email", ""), *parsed.emails] if email]


def candidate_profile_apply(candidate: Candidate, resume: ResumeVersion, parsed: ParsedResume) -> None:
    """Make `resume` the candidate's current one; details given with the upload (or corrected by the candidate
    later) win over parsed ones."""
    given = resume.given_details
    candidate.name = given.get("name") or parsed.name or candidate.name
    emails = _resume_emails(resume, parsed)
    candidate.emails = list(dict.fromkeys([*emails, *candidate.emails]))
    candidate.email = candidate.emails[0] if candidate.emails else ""
    candidate.phone = given.get("phone") or parsed.phone or candidate.phone
    candidate.location = given.get("location") or parsed.location or candidate.location
    candidate.links = parsed.links
    # A candidate's own corrections of the resume's content (candidates.self_service) win the same way.
    candidate.current_title = given.get("current_title") or parsed.current_title or ""
    years = given.get("total_years_experience")
    candidate.total_years_experience = years if years is not None else parsed.total_years_experience
    candidate.skills = given.get("skills") or parsed.skill_names()
    candidate.profile = resume.parsed
    candidate.match_features = CandidateFeatures.from_parsed(parsed).to_json()  # what the ranking reads back
    candidate.current_resume = resume
    candidate.extracted_text = resume.extracted_text
    candidate.save()  # save(): new text must reach the embedding signal
