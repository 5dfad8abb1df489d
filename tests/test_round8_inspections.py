"""Inspections and judgements, round 8: structural knowledge of which event a grade and a date belong to, and which
kind a page's title names. Each class is written here in made-up council-paper and news prose (councils, people and
sentences invented), three ways. Expected values follow ../shared/ANNOTATION.md."""

from __future__ import annotations

import pytest

from .conftest import dated_grades as grades
from .conftest import extract_text
from .conftest import inspection_rows as rows
from .conftest import panel_minutes as run
from .conftest import published_events as events


def item(title: str, *paragraphs: str):
    """A ModernGov agenda-item page: its title, then the minutes (undated)."""
    return extract_text("Agenda item\n\n" + title + "\n\nMinutes:\n\n" + "\n\n".join(paragraphs) + "\n")


# ---------------------------------------------------------------------------------- a grade and its clause's date


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Westshire's services for children were rated inadequate for the third time in June 2016.", "2016-06"),
        ("The service was judged outstanding by a team of six inspectors in October 2019.", "2019-10"),
        ("Eastborough was found to be good across the board during 2022.", "2022"),
    ],
)
def test_a_grade_takes_the_date_of_its_own_clause(sentence, expected):
    assert (expected, sentence_grade(sentence)) in grades(run(sentence))


def sentence_grade(sentence: str) -> str:
    return next(g for g in ("inadequate", "outstanding", "good") if g in sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The service was rated inadequate, and a monitoring visit in May 2019 found some progress.",
        "The service was rated good until the new provider took over in May 2019.",
        "The service was rated good compared with 42 other councils in May 2019.",
    ],
)
def test_a_clause_break_keeps_a_later_date_from_the_grade(sentence):
    assert not any(start == "2019-05" and grade for start, grade in grades(run(sentence)))


# ------------------------------------------------------------------------------ a date in the possessive names its event


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A trust was formed after 2016’s Ofsted inspection report found services to be inadequate.",
            ("2016", "inadequate"),
        ),
        ("Members recalled that 2021's inspection had rated the council's services good.", ("2021", "good")),
        ("After March 2022’s focused visit, the council recruited forty social workers.", ("2022-03", None)),
    ],
)
def test_a_date_in_the_possessive_dates_the_event_named_after_it(sentence, expected):
    assert expected in grades(run(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The panel will consider the council's response to May's inspection next month.", "2024-05"),
        ("Officers set out the actions arising from February's focused visit.", "2024-02"),
        ("The report on September's monitoring visit was noted.", "2023-09"),  # after the page's July: last year's
    ],
)
def test_a_month_in_the_possessive_is_the_last_such_month_before_the_page(sentence, expected):
    assert expected in {start for start, _ in grades(run(sentence))}


# ------------------------------------------------------------------------------- one event, one grade per sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors said that since the last inspection in 2017, when services were rated good, there had been a "
        "steep decline, with the council now graded inadequate overall.",
        "Since the previous inspection in 2017 when the council was judged good, practice had slipped and the "
        "service is now judged inadequate overall.",
        "The inspection in 2017 had found services good, but the report out today judged them inadequate overall.",
    ],
)
def test_a_second_grade_in_a_sentence_is_another_events(sentence):
    found = grades(run("Ofsted published its report on the short inspection in March 2024.", sentence))
    assert ("2017", "good") in found
    assert ("2017", "inadequate") not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The resulting judgement from that inspection was ‘Requires Improvement’, after the previous inspection in "
        "2015.",
        "The overall rating of this inspection was ‘Requires Improvement’, following the earlier inspection in 2015.",
        "Inspectors rated that visit’s findings as a judgement of ‘Requires Improvement’, a year after the inspection "
        "in 2015.",
    ],
)
def test_that_inspection_is_the_one_named_before(sentence):
    found = grades(run("The council had a full inspection of its children's services in May 2023.", sentence))
    assert ("2023-05", "requires-improvement") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The service was rated good in 2023, which matched the inspection in 2019 that recorded the same judgement.",
        "The service was rated good in 2023, and the inspection in 2019 had returned the same rating.",
        "The service was rated good in 2023, just as the inspection in 2019 had awarded the same grade.",
    ],
)
def test_the_same_judgement_after_any_past_verb(sentence):
    assert {("2023", "good"), ("2019", "good")} <= grades(run(sentence))


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        (
            "Two earlier inspections in June 2011 and May 2013 also found services to be inadequate.",
            ("2011-06", "2013-05"),
        ),
        ("Full inspections in 2015 and 2019 both judged the council's services to be good.", ("2015", "2019")),
        ("The inspections of 2016 and 2018 rated children's services requires improvement.", ("2016", "2018")),
    ],
)
def test_the_events_a_plural_mention_lists_share_its_grade(sentence, dates):
    found = grades(run(sentence))
    grade = next(g for _, g in found if g)
    assert {(d, grade) for d in dates} <= found


