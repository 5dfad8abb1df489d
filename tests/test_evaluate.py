"""The scorer (caregraph.evaluate) on small synthetic gold/prediction pairs, and the project's gold files."""

from __future__ import annotations

import copy
import csv
import dataclasses
import doctest
import importlib
import importlib.util
import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caregraph.evaluate import (
    CATEGORIES,
    Counts,
    GoldError,
    format_columns,
    format_table,
    kind_family,
    load_gold,
    macro_f1,
    mismatches,
    score,
    score_by_document,
    score_document,
    validate_gold,
)

ROOT = Path(__file__).resolve().parents[1]
LEGACY_FOLDERS = [ROOT / "tests" / "gold", ROOT / "bench" / "gold", ROOT / "bench" / "gold-heldout"]
ANNOTATION_FOLDERS = [ROOT / "bench" / "gold-dev", ROOT / "bench" / "gold-blind"]
GOLD_FOLDERS = LEGACY_FOLDERS + ANNOTATION_FOLDERS


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


@settings(deadline=None)  # timing on a shared machine is not what these properties test
@given(_documents)
def test_gold_scored_against_itself_is_perfect(document):
    scores = one(document, copy.deepcopy(document))
    for category, counts in scores.items():
        assert counts.fp == 0 and counts.fn == 0, category


@settings(deadline=None)  # timing on a shared machine is not what these properties test
@given(_documents, _documents)
def test_counts_add_up_to_the_list_lengths(gold_doc, predicted_doc):
    scores = one(gold_doc, predicted_doc)
    assert scores["inspections"].tp + scores["inspections"].fn == len(gold_doc["inspections"])
    assert scores["inspections"].tp + scores["inspections"].fp == len(predicted_doc["inspections"])
    assert scores["people"].tp + scores["people"].fn == len(gold_doc["people"])


# --- the project's own gold files ---------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", GOLD_FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_project_gold_files_load_and_score_perfectly_against_themselves(folder):
    gold = load_gold(folder)
    assert len(gold) == len(list(folder.glob("*.json")))
    scores = score(gold, copy.deepcopy(gold))
    for category, counts in scores.items():
        assert counts.fp == 0 and counts.fn == 0, category


def test_project_gold_quotes_are_short_anchors():
    for folder in LEGACY_FOLDERS:
        for file, document in load_gold(folder).items():
            for entry in document["inspections"]:
                assert len(entry["quote"].split()) <= 12, (file, entry["quote"])
                assert entry["council"] in document["council"], (file, entry["council"])


def test_project_gold_sizes():
    assert len(load_gold(ROOT / "tests" / "gold")) == 5
    assert len(load_gold(ROOT / "bench" / "gold")) >= 25


def test_gold_folders_follow_the_recorded_split():
    split = tomllib.loads((ROOT / "bench" / "split.toml").read_text(encoding="utf-8"))
    for name in ("dev", "blind"):
        listed = {f"docs/{page}.txt" for pages in split[name].values() for page in pages}
        assert set(load_gold(ROOT / "bench" / f"gold-{name}")) == listed, name
    dev, blind = (sum(map(len, split[name].values())) for name in ("dev", "blind"))
    assert 0.25 <= blind / (dev + blind) <= 0.4
    assert not set(split["dev"]) & set(split["blind"])


# --- the annotation schema (ANNOTATION.md) ------------------------------------------------------------------------


def adoc(file: str = "docs/1.txt", **facts) -> dict:
    """A complete annotation-schema document with empty fact lists, overridden by *facts*."""
    base = {
        "file": file,
        "url": "https://example.org/1",
        "council": None,
        "meetings": [],
        "inspections": [],
        "people": [],
        "decisions": [],
        "followups": [],
    }
    base.update(facts)
    return base


def event(kind: str, start: str, judgement: str | None = None, published: bool = False, end: str | None = None):
    return {"kind": kind, "start": start, "end": end, "judgement": judgement, "published": published, "quote": "q"}


def followup(due: str, what: str, season: str | None = None) -> dict:
    return {"due": due, "season": season, "what": what, "quote": "q"}


def write(folder: Path, name: str, document: dict) -> None:
    (folder / name).write_text(json.dumps(document), encoding="utf-8")


