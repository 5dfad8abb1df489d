"""Score extracted facts against hand-written gold annotations.

Gold and predictions share one schema: a dict per document, keyed by the document's ``file`` value (see
``bench/gold/README.md`` for the annotation guidelines)::

    {"file": "docs/024.txt", "url": "https://…", "council": ["leeds"],
     "inspections": [{"kind": "ilacs", "start": "2019-10", "end": None, "judgement": "requires-improvement",
                      "council": "durham", "quote": "…"}],
     "meetings": [{"body": "Cabinet", "date": "2019-07-16", "item": "126", "title": "…"}],
     "people": [{"name": "Dave Hill", "post": "Executive Director of Children, Families and Learning"}],
     "posts": ["Cabinet Member for Children and Families"],
     "decisions": [{"number": "1", "text": "That Cabinet reviews the findings from …"}],
     "follow_ups": [{"due": "2019-12", "description": "Cabinet to review progress on …"}]}

Everything here is pure: :func:`load_gold` reads the gold folder, the rest only computes.

How each category matches (always one-to-one within a document, greedily, so a duplicated prediction is a
false positive):

``council``
    the slug, lower-cased.
``inspections``
    kind family (every ILACS kind is ``ilacs``) and start date at the *gold's* precision: a predicted
    ``2019-10-07`` matches gold ``2019-10``; a predicted ``2019`` does not match gold ``2019-10``.
``judgements``
    the inspection key plus the judgement; only entries whose judgement is not null take part.
``meetings``
    normalised body name (case, punctuation, ``&``/``and``, a leading "the" folded) and the date at the
    gold's precision. Item numbers and titles are not scored.
``people``
    normalised name: lower-case, leading honorifics (Cllr, Councillor, Mr, Mrs, Ms, Miss, Dr) dropped,
    punctuation folded ("C. Ring" = "C Ring", "Elliott-King" = "Elliott King").
``posts``
    ``(name, post)`` for every person with a post, plus ``(None, post)`` for each post named without a person;
    posts are normalised like body names.
``decisions``
    the first eight normalised words of the gold text (leading list numbers such as ``1.``, ``2.1``, ``(a)``
    and a leading "resolved" dropped); a prediction matches when its normalised text starts with them.
    Decision numbers are not scored.
``follow_ups``
    ``due`` equal at the gold's precision and a Jaccard overlap of at least :data:`FOLLOW_UP_MIN_JACCARD`
    between the descriptions' content words (normalised words less a short list of function words).

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

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caregraph.errors import CaregraphError

__all__ = [
    "CATEGORIES",
    "FOLLOW_UP_MIN_JACCARD",
    "JUDGEMENTS",
    "KINDS",
    "Counts",
    "GoldError",
    "format_table",
    "kind_family",
    "load_gold",
    "score",
    "score_by_document",
    "score_document",
    "validate_gold",
]

#: The scored categories, in report order.
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

#: Inspection kinds a gold file may use.
KINDS: tuple[str, ...] = (
    "ilacs",
    "ilacs-standard",
    "ilacs-short",
    "focused-visit",
    "monitoring-visit",
    "jtai",
    "annual-engagement-meeting",
    "sif",
    "sif-reinspection",
    "earlier-framework",
    "commissioner-review",
    "send-area",
    "lscb-review",
    "other",
)

#: Overall-effectiveness judgements a gold file may use (or null).
JUDGEMENTS: tuple[str, ...] = ("outstanding", "good", "requires-improvement", "inadequate", "adequate")

#: Minimum Jaccard overlap of content words for two follow-up descriptions to match.
FOLLOW_UP_MIN_JACCARD = 0.3

#: How many leading normalised words of a gold decision a prediction must start with.
DECISION_PREFIX_WORDS = 8

_ILACS_FAMILY = frozenset({"ilacs", "ilacs-standard", "ilacs-short"})
_HONORIFICS = frozenset({"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr"})
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "so",
        "than",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
        "would",
    ]
)
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ENUMERATOR_RE = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|\(?[ivx]+\))\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`")


class GoldError(CaregraphError):
    """A gold file is unreadable or does not follow the gold schema (names the file and the problem)."""


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
# Loading and checking gold


def load_gold(folder: str | Path) -> dict[str, dict]:
    """Read every ``*.json`` gold file in *folder*, check it, and key it by its ``file`` value.

    Raises :class:`GoldError` for unreadable JSON, a schema problem, or two files annotating the same document.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold files; pass the folder holding the *.json annotations")
    gold: dict[str, dict] = {}
    where: dict[str, Path] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}") from error
        except (OSError, UnicodeDecodeError) as error:
            raise GoldError(f"{path}: cannot be read: {error}") from error
        problems = validate_gold(document)
        if problems:
            raise GoldError(f"{path}: " + "; ".join(problems))
        key = document["file"]
        if key in gold:
            raise GoldError(f"{path}: annotates {key!r}, which {where[key]} already annotates; keep one of them")
        gold[key] = document
        where[key] = path
    return gold


