import dataclasses
from datetime import date

import pytest

from recruitment_core.education import degree_level
from recruitment_core.resume_parser import (
    EducationEntry,
    ParsedResume,
    SkillEvidence,
    WorkEntry,
    YearMonth,
    parse_resume,
)

TODAY = date(2024, 6, 15)

FULL_RESUME = """\
JANE DOE, MBA
San Francisco, CA | (415) 555-0100 | Jane.Doe@Example.com
linkedin.com/in/janedoe | github.com/janedoe | https://janedoe.dev

SUMMARY
Backend engineer with 8 years of experience in Python and Go. No exposure to Java.

WORK EXPERIENCE
Senior Engineer, Acme Corp, Jan 2019 – Present
• Built payment services in Python and Django on PostgreSQL
• Led migration to Kubernetes

Globex Inc — Software Engineer
Jun 2016 - Dec 2018
- Wrote Go microservices, deployed with Docker

Data Analyst | Initech | 2014–2016
- SQL reporting in Tableau

EDUCATION
B.S. in Computer Science, Stanford University, 2010 - 2014

TECHNICAL SKILLS
Python, Go, Django, PostgreSQL, Kubernetes, Docker, AWS, React

PROJECTS
Resume Parser | 2023
- Parsed resumes with Python and FastAPI
"""


def parse(text: str, **options) -> ParsedResume:
    return parse_resume(text, today=TODAY, **options)


def roles(text: str) -> list[tuple[str, str, tuple[int, int] | None, tuple[int, int] | None, bool, int | None]]:
    return [
        (
            entry.title,
            entry.employer,
            (entry.start.year, entry.start.month) if entry.start else None,
            (entry.end.year, entry.end.month) if entry.end else None,
            entry.is_current,
            entry.months,
        )
        for entry in parse(text).work_history
    ]


# --- the whole resume ------------------------------------------------------------------------------------------


def test_full_resume_summary():
    assert parse(FULL_RESUME).to_summary() == {
        "name": "JANE DOE",
        "emails": ["jane.doe@example.com"],
        "phone": "+14155550100",
        "location": "San Francisco, CA",
        "skills": [
            "Python",
            "Go",
            "Django",
            "PostgreSQL",
            "Kubernetes",
            "Microservices",
            "Docker",
            "Data Analysis",
            "SQL",
            "Tableau",
            "AWS",
            "React",
            "FastAPI",
        ],
        "total_years_experience": 10.5,
        "current_title": "Senior Engineer",
        "employers": ["Acme Corp", "Globex Inc", "Initech"],
        "education": [
            {
                "degree_level": "bachelor",
                "field": "Computer Science",
                "institution": "Stanford University",
                "year": 2014,
            }
        ],
    }


def test_full_resume_structure():
    parsed = parse(FULL_RESUME)
    assert parsed.links == ["linkedin.com/in/janedoe", "github.com/janedoe", "https://janedoe.dev"]
    assert list(parsed.sections) == ["contact", "summary", "experience", "education", "skills", "projects"]
    assert parsed.sections["skills"] == "Python, Go, Django, PostgreSQL, Kubernetes, Docker, AWS, React"
    assert parsed.work_history[0] == WorkEntry(
        title="Senior Engineer",
        employer="Acme Corp",
        start=YearMonth(2019, 1),
        end=None,
        is_current=True,
        months=66,
        description="• Built payment services in Python and Django on PostgreSQL\n• Led migration to Kubernetes",
    )
    assert parsed.work_history[1].description == "- Wrote Go microservices, deployed with Docker"
    assert parsed.education == [EducationEntry("bachelor", "Computer Science", "Stanford University", 2014)]


def test_to_summary_has_exactly_the_contract_keys():
    assert list(parse("").to_summary()) == [
        "name",
        "emails",
        "phone",
        "location",
        "skills",
        "total_years_experience",
        "current_title",
        "employers",
        "education",
    ]


def test_nothing_is_invented_from_an_empty_resume():
    parsed = parse("   \n\n")
    assert parsed == ParsedResume(
        name=None,
        emails=[],
        phone=None,
        location=None,
        links=[],
        sections={},
        work_history=[],
        total_years_experience=0.0,
        current_title=None,
        employers=[],
        education=[],
        skills=[],
    )