def test_load_gold_normalises_the_annotation_schema(tmp_path):
    write(
        tmp_path,
        "1.json",
        adoc(
            council="Milton Keynes City Council",  # not the gazetteer's official name: found without "City Council"
            meetings=[{"body": "Cabinet", "date": "2024-03-12", "item": "7"}],
            inspections=[event("ilacs", "2024-01", "good")],
            people=[{"name": "Jane Example", "post": "Director of Children's Services"}],
            decisions=[{"text": "That the report be noted."}],
            followups=[followup("2024", "further update to Cabinet", "spring")],
        ),
    )
    write(tmp_path, "2.json", adoc("docs/2.txt", council="Surrey County Council"))
    write(tmp_path, "3.json", adoc("docs/3.txt"))
    write(tmp_path, "4.json", doc("docs/4.txt", council=["leeds"]))  # the legacy schema, in the same folder
    gold = load_gold(tmp_path)
    first = gold["docs/1.txt"]
    assert first["schema"] == "annotation"
    assert first["council"] == ["milton-keynes"]
    assert first["posts"] == []
    assert first["follow_ups"] == [
        {"due": "2024", "season": "spring", "description": "further update to Cabinet", "quote": "q"}
    ]
    assert first["decisions"] == [{"number": None, "text": "That the report be noted."}]
    assert first["inspections"][0]["published"] is False
    assert gold["docs/2.txt"]["council"] == ["surrey"]
    assert gold["docs/3.txt"]["council"] == []
    assert gold["docs/4.txt"]["schema"] == "legacy"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(posts=[]), "unknown keys ['posts']"),
        (lambda d: d.update(extra=1), "unknown keys ['extra']"),
        (lambda d: d.update(council="Atlantis Borough Council"), "not a council the gazetteer knows"),
        (lambda d: d.update(inspections=[event("ilacs-standard", "2019")]), "kind 'ilacs-standard' is not one of"),
        (lambda d: d.update(inspections=[event("lscb-review", "2019")]), "kind 'lscb-review' is not one of"),
        (lambda d: d.update(inspections=[event("sif", "2015-02-30")]), "start '2015-02-30' is not a real date"),
        (lambda d: d.update(inspections=[event("sif", "2015-13")]), "start '2015-13' is not a real date"),
        (lambda d: d.update(inspections=[event("sif", "Spring 2015")]), "start 'Spring 2015' is not YYYY"),
        (lambda d: d.update(inspections=[event("jtai", "2019-07-12", end="2019-07-08")]), "is before start"),
        (lambda d: d.update(inspections=[event("jtai", "2019", published=True, end="2020")]), "published-only"),
        (lambda d: d.update(inspections=[{**event("jtai", "2019"), "published": "no"}]), "must be true or false"),
        (lambda d: d.update(inspections=[event("ilacs", "2019", "requires improvement")]), "judgement 'requires"),
        (lambda d: d.update(meetings=[{"body": "Cabinet", "date": "2019-07", "item": None}]), "is not YYYY-MM-DD"),
        (lambda d: d.update(meetings=[{"body": "Cabinet", "date": "2019-07-16"}]), "meetings[0] has keys"),
        (lambda d: d.update(people=[{"name": "Cllr", "post": None}]), "must be the name"),
        (lambda d: d.update(decisions=[{"text": "RESOLVED –"}]), "opening words"),
        (lambda d: d.update(followups=[followup("2022-03", "update", "spring")]), "year alone when a season"),
        (lambda d: d.update(followups=[followup("2022", "update", "monsoon")]), "season 'monsoon' is not null or"),
        (lambda d: d.update(followups=[{"due": "2022", "what": "update", "quote": "q"}]), "followups[0] has keys"),
    ],
)
def test_validate_annotation_gold_names_the_problem(change, problem):
    document = adoc()
    change(document)
    problems = validate_gold(document)
    assert any(problem in p for p in problems), problems


def test_load_gold_names_the_file_with_an_annotation_problem(tmp_path):
    write(tmp_path, "204.json", adoc(inspections=[event("ofsted", "2019")]))
    with pytest.raises(GoldError, match=r"204\.json: inspections\[0\]: kind 'ofsted' is not one of ilacs, sif"):
        load_gold(tmp_path)


@pytest.mark.parametrize(
    ("gold_kind", "predicted_kind", "matches"),
    [
        ("ilacs", "ilacs-short", True),
        ("sif", "sif-reinspection", True),
        ("other", "lscb-review", True),
        ("other", "earlier-framework", True),
        ("other", "cpi", True),
        ("annual-engagement", "annual-engagement-meeting", True),
        ("ilacs", "sif", False),
        ("focused-visit", "monitoring-visit", False),
        ("commissioner-review", "other", False),
    ],
)
def test_annotation_gold_folds_kinds_into_its_families(gold_kind, predicted_kind, matches):
    gold = adoc(inspections=[event(gold_kind, "2016-03")])
    predicted = doc("docs/1.txt", inspections=[{"kind": predicted_kind, "start": "2016-03-07"}])
    assert one(gold, predicted)["inspections"] == (Counts(tp=1) if matches else Counts(fp=1, fn=1))


