import dataclasses

import pytest

from recruitment_core.job_parser import (
    JobRequirements,
    clean_description,
    equivalent_experience_accepted,
    parse_job,
    title_seniority,
)

BACKEND_POSTING = """About us
Finch builds accounting software for small firms. We use Python at scale and run everything on AWS.

What you'll do
- Build and run payment services in Go
- Review code and mentor other engineers
- Keep our PostgreSQL databases fast

Requirements
- 5+ years of backend experience
- Strong Go and PostgreSQL; Docker. Kubernetes is a plus.
- Bachelor's degree in Computer Science or equivalent experience

Nice to have
- Terraform
- Master's degree
- Experience with Kafka

Benefits
- Learning budget of $1,000 a year
- Annual bonus

Location: Berlin, Germany (Hybrid)
Employment type: Full-time
"""


def parse(description: str, title: str = "Engineer", **given: object) -> JobRequirements:
    return parse_job(title=title, description=description, **given)  # type: ignore[arg-type]


def test_a_whole_posting():
    job = parse(BACKEND_POSTING, title="Senior Backend Engineer")

    assert job == JobRequirements(
        title="Senior Backend Engineer",
        required_skills=["Go", "Mentoring", "PostgreSQL", "Docker"],
        preferred_skills=["Accounting", "Python", "AWS", "Kubernetes", "Terraform", "Apache Kafka"],
        min_years=5.0,
        max_years=None,
        education_level="bachelor",
        education_field="Computer Science",
        location="Berlin, Germany",
        remote_policy="hybrid",
        employment_type="full_time",
        seniority="senior",
        role_family="software",
        responsibilities=[
            "Build and run payment services in Go",
            "Review code and mentor other engineers",
            "Keep our PostgreSQL databases fast",
        ],
    )
    assert equivalent_experience_accepted(BACKEND_POSTING) is True


def test_to_dict_has_exactly_the_contract_fields():
    data = parse(BACKEND_POSTING).to_dict()

    assert list(data) == [
        "title",
        "required_skills",
        "preferred_skills",
        "min_years",
        "max_years",
        "education_level",
        "education_field",
        "location",
        "remote_policy",
        "employment_type",
        "seniority",
        "role_family",
        "responsibilities",
        "skill_alternatives",
        "relocation_offered",
    ]
    assert data["required_skills"] == ["Go", "Mentoring", "PostgreSQL", "Docker"]


def test_requirements_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse("Python").title = "x"  # type: ignore[misc]


def test_an_empty_posting():
    job = parse("", title="")

    assert job == JobRequirements(
        title="",
        required_skills=[],
        preferred_skills=[],
        min_years=None,
        max_years=None,
        education_level=None,
        education_field=None,
        location=None,
        remote_policy="unknown",
        employment_type="unknown",
        seniority="unknown",
        role_family=None,
        responsibilities=[],
    )


# --- Required and preferred skills ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("required_heading", "preferred_heading"),
    [
        ("Requirements", "Nice to have"),
        ("Must have:", "Bonus:"),
        ("What you bring", "Preferred qualifications"),
        ("## Minimum Qualifications", "## Preferred Qualifications"),
        ("**Who you are**", "**Bonus points**"),
        ("**Requirements:**", "**Nice to have:**"),
        ("WHAT WE'RE LOOKING FOR", "NICE-TO-HAVES"),
        ("What You'll Bring", "Even Better If You Have"),
        ("You'll need:", "We'd love it if you have:"),
    ],
)
def test_required_and_preferred_by_section(required_heading, preferred_heading):
    job = parse(f"{required_heading}\n- Python\n- SQL\n\n{preferred_heading}\n- Airflow\n- dbt\n")

    assert job.required_skills == ["Python", "SQL"]
    assert job.preferred_skills == ["Apache Airflow", "dbt"]


