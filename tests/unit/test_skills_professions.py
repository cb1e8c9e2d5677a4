"""Skills of every profession read from typical resume and posting sentences, and the ordinary words that must
not be read as skills."""

import json

import pytest

from recruitment_core import skills
from recruitment_core.skills import TaxonomyError, extract_skills, load_taxonomy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # healthcare
        (
            "Med-surg RN: medication reconciliation, NG tube care, blood glucose monitoring; charting in Meditech.",
            [
                "Medical-surgical nursing",
                "Nursing",
                "Medication reconciliation",
                "Nasogastric tube care",
                "Blood glucose monitoring",
                "Meditech",
            ],
        ),
        (
            "BLS, ACLS, PALS and NRP certified; Epic and Cerner PowerChart",
            ["Basic Life Support", "ACLS", "PALS", "NRP", "Epic Systems", "Cerner"],
        ),
        (
            "Assisted residents with ADLs, personal care and fall prevention",
            ["Activities of daily living", "Personal care", "Fall prevention"],
        ),
        (
            "Insurance verification, prior authorizations and medical billing",
            ["Insurance verification", "Prior authorization", "Medical billing"],
        ),
        # HR and recruiting
        (
            "Full-cycle recruiting and candidate sourcing with Boolean search; screened resumes and scheduled "
            "interviews in Greenhouse",
            ["Full-cycle recruiting", "Sourcing", "Candidate screening", "Interviewing", "Greenhouse"],
        ),
        ("Talent acquisition and recruitment for retail stores", ["Talent acquisition", "Recruiting"]),
        (
            "HRIS administration in Workday and ADP; benefits administration, open enrollment and FMLA leave",
            ["HRIS", "Workday", "ADP", "Benefits administration", "FMLA"],
        ),
        (
            "Employee relations investigations, performance reviews and training & development programmes",
            ["Employee relations", "Performance management", "Training and development"],
        ),
        (
            "Labor law compliance, new hire onboarding and payroll processing",
            ["Employment law", "Employee onboarding", "Payroll"],
        ),
        (
            "Skills: Recruiting, Onboarding, Sourcing, SuccessFactors",
            ["Recruiting", "Employee onboarding", "Sourcing", "SuccessFactors"],
        ),
        # sales
        (
            "Exceeded quota through cold calling, product demos and closing deals in Salesforce",
            ["Quota attainment", "Cold calling", "Sales presentations", "Closing", "Salesforce"],
        ),
        (
            "Cash handling, visual merchandising and loss prevention",
            ["Cash handling", "Visual merchandising", "Loss prevention"],
        ),
        # finance, banking, accounting
        (
            "Journal entries, intercompany reconciliations and SAP FI under IFRS",
            ["Journal entries", "Financial consolidation", "SAP FICO", "IFRS"],
        ),
        (
            "KYC/AML reviews, OFAC screening and loan processing",
            ["Anti-money laundering", "Bank Secrecy Act", "Loan processing"],
        ),
        ("Mortgage underwriting and credit analysis", ["Underwriting", "Credit analysis"]),
        ("Built financial models and prepared the annual budget", ["Financial modeling", "Budgeting"]),
        # legal
        (
            "Legal research on Westlaw and LexisNexis; drafted pleadings and discovery responses",
            ["Legal research", "Westlaw", "LexisNexis", "Legal writing", "Discovery"],
        ),
        (
            "E-discovery document review in Relativity; litigation support and trial preparation",
            ["E-discovery", "Relativity", "Litigation support"],
        ),
        ("Contract drafting, contract review and docketing", ["Contract drafting", "Contract review", "Docketing"]),
        # design
        (
            "Adobe Photoshop, Illustrator and InDesign; logo design and print production",
            ["Adobe Photoshop", "Adobe Illustrator", "Adobe InDesign", "Logo design", "Print design"],
        ),
        # marketing
        (
            "Ran social media marketing, SEO and Google Ads campaigns; email marketing in Mailchimp and HubSpot",
            ["Social media marketing", "SEO", "Google Ads", "Email marketing", "Mailchimp", "HubSpot"],
        ),
        ("Wrote press releases and handled crisis communications", ["Press releases", "Crisis communication"]),
        # hospitality
        (
            "ServSafe certified; food safety, menu planning and Toast POS",
            ["ServSafe", "Food safety", "Menu planning", "POS systems"],
        ),
        (
            "Guest relations at the front desk; reservations in Opera PMS",
            ["Guest relations", "Front desk operations", "Reservations management", "Opera PMS"],
        ),
        # operations and logistics
        (
            "Forklift certified, OSHA 10; shipping and receiving, pick and pack, cycle counts in the WMS",
            [
                "Forklift operation",
                "OSHA",
                "Shipping and receiving",
                "Picking and packing",
                "Inventory management",
                "Warehouse management systems",
            ],
        ),
        ("Lean manufacturing, Six Sigma and kaizen events", ["Lean manufacturing", "Lean Six Sigma"]),
        # education
        (
            "Lesson planning, classroom management, differentiated instruction and IEP meetings",
            ["Lesson planning", "Classroom management", "Differentiated instruction", "IEP"],
        ),
        (
            "Curriculum development in Google Classroom and Canvas",
            ["Curriculum development", "Learning management systems"],
        ),
        # engineering
        (
            "SolidWorks, CATIA and AutoCAD; GD&T, FEA in ANSYS",
            ["SolidWorks", "CATIA", "AutoCAD", "GD&T", "Finite element analysis", "ANSYS"],
        ),
        (
            "PLC programming with Allen-Bradley RSLogix; HVAC design in Civil 3D and Revit",
            ["PLC programming", "HVAC", "Civil 3D", "Revit"],
        ),
        # office and administration
        (
            "Proficient in Word, Excel, PowerPoint and Outlook; data entry at 70 WPM",
            ["Microsoft Word", "Microsoft Excel", "Microsoft PowerPoint", "Microsoft Outlook", "Data entry", "Typing"],
        ),
        (
            "MS Office Suite, calendar management, travel arrangements and minute taking",
            ["Microsoft Office", "Calendar management", "Travel coordination", "Minute taking"],
        ),
        # customer service
        (
            "Customer service in a call centre: inbound calls, complaint resolution and de-escalation",
            ["Customer service", "Call center operations", "Complaint handling", "De-escalation"],
        ),
        # construction and trades
        (
            "Carpentry, drywall and blueprint reading; OSHA 30 and fall protection",
            ["Carpentry", "Drywall", "Blueprint reading", "OSHA", "Fall protection"],
        ),
        ("MIG and TIG welding, metal fabrication", ["Welding", "Metal fabrication"]),
        # soft skills stay apart from hard ones
        (
            "Strong work ethic, time management and problem solving",
            ["Work ethic", "Time management", "Problem solving"],
        ),
    ],
)
def test_skills_of_each_profession(text, expected):
    assert extract_skills(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will understand the client's needs and budget.", []),
        ("Tracked defects in bug/change management systems", []),
        ("Led change management for the ERP rollout", ["Change management", "ERP systems"]),
        ("I excel at word games and have access to the office", []),
        ("Completed training on the new office printers", []),
        ("Sales grew 20% and sales staff doubled", []),
        ("Bug triage with the QA team", ["Bug triage", "Quality assurance"]),
        ("Patient triage in the emergency department", ["Triage", "Emergency care"]),
        ("Improved Core Web Vitals on the landing pages", []),
        ("Worked for Sunrise Nursing Home", []),
        ("Patient recruitment for clinical trials", ["Clinical research"]),
        ("Built the billing service and its billing API", []),
        ("Handled billing for 40 clients", ["Invoicing"]),
        ("Consumer purchasing power fell", []),
        ("Purchasing and vendor management", ["Procurement", "Vendor management"]),
        ("Onboarding flow for the mobile app", []),
        ("Scheduling jobs on the cluster", []),
        ("Grew a lean team, drew on a greenhouse and a lever arch file", []),
        ("Static typing with mypy", []),
        ("Polish the product before launch", []),
        ("English, Polish and German", ["English", "Polish", "German"]),
        ("Competitive compensation and benefits package", ["Compensation and benefits"]),
        ("Conducted safety audits and chart audits", ["Workplace safety"]),
        ("Scaffolding instruction for struggling readers", []),
        ("Barclays PLC, London", []),
    ],
)
def test_ordinary_words_are_not_read_as_skills(text, expected):
    assert extract_skills(text) == expected


