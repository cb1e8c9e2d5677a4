"""Resumes exported by online resume builders, as text extraction gives them: a headline in capitals instead
of a name on anonymised resumes, "Company Name" and "City , State" placeholders, dates in every order,
"Current" ending a range, two-column skill grids and "Degree : Field" education lines."""

from datetime import date

import pytest

from recruitment_core.resume_parser import ParsedResume, YearMonth, parse_resume
from recruitment_core.sections import split_lines, split_sections

TODAY = date(2024, 6, 15)


def parse(text: str) -> ParsedResume:
    return parse_resume(text, today=TODAY)


def education(parsed: ParsedResume) -> list[tuple[str | None, str | None, str | None, int | None]]:
    return [(entry.degree_level, entry.field, entry.institution, entry.year) for entry in parsed.education]


def roles(parsed: ParsedResume) -> list[tuple[str, str, bool]]:
    return [(entry.title, entry.employer, entry.is_current) for entry in parsed.work_history]


IT_MANAGER = """\
SENIOR INFORMATION TECHNOLOGY MANAGER
Professional Summary
Information technology manager with 12 years of experience leading infrastructure and service desk teams.
Skill Highlights
Project management    Vendor management
Network security    ITIL
Budgeting    Microsoft Office
Professional Experience
Senior Information Technology Manager
01/2016 to Current
Company Name － City , State
Directed a team of 14 engineers supporting 3,000 users.
Migrated the data centre to AWS.
Information Technology Manager
02/2012 - 05/2014
Company Name － City , State
Managed the help desk and network operations.
Education and Training
Master of Business Administration (MBA) : Information Systems , 2011
University of Phoenix － City , State
Bachelor of Science : Computer Information Systems , 2006
DeVry University － City , State
"""


def test_it_manager_headline_is_not_a_name():
    parsed = parse(IT_MANAGER)
    assert parsed.name is None
    assert parsed.phone is None
    assert parsed.location is None
    assert parsed.emails == []
    assert parsed.current_title == "Senior Information Technology Manager"
    assert parsed.employers == []
    assert roles(parsed) == [
        ("Senior Information Technology Manager", "", True),
        ("Information Technology Manager", "", False),
    ]
    assert education(parsed) == [
        ("master", "Information Systems", "University of Phoenix", 2011),
        ("bachelor", "Computer Information Systems", "DeVry University", 2006),
    ]


def test_it_manager_sections():
    parsed = parse(IT_MANAGER)
    assert list(parsed.sections) == ["contact", "summary", "skills", "experience", "education"]
    assert parsed.sections["skills"].splitlines()[0] == "Project management    Vendor management"


REGISTERED_NURSE = """\
REGISTERED NURSE
Summary
Compassionate registered nurse with seven years in acute care and telemetry.
Core Qualifications
Patient assessment    Wound care
IV therapy    Electronic medical records
Experience
Registered Nurse    Jan 2017 to Current
Company Name    City , State
Provided care for up to six telemetry patients per shift.
Licensed Practical Nurse    Mar 2013 to Dec 2016
Company Name    City , State
Administered medications and monitored vital signs.
Education
Bachelor of Science : Nursing , 2016
Chamberlain College of Nursing    City , State
Associate of Applied Science : Practical Nursing , 2012
Ivy Tech Community College    City , State
Certifications
BLS, ACLS
"""


def test_nurse_title_with_right_aligned_dates():
    parsed = parse(REGISTERED_NURSE)
    assert parsed.name is None
    assert parsed.current_title == "Registered Nurse"
    assert parsed.employers == []
    assert roles(parsed) == [("Registered Nurse", "", True), ("Licensed Practical Nurse", "", False)]
    assert parsed.total_years_experience == 11.3


def test_nurse_education_degree_colon_field():
    assert education(parse(REGISTERED_NURSE)) == [
        ("bachelor", "Nursing", "Chamberlain College of Nursing", 2016),
        ("associate", "Practical Nursing", "Ivy Tech Community College", 2012),
    ]


ACCOUNTANT = """\
Maria Gonzalez
123 Oak Street, Houston, TX 77002
(713) 555-0142
maria.gonzalez@example.com
Professional Summary
Certified public accountant with a decade of audit and tax experience.
Skills
General ledger    Account reconciliation
QuickBooks    Financial reporting
Work History
Company Name City , State Senior Accountant 06/2015 to Current
Prepared monthly closing entries and financial statements.
Company Name City , State Staff Accountant 08/2011 to 05/2015
Reconciled bank accounts.
Education
BS , Business Administration  2009  University of Houston  City , State
Certifications
Certified Public Accountant
"""