@pytest.mark.parametrize(
    ("text", "required", "preferred"),
    [
        ("Python is required. Kubernetes is a plus.", ["Python"], ["Kubernetes"]),
        ("Strong SQL. Ideally you have worked with Spark and Kafka.", ["SQL"], ["Apache Spark", "Apache Kafka"]),
        ("Strong SQL. Bonus points for dbt.", ["SQL"], ["dbt"]),
        ("Strong SQL. Experience with Airflow preferred.", ["SQL"], ["Apache Airflow"]),
        ("Python required, Scala a plus.", ["Python"], ["Scala"]),
        ("Familiarity with Terraform, Ansible, or Chef is a plus.", [], ["Terraform", "Ansible", "Chef"]),
        ("Strong Python skills, and experience with Kubernetes is a plus.", ["Python"], ["Kubernetes"]),
        ("Strong Python and experience with Kubernetes would be nice.", ["Python"], ["Kubernetes"]),
        ("Bonus points for Rust, but Python is essential.", ["Python"], ["Rust"]),
        ("Knowledge of SQL. Nice-to-have: Tableau.", ["SQL"], ["Tableau"]),
        ("Preferably with React experience; TypeScript is a must.", ["TypeScript"], ["React"]),
        ("Docker experience is desirable, Linux is mandatory.", ["Linux"], ["Docker"]),
        ("Exposure to Snowflake would be an advantage.", [], ["Snowflake"]),
        ("Java is not required but is a plus.", [], ["Java"]),
    ],
)
def test_required_and_preferred_by_sentence_cue(text, required, preferred):
    job = parse(text)

    assert (job.required_skills, job.preferred_skills) == (required, preferred)


def test_a_cue_overrides_its_section():
    job = parse("Requirements\n- Python\n- Go is a plus\n\nNice to have\n- Rust\n- Docker (required)\n")

    assert job.required_skills == ["Python", "Docker"]
    assert job.preferred_skills == ["Go", "Rust"]


@pytest.mark.parametrize(
    "text",
    ["No Java needed.", "Java is not required.", "You don't need Java.", "Java experience is not necessary."],
)
def test_negated_skills_add_nothing(text):
    job = parse(f"Requirements\n- Python\n- {text}")

    assert (job.required_skills, job.preferred_skills) == (["Python"], [])


def test_skills_only_in_the_company_blurb_are_preferred_at_most():
    job = parse(
        "About us\nWe process payments with Python at scale. Everyone here must know Kafka.\n\n"
        "Requirements\n- Go\n- Python\n"
    )

    assert job.required_skills == ["Go", "Python"]
    assert job.preferred_skills == ["Apache Kafka"]


def test_a_company_sentence_outside_about_us_is_a_blurb_too():
    job = parse("Acme builds payroll software for small firms. We use Python at scale. You will write Go and SQL.")

    assert job.required_skills == ["Go", "SQL"]
    assert job.preferred_skills == ["Payroll", "Python"]


def test_a_company_sentence_about_the_hire_counts():
    job = parse("We are looking for someone with Python and SQL.")

    assert job.required_skills == ["Python", "SQL"]


def test_benefits_and_legal_text_ask_for_nothing():
    job = parse(
        "Requirements\n- Salesforce\n\nBenefits\n- Learning budget\n- Annual bonus\n- Social media allowance\n\n"
        "Equal opportunity\nWe welcome applicants with any background, including Python and Java developers.\n"
    )

    assert (job.required_skills, job.preferred_skills) == (["Salesforce"], [])


def test_a_stack_list_is_required_only_when_nothing_else_is():
    alone = parse("Tech stack: Python, Go, Kafka. You will build our search services.")
    with_requirements = parse("Our stack\nPython, Django, PostgreSQL\n\nWhat you'll bring\n- Strong Django\n")

    assert (alone.required_skills, alone.preferred_skills) == (["Python", "Go", "Apache Kafka"], [])
    assert (with_requirements.required_skills, with_requirements.preferred_skills) == (
        ["Django"],
        ["Python", "PostgreSQL"],
    )


def test_title_skills_are_required_and_come_first():
    job = parse("Requirements\n- Django\n- Python\n", title="Python Developer")

    assert job.required_skills == ["Python", "Django"]


def test_preferred_never_repeats_a_required_skill():
    job = parse("Nice to have: Go and Python.\n\nRequirements\n- Python\n- SQL\n")

    assert job.required_skills == ["Python", "SQL"]
    assert job.preferred_skills == ["Go"]


def test_html_descriptions_are_read_as_text():
    html = (
        "<h2>Requirements</h2><ul><li>5+ years of Java</li><li>Spring Boot</li></ul>"
        "<h2>Nice to have</h2><ul><li>Kotlin</li></ul><p>We&#39;re based in Berlin.</p>"
    )
    job = parse(html)

    assert clean_description("<p>Tom&amp;Jerry&#39;s</p>") == "\nTom&Jerry's\n"
    assert (job.required_skills, job.preferred_skills, job.min_years) == (["Java", "Spring Boot"], ["Kotlin"], 5.0)
    assert job.location == "Berlin"