# ---------------------------------------------------------------------------------- the page's title names the kind


@pytest.mark.parametrize(
    ("title", "paragraph"),
    [
        (
            "Update on the Special Education Needs and Disability (SEND) Inspection Revisit",
            "Following the reinspection in October 2021 two areas still needed work.",
        ),
        (
            "Local Area SEND Inspection: outcome and next steps",
            "The inspection took place in March 2023 and inspectors met over 100 families.",
        ),
        (
            "Joint Targeted Area Inspection (JTAI) of the response to neglect",
            "Ofsted inspected the partnership in April 2022 and published a letter in June.",
        ),
    ],
)
def test_a_mention_of_no_kind_takes_the_joint_kind_the_title_names(title, paragraph):
    kinds = {kind for kind, _, _, _ in rows(item(title, paragraph))}
    assert kinds & {"send-area", "jtai"}
    assert not kinds & {"ilacs", "sif"}


def test_a_title_kind_leaves_the_council_services_inspection_alone():
    x = item(
        "Local Area SEND Inspection: outcome and next steps",
        "The Ofsted inspection of children's services in May 2022 rated the council good.",
    )
    assert ("ilacs", "2022-05", None, "good") in rows(x)


# ------------------------------------------------------------------------ a commissioner's visit, told either way round


@pytest.mark.parametrize(
    "sentence",
    [
        "The main events were a focused visit from Ofsted on 3 and 4 May 2023 and a visit from the Commissioner on "
        "14 June 2023.",
        "There was a focused visit on 3 and 4 May 2023 and a review by the DfE-appointed commissioner on 14 June 2023.",
        "After a focused visit on 3 and 4 May 2023 and a further visit by the children's services commissioner on 14 "
        "June 2023, the plan was revised.",
    ],
)
def test_each_event_of_a_coordinated_pair_keeps_its_own_date(sentence):
    found = {(kind, start) for kind, start, _, _ in rows(run(sentence))}
    assert ("focused-visit", "2023-05-03") in found
    assert ("commissioner-review", "2023-06-14") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Members read the report by the Children’s Commissioner (May 2023) on the council's progress.",
        "A review by the government-appointed commissioner on 3 May 2023 found the council ready to keep its services.",
        "Members noted a visit from the Commissioner on 3 May 2023.",
    ],
)
def test_a_report_review_or_visit_by_the_commissioner(sentence):
    assert "commissioner-review" in {kind for kind, _, _, _ in events(run(sentence))}


# ------------------------------------------------------------------------- a year that modifies the judgement's noun


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This is the fifth monitoring visit since the 2021 judgement of inadequate.", ("2021", "inadequate")),
        ("Members recalled the council’s 2019 ‘good’ rating and asked how it would be kept.", ("2019", "good")),
        ("Since its 2016 Inadequate judgement the service has been transformed.", ("2016", "inadequate")),
        ("SINCE ITS 2016 INADEQUATE JUDGEMENT THE SERVICE HAS BEEN TRANSFORMED.", ("2016", "inadequate")),
        ("Members recalled the council’s 2019 ‘GoOd’ rating.", ("2019", "good")),  # any case: the gate lowers
    ],
)
def test_a_year_before_the_judgement_is_its_date(sentence, expected):
    assert expected in grades(run(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Ames welcomed the damning Ofsted verdict of March 2016 as a spur to change.",
        "The Ofsted verdict in March 2016 led to a new director being appointed.",
        "After the watchdog's verdict in March 2016 the council set up a board.",
    ],
)
def test_a_verdict_of_the_inspectorate_names_an_inspection(sentence):
    assert "2016-03" in {start for start, _ in grades(run(sentence))}


# ------------------------------------------------------------------------------------------- a grade given again


@pytest.mark.parametrize(
    "sentence",
    [
        "The council was again judged outstanding in every area, as it had been when last inspected in 2018.",
        "Services were judged outstanding for a second consecutive time, as they had been at the inspection in 2018.",
        "Once more the council was rated outstanding, just as it was when last inspected in 2018.",
    ],
)
def test_a_grade_given_again_is_the_latest_events_too(sentence):
    x = run("The report on the ILACS inspection held on 11 to 22 March 2024 was presented.", sentence)
    assert {("2024-03-11", "outstanding"), ("2018", "outstanding")} <= grades(x)


