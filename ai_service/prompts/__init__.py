"""Every prompt the AI service sends to a language model, from a versioned file beside this module.

The job description and the resume are untrusted: anyone can write "ignore previous instructions" into a
resume. So they travel only in the user message, between markers the text cannot forge, and the system
prompt tells the model to treat them as data; sentences of the resume addressed to automated screeners are
replaced by a marker before the model reads it (ScreeningCase.resume_for_model). The score and the skills are
decided before the model is asked anything. The prompt's version (PROMPT_VERSION, the file's name) is returned
with every analysis.
"""

import re
from pathlib import Path
from string import Template

from ai_service.case import ScreeningCase

PROMPT_VERSION = "screening_v1"
PROMPT_FILE = Path(__file__).with_name(f"{PROMPT_VERSION}.txt")

JOB_START, JOB_END = "<job_description>", "</job_description>"
RESUME_START, RESUME_END = "<resume>", "</resume>"
# Any spelling of a marker inside the untrusted text ("</RESUME >") could end its block early.
FORGED_MARKER = re.compile(r"<\s*/?\s*(?:job_description|resume)\s*>", re.IGNORECASE)
SECTION = re.compile(r"^=== (\w+) ===\n", re.MULTILINE)
TEMPLATE_NAMES = ("system", "user", "repair")
# A screening answer is a few hundred tokens: the unusable answer shown back for repair is cut to this, so a
# model that rambled cannot push the second request past its context.
MAX_REJECTED_ANSWER_CHARS = 4000
# ... and no answer may be longer than this many tokens (the providers' max_tokens / num_predict).
MAX_ANSWER_TOKENS = 1024


class PromptFileError(ValueError):
    """The prompt file lacks a template or has one it should not."""


def load_templates(path: Path) -> dict[str, Template]:
    """The templates of a prompt file: the text under each "=== name ===" line (lines before the first are notes)."""
    parts = SECTION.split(path.read_text(encoding="utf-8"))
    templates = {name: Template(body.strip("\n")) for name, body in zip(parts[1::2], parts[2::2], strict=True)}
    if sorted(templates) != sorted(TEMPLATE_NAMES):
        raise PromptFileError(f"{path.name} must hold exactly the templates {', '.join(TEMPLATE_NAMES)}")
    return templates


TEMPLATES = load_templates(PROMPT_FILE)
SYSTEM_PROMPT = TEMPLATES["system"].substitute()


def _as_data(text: str) -> str:
    return FORGED_MARKER.sub("[marker removed]", text)


def _skills_line(skills: list[str]) -> str:
    return ", ".join(skills) if skills else "none"


def user_message(case: ScreeningCase) -> str:
    """The user turn: the scorer's verdict, then the two untrusted texts in their markers."""
    match = case.match
    return TEMPLATES["user"].substitute(
        score=f"{match.score:.1f}",
        matched_skills=_skills_line(match.matched_skills),
        missing_skills=_skills_line(match.missing_skills),
        scorer_summary=match.summary,
        job_description=_as_data(case.job_description),
        resume_text=_as_data(case.resume_for_model),
    )


def chat_messages(case: ScreeningCase) -> list[dict[str, str]]:
    """System and user messages in the chat format both Ollama and OpenAI accept."""
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user_message(case)}]


def repair_messages(messages: list[dict[str, str]], *, rejected_answer: str, problem: str) -> list[dict[str, str]]:
    """The conversation again, with the model's unusable answer and what was wrong with it, so that it can
    answer once more. `problem` names fields and rules, never text from the resume."""
    return [
        *messages,
        {"role": "assistant", "content": rejected_answer[:MAX_REJECTED_ANSWER_CHARS]},
        {"role": "user", "content": TEMPLATES["repair"].substitute(problem=problem)},
    ]
