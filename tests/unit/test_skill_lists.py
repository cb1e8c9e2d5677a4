"""Skills read from the skills sections of resumes of many professions: taxonomy skills by their taxonomy name,
other skill names as written, and what is not a skill (sentences, dates, places, headings, levels) left out."""

import dataclasses
from datetime import date

import pytest

from recruitment_core.limits import ResumeLimits
from recruitment_core.resume_parser import ParsedResume, SkillEvidence, parse_resume
from recruitment_core.sections import split_lines
from recruitment_core.skill_lists import LIST_SOURCE, TAXONOMY_SOURCE, listed_skills
from recruitment_core.skills import extract_skills

TODAY = date(2026, 11, 25)

NURSE = """Maria Lopez, RN
Tampa, FL 33602 | maria.lopez@example.com | (813) 555-0199

SKILL HIGHLIGHTS
Telemetry                      Patient education
Wound care                     Discharge planning
Epic EMR charting              HIPAA compliance
Advanced Cardiovascular Life Support (ACLS)
Pain management, Central line care; Tracheostomy care
Strong ability to remain calm and prioritize in high-acuity situations
Languages: English (Native), Spanish (Fluent)

EXPERIENCE
Registered Nurse, Tampa General Hospital, Tampa, FL    June 2018 - Present
- Provided bedside care on a cardiac step-down unit.
"""

BANKER = """Jordan Kim
Chicago, IL | jordan.kim@example.com

CORE QUALIFICATIONS
• Loan structuring • Covenant monitoring • Credit analysis
• Financial statement analysis • Collections • Underwriting
Certified Public Accountant | Microsoft Excel (advanced)

PROFESSIONAL EXPERIENCE
Commercial Credit Analyst, First Midwest Bank, Chicago, IL    2017 – Present
• Reviewed commercial loan requests.
"""

HOSPITALITY = """Sam Carter
sam.carter@example.com

AREAS OF EXPERTISE
room blocking, Cash handling, Table setting, POS systems, Inventory
Customer service | Team player | Works well under pressure
Fluent
Miami, FL
2015 - 2019
Technical Skills

WORK HISTORY
Banquet Captain, Grand Hotel, Miami, FL    2019 - Present
"""

ENGINEER = """Dana Whitfield
dana.whitfield@example.com

TECHNICAL SKILLS
CAD: SolidWorks, AutoCAD
Methods: Fixture design, DFMEA, tolerance stack-up
analysis, PPAP
Fixture design: jigs and gauges for robotic weld cells
Managed inventory for 3 stores
CNC MACHINING, SHEET METAL FABRICATION
Other: iOS, eBay listings

EXPERIENCE
Manufacturing Engineer, Acme Corp    Jan 2019 - Present
"""

RECRUITER = """Priya Shah
priya.shah@example.com

SKILLS
Onboarding    Scheduling    Interviewing
Negotiation   Troubleshooting   Filing
Clinical | Requisition intake, Candidate experience
I am a people person who loves hiring.
Contact: priya.shah@example.com | 555-010-2233

EXPERIENCE
Recruiter, Northwind Staffing    2020 - Present
"""


def parse(text: str, **options: object) -> ParsedResume:
    return parse_resume(text, today=TODAY, **options)  # type: ignore[arg-type]


def listed(text: str) -> list[tuple[str, str]]:
    """(name, source) of the skills section's evidence, first mention first."""
    found = [(item.name, item.source) for item in parse(text).skills if item.section == "skills"]
    return list(dict.fromkeys(found))


def free_form(text: str) -> list[str]:
    return [name for name, source in listed(text) if source == LIST_SOURCE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NURSE, []),  # "Pain management" and "Central line care" are taxonomy skills
        (BANKER, ["Loan structuring"]),  # "Covenant monitoring", "Financial statement analysis" are taxonomy skills
        (HOSPITALITY, ["Room blocking", "Table setting"]),
        (ENGINEER, ["eBay listings"]),  # "Fixture design" and "PPAP" are taxonomy skills
        (RECRUITER, ["Requisition intake", "Candidate experience"]),
    ],
    ids=["nurse", "banker", "hospitality", "engineer", "recruiter"],
)
def test_free_form_skills_of_each_profession(text: str, expected: list[str]) -> None:
    assert free_form(text) == expected


