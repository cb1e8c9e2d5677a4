"""Job postings written as employers write them, across professions: duties opening the posting without a
heading, "What you'll do" / "What you bring", "Qualifications" with "Preferred"; degree and licence
abbreviations; skills any one of which meets a requirement."""

import dataclasses

import pytest

from recruitment_core.job_parser import JobRequirements, parse_job
from recruitment_core.job_quality import assess_job_quality

HR_GENERALIST = """Oversees the full payroll cycle for 450 employees across three sites.
Administers benefits enrollment and answers employee questions about coverage.
Maintains employee records in the HRIS and prepares monthly headcount reports.
Partners with managers on employee relations cases and investigations.
Coordinates onboarding for new hires.

Requirements:
- 3+ years of experience as an HR generalist
- BA/BS degree in Human Resources, Business or a related field
- Experience with Workday or SAP
- SHRM-CP/PHR certification preferred

We offer a 401(k) match and $62,000 - $70,000 a year.
Location: Columbus, OH (on-site)
"""

PARALEGAL = """Draft pleadings, motions and discovery responses for the litigation team
Manage case calendars and filing deadlines in state and federal courts
Organize exhibits and prepare trial binders
Communicate with clients and opposing counsel about scheduling

Requirements:
Associate degree (AA, AS, or AAS) in paralegal studies, or a paralegal certificate.
Two years of litigation support experience.
Proficiency in Microsoft Word and Microsoft Excel.
"""

ASSOCIATE_ATTORNEY = """What you'll do
- Represent clients in employment disputes from intake through trial
- Take and defend depositions
- Advise HR teams on policy and compliance

What you bring
- JD from an accredited law school and active bar admission in California
- 2-4 years of employment litigation experience
- Excellent legal writing
"""

CHARGE_NURSE = """Qualifications
- Active RN license in the state of Texas
- BSN required; MSN preferred
- 2+ years of acute care experience
- BLS and ACLS certification
- Experience with Epic or Cerner

Preferred
- Telemetry nursing experience

Responsibilities
- Supervise nursing staff on a 32-bed cardiac unit
- Assign patients and balance workloads each shift
- Administer medications and monitor patients
"""

STAFF_ACCOUNTANT = """Prepares journal entries and account reconciliations for month-end close.
Maintains the general ledger in NetSuite. Assists with the annual audit and prepares schedules for the auditors.
Reviews vendor invoices and expense reports for accuracy.

Requirements:
- B.S. in Accounting or Finance
- CPA or CPA candidate
- Knowledge of GAAP
- Experience with QuickBooks, Xero, or similar accounting software
- Advanced Excel
"""

MARKETING_MANAGER = """What you'll do
- Plan and run paid campaigns across Google Ads and Meta Ads
- Own SEO for our website and blog
- Report weekly on pipeline and spend

What you bring
- 5+ years in B2B marketing
- Experience with one of HubSpot, Marketo or Salesforce
- MBA a plus

Nice to have
- Figma or Canva for quick creative edits
"""

FRONT_DESK = """The Front Desk Supervisor will lead a team of six agents on the morning shift.
The Front Desk Supervisor will resolve guest complaints and approve room moves.
You will train new agents on check-in and check-out procedures.
You will balance cash drawers at the end of each shift.

Requirements:
High-school diploma or GED.
One year of hotel front desk experience.
Strong customer service.
"""

SOFTWARE_ENGINEER = """Build and maintain the APIs behind our scheduling product. Write tests and review pull requests.
Improve the performance of our PostgreSQL queries. Deploy services to AWS with Terraform.

Requirements:
- BS/MS in Computer Science or equivalent experience
- 3+ years of backend development in Java and/or Python
- Experience with bug/change management systems such as Jira
- Docker and Kubernetes

Bonus:
- Go or Rust
"""

ELECTRICAL_ENGINEER = """Qualifications
- M.S. in Electrical Engineering
- PE license or the ability to obtain one within two years
- 6+ years designing power distribution systems
- AutoCAD and MATLAB

Preferred
- Ph.D. in Power Systems
"""


def parse(description: str, title: str = "Specialist") -> JobRequirements:
    return parse_job(title=title, description=description)


def flag_codes(title: str, description: str) -> list[str]:
    quality = assess_job_quality(title=title, description=description, requirements=parse(description, title))
    return [flag.split(":", 1)[0] for flag in quality.red_flags]


# --- Whole postings -------------------------------------------------------------------------------------


