"""Score extracted facts against hand-written gold annotations.

Gold of either schema — the annotation schema of ``ANNOTATION.md`` (``bench/gold-dev/``, ``bench/gold-blind/``)
or the legacy schema of ``bench/gold/README.md`` — is read by :func:`load_gold` (from :mod:`caregraph.gold`) into
one internal form: the legacy schema plus ``"schema"`` and an inspection flag ``"published"``. Predictions are given
in that form (``bench/quality.py`` builds them from the contract queries); they need no ``schema``, as a document is
scored by its gold's schema, and an annotation-schema dict given directly to :func:`score` is normalised first.

How each category matches (always one-to-one within a document, greedily, best pairs first, so a duplicated
prediction is a false positive; totals are summed over the gold documents):

``council``
    the slug, lower-cased.
``inspections``
    kind family (:func:`kind_family`) and start date at the *gold's* precision: a predicted ``2019-10-07``
    matches gold ``2019-10``; a predicted ``2019`` does not match gold ``2019-10``. An annotation event known only
    by its report's publication date (``published: true``, that date being its ``start``) matches a prediction
    with that start, flagged published or not. ``end`` and ``quote`` are not scored.
``judgements``
    the inspection key plus the judgement; only entries whose judgement is not null take part (in annotation gold,
    and the predictions scored against it, only ANNOTATION.md's four grades: an earlier framework's "adequate" is
    none of them).
``meetings``
    normalised body name (case, punctuation, ``&``/``and``, a leading "the" folded) and the date at the
    gold's precision. Item numbers and titles are not scored.
``people``
    normalised name: lower-case, leading honorifics (Cllr, Councillor, Mr, Mrs, Ms, Miss, Dr) dropped,
    punctuation folded ("C. Ring" = "C Ring", "Elliott-King" = "Elliott King").
``posts``
    ``(name, post)`` for every person with a post; for legacy gold also ``(None, post)`` for each post named
    without a person (a prediction's post-only list is ignored against annotation gold, which has none). Posts
    are normalised like body names, less the council they are held at (:func:`caregraph.gold.normalise_post`:
    annotators write "Torbay's Director of Children's Services" or leave the council out; the graph keeps the
    council apart from the title).
``decisions``
    the first eight normalised words of the gold text (leading list numbers such as ``1.``, ``2.1``, ``(a)``
    and a leading "resolved" dropped); a prediction matches when its normalised text starts with them.
``follow_ups``
    ``due`` equal at the gold's precision and a Jaccard overlap of at least :data:`FOLLOW_UP_MIN_JACCARD`
    between the descriptions' content words (normalised words less a short list of function words), or, since
    stop 30, between the prediction's description and the text the gold quotes (an annotator's paraphrase, "interviews
    for a new Director", and the text's own words, "Interviews are scheduled", describe one commitment; the quote is
    copied from the page), or, since stop 34, when the prediction was read from the passage the gold quotes (its
    facts' evidence and the gold's quote share a run of five words: :func:`same_passage`; on the thirteenth set's
    second annotation two annotators' follow-ups agree at F1 0.909 under this test, 0.727 under the words alone).
    A season is not scored (its ``due`` is the year).
``published`` (annotation gold only; reported, not in :func:`macro_f1`)
    the published-only events alone: gold entries with ``published: true`` against predictions flagged
    ``published``, matched as inspections.

>>> gold = {"a.txt": {"file": "a.txt", "council": ["leeds"],
...                   "inspections": [{"kind": "ilacs", "start": "2019-10", "judgement": "good"}]}}
>>> predicted = {"a.txt": {"file": "a.txt", "council": ["leeds", "leeds"],
...                        "inspections": [{"kind": "ilacs-standard", "start": "2019-10-07", "judgement": "good"}]}}
>>> scores = score(gold, predicted)
>>> scores["council"]
Counts(tp=1, fp=1, fn=0)
>>> scores["inspections"].f1
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from caregraph.gold import (
    ANNOTATION,
    ANNOTATION_JUDGEMENTS,
    ANNOTATION_KINDS,
    JUDGEMENTS,
    KINDS,
    LEGACY,
    SEASONS,
    GoldError,
    council_slug,
    date_parts,
    decision_words,
    load_gold,
    normalise_gold,
    normalise_label,
    normalise_name,
    normalise_post,
    schema_of,
    validate_gold,
    words,
)

__all__ = [
    "ANNOTATION",
    "ANNOTATION_KINDS",
    "CATEGORIES",
    "EXTRA_CATEGORIES",
    "FOLLOW_UP_MIN_JACCARD",
    "JUDGEMENTS",
    "KINDS",
    "LEGACY",
    "SEASONS",
    "Counts",
    "GoldError",
    "council_slug",
    "format_columns",
    "format_table",
    "kind_family",
    "load_gold",
    "macro_f1",
    "mismatches",
    "normalise_gold",
    "schema_of",
    "score",
    "score_by_document",
    "score_document",
    "validate_gold",
]

#: The scored categories, in report order; :func:`macro_f1` averages their F1.
CATEGORIES: tuple[str, ...] = (
    "council",
    "inspections",
    "judgements",
    "meetings",
    "people",
    "posts",
    "decisions",
    "follow_ups",
)
#: Reported beside the categories for annotation gold, never averaged into the macro F1.
EXTRA_CATEGORIES: tuple[str, ...] = ("published",)

#: Minimum Jaccard overlap of content words for two follow-up descriptions to match.
FOLLOW_UP_MIN_JACCARD = 0.3
#: Words in a row two quotes must share to be one passage (:func:`same_passage`).
PASSAGE_RUN = 5
#: How many leading normalised words of a gold decision a prediction must start with.
DECISION_PREFIX_WORDS = 8

# The kind families, one table per schema, applied to gold and prediction alike. Annotation gold knows nine kinds,
# so the finer kinds the extractor (and the legacy gold) uses fold into them; the earlier frameworks (SLAC, CPI,
# TLAC, unannounced visits) and LSCB reviews are "other". Legacy gold keeps its own rule: only ILACS kinds are one.
_ANNOTATION_FAMILY = {
    **{kind: kind for kind in ANNOTATION_KINDS},
    "ilacs-standard": "ilacs",
    "ilacs-short": "ilacs",
    "sif-reinspection": "sif",
    "annual-engagement-meeting": "annual-engagement",
    **{kind: "other" for kind in ("lscb-review", "earlier-framework", "slac", "cpi", "tlac", "unannounced")},
}
_LEGACY_FAMILY = {"ilacs-standard": "ilacs", "ilacs-short": "ilacs"}

# fmt: off
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "in", "into", "is", "it",
    "its", "of", "on", "or", "so", "than", "that", "the", "their", "this", "to", "was", "were", "which", "will",
    "with", "would",
})
# fmt: on


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives, false positives and false negatives of one category.

    Precision, recall and F1 are 1.0 when there is nothing to find and nothing was predicted. Precision is 0.0
    when nothing was predicted but something was to be found; recall is 0.0 when there was nothing to find but
    something was predicted.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        if predicted == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / predicted

    @property
    def recall(self) -> float:
        relevant = self.tp + self.fn
        if relevant == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / relevant

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


# ---------------------------------------------------------------------------------------------------------------
# Normalisation


def kind_family(kind: str | None, schema: str = ANNOTATION) -> str | None:
    """The kind's family under *schema*'s table (see the comment above ``_ANNOTATION_FAMILY``).

    >>> kind_family("sif-reinspection"), kind_family("lscb-review"), kind_family("ilacs-short", LEGACY)
    ('sif', 'other', 'ilacs')
    """
    if kind is None:
        return None
    kind = kind.strip().lower()
    table = _ANNOTATION_FAMILY if schema == ANNOTATION else _LEGACY_FAMILY
    return table.get(kind, kind)


def _contentwords(text: str | None) -> set[str]:
    return {word for word in words(text) if word not in _STOPWORDS}


def _date_match(gold: Any, predicted: Any) -> int | None:
    """How much finer the prediction is than the gold date (0 = same precision), or None when they disagree.

    The prediction must give at least the gold's precision and agree on every part the gold gives.
    """
    gold_parts, predicted_parts = date_parts(gold), date_parts(predicted)
    if gold_parts is None:
        return 0 if predicted_parts is None else None
    if predicted_parts is None or len(predicted_parts) < len(gold_parts):
        return None
    if predicted_parts[: len(gold_parts)] != gold_parts:
        return None
    return len(predicted_parts) - len(gold_parts)


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# ---------------------------------------------------------------------------------------------------------------
# Matching


Similarity = Callable[[Any, Any], "tuple | None"]


def _matched_pairs(gold: Sequence[Any], predicted: Sequence[Any], similarity: Similarity) -> list[tuple[int, int]]:
    """One-to-one greedy matching: best-scoring pairs first, ties in list order; each item is used once."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            strength = similarity(g, p)
            if strength is not None:
                candidates.append((strength, gi, pi))
    candidates.sort(key=lambda pair: (_negate(pair[0]), pair[1], pair[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


def _greedy(gold: Sequence[Any], predicted: Sequence[Any], similarity: Similarity) -> Counts:
    tp = len(_matched_pairs(gold, predicted, similarity))
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def _negate(strength: tuple) -> tuple:
    return tuple(-x for x in strength)


def _equal_keys(g: Any, p: Any) -> tuple | None:
    return (0,) if g == p else None


def _inspection_similarity(g: Mapping, p: Mapping, schema: str = LEGACY) -> tuple | None:
    if kind_family(g.get("kind"), schema) != kind_family(p.get("kind"), schema):
        return None
    finer = _date_match(g.get("start"), p.get("start"))
    if finer is None:
        return None
    # Prefer the most precise gold dates, then the predictions closest to the gold's precision.
    return (len(date_parts(g.get("start")) or ()), -finer)


def _judgement_similarity(g: Mapping, p: Mapping, schema: str = LEGACY) -> tuple | None:
    if (g.get("judgement") or "").strip().lower() != (p.get("judgement") or "").strip().lower():
        return None
    return _inspection_similarity(g, p, schema)


def _meeting_similarity(g: Mapping, p: Mapping) -> tuple | None:
    if normalise_label(g.get("body")) != normalise_label(p.get("body")):
        return None
    finer = _date_match(g.get("date"), p.get("date"))
    return None if finer is None else (len(date_parts(g.get("date")) or ()), -finer)


def _decision_similarity(g: Mapping, p: Mapping) -> tuple | None:
    prefix = decision_words(g.get("text"))[:DECISION_PREFIX_WORDS]
    if not prefix:
        return None
    return (len(prefix),) if decision_words(p.get("text"))[: len(prefix)] == prefix else None


def _follow_up_similarity(g: Mapping, p: Mapping) -> tuple | None:
    finer = _date_match(g.get("due"), p.get("due"))
    if finer is None:
        return None
    predicted = _contentwords(p.get("description"))
    overlap = _jaccard(_contentwords(g.get("description")), predicted)
    quote = _contentwords(g.get("quote"))
    if quote and predicted:  # described in the words of the text the gold quotes: the same commitment
        overlap = max(overlap, _jaccard(quote, predicted))
    if overlap < FOLLOW_UP_MIN_JACCARD:
        passages = p.get("evidence") or ([p["quote"]] if p.get("quote") else [])
        if not any(same_passage(g.get("quote"), passage) for passage in passages):
            return None
        overlap = FOLLOW_UP_MIN_JACCARD  # the same commitment, read from the passage the gold quotes
    return (overlap, -finer)


def same_passage(a: str | None, b: str | None, run: int = PASSAGE_RUN) -> bool:
    """Whether two quotes of one page are (parts of) one passage: they share a run of ``run`` words, or the shorter
    one, of at least four words, stands whole in the longer.

    >>> same_passage("Interviews are scheduled for September", "Interviews are scheduled for September.")
    True
    >>> same_passage("a further report to come to the September 2020 meeting", "report to come to the September")
    True
    >>> same_passage("an update in March", "the plan reviewed in March"), same_passage("in March 2024", "in March 2024")
    (False, False)
    """
    left, right = words(a), words(b)
    short, long = sorted((left, right), key=len)
    if len(short) < 4:
        return False
    n = min(run, len(short))
    grams = {tuple(long[i : i + n]) for i in range(len(long) - n + 1)}
    return any(tuple(short[i : i + n]) in grams for i in range(len(short) - n + 1))


def _entries(document: Mapping | None, key: str) -> list:
    if not document:
        return []
    value = document.get(key)
    return list(value) if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)) else []


def _mappings(document: Mapping | None, key: str) -> list[Mapping]:
    return [entry for entry in _entries(document, key) if isinstance(entry, Mapping)]


def _post_keys(document: Mapping | None, *, post_only: bool = True) -> list[tuple[str | None, str]]:
    keys: list[tuple[str | None, str]] = [
        (normalise_name(person.get("name")), normalise_post(person.get("post")))
        for person in _mappings(document, "people")
        if person.get("post")
    ]
    if post_only:
        keys += [(None, normalise_post(p)) for p in _entries(document, "posts") if isinstance(p, str) and p.strip()]
    return keys


def _internal(document: Mapping | None) -> Mapping | None:
    """A document in the internal form: an annotation-schema dict given directly (not through :func:`load_gold`)
    is normalised; everything else is read as it is, tolerating missing or null lists."""
    if not document or "schema" in document:
        return document
    if "followups" in document or isinstance(document.get("council"), str):
        return normalise_gold(document)
    return document


def _scored_grade(inspection: Mapping, schema: str) -> bool:
    """Whether an inspection's judgement is scored: any judgement in legacy gold; in annotation gold one of
    ANNOTATION.md's four grades (an earlier framework's "adequate", which the graph keeps and a few gold files give,
    is no judgement of that schema, on either side)."""
    grade = (inspection.get("judgement") or "").strip().lower()
    return bool(grade) and (schema != ANNOTATION or grade in ANNOTATION_JUDGEMENTS)


def _category_items(gold: Mapping, predicted: Mapping | None) -> dict[str, tuple[list, list, Similarity]]:
    """Per category: the gold items, the predicted items and how a pair is compared."""
    schema = schema_of(gold)
    gold_inspections, predicted_inspections = _mappings(gold, "inspections"), _mappings(predicted, "inspections")
    inspection = partial(_inspection_similarity, schema=schema)
    items: dict[str, tuple[list, list, Similarity]] = {
        "council": (
            [str(c).strip().lower() for c in _entries(gold, "council")],
            [str(c).strip().lower() for c in _entries(predicted, "council")],
            _equal_keys,
        ),
        "inspections": (gold_inspections, predicted_inspections, inspection),
        "judgements": (
            [i for i in gold_inspections if _scored_grade(i, schema)],
            [i for i in predicted_inspections if _scored_grade(i, schema)],
            partial(_judgement_similarity, schema=schema),
        ),
        "meetings": (_mappings(gold, "meetings"), _mappings(predicted, "meetings"), _meeting_similarity),
        "people": (
            [normalise_name(p.get("name")) for p in _mappings(gold, "people")],
            [normalise_name(p.get("name")) for p in _mappings(predicted, "people")],
            _equal_keys,
        ),
        "posts": (_post_keys(gold), _post_keys(predicted, post_only=schema == LEGACY), _equal_keys),
        "decisions": (_mappings(gold, "decisions"), _mappings(predicted, "decisions"), _decision_similarity),
        "follow_ups": (_mappings(gold, "follow_ups"), _mappings(predicted, "follow_ups"), _follow_up_similarity),
    }
    if schema == ANNOTATION:
        items["published"] = (
            [i for i in gold_inspections if i.get("published")],
            [i for i in predicted_inspections if i.get("published")],
            inspection,
        )
    return items


def score_document(gold: Mapping, predicted: Mapping | None) -> dict[str, Counts]:
    """Counts per category for one document (*predicted* may be None or empty: everything is then missed).

    Annotation gold also gets the :data:`EXTRA_CATEGORIES`."""
    items = _category_items(_internal(gold) or {}, _internal(predicted))
    return {category: _greedy(*entry) for category, entry in items.items()}


def mismatches(gold: Mapping, predicted: Mapping | None) -> dict[str, tuple[list, list]]:
    """Per category of one document: the gold items missed and the predicted items not in gold.

    Items are as they are compared: dicts for inspections, meetings, decisions and follow-ups; normalised names
    for people; ``(name, post)`` pairs (name None for a post named alone) for posts; slugs for the council."""
    out = {}
    for category, (gold_items, predicted_items, similarity) in _category_items(
        _internal(gold) or {}, _internal(predicted)
    ).items():
        pairs = _matched_pairs(gold_items, predicted_items, similarity)
        used_gold, used_predicted = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        out[category] = (
            [g for i, g in enumerate(gold_items) if i not in used_gold],
            [p for i, p in enumerate(predicted_items) if i not in used_predicted],
        )
    return out


def score_by_document(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> dict[str, dict[str, Counts]]:
    """Counts per category for every gold document. Predictions for documents without gold are ignored."""
    return {file: score_document(gold[file], predicted.get(file)) for file in sorted(gold)}


def score(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> dict[str, Counts]:
    """Counts per category, summed over the gold documents (micro-averaged).

    Only documents that have gold are scored; a gold document with no prediction counts every gold fact as
    missed. The :data:`EXTRA_CATEGORIES` are present when some gold document is in the annotation schema.
    """
    return summed(score_by_document(gold, predicted).values())


def summed(documents: Iterable[Mapping[str, Counts]]) -> dict[str, Counts]:
    """The counts of several documents (:func:`score_document`) added up per category."""
    totals = {category: Counts() for category in CATEGORIES}
    for counts in documents:
        for category, value in counts.items():
            totals[category] = totals.get(category, Counts()) + value
    return totals


def macro_f1(scores: Mapping[str, Counts]) -> float:
    """The unweighted mean of the F1 of the :data:`CATEGORIES` (the extra categories are not averaged)."""
    return sum(scores[category].f1 for category in CATEGORIES) / len(CATEGORIES)


def format_table(scores: Mapping[str, Counts]) -> str:
    """A plain-text table: category, P, R, F1, tp, fp, fn (one row per category, in :data:`CATEGORIES` order).

    >>> print(format_table({"people": Counts(tp=3, fp=1, fn=1)}))
    category  P      R      F1     tp  fp  fn
    people    0.750  0.750  0.750   3   1   1
    """
    order = [c for c in CATEGORIES if c in scores] + sorted(c for c in scores if c not in CATEGORIES)
    width = max([len("category"), *(len(c) for c in order)])
    numbers = [(scores[c].tp, scores[c].fp, scores[c].fn) for c in order]
    count_width = max([2, *(len(str(n)) for row in numbers for n in row)])
    header = f"{'category':<{width}}  {'P':<5}  {'R':<5}  {'F1':<5}  " + "  ".join(
        f"{name:>{count_width}}" for name in ("tp", "fp", "fn")
    )
    lines = [header.rstrip()]
    for category, (tp, fp, fn) in zip(order, numbers, strict=False):
        counts = scores[category]
        lines.append(
            f"{category:<{width}}  {counts.precision:.3f}  {counts.recall:.3f}  {counts.f1:.3f}  "
            + "  ".join(f"{n:>{count_width}}" for n in (tp, fp, fn))
        )
    return "\n".join(lines)


def format_columns(columns: Mapping[str, Mapping[str, Counts]], *, gaps: bool = True) -> str:
    """Score sets side by side: P, R, F1 and the gold count n per category, then the macro F1 (when some set has
    every category), then the extra categories; with two sets or more (and ``gaps``), a last column gives the F1 gap
    (first minus second) of the categories and the macro F1.

    >>> print(format_columns({"dev": {"people": Counts(3, 1, 1)}, "blind": {"people": Counts(1, 1, 1)}}))
              dev                         blind
    category  P      R      F1     n      P      R      F1     n      gap F1
    people    0.750  0.750  0.750  4      0.500  0.500  0.500  2       0.250
    """
    names = list(columns)
    present = {category for scores in columns.values() for category in scores}
    main = [c for c in CATEGORIES if c in present]
    extra = [c for c in EXTRA_CATEGORIES if c in present] + sorted(present - set(CATEGORIES) - set(EXTRA_CATEGORIES))
    width = max(len("category"), len("macro F1"), *(len(c) for c in present))
    block = 28  # "0.750  0.750  0.750  n     "

    def line(label: str, cells: list[str], gap: float | None) -> str:
        text = f"{label:<{width}}  " + "".join(f"{cell:<{block}}" for cell in cells)
        return (text + (f"{gap:>6.3f}" if gap is not None else "")).rstrip()

    def gap(values: list[float | None]) -> float | None:
        if not gaps or len(values) < 2 or None in values[:2]:
            return None
        return values[0] - values[1]  # type: ignore[operator]

    lines = [line("", names, None), line("category", ["P      R      F1     n"] * len(names), None)]
    if gaps and len(names) >= 2:
        lines[1] += " " * (block - len("P      R      F1     n")) + "gap F1"
    complete = any(all(c in scores for c in CATEGORIES) for scores in columns.values())
    for category in main + ["macro F1"] * complete + extra:
        if category == "macro F1":
            values = [macro_f1(s) if all(c in s for c in CATEGORIES) else None for s in columns.values()]
            cells = ["-" if v is None else f"{'':14}{v:.3f}" for v in values]
            lines.append(line(category, cells, gap(values)))
            continue
        counts = [scores.get(category) for scores in columns.values()]
        cells = ["-" if c is None else f"{c.precision:.3f}  {c.recall:.3f}  {c.f1:.3f}  {c.tp + c.fn}" for c in counts]
        f1s = [None if c is None or category not in CATEGORIES else c.f1 for c in counts]
        lines.append(line(category, cells, gap(f1s)))
    return "\n".join(lines)