# --- Years of experience ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "min_years", "max_years"),
    [
        ("5+ years of experience in backend development", 5.0, None),
        ("3-5 years of experience", 3.0, 5.0),
        ("3–5 yrs in a similar role", 3.0, 5.0),
        ("A minimum of 2 years experience", 2.0, None),
        ("Minimum of 2 years' experience", 2.0, None),
        ("At least three years in B2B sales", 3.0, None),
        ("Two to four years of nursing experience", 2.0, 4.0),
        ("Between 3 and 5 years of experience", 3.0, 5.0),
        ("5 or more years of experience", 5.0, None),
        ("7 years minimum", 7.0, None),
        ("Five (5) years of experience", 5.0, None),
        ("Up to 2 years of experience", None, 2.0),
        ("0-2 years of experience; internships count", 0.0, 2.0),
        ("18 months of experience", 1.5, None),
        ("At least a year of experience", 1.0, None),
        ("10 years of experience", 10.0, None),
    ],
)
def test_years_forms(text, min_years, max_years):
    job = parse(f"Requirements\n- {text}")

    assert (job.min_years, job.max_years) == (min_years, max_years)


@pytest.mark.parametrize(
    "text",
    [
        "You must be 18 years of age or older.",
        "Founded 20 years ago.",
        "This is a 2-year contract.",
        "Over the past 10 years we have grown to 500 people.",
        "You could lead the team within 2 years.",
        "5+ years of experience is a plus.",
    ],
)
def test_years_that_are_not_required_experience(text):
    job = parse(f"Requirements\n- {text}")

    assert (job.min_years, job.max_years) == (None, None)


def test_years_in_the_company_blurb_or_a_preferred_section_do_not_count():
    job = parse(
        "About us\nWe have 30 years of experience in logistics.\n\n"
        "Requirements\n- 2+ years of experience\n\nNice to have\n- 8+ years in fintech\n"
    )

    assert (job.min_years, job.max_years) == (2.0, None)


def test_the_largest_minimum_is_the_experience_asked_for():
    job = parse("Requirements\n- 3-5 years of backend experience, including 2+ years with Go\n- 1 year of team lead")

    assert (job.min_years, job.max_years) == (3.0, 5.0)


def test_a_junior_title_keeps_the_years_it_asks_for():
    job = parse("Requirements\n- 10 years of experience with Java", title="Junior Java Developer")

    assert (job.seniority, job.min_years) == ("entry", 10.0)


def test_a_range_written_backwards_is_kept_as_written():
    job = parse("Requirements\n- 5-3 years of experience")

    assert (job.min_years, job.max_years) == (5.0, 3.0)


# --- Education ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("Bachelor's degree in Computer Science or equivalent", "bachelor", "Computer Science"),
        ("BSN required", "bachelor", "Nursing"),
        ("Master's preferred", None, None),
        ("Bachelor's degree required; Master's preferred", "bachelor", None),
        ("MBA preferred, Bachelor's degree in Finance required", "bachelor", "Finance"),
        ("BS or MS in Computer Science", "bachelor", "Computer Science"),
        ("MS or PhD in statistics, economics or another quantitative field", "master", "Statistics"),
        ("Bachelor's or Master's degree in Education", "bachelor", "Education"),
        ("High school diploma or GED", "diploma", None),
        ("Associate degree in Nursing (ADN) or BSN", "associate", "Nursing"),
        ("Bachelor of Science in Nursing (BSN) from an accredited program", "bachelor", "Nursing"),
        ("Master of Business Administration", "master", "Business Administration"),
        ("Degree in accounting or finance", "bachelor", "Accounting"),
        ("PhD in Physics", "phd", "Physics"),
        ("A university degree is a plus", None, None),
        ("No degree required", None, None),
        ("Advanced MS Excel and MS Office skills", None, None),
        ("Scrum Master certification", None, None),
        ("Valid driving licence", None, None),
    ],
)
def test_education(text, level, field):
    job = parse(f"Requirements\n- {text}")

    assert (job.education_level, job.education_field) == (level, field)


def test_a_degree_named_in_the_duties_is_not_asked_for():
    job = parse("Responsibilities\n- Teach A-level and GCSE chemistry to high school students\n")

    assert job.education_level is None


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("Bachelor's degree in Computer Science or equivalent experience.", True),
        ("BS in Accounting, or an equivalent combination of education and experience.", True),
        ("Bachelor's degree in Computer Science.", False),
    ],
)
def test_equivalent_experience(text, accepted):
    assert equivalent_experience_accepted(text) is accepted
    assert parse(f"Requirements\n- {text}").education_level == "bachelor"


