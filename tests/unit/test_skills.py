import json

import pytest

from recruitment_core import skills
from recruitment_core.skills import (
    TAXONOMY_PATH,
    SkillMention,
    TaxonomyError,
    blank_links,
    extract_skills,
    find_skill_mentions,
    load_taxonomy,
)


def test_taxonomy_is_large_and_covers_non_technical_work():
    entries = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    categories = {entry["category"] for entry in entries}

    assert len(entries) >= 250
    assert {
        "healthcare_nursing",
        "accounting_finance",
        "sales",
        "marketing",
        "design",
        "soft_skills",
    } <= categories
    assert len(load_taxonomy().category_by_skill) == len(entries)


def test_taxonomy_is_loaded_once():
    assert load_taxonomy() is load_taxonomy()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strong JS and ES6", ["JavaScript"]),
        ("Ran k8s clusters", ["Kubernetes"]),
        ("Postgres, MySQL", ["PostgreSQL", "MySQL"]),
        ("ReactJS and react.js", ["React"]),
        ("Golang microservices", ["Go", "Microservices"]),
        ("sklearn models in a Jupyter notebook", ["scikit-learn", "Jupyter"]),
        ("Amazon Web Services and GCP", ["AWS", "Google Cloud"]),
    ],
)
def test_synonyms_map_to_canonical_names(text, expected):
    assert extract_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("MS\nOffice", "Microsoft Office"), ("HR  business partnering", "HR business partnering"), ("C\nsharp", "C#")],
)
def test_a_line_break_or_a_run_of_spaces_near_the_start_of_an_alias_still_separates_its_words(text, expected):
    # PDF text wraps lines and pads columns anywhere, also right after a short first word.
    assert [mention.name for mention in find_skill_mentions(text)] == [expected]


def test_case_sensitive_aliases_keep_their_case_after_the_letters_they_share():
    assert [mention.name for mention in find_skill_mentions("SQL leads")] == ["Lead qualification"]
    assert find_skill_mentions("sql leads") != find_skill_mentions("SQL leads")


def test_react_native_does_not_also_yield_react():
    assert extract_skills("Built apps in React Native") == ["React Native"]
    assert extract_skills("React Native and React") == ["React Native", "React"]
    assert extract_skills("react-native") == ["React Native"]


def test_java_does_not_match_inside_javascript():
    assert extract_skills("JavaScript developer") == ["JavaScript"]
    assert extract_skills("Java and JavaScript") == ["Java", "JavaScript"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python developer with no exposure to Java", ["Python"]),
        ("No experience with Kubernetes.", []),
        ("Not familiar with Docker or Terraform, but strong in AWS.", ["AWS"]),
        ("I haven't used Scala; I know Kotlin", ["Kotlin"]),
        ("Never worked with Salesforce. Used HubSpot daily.", ["HubSpot"]),
        ("Not only Python but also Rust", ["Python", "Rust"]),
    ],
)
def test_negated_mentions_are_ignored(text, expected):
    assert extract_skills(text) == expected


def test_skill_mentioned_after_a_negated_mention_counts():
    assert extract_skills("No Java at school. Later, five years of Java at work.") == ["Java"]


def test_punctuated_skill_names():
    text = "C++, C#, .NET, ASP.NET, Node.js, nodejs, Objective-C, CI/CD and T-SQL"
    assert extract_skills(text) == [
        "C++",
        "C#",
        ".NET",
        "ASP.NET",
        "Node.js",
        "Objective-C",
        "CI/CD",
        "T-SQL",
    ]


def test_node_spellings():
    assert extract_skills("Node and React") == ["Node.js", "React"]
    assert extract_skills("python, node, react") == ["Python", "Node.js", "React"]
    assert extract_skills("Scaled the worker node pool") == []


def test_sentence_end_after_a_skill_keeps_the_skill():
    assert extract_skills("I write Java. I also write Go.") == ["Java"]
    assert extract_skills("Ten years of Python.") == ["Python"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Python, Go and Rust", ["Python", "Go", "Rust"]),
        ("Services written in Go", ["Go"]),
        ("Go developer", ["Go"]),
        ("Go to the next step. Go-getter who likes to go fast.", []),
        ("Statistics in R", ["Statistics", "R"]),
        ("Python, R, SQL", ["Python", "R", "SQL"]),
        ("Led R&D for ten years", []),
        ("C/C++ programmer", ["C", "C++"]),
        ("Grade C. Vitamin C. C-suite exposure.", []),
        ("rust on the bridge, a swift reply", []),
    ],
)
def test_ambiguous_short_names_need_a_skills_context(text, expected):
    assert extract_skills(text) == expected


def test_case_sensitive_aliases():
    assert extract_skills("Advanced Excel and SAP") == ["Microsoft Excel", "SAP"]
    assert extract_skills("I excel at sap extraction") == []


def test_nursing_skills():
    text = "Registered nurse: patient care, IV therapy, wound care, triage, BLS and ACLS, charting in Epic."
    assert extract_skills(text) == [
        "Nursing",
        "Patient care",
        "IV therapy",
        "Wound care",
        "Triage",
        "Basic Life Support",
        "ACLS",
        "Epic Systems",
    ]
    assert extract_skills("Documentation in Epic and Cerner") == ["Epic Systems", "Cerner"]
    assert extract_skills("An epic journey. Epic moments.") == []


def test_accounting_skills():
    text = "Accounts payable, bank reconciliations, month-end close under US GAAP in QuickBooks and Xero"
    assert extract_skills(text) == [
        "Accounts payable",
        "Reconciliation",
        "Month-end close",
        "GAAP",
        "QuickBooks",
        "Xero",
    ]


