import dataclasses
import json

import pytest

from recruitment_core.job_parser import JobRequirements, parse_job
from recruitment_core.job_quality import QUALITY_PATH, JobQuality, assess_job_quality, quality_rules, states_pay

WEIGHTS = json.loads(QUALITY_PATH.read_text(encoding="utf-8"))["weights"]

GOOD_POSTING = """About the role
Harbor Clinic is hiring a staff nurse for its outpatient surgery unit in Leeds. You will join a team of twelve
nurses who care for patients before and after day surgery, and you will work closely with surgeons,
anaesthetists and the pharmacy team.

Responsibilities
- Assess patients before surgery and record their vital signs
- Administer medications and manage IV therapy
- Prepare patients and their families for going home
- Keep clinical documentation accurate in the electronic record

Requirements
- Registered nurse with 2+ years of acute care experience
- Current Basic Life Support certification
- Clear communication with patients and colleagues

Pay and benefits
- £34,000 - £39,000 a year, plus paid overtime
- 30 days of annual leave and a pension

Location: Leeds, UK (on-site)
"""


def assess(description: str, title: str = "Staff Nurse", **changes: object) -> JobQuality:
    requirements = parse_job(title=title, description=description)
    if changes:
        requirements = dataclasses.replace(requirements, **changes)  # type: ignore[arg-type]
    return assess_job_quality(title=title, description=description, requirements=requirements)


def codes(quality: JobQuality) -> list[str]:
    return [flag.split(":", 1)[0] for flag in quality.red_flags]


def test_a_good_posting_scores_100_without_flags():
    quality = assess(GOOD_POSTING)

    assert quality == JobQuality(score=100, red_flags=[], suggestions=[])


def test_the_same_posting_always_gets_the_same_assessment():
    posting = "Junior developer, 10 years of Java. Young and energetic rockstar wanted."

    assert assess(posting, title="Junior Developer") == assess(posting, title="Junior Developer")


def test_junior_title_demanding_senior_experience():
    quality = assess(
        GOOD_POSTING.replace("2+ years of acute care experience", "10 years of experience"), title="Junior Nurse"
    )

    assert quality.red_flags == ["junior_requires_senior_experience: A junior title asks for 10 years of experience."]
    assert quality.suggestions == [
        "Lower the experience to 0-2 years, or retitle the role to match the 10 years asked for."
    ]
    assert quality.score == 100 - WEIGHTS["junior_requires_senior_experience"]


@pytest.mark.parametrize(
    ("title", "years", "flagged"),
    [
        ("Junior Nurse", "4 years", False),
        ("Junior Nurse", "5+ years", True),
        ("Graduate Nurse", "6 years", True),
        ("Senior Nurse", "10 years", False),
    ],
)
def test_junior_experience_threshold(title, years, flagged):
    quality = assess(GOOD_POSTING.replace("2+ years", years), title=title)

    assert ("junior_requires_senior_experience" in codes(quality)) is flagged


def test_an_entry_level_word_reads_naturally_in_the_message():
    quality = assess(GOOD_POSTING.replace("2+ years", "8 years"), title="Entry-Level Nurse")

    assert quality.red_flags == [
        "junior_requires_senior_experience: An entry-level title asks for 8 years of experience."
    ]


def test_too_many_required_technologies():
    stack = "Python, Go, Java, Kotlin, Scala, Rust, SQL, Docker, Kubernetes, Terraform, AWS"
    quality = assess(GOOD_POSTING.replace("Current Basic Life Support certification", stack))

    assert quality.red_flags == [
        "too_many_required_skills: The posting requires 15 technologies; more than 10 puts off qualified applicants."
    ]
    assert quality.suggestions == [
        "Keep the 5-8 technologies the job cannot do without as required and move the rest to a 'Nice to have' list."
    ]
    assert quality.score == 100 - WEIGHTS["too_many_required_skills"]


def test_soft_skills_and_languages_are_not_technologies():
    requirements = parse_job(title="Staff Nurse", description=GOOD_POSTING)
    many = [
        "Communication", "Teamwork", "Leadership", "Empathy", "Problem solving", "Time management",
        "Adaptability", "Creativity", "English", "Spanish", "French", "Nursing",
    ]  # fmt: skip
    quality = assess_job_quality(
        title="Staff Nurse",
        description=GOOD_POSTING,
        requirements=dataclasses.replace(requirements, required_skills=many),
    )

    assert quality.red_flags == []


def test_no_location_and_no_remote_policy():
    posting = GOOD_POSTING.replace("Location: Leeds, UK (on-site)\n", "").replace(" in Leeds", "")
    quality = assess(posting)

    assert quality.red_flags == ["missing_location: The posting gives no location and no remote policy."]
    assert quality.suggestions == ["State where the job is based, or say that it is remote or hybrid."]
    assert quality.score == 100 - WEIGHTS["missing_location"]