# --- Work arrangement, employment type, location ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("This is a fully remote role.", "remote"),
        ("Remote (US or Canada).", "remote"),
        ("Remote-first company, work from anywhere.", "remote"),
        ("You can work remotely from anywhere in the EU.", "remote"),
        ("Hybrid: two days a week in our Denver office.", "hybrid"),
        ("Three days per week in the office, the rest from home.", "hybrid"),
        ("Work from home two days a week.", "hybrid"),
        ("On-site at our Boston hospital.", "onsite"),
        ("This role is office-based, in person five days a week.", "onsite"),
        ("This role is not remote.", "onsite"),
        ("Remote-friendly team with occasional office days.", "hybrid"),
        ("We run a hybrid cloud on AWS.", "unknown"),
        ("Perks: free on-site gym.", "unknown"),
        ("Monitor remote patients with telemetry.", "unknown"),
    ],
)
def test_remote_policy_from_the_text(text, policy):
    assert parse(text).remote_policy == policy


@pytest.mark.parametrize(
    ("remote", "text", "policy"),
    [
        (True, "On-site in Boston.", "remote"),
        (False, "Fully remote.", "onsite"),
        (False, "Hybrid: two days in the office.", "hybrid"),
        ("hybrid", "Fully remote.", "hybrid"),
        ("On-site", "Fully remote.", "onsite"),
        ("remote", "", "remote"),
        (None, "Hybrid: two days in the office.", "hybrid"),
    ],
)
def test_an_explicit_remote_value_wins(remote, text, policy):
    assert parse(text, remote=remote).remote_policy == policy


@pytest.mark.parametrize(
    ("title", "text", "given", "employment_type"),
    [
        ("Software Engineering Intern", "", "", "internship"),
        ("Summer Internship - Marketing", "", "", "internship"),
        ("Nurse", "This is a part-time position, 24 hours a week.", "", "part_time"),
        ("Developer", "Initial 6-month contract, outside IR35.", "", "contract"),
        ("Developer", "Contract-to-hire for the right person.", "", "contract"),
        ("Designer", "Freelance project over three months.", "", "contract"),
        ("Developer", "Full-time, permanent role.", "", "full_time"),
        ("Seasonal Warehouse Associate", "", "", "temporary"),
        ("Teacher", "Maternity cover until July.", "", "temporary"),
        ("Accountant", "Employment type: Contract\nFull-time hours.", "", "contract"),
        ("Accountant", "Full-time role.", "PART_TIME", "part_time"),
        ("Accountant", "Part-time role.", "full-time (school year)", "full_time"),
        ("Accountant", "We negotiate supplier contracts.", "", "unknown"),
    ],
)
def test_employment_type(title, text, given, employment_type):
    assert parse(text, title=title, employment_type=given).employment_type == employment_type


@pytest.mark.parametrize(
    ("title", "text", "given", "location"),
    [
        ("Engineer", "Location: Austin, TX", "", "Austin, TX"),
        ("Engineer", "Location: Berlin (Hybrid)", "", "Berlin"),
        ("Engineer", "Location: Remote", "", None),
        ("Engineer", "Location:\nLondon, UK\n\nThe role\nYou will build APIs.", "", "London, UK"),
        ("Registered Nurse (Boston, MA)", "", "", "Boston, MA"),
        ("Senior Engineer - London", "", "", "London"),
        ("Engineer", "You will be based in our Toronto office.", "", "Toronto"),
        ("Engineer", "Location: Austin, TX", "Portland, OR", "Portland, OR"),
        ("Engineer", "Location: Austin, TX", "Remote", None),
        ("Engineer", "Nothing about places.", "", None),
    ],
)
def test_location(title, text, given, location):
    assert parse(text, title=title, location=given).location == location


def test_labelled_lines_at_the_top_of_a_posting():
    job = parse(
        "Job Title: Warehouse Associate\nLocation: Memphis, TN\nJob Type: Part-time, Seasonal\n"
        "Workplace type: On-site\nPay: $18.50 per hour\n\nDuties:\n- Pick, pack and ship orders\n",
        title="Warehouse Associate",
    )

    assert (job.location, job.employment_type, job.remote_policy) == ("Memphis, TN", "temporary", "onsite")
    assert job.responsibilities == ["Pick, pack and ship orders"]


def test_an_explicit_remote_location_sets_the_policy():
    assert parse("On-site in Austin.", location="Remote (US)").remote_policy == "remote"


