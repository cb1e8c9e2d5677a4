"""The synthetic candidates and jobs of bench_search: resume-like text, skills with evidence, and 384-dim vectors
clustered by role family."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

DIMENSIONS = 384
FAMILIES = {
    "backend": [
        "Python",
        "Django",
        "PostgreSQL",
        "REST APIs",
        "Docker",
        "Kubernetes",
        "Redis",
        "Celery",
        "Go",
        "AWS",
        "Java",
        "Spring",
        "Microservices",
        "Git",
        "Linux",
        "Kafka",
        "GraphQL",
        "FastAPI",
    ],
    "frontend": [
        "JavaScript",
        "TypeScript",
        "React",
        "Vue.js",
        "HTML",
        "CSS",
        "Redux",
        "Webpack",
        "Next.js",
        "Accessibility",
        "Jest",
        "Figma",
        "Angular",
        "Node.js",
        "GraphQL",
        "Git",
    ],
    "data": [
        "Python",
        "SQL",
        "pandas",
        "Machine Learning",
        "scikit-learn",
        "Statistics",
        "Tableau",
        "Spark",
        "TensorFlow",
        "PyTorch",
        "Data Analysis",
        "Excel",
        "R",
        "Airflow",
        "A/B Testing",
        "Data Visualization",
    ],
    "devops": [
        "Kubernetes",
        "Docker",
        "Terraform",
        "AWS",
        "Azure",
        "Linux",
        "Ansible",
        "Prometheus",
        "Grafana",
        "CI/CD",
        "Jenkins",
        "Bash",
        "Python",
        "Helm",
        "Networking",
        "Go",
    ],
    "nursing": [
        "Patient Care",
        "ICU",
        "Medication Administration",
        "Triage",
        "BLS",
        "ACLS",
        "Electronic Health Records",
        "Wound Care",
        "IV Therapy",
        "Patient Education",
        "Infection Control",
        "Critical Care",
        "Vital Signs",
    ],
    "accounting": [
        "Accounting",
        "Financial Reporting",
        "Excel",
        "QuickBooks",
        "Reconciliation",
        "Accounts Payable",
        "Accounts Receivable",
        "GAAP",
        "Auditing",
        "Tax Preparation",
        "Budgeting",
        "SAP",
        "Payroll",
    ],
    "sales": [
        "Sales",
        "Salesforce",
        "Negotiation",
        "Lead Generation",
        "CRM",
        "Account Management",
        "Cold Calling",
        "B2B Sales",
        "Pipeline Management",
        "Customer Relationship Management",
        "Presentation Skills",
    ],
    "design": [
        "Figma",
        "User Research",
        "Prototyping",
        "Wireframing",
        "UX Design",
        "UI Design",
        "Adobe Photoshop",
        "Adobe Illustrator",
        "Design Systems",
        "Usability Testing",
        "Interaction Design",
        "Sketch",
    ],
    "teaching": [
        "Lesson Planning",
        "Classroom Management",
        "Curriculum Development",
        "Mathematics",
        "Assessment",
        "Differentiated Instruction",
        "Mentoring",
        "Special Education",
        "Google Classroom",
        "Tutoring",
    ],
    "logistics": [
        "Supply Chain",
        "Inventory Management",
        "Warehouse Management",
        "Forklift",
        "Logistics",
        "SAP",
        "Procurement",
        "Shipping",
        "Lean",
        "Team Leadership",
        "Scheduling",
        "Excel",
    ],
}
TITLES = {
    "backend": "Backend Engineer",
    "frontend": "Frontend Developer",
    "data": "Data Scientist",
    "devops": "DevOps Engineer",
    "nursing": "Registered Nurse",
    "accounting": "Staff Accountant",
    "sales": "Account Executive",
    "design": "Product Designer",
    "teaching": "Mathematics Teacher",
    "logistics": "Warehouse Supervisor",
}
CITIES = [
    "Berlin, Germany",
    "London, UK",
    "San Francisco, CA",
    "New York, NY",
    "Austin, TX",
    "Toronto, Canada",
    "Amsterdam, Netherlands",
    "Chicago, IL",
    "Remote",
    "Madrid, Spain",
]


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector, axis=-1, keepdims=True)


class Synthetic:
    """Vectors clustered by family and shifted by skills, so the nearest neighbours are meaningful."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.random = random.Random(seed)
        self.family_centres = {family: _unit(self.rng.normal(size=DIMENSIONS)) for family in FAMILIES}
        skills = sorted({skill for pool in FAMILIES.values() for skill in pool})
        self.skill_directions = {skill: _unit(self.rng.normal(size=DIMENSIONS)) for skill in skills}

    def vector(self, family: str, skills: list[str], noise: float) -> np.ndarray:
        """Family centre + skills + an individual part of norm `noise`: same-family cosines land around 0.4-0.7,
        as between real resumes of one profession."""
        base = self.family_centres[family] + 0.3 * sum(self.skill_directions[s] for s in skills)
        individual = _unit(self.rng.normal(size=DIMENSIONS)) * noise
        return _unit(base + individual).astype(np.float32)

    def candidate(self, index: int) -> dict[str, Any]:
        family = self.random.choice(list(FAMILIES))
        pool = FAMILIES[family]
        skills = self.random.sample(pool, self.random.randint(4, min(12, len(pool))))
        years = round(self.random.uniform(0, 20), 1)
        evidenced = set(skills[: max(1, len(skills) * 2 // 3)])
        title = TITLES[family]
        lines = [
            f"{title} with {years} years of experience.",
            *(f"Used {skill} daily in production work at Company {index % 997}." for skill in sorted(evidenced)),
            "Skills: " + ", ".join(skills),
        ]
        features = {
            "skills": {
                skill: {
                    "months": int(years * 12 * 0.6) if skill in evidenced else 0,
                    "sections": ["experience", "skills"] if skill in evidenced else ["skills"],
                    "evidence": [f"Used {skill} daily in production work at Company {index % 997}."]
                    if skill in evidenced
                    else [lines[-1]],
                    "strength": 0.9 if skill in evidenced else 0.35,
                }
                for skill in skills
            },
            "total_years": years,
            "education_levels": [self.random.choice(["bachelor", "master", "diploma", "associate"])],
            "location": self.random.choice(CITIES),
            "has_projects": self.random.random() < 0.3,
        }
        return {
            "name": f"Candidate {index}",
            "title": title,
            "years": years,
            "skills": skills,
            "location": features["location"],
            "text": "\n".join(lines),
            "features": features,
            "vector": self.vector(family, skills, noise=0.9),
            # The experience sections: the roles and the skills used in them, without the skills list.
            "experience_vector": self.vector(family, sorted(evidenced), noise=1.0),
        }

    def job(self, index: int) -> dict[str, Any]:
        family = list(FAMILIES)[index % len(FAMILIES)]
        pool = FAMILIES[family]
        required = self.random.sample(pool, 4)
        preferred = self.random.sample([s for s in pool if s not in required], 2)
        return {
            "family": family,
            "title": f"{TITLES[family]} {index}",
            "required": required,
            "preferred": preferred,
            "min_years": float(self.random.choice([1, 2, 3, 5])),
            "vector": self.vector(family, required, noise=0.5),
        }


def vector_literal(vector: np.ndarray) -> str:
    return "[" + ",".join(f"{x:.6f}" for x in vector) + "]"