def validate_gold(document: Any) -> list[str]:
    """Return the schema problems of one gold document (an empty list when it is well-formed)."""
    if not isinstance(document, dict):
        return ["the file must hold one JSON object"]
    problems: list[str] = []
    required = ("file", "url", "council", "inspections", "meetings", "people", "posts", "decisions", "follow_ups")
    for key in required:
        if key not in document:
            problems.append(f"missing key {key!r}")
    unknown = sorted(set(document) - set(required))
    if unknown:
        problems.append(f"unknown keys {unknown}; valid keys are {list(required)}")
    if problems:
        return problems

    if not isinstance(document["file"], str) or not document["file"]:
        problems.append("'file' must be the document's path as in the manifest")
    if document["url"] is not None and not isinstance(document["url"], str):
        problems.append("'url' must be a string or null")
    for key in required[2:]:
        if not isinstance(document[key], list):
            problems.append(f"{key!r} must be a list")
    if problems:
        return problems

    for slug in document["council"]:
        if not isinstance(slug, str) or not _SLUG_RE.match(slug):
            problems.append(f"council {slug!r} is not a lower-case hyphenated slug such as 'west-berkshire'")
    for i, inspection in enumerate(document["inspections"]):
        here = f"inspections[{i}]"
        if not _fields_ok(inspection, {"kind", "start", "end", "judgement", "council", "quote"}, here, problems):
            continue
        if inspection["kind"] not in KINDS:
            problems.append(f"{here}: kind {inspection['kind']!r} is not one of {', '.join(KINDS)}")
        if not _is_date(inspection["start"]):
            problems.append(f"{here}: start {inspection['start']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if inspection["end"] is not None and not _is_date(inspection["end"]):
            problems.append(f"{here}: end {inspection['end']!r} is not null, YYYY, YYYY-MM or YYYY-MM-DD")
        if inspection["judgement"] is not None and inspection["judgement"] not in JUDGEMENTS:
            problems.append(
                f"{here}: judgement {inspection['judgement']!r} is not null or one of {', '.join(JUDGEMENTS)}"
            )
        if not isinstance(inspection["council"], str) or not _SLUG_RE.match(inspection["council"]):
            problems.append(f"{here}: council {inspection['council']!r} is not a slug")
        if not isinstance(inspection["quote"], str) or not inspection["quote"].strip():
            problems.append(f"{here}: quote must be a short anchor quote from the text")
    for i, meeting in enumerate(document["meetings"]):
        here = f"meetings[{i}]"
        if not _fields_ok(meeting, {"body", "date", "item", "title"}, here, problems):
            continue
        if not isinstance(meeting["body"], str) or not meeting["body"].strip():
            problems.append(f"{here}: body must be the body's name as written")
        if not _is_date(meeting["date"]):
            problems.append(f"{here}: date {meeting['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        for key in ("item", "title"):
            if meeting[key] is not None and not isinstance(meeting[key], str):
                problems.append(f"{here}: {key} must be a string or null")
    for i, person in enumerate(document["people"]):
        here = f"people[{i}]"
        if not _fields_ok(person, {"name", "post"}, here, problems):
            continue
        if not isinstance(person["name"], str) or not _normalise_name(person["name"]):
            problems.append(f"{here}: name must be the name as written, without honorific")
        if person["post"] is not None and (not isinstance(person["post"], str) or not person["post"].strip()):
            problems.append(f"{here}: post must be a string or null")
    for i, post in enumerate(document["posts"]):
        if not isinstance(post, str) or not post.strip():
            problems.append(f"posts[{i}] must be a post title")
    for i, decision in enumerate(document["decisions"]):
        here = f"decisions[{i}]"
        if not _fields_ok(decision, {"number", "text"}, here, problems):
            continue
        if decision["number"] is not None and not isinstance(decision["number"], str):
            problems.append(f"{here}: number must be a string or null")
        if not isinstance(decision["text"], str) or not _decision_words(decision["text"]):
            problems.append(f"{here}: text must hold the decision's opening words")
    for i, follow_up in enumerate(document["follow_ups"]):
        here = f"follow_ups[{i}]"
        if not _fields_ok(follow_up, {"due", "description"}, here, problems):
            continue
        if not _is_date(follow_up["due"]):
            problems.append(f"{here}: due {follow_up['due']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if not isinstance(follow_up["description"], str) or not follow_up["description"].strip():
            problems.append(f"{here}: description must say what is due")
    return problems


def _fields_ok(entry: Any, fields: set[str], here: str, problems: list[str]) -> bool:
    if not isinstance(entry, dict):
        problems.append(f"{here} must be an object with keys {sorted(fields)}")
        return False
    if set(entry) != fields:
        problems.append(f"{here} has keys {sorted(entry)}; expected exactly {sorted(fields)}")
        return False
    return True


def _is_date(value: Any) -> bool:
    return isinstance(value, str) and bool(_DATE_RE.match(value))


# ---------------------------------------------------------------------------------------------------------------
# Normalisation


def kind_family(kind: str | None) -> str | None:
    """The kind's family: every ILACS kind is ``ilacs``; other kinds are their own family."""
    if kind is None:
        return None
    kind = kind.strip().lower()
    return "ilacs" if kind in _ILACS_FAMILY else kind


def _words(text: str | None) -> list[str]:
    """Lower-case words with apostrophes dropped and every other punctuation mark treated as a space."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    text = text.replace("&", " and ")
    return re.sub(r"[^\w]+", " ", text).split()


def _normalise_label(text: str | None) -> str:
    """Body names and post titles: words joined by single spaces, a leading "the" dropped."""
    words = _words(text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _normalise_name(name: str | None) -> str:
    words = _words(name)
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _decision_words(text: str | None) -> list[str]:
    text = text or ""
    while True:
        stripped = _ENUMERATOR_RE.sub("", text, count=1)
        stripped = re.sub(r"^\s*resolved\b[\s:;,.\u2013\u2014-]*", "", stripped, count=1, flags=re.IGNORECASE)
        if stripped == text:
            break
        text = stripped
    return _words(text)


def _content_words(text: str | None) -> set[str]:
    return {word for word in _words(text) if word not in _STOPWORDS}


def _date_parts(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, str):
        return None
    match = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not match:
        return None
    return tuple(f"{int(part):02d}" if i else part for i, part in enumerate(match.groups()) if part is not None)


def _date_match(gold: Any, predicted: Any) -> int | None:
    """How much finer the prediction is than the gold date (0 = same precision), or None when they disagree.

    The prediction must give at least the gold's precision and agree on every part the gold gives.
    """
    gold_parts, predicted_parts = _date_parts(gold), _date_parts(predicted)
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


def _greedy(gold: Sequence[Any], predicted: Sequence[Any], similarity: Similarity) -> Counts:
    """One-to-one greedy matching: best-scoring pairs first, ties in list order; each item is used once."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            strength = similarity(g, p)
            if strength is not None:
                pairs.append((strength, gi, pi))
    pairs.sort(key=lambda pair: (_negate(pair[0]), pair[1], pair[2]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
    tp = len(used_gold)
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def _negate(strength: tuple) -> tuple:
    return tuple(-x for x in strength)


def _equal_keys(g: Any, p: Any) -> tuple | None:
    return (0,) if g == p else None


def _inspection_similarity(g: Mapping, p: Mapping) -> tuple | None:
    if kind_family(g.get("kind")) != kind_family(p.get("kind")):
        return None
    finer = _date_match(g.get("start"), p.get("start"))
    if finer is None:
        return None
    # Prefer the most precise gold dates, then the predictions closest to the gold's precision.
    return (len(_date_parts(g.get("start")) or ()), -finer)


def _judgement_similarity(g: Mapping, p: Mapping) -> tuple | None:
    if (g.get("judgement") or "").strip().lower() != (p.get("judgement") or "").strip().lower():
        return None
    return _inspection_similarity(g, p)


def _meeting_similarity(g: Mapping, p: Mapping) -> tuple | None:
    if _normalise_label(g.get("body")) != _normalise_label(p.get("body")):
        return None
    finer = _date_match(g.get("date"), p.get("date"))
    return None if finer is None else (len(_date_parts(g.get("date")) or ()), -finer)


def _decision_similarity(g: Mapping, p: Mapping) -> tuple | None:
    prefix = _decision_words(g.get("text"))[:DECISION_PREFIX_WORDS]
    if not prefix:
        return None
    return (len(prefix),) if _decision_words(p.get("text"))[: len(prefix)] == prefix else None


def _follow_up_similarity(g: Mapping, p: Mapping) -> tuple | None:
    finer = _date_match(g.get("due"), p.get("due"))
    if finer is None:
        return None
    overlap = _jaccard(_content_words(g.get("description")), _content_words(p.get("description")))
    if overlap < FOLLOW_UP_MIN_JACCARD:
        return None
    return (overlap, -finer)


def _entries(document: Mapping | None, key: str) -> list:
    if not document:
        return []
    value = document.get(key)
    return list(value) if isinstance(value, Iterable) and not isinstance(value, (str, bytes, Mapping)) else []


def _post_keys(document: Mapping | None) -> list[tuple[str | None, str]]:
    keys: list[tuple[str | None, str]] = []
    for person in _entries(document, "people"):
        if isinstance(person, Mapping) and person.get("post"):
            keys.append((_normalise_name(person.get("name")), _normalise_label(person.get("post"))))
    for post in _entries(document, "posts"):
        if isinstance(post, str) and post.strip():
            keys.append((None, _normalise_label(post)))
    return keys


def score_document(gold: Mapping, predicted: Mapping | None) -> dict[str, Counts]:
    """Counts per category for one document (*predicted* may be None or empty: everything is then missed)."""
    predicted = predicted or {}
    gold_inspections = [i for i in _entries(gold, "inspections") if isinstance(i, Mapping)]
    predicted_inspections = [i for i in _entries(predicted, "inspections") if isinstance(i, Mapping)]
    return {
        "council": _greedy(
            [str(c).strip().lower() for c in _entries(gold, "council")],
            [str(c).strip().lower() for c in _entries(predicted, "council")],
            _equal_keys,
        ),
        "inspections": _greedy(gold_inspections, predicted_inspections, _inspection_similarity),
        "judgements": _greedy(
            [i for i in gold_inspections if i.get("judgement")],
            [i for i in predicted_inspections if i.get("judgement")],
            _judgement_similarity,
        ),
        "meetings": _greedy(
            [m for m in _entries(gold, "meetings") if isinstance(m, Mapping)],
            [m for m in _entries(predicted, "meetings") if isinstance(m, Mapping)],
            _meeting_similarity,
        ),
        "people": _greedy(
            [_normalise_name(p.get("name")) for p in _entries(gold, "people") if isinstance(p, Mapping)],
            [_normalise_name(p.get("name")) for p in _entries(predicted, "people") if isinstance(p, Mapping)],
            _equal_keys,
        ),
        "posts": _greedy(_post_keys(gold), _post_keys(predicted), _equal_keys),
        "decisions": _greedy(
            [d for d in _entries(gold, "decisions") if isinstance(d, Mapping)],
            [d for d in _entries(predicted, "decisions") if isinstance(d, Mapping)],
            _decision_similarity,
        ),
        "follow_ups": _greedy(
            [f for f in _entries(gold, "follow_ups") if isinstance(f, Mapping)],
            [f for f in _entries(predicted, "follow_ups") if isinstance(f, Mapping)],
            _follow_up_similarity,
        ),
    }


def score_by_document(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> dict[str, dict[str, Counts]]:
    """Counts per category for every gold document. Predictions for documents without gold are ignored."""
    return {file: score_document(gold[file], predicted.get(file)) for file in sorted(gold)}


def score(gold: Mapping[str, Mapping], predicted: Mapping[str, Mapping]) -> dict[str, Counts]:
    """Counts per category, summed over the gold documents (micro-averaged).

    Only documents that have gold are scored; a gold document with no prediction counts every gold fact as
    missed.
    """
    totals = {category: Counts() for category in CATEGORIES}
    for counts in score_by_document(gold, predicted).values():
        for category in CATEGORIES:
            totals[category] = totals[category] + counts[category]
    return totals


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