def test_dataclasses_are_frozen():
    parsed = parse(FULL_RESUME)
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.work_history[0].title = "x"  # type: ignore[misc]


# --- work history layouts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Experience\nSenior Engineer, Acme Corp, Jan 2019 – Present\n- did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nAcme Corp — Senior Engineer\nJan 2019 – Present\n- did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nSenior Engineer | Acme | 2017–2020\n- did things",
            [("Senior Engineer", "Acme", (2017, 1), (2020, 12), False, 48)],
        ),
        (
            "Experience\nSenior Engineer\nAcme Corp\nJan 2019 - Present\n- did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nSenior Engineer at Acme (2019-01 to 03/2022)\n- did things",
            [("Senior Engineer", "Acme", (2019, 1), (2022, 3), False, 39)],
        ),
        (
            "Experience\nSenior Engineer\nJan 2019 – Present\nAcme Corp, San Francisco, CA\n- did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "EXPERIENCE\nAcme Corp, San Francisco, CA Jan 2019 – Present\nSenior Engineer\n• did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Work History\nJan 2019 – Present\nSenior Engineer\nAcme Corp\n• did things",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nSenior Engineer — Acme Corp (Remote)\nSan Francisco, CA | Jan 2019 – Present\n• x",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nJan 2019 - Present: Senior Engineer, Acme Corp, Austin, TX\n• x",
            [("Senior Engineer", "Acme Corp", (2019, 1), None, True, 66)],
        ),
        (
            "Employment\nGoogle 2019-2021\nSoftware Engineer\n• x",
            [("Software Engineer", "Google", (2019, 1), (2021, 12), False, 36)],
        ),
        (
            "Experience\nDirector, Sales Operations\nAcme Corp\n2019 - 2021",
            [("Director, Sales Operations", "Acme Corp", (2019, 1), (2021, 12), False, 36)],
        ),
        (
            "Experience\nRegional Sales Manager, South India\nFeb 2021 – Present\n"
            "Vistara Cloud Pvt. Ltd., Bengaluru\n- x",
            [("Regional Sales Manager, South India", "Vistara Cloud Pvt. Ltd.", (2021, 2), None, True, 41)],
        ),
        (
            "Experience\nAccount Executive, Mid-Market May 2022 – Present\nQuantix Software, Inc., New York, NY\n- x",
            [("Account Executive, Mid-Market", "Quantix Software, Inc.", (2022, 5), None, True, 26)],
        ),
        (
            "Experience\nIrwell Valley NHS Foundation Trust Jul. 2021 – Present\nStaff Nurse (Band 6), Acute Unit\n- x",
            [("Staff Nurse (Band 6), Acute Unit", "Irwell Valley NHS Foundation Trust", (2021, 7), None, True, 36)],
        ),
        (
            "Experience\nClass Teacher (P5–P7)\nAugust 2019 to Present\nMeadowbank Primary School, Edinburgh",
            [("Class Teacher (P5–P7)", "Meadowbank Primary School", (2019, 8), None, True, 59)],
        ),
        (
            "Experience\nSoftware Engineer | Acme, Inc. | 01/2019 - 03/2022\n"
            "Data Engineer @ Globex | January 2016 - Current",
            [
                ("Data Engineer", "Globex", (2016, 1), None, True, 102),
                ("Software Engineer", "Acme, Inc.", (2019, 1), (2022, 3), False, 39),
            ],
        ),
        (
            "Career History\nSummer Intern, Acme Labs, Summer 2021\n- x\nResearch Assistant, Vision Lab, Spring 2020",
            [
                ("Summer Intern", "Acme Labs", (2021, 6), (2021, 8), False, 3),
                ("Research Assistant", "Vision Lab", (2020, 3), (2020, 5), False, 3),
            ],
        ),
        (
            "Experience\nSenior Engineer, Acme Corp, Sep. 2018 – Jun. 2019\nEngineer, Initech, 2015 - now",
            [
                ("Engineer", "Initech", (2015, 1), None, True, 114),
                ("Senior Engineer", "Acme Corp", (2018, 9), (2019, 6), False, 10),
            ],
        ),
        (
            "Experience\nWarehouse Supervisor\nJan '19 – Present\nSonoran Distribution Inc., Phoenix, AZ",
            [("Warehouse Supervisor", "Sonoran Distribution Inc.", (2019, 1), None, True, 66)],
        ),
        (
            "Experience\nResearch Assistant, University of Texas at Austin, 2018 - 2020",
            [("Research Assistant", "University of Texas at Austin", (2018, 1), (2020, 12), False, 36)],
        ),
        (
            "Experience\nSales Associate, Target, 2014\n- x",
            [("Sales Associate", "Target", (2014, 1), (2014, 12), False, 12)],
        ),
    ],
)
def test_work_history_layouts(text, expected):
    assert roles(text) == expected


