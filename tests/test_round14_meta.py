"""Round 14 (metamorphic testing, bench/metamorphic.py): wordings and layouts that say the same facts otherwise.

Two brittle classes the transformations of dev pages showed, fixed in general form:

- a day written in figures with dots or a two-digit year ("16.07.2019", "16.07.19", "06/06/23") is the same day as
  "16 July 2019" wherever the rules read a day: a ModernGov header or meeting line, a meeting named in the text, the
  minutes confirmed (a full stop inside figures ends no sentence);
- a hard-wrapped text (a PDF's, a narrow page's) reads like the same text unwrapped: a post, a name or a list that a
  wrap cut across two lines is read whole (:func:`caregraph.pipeline.segment.unwrap`).

All text is made up.
"""

from __future__ import annotations

import textwrap

import pytest

from caregraph.pipeline.dates import find_dates
from caregraph.pipeline.segment import unwrap
from caregraph.records import PartialDate as D

from .conftest import extract_text as run

URL = "https://anyshire.moderngov.co.uk/ieListDocuments.aspx?CId=1&MId=2"


def meetings(x) -> set[tuple[str, str]]:
    return {(m.body, m.date.iso()) for m in x.meetings}


# ------------------------------------------------------------------------------ days in figures


@pytest.mark.parametrize(("text", "day"), [("held on 24.06.21.", D(2021, 6, 24)), ("on 03.11.19 at", D(2019, 11, 3))])
def test_a_dotted_day_with_a_two_digit_year_is_a_day(text, day):
    assert [m.date for m in find_dates(text)] == [day]


@pytest.mark.parametrize(
    "text", ["see paragraph 3.1.12 below", "version 2.10.14 of the system", "items 1.2.3 to 1.2.9"]
)
def test_a_paragraph_number_is_no_day(text):
    assert [m for m in find_dates(text) if m.date.day is not None] == []


@pytest.mark.parametrize("day", ["16.09.21", "16/09/21"])
def test_a_moderngov_header_with_a_day_in_figures(day):
    text = (
        f"Agenda and minutes\n\nFamilies Scrutiny Board - {day} 10.30 am\n\n"
        "Venue: Committee Room 2 - Anyshire House\n\nItems\nNo. Item\n\n4.\nUpdate\n\nRESOLVED: That the report be noted.\n"
    )
    assert ("Families Scrutiny Board", "2021-09-16") in meetings(run(text, url=URL))


@pytest.mark.parametrize("day", ["16.07.2019", "16.07.19"])
def test_a_moderngov_meeting_line_with_a_dotted_day(day):
    text = f"Meeting: {day} - Cabinet (Item 12)\n\nDecision:\n\nThat the annual report be noted.\n"
    assert ("Cabinet", "2019-07-16") in meetings(run(text, url=URL))


@pytest.mark.parametrize("day", ["06.06.23", "06/06/23", "06.06.2023"])
def test_a_meeting_named_in_the_text_with_a_day_in_figures(day):
    text = (
        "Minutes\n\nThat the Minutes of the meeting of the Cabinet held on "
        f"{day} be approved and signed by the Chair as a correct record.\n\n"
        f"Fostering Panel - {day} pdf icon PDF 2 MB\n"
    )
    got = meetings(run(text, url=URL))
    assert ("Cabinet", "2023-06-06") in got
    assert ("Fostering Panel", "2023-06-06") in got


@pytest.mark.parametrize("number", ["3.1.12", "6.6.23"])
def test_a_paragraph_number_beside_a_body_is_no_meeting_day(number):
    """A day in figures with dots and a two-figure year has two figures each wherever a day is read: the date
    finder, a ModernGov line and a meeting named in the text alike."""
    text = (
        f"Meeting: {number} - Cabinet (Item 12)\n\n"
        f"The minutes of the meeting of the Cabinet held on {number} were approved as a correct record.\n"
    )
    assert meetings(run(text, url=URL)) == set()


@pytest.mark.parametrize("day", ["24.06.2021", "24.06.21"])
def test_the_minutes_confirmed_with_a_dotted_day(day):
    sentence = f"The Minutes of the meeting held on {day} were agreed as a true record."
    text = (
        "Agenda and minutes\n\nFamilies Scrutiny Board - Thursday, 16th September, 2021 10.30 am\n\n"
        f"Items\nNo. Item\n\n1.\nMinutes\n\n{sentence}\n\n2.\nUpdate\n\nRESOLVED: That the report be noted.\n"
    )
    assert sentence in [d.text for d in run(text, url=URL).decisions]


# ------------------------------------------------------------------------------ hard-wrapped text

REPORT = (
    "Councillor Jane Example, the Executive Member for Children's Services and Education Partnerships, introduced "
    "the report on the service's improvement since the inspection, and the Committee heard from Sam Placeholder, the "
    "Assistant Director for Safeguarding and Quality Assurance, about the progress made on the plan. Members asked "
    "about the numbers of social workers, agency staff and caseloads, and about the work of the Corporate Parenting "
    "Board with children in care and care leavers across the county over the last year."
)


def _wrapped(width: int) -> str:
    return "Children's Services Improvement\n\n" + textwrap.fill(REPORT, width) + "\n"


@pytest.mark.parametrize("width", [60, 72, 90])
def test_a_hard_wrapped_report_reads_like_the_same_report_unwrapped(width):
    people = {p.name: p.post for p in run(_wrapped(width)).people}
    assert people.get("Jane Example") == "Executive Member for Children's Services and Education Partnerships"
    assert people.get("Sam Placeholder") == "Assistant Director for Safeguarding and Quality Assurance"


def test_unwrap_keeps_every_offset():
    text = _wrapped(72)
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.replace(" ", "\n").split() == text.replace(" ", "\n").split()
    assert out.count("\n") < text.count("\n")


def test_unwrap_leaves_list_items_sentence_ends_and_blank_lines():
    lead = textwrap.fill(REPORT[:-1] + ", and the following points were raised:", 80)
    text = "\n".join(
        [
            lead,
            "- the number of children in care had risen over the year",
            "- the service had recruited more social workers this year",
            "",
            "Resolved: that the report be noted.",
            "Members thanked the officers for the report.",
        ]
    )
    lines = unwrap(text).split("\n")
    assert lead.count("\n") >= 4
    assert lines[0] == " ".join(lead.split("\n"))  # the wrapped paragraph is one line
    assert lines[1:] == text.split("\n")[lead.count("\n") + 1 :]  # list items, a blank line, sentences kept


def test_unwrap_leaves_a_page_of_long_paragraph_lines():
    text = (REPORT + "\n") * 3 + "Short line\nAnother short line\n"
    assert unwrap(text) == text


# ------------------------------------------------------------------------------ the benchmark script itself


@pytest.mark.slow
def test_metamorphic_runs_on_the_made_up_pages():
    """bench/metamorphic.py, run as a command on a few made-up pages of bench/challenge (in the repository): one
    transformation, its table of categories before → after."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, str(root / "bench" / "metamorphic.py"), "--challenge", "--limit", "3"]
    result = subprocess.run([*command, "--only", "dates-slash"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("3 pages; baseline macro F1")
    assert lines[1].startswith("dates-slash: ")
    assert [line.split()[0] for line in lines[2:10]] == [
        "council", "inspections", "judgements", "meetings", "people", "posts", "decisions", "follow_ups"
    ]  # fmt: skip