def test_hr_posting_opening_with_third_person_duties():
    job = parse(HR_GENERALIST, title="HR Generalist")

    assert job == JobRequirements(
        title="HR Generalist",
        required_skills=["Payroll", "Benefits administration", "HRIS", "Employee relations", "Workday", "SAP"],
        preferred_skills=["SHRM-CP", "PHR"],
        min_years=3.0,
        max_years=None,
        education_level="bachelor",
        education_field="Human Resources",
        location="Columbus, OH",
        remote_policy="onsite",
        employment_type="unknown",
        seniority="mid",
        role_family="hr",
        responsibilities=[
            "Oversees the full payroll cycle for 450 employees across three sites",
            "Administers benefits enrollment and answers employee questions about coverage",
            "Maintains employee records in the HRIS and prepares monthly headcount reports",
            "Partners with managers on employee relations cases and investigations",
            "Coordinates onboarding for new hires",
        ],
        skill_alternatives=[["Workday", "SAP"], ["SHRM-CP", "PHR"]],
    )
    assert flag_codes("HR Generalist", HR_GENERALIST) == []


def test_software_posting_opening_with_a_paragraph_of_duties():
    job = parse(SOFTWARE_ENGINEER, title="Backend Engineer")

    assert job.responsibilities == [
        "Build and maintain the APIs behind our scheduling product",
        "Write tests and review pull requests",
        "Improve the performance of our PostgreSQL queries",
        "Deploy services to AWS with Terraform",
    ]
    assert job.required_skills == ["PostgreSQL", "AWS", "Terraform", "Java", "Python", "Jira", "Docker", "Kubernetes"]
    assert job.preferred_skills == ["Go", "Rust"]
    assert job.skill_alternatives == [["Java", "Python"], ["Go", "Rust"]]
    assert (job.min_years, job.education_level, job.education_field) == (3.0, "bachelor", "Computer Science")
    assert "missing_responsibilities" not in flag_codes("Backend Engineer", SOFTWARE_ENGINEER)


def test_legal_posting_opening_with_unpunctuated_duty_lines():
    job = parse(PARALEGAL, title="Litigation Paralegal")

    assert job.responsibilities == [
        "Draft pleadings, motions and discovery responses for the litigation team",
        "Manage case calendars and filing deadlines in state and federal courts",
        "Organize exhibits and prepare trial binders",
        "Communicate with clients and opposing counsel about scheduling",
    ]
    assert (job.education_level, job.education_field) == ("associate", "Paralegal Studies")
    assert job.required_skills == [
        "Litigation",
        "Legal writing",
        "Discovery",
        "Litigation support",
        "Microsoft Word",
        "Microsoft Excel",
    ]
    assert job.min_years == 2.0


def test_hospitality_posting_opening_with_will_sentences():
    job = parse(FRONT_DESK, title="Front Desk Supervisor")

    assert job.responsibilities == [
        "The Front Desk Supervisor will lead a team of six agents on the morning shift",
        "The Front Desk Supervisor will resolve guest complaints and approve room moves",
        "You will train new agents on check-in and check-out procedures",
        "You will balance cash drawers at the end of each shift",
    ]
    assert (job.education_level, job.min_years, job.seniority) == ("diploma", 1.0, "lead")


def test_accounting_posting_counts_alternatives_once_among_required_technologies():
    job = parse(STAFF_ACCOUNTANT, title="Staff Accountant")

    assert job.responsibilities == [
        "Prepares journal entries and account reconciliations for month-end close",
        "Maintains the general ledger in NetSuite",
        "Assists with the annual audit and prepares schedules for the auditors",
        "Reviews vendor invoices and expense reports for accuracy",
    ]
    assert (job.education_level, job.education_field) == ("bachelor", "Accounting")
    assert job.skill_alternatives == [["QuickBooks", "Xero"]]
    assert len(job.required_skills) == 14
    quality = assess_job_quality(title="Staff Accountant", description=STAFF_ACCOUNTANT, requirements=job)
    assert quality.red_flags[0] == (
        "too_many_required_skills: The posting requires 13 technologies; more than 10 puts off qualified applicants."
    )


def test_marketing_posting_with_what_you_will_do_and_what_you_bring():
    job = parse(MARKETING_MANAGER, title="Marketing Manager")

    assert job.responsibilities == [
        "Plan and run paid campaigns across Google Ads and Meta Ads",
        "Own SEO for our website and blog",
        "Report weekly on pipeline and spend",
    ]
    assert job.required_skills == ["Google Ads", "Meta Ads", "SEO", "B2B sales", "HubSpot", "Marketo", "Salesforce"]
    assert job.preferred_skills == ["Figma", "Canva"]
    assert job.skill_alternatives == [["HubSpot", "Marketo", "Salesforce"], ["Figma", "Canva"]]
    assert (job.min_years, job.education_level) == (5.0, None)


