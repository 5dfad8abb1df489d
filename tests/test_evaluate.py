"""The scorer (caregraph.evaluate) on small synthetic gold/prediction pairs, and the project's gold files."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caregraph.evaluate import (
    CATEGORIES,
    Counts,
    GoldError,
    format_table,
    kind_family,
    load_gold,
    score,
    score_by_document,
    score_document,
    validate_gold,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_FOLDERS = [ROOT / "tests" / "gold", ROOT / "bench" / "gold"]


def doc(file: str = "a.txt", **facts) -> dict:
    """A complete gold document with empty fact lists, overridden by *facts*."""
    base = {
        "file": file,
        "url": None,
        "council": [],
        "inspections": [],
        "meetings": [],
        "people": [],
        "posts": [],
        "decisions": [],
        "follow_ups": [],
    }
    base.update(facts)
    return base


def inspection(kind: str, start: str, judgement: str | None = None, end: str | None = None) -> dict:
    return {"kind": kind, "start": start, "end": end, "judgement": judgement, "council": "leeds", "quote": "q"}


def one(gold_doc: dict, predicted_doc: dict | None) -> dict[str, Counts]:
    return score({gold_doc["file"]: gold_doc}, {} if predicted_doc is None else {predicted_doc["file"]: predicted_doc})


# --- Counts -------------------------------------------------------------------------------------------------------


def test_counts_metrics():
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == 0.75
    assert counts.recall == 0.6
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_counts_nothing_to_find_and_nothing_predicted_is_perfect():
    counts = Counts()
    assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)


def test_counts_nothing_predicted_but_something_to_find():
    counts = Counts(fn=2)
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_counts_something_predicted_but_nothing_to_find():
    counts = Counts(fp=2)
    assert (counts.precision, counts.recall, counts.f1) == (0.0, 0.0, 0.0)


def test_counts_are_frozen_and_add():
    counts = Counts(1, 2, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        counts.tp = 5  # type: ignore[misc]
    assert counts + Counts(1, 1, 1) == Counts(2, 3, 4)


# --- empty cases --------------------------------------------------------------------------------------------------


def test_empty_gold_and_empty_prediction_score_perfectly():
    scores = one(doc(), doc())
    assert set(scores) == set(CATEGORIES)
    for counts in scores.values():
        assert counts == Counts()
        assert counts.f1 == 1.0


def test_missing_prediction_for_a_gold_document_misses_everything():
    gold = doc(
        council=["leeds"], inspections=[inspection("ilacs", "2019-10")], people=[{"name": "Sal Tariq", "post": None}]
    )
    scores = one(gold, None)
    assert scores["council"] == Counts(fn=1)
    assert scores["inspections"] == Counts(fn=1)
    assert scores["people"] == Counts(fn=1)
    assert scores["decisions"] == Counts()


def test_predictions_for_documents_without_gold_are_ignored():
    gold = {"a.txt": doc("a.txt", council=["leeds"])}
    predicted = {"a.txt": doc("a.txt", council=["leeds"]), "b.txt": doc("b.txt", council=["surrey"])}
    assert score(gold, predicted)["council"] == Counts(tp=1)
    assert list(score_by_document(gold, predicted)) == ["a.txt"]


def test_prediction_lists_may_be_missing_or_null():
    gold = doc(people=[{"name": "Sal Tariq", "post": None}])
    scores = score_document(gold, {"file": "a.txt", "people": None})
    assert scores["people"] == Counts(fn=1)
    assert scores["inspections"] == Counts()


def test_scores_sum_over_documents():
    gold = {"a": doc("a", council=["leeds"]), "b": doc("b", council=["surrey"])}
    predicted = {"a": doc("a", council=["leeds"]), "b": doc("b", council=["kent"])}
    assert score(gold, predicted)["council"] == Counts(tp=1, fp=1, fn=1)


# --- duplicates and one-to-one matching ---------------------------------------------------------------------------


def test_duplicate_predictions_are_false_positives():
    gold = doc(
        council=["leeds"], inspections=[inspection("ilacs", "2019-10")], people=[{"name": "Sal Tariq", "post": None}]
    )
    predicted = doc(
        council=["leeds", "leeds"],
        inspections=[inspection("ilacs", "2019-10-07"), inspection("ilacs-standard", "2019-10")],
        people=[{"name": "Sal Tariq", "post": None}, {"name": "Councillor Sal Tariq", "post": None}],
    )
    scores = one(gold, predicted)
    assert scores["council"] == Counts(tp=1, fp=1)
    assert scores["inspections"] == Counts(tp=1, fp=1)
    assert scores["people"] == Counts(tp=1, fp=1)


def test_duplicate_gold_entries_need_two_predictions():
    gold = doc(posts=["Head of Service", "Head of Service"])
    assert one(gold, doc(posts=["Head of Service"]))["posts"] == Counts(tp=1, fn=1)


def test_matching_prefers_the_most_precise_gold_date():
    # "2019-10-07" could match either gold entry; "2019-03" can only match the year-only one.
    gold = doc(inspections=[inspection("ilacs", "2019"), inspection("ilacs", "2019-10")])
    predicted = doc(inspections=[inspection("ilacs", "2019-10-07"), inspection("ilacs", "2019-03")])
    assert one(gold, predicted)["inspections"] == Counts(tp=2)


# --- inspections: kind family and date precision ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_start", "predicted_start", "matches"),
    [
        ("2019-10", "2019-10", True),
        ("2019-10", "2019-10-07", True),  # finer prediction matches coarser gold
        ("2019", "2019-10-07", True),
        ("2019-10-07", "2019-10-07", True),
        ("2019-10", "2019", False),  # coarser prediction does not match finer gold
        ("2019-10-07", "2019-10", False),
        ("2019-10", "2019-11-01", False),
        ("2019-10", "2018-10", False),
        ("2019-10", None, False),
        ("2019-10", "October 2019", False),
    ],
)
def test_inspection_start_is_compared_at_gold_precision(gold_start, predicted_start, matches):
    gold = doc(inspections=[inspection("ilacs", gold_start)])
    predicted = doc(inspections=[{"kind": "ilacs", "start": predicted_start}])
    expected = Counts(tp=1) if matches else Counts(fp=1, fn=1)
    assert one(gold, predicted)["inspections"] == expected


@pytest.mark.parametrize(
    ("gold_kind", "predicted_kind", "matches"),
    [
        ("ilacs", "ilacs-standard", True),
        ("ilacs-short", "ilacs", True),
        ("ilacs-standard", "ilacs-short", True),
        ("ilacs", "sif", False),
        ("sif", "sif-reinspection", False),
        ("focused-visit", "monitoring-visit", False),
        ("jtai", "JTAI", True),
    ],
)
def test_inspection_kind_family(gold_kind, predicted_kind, matches):
    gold = doc(inspections=[inspection(gold_kind, "2020-03")])
    predicted = doc(inspections=[inspection(predicted_kind, "2020-03-02")])
    assert one(gold, predicted)["inspections"] == (Counts(tp=1) if matches else Counts(fp=1, fn=1))


def test_kind_family():
    assert kind_family("ilacs-standard") == "ilacs"
    assert kind_family("monitoring-visit") == "monitoring-visit"
    assert kind_family(None) is None


def test_inspection_end_council_and_quote_are_not_scored():
    gold = doc(inspections=[inspection("jtai", "2019-07-08", end="2019-07-12")])
    predicted = doc(inspections=[{"kind": "jtai", "start": "2019-07-08", "end": None, "council": "x", "quote": ""}])
    assert one(gold, predicted)["inspections"] == Counts(tp=1)


# --- judgements ---------------------------------------------------------------------------------------------------


def test_judgements_only_count_entries_with_a_judgement():
    gold = doc(
        inspections=[inspection("ilacs", "2019-10", "requires-improvement"), inspection("focused-visit", "2021-07")]
    )
    predicted = doc(
        inspections=[inspection("ilacs", "2019-10-07", "requires-improvement"), inspection("focused-visit", "2021-07")]
    )
    scores = one(gold, predicted)
    assert scores["inspections"] == Counts(tp=2)
    assert scores["judgements"] == Counts(tp=1)


def test_wrong_judgement_is_a_false_positive_and_a_miss():
    gold = doc(inspections=[inspection("ilacs", "2019-10", "good")])
    predicted = doc(inspections=[inspection("ilacs", "2019-10", "outstanding")])
    scores = one(gold, predicted)
    assert scores["inspections"] == Counts(tp=1)
    assert scores["judgements"] == Counts(fp=1, fn=1)


def test_judgement_predicted_where_gold_has_none_is_a_false_positive():
    gold = doc(inspections=[inspection("monitoring-visit", "2022-11-01")])
    predicted = doc(inspections=[inspection("monitoring-visit", "2022-11-01", "inadequate")])
    assert one(gold, predicted)["judgements"] == Counts(fp=1)


def test_judgement_needs_the_inspection_key_at_gold_precision():
    gold = doc(inspections=[inspection("ilacs", "2022-07", "inadequate")])
    predicted = doc(inspections=[inspection("ilacs", "2022", "inadequate")])
    assert one(gold, predicted)["judgements"] == Counts(fp=1, fn=1)


# --- council, meetings, people, posts -----------------------------------------------------------------------------


def test_council_slugs():
    gold = doc(council=["west-berkshire"])
    assert one(gold, doc(council=["West-Berkshire"]))["council"] == Counts(tp=1)
    assert one(gold, doc(council=["west berkshire"]))["council"] == Counts(fp=1, fn=1)


def test_meetings_match_on_normalised_body_and_date():
    gold = doc(
        meetings=[{"body": "Children, Young People & Families Board", "date": "2019-09-09", "item": "12", "title": "t"}]
    )
    same = doc(
        meetings=[
            {"body": "the children young people and families board", "date": "2019-09-09", "item": None, "title": None}
        ]
    )
    other_day = doc(
        meetings=[{"body": "Children, Young People & Families Board", "date": "2019-09-10", "item": "12", "title": "t"}]
    )
    other_body = doc(meetings=[{"body": "Cabinet", "date": "2019-09-09", "item": "12", "title": "t"}])
    assert one(gold, same)["meetings"] == Counts(tp=1)
    assert one(gold, other_day)["meetings"] == Counts(fp=1, fn=1)
    assert one(gold, other_body)["meetings"] == Counts(fp=1, fn=1)


@pytest.mark.parametrize(
    ("gold_name", "predicted_name", "matches"),
    [
        ("Judith Blake", "Councillor Judith Blake", True),
        ("Jewell", "Cllr Jewell", True),
        ("C Ring", "C. Ring", True),
        ("Viki Elliott-King", "viki elliott king", True),
        ("Dave Hill", "Mr Dave Hill", True),
        ("Maria Gatland", "Dr. Maria Gatland", True),
        ("Sal Tariq", "Sal Tariq OBE", False),
        ("Jewell", "Rick Jewell", False),
    ],
)
def test_people_names_are_normalised(gold_name, predicted_name, matches):
    gold = doc(people=[{"name": gold_name, "post": None}])
    predicted = doc(people=[{"name": predicted_name, "post": None}])
    assert one(gold, predicted)["people"] == (Counts(tp=1) if matches else Counts(fp=1, fn=1))


def test_posts_pair_person_and_post_and_keep_post_only_entries_apart():
    gold = doc(
        people=[
            {"name": "Dave Hill", "post": "Executive Director of Children, Families & Learning"},
            {"name": "Crute", "post": None},
        ],
        posts=["The Head of Children’s Social Care"],
    )
    predicted = doc(
        people=[
            {"name": "Mr Dave Hill", "post": "executive director of children families and learning"},
            {"name": "Crute", "post": None},
        ],
        posts=["Head of Children's Social Care"],
    )
    scores = one(gold, predicted)
    assert scores["people"] == Counts(tp=2)
    assert scores["posts"] == Counts(tp=2)


def test_post_on_the_wrong_person_or_without_the_person_does_not_match():
    gold = doc(people=[{"name": "Dave Hill", "post": "Executive Director"}])
    wrong_person = doc(people=[{"name": "Clare Curran", "post": "Executive Director"}])
    post_only = doc(posts=["Executive Director"])
    assert one(gold, wrong_person)["posts"] == Counts(fp=1, fn=1)
    assert one(gold, post_only)["posts"] == Counts(fp=1, fn=1)


# --- decisions ----------------------------------------------------------------------------------------------------

GOLD_DECISION = "That Cabinet reviews the findings from the September 2021 Ofsted Monitoring Visit"


@pytest.mark.parametrize(
    ("predicted_text", "matches"),
    [
        (GOLD_DECISION, True),
        # longer prediction: it starts with the gold's first eight words
        (GOLD_DECISION + " (focused on services for care leavers) and the updated improvement plan", True),
        # differs only after the eighth word
        ("That Cabinet reviews the findings from the September 2022 report", True),
        # case, punctuation, list number and a leading RESOLVED are folded
        ("RESOLVED: 1. that cabinet reviews the findings, from the September 2021", True),
        # differs within the first eight words
        ("That Cabinet notes the findings from the September 2021 Ofsted Monitoring Visit", False),
        # a prediction shorter than the gold's first eight words
        ("That Cabinet reviews the findings", False),
        # the gold's words, but not at the start
        ("Members agreed that Cabinet reviews the findings from the September 2021", False),
    ],
)
def test_decision_prefix_rule(predicted_text, matches):
    gold = doc(decisions=[{"number": "1", "text": GOLD_DECISION}])
    predicted = doc(decisions=[{"number": None, "text": predicted_text}])
    assert one(gold, predicted)["decisions"] == (Counts(tp=1) if matches else Counts(fp=1, fn=1))


def test_short_gold_decision_needs_all_its_words():
    gold = doc(decisions=[{"number": None, "text": "That the report and presentation be noted."}])
    assert one(gold, doc(decisions=[{"number": "1", "text": "That the report and presentation be noted"}]))[
        "decisions"
    ] == Counts(tp=1)
    assert one(gold, doc(decisions=[{"number": None, "text": "That the report be noted"}]))["decisions"] == Counts(
        fp=1, fn=1
    )


def test_decision_numbers_are_not_scored_and_repeats_are_false_positives():
    gold = doc(
        decisions=[
            {"number": "2.1", "text": "Note and consider the outcome and findings from Ofsted’s inspection of Croydon"}
        ]
    )
    predicted = doc(
        decisions=[
            {"number": None, "text": "2.1 Note and consider the outcome and findings from Ofsted's inspection"},
            {"number": "2.1", "text": "Note and consider the outcome and findings from Ofsted's inspection"},
        ]
    )
    assert one(gold, predicted)["decisions"] == Counts(tp=1, fp=1)


# --- follow-ups ---------------------------------------------------------------------------------------------------

GOLD_FOLLOW_UP = {"due": "2019-12", "description": "Cabinet to review progress on the Children's Improvement Plan"}


@pytest.mark.parametrize(
    ("due", "description", "matches"),
    [
        ("2019-12", "Cabinet review progress on the delivery of the Children’s Improvement Plan", True),
        ("2019-12-10", "Cabinet to review progress on the Children's Improvement Plan", True),
        ("2019", "Cabinet to review progress on the Children's Improvement Plan", False),  # coarser due date
        ("2020-01", "Cabinet to review progress on the Children's Improvement Plan", False),
        ("2019-12", "Publish the annual report of the fostering service", False),  # no overlap
    ],
)
def test_follow_ups_need_due_at_gold_precision_and_overlapping_words(due, description, matches):
    gold = doc(follow_ups=[GOLD_FOLLOW_UP])
    predicted = doc(follow_ups=[{"due": due, "description": description}])
    assert one(gold, predicted)["follow_ups"] == (Counts(tp=1) if matches else Counts(fp=1, fn=1))


def test_follow_up_jaccard_threshold():
    # content words: gold {action, plan, submitted, ofsted}; prediction {action, plan, sent, inspectors, today,
    # council, board, members, agreed}: 2 shared of 11 = 0.18 < 0.3
    gold = doc(follow_ups=[{"due": "2019-10-17", "description": "Action plan to be submitted to Ofsted"}])
    low = doc(
        follow_ups=[
            {"due": "2019-10-17", "description": "action plan sent; inspectors today, council board members agreed"}
        ]
    )
    high = doc(follow_ups=[{"due": "2019-10-17", "description": "Submit the action plan to Ofsted inspectors"}])
    assert one(gold, low)["follow_ups"] == Counts(fp=1, fn=1)
    assert one(gold, high)["follow_ups"] == Counts(tp=1)


# --- format_table -------------------------------------------------------------------------------------------------


def test_format_table_lists_every_category_in_order():
    scores = {category: Counts() for category in CATEGORIES}
    scores["people"] = Counts(tp=3, fp=1, fn=1)
    lines = format_table(scores).splitlines()
    assert lines[0].split() == ["category", "P", "R", "F1", "tp", "fp", "fn"]
    assert [line.split()[0] for line in lines[1:]] == list(CATEGORIES)
    assert lines[1 + CATEGORIES.index("people")].split() == ["people", "0.750", "0.750", "0.750", "3", "1", "1"]


# --- load_gold and validation -------------------------------------------------------------------------------------


def test_load_gold_keys_documents_by_file(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(doc("docs/001.txt", council=["leeds"])), encoding="utf-8")
    (tmp_path / "two.json").write_text(json.dumps(doc("docs/002.txt")), encoding="utf-8")
    (tmp_path / "README.md").write_text("not gold", encoding="utf-8")
    gold = load_gold(tmp_path)
    assert sorted(gold) == ["docs/001.txt", "docs/002.txt"]
    assert gold["docs/001.txt"]["council"] == ["leeds"]


def test_load_gold_rejects_two_files_for_one_document(tmp_path):
    for name in ("one.json", "two.json"):
        (tmp_path / name).write_text(json.dumps(doc("docs/001.txt")), encoding="utf-8")
    with pytest.raises(GoldError, match="already annotates"):
        load_gold(tmp_path)


def test_load_gold_reports_bad_json_with_position(tmp_path):
    (tmp_path / "bad.json").write_text('{"file": "x",\n  oops}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.json:2:3: invalid JSON"):
        load_gold(tmp_path)


def test_load_gold_reports_schema_problems(tmp_path):
    (tmp_path / "bad.json").write_text(
        json.dumps(doc(inspections=[inspection("ofsted", "Oct 2019")])), encoding="utf-8"
    )
    with pytest.raises(GoldError) as error:
        load_gold(tmp_path)
    assert "kind 'ofsted' is not one of ilacs" in str(error.value)
    assert "start 'Oct 2019' is not YYYY" in str(error.value)


def test_load_gold_needs_a_folder(tmp_path):
    with pytest.raises(GoldError, match="not a folder"):
        load_gold(tmp_path / "missing")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.pop("posts"), "missing key 'posts'"),
        (lambda d: d.update(extra=1), "unknown keys ['extra']"),
        (lambda d: d.update(council=["West Berkshire"]), "not a lower-case hyphenated slug"),
        (
            lambda d: d.update(inspections=[inspection("ilacs", "2019-10", "requires improvement")]),
            "judgement 'requires improvement'",
        ),
        (
            lambda d: d.update(meetings=[{"body": "Cabinet", "date": "16/07/2019", "item": None, "title": None}]),
            "date '16/07/2019'",
        ),
        (lambda d: d.update(people=[{"name": "Councillor"}]), "people[0] has keys ['name']"),
        (lambda d: d.update(follow_ups=[{"due": None, "description": "x"}]), "due None"),
    ],
)
def test_validate_gold_names_the_problem(change, problem):
    document = doc()
    change(document)
    problems = validate_gold(document)
    assert any(problem in p for p in problems), problems


# --- properties ---------------------------------------------------------------------------------------------------

_dates = st.from_regex(r"\A20[12][0-9](-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?\Z")
_documents = st.builds(
    lambda inspections, names, posts, decisions: doc(
        council=["leeds"],
        inspections=inspections,
        people=[{"name": n, "post": p} for n, p in names],
        posts=posts,
        decisions=[{"number": None, "text": t} for t in decisions],
    ),
    st.lists(
        st.builds(
            inspection,
            st.sampled_from(["ilacs", "ilacs-short", "sif", "jtai"]),
            _dates,
            st.sampled_from([None, "good", "inadequate"]),
        ),
        max_size=5,
    ),
    st.lists(
        st.tuples(
            st.text("abc XY.-", min_size=1, max_size=8).filter(str.strip),
            st.none() | st.text("abc ", min_size=1, max_size=6).filter(str.strip),
        ),
        max_size=4,
    ),
    st.lists(st.text("abc &", min_size=1, max_size=6).filter(str.strip), max_size=3),
    st.lists(st.text("ab ", min_size=1, max_size=20).filter(lambda t: t.split()), max_size=3),
)


@given(_documents)
def test_gold_scored_against_itself_is_perfect(document):
    scores = one(document, copy.deepcopy(document))
    for category, counts in scores.items():
        assert counts.fp == 0 and counts.fn == 0, category


@given(_documents, _documents)
def test_counts_add_up_to_the_list_lengths(gold_doc, predicted_doc):
    scores = one(gold_doc, predicted_doc)
    assert scores["inspections"].tp + scores["inspections"].fn == len(gold_doc["inspections"])
    assert scores["inspections"].tp + scores["inspections"].fp == len(predicted_doc["inspections"])
    assert scores["people"].tp + scores["people"].fn == len(gold_doc["people"])


# --- the project's own gold files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", GOLD_FOLDERS, ids=lambda p: p.parent.name + "/gold")
def test_project_gold_files_load_and_score_perfectly_against_themselves(folder):
    gold = load_gold(folder)
    assert len(gold) == len(list(folder.glob("*.json")))
    scores = score(gold, copy.deepcopy(gold))
    for category, counts in scores.items():
        assert counts.fp == 0 and counts.fn == 0, category


def test_project_gold_quotes_are_short_anchors():
    for folder in GOLD_FOLDERS:
        for file, document in load_gold(folder).items():
            for entry in document["inspections"]:
                assert len(entry["quote"].split()) <= 12, (file, entry["quote"])
                assert entry["council"] in document["council"], (file, entry["council"])


def test_project_gold_sizes():
    assert len(load_gold(ROOT / "tests" / "gold")) == 5
    assert len(load_gold(ROOT / "bench" / "gold")) >= 25