def test_roles_under_one_employer_heading_inherit_it():
    text = (
        "Professional Experience\nACME CORP\nSenior Engineer, Jan 2020 – Present\n• x\n"
        "Engineer, Jan 2018 – Dec 2019\n• y\nGlobex Inc\nAnalyst, 2015 - 2017\n"
    )
    assert roles(text) == [
        ("Senior Engineer", "ACME CORP", (2020, 1), None, True, 54),
        ("Engineer", "ACME CORP", (2018, 1), (2019, 12), False, 24),
        ("Analyst", "Globex Inc", (2015, 1), (2017, 12), False, 36),
    ]


def test_employer_heading_with_its_own_dates_is_not_a_role():
    text = (
        "Experience\nXYZ Logistics, Inc., Milwaukee, WI 2012 – 2018\nProject Manager (2015 – 2018)\n"
        "Project Coordinator (2012 – 2015)\n• Coordinated vendors\n"
    )
    parsed = parse(text)
    assert roles(text) == [
        ("Project Manager", "XYZ Logistics, Inc.", (2015, 1), (2018, 12), False, 48),
        ("Project Coordinator", "XYZ Logistics, Inc.", (2012, 1), (2015, 12), False, 48),
    ]
    assert parsed.work_history[1].description == "• Coordinated vendors"


def test_dates_first_layout_keeps_the_description_out_of_the_header():
    text = (
        "Experience\n2020 – present Backend Developer, Allegro, Warsaw\nJava and Kotlin microservices on Kubernetes\n"
        "since 10.2017 Junior Developer, Comarch SA, Kraków\n"
    )
    assert roles(text) == [
        ("Backend Developer", "Allegro", (2020, 1), None, True, 54),
        ("Junior Developer", "Comarch SA", (2017, 10), None, True, 81),
    ]


def test_dashed_header_with_a_place():
    text = "Work Experience:\nCertified Nursing Assistant - Heritage Nursing Home - Round Rock, TX - 08/2014 to 05/2017"
    assert roles(text) == [("Certified Nursing Assistant", "Heritage Nursing Home", (2014, 8), (2017, 5), False, 34)]


def test_roles_without_dates_are_kept_without_lengths():
    text = (
        "Experience\nAcme Corp — Senior Engineer\n• Built Python services\n\n"
        "Globex Inc\nData Analyst\nBoston, MA\n• SQL\n"
    )
    parsed = parse(text)
    assert roles(text) == [
        ("Senior Engineer", "Acme Corp", None, None, False, None),
        ("Data Analyst", "Globex Inc", None, None, False, None),
    ]
    assert (parsed.total_years_experience, parsed.current_title) == (0.0, "Senior Engineer")
    assert [(item.name, item.role, item.months) for item in parsed.skills if item.name == "Python"] == [
        ("Python", "Senior Engineer at Acme Corp", None)
    ]


def test_linkedin_layout_with_durations():
    text = (
        "Experience\nAcme Corp\n3 yrs 2 mos\nSenior Engineer\nJan 2022 - Present · 2 yrs 6 mos\nBuilt stuff\n"
        "Engineer\nJan 2021 - Dec 2021 · 1 yr\nBuilt more\n"
    )
    assert roles(text) == [
        ("Senior Engineer", "Acme Corp", (2022, 1), None, True, 30),
        ("Engineer", "Acme Corp", (2021, 1), (2021, 12), False, 12),
    ]


