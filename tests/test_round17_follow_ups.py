"""Follow-ups (dated commitments) as minutes, agenda reports and council news phrase them (issue 14, round 17).

Found by probing (bench/probes/follow_ups.md: made-up sentences, each with what an annotator records under
ANNOTATION.md "followups"), not by reading corpus pages; about half the probes are sentences that must give no
follow-up. The general gaps mended:

1. no commitment of the council: an outside body's statement of what it will do ("The government has said it will
   …", "The Minister announced that the strategy will be published …"); the courts, NHS England, health trusts; a
   law or national rules taking effect ("Royal Assent", "the regulations will apply from …"); an entitlement of the
   public; the publication of a meeting's papers; a protest or vigil; an ambition or vision, a grade aimed at ("to be
   rated good by 2026"), a forecast that "peaks"; allowances and fees rising; a school trust's plans; a year or term
   that starts; a month named without its year in a sentence of an act done before the page's time ("In January,
   officers committed to … the April meeting", "had asked for … its April meeting");
2. commitments the cues missed: a hyphenated participle ("be re-tendered"), the future perfect ("will have reviewed
   … by"), an officer's action ("Officers to update … by"), a go-live date, the news present ("Work starts in
   June"), a body receiving "the annual report of" something, "by the end of the summer"; "subject to a child
   protection plan" is no condition.

Every text is made up in the style of council papers."""

from __future__ import annotations

import pytest

from caregraph.records import PartialDate

from .conftest import extract_text

URL = "https://www.anyshire.gov.uk/news/1"
PAGE = PartialDate(2025, 4, 14)


def dues(text: str, published: PartialDate | None = PAGE) -> list[str]:
    x = extract_text("Anyshire County Council\n\n" + text + "\n", url=URL, published=published)
    return [f.due.iso() for f in x.follow_ups]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Councillors heard that the short breaks contract would be re-commissioned by January 2026.", "2026-01"),
        ("By 30 September 2025 the team will have audited every plan for a child on the edge of care.", "2025-09-30"),
        (
            "Actions:\n• Officers to refresh the placement sufficiency data by 20 June 2025\n• The Chair to write to "
            "the Leader",
            "2025-06-20",
        ),
        ("The service is working to a go-live date of 3 November 2025 for the new front door.", "2025-11-03"),
        ("Recruitment to the new kinship team starts in July.", "2025-07"),
        ("The Panel will receive the annual report of the adoption service in October 2025.", "2025-10"),
        ("The Lead Member said the refreshed strategy would be agreed by the end of the summer.", "2025"),
        (
            "By 31 December 2025 the service will have reviewed all children subject to a child protection plan for "
            "over a year.",
            "2025-12-31",
        ),
    ],
)
def test_a_commitment_as_papers_phrase_it(text, due):
    assert dues(text) == [due]


@pytest.mark.parametrize(
    "text",
    [
        "The government has said it will publish its plans for children's social care in the autumn.",
        "The Minister has announced that the new national framework will be published in the summer.",
        "The family court will consider the case again in September.",
        "NHS England will take responsibility for the service from October 2025.",
        "The new regulations for supported accommodation will apply from 1 October 2025.",
        "The Schools Bill is expected to receive Royal Assent in the spring of 2026.",
        "Young people leaving care in 2026 will be entitled to a £2,000 bursary.",
        "Kinship carers will be eligible for the new allowance from September.",
        "The agenda and papers for the Cabinet meeting on 17 June will be published on 9 June.",
        "A vigil for the family is planned for Sunday 18 May outside the civic centre.",
        "Our ambition is to be judged outstanding at our next inspection by 2027.",
        "The council's vision is that by 2030 every child in care lives within the county.",
        "Demand for residential places is expected to peak in the autumn.",
        "Special guardianship allowances will increase by 3% from 1 April 2026.",
        "The multi-academy trust will take over the school from 1 September.",
        "The new academic year begins on 3 September.",
        "In February, officers committed to bringing the strategy to the March meeting.",
        "The Board had asked for the dashboard to come to its March meeting.",
    ],
)
def test_no_commitment_of_the_council(text):
    assert dues(text) == []


def test_a_bare_month_after_the_page_month_is_still_to_come():
    # the act done before the page's time, the month still ahead of it: still due
    assert dues("The Board had asked for the dashboard to come to its June meeting.") == ["2025-06"]


def test_a_plain_past_in_minutes_keeps_next_years_month():
    # minutes tell their own meeting in the simple past: a month before the page's is next year's
    assert dues("The Panel agreed that the strategy would return to its March meeting.") == ["2026-03"]


def test_a_condition_on_a_plan_is_still_a_condition():
    assert dues("Subject to the plan being agreed, the service will be re-tendered by March 2026.") == []