def test_taxonomy_skills_named_in_skills_lists() -> None:
    taxonomy = [name for name, source in listed(NURSE) if source == TAXONOMY_SOURCE]
    # Long forms of certifications, "<skill> compliance", a brand among generic words, a bare ambiguous noun.
    assert set(taxonomy) == {
        "Telemetry nursing",
        "Patient education",
        "Pain management",
        "Central line care",
        "Wound care",
        "Discharge planning",
        "Epic Systems",
        "HIPAA",
        "ACLS",
        "Tracheostomy care",
        "English",
        "Spanish",
    }
    assert {name for name, _ in listed(BANKER)} >= {"CPA", "Credit control", "Underwriting", "Microsoft Excel"}
    assert {name for name, source in listed(RECRUITER) if source == TAXONOMY_SOURCE} == {
        "Employee onboarding",
        "Scheduling",
        "Interviewing",
        "Negotiation",
        "Troubleshooting",
        "Records management",
    }


def test_what_is_not_a_skill_is_left_out() -> None:
    names = {name.casefold() for text in (NURSE, HOSPITALITY, ENGINEER, RECRUITER) for name, _ in listed(text)}
    for not_a_skill in (
        "strong ability to remain calm and prioritize in high-acuity situations",
        "works well under pressure",
        "fluent",
        "native",
        "miami",
        "fl",
        "2015 - 2019",
        "technical skills",
        "managed inventory for 3 stores",
        "clinical",
        "i am a people person who loves hiring",
        "contact",
        "priya.shah@example.com",
        "jigs and gauges for robotic weld cells",
        "epic emr charting",
        "hipaa compliance",
    ):
        assert not_a_skill not in names


def test_case_is_tidied_but_acronyms_and_brands_kept() -> None:
    assert "Room blocking" in free_form(HOSPITALITY)  # written "room blocking"
    engineer = {name for name, _ in listed(ENGINEER)}
    assert {"CNC machining", "Metal fabrication", "iOS", "eBay listings", "PPAP"} <= engineer


def test_free_form_evidence_is_marked_and_serialised() -> None:
    parsed = parse(BANKER)
    evidence = next(item for item in parsed.skills if item.name == "Loan structuring")
    assert evidence == SkillEvidence(
        name="Loan structuring",
        section="skills",
        context="Loan structuring • Covenant monitoring • Credit analysis",
        role=None,
        months=None,
        source=LIST_SOURCE,
    )
    stored = dataclasses.asdict(parsed)["skills"]
    assert {item["source"] for item in stored} == {TAXONOMY_SOURCE, LIST_SOURCE}
    assert "Loan structuring" in parsed.to_summary()["skills"]
    # Constructed without a source, evidence is a taxonomy mention as before.
    assert SkillEvidence("Python", "skills", "Python", None, None).source == TAXONOMY_SOURCE


def test_skills_outside_skills_sections_stay_taxonomy_only() -> None:
    text = "Ana Ruiz\n\nEXPERIENCE\nChef, Casa Verde    2019 - Present\n• Banquet service, Wine pairing\n"
    assert all(item.source == TAXONOMY_SOURCE for item in parse(text).skills)


def test_keyword_dump_is_capped() -> None:
    dump = ", ".join(f"Widget craft {chr(65 + index // 26)}{chr(65 + index % 26)}" for index in range(300))
    text = f"Lee Park\nlee@example.com\n\nSKILLS\n{dump}\n"
    limits = ResumeLimits(max_skill_evidence=40)
    parsed = parse(text, limits=limits)
    assert len([item for item in parsed.skills if item.source == LIST_SOURCE]) == 10


def test_listed_skills_reads_lines_by_offset() -> None:
    text = "Weld cell layout  |  Kaizen\n\nLoan structuring; 2021"
    found = listed_skills(text, split_lines(text), max_free=1)
    assert [(item.name, item.source, item.line) for item in found] == [
        ("Weld cell layout", LIST_SOURCE, 0),
        ("Lean manufacturing", TAXONOMY_SOURCE, 0),
    ]


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        # Bare nouns that name a skill only in a list stay unread in ordinary prose.
        ("We reviewed telemetry from the fleet and the collections of the museum.", []),
        ("Filing cabinets and inventory were moved.", []),
        ("Handled HIPAA compliance audits and advanced cardiovascular life support training.", ["HIPAA", "ACLS"]),
    ],
)
def test_new_aliases_in_prose(prose: str, expected: list[str]) -> None:
    assert extract_skills(prose) == expected