def test_every_category_has_skills_and_every_skill_one_category():
    entries = json.loads(skills.TAXONOMY_PATH.read_text(encoding="utf-8"))
    categories = {entry["category"] for entry in entries}

    assert {
        "healthcare_nursing",
        "healthcare_allied",
        "human_resources",
        "sales",
        "accounting_finance",
        "banking_insurance",
        "legal",
        "design",
        "marketing",
        "hospitality",
        "logistics_operations",
        "education",
        "engineering_manufacturing",
        "office_tools",
        "office_administration",
        "customer_service",
        "construction_trades",
        "soft_skills",
    } <= categories
    assert load_taxonomy().category_by_skill["Recruiting"] == "human_resources"
    assert load_taxonomy().category_by_skill["Teamwork"] == "soft_skills"


def test_a_phrase_that_is_not_a_skill_wins_over_the_alias_inside_it(tmp_path, monkeypatch):
    taxonomy_file = tmp_path / "skills.json"
    taxonomy_file.write_text(
        json.dumps([{"name": "Triage", "category": "healthcare", "aliases": [], "not_within": ["bug triage"]}])
    )
    monkeypatch.setattr(skills, "TAXONOMY_PATH", taxonomy_file)
    load_taxonomy.cache_clear()
    try:
        assert extract_skills("Bug triage, then patient triage") == ["Triage"]
        assert [mention.start for mention in skills.find_skill_mentions("bug triage; triage")] == [12]
    finally:
        load_taxonomy.cache_clear()


def test_a_phrase_both_an_alias_and_not_a_skill_is_refused(tmp_path, monkeypatch):
    taxonomy_file = tmp_path / "skills.json"
    taxonomy_file.write_text(
        json.dumps(
            [
                {"name": "Triage", "category": "healthcare", "aliases": [], "not_within": ["bug triage"]},
                {"name": "Bug triage", "category": "software", "aliases": []},
            ]
        )
    )
    monkeypatch.setattr(skills, "TAXONOMY_PATH", taxonomy_file)
    load_taxonomy.cache_clear()
    try:
        with pytest.raises(TaxonomyError, match="both an alias and not a skill"):
            load_taxonomy()
    finally:
        load_taxonomy.cache_clear()


def test_aliases_sharing_their_first_letters_still_match_longest_first():
    assert extract_skills("C, C++, C#, CSS and CATIA") == ["C", "C++", "C#", "CSS", "CATIA"]
    assert extract_skills("Recruiting coordinator; recruitment consultant") == ["Recruiting"]
    assert extract_skills("Six Sigma, Lean Six Sigma and Lean") == ["Lean Six Sigma", "Lean manufacturing"]