def test_a_remote_policy_is_enough_without_a_location():
    posting = GOOD_POSTING.replace("Location: Leeds, UK (on-site)", "Fully remote.").replace(" in Leeds", "")

    assert assess(posting).red_flags == []


def test_no_pay_range():
    quality = assess(GOOD_POSTING.replace("£34,000 - £39,000 a year, plus paid overtime", "Paid overtime"))

    assert quality.red_flags == ["missing_pay_range: The posting gives no pay range."]
    assert quality.suggestions == ["Add a pay range: postings with one get more applicants."]
    assert quality.score == 100 - WEIGHTS["missing_pay_range"]


def test_a_pay_range_given_with_the_job_counts():
    posting = GOOD_POSTING.replace("£34,000 - £39,000 a year, plus paid overtime", "Paid overtime")
    requirements = parse_job(title="Staff Nurse", description=posting)

    quality = assess_job_quality(
        title="Staff Nurse", description=posting, requirements=requirements, pay_range="£34,000-£39,000"
    )

    assert quality.red_flags == []


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Salary: $120,000 - $150,000", True),
        ("£45k–55k depending on experience", True),
        ("€60.000 per year", True),
        ("Paid $25 per hour", True),
        ("18.50 per hour plus tips", True),
        ("25/hr", True),
        ("60k per year", True),
        ("Salary: 45,000-55,000", True),
        ("OTE $180k-$210k", True),
        ("Competitive salary", False),
        ("We raised $40M from investors.", False),
        ("You will manage a $2M budget.", False),
        ("401(k) matching", False),
        ("Work 3 days a month on site.", False),
        ("We serve 3 million customers.", False),
    ],
)
def test_pay_written_in_the_text(text, stated):
    assert states_pay(text) is stated


def test_missing_responsibilities():
    posting = GOOD_POSTING.replace("Responsibilities\n", "Your day\nYou will care for patients.\n\nMore\n")
    posting = posting.split("- Assess patients")[0] + "\nRequirements" + posting.split("Requirements", 1)[1]
    quality = assess(posting)

    assert "missing_responsibilities: The posting has no list of responsibilities." in quality.red_flags
    assert "Add a 'Responsibilities' section with 4-8 bullet points on what the person will do." in quality.suggestions


def test_missing_responsibilities_alone():
    quality = assess(GOOD_POSTING, responsibilities=[])

    assert quality.red_flags == ["missing_responsibilities: The posting has no list of responsibilities."]
    assert quality.score == 100 - WEIGHTS["missing_responsibilities"]


def test_very_short_description():
    posting = "Location: Leeds, UK\nDuties: care for patients.\nRequirements: RN, 2+ years.\nPay: £34,000 a year."
    quality = assess(posting)

    assert quality.red_flags == [
        "short_description: The description is 16 words long; fewer than 80 says too little about the job."
    ]
    assert quality.suggestions == [
        "Expand the description to at least 80 words: the team, the work, the requirements and what you offer."
    ]
    assert quality.score == 100 - WEIGHTS["short_description"]


def test_experience_range_written_backwards():
    quality = assess(GOOD_POSTING.replace("2+ years", "5-3 years"))

    assert quality.red_flags == [
        "inconsistent_experience_range: The experience range runs backwards: at least 5 but at most 3 years."
    ]
    assert quality.suggestions == ["Write the range from low to high, e.g. '3-5 years'."]
    assert quality.score == 100 - WEIGHTS["inconsistent_experience_range"]


@pytest.mark.parametrize(
    ("years", "shown"),
    [("1-15 years", "1-15 years"), ("30+ years", "30+ years")],
)
def test_unrealistic_experience_range(years, shown):
    quality = assess(GOOD_POSTING.replace("2+ years", years))

    assert quality.red_flags == [
        f"unrealistic_experience_range: The experience asked for ({shown}) is not a realistic requirement."
    ]
    assert quality.score == 100 - WEIGHTS["unrealistic_experience_range"]


def test_a_wide_but_realistic_range_is_fine():
    assert assess(GOOD_POSTING.replace("2+ years", "2-10 years")).red_flags == []