def test_sales_and_marketing_skills():
    text = "B2B sales: cold calling, lead generation and negotiation in Salesforce; SEO and Google Ads."
    assert extract_skills(text) == [
        "B2B sales",
        "Cold calling",
        "Lead generation",
        "Negotiation",
        "Salesforce",
        "SEO",
        "Google Ads",
    ]


def test_soft_skills():
    assert extract_skills("A team player with strong communication skills and attention to detail") == [
        "Teamwork",
        "Communication",
        "Attention to detail",
    ]


def test_results_are_deduplicated_in_order_of_first_mention():
    assert extract_skills("Docker, Python, docker, PYTHON, Dockerfile") == ["Docker", "Python"]


def test_links_and_emails_do_not_count():
    assert extract_skills("github.com/jane/react-app, https://go.dev, jane@python.org") == []


def test_multi_word_alias_across_a_line_break():
    assert extract_skills("React\nNative") == ["React Native"]


def test_empty_text():
    assert extract_skills("") == []
    assert extract_skills("   \n ") == []


def test_an_alias_naming_two_skills_is_refused(tmp_path, monkeypatch):
    taxonomy_file = tmp_path / "skills.json"
    taxonomy_file.write_text(
        json.dumps(
            [
                {"name": "PostgreSQL", "category": "databases", "aliases": ["postgres"]},
                {"name": "Postgres Pro", "category": "databases", "aliases": ["Postgres"]},
            ]
        )
    )
    monkeypatch.setattr(skills, "TAXONOMY_PATH", taxonomy_file)
    load_taxonomy.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="Alias 'Postgres' names both 'PostgreSQL' and 'Postgres Pro'"):
            load_taxonomy()
    finally:
        load_taxonomy.cache_clear()


def test_mentions_carry_their_offsets():
    text = "Python and Go; no Java. See github.com/jane/react-app. Python again."
    mentions = find_skill_mentions(text)
    assert mentions == [
        SkillMention("Python", 0, 6),
        SkillMention("Go", 11, 13),
        SkillMention("Python", 55, 61),
    ]
    assert [text[mention.start : mention.end] for mention in mentions] == ["Python", "Go", "Python"]


def test_blank_links_keeps_offsets():
    text = "Docker (jane@python.org) and https://go.dev too"
    blanked = blank_links(text)
    assert len(blanked) == len(text)
    assert blanked == "Docker " + " " * 17 + " and " + " " * 14 + " too"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mentored four engineers; precept new graduate nurses", ["Mentoring"]),
        ("Lead a team of eight nurses", ["Leadership"]),
        ("Ran A/B tests on pricing", ["A/B testing"]),
        ("Own the sales forecast and pipeline reviews", ["Sales forecasting", "Pipeline management"]),
        ("Jobs on AWS EMR over an S3 lake", ["AWS", "Amazon S3"]),
        ("API testing with Postman and REST Assured", ["API testing", "Postman"]),
        ("Built the UI test framework", ["Test automation"]),
        ("Senior Data Engineer", ["Data Engineering"]),
        ("Worked with product designers and data analysts", []),
    ],
)
def test_aliases_for_work_described_in_resumes(text, expected):
    assert extract_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prepared bank reconciliations monthly", ["Reconciliation"]),  # "bank reconciliation", plural
        ("Reacts quickly to incidents", []),  # a tool's name has no plural: "React" is not in "Reacts"
        ("Worked with product designers and data analysts", []),  # people, not skills
    ],
)
def test_plurals_of_skill_names(text, expected):
    assert extract_skills(text) == expected


def test_plural_forms():
    from recruitment_core.skills import plural_form

    assert plural_form("risk rating") == "risk ratings"
    assert plural_form("case study") == "case studies"
    assert plural_form("tax return") == "tax returns"
    assert plural_form("cash flow analysis") is None  # ends in s already
    assert plural_form("data analyst") is None  # a person
    assert plural_form("ui") is None  # too short to be a noun we can inflect


def test_a_suite_evidences_its_parts_and_two_parts_the_suite():
    from recruitment_core.skills import implied_skills

    assert implied_skills(["Microsoft Office", "Microsoft Excel"]) == {
        "Microsoft Word": "Microsoft Office",
        "Microsoft Outlook": "Microsoft Office",
        "Microsoft PowerPoint": "Microsoft Office",
    }
    assert implied_skills(["Microsoft Word", "Microsoft Excel"]) == {"Microsoft Office": "Microsoft Word"}
    assert implied_skills(["Microsoft Excel"]) == {}  # one part is not the suite
    assert implied_skills(["Python"]) == {}


def test_implied_skills_count_where_the_suite_stands():
    from recruitment_core.evidence import CandidateFeatures
    from recruitment_core.resume_parser import parse_resume

    parsed = parse_resume(
        "Ann Lee\nDallas, TX\nSkills\nMicrosoft Office, Zoom\nExperience\nExecutive Assistant, Acme Corp 2018 - 2024\n"
        "- Built board decks in PowerPoint.\n"
    )
    skills = CandidateFeatures.from_parsed(parsed).skills
    assert skills["Microsoft Word"].sections == ("skills",)  # from the listed suite, no stronger than it
    assert skills["Microsoft Word"].strength == skills["Microsoft Office"].strength
    assert skills["Microsoft PowerPoint"].sections == ("experience",)  # named in a role: its own evidence
    assert "Microsoft Word" not in {item.name for item in parsed.skills}  # the profile lists what was written
