"""Legacy Word (.doc, Word 97-2003) resumes through the `antiword` program."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from recruitment_core.extraction.common import Extraction, ExtractionError
from recruitment_core.tools import DEFAULT_TOOLS, ExternalTools

_DOC_TIMEOUT_SECONDS = 30


def extract_doc(data: bytes, *, tools: ExternalTools = DEFAULT_TOOLS) -> Extraction:
    """Legacy Word files through Debian's `antiword` (run as a child process with a timeout)."""
    command = shutil.which(tools.antiword_cmd)
    if command is None:
        raise ExtractionError(
            "doc_unavailable",
            "Legacy Word documents (.doc) cannot be read on this server: the antiword program is not installed. "
            "Open the file in Word or LibreOffice, save it as .docx or PDF, then upload it again.",
        )
    with tempfile.TemporaryDirectory(prefix="resume-doc-") as folder:
        path = os.path.join(folder, "resume.doc")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            completed = subprocess.run(
                [command, "-w", "0", "-m", "UTF-8.txt", path],
                capture_output=True,
                timeout=_DOC_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError(
                "timeout",
                f"Reading this Word document took longer than {_DOC_TIMEOUT_SECONDS} seconds; it may be malformed.",
            ) from exc
    if completed.returncode != 0:
        problem = completed.stderr.decode("utf-8", "replace").lower()
        if "encrypt" in problem or "password" in problem:
            raise ExtractionError(
                "encrypted",
                "This Word document is password-protected. Remove the password (or export it as PDF) "
                "and upload it again.",
            )
        raise ExtractionError(
            "corrupt",
            "This Word document is damaged and cannot be read. Open it, save it again "
            "(or export it as .docx or PDF), then upload it again.",
        )
    text = completed.stdout.decode("utf-8", errors="replace")
    # antiword marks pictures with a placeholder; a picture is not resume text.
    return Extraction(text=re.sub(r"\[pic\]", "", text))