def test_accountant_employer_first_lines():
    parsed = parse(ACCOUNTANT)
    assert parsed.name == "Maria Gonzalez"
    assert parsed.phone == "+17135550142"
    assert parsed.location == "Houston, TX"
    assert parsed.emails == ["maria.gonzalez@example.com"]
    assert parsed.current_title == "Senior Accountant"
    assert parsed.employers == []
    assert roles(parsed) == [("Senior Accountant", "", True), ("Staff Accountant", "", False)]


def test_accountant_education_short_degree_comma_field():
    assert education(parse(ACCOUNTANT)) == [("bachelor", "Business Administration", "University of Houston", 2009)]


TEACHER = """\
ELEMENTARY SCHOOL TEACHER
Profile
Dedicated teacher committed to building a positive classroom culture.
Qualifications
Classroom management    Lesson planning
Differentiated instruction    Parent communication
Work  History
08/2014 - Current Fourth Grade Teacher Company Name City , State
Planned and delivered lessons for 28 students.
08/2010 - 06/2014 Teacher Assistant Company Name City , State
Supported small-group reading instruction.
EDUCATION AND TRAINING
M.Ed. : Curriculum and Instruction , 2013 Lesley University City , State
BA/BS : Elementary Education , 2010 Ohio State University City , State
Interests
Gardening, hiking
"""


def test_teacher_dates_first_and_qualifications_as_skills():
    parsed = parse(TEACHER)
    assert parsed.name is None
    assert parsed.location is None
    assert parsed.current_title == "Fourth Grade Teacher"
    assert parsed.employers == []
    assert roles(parsed) == [("Fourth Grade Teacher", "", True), ("Teacher Assistant", "", False)]
    assert list(parsed.sections) == ["contact", "summary", "skills", "experience", "education", "interests"]


def test_teacher_education_abbreviated_degrees():
    assert education(parse(TEACHER)) == [
        ("master", "Curriculum and Instruction", "Lesley University", 2013),
        ("bachelor", "Elementary Education", "Ohio State University", 2010),
    ]


SALES = """\
SALES MANAGER
Summary
Results-driven sales manager who grew regional revenue by 40%.
SkillHighlights
Account management    Negotiation
Salesforce    Forecasting
Accomplishments
Top performer of the year, 2019.
Experience
Regional Sales Manager , 03/2018 to Present
Acme Distribution Inc. － Dallas , TX
Led a team of nine account executives.
Sales Representative , 07/2013 to 02/2018
Company Name － City , State
Opened 60 new accounts.
Education
Master of Business Administration (MBA) , 2016
Southern Methodist University － City , State
High School Diploma , 2007
Lincoln High School － City , State
"""


def test_sales_title_comma_dates_and_real_employer_kept():
    parsed = parse(SALES)
    assert parsed.name is None
    assert parsed.current_title == "Regional Sales Manager"
    assert parsed.employers == ["Acme Distribution Inc."]
    assert roles(parsed) == [
        ("Regional Sales Manager", "Acme Distribution Inc.", True),
        ("Sales Representative", "", False),
    ]
    assert "skills" in parsed.sections and "awards" in parsed.sections


def test_sales_education_mba_and_high_school():
    assert education(parse(SALES)) == [
        ("master", "Business Administration", "Southern Methodist University", 2016),
        ("diploma", None, "Lincoln High School", 2007),
    ]


CHEF = """\
EXECUTIVE CHEF
Executive Profile
Executive chef with fifteen years in fine dining and banquet kitchens.
Skills
Menu development    Food cost control
Staff training    ServSafe
Professional Experience
Company Name
City , State
Executive Chef
Jun 2015 to Now
Created seasonal menus and managed a staff of 22.
Company Name
City , State
Sous Chef
Apr 2010 to May 2015
Supervised line cooks.
Education
Associate of Applied Science : Culinary Arts , 2009
Culinary Institute of America － City , State
Additional Information
Available for relocation.
"""


def test_chef_employer_place_title_dates_on_own_lines():
    parsed = parse(CHEF)
    assert parsed.name is None
    assert parsed.current_title == "Executive Chef"
    assert parsed.employers == []
    assert roles(parsed) == [("Executive Chef", "", True), ("Sous Chef", "", False)]
    assert education(parsed) == [("associate", "Culinary Arts", "Culinary Institute of America", 2009)]
    assert "Executive Profile" not in (parsed.name or "")