def test_work_history_is_newest_first_and_employers_follow_it():
    text = "Experience\nAnalyst, Initech, 2012 - 2014\nEngineer, Globex, 2015 - 2018\nLead, Acme Corp, 2019 - now\n"
    parsed = parse(text)
    assert [entry.employer for entry in parsed.work_history] == ["Acme Corp", "Globex", "Initech"]
    assert parsed.employers == ["Acme Corp", "Globex", "Initech"]
    assert parsed.current_title == "Lead"


def test_employers_are_deduplicated():
    text = "Experience\nEngineer, Acme Corp, 2019 - 2020\nIntern, Acme Corp, Summer 2018\n"
    assert parse(text).employers == ["Acme Corp"]


def test_current_title_without_a_current_role_is_the_most_recent():
    text = "Experience\nEngineer, Globex, 2015 - 2018\nSenior Engineer, Acme Corp, Jan 2019 - Mar 2022\n"
    assert parse(text).current_title == "Senior Engineer"


def test_current_title_with_two_current_roles_is_the_latest_started():
    text = "Experience\nFounder, Side Labs, 2021 - Present\nSenior Engineer, Acme Corp, 2018 - Present\n"
    assert parse(text).current_title == "Founder"


# --- total years -------------------------------------------------------------------------------------------------


def test_overlapping_roles_are_not_double_counted():
    text = (
        "Experience\n"
        "Senior Engineer, Acme Corp, 01/2019 - 12/2020\n"  # 24 months
        "Consultant, Freelance Labs, 01/2020 - 06/2021\n"  # overlaps 12 of its 18 months
        "Engineer, Globex, 01/2016 - 12/2016\n"  # 12 months after a gap
    )
    assert parse(text).total_years_experience == 3.5


def test_total_years_rounds_half_up_to_one_decimal():
    # 111 months = 9.25 years
    assert parse("Experience\nEngineer, Acme Corp, 01/2010 - 03/2019\n").total_years_experience == 9.3


def test_education_and_project_dates_are_not_work_experience():
    text = (
        "Experience\nEngineer, Acme Corp, 2020 - 2021\n"
        "Education\nB.S. Computer Science, State University, 2015 - 2019\n"
        "Projects\nChess Engine, 2010 - 2019\n"
    )
    assert parse(text).total_years_experience == 2.0


def test_roles_without_an_experience_heading():
    text = "Jane Doe\njane@example.com\n\nSenior Engineer, Acme Corp, 2019 - 2021\nB.S. Physics, MIT, 2014 - 2018\n"
    parsed = parse(text)
    assert [(entry.title, entry.employer) for entry in parsed.work_history] == [("Senior Engineer", "Acme Corp")]
    assert parsed.total_years_experience == 3.0


def test_future_roles_do_not_count():
    parsed = parse("Experience\nEngineer, Acme Corp, Sep 2024 - Present\n")
    assert parsed.total_years_experience == 0.0
    assert parsed.work_history[0].months == 0


# --- skills and their evidence -------------------------------------------------------------------------------------


def test_skill_evidence_per_mention():
    parsed = parse(FULL_RESUME)
    assert parsed.skills[:3] == [
        SkillEvidence(
            name="Python",
            section="summary",
            context="Backend engineer with 8 years of experience in Python and Go. No exposure to Java.",
            role=None,
            months=None,
        ),
        SkillEvidence(
            name="Go",
            section="summary",
            context="Backend engineer with 8 years of experience in Python and Go. No exposure to Java.",
            role=None,
            months=None,
        ),
        SkillEvidence(
            name="Python",
            section="experience",
            context="Built payment services in Python and Django on PostgreSQL",
            role="Senior Engineer at Acme Corp",
            months=66,
        ),
    ]
    go_in_experience = [item for item in parsed.skills if item.name == "Go" and item.section == "experience"]
    assert go_in_experience == [
        SkillEvidence(
            "Go", "experience", "Wrote Go microservices, deployed with Docker", "Software Engineer at Globex Inc", 31
        )
    ]
    assert [item.section for item in parsed.skills if item.name == "AWS"] == ["skills"]
    assert [(item.section, item.role) for item in parsed.skills if item.name == "FastAPI"] == [
        ("projects", "Resume Parser")
    ]


