"""Skills read from the layouts resume builders print: grid rows with dashes between items, grid cells a single
space apart, wrapped cells, headings that name a kind of skill, credential names with their issuer's prefix; and
skills of many professions written as their practitioners write them."""

from datetime import date

import pytest

from recruitment_core.resume_parser import ParsedResume, parse_resume
from recruitment_core.skill_lists import LIST_SOURCE
from recruitment_core.skills import extract_skills

TODAY = date(2026, 11, 25)


def parse(text: str) -> ParsedResume:
    return parse_resume(text, today=TODAY)


def resume(*skill_lines: str, heading: str = "SKILLS") -> str:
    return "Alex Moreno\nDayton, OH | alex.moreno@example.com\n\n" + heading + "\n" + "\n".join(skill_lines) + "\n"


def names(text: str) -> set[str]:
    return {item.name for item in parse(text).skills}


def free_form(text: str) -> set[str]:
    return {item.name for item in parse(text).skills if item.source == LIST_SOURCE}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("– Capital budgeting – Labor planning", {"Capital budgeting", "Labor planning"}),  # operations
        ("• Phlebotomy – Wound care", {"Phlebotomy", "Wound care"}),  # nursing
        ("- Contract drafting - Trademark prosecution", {"Contract drafting", "Intellectual property"}),  # legal
    ],
    ids=["operations", "nursing", "legal"],
)
def test_a_dash_between_items_of_a_grid_row_separates_them(line: str, expected: set[str]) -> None:
    found = names(resume(line, "• Microsoft Excel"))
    assert expected <= found
    assert not [name for name in found if "–" in name or " - " in name]


def test_a_dash_before_a_level_or_a_description_does_not_separate_items() -> None:
    found = free_form(
        resume("• Conversational Portuguese – Fluent", "• Fixture design – jigs and gauges for weld cells")
    )
    assert "Fluent" not in found and not [name for name in found if name.lower().startswith("jigs")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Fire alarm and low-voltage wiring Aerial lifts and forklift operation",
         {"Fire alarm installation", "Aerial lifts", "Forklift operation"}),  # electrician
        ("Team supervision (14 representatives) Call quality monitoring",
         {"Team supervision", "Call quality monitoring"}),  # call center
        ("Menu costing and food ordering Banquet event orders",
         {"Food ordering", "Banquet event orders"}),  # hospitality
    ],
    ids=["electrician", "call-center", "hospitality"],
)  # fmt: skip
def test_grid_cells_printed_a_single_space_apart_are_read_apart(line: str, expected: set[str]) -> None:
    text = resume(line, "Customer service")
    assert expected <= names(text)
    assert line not in free_form(text)


def test_a_name_joined_by_a_small_word_or_a_sentence_is_not_split_into_cells() -> None:
    found = names(resume("Avaya CMS and Genesys Cloud", "Strong ability to stay calm under pressure with Patients"))
    assert not [name for name in found if name in {"Avaya CMS and", "Genesys Cloud", "Patients"}]


def test_a_wrapped_cell_is_finished_on_its_own_line_or_left_out_when_its_cell_is_unknown() -> None:
    text = resume(
        "▪ VFDs and servo motion",
        "control",
        "✓ Electrical troubleshooting (24",
        "V controls)",
        "▪ Mergers and acquisitions ▪ Employee relations",
        "integration",
    )
    found = {name.lower() for name in names(text)}
    assert not {"control", "integration", "v controls"} & found
    assert "employee relations" in found


def test_an_ampersand_reads_as_and_in_a_listed_name() -> None:
    text = resume("• Sales & operations planning", "• Kaizen")  # the taxonomy files S&OP under demand planning
    assert "Demand planning" in names(text)
    assert "Sales & operations planning" not in free_form(text)


def test_generic_qualifiers_after_a_known_skill_leave_the_skill() -> None:
    text = resume("• HACCP plans", "• CNC machining processes", "• SOX 404 controls")  # kitchen, plant, audit
    assert not free_form(text)
    assert {"HACCP", "CNC machining"} <= names(text)


def test_a_credential_named_after_its_issuer_is_not_the_issuer() -> None:
    text = resume("■ Microsoft Certified: Azure Administrator Associate", "■ PMP", heading="CERTIFICATIONS")
    assert not [name for name in names(text) if name.lower() == "microsoft certified"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Maya Ross\nmaya@example.com\n\nCulinary Skills\n• Knife skills\n", "Cooking"),
        ("Ben Ito\nben@example.com\n\nSales Experience\nAccount Manager, Acme, 2019 - 2022\n", "Sales"),
        ("Ana Ruiz\nana@example.com\n\nBar Admissions\n• New York, 2018\n", "Bar admission"),
    ],
    ids=["chef", "sales", "attorney"],
)
def test_a_heading_names_no_skill(text: str, absent: str) -> None:
    assert absent not in names(text)


