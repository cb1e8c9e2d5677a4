"""What candidates are told about automated screening, shown on registering and on applying (pages and API)."""

from __future__ import annotations

SCREENING_NOTICE = {
    "title": "Automated screening",
    "scored": (
        "Your resume is read by software and scored against each job's requirements: the skills it shows and the "
        "evidence behind them, years and kind of experience, education and location. An AI service summarises "
        "strengths, concerns and missing requirements for the recruiter."
    ),
    "human_decides": (
        "The score and the summary only help a recruiter read applications: a person reviews every application "
        "and makes each decision. Nothing is decided automatically."
    ),
    "your_rights": (
        "You can correct the profile read from your resume, see what the screening found missing once a recruiter "
        "releases it, export your data and delete it at any time."
    ),
}
