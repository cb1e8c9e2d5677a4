"""What a candidate does with their own account: registering on an organization's portal, correcting the profile
read from their resume, and erasing everything stored about them.

A candidate account owns exactly one Candidate row of its organization (Candidate.account). Corrections are written
to the candidate and to their current resume's given details, which win over what parsing reads
(candidates.services.candidate_profile_apply), so a re-parse of the same resume keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import Organization, User
from accounts.services import candidate_account_create
from audit.services import audit_record
from candidates.models import Candidate, ResumeVersion
from candidates.privacy import CandidateDeletion, candidate_delete

# What a candidate may correct, as read from their resume; contact details are carried to a newer resume too.
CORRECTABLE_FIELDS = ("name", "phone", "location", "current_title", "skills", "total_years_experience")
CONTACT_FIELDS = ("name", "phone", "location")
MAX_SKILLS = 100


class AccountExists(ValidationError):
    def __init__(self) -> None:
        super().__init__("An account with this email exists already: sign in instead.", code="account_exists")


class NoCandidateProfile(Exception):
    """A candidate account without its Candidate row (erased, or made by hand): nothing of theirs to show."""


def candidate_register(*, organization: Organization, email: str, password: str) -> Candidate:
    """A candidate account on `organization`'s portal and the one Candidate row it owns. The password has passed
    Django's validators (the caller's form); the email is the sign-in name, unique across the platform."""
    email = email.strip().lower()
    if User.objects.filter(username__iexact=email).exists():
        raise AccountExists()
    try:
        with transaction.atomic():
            user = candidate_account_create(email=email, password=password, organization=organization)
            candidate = Candidate.objects.create(organization=organization, account=user, email=email, emails=[email])
            audit_record(action="candidate.registered", organization=organization, actor=user, target=candidate)
    except IntegrityError as error:  # the same email registered concurrently
        raise AccountExists() from error
    return candidate


def candidate_of(user: Any) -> Candidate:
    """The signed-in candidate's own row, in their organization only; NoCandidateProfile when there is none."""
    candidate = (
        Candidate.objects.filter(account_id=user.pk, organization_id=user.organization_id)
        .select_related("current_resume")
        .defer("embedding")
        .first()
    )
    if candidate is None:
        raise NoCandidateProfile()
    return candidate


def phone_normalize(value: str) -> str:
    """E.164, as the parser stores phones; a number without its country code is refused rather than guessed."""
    value = value.strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            "Give the number with its country code, e.g. +14155550100.", code="invalid_phone"
        ) from error
    if not phonenumbers.is_possible_number(number):
        raise ValidationError("This is not a possible phone number.", code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def skills_clean(skills: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(skill.strip()[:100] for skill in skills if skill.strip()))
    if len(cleaned) > MAX_SKILLS:
        raise ValidationError(f"At most {MAX_SKILLS} skills.", code="too_many_skills")
    return cleaned


@dataclass(frozen=True)
class Correction:
    candidate: Candidate
    fields: list[str]


def candidate_profile_correct(*, candidate: Candidate, actor: User | None, changes: dict[str, Any]) -> Correction:
    """Save the candidate's corrections of their parsed profile (only CORRECTABLE_FIELDS), on the candidate and
    as given details of their current resume so that a re-parse keeps them. Audited by field name only."""
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ValidationError(f"Not correctable: {', '.join(sorted(unknown))}.", code="not_correctable")
    values = dict(changes)
    if "phone" in values:
        values["phone"] = phone_normalize(values["phone"] or "")
    if "skills" in values:
        values["skills"] = skills_clean(values["skills"] or [])
    for name in ("name", "location", "current_title"):
        if name in values:
            values[name] = (values[name] or "").strip()
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        changed = [name for name in CORRECTABLE_FIELDS if name in values and getattr(locked, name) != values[name]]
        for name in changed:
            setattr(locked, name, values[name])
        if changed:
            locked.save()  # save(): profile changes reach the embedding signal as any edit does
            if locked.current_resume_id:
                resume = ResumeVersion.objects.select_for_update().get(pk=locked.current_resume_id)
                resume.given_details = {**resume.given_details, **{name: values[name] for name in changed}}
                resume.save(update_fields=["given_details"])
            audit_record(
                action="candidate.profile_corrected",
                organization=locked.organization,
                actor=actor,
                target=locked,
                fields=changed,
            )
    return Correction(candidate=locked, fields=changed)


def carried_details(candidate: Candidate, email: str) -> dict[str, Any]:
    """Given details for a candidate's newer resume: their account email and the contact details they corrected
    (before any resume, whatever they entered is theirs). What they corrected about the older resume's content
    (title, skills, years) is read afresh from the new one."""
    if candidate.current_resume is None:
        previous = {name: getattr(candidate, name) for name in CONTACT_FIELDS}
    else:
        previous = candidate.current_resume.given_details
    return {"email": email, **{name: previous[name] for name in CONTACT_FIELDS if previous.get(name)}}


def candidate_self_erase(*, candidate: Candidate, user: User) -> CandidateDeletion | None:
    """The candidate's own erasure: everything stored about them (candidates.privacy), then their account."""
    with transaction.atomic():
        deletion = candidate_delete(candidate=candidate, actor=user, reason="candidate_request")
        user.delete()
    return deletion
