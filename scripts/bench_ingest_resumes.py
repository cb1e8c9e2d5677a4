"""Synthetic resumes and job postings for `make bench-ingest` (scripts/bench_ingest.py): PDF written with reportlab,
DOCX with python-docx, each a plausible one-page resume in one of a few professions, reproducible by number."""

from __future__ import annotations

import io
import random
import zipfile

ROLES = [
    ("Accountant", ["Excel", "QuickBooks", "SAP", "IFRS", "reconciliations", "audit"]),
    ("Backend Engineer", ["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "Celery"]),
    ("Registered Nurse", ["patient care", "triage", "medication administration", "ICU", "BLS"]),
    ("Data Analyst", ["SQL", "Python", "Tableau", "statistics", "pandas", "dashboards"]),
    ("Marketing Manager", ["SEO", "Google Ads", "content strategy", "HubSpot", "analytics"]),
    ("Sales Representative", ["Salesforce", "prospecting", "negotiation", "CRM", "cold calling"]),
]
CITIES = ["Berlin", "London", "Austin, TX", "Toronto", "Madrid", "Chicago, IL"]


def resume_lines(number: int) -> list[str]:
    """A plausible one-page resume: contact line, summary, two or three roles with bullets, skills, education."""
    chance = random.Random(number)
    title, skills = ROLES[number % len(ROLES)]
    city = chance.choice(CITIES)
    lines = [
        f"Person{number:05d} Example",
        f"person{number:05d}@example.com | +1 415 555 {number % 10000:04d} | {city}",
        "Summary",
        f"{title} with {chance.randint(2, 15)} years of experience in {', '.join(chance.sample(skills, 3))}.",
        "Experience",
    ]
    year = 2024
    for job in range(chance.randint(2, 3)):
        start = year - chance.randint(2, 5)
        lines.append(f"{title}, Company {number}-{job} Ltd, {start} - {'Present' if job == 0 else year}")
        for skill in chance.sample(skills, 3):
            lines.append(f"- Delivered work using {skill} for {chance.randint(3, 40)} clients across {city}.")
        year = start
    lines += ["Skills", ", ".join(skills), "Education", f"B.Sc., State University, {year - 4}"]
    return lines


def resume_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = A4[1] - 60
    for line in lines:
        page.drawString(50, y, line)
        y -= 16
    page.save()
    return buffer.getvalue()


def resume_docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resume_archive(count: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            lines = resume_lines(number)
            if number % 2:
                archive.writestr(f"resumes/{number:05d}.docx", resume_docx(lines))
            else:
                archive.writestr(f"resumes/{number:05d}.pdf", resume_pdf(lines))
    return buffer.getvalue()


def job_description(title: str, skills: list[str]) -> str:
    return (
        f"We are hiring a {title}.\nResponsibilities\n- Own the day-to-day work of the team.\n"
        f"Requirements\n- 3+ years as a {title}\n- {skills[0]} and {skills[1]}\nNice to have\n- {skills[2]}\n"
    )