# ------------------------------------------------------------------- a mention that refers back takes its date's era


@pytest.mark.parametrize(
    "sentence",
    [
        "There were full inspections in 2015, under the single inspection framework, and in 2019 and 2022 under the "
        "new framework – and the latest in 2022 confirmed the grade.",
        "Inspections took place in 2016, under the single inspection framework, and in 2019 and 2023 – the latest in "
        "2023 was the best yet.",
        "The council was inspected in 2014, under the single inspection framework, and in 2018 and 2022; the most "
        "recent in 2022 praised its leaders.",
    ],
)
def test_a_mention_referring_back_takes_the_framework_of_its_own_year(sentence):
    found = {(kind, start) for kind, start, _, _ in rows(run(sentence))}
    assert not any(kind == "sif" and start >= "2018" for kind, start in found)


# ------------------------------------------------------------------ the news a dated page reports, and its grade


def news(*paragraphs: str):
    """A local news page dated 12 March 2024 (its dateline in the text)."""
    return extract_text("Anytown Echo\n\nNews\n\n12th March 2024\n\n" + "\n\n".join(paragraphs) + "\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted’s judgement, in its latest inspection, places Anyshire among the best councils, grading it as ‘good’ "
        "in every area.",
        "In the most recent inspection, inspectors rated the council's services as 'good'.",
        "The latest Ofsted inspection has judged the borough's children's services to be good.",
    ],
)
def test_a_news_pages_latest_inspection_is_the_one_it_reports(sentence):
    x = news("Anyshire children's services praised", sentence)
    assert ("2024-03-12", "good") in {(p, g) for _, _, p, g in events(x)}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2015 the service was hit by a damning Ofsted report that found widespread failings.",
        "In 2015 councillors were shaken by the Ofsted report on the service.",
        "During 2015 the council received a critical Ofsted report on its services.",
    ],
)
def test_a_report_named_in_the_clause_a_year_opens_was_published_then(sentence):
    assert "2015" in {p for _, _, p, _ in events(run(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Inspectors visited in May 2023, grading the council as 'requires improvement to be good'.",
        "Ofsted inspected the service in May 2023, judging it to be requires improvement.",
        "Inspectors visited in May 2023 and their report grades it as requires improvement.",
    ],
)
def test_grading_and_judging_are_judging_verbs(sentence):
    assert ("2023-05", "requires-improvement") in grades(run(sentence))


# ----------------------------------------------------------------------------- days written the other way round


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We welcomed Ofsted inspectors back on Tuesday March 5 for a full inspection of our services.", "2024-03-05"),
        ("Ofsted carried out a monitoring visit across February 27 and February 28.", "2024-02-27"),
        ("The service was inspected between 13May 2019 to 24May 2019 by Ofsted.", "2019-05-13"),
    ],
)
def test_a_day_written_month_first_or_run_into_its_month(sentence, expected):
    assert expected in {start for start, _ in grades(run(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "The leader presented the plan to cabinet tonight (July 9), responding to Ofsted's monitoring visit.",
        "Members met today (July 9) to discuss Ofsted's monitoring visit.",
        "The director spoke to the panel this morning (July 9) about Ofsted's monitoring visit.",
    ],
)
def test_a_glossed_day_of_the_page_is_no_events(sentence):
    assert "2024-07-09" not in {start for start, _ in grades(run(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted returned to inspect the borough's services for the first time since rating them inadequate.",
        "Inspectors have now returned, the first full inspection since it was judged inadequate.",
        "Ofsted came back to inspect the council since being rated inadequate.",
    ],
)
def test_a_grade_since_which_the_page_counts_is_left_behind(sentence):
    x = run("Ofsted inspected the council's children's services between 2 and 13 July 2024.", sentence)
    assert ("2024-07-02", "inadequate") not in grades(x)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council is publishing its action plan today (3 July) to address the findings of the Ofsted and CQC SEND "
        "inspection.",
        "Cabinet met tonight (3 July) to agree the response to the findings of the Ofsted inspection of services.",
        "The partnership published its written statement of action this morning (3 July) after the local area SEND "
        "inspection.",
    ],
)
def test_the_pages_own_glossed_day_is_not_the_inspections(sentence):
    assert "2024-07-03" not in {start for start, _ in grades(run(sentence))}