def test_kind_families_differ_by_schema():
    assert kind_family("sif-reinspection") == kind_family("sif") == "sif"
    assert kind_family("sif-reinspection", "legacy") == "sif-reinspection"
    assert kind_family("lscb-review") == "other" != kind_family("lscb-review", "legacy")
    assert kind_family("Annual-Engagement-Meeting") == "annual-engagement"
    assert kind_family("something-new") == "something-new"


def test_annotation_gold_scores_only_its_four_grades():
    """ANNOTATION.md's judgements are outstanding, good, requires-improvement and inadequate; an earlier framework's
    "adequate" (which a few annotation gold files give and the graph keeps) is no judgement of that schema on either
    side; the event itself is still scored, and legacy gold scores every grade as before."""
    adequate = {"kind": "other", "start": "2011", "judgement": "adequate"}
    gold = adoc(inspections=[event("other", "2011", "adequate"), event("ilacs", "2019-10", "good")])
    predicted = doc("docs/1.txt", inspections=[adequate, {"kind": "ilacs", "start": "2019-10", "judgement": "good"}])
    scores = one(gold, predicted)
    assert scores["judgements"] == Counts(tp=1)
    assert scores["inspections"] == Counts(tp=2)
    no_grade = adoc(inspections=[event("other", "2011")])
    assert one(no_grade, doc("docs/1.txt", inspections=[adequate]))["judgements"] == Counts()
    assert one(gold, doc("docs/1.txt", inspections=[]))["judgements"] == Counts(fn=1)
    legacy = doc("docs/1.txt", inspections=[inspection("other", "2011", "adequate")])
    assert one(legacy, doc("docs/1.txt", inspections=[inspection("other", "2011")]))["judgements"] == Counts(fn=1)


def test_published_only_event_matches_a_prediction_with_that_start():
    gold = adoc(inspections=[event("focused-visit", "2021-07-15", published=True), event("ilacs", "2019-10")])
    unflagged = doc("docs/1.txt", inspections=[{"kind": "focused-visit", "start": "2021-07-15", "published": False}])
    flagged = doc("docs/1.txt", inspections=[{"kind": "focused-visit", "start": "2021-07-15", "published": True}])
    month = doc("docs/1.txt", inspections=[{"kind": "focused-visit", "start": "2021-07", "published": True}])
    scores = one(gold, unflagged)
    assert scores["inspections"] == Counts(tp=1, fn=1)
    assert scores["published"] == Counts(fn=1)
    scores = one(gold, flagged)
    assert scores["inspections"] == Counts(tp=1, fn=1)
    assert scores["published"] == Counts(tp=1)
    assert one(gold, month)["published"] == Counts(fp=1, fn=1)  # coarser than the gold's day


def test_published_flag_where_gold_has_a_dated_event_is_a_published_false_positive():
    gold = adoc(inspections=[event("ilacs", "2022-05")])
    predicted = doc("docs/1.txt", inspections=[{"kind": "ilacs", "start": "2022-05", "published": True}])
    scores = one(gold, predicted)
    assert scores["inspections"] == Counts(tp=1)
    assert scores["published"] == Counts(fp=1)


def test_published_is_reported_for_annotation_gold_only_and_not_averaged():
    legacy = one(doc(), doc())
    annotation = one(adoc(), doc("docs/1.txt"))
    assert set(legacy) == set(CATEGORIES)
    assert set(annotation) == {*CATEGORIES, "published"}
    scores = {category: Counts(tp=1) for category in CATEGORIES} | {"published": Counts(fn=5)}
    scores["people"] = Counts(fn=1)  # F1 0 in one of eight categories
    assert macro_f1(scores) == pytest.approx(7 / 8)