# --- Seniority and role family ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Junior Developer", "entry"),
        ("Graduate Nurse", "entry"),
        ("Software Engineering Intern", "entry"),
        ("Entry-Level Sales Representative", "entry"),
        ("Associate Software Engineer", "entry"),
        ("Software Engineer I", "entry"),
        ("Software Engineer II", "mid"),
        ("Mid-Level Designer", "mid"),
        ("Senior Accountant", "senior"),
        ("Sr. Data Analyst", "senior"),
        ("Staff Software Engineer", "senior"),
        ("Principal Engineer", "senior"),
        ("Lead Engineer", "lead"),
        ("Team Lead, Customer Support", "lead"),
        ("Head of Data", "lead"),
        ("Engineering Manager", "lead"),
        ("Manager of Nursing Operations", "lead"),
        ("Warehouse Supervisor", "lead"),
        ("Director of Nursing", "lead"),
        ("Staff Nurse", "unknown"),
        ("Product Manager", "unknown"),
        ("Account Manager", "unknown"),
        ("Lead Generation Specialist", "unknown"),
        ("Sales Associate", "unknown"),
        ("Data Scientist", "unknown"),
    ],
)
def test_seniority_from_the_title(title, seniority):
    assert title_seniority(title) == seniority


@pytest.mark.parametrize(
    ("text", "seniority"),
    [
        ("Requirements\n- 1 year of experience", "entry"),
        ("Requirements\n- 0-2 years of experience", "entry"),
        ("Requirements\n- Up to 2 years of experience", "entry"),
        ("Requirements\n- 3+ years of experience", "mid"),
        ("Requirements\n- 5+ years of experience", "senior"),
        ("This is an entry-level role.", "entry"),
        ("Requirements\n- Python", "unknown"),
    ],
)
def test_seniority_from_the_text_when_the_title_says_nothing(text, seniority):
    assert parse(text, title="Data Analyst").seniority == seniority


def test_a_title_word_wins_over_the_years():
    assert parse("Requirements\n- 2+ years of experience", title="Senior Designer").seniority == "senior"


@pytest.mark.parametrize(
    ("title", "text", "family"),
    [
        ("Registered Nurse - ICU", "", "nursing"),
        ("Staff Accountant", "", "accounting"),
        ("Bookkeeper", "", "accounting"),
        ("Sales Representative", "", "sales"),
        ("Account Executive, Mid-Market", "", "sales"),
        ("Year 5 Teacher", "", "teaching"),
        ("High School Mathematics Teacher", "", "teaching"),
        ("Warehouse Supervisor", "", "logistics"),
        ("Forklift Operator", "", "logistics"),
        ("Graphic Designer", "", "design"),
        ("Product Designer (UX)", "", "design"),
        ("Marketing Coordinator", "", "marketing"),
        ("HR Business Partner", "", "hr"),
        ("Recruiter", "", "hr"),
        ("Customer Service Representative", "", "customer_support"),
        ("Data Entry Clerk", "", "admin"),
        ("Marketing Data Analyst", "", "data"),
        ("Site Reliability Engineer", "", "devops"),
        ("Frontend Developer", "", "software"),
        ("Sales Engineer", "", "sales"),
        ("Nurse Educator", "Patient education, BLS and ACLS.", "nursing"),
        ("Specialist", "QuickBooks, Xero, payroll and bank reconciliations.", "accounting"),
        ("Engineer", "Python, Django and PostgreSQL.", "software"),
        ("Specialist", "Communication and teamwork.", None),
    ],
)
def test_role_family(title, text, family):
    assert parse(text, title=title).role_family == family


# --- Responsibilities ---------------------------------------------------------------------------------


def test_responsibilities_are_the_bullets_under_their_heading():
    job = parse(
        "Key Responsibilities:\n"
        "- Assess and monitor patients\n"
        "• Administer medications and\n"
        "  document care in Epic;\n"
        "* Educate families\n\n"
        "Requirements\n- RN license\n"
    )

    assert job.responsibilities == [
        "Assess and monitor patients",
        "Administer medications and document care in Epic",
        "Educate families",
    ]


def test_responsibilities_written_as_a_paragraph_are_split_into_sentences():
    job = parse("Duties\nPlan lessons for Year 5. Mark homework and give feedback. Meet parents each term.\n")

    assert job.responsibilities == [
        "Plan lessons for Year 5",
        "Mark homework and give feedback",
        "Meet parents each term",
    ]


def test_responsibilities_on_a_labelled_line():
    job = parse("Responsibilities: pick and pack orders; load trucks; keep the floor safe.")

    assert job.responsibilities == ["pick and pack orders", "load trucks", "keep the floor safe"]


def test_no_responsibilities_section():
    assert parse("We need a Python developer with 3+ years of experience.").responsibilities == []