def test_achievements_and_competencies_headings_open_their_sections() -> None:
    text = resume("• Month-end close", "SELECTED ACHIEVEMENTS", "Company 'Finance Excellence' award, 2024.")
    assert not [name for name in free_form(text) if "achievement" in name.lower() or "award" in name.lower()]
    text = resume("Budget management", "LEADERSHIP COMPETENCIES", "• Hiring and retention", heading="SUMMARY")
    assert "Leadership competencies" not in free_form(text)


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("Underwrote $400M of commercial loans with cash-flow analysis.", {"Underwriting", "Cash flow analysis"}),
        ("Led the unit to Magnet re-designation; raised HCAHPS scores through shared governance.",
         {"Magnet designation", "HCAHPS", "Shared governance"}),
        ("Co-led the early mobility initiative and reviewed resuscitation events.",
         {"Early mobility", "Resuscitation"}),
        ("Taught Algebra I, Geometry and Precalculus; coached AP Calculus.",
         {"Algebra", "Geometry", "Precalculus", "AP Calculus"}),
        ("Hold daily toolbox talks and install lighting controls and emergency lighting on tenant build-outs.",
         {"Toolbox talks", "Lighting controls", "Emergency lighting", "Tenant improvements"}),
        ("Argued Daubert motions and secured a preliminary injunction.",
         {"Daubert motions", "Preliminary injunctions"}),
        ("Collected lien waivers and processed invoices through three-way match.",
         {"Lien waivers", "Accounts payable"}),
        ("Filed ISF and negotiated freight rates; freight rate negotiation with carriers.",
         {"ISF filing", "Freight negotiation"}),
        ("Verified coordination of benefits in Availity.", {"Coordination of benefits", "Availity"}),
        ("Coordinated virtual data rooms and drafted confidential information memoranda.",
         {"Virtual data rooms", "Confidential information memoranda"}),
        ("Installed ICRA barriers and tested insulation with megohmmeters.",
         {"Infection control risk assessment", "Insulation resistance testing"}),
    ],
    ids=["banking", "nurse-manager", "icu", "math-teacher", "electrician", "litigation", "accounts-payable",
         "logistics", "medical-billing", "investment-banking", "construction"],
)  # fmt: skip
def test_skills_of_many_professions_as_practitioners_write_them(prose: str, expected: set[str]) -> None:
    assert expected <= set(extract_skills(prose))


@pytest.mark.parametrize(
    "prose",
    [
        "Machined parts of complex geometry to tight tolerances.",
        "Member of the Resuscitation Council UK.",
        "Triage patients in the emergency department.",
        "Diagnose control, airflow and refrigerant faults with digital gauges.",
        "Apprentice program, Elk Grove Village, IL.",
        "Trained banquet staff on French service.",
        "Restocked Pyxis cabinets across four nursing units.",
    ],
)
def test_ordinary_uses_of_skill_words_are_not_those_skills(prose: str) -> None:
    ordinary = {"Geometry", "Resuscitation", "Bug triage", "Apache Airflow", "ELK Stack", "French", "Nursing"}
    assert not ordinary & set(extract_skills(prose))


def test_tools_sharing_an_ordinary_word_count_when_written_as_names() -> None:
    assert extract_skills("Scheduled DAGs in Airflow and shipped logs to ELK; fluent in French.") == [
        "Apache Airflow",
        "ELK Stack",
        "French",
    ]


def test_credential_names_keep_the_field_they_certify_for_ranking() -> None:
    from recruitment_core.skills import implied_skills

    assert implied_skills(["CSCP"]) == {"Supply chain management": "CSCP"}
    assert implied_skills(["Certified Logistics Associate"]) == {"Logistics": "Certified Logistics Associate"}


def test_a_comma_in_brackets_does_not_make_the_first_cell_a_row_label() -> None:
    text = resume(
        "• Capital equipment projects • Root cause (8D, Ishikawa)", "• Grant writing • Title I (budget, audit)"
    )
    found = names(text)  # a plant engineer's row and a school principal's
    assert {"Capital equipment projects", "Root cause analysis", "Proposal writing"} <= found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("• Hiring and retention", "Hiring"),  # school principal
        ("• Forklift / telehandler operation", "Heavy equipment operation"),  # carpenter
        ("• BEOs and floor plans", "Banquet event orders"),  # events coordinator
    ],
)
def test_each_part_of_a_joined_item_is_read_as_a_list_item(line: str, expected: str) -> None:
    assert expected in names(resume(line, "• Budget management"))


def test_a_product_named_like_a_domain_is_a_skill_but_a_link_is_not() -> None:
    assert extract_skills("Set up new vendors in Bill.com.") == ["Bill.com"]
    assert "Bill.com" not in extract_skills("Portfolio: https://bill.com/jane and jane@bill.com")


def test_items_under_a_negated_label_are_not_claimed() -> None:
    text = resume("Languages: Python, Go", "Not yet: Java, Kotlin, Kubernetes", "No experience: Epic, Cerner")
    found = names(text)
    assert {"Python", "Go"} <= found
    assert not {"Java", "Kotlin", "Kubernetes", "Epic", "Cerner"} & found