def test_nursing_posting_with_qualifications_and_preferred():
    job = parse(CHARGE_NURSE, title="Charge Nurse - Telemetry")

    assert job.required_skills == ["Nursing", "Basic Life Support", "ACLS", "Epic Systems", "Cerner"]
    assert job.preferred_skills == ["Telemetry nursing"]
    assert job.skill_alternatives == [["Epic Systems", "Cerner"]]
    assert (job.education_level, job.education_field, job.min_years) == ("bachelor", "Nursing", 2.0)
    assert job.responsibilities == [
        "Supervise nursing staff on a 32-bed cardiac unit",
        "Assign patients and balance workloads each shift",
        "Administer medications and monitor patients",
    ]


def test_law_posting_reads_the_jd_as_a_doctoral_level_degree():
    job = parse(ASSOCIATE_ATTORNEY, title="Associate Attorney")

    assert (job.education_level, job.education_field) == ("phd", "Law")
    assert (job.min_years, job.max_years) == (2.0, 4.0)
    assert job.responsibilities == [
        "Represent clients in employment disputes from intake through trial",
        "Take and defend depositions",
        "Advise HR teams on policy and compliance",
    ]


def test_engineering_posting_without_duties_is_still_flagged():
    job = parse(ELECTRICAL_ENGINEER, title="Senior Electrical Engineer")

    assert (job.education_level, job.education_field, job.min_years) == ("master", "Electrical Engineering", 6.0)
    assert (job.required_skills, job.responsibilities) == (
        ["Professional Engineer license", "Power systems", "AutoCAD", "MATLAB"],
        [],
    )
    assert "missing_responsibilities" in flag_codes("Senior Electrical Engineer", ELECTRICAL_ENGINEER)


# --- Responsibilities without a heading -----------------------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        "Acme builds payroll software for small firms. We value kindness.\n\nRequirements:\n- Payroll",
        "Design experience is a plus. Support team of four.\n\nRequirements:\n- Figma",
        "Manage payroll for 300 staff.\n\nRequirements:\n- Payroll",
    ],
)
def test_a_single_duty_or_a_company_blurb_is_not_a_list_of_responsibilities(description):
    assert parse(description).responsibilities == []


def test_a_responsibilities_heading_wins_over_duties_in_the_opening():
    job = parse("Manage the front desk. Train new staff.\n\nResponsibilities\n- Greet guests\n- Take bookings\n")

    assert job.responsibilities == ["Greet guests", "Take bookings"]


def test_bulleted_duties_without_a_heading():
    job = parse("- Reconcile bank accounts\n- Prepare VAT returns\n- Answer supplier queries\n\nRequirements:\n- Xero")

    assert job.responsibilities == ["Reconcile bank accounts", "Prepare VAT returns", "Answer supplier queries"]


def test_responsible_for_sentences_are_duties():
    job = parse("Responsible for month-end close. You will be responsible for the audit file.\n\nRequirements:\n- GAAP")

    assert job.responsibilities == ["Responsible for month-end close", "You will be responsible for the audit file"]


# --- Degrees and licences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("BA/BS degree", "bachelor", None),
        ("BA/BS degree in Human Resources", "bachelor", "Human Resources"),
        ("BS/MS in Computer Science", "bachelor", "Computer Science"),
        ("MS/PhD in Machine Learning", "master", "Machine Learning"),
        ("BA in English", "bachelor", "English"),
        ("BS required", "bachelor", None),
        ("Must hold a BA", "bachelor", None),
        ("B.S. in Accounting", "bachelor", "Accounting"),
        ("B.Sc. in Biology", "bachelor", "Biology"),
        ("BSc in Chemistry", "bachelor", "Chemistry"),
        ("MA in Education", "master", "Education"),
        ("MS in Statistics", "master", "Statistics"),
        ("M.S. in Data Science", "master", "Data Science"),
        ("MSc in Finance", "master", "Finance"),
        ("MBA", "master", "Business Administration"),
        ("M.Ed. required", "master", "Education"),
        ("JD from an accredited law school", "phd", "Law"),
        ("JD and active bar admission", "phd", "Law"),
        ("Juris Doctor (JD)", "phd", "Law"),
        ("J.D. required", "phd", "Law"),
        ("PhD in Chemistry", "phd", "Chemistry"),
        ("Ph.D. in Physics", "phd", "Physics"),
        ("Associate degree (AA, AS, or AAS)", "associate", None),
        ("AA or AS degree", "associate", None),
        ("AAS in Culinary Arts", "associate", "Culinary Arts"),
        ("High-school diploma or GED", "diploma", None),
        ("High school diploma/GED", "diploma", None),
        ("MBA preferred; BA/BS required", "bachelor", None),
        ("Active RN license", None, None),
        ("CPA license", None, None),
        ("PE license", None, None),
        ("Admission to the state bar", None, None),
        ("SHRM-CP or PHR certification", None, None),
        ("Advanced MS Office skills", None, None),
    ],
)
def test_degree_abbreviations(text, level, field):
    job = parse(f"Requirements:\n- {text}")

    assert (job.education_level, job.education_field) == (level, field)