def test_negated_skills_are_not_claimed():
    parsed = parse(FULL_RESUME)
    assert "Java" not in parsed.skill_names()
    assert parse("Summary\nNot familiar with Kubernetes. Strong in Docker.").skill_names() == ["Docker"]


def test_skill_names_are_unique_in_order_of_first_mention():
    parsed = parse("Skills\nDocker, Python\nSummary\nPython and docker daily")
    assert parsed.skill_names() == ["Docker", "Python"]
    assert len(parsed.skills) == 4


def test_a_keyword_stuffed_skills_line_is_skills_evidence_only():
    parsed = parse(
        "Experience\nEngineer, Acme Corp, 2019 - 2021\n- Built APIs\nSkills\nPython Java Go Rust Scala Kotlin"
    )
    assert {item.section for item in parsed.skills} == {"skills"}
    assert {item.role for item in parsed.skills} == {None}


def test_name_and_employer_names_are_not_skills():
    text = "Ruby Chen\nruby@example.com\nExperience\nAccount Executive, Salesforce, 2019 - 2022\n- Sold CRM licences"
    parsed = parse(text)
    assert parsed.name == "Ruby Chen"
    assert parsed.skill_names() == ["CRM"]


def test_keywords_above_the_name_are_ignored():
    text = "Kubernetes Terraform Java Scala\nMei Lin Tan\nmeilin@example.com\nSkills\nPython"
    parsed = parse(text)
    assert parsed.name == "Mei Lin Tan"
    assert parsed.skill_names() == ["Python"]


def test_skills_in_a_certifications_section():
    parsed = parse("Certifications\nAWS Certified Solutions Architect, 2022")
    assert [(item.name, item.section) for item in parsed.skills] == [
        ("AWS", "certifications"),
        ("AWS Certified Solutions Architect", "certifications"),  # the credential by its name, not its year
    ]


def test_credentials_named_without_issuer_and_not_before_they_are_held():
    parsed = parse(
        "Certifications\n"
        "Fundamentals of Critical Care Support course, Society of Critical Care Medicine, 2019\n"
        "CFA Level II Candidate\n"
        "Certified Administrative Professional (CAP), IAAP, 2019"
    )
    names = {item.name for item in parsed.skills if item.source == "skills_list"}
    assert names == {"Fundamentals of Critical Care Support", "Certified Administrative Professional"}
    assert "CFA" not in {item.name for item in parsed.skills}


def test_a_highlights_list_beside_the_summary_is_read_as_skills():
    parsed = parse(
        "Jane Doe\nSummary\nBranch manager with twelve years in retail banking.\n"
        "Highlights\n• Loan structuring\n• Loan pricing\n• Loan origination\n"
    )
    listed = {item.name for item in parsed.skills if item.source == "skills_list"}
    assert {"Loan structuring", "Loan pricing"} <= listed
    # The paragraph is no list: its words are not free-form skills.
    assert not any("twelve" in name.lower() for name in listed)


# --- sections ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Experience", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Work History:", "experience"),
        ("Professional Background", "experience"),
        ("Employment", "experience"),
        ("Career History", "experience"),
        ("Where I've Worked", "experience"),
        ("Relevant Professional Experience", "experience"),
        ("Classroom Experience", "experience"),
        ("## Experience", "experience"),
        ("**Experience**", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("Skills", "skills"),
        ("Technical Skills", "skills"),
        ("Technical Toolkit", "skills"),
        ("CORE COMPETENCIES", "skills"),
        ("Key Skills:", "skills"),
        ("Areas of Expertise", "skills"),
        ("Education", "education"),
        ("Academic Background", "education"),
        ("Qualifications", "education"),
        ("Education & Registration", "education"),
        ("Projects", "projects"),
        ("Selected Projects", "projects"),
        ("Certifications", "certifications"),
        ("Licenses & Certifications", "certifications"),
        ("Summary", "summary"),
        ("Profile", "summary"),
        ("About Me", "summary"),
        ("Objective", "summary"),
        ("LANGUAGES", "languages"),
    ],
)
def test_section_headings(heading, section):
    parsed = parse(f"Jane Doe\n\n{heading}\nSome content here")
    assert parsed.sections == {"contact": "Jane Doe", section: "Some content here"}


