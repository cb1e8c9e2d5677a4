"""Figures as CSV: a DRF renderer for `?format=csv` and the `export.csv` routes."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import BaseRenderer

# A cell a spreadsheet would read as a formula (job titles, skills and user names are typed by people).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def figure_csv(payload: Mapping[str, Any]) -> str:
    """A figure payload's rows under a header of its columns; any other body (an error) as key/value lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if "columns" in payload and "rows" in payload:
        columns = list(payload["columns"])
        writer.writerow(columns)
        writer.writerows([csv_cell(row.get(column)) for column in columns] for row in payload["rows"])
    else:
        writer.writerow(["field", "value"])
        writer.writerows([key, csv_cell(str(value))] for key, value in payload.items())
    return buffer.getvalue()


class FigureCSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(
        self, data: Any, accepted_media_type: str | None = None, renderer_context: Mapping[str, Any] | None = None
    ) -> bytes:
        return figure_csv(data if isinstance(data, Mapping) else {}).encode(self.charset)