LAWYER = """\
ATTORNEY
Summary
Litigation attorney with experience in commercial disputes.
Experience
Associate Attorney Jan 2019 to Current
Smith & Partners LLP City , State
Drafted motions and argued hearings.
Education
JD , 2018 Georgetown University Law Center City , State
BA , Political Science , 2015 University of Virginia City , State
Affiliations
American Bar Association
Presentations
Recent changes in contract law, 2021.
Publications
A note on arbitration, 2020.
Languages
Spanish
"""


def test_lawyer_jd_and_ba():
    parsed = parse(LAWYER)
    assert parsed.name is None
    assert parsed.current_title == "Associate Attorney"
    assert parsed.employers == ["Smith & Partners LLP"]
    assert education(parsed) == [
        ("phd", "Law", "Georgetown University Law Center", 2018),
        ("bachelor", "Political Science", "University of Virginia", 2015),
    ]
    assert list(parsed.sections) == [
        "contact",
        "summary",
        "experience",
        "education",
        "activities",
        "publications",
        "languages",
    ]


ENGINEER = """\
Daniel Okafor
Civil Engineer
daniel.okafor@example.com    (312) 555-0199    Chicago, IL
Summary
Civil engineer specialising in stormwater design.
Experience
Project Engineer       Current
Hanson Engineering Group       Chicago, IL
Designed drainage for municipal road projects.
Education
MSc , Civil Engineering , 2017 Northwestern University
"""


def test_named_resume_keeps_its_name():
    parsed = parse(ENGINEER)
    assert parsed.name == "Daniel Okafor"
    assert parsed.phone == "+13125550199"
    assert parsed.location == "Chicago, IL"
    assert education(parsed) == [("master", "Civil Engineering", "Northwestern University", 2017)]


def test_date_range_is_never_a_phone_number():
    text = "CUSTOMER SERVICE REPRESENTATIVE\nExperience\n02/2012 - 05/2014\nCustomer Service Representative\n"
    parsed = parse(text)
    assert parsed.phone is None
    assert parsed.name is None


@pytest.mark.parametrize(
    "heading",
    [
        "Core Qualifications",
        "Skill Highlights",
        "SkillHighlights",
        "Professional Summary",
        "Executive Profile",
        "Additional Information",
        "Education and Training",
        "EDUCATION AND TRAINING",
        "Work  History",
        "Accomplishments",
        "Affiliations",
        "Presentations",
        "Interests",
    ],
)
def test_builder_headings_open_sections_and_are_never_names(heading: str):
    text = f"{heading}\nSomething written here\n"
    sections = split_sections(split_lines(text))
    assert [section.heading for section in sections[1:]] == [heading]
    assert parse(text).name is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Bachelor of Science : Nursing", ("bachelor", "Nursing")),
        ("Associate of Applied Science", ("associate", None)),
        ("Master of Business Administration (MBA)", ("master", "Business Administration")),
        ("High School Diploma", ("diploma", None)),
        ("BA/BS : Psychology", ("bachelor", "Psychology")),
        ("MSc : Data Science", ("master", "Data Science")),
        ("M.Ed. : Special Education", ("master", "Special Education")),
        ("JD", ("phd", "Law")),
        ("Bachelor of Arts : English Literature , 2004", ("bachelor", "English Literature")),
    ],
)
def test_degree_forms(line: str, expected: tuple[str, str | None]):
    parsed = parse(f"Education\n{line}\n")
    assert [(entry.degree_level, entry.field) for entry in parsed.education] == [expected]


# --- layouts of two-column templates, as extraction reads them --------------------------------------------------

SIDEBAR_FIRST = """\
⌂ Seattle, WA
☎ 206-555-0124
✉ maya.okafor@example.com
TOOLS
▪ Figma
▪ Adobe Illustrator
EDUCATION
BFA, Interaction Design
California College of the Arts, San Francisco, CA
Maya Okafor
Senior UX Designer
PROFILE
Senior UX designer with eight years designing B2B and consumer products.
EXPERIENCE
Senior UX Designer Oct 2021 – Present
Zillow — Seattle, WA
▪ Led redesign of the rental application flow.
"""


def test_name_below_a_sidebar_printed_first():
    parsed = parse(SIDEBAR_FIRST)
    assert parsed.name == "Maya Okafor"
    assert parsed.phone == "+12065550124"
    assert parsed.location == "Seattle, WA"
    assert parsed.current_title == "Senior UX Designer"
    assert parsed.employers == ["Zillow"]
    assert "Figma" in parsed.skill_names()  # the sidebar above the name is the person's own


