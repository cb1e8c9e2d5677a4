"""Reading order of PDF pages with a narrow left column of headings or dates beside the text they belong to
(resume-builder "headings left" layouts and tables with dates in their left cells), and of true sidebars,
which stay a column of their own. Every page is drawn with reportlab's canvas, as resume builders print."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from recruitment_core.extraction import extract_text

LEADING = 12.5
LEFT, CONTENT, RIGHT = 50.0, 160.0, 560.0
BULLET_INDENT = 10.0

# One printed line of section content: plain text, (text, right-aligned text), a bullet ("• ..."), or a
# grid row ("grid", first item, second item).
Item = str | tuple[str, str] | tuple[str, str, str]


def _pdf(draw: Callable[[Canvas], None]) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=letter, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _text(canvas: Canvas, x: float, y: float, text: str, *, bold: bool = False, size: float = 10) -> None:
    canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    canvas.drawString(x, y, text)


def _content(canvas: Canvas, x: float, y: float, items: list[Item]) -> float:
    """Draw the items one line each from baseline y down; returns the baseline below the last line."""
    for item in items:
        if isinstance(item, str) and item.startswith("• "):
            _text(canvas, x, y, "•")  # the glyph hangs left of its text, as HTML and Word print lists
            _text(canvas, x + BULLET_INDENT, y, item[2:])
        elif isinstance(item, str):
            _text(canvas, x + BULLET_INDENT if item.startswith("  ") else x, y, item.strip())
        elif len(item) == 2:
            _text(canvas, x, y, item[0], bold=True)
            canvas.setFont("Helvetica", 10)
            canvas.drawRightString(RIGHT, y, item[1])
        else:
            _text(canvas, x, y, item[1])
            _text(canvas, x + 200, y, item[2])
        y -= LEADING
    return y


def _header(canvas: Canvas) -> float:
    _text(canvas, LEFT, 740, "Jane Doe", bold=True, size=18)
    _text(canvas, LEFT, 720, "Data Engineer | Berlin, Germany | jane.doe@example.com | +49 30 1234567")
    return 690.0


SECTIONS: list[tuple[list[str], list[Item]]] = [
    (
        ["Summary"],
        [
            "Data engineer with eight years building batch and streaming pipelines for retail",
            "and logistics companies, from ingestion to the dashboards managers read.",
        ],
    ),
    (
        ["Experience"],
        [
            ("Senior Data Engineer", "2021 – Present"),
            "Acme Retail GmbH — Berlin",
            "• Built the Spark pipelines that load two terabytes of sales data a night into the",
            "  warehouse and the stores' replenishment models.",
            "• Cut warehouse costs by 30% with partitioned tables.",
            ("Data Engineer", "2017 – 2021"),
            "Beta Logistics AG — Hamburg",
            "• Moved nightly reporting from cron jobs to Airflow.",
        ],
    ),
    (
        ["Methods and", "Tools"],
        [("grid", "Apache Spark", "Apache Airflow"), ("grid", "PostgreSQL", "Kafka"), ("grid", "dbt", "Terraform")],
    ),
    (["Education"], [("MSc Computer Science", "2016"), "Technical University of Berlin"]),
]


def _printed(item: Item) -> str:
    if isinstance(item, str):
        return item.strip()
    return " ".join(item[1:] if len(item) == 3 else item)


@pytest.mark.parametrize("raised", [0.0, 9.0], ids=["top-aligned", "heading-a-line-higher"])
def test_margin_headings_are_read_before_the_section_beside_them(raised):
    # Each heading (one line, or wrapped on two) sits in a narrow left cell beside its section: top-aligned, or
    # a little higher than the section's first line as LibreOffice prints table cells.
    def draw(canvas: Canvas) -> None:
        y = _header(canvas)
        for heading, items in SECTIONS:
            for offset, line in enumerate(heading):
                _text(canvas, LEFT, y + raised - offset * LEADING, line, bold=True, size=11)
            y = _content(canvas, CONTENT, y, items) - 1.6 * LEADING

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    expected = ["Jane Doe", "Data Engineer | Berlin, Germany | jane.doe@example.com | +49 30 1234567"]
    for heading, items in SECTIONS:
        expected += heading + [_printed(item) for item in items]
    assert lines == expected


JOBS: list[tuple[list[str], list[Item]]] = [
    (
        ["2021 – Present"],
        [
            "Senior Data Engineer",
            "Acme Retail GmbH, Berlin",
            "• Built the Spark pipelines that load two terabytes of sales data a night.",
            "• Cut warehouse costs by 30% with partitioned tables.",
        ],
    ),
    (
        ["Mar 2017 –", "Dec 2020"],
        ["Data Engineer", "Beta Logistics AG, Hamburg", "• Moved nightly reporting from cron jobs to Airflow."],
    ),
    (["2015 – 2017"], ["Junior Developer", "Gamma Software, Munich", "• Wrote ETL jobs in Python."]),
]


def test_dates_in_the_left_cells_of_a_table_are_read_before_their_jobs():
    # A ruled two-column table, a row per job: the dates (one line, or wrapped on two) in the narrow left cell,
    # the job in the right one, both top-aligned.
    def draw(canvas: Canvas) -> None:
        y = _header(canvas)
        _text(canvas, LEFT, y, "Experience", bold=True, size=12)
        y -= 8
        canvas.line(LEFT, y, RIGHT, y)
        for dates, items in JOBS:
            y -= LEADING
            for offset, line in enumerate(dates):
                _text(canvas, LEFT + 4, y - offset * LEADING, line)
            y = _content(canvas, CONTENT, y, items) + LEADING - 6
            canvas.line(LEFT, y, RIGHT, y)
        canvas.line(CONTENT - 6, y, CONTENT - 6, 690 - 8)

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    expected = ["Jane Doe", "Data Engineer | Berlin, Germany | jane.doe@example.com | +49 30 1234567", "Experience"]
    for dates, items in JOBS:
        expected += dates + [_printed(item) for item in items]
    assert lines == expected


SIDEBAR = [
    ["Contact", "Berlin, Germany", "jane.doe@example.com", "+49 30 1234567"],
    ["Skills", "Python", "SQL", "Apache Spark", "Apache Airflow"],
    ["Languages", "English", "German"],
]
MAIN: list[Item] = [
    "Profile",
    "Data engineer with eight years building batch and",
    "streaming pipelines for retail and logistics companies.",
    "Experience",
    ("Senior Data Engineer", "2021 – Present"),
    "Acme Retail GmbH — Berlin",
    "• Built the Spark pipelines that load sales data.",
    "• Cut warehouse costs by 30% with partitioned tables.",
    ("Data Engineer", "2017 – 2021"),
    "Beta Logistics AG — Hamburg",
    "• Moved nightly reporting from cron jobs to Airflow.",
    "Education",
    ("MSc Computer Science", "2016"),
    "Technical University of Berlin",
]


def test_a_dense_sidebar_is_still_read_as_a_column_of_its_own():
    # A shaded sidebar of short sections on the main column's line grid, each line beside a line of the main
    # column: it is independent content, read whole before the main column.
    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(0.92, 0.94, 0.97)
        canvas.rect(LEFT - 6, 200, 170, 510, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        _text(canvas, LEFT, 740, "Jane Doe", bold=True, size=18)
        y = 690.0
        for section in SIDEBAR:
            _text(canvas, LEFT, y, section[0], bold=True)
            y = _content(canvas, LEFT, y - LEADING, list(section[1:])) - LEADING
        _content(canvas, 240, 690.0, MAIN)

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    assert lines == ["Jane Doe", *(line for section in SIDEBAR for line in section), *map(_printed, MAIN)]


def test_a_sidebar_of_short_sections_spaced_apart_beside_a_long_main_column_is_still_a_column():
    # Sections of three lines, a blank line between them, each top-aligned with a line of a main column more
    # than twice as long: longer than a heading or a date range, so content of its own.
    side = [["Contact", "Berlin, Germany", "jane.doe@example.com"], ["Languages", "English", "German"]]

    def draw(canvas: Canvas) -> None:
        _text(canvas, LEFT, 740, "Jane Doe", bold=True, size=18)
        y = 690.0
        for section in side:
            _text(canvas, LEFT, y, section[0], bold=True)
            y = _content(canvas, LEFT, y - LEADING, list(section[1:])) - 2 * LEADING
        _content(canvas, 240, 690.0, MAIN)

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    assert lines == ["Jane Doe", *(line for section in side for line in section), *map(_printed, MAIN)]


def test_bullet_glyphs_hung_left_of_their_items_stay_on_their_lines():
    # The glyphs stand a gutter's width left of their items' text, wrapped lines under the text: the glyphs are
    # no column of their own, whatever the mix of short and wrapped items.
    items = [
        "Built the Spark pipelines that load sales data.",
        "Cut warehouse costs by 30% with partitioned tables and a nightly clean-up job that runs",
        "Moved nightly reporting from cron jobs to Airflow.",
        "Mentored two junior engineers.",
    ]

    def draw(canvas: Canvas) -> None:
        _text(canvas, LEFT, 700, "Experience", bold=True, size=11)
        _text(canvas, LEFT, 700 - LEADING, "Senior Data Engineer, Acme Retail GmbH, Berlin, 2021 – Present")
        y = 700 - 2 * LEADING
        for number, item in enumerate(items):
            _text(canvas, LEFT, y, "•")
            _text(canvas, LEFT + 16, y, item)
            if number == 1:
                y -= LEADING
                _text(canvas, LEFT + 16, y, "in Airflow.")
            y -= LEADING

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    assert lines[2:] == [f"• {items[0]}", f"• {items[1]}", "in Airflow.", *(f"• {item}" for item in items[2:])]


def test_a_skills_grid_above_a_dates_left_table_is_read_row_by_row():
    # The grid's left items stand where the table's dates do: those lines pair one for one with the items
    # beside them, so they are rows of the grid, while each date is read before its job.
    grid = [("• Python", "• Apache Airflow"), ("• SQL", "• Kafka"), ("• Apache Spark", "• Terraform")]

    def draw(canvas: Canvas) -> None:
        y = _header(canvas)
        _text(canvas, LEFT, y, "Skills", bold=True, size=11)
        for left, right in grid:
            y -= LEADING
            _text(canvas, LEFT, y, left)
            _text(canvas, 330, y, right)
        y -= 2 * LEADING
        _text(canvas, LEFT, y, "Experience", bold=True, size=11)
        for dates, items in JOBS[:2]:
            y -= 1.6 * LEADING
            for offset, line in enumerate(dates):
                _text(canvas, LEFT, y - offset * LEADING, line)
            y = _content(canvas, CONTENT, y, items) + LEADING

    lines = extract_text(_pdf(draw), "pdf").text.splitlines()

    expected = ["Skills", *(f"{left} {right}" for left, right in grid), "Experience"]
    for dates, items in JOBS[:2]:
        expected += dates + [_printed(item) for item in items]
    assert lines[2:] == expected