def test_underlined_heading():
    parsed = parse("Jane Doe\nProfile\n=======\nChemistry teacher.\nTeaching Experience\n-------------------\nx")
    assert parsed.sections == {"contact": "Jane Doe", "summary": "Chemistry teacher.", "experience": "x"}


def test_inline_heading_carries_its_content():
    parsed = parse("Jane Doe\nSkills: Python, SQL\nEducation: B.A. History, Yale University, 2010")
    assert parsed.sections["skills"] == "Python, SQL"
    assert parsed.education == [EducationEntry("bachelor", "History", "Yale University", 2010)]


def test_words_that_are_also_headings_stay_in_a_list():
    parsed = parse("Skills\nPython\nLeadership\nTools\nSQL")
    assert parsed.sections == {"skills": "Python\nLeadership\nTools\nSQL"}


def test_a_label_inside_a_job_does_not_open_a_section():
    text = "Experience\nEngineer, Acme Corp, 2019 - 2021\n- Built APIs\nSkills: Python, Django\n- More\n"
    parsed = parse(text)
    assert list(parsed.sections) == ["experience"]
    assert parsed.work_history[0].description == "- Built APIs\nSkills: Python, Django\n- More"


def test_a_repeated_section_is_joined():
    parsed = parse("Skills\nPython\nEducation\nB.A., Yale University, 2010\nTechnical Skills\nSQL")
    assert parsed.sections["skills"] == "Python\nSQL"


# --- contact details -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane Doe\njane@example.com", "Jane Doe"),
        ("JOHN SMITH\njohn@example.com", "JOHN SMITH"),
        ("Jane Doe, MBA\njane@example.com", "Jane Doe"),
        ("SARAH O'NEILL, RN, BSN\nsarah@example.com", "SARAH O'NEILL"),
        ("Curriculum Vitae\n\nJohn Smith\nLondon, UK", "John Smith"),
        ("RESUME\nMaría José García-López\nMadrid, Spain", "María José García-López"),
        ("**Jane Doe**\nSenior Software Engineer", "Jane Doe"),
        ("# Aisha Khan\nBackend Developer (Python)", "Aisha Khan"),
        ("Jane Doe | Software Engineer | jane@doe.com", "Jane Doe"),
        ("jane@doe.com\nJane Doe", "Jane Doe"),
        ("Name: Ahmed Al-Farsi\nPhone: +1 415 555 0100", "Ahmed Al-Farsi"),
        ("Dr. Emily Chen, PhD\nBoston, MA", "Emily Chen"),
        ("Jürgen Weiß — Curriculum Vitae\njuergen@posteo.de", "Jürgen Weiß"),
        ("Ludwig van Beethoven\nVienna", "Ludwig van Beethoven"),
        ("Senior Software Engineer\nSan Francisco, CA", None),
        ("Curriculum Vitae", None),
        ("Tableau COBOL\nSalesforce SAP", None),
        ("jane@example.com\n(415) 555-0100", None),
    ],
)
def test_name(text, name):
    assert parse(text).name == name


@pytest.mark.parametrize(
    ("text", "region", "phone"),
    [
        ("(415) 555-0100", "US", "+14155550100"),
        ("415.555.0100", "US", "+14155550100"),
        ("415-555-0100", "US", "+14155550100"),
        ("+1 (212) 555-0199", "US", "+12125550199"),
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("+49 151 23456789", "US", "+4915123456789"),
        ("+91 98765 43210", "US", "+919876543210"),
        ("Tel. +44 (0)131 496 0742", "US", "+441314960742"),
        ("020 7946 0958", "GB", "+442079460958"),
        ("Mobile: (555) 123-4567", "US", "+15551234567"),
        ("London, UK\n020 7946 0958", "US", "+442079460958"),
        ("Call 555-0100", "US", None),
        ("Experience 2019 - 2021", "US", None),
    ],
)
def test_phone_in_e164(text, region, phone):
    assert parse(f"Jane Doe\n{text}", default_region=region).phone == phone