def test_annotation_gold_scores_posts_as_name_and_post_pairs_only():
    gold = adoc(
        people=[{"name": "Jane Example", "post": "Cabinet Member for Children"}, {"name": "Jo Bloggs", "post": None}]
    )
    predicted = doc(
        "docs/1.txt",
        people=[
            {"name": "Cllr Jane Example", "post": "the Cabinet Member for Children"},
            {"name": "Jo Bloggs", "post": None},
        ],
        posts=["Secretary of State for Education"],  # a post named alone: no such list in annotation gold
    )
    scores = one(gold, predicted)
    assert scores["people"] == Counts(tp=2)
    assert scores["posts"] == Counts(tp=1)
    legacy_gold = doc("docs/1.txt", people=[{"name": "Jane Example", "post": "Cabinet Member for Children"}])
    assert one(legacy_gold, predicted)["posts"] == Counts(tp=1, fp=1)


@pytest.mark.parametrize(
    ("gold_post", "predicted_post"),
    [
        ("Torbay's Director of Children's Services", "Director of Children’s Services"),
        ("Peterborough City Council's Cabinet Member for Children", "Cabinet Member for Children"),
        ("Director of Children's Services at Hampshire County Council", "Director of Children's Services"),
        ("Lead Member for Children for Shropshire Council", "Lead Member for Children"),
        ("Chief Executive at Lambeth LBC", "Chief Executive"),
        ("Leader of the Council", "Council Leader"),
        ("Commissioner for Children's Social Care in Kirklees", "Commissioner for Children's Social Care"),
        ("Director of Children's Social Care, Lancashire County Council", "Director of Children's Social Care"),
    ],
)
def test_a_post_is_its_title_less_the_council_it_is_held_at(gold_post, predicted_post):
    gold = adoc(people=[{"name": "Jane Example", "post": gold_post}])
    predicted = doc("docs/1.txt", people=[{"name": "Jane Example", "post": predicted_post}])
    assert one(gold, predicted)["posts"] == Counts(tp=1)


@pytest.mark.parametrize(
    ("gold_post", "predicted_post"),
    [
        ("Director of Children's Services at Hampshire County Council", "Director of Adult Services"),
        ("Chair of the Corporate Parenting Board", "Chair"),  # a board is no council: its name stays in the title
        ("Leader of the Opposition", "Leader"),
        ("Kent County Council", "Leader"),  # a title is never folded away whole
        ("Cabinet Member, Children and Families", "Cabinet Member"),  # a comma before no council: the title's own
    ],
)
def test_folding_the_council_leaves_other_titles_apart(gold_post, predicted_post):
    gold = adoc(people=[{"name": "Jane Example", "post": gold_post}])
    predicted = doc("docs/1.txt", people=[{"name": "Jane Example", "post": predicted_post}])
    assert one(gold, predicted)["posts"] == Counts(fp=1, fn=1)


def test_annotation_follow_ups_match_what_against_the_description():
    gold = adoc(followups=[followup("2022", "further update on the improvement plan to Cabinet", "spring")])
    matching = doc(
        "docs/1.txt", follow_ups=[{"due": "2022-04", "description": "a further update on the improvement plan"}]
    )
    other_year = doc(
        "docs/1.txt", follow_ups=[{"due": "2023", "description": "further update on the improvement plan"}]
    )
    assert one(gold, matching)["follow_ups"] == Counts(tp=1)
    assert one(gold, other_year)["follow_ups"] == Counts(fp=1, fn=1)


def test_annotation_follow_ups_match_the_quoted_text_too():
    # the annotator's paraphrase shares one word of six with the text's own words; the quote (copied from the page)
    # shares two of three: one commitment
    gold = adoc(followups=[{**followup("2023-09", "interviews for a new Director of Children's Services"),
                            "quote": "Interviews are scheduled for September"}])  # fmt: skip
    in_its_words = doc("docs/1.txt", follow_ups=[{"due": "2023-09", "description": "Interviews are scheduled"}])
    other_words = doc("docs/1.txt", follow_ups=[{"due": "2023-09", "description": "The budget is set"}])
    other_month = doc("docs/1.txt", follow_ups=[{"due": "2023-10", "description": "Interviews are scheduled"}])
    assert one(gold, in_its_words)["follow_ups"] == Counts(tp=1)
    assert one(gold, other_words)["follow_ups"] == Counts(fp=1, fn=1)
    assert one(gold, other_month)["follow_ups"] == Counts(fp=1, fn=1)