@pytest.mark.parametrize(
    ("text", "required"),
    [("Active RN license", ["Nursing"]), ("CPA license", ["CPA"])],
)
def test_licences_are_required_skills_not_degrees(text, required):
    job = parse(f"Requirements:\n- {text}")

    assert (job.required_skills, job.education_level) == (required, None)


# --- Alternatives ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "required", "alternatives"),
    [
        ("Java and/or Python", ["Java", "Python"], [["Java", "Python"]]),
        ("Java or Python", ["Java", "Python"], [["Java", "Python"]]),
        ("Workday/SAP", ["Workday", "SAP"], [["Workday", "SAP"]]),
        ("Workday or SAP", ["Workday", "SAP"], [["Workday", "SAP"]]),
        ("Workday or SuccessFactors", ["Workday", "SuccessFactors"], [["Workday", "SuccessFactors"]]),
        ("One of Python, Java or Go", ["Python", "Java", "Go"], [["Python", "Java", "Go"]]),
        ("Proficiency in one of Python, Java, Go", ["Python", "Java", "Go"], [["Python", "Java", "Go"]]),
        ("Experience with Tableau, Power BI, or similar", ["Tableau", "Power BI"], [["Tableau", "Power BI"]]),
        ("Either React or Vue", ["React", "Vue.js"], [["React", "Vue.js"]]),
        ("React (or Vue)", ["React", "Vue.js"], [["React", "Vue.js"]]),
        ("Python, SQL and Spark", ["Python", "SQL", "Apache Spark"], []),
        ("Python, SQL, and Java or Kotlin", ["Python", "SQL", "Java", "Kotlin"], [["Java", "Kotlin"]]),
        ("Strong Python and Java or Kotlin", ["Python", "Java", "Kotlin"], [["Java", "Kotlin"]]),
        ("Java or Java EE", ["Java"], []),
    ],
)
def test_skills_any_one_of_which_meets_a_requirement(text, required, alternatives):
    job = parse(f"Requirements:\n- {text}")

    assert (job.required_skills, job.skill_alternatives) == (required, alternatives)


def test_preferred_alternatives_stay_preferred():
    job = parse("Requirements:\n- SQL\n\nNice to have:\n- Terraform, Ansible, or Chef")

    assert (job.required_skills, job.preferred_skills) == (["SQL"], ["Terraform", "Ansible", "Chef"])
    assert job.skill_alternatives == [["Terraform", "Ansible", "Chef"]]


def test_a_required_and_a_preferred_skill_are_not_alternatives():
    job = parse("Requirements:\n- Java is required, Kotlin is a plus")

    assert (job.required_skills, job.preferred_skills, job.skill_alternatives) == (["Java"], ["Kotlin"], [])


def test_alternatives_are_in_the_parsed_json():
    data = parse("Requirements:\n- Java or Python").to_dict()

    assert data["skill_alternatives"] == [["Java", "Python"]]
    assert dataclasses.replace(parse(""), **data) == parse("Requirements:\n- Java or Python")


# --- A skill inside a longer noun phrase ----------------------------------------------------------------


def test_a_skill_read_out_of_a_longer_noun_phrase_is_not_asked_for():
    job = parse("Requirements:\n- Experience with bug/change management systems such as Jira")

    assert job.required_skills == ["Jira"]


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("Change management experience", ["Change management"]),
        ("Workday/SAP", ["Workday", "SAP"]),
        ("CI/CD pipelines", ["CI/CD"]),
    ],
)
def test_a_skill_named_on_its_own_is_still_asked_for(text, required):
    assert parse(f"Requirements:\n- {text}").required_skills == required


@pytest.mark.parametrize(
    ("text", "alternatives"),
    [
        ("Bilingual English/Spanish", []),
        ("Pivot tables, Power BI/Tableau", [["Power BI", "Tableau"]]),
    ],
)
def test_a_slash_joins_two_skills_not_the_list_around_them(text, alternatives):
    assert parse(f"Requirements:\n- {text}").skill_alternatives == alternatives


def test_a_preferred_group_leaves_out_skills_required_elsewhere():
    job = parse("Requirements:\n- Celery with Redis\n\nNice to have:\n- Celery, Redis, Kubernetes or Terraform")

    assert (job.required_skills, job.preferred_skills) == (["Celery", "Redis"], ["Kubernetes", "Terraform"])
    assert job.skill_alternatives == [["Kubernetes", "Terraform"]]


def test_a_skill_required_on_its_own_leaves_no_choice_in_its_group():
    job = parse("Build services in Go.\n\nRequirements:\n- Strong proficiency in Go or Java\n- AWS or Azure")

    assert job.required_skills == ["Go", "Java", "AWS", "Microsoft Azure"]
    assert job.skill_alternatives == [["AWS", "Microsoft Azure"]]