def test_phone_of_a_referee_is_not_the_candidate_s():
    text = "Jane Doe\njane@example.com\nExperience\nEngineer, Acme Corp, 2019 - 2021\nReferences\nBob, +1 415 555 0199"
    parsed = parse(text)
    assert parsed.phone is None
    assert parsed.emails == ["jane@example.com"]


def test_emails():
    text = (
        "Zoë Whitfield\nzoe@Whitfield.Studio · zoe.whitfield@gmail.com\n"
        "Backup: mailto:zoe.w+jobs@proton.me, zoe@whitfield.studio.\n"
        "jane [at] example [dot] com\nfatima.alsayed @gmail.com\nEngineer @ Acme.io"
    )
    assert parse(text).emails == [
        "zoe@whitfield.studio",
        "zoe.whitfield@gmail.com",
        "zoe.w+jobs@proton.me",
        "fatima.alsayed@gmail.com",
        "jane@example.com",
    ]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("San Francisco, CA | (415) 555-0100", "San Francisco, CA"),
        ("Berlin, Germany | +49 151 23456789", "Berlin, Germany"),
        ("London, UK", "London, UK"),
        ("Toronto, ON, Canada", "Toronto, ON, Canada"),
        ("Memphis, TN 38118 | +1 901 555 0163", "Memphis, TN"),
        ("123 Main St, Springfield, IL 62704", "Springfield, IL"),
        ("14 Marchmont Road, Edinburgh EH9 1HY", "Edinburgh"),
        ("Salford, Greater Manchester", "Salford, Greater Manchester"),
        ("Location: Austin, Texas", "Austin, Texas"),
        ("Singapore", "Singapore"),
        ("Senior Engineer, Acme Corp", None),
        ("jane@example.com", None),
    ],
)
def test_location(text, location):
    assert parse(f"Jane Doe\n{text}").location == location


def test_location_next_to_contact_details_printed_lower_down():
    text = (
        "Omar Haddad\nSenior iOS Developer\nExperience\nSenior iOS Developer Apr 2021 – Present\n"
        "Maple Leaf Mobile Inc., Toronto\n• Built apps\nMontréal, QC\n+1 514 555 0136\nomar@example.com\n"
    )
    parsed = parse(text)
    assert (parsed.location, parsed.phone) == ("Montréal, QC", "+15145550136")


def test_links():
    text = (
        "Jane Doe\nlinkedin.com/in/janedoe | github.com/jane-doe | https://janedoe.dev/blog.\n"
        "www.janedoe.net · portfolio: janedoe.io · jane@janedoe.com\nSkills\nASP.NET, Node.js, socket.io"
    )
    assert parse(text).links == [
        "linkedin.com/in/janedoe",
        "github.com/jane-doe",
        "https://janedoe.dev/blog",
        "www.janedoe.net",
        "janedoe.io",
    ]