def test_annotation_follow_ups_match_a_prediction_read_from_the_quoted_passage():
    # the description says little ("an update"), but the commitment was read from the passage the gold quotes and
    # is due when the gold says: one commitment (human annotators agree more often under this test: stop 34)
    gold = adoc(followups=[{**followup("2025", "update from the Cabinet Member on staffing at the end of the year"),
                            "quote": "committed to providing an update at the end of the year"}])  # fmt: skip
    passage = "Councillor Ann Lee committed to providing an update at the end of the year."
    read_there = {"due": "2025", "description": "Councillor Ann Lee committed to an update", "evidence": [passage]}
    read_elsewhere = {**read_there, "evidence": ["The majority of roles are expected to be filled by the end of 2025."]}
    other_year = {**read_there, "due": "2026"}
    assert one(gold, doc("docs/1.txt", follow_ups=[read_there]))["follow_ups"] == Counts(tp=1)
    assert one(gold, doc("docs/1.txt", follow_ups=[read_elsewhere]))["follow_ups"] == Counts(fp=1, fn=1)
    assert one(gold, doc("docs/1.txt", follow_ups=[other_year]))["follow_ups"] == Counts(fp=1, fn=1)
    # one passage, one commitment: a second prediction from it is an extra
    twice = doc("docs/1.txt", follow_ups=[read_there, {**read_there, "description": "roles filled"}])
    assert one(gold, twice)["follow_ups"] == Counts(tp=1, fp=1)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("a further report to come to the September 2020 meeting", "report to come to the September", True),
        ("Interviews are scheduled for September", "Interviews are scheduled for September.", True),
        ("submit the plan by 21 November", "The council must submit the plan by 21 November 2024", True),
        ("an update in March", "the plan reviewed in March", False),
        ("in March 2024", "in March 2024", False),  # too short to tell one passage from another
        ("a further report to Cabinet in June", "the Cabinet agreed the plan in June", False),
        ("", "anything at all here", False),
    ],
)
def test_same_passage(a, b, same):
    from caregraph.evaluate import same_passage

    assert same_passage(a, b) is same
    assert same_passage(b, a) is same


def test_rows_to_gold_gives_each_follow_up_the_passages_it_was_read_from():
    from caregraph.prediction import CONTRACT_QUERIES, rows_to_gold

    rows: dict[str, list[dict]] = {name: [] for name in CONTRACT_QUERIES}
    rows["documents"] = [{"document": "d1", "file": str(ROOT / "x" / "docs" / "1.txt"), "council": "c/leeds"}]
    rows["follow-ups"] = [
        {"source": "d1", "followUp": "f1", "due": "2025-03", "description": "a report back"},
        {"source": "d1", "followUp": "f2", "due": "2025-06", "description": "the plan"},
    ]
    rows["follow-up-evidence"] = [
        {"source": "d1", "followUp": "f1", "quote": "a report back in March 2025"},
        {"source": "d1", "followUp": "f1", "quote": "Officers will report back in March 2025."},
    ]
    follow_ups = rows_to_gold(rows, ROOT / "x")["docs/1.txt"]["follow_ups"]
    assert follow_ups[0]["evidence"] == ["Officers will report back in March 2025.", "a report back in March 2025"]
    assert follow_ups[1]["evidence"] == []


def test_annotation_council_is_compared_as_a_slug():
    gold = adoc(council="London Borough of Enfield")
    assert one(gold, doc("docs/1.txt", council=["enfield"]))["council"] == Counts(tp=1)
    assert one(gold, doc("docs/1.txt", council=["haringey"]))["council"] == Counts(fp=1, fn=1)
    assert one(adoc(), doc("docs/1.txt", council=["haringey"]))["council"] == Counts(fp=1)  # council null in gold


def test_annotation_meetings_and_decisions():
    gold = adoc(
        meetings=[{"body": "Children & Young People Scrutiny Panel", "date": "2023-06-15", "item": "5"}],
        decisions=[{"text": "That the minutes of the meeting held on 3 May 2023 be approved as a correct record."}],
    )
    predicted = doc(
        "docs/1.txt",
        meetings=[{"body": "Children and Young People Scrutiny Panel", "date": "2023-06-15", "item": None}],
        decisions=[{"number": "1", "text": "1. That the minutes of the meeting held on 3 May be approved"}],
    )
    scores = one(gold, predicted)
    assert scores["meetings"] == Counts(tp=1)
    assert scores["decisions"] == Counts(tp=1)


def test_annotation_dicts_given_directly_are_normalised():
    gold = {"docs/1.txt": adoc(council="Leeds City Council", followups=[followup("2020-01", "report back")])}
    predicted = {
        "docs/1.txt": doc(
            "docs/1.txt", council=["leeds"], follow_ups=[{"due": "2020-01-10", "description": "report back"}]
        )
    }
    scores = score(gold, predicted)
    assert scores["council"] == Counts(tp=1)
    assert scores["follow_ups"] == Counts(tp=1)


