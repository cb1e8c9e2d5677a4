from datetime import date

import pytest

from recruitment_core.dates import DateRange, YearMonth, find_date_ranges, union_months, years_in_text

TODAY = date(2024, 6, 15)


def _only_range(text: str) -> DateRange:
    ranges = find_date_ranges(text)
    assert len(ranges) == 1, ranges
    return ranges[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "is_current"),
    [
        ("Jan 2019 – Present", (2019, 1), None, True),
        ("January 2019 - Current", (2019, 1), None, True),
        ("2019-01 to 03/2022", (2019, 1), (2022, 3), False),
        ("01/2019 - 03/2022", (2019, 1), (2022, 3), False),
        ("01/2019-03/2022", (2019, 1), (2022, 3), False),
        ("2017–2020", (2017, 1), (2020, 12), False),
        ("2017—2020", (2017, 1), (2020, 12), False),
        ("2017-2020", (2017, 1), (2020, 12), False),
        ("Summer 2021", (2021, 6), (2021, 8), False),
        ("Spring 2020", (2020, 3), (2020, 5), False),
        ("Fall 2019", (2019, 9), (2019, 11), False),
        ("2015 - now", (2015, 1), None, True),
        ("Sep. 2018 – Jun. 2019", (2018, 9), (2019, 6), False),
        ("Sept 2018 to June 2019", (2018, 9), (2019, 6), False),
        ("Mar 2017 through Dec 2019", (2017, 3), (2019, 12), False),
        ("Jan '19 – Mar '21", (2019, 1), (2021, 3), False),
        ("03.2019 – 05.2021", (2019, 3), (2021, 5), False),
        ("2019/01 - 2020/06", (2019, 1), (2020, 6), False),
        ("May 5, 2019 - Jun 2020", (2019, 5), (2020, 6), False),
        ("Jan – Mar 2020", (2020, 1), (2020, 3), False),
        ("Summer 2019 – Spring 2020", (2019, 6), (2020, 5), False),
        ("04/2022 - present", (2022, 4), None, True),
        ("2022-02 to present", (2022, 2), None, True),
        ("August 2019 to Present", (2019, 8), None, True),
        ("Oct 2021 – Now", (2021, 10), None, True),
        ("2019 – Ongoing", (2019, 1), None, True),
        ("since 2019", (2019, 1), None, True),
        ("Since March 2020", (2020, 3), None, True),
        ("2019 –", (2019, 1), None, True),
        ("(2019-01 to 03/2022)", (2019, 1), (2022, 3), False),
        ("2020 - 2017", (2017, 1), (2020, 12), False),
    ],
)
def test_date_range_forms(text, start, end, is_current):
    found = _only_range(text)
    assert found.start == YearMonth(*start)
    assert found.end == (YearMonth(*end) if end else None)
    assert found.is_current is is_current


def test_range_span_covers_the_dates_only():
    text = "Senior Engineer, Acme Corp, Jan 2019 – Present"
    found = _only_range(text)
    assert text[found.span[0] : found.span[1]] == "Jan 2019 – Present"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Jan 2019 – Dec 2019", 12),
        ("2017–2020", 48),
        ("2019-01 to 03/2022", 39),
        ("Summer 2021", 3),
        ("Jan 2019 – Present", 66),
        ("Jun 2024 – Present", 1),
    ],
)
def test_months_count_both_end_months(text, months):
    assert _only_range(text).months(TODAY) == months


@pytest.mark.parametrize(
    "text",
    [
        "Grew revenue 20% in 2019",
        "Managed a $2,019 budget",
        "Junior - developer",
        "Version 2.2019",
        "Call 415-555-0100",
        "",
    ],
)
def test_text_without_a_range(text):
    assert find_date_ranges(text) == []


def test_single_dates_on_request():
    assert find_date_ranges("Target, 2014") == []
    (found,) = find_date_ranges("Target, 2014", single_dates=True)
    assert (found.start, found.end, found.is_current) == (YearMonth(2014, 1), YearMonth(2014, 12), False)
    (found,) = find_date_ranges("Graduated June 2016", single_dates=True)
    assert (found.start, found.end) == (YearMonth(2016, 6), YearMonth(2016, 6))


def test_two_ranges_on_one_line():
    ranges = find_date_ranges("Acme 2015 - 2017, Globex 2018 - 2020")
    assert [(found.start.year, found.end.year if found.end else None) for found in ranges] == [
        (2015, 2017),
        (2018, 2020),
    ]


def test_union_counts_overlapping_months_once():
    ranges = [
        (YearMonth(2019, 1), YearMonth(2020, 12)),  # 24 months
        (YearMonth(2020, 1), YearMonth(2021, 6)),  # overlaps 12 of its 18 months
        (YearMonth(2023, 1), YearMonth(2023, 3)),  # after a gap
        (YearMonth(2019, 6), YearMonth(2019, 8)),  # inside the first
    ]
    assert union_months(ranges) == 24 + 6 + 3
    assert union_months([]) == 0


def test_years_in_text():
    assert years_in_text("B.S., Stanford, 2011 - 2015") == [2011, 2015]
    assert years_in_text("Graduated June 2016 · GPA 3.7") == [2016]
    assert years_in_text("no dates") == []