# --- education ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("B.S.", "bachelor"),
        ("BS in Biology", "bachelor"),
        ("BSc", "bachelor"),
        ("B.Sc. (Hons)", "bachelor"),
        ("B.A.", "bachelor"),
        ("BA, History", "bachelor"),
        ("Bachelor of Science", "bachelor"),
        ("Bachelor's degree", "bachelor"),
        ("BEng", "bachelor"),
        ("B.Tech", "bachelor"),
        ("BBA", "bachelor"),
        ("BSN", "bachelor"),
        ("Licenciatura em Engenharia", "bachelor"),
        ("Grado en Ingeniería", "bachelor"),
        ("MA (Hons) History", "bachelor"),
        ("M.S.", "master"),
        ("MS in Statistics", "master"),
        ("MSc", "master"),
        ("MBA", "master"),
        ("M.B.A.", "master"),
        ("M.A.", "master"),
        ("MA in English", "master"),
        ("Master's", "master"),
        ("Master of Engineering", "master"),
        ("MEng", "master"),
        ("MSN", "master"),
        ("MChem Chemistry", "master"),
        ("Máster en Big Data", "master"),
        ("Ph.D.", "phd"),
        ("PhD", "phd"),
        ("Doctorate", "phd"),
        ("Doctor of Education", "phd"),
        ("Associate of Arts", "associate"),
        ("Associate Degree in Nursing", "associate"),
        ("A.A.S.", "associate"),
        ("AAS, Accounting", "associate"),
        ("Diploma", "diploma"),
        ("High School Diploma", "diploma"),
        ("GED", "diploma"),
        ("Boston, MA", None),
        ("Associate Engineer", None),
        ("Scrum Master", "master"),
    ],
)
def test_degree_spellings(text, level):
    assert degree_level(text) == level


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "B.S. in Computer Science, Stanford University, 2014",
            [("bachelor", "Computer Science", "Stanford University", 2014)],
        ),
        (
            "Bachelor of Science in Nursing — University of Michigan (2012)",
            [("bachelor", "Nursing", "University of Michigan", 2012)],
        ),
        (
            "Master of Business Administration, Harvard Business School, 2018",
            [("master", "Business Administration", "Harvard Business School", 2018)],
        ),
        ("MBA, Finance | Wharton School | 2016", [("master", "Finance", "Wharton School", 2016)]),
        ("MBA (Marketing), Symbiosis Institute, 2013", [("master", "Marketing", "Symbiosis Institute", 2013)]),
        (
            "Stanford University\nB.S. Computer Science\n2011 - 2015",
            [("bachelor", "Computer Science", "Stanford University", 2015)],
        ),
        (
            "University of California, Berkeley\nPh.D., Electrical Engineering, 2020",
            [("phd", "Electrical Engineering", "University of California, Berkeley", 2020)],
        ),
        (
            "BSN, Johns Hopkins University, Baltimore, MD, May 2016",
            [("bachelor", "Nursing", "Johns Hopkins University", 2016)],
        ),
        (
            "Associate of Applied Science (A.A.S.) in Accounting\nCommunity College of Denver, 2010",
            [("associate", "Accounting", "Community College of Denver", 2010)],
        ),
        ("High School Diploma, Lincoln High School, 2008", [("diploma", None, "Lincoln High School", 2008)]),
        (
            "Practical Nursing Diploma, Atlanta Technical College, 2012",
            [("diploma", "Practical Nursing", "Atlanta Technical College", 2012)],
        ),
        (
            "Bachelor's degree in Accounting from University of Texas at Austin (2012)",
            [("bachelor", "Accounting", "University of Texas at Austin", 2012)],
        ),
        (
            "M.S. Computer Science — Georgia Institute of Technology — Expected May 2025",
            [("master", "Computer Science", "Georgia Institute of Technology", 2025)],
        ),
        (
            "BSc (Hons) Economics, London School of Economics, 2015-2018",
            [("bachelor", "Economics", "London School of Economics", 2018)],
        ),
        (
            "Bachelor of Arts, Economics\nUniversity of Chicago, 2010",
            [("bachelor", "Economics", "University of Chicago", 2010)],
        ),
        ("B.Com, Christ University, 2011", [("bachelor", "Commerce", "Christ University", 2011)]),
        ("B.A. Communication, Hunter College (CUNY), 2018", [("bachelor", "Communication", "Hunter College", 2018)]),
        (
            "Bachelor of Accountancy (Honours), Nanyang Technological\nUniversity, 2017",
            [("bachelor", "Accountancy", "Nanyang Technological University", 2017)],
        ),
        (
            "Professional Graduate Diploma in Education (Primary), University of Edinburgh, 2018\n"
            "MA (Hons) History, University of St Andrews, 2015",
            [
                ("diploma", "Education (Primary)", "University of Edinburgh", 2018),
                ("bachelor", "History", "University of St Andrews", 2015),
            ],
        ),
        ("B.S. Physics, State University, 2019 - Present", [("bachelor", "Physics", "State University", None)]),
        ("Stanford University", [(None, None, "Stanford University", None)]),
        ("GPA 3.8, Dean's List", []),
    ],
)
def test_education_entries(text, expected):
    parsed = parse(f"Education\n{text}")
    assert [(entry.degree_level, entry.field, entry.institution, entry.year) for entry in parsed.education] == expected


def test_degrees_outside_the_education_section_are_not_education():
    assert parse("Summary\nEngineer with an MBA from Wharton School").education == []