def test_mismatches_list_what_the_counts_count():
    gold = adoc(
        inspections=[event("ilacs", "2019-10", "good"), event("jtai", "2020-02")],
        people=[{"name": "Jane Example", "post": None}],
    )
    predicted = doc(
        "docs/1.txt",
        inspections=[{"kind": "ilacs", "start": "2019-10-07", "judgement": "inadequate"}],
        people=[{"name": "Jane Example", "post": None}, {"name": "Jo Bloggs", "post": None}],
    )
    found = mismatches(gold, predicted)
    assert [i["kind"] for i in found["inspections"][0]] == ["jtai"]
    assert found["inspections"][1] == []
    assert [i["judgement"] for i in found["judgements"][0]] == ["good"]
    assert [i["judgement"] for i in found["judgements"][1]] == ["inadequate"]
    assert found["people"] == ([], ["jo bloggs"])


@settings(deadline=None)  # timing on a shared machine is not what these properties test
@given(_documents, _documents)
def test_mismatches_agree_with_the_counts(gold_doc, predicted_doc):
    counts = one(gold_doc, predicted_doc)
    for category, (missed, extra) in mismatches(gold_doc, predicted_doc).items():
        assert (len(missed), len(extra)) == (counts[category].fn, counts[category].fp), category


def test_format_columns_puts_splits_side_by_side_with_the_gap():
    dev = {category: Counts(tp=3, fp=1, fn=0) for category in CATEGORIES} | {"published": Counts(fn=2)}
    blind = {category: Counts(tp=1, fp=1, fn=2) for category in CATEGORIES} | {"published": Counts()}
    lines = format_columns({"dev": dev, "blind": blind}).splitlines()
    assert lines[0].split() == ["dev", "blind"]
    assert lines[1].split()[-2:] == ["gap", "F1"]
    rows = {line.split()[0]: line.split() for line in lines[2:]}
    assert rows["council"][1:] == ["0.750", "1.000", "0.857", "3", "0.500", "0.333", "0.400", "3", "0.457"]
    assert rows["macro"][2:] == ["0.857", "0.400", "0.457"]
    assert [line.split()[0] for line in lines[2:]] == [*CATEGORIES, "macro", "published"]
    assert len(rows["published"]) == 1 + 2 * 4  # no gap for a category outside the macro F1


def test_format_columns_leaves_the_gap_out_when_asked():
    scores = {category: Counts(tp=1, fp=1) for category in CATEGORIES}
    lines = format_columns({"a": scores, "b": scores, "c": scores}, gaps=False).splitlines()
    assert "gap" not in lines[1]
    assert all(len(line.split()) == 1 + 3 * 4 for line in lines[2:] if line.startswith("council"))


# --- predictions (caregraph.prediction), bench/quality.py: the blind split's protection and its log ---------------------------------------


def _quality():
    spec = importlib.util.spec_from_file_location("caregraph_bench_quality_eval", ROOT / "bench" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_rows_to_gold_dates_a_published_only_inspection_by_its_publication():
    from caregraph.prediction import CONTRACT_QUERIES, rows_to_gold

    rows: dict[str, list[dict]] = {name: [] for name in CONTRACT_QUERIES}
    rows["documents"] = [{"document": "d1", "file": str(ROOT / "x" / "docs" / "1.txt"), "council": "c/leeds"}]
    rows["inspections"] = [
        {"source": "d1", "inspection": "i1", "kind": "k/sif", "published": "2016-06", "council": "c/leeds"},
        {
            "source": "d1",
            "inspection": "i2",
            "kind": "k/ilacs",
            "start": "2019-10",
            "published": "2020-01",
            "council": "c/leeds",
        },
    ]
    predicted = rows_to_gold(rows, ROOT / "x")
    inspections = predicted["docs/1.txt"]["inspections"]
    assert [(i["kind"], i["start"], i["published"]) for i in inspections] == [
        ("sif", "2016-06", True),
        ("ilacs", "2019-10", False),
    ]
    assert predicted["docs/1.txt"]["council"] == ["leeds"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--split", "blind", "--errors"],
        ["--errors"],  # both splits by default
        ["--split", "blind", "--summary"],
        ["--split", "dev", "--dump", "docs/211.txt"],  # a blind page
        ["--gold", "bench/gold-blind", "--errors"],
        ["--gold", "bench/challenge-holdout/gold", "--summary"],  # the held-out made-up pages likewise
    ],
)
def test_quality_never_shows_the_blind_split(argv, tmp_path, capsys):
    blind = _quality().blind_files()
    assert "docs/211.txt" in blind
    argv = [str(ROOT / a) if a.startswith("bench/") else a for a in argv]
    assert _quality().main([*argv, "--corpus", str(tmp_path)]) == 2  # refused before anything is built
    captured = capsys.readouterr()
    assert "the blind split is scored, never inspected" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("option", ["--errors", "--summary", "--dump=docs/204.txt"])