def test_headings_in_a_left_margin():
    text = (
        "Marisol Ortega-Reyes\nAccounts Payable Specialist\n"
        "PROFILE Accounts payable specialist with nine years of full-cycle AP experience.\n"
        "SKILLS •QuickBooks Enterprise, Sage 300 Construction\n"
        "EXPERIENCE Sonoran Builders Group Tucson, AZ\n"
        "Accounts Payable Specialist March 2021 – Present\n"
        "•Process 1,500+ invoices per month.\n"
        "EDUCATION Associate of Applied Science in Accounting 2017\n"
        "Pima Community College, Tucson, AZ\n"
    )
    parsed = parse(text)
    assert list(parsed.sections) == ["contact", "summary", "skills", "experience", "education"]
    assert roles(parsed) == [("Accounts Payable Specialist", "Sonoran Builders Group", True)]
    assert education(parsed) == [("associate", "Accounting", "Pima Community College", 2017)]


def test_a_heading_word_in_capitals_is_not_a_margin_heading_alone():
    text = "Jane Roe\nEXPERIENCE\nEDUCATION DIRECTOR, Lakeside Schools, 2019 - 2023\n- Led curriculum reviews.\n"
    parsed = parse(text)
    assert roles(parsed) == [("EDUCATION DIRECTOR", "Lakeside Schools", False)]


STACKED_HEADINGS = """\
IT SUPPORT SPECIALIST
WORK HISTORY
10/2020 - Current
01/2019 - 09/2020
EDUCATION
2018
CERTIFICATIONS
• CompTIA A+
IT Support Specialist
Company Name — City , State
• Resolve 45 tickets a day in ServiceNow.
Help Desk Technician
Company Name — City , State
• Reset passwords in Active Directory.
Associate of Applied Science in Computer Networking
Community College, City , State
"""


def test_dates_and_degrees_read_apart_from_their_roles():
    parsed = parse(STACKED_HEADINGS)
    assert parsed.name is None
    assert [
        (entry.title, entry.employer, entry.start, entry.end, entry.is_current) for entry in parsed.work_history
    ] == [
        ("IT Support Specialist", "", YearMonth(2020, 10), None, True),
        ("Help Desk Technician", "", YearMonth(2019, 1), YearMonth(2020, 9), False),
    ]
    assert education(parsed) == [("associate", "Computer Networking", "Community College", 2018)]


def test_unevenly_letter_spaced_headings():
    text = (
        "Oluwaseun Adeyemi\nS U M M A RY\nSupport team lead.\nEX P E R I E N C E\nTeam Lead, Brightloop, 2022 - 2024\n"
    )
    parsed = parse(text)
    assert list(parsed.sections) == ["contact", "summary", "experience"]
    assert parsed.current_title == "Team Lead"


def test_a_name_broken_over_two_lines():
    parsed = parse("Priyanka\nDeshpande\nSenior Corporate Counsel\npriyanka.deshpande@example.com\n")
    assert parsed.name == "Priyanka Deshpande"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "Adjunct Instructor, Aug 2023 – Present\nAccounting (part-time)\n"
            "Central Piedmont Community College — Charlotte, NC",
            ("Adjunct Instructor, Accounting", "Central Piedmont Community College", True),
        ),
        (
            "Server / Shift Lead 2011 to 2015\nBlue Heron Tavern — Denver, CO",
            ("Server/Shift Lead", "Blue Heron Tavern", False),
        ),
        (
            "Registered Nurse Smallville , OH\nJan 2017 to Current\nSt. Mary's Hospital",
            ("Registered Nurse", "St. Mary's Hospital", True),
        ),
        (
            "Guild Education Denver, CO\nTalent Acquisition Partner Sept 2022 – Now",
            ("Talent Acquisition Partner", "Guild Education", True),
        ),
    ],
)
def test_role_headers_of_narrow_columns(header: str, expected: tuple[str, str, bool]):
    assert roles(parse(f"Experience\n{header}\n• Did the work.\n")) == [expected]


def test_phone_beside_the_email_lower_down():
    text = "Rebecca O'Connell, M.Ed.\nElementary Teacher\nSummary\nTeacher of 15 years.\n" + "Taught.\n" * 20
    text += "rebecca.oconnell@example.com\n614.555.0142\nColumbus, OH\n"
    parsed = parse(text)
    assert (parsed.name, parsed.phone, parsed.location) == ("Rebecca O'Connell", "+16145550142", "Columbus, OH")
