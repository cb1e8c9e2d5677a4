"""The role family of typical titles of every profession, read from the title alone."""

import pytest

from recruitment_core.job_role import read_role_family


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Recruiter", "hr"),
        ("Technical Recruiter", "hr"),
        ("Talent Acquisition Specialist", "hr"),
        ("Sourcer", "hr"),
        ("HR Generalist", "hr"),
        ("Store Manager", "sales"),
        ("Insurance Sales Agent", "sales"),
        ("Paralegal", "legal"),
        ("Litigation Paralegal", "legal"),
        ("Legal Secretary", "legal"),
        ("Associate Attorney", "legal"),
        ("Line Cook", "hospitality"),
        ("Restaurant General Manager", "hospitality"),
        ("Hotel Front Desk Agent", "hospitality"),
        ("Bartender", "hospitality"),
        ("Server", "hospitality"),
        ("Server Engineer", "software"),
        ("Warehouse Associate", "logistics"),
        ("Supply Chain Analyst", "logistics"),
        ("Kindergarten Teacher", "teaching"),
        ("Nanny", "teaching"),
        ("Mechanical Design Engineer", "engineering"),
        ("CAD Drafter", "engineering"),
        ("Machinist", "engineering"),
        ("Software Design Engineer", "software"),
        ("Executive Assistant", "admin"),
        ("Customer Service Representative", "customer_support"),
        ("Electrician", "construction"),
        ("HVAC Technician", "construction"),
        ("Construction Project Manager", "construction"),
        ("Radiologic Technologist", "healthcare"),
        ("Medical Coder", "healthcare"),
        ("Registered Nurse", "nursing"),
        ("Bank Teller", "accounting"),
        ("Loan Officer", "accounting"),
        ("Financial Analyst", "accounting"),
        ("Social Media Manager", "marketing"),
        ("Photographer", "design"),
    ],
)
def test_role_family_of_a_title(title, family):
    assert read_role_family(title, []) == family


@pytest.mark.parametrize(
    ("skills", "family"),
    [
        (["Legal research", "Westlaw", "E-discovery"], "legal"),
        (["Food safety", "ServSafe", "Menu planning"], "hospitality"),
        (["Carpentry", "Drywall", "Blueprint reading"], "construction"),
        (["Lesson planning", "Classroom management"], "teaching"),
        (["SolidWorks", "GD&T"], "engineering"),
        (["Calendar management", "Travel coordination"], "admin"),
        (["Underwriting", "Loan processing"], "accounting"),
        (["Sourcing", "Full-cycle recruiting"], "hr"),
    ],
)
def test_skills_name_the_family_when_the_title_does_not(skills, family):
    assert read_role_family("Specialist", skills) == family