def test_the_nested_check_sets_are_scored_never_inspected(option, tmp_path, capsys):
    """The nested split's halves are disjoint, hold every dev set between them and no blind one; the check half's
    pages are refused to --errors, --summary and --dump, as the blind split's are."""
    quality = _quality()
    tune, check = set(quality.NESTED["tune"]), set(quality.NESTED["check"])
    assert not tune & check and tune | check == set(quality.GROUPS["dev"])
    assert {"dev", "dev13"} <= tune and {"dev2", "dev12"} <= check
    assert quality.main(["--nested", "check", option, "--corpus", str(tmp_path)]) == 2
    assert "never inspected" in capsys.readouterr().err


def test_a_missing_real_set_leaves_out_its_own_splits_only(tmp_path):
    """Real set 2's folder missing leaves out dev2 and blind2, not dev12 and blind12 (whose names end in "2")."""
    quality = _quality()
    real = {n: (tmp_path if n != "2" else tmp_path / "absent") for n in quality.REAL_SETS}
    kept = quality.present_sets(list(quality.ORDER), real)
    assert "dev2" not in kept and "blind2" not in kept
    assert {"dev", "blind", "dev12", "blind12", "dev3", "blind13"} <= set(kept)


def test_blind_scorings_are_logged(tmp_path):
    quality = _quality()
    log = tmp_path / "blind-log.csv"
    assert quality.log_blind(0.75, 0.7, "milestone 0", log) == 1
    assert quality.log_blind(None, 0.8, "", log) == 2
    rows = list(csv.DictReader(log.open(encoding="utf-8")))
    assert [r["macro_f1_blind"] for r in rows] == ["0.7000", "0.8000"]
    assert [r["macro_f1_dev"] for r in rows] == ["0.7500", ""]
    assert rows[0]["note"] == "milestone 0" and rows[0]["commit"]


def test_a_malformed_blind_log_is_named_and_left_as_it_was(tmp_path):
    """A row with more cells than the header (a note with an unquoted comma) stops the logging with the line named,
    before anything is written: the rows already on record are not lost."""
    log = tmp_path / "blind-log.csv"
    text = "date,commit,macro_f1_dev,macro_f1_blind,note\n2026-12-05T22:26:19+00:00,abc,0.6,0.5,a note, with a comma\n"
    log.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2 has more cells than the header"):
        _quality().log_blind(0.9, 0.8, "m", log)
    assert log.read_text(encoding="utf-8") == text
    assert not (tmp_path / "blind-log.csv.new").exists()


def test_a_log_from_before_the_second_real_set_keeps_its_rows_and_gains_its_columns(tmp_path):
    log = tmp_path / "blind-log.csv"
    log.write_text(
        'date,commit,macro_f1_dev,macro_f1_blind,note\n2026-12-05T22:26:19+00:00,abc,0.6115,0.5280,"milestone 0"\n',
        encoding="utf-8",
    )
    assert _quality().log_blind(0.9, 0.8, "m4", log, dev2=0.7, blind2=0.6) == 2
    rows = list(csv.DictReader(log.open(encoding="utf-8")))
    assert [r["macro_f1_blind"] for r in rows] == ["0.5280", "0.8000"]
    assert [r["macro_f1_blind2"] for r in rows] == ["", "0.6000"]
    assert [r["macro_f1_dev2"] for r in rows] == ["", "0.7000"]
    assert rows[0]["note"] == "milestone 0"