def test_halves_of_shared_phrases_and_bracketed_codes_are_not_skills() -> None:
    text = (
        "Sam Reyes\nDenver, CO\n\nSKILLS\nPower and hand tools\nMergers and acquisitions integration\n"
        "SAP (SD, MM, LE)\nBoolean searches; 42% of hires sourced directly\n"
    )
    names = free_form(text)
    assert not {"Power", "Integration", "MM", "SD", "LE"} & set(names)
    assert not [name for name in names if "%" in name]


def test_a_word_after_a_slash_finishes_the_phrase_before_it() -> None:
    text = "Ana Diaz\nDenver, CO\n\nSKILLS\nAccounts payable / receivable | Payroll processing\n"
    names = [name for name, _ in listed(text)]
    assert "Accounts payable" in names and "Accounts receivable" in names
    assert not [name for name in names if name.lower() == "receivable"]


def test_headings_in_capitals_are_not_skills() -> None:
    text = "Ana Diaz\nDenver, CO\n\nSKILLS\nContract drafting\nPRO BONO AND PROFESSIONAL ACTIVITIES\nCNC MACHINING\n"
    names = [name.lower() for name, _ in listed(text)]
    assert "cnc machining" in names
    assert not [name for name in names if "pro bono" in name]


def test_certifications_name_credentials_not_headers_titles_or_events() -> None:
    text = (
        "Dana K. Whitfield\nChicago, IL\n\nCERTIFICATIONS\nCCRN (Adult), AACN, 2021\n"
        "Dana K. Whitfield – Resume\nAACN National Teaching Institute, Houston, 2023 (attendee)\nMANAGER\n"
    )
    parsed = parse_resume(text)
    names = {item.name.lower() for item in parsed.skills}
    assert not {"dana k. whitfield", "aacn national teaching institute", "manager"} & names
    assert any("ccrn" in name for name in names)


def test_a_wrapped_item_of_a_bulleted_list_is_one_item() -> None:
    # A narrow sidebar wraps a long item: the line without a bullet finishes it, even in capitals.
    text = (
        "Houston, TX\n\nSkills\n• SAP (SD, MM, LE)\n• Microsoft Excel – pivot tables, Power\nQuery\n"
        "• Freight rate negotiation\n\nCertification\n• Certified Front Desk\nRepresentative (AHLEI), 2021\n"
        "Sofía Martínez\nLogistics Coordinator\n\nExperience\nLogistics Coordinator Nov 2021 – Present\n"
        "Gulfport Supply Co. — Houston, TX\n"
    )
    parsed = parse_resume(text, today=TODAY)
    names = {item.name for item in parsed.skills}
    assert {"Power Query", "Freight negotiation", "Certified Front Desk Representative"} <= names
    assert not {"Power", "Query", "Representative"} & names
    # The owner's name printed below a sidebar is not a credential of theirs.
    assert parsed.name == "Sofía Martínez"
    assert "Sofía Martínez" not in names


def test_bracketed_qualifiers_and_measures_are_not_skills() -> None:
    text = (
        "Ana Diaz\nDenver, CO\n\nSKILLS\nForklift operation (sit-down, reach, order picker)\nTyping 85 WPM\n"
        "Microsoft Office (Word, Excel)\n"
    )
    names = {name for name, _ in listed(text)}
    assert {"Microsoft Word", "Microsoft Excel", "Typing"} <= names
    assert not {name for name in names if name.lower() in {"sit-down", "reach", "order picker", "typing 85 wpm"}}


def test_a_heading_wrapped_over_two_lines_opens_one_section() -> None:
    text = (
        "Ana Diaz\nDenver, CO\n\nEXPERIENCE\nMedical Assistant 02/2017 to 07/2019\nDenver Clinic — Denver, CO\n"
        "EDUCATION AND\nTRAINING\nDiploma, Medical Assisting 2016\nEverest Institute, Denver, CO\n"
    )
    parsed = parse_resume(text, today=TODAY)
    assert "education" in parsed.sections and "Everest Institute" in parsed.sections["education"]
    assert not {item.name for item in parsed.skills} & {"Everest Institute", "Diploma"}


def test_activity_words_in_lower_case_count_in_a_list_of_skills_only() -> None:
    assert extract_skills("Partner with HR on recruiting, interviewing and onboarding of new nurses.") == [
        "Recruiting",
        "Interviewing",
        "Employee onboarding",
    ]
    assert extract_skills("Kept scheduling, insurance verification and data entry moving.")[0] == "Scheduling"
    assert extract_skills("Spent the morning interviewing a witness about the scheduling of the trial.") == []