@pytest.mark.parametrize(
    ("wording", "flag", "suggestion"),
    [
        (
            "young and energetic",
            "age_biased_language: 'young and energetic' suggests a preferred age and discourages older applicants.",
            "Replace 'young and energetic' with 'energetic and motivated'.",
        ),
        (
            "a digital native",
            "age_biased_language: 'digital native' suggests a preferred age and discourages older applicants.",
            "Replace 'digital native' with the skill itself, e.g. 'comfortable with digital tools and social media'.",
        ),
        (
            "a recent graduate",
            "age_biased_language: 'recent graduate' suggests a preferred age and discourages older applicants.",
            "Drop 'recent graduate' unless the role is a graduate role: list the skills needed so experienced "
            "applicants can apply too.",
        ),
        (
            "a native English speaker",
            "native_speaker_requirement: 'native English speaker' asks where a person grew up rather than how well "
            "they speak.",
            "Replace 'native English speaker' with the level the work needs, e.g. 'fluent in English' or "
            "'professional working proficiency in English'.",
        ),
        (
            "someone who knows he will",
            "gendered_language: 'he will' assumes the gender of the person hired.",
            "Replace 'he will' with 'you will' (speak to the applicant) or 'they will'.",
        ),
        (
            "a salesman at heart",
            "gendered_language: 'salesman' assumes the gender of the person hired.",
            "Replace 'salesman' with 'salesperson' or 'sales representative'.",
        ),
        (
            "a rockstar",
            "exclusionary_jargon: 'rockstar' is culture jargon that tells many applicants the role is not for them.",
            "Replace 'rockstar' with the level and skills, e.g. 'an experienced Python developer'.",
        ),
        (
            "a care ninja",
            "exclusionary_jargon: 'ninja' is culture jargon that tells many applicants the role is not for them.",
            "Replace 'ninja' with the level and skills, e.g. 'a skilled front-end developer'.",
        ),
        (
            "able-bodied",
            "ableist_language: 'able-bodied' excludes people with disabilities who could do the job.",
            "Replace 'able-bodied' with the physical task itself, e.g. 'able to lift 20 kg, with or without "
            "reasonable accommodation'.",
        ),
    ],
)
def test_exclusionary_wording(wording, flag, suggestion):
    posting = GOOD_POSTING.replace("- Clear communication", f"- We want {wording}.\n- Clear communication")
    quality = assess(posting)

    assert quality.red_flags == [flag]
    assert quality.suggestions == [suggestion]
    assert quality.score == 100 - WEIGHTS[flag.split(":")[0]]


@pytest.mark.parametrize("neutral", ["his or her own caseload", "work with young people", "a native app in Swift"])
def test_neutral_wording_is_not_flagged(neutral):
    posting = GOOD_POSTING.replace("- Clear communication", f"- Manage {neutral}.\n- Clear communication")

    assert assess(posting).red_flags == []


def test_recent_graduates_are_fine_in_a_graduate_role():
    posting = GOOD_POSTING.replace("2+ years of acute care experience", "no experience: recent graduates welcome")

    assert assess(posting, title="Graduate Nurse").red_flags == []
    assert codes(assess(posting, title="Staff Nurse")) == ["age_biased_language"]


def test_each_distinct_phrase_is_one_flag():
    posting = GOOD_POSTING.replace(
        "- Clear communication", "- A rockstar, a ninja and another rockstar.\n- Clear communication"
    )

    assert codes(assess(posting)) == ["exclusionary_jargon", "exclusionary_jargon"]


def test_flags_add_up_and_the_score_stays_within_0_and_100():
    posting = (
        "Junior developer, 10 years of Java. Young and energetic rockstar ninja wanted. He will report to the CTO. "
        "Native English speaker."
    )
    quality = assess(posting, title="Junior Developer")

    assert codes(quality) == [
        "junior_requires_senior_experience",
        "missing_location",
        "missing_pay_range",
        "missing_responsibilities",
        "short_description",
        "age_biased_language",
        "native_speaker_requirement",
        "gendered_language",
        "exclusionary_jargon",
        "exclusionary_jargon",
    ]
    assert sum(WEIGHTS[code] for code in codes(quality)) > 100
    assert quality.score == 0
    assert len(quality.suggestions) == len(quality.red_flags)


def test_every_flag_code_has_a_weight_and_a_message():
    rules = quality_rules()

    assert set(rules.weights) == set(rules.messages)
    assert {phrase.code for phrase in rules.phrases} <= set(rules.weights)


def test_requirements_built_by_hand_are_assessed_too():
    requirements = JobRequirements(
        title="Graduate Analyst",
        required_skills=["SQL"],
        preferred_skills=[],
        min_years=6.0,
        max_years=2.0,
        education_level=None,
        education_field=None,
        location=None,
        remote_policy="remote",
        employment_type="full_time",
        seniority="entry",
        role_family="data",
        responsibilities=["Write SQL"],
    )
    quality = assess_job_quality(title="Graduate Analyst", description=GOOD_POSTING, requirements=requirements)

    assert codes(quality) == ["junior_requires_senior_experience", "inconsistent_experience_range"]
    assert (
        quality.score == 100 - WEIGHTS["junior_requires_senior_experience"] - WEIGHTS["inconsistent_experience_range"]
    )