def test_each_group_of_splits_is_also_scored_pooled_with_an_interval():
    """The pooled figure of a group is the score of its pages as one set (not a mean of the splits' macro F1); its
    interval comes from resampling pages, so it holds the point and is narrower for more pages; a group with one
    split scored is not pooled."""
    quality = _quality()
    pages = {
        f"{n}.txt": doc(f"{n}.txt", people=[{"name": "Ann Lee" if n != 3 else "Bob Kay", "post": None}])
        for n in (1, 2, 3, 4)
    }
    golds = {
        "dev": {"1.txt": pages["1.txt"], "2.txt": pages["2.txt"]},
        "dev2": {"3.txt": pages["3.txt"]},
        "blind": {"4.txt": pages["4.txt"]},
    }
    predicted = {**pages, "3.txt": doc("3.txt")}
    pools = quality.pooled(golds, predicted, draws=200)
    assert set(pools) == {"dev"}
    counts, macro, low, high, pages = pools["dev"]
    assert pages == 3 and (counts["people"].tp, counts["people"].fn) == (2, 1)
    from caregraph.evaluate import macro_f1, score

    assert macro == macro_f1(score(golds["dev"] | golds["dev2"], predicted))
    assert low <= macro <= high
    assert low < high  # one page of three misses its person: resampling moves the figure
    assert quality.pooled(golds, predicted, draws=200) == pools  # seeded: the same interval every run


def test_each_group_is_also_cut_by_the_genre_the_build_gave_its_pages():
    """By genre: each group's pages pooled, then split by the predicted document's genre; a page the build did not
    make is counted apart; totals only."""
    quality = _quality()
    gold = {n: doc(n, people=[{"name": "Ann Lee", "post": None}]) for n in ("1.txt", "2.txt", "3.txt", "4.txt")}
    golds = {"dev": {"1.txt": gold["1.txt"], "2.txt": gold["2.txt"]}, "dev2": {"3.txt": gold["3.txt"]}}
    golds["blind"] = {"4.txt": gold["4.txt"]}
    predicted = {
        "1.txt": {**gold["1.txt"], "genre": "news"},
        "2.txt": {**doc("2.txt"), "genre": "minutes"},
        "4.txt": {**gold["4.txt"], "genre": "news"},
    }
    cut = quality.by_genre(golds, predicted)
    genres, pages = cut["dev"]
    assert pages == {"news": 1, "minutes": 1, "not built": 1}
    assert (genres["news"]["people"].tp, genres["minutes"]["people"].fn, genres["not built"]["people"].fn) == (1, 1, 1)
    assert cut["blind"][1] == {"news": 1}


def test_the_blind_files_include_the_second_real_sets_blind_split(tmp_path, monkeypatch):
    quality = _quality()
    split = tmp_path / "split.toml"
    split.write_text(
        '[blind]\n"barnet" = ["211"]\n[dev2]\n"x" = ["r001"]\n[blind2]\n"y" = ["r002"]\n', encoding="utf-8"
    )
    monkeypatch.setattr(quality, "SPLIT_FILE", split)
    assert quality.blind_files() == {"docs/211.txt", "docs/r002.txt"}


def test_quality_scores_the_seeds_against_the_earlier_gold(capsys):
    assert _quality().main(["--seeds"]) == 0
    out = capsys.readouterr().out
    assert "category     P      R      F1" in out
    assert "inspections  1.000  1.000  1.000" in out
    assert "macro F1" in out


@pytest.mark.parametrize("module", ["caregraph.evaluate", "caregraph.gold", "caregraph.gazetteer"])
def test_doctests_in_the_modules_run(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0


def test_the_second_real_set_is_split_by_council_a_third_blind():
    spec = importlib.util.spec_from_file_location("caregraph_bench_split_real", ROOT / "bench" / "split_real.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    rows = [{"file": f"docs/r{i:03}.txt", "council": f"council-{i % 10}"} for i in range(30)]
    dev, blind = module.split(rows)
    assert set(dev).isdisjoint(blind) and set(dev) | set(blind) == {f"council-{i}" for i in range(10)}
    assert sum(map(len, blind.values())) == 12  # whole councils of 3 pages until a third (10) is reached
    assert module.split(list(reversed(rows))) == (dev, blind)  # the order of the manifest does not matter


def test_a_set_of_every_council_is_split_by_the_earlier_splits():
    """The fourth real set: a blind council's pages are blind, every other page is dev; the councils come from the
    blind sections of bench/split.toml."""
    spec = importlib.util.spec_from_file_location("caregraph_bench_split_real4", ROOT / "bench" / "split_real.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    rows = [{"file": "docs/r601.txt", "council": "leeds"}, {"file": "docs/r602.txt", "council": "blackpool"}]
    dev, blind = module.split_by_earlier(rows, {"blackpool"})
    assert (dev, blind) == ({"leeds": ["r601"]}, {"blackpool": ["r602"]})
    known = module.blind_councils(ROOT / "bench" / "split.toml")
    assert "blackpool" in known and "durham" not in known  # blind3 holds Blackpool; Durham is a dev council
