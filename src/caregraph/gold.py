"""The gold annotations: the two schemas, read, checked and normalised to one internal form.

The **annotation schema** (``ANNOTATION.md``; ``bench/gold-dev/``, ``bench/gold-blind/``) is recognised by its
``followups`` key or a ``council`` that is a string or null::

    {"file": "docs/204.txt", "url": "https://…", "council": "Leeds City Council",
     "meetings": [{"body": "Scrutiny Board", "date": "2022-06-08", "item": None}],
     "inspections": [{"kind": "ilacs", "start": "2022-01-17", "end": "2022-01-28", "judgement": "good",
                      "published": False, "quote": "…"}],
     "people": [{"name": "Sal Tariq", "post": "Director of Children's Services"}],
     "decisions": [{"text": "That the minutes … be approved as an accurate record."}],
     "followups": [{"due": "2022", "season": "spring", "what": "further update to Cabinet", "quote": "…"}]}

The **legacy schema** (``bench/gold/README.md``; ``tests/gold``, ``bench/gold``, ``bench/gold-heldout``) has a list
of council slugs, a ``posts`` list (posts named without a person), decision numbers, meeting titles, an inspection
``council`` and ``follow_ups`` with a ``description``.

The **internal form** (what :func:`load_gold` returns, and the form predictions are given in) is the legacy schema
plus ``"schema"`` (``"annotation"`` or ``"legacy"``) and an inspection flag ``"published"``: an annotation council
becomes ``[slug]`` through the gazetteer (:func:`council_slug`; ``[]`` when null), ``followups`` become
``follow_ups`` with ``what`` as the ``description`` (``season`` and ``quote`` kept), ``posts`` is empty and decision
numbers and meeting titles are null.

Checking is strict: a missing or unknown key, a kind, judgement or season outside its list, a date that is not
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` or not a real date (meetings of the annotation schema need the day), an end
before its start, a published-only event with an end, a season with a due date finer than the year, or an
annotation council the gazetteer does not know is an error naming the file. Scoring is in :mod:`caregraph.evaluate`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any

from caregraph.errors import CaregraphError
from caregraph.records import PartialDate

__all__ = [
    "ANNOTATION",
    "ANNOTATION_JUDGEMENTS",
    "ANNOTATION_KINDS",
    "JUDGEMENTS",
    "KINDS",
    "LEGACY",
    "SEASONS",
    "GoldError",
    "council_slug",
    "load_gold",
    "normalise_gold",
    "schema_of",
    "validate_gold",
]

ANNOTATION = "annotation"
LEGACY = "legacy"

#: Inspection kinds of the legacy schema (bench/gold/README.md).
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
#: Inspection kinds of the annotation schema (ANNOTATION.md).
ANNOTATION_KINDS: tuple[str, ...] = (
    "ilacs",
    "sif",
    "focused-visit",
    "monitoring-visit",
    "jtai",
    "annual-engagement",
    "commissioner-review",
    "send-area",
    "other",
)
#: The overall-effectiveness judgements of ANNOTATION.md ("outstanding | good | requires-improvement | inadequate ...;
#: else null"): the grades the judgements category scores in annotation gold (:mod:`caregraph.evaluate`).
ANNOTATION_JUDGEMENTS: tuple[str, ...] = ("outstanding", "good", "requires-improvement", "inadequate")
#: Overall-effectiveness judgements a gold file may use (or null); ``adequate`` is the earlier frameworks' grade, which
#: a few annotation gold files give though ANNOTATION.md has no place for it (it is scored as no judgement there).
JUDGEMENTS: tuple[str, ...] = (*ANNOTATION_JUDGEMENTS, "adequate")
#: Seasons of an annotation follow-up (or null).
SEASONS: tuple[str, ...] = ("spring", "summer", "autumn", "winter")

_HONORIFICS = frozenset({"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr"})
_DATE_SHAPE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # the shape; PartialDate.parse checks the calendar
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ENUMERATOR_RE = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z]\)|\(?[ivx]+\))\s+", re.IGNORECASE)
_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`")


class GoldError(CaregraphError):
    """A gold file is unreadable or does not follow its gold schema (names the file and the problem)."""


# ---------------------------------------------------------------------------------------------------------------
# Loading, checking and normalising


def load_gold(folder: str | Path) -> dict[str, dict]:
    """Read every ``*.json`` gold file in *folder* (either schema), check it, and return it in the internal form,
    keyed by its ``file`` value.

    Raises :class:`GoldError` naming the file for unreadable JSON, a schema problem, or two files annotating the
    same document.
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
        gold[key] = normalise_gold(document)
        where[key] = path
    return gold


def schema_of(document: Mapping) -> str:
    """``"annotation"`` for a document with a ``followups`` key or a string/null council, else ``"legacy"``."""
    if document.get("schema") in (ANNOTATION, LEGACY):
        return str(document["schema"])
    if "followups" in document or ("council" in document and not isinstance(document["council"], list)):
        return ANNOTATION
    return LEGACY


def council_slug(name: str) -> str | None:
    """The gazetteer slug of a council's official name ("Milton Keynes City Council" → ``milton-keynes``).

    :meth:`caregraph.gazetteer.Gazetteer.resolve`, which also tries a name without its trailing "(City|County|Borough|…)
    Council" and a leading "London Borough of", so an official name the register lacks still finds its council.

    >>> council_slug("Milton Keynes City Council"), council_slug("London Borough of Enfield"), council_slug("Atlantis")
    ('milton-keynes', 'enfield', None)
    """
    from caregraph.gazetteer import gazetteer

    return gazetteer().resolve(name)


Check = Callable[[Any], "str | None"]  # the problem with a value (phrased to follow it), or None


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be non-empty text"


def _optional_text(value: Any) -> str | None:
    return None if value is None or _text(value) is None else "must be non-empty text or null"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _date(value: Any, *, day: bool = False, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    form = ("YYYY-MM-DD" if day else "YYYY, YYYY-MM or YYYY-MM-DD") + (" or null" if optional else "")
    if not isinstance(value, str) or value != value.strip() or not _DATE_SHAPE.fullmatch(value):
        return f"is not {form}"
    try:
        parsed = PartialDate.parse(value)
    except ValueError:
        return "is not a real date"
    return f"is not {form}" if day and parsed.day is None else None


def _one_of(choices: Sequence[str], *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if (value is None and optional) or value in choices:
            return None
        return f"is not {'null or ' if optional else ''}one of {', '.join(choices)}"

    return check


def _name(value: Any) -> str | None:
    return None if isinstance(value, str) and normalise_name(value) else "must be the name, without honorific"


def _decision_text(value: Any) -> str | None:
    return None if isinstance(value, str) and decision_words(value) else "must hold the decision's opening words"


def _slug(value: Any) -> str | None:
    ok = isinstance(value, str) and _SLUG_RE.match(value)
    return None if ok else "is not a lower-case hyphenated slug such as 'west-berkshire'"


_DATE, _OPTIONAL_DATE = _date, partial(_date, optional=True)
_FIELDS: dict[str, dict[str, dict[str, Check]]] = {
    ANNOTATION: {
        "meetings": {"body": _text, "date": partial(_date, day=True), "item": _optional_text},
        "inspections": {
            "kind": _one_of(ANNOTATION_KINDS),
            "start": _DATE,
            "end": _OPTIONAL_DATE,
            "judgement": _one_of(JUDGEMENTS, optional=True),
            "published": _flag,
            "quote": _text,
        },
        "people": {"name": _name, "post": _optional_text},
        "decisions": {"text": _decision_text},
        "followups": {"due": _DATE, "season": _one_of(SEASONS, optional=True), "what": _text, "quote": _text},
    },
    LEGACY: {
        "inspections": {
            "kind": _one_of(KINDS),
            "start": _DATE,
            "end": _OPTIONAL_DATE,
            "judgement": _one_of(JUDGEMENTS, optional=True),
            "council": _slug,
            "quote": _text,
        },
        "meetings": {"body": _text, "date": _DATE, "item": _optional_text, "title": _optional_text},
        "people": {"name": _name, "post": _optional_text},
        "decisions": {"number": _optional_text, "text": _decision_text},
        "follow_ups": {"due": _DATE, "description": _text},
    },
}
_TOP_KEYS = {
    ANNOTATION: ("file", "url", "council", "meetings", "inspections", "people", "decisions", "followups"),
    LEGACY: ("file", "url", "council", "inspections", "meetings", "people", "posts", "decisions", "follow_ups"),
}


def validate_gold(document: Any) -> list[str]:
    """Return the schema problems of one gold document of either schema (an empty list when it is well-formed)."""
    if not isinstance(document, dict):
        return ["the file must hold one JSON object"]
    schema = schema_of(document)
    required = _TOP_KEYS[schema]
    problems = [f"missing key {key!r}" for key in required if key not in document]
    unknown = sorted(set(document) - set(required))
    if unknown:
        problems.append(f"unknown keys {unknown}; valid keys ({schema} schema) are {list(required)}")
    if problems:
        return problems
    if _text(document["file"]):
        problems.append("'file' must be the document's path as in the manifest")
    if _optional_text(document["url"]):
        problems.append("'url' must be a string or null")
    council = document["council"]
    if schema == ANNOTATION:
        if council is not None and (_text(council) or council_slug(council) is None):
            problems.append(f"council {council!r} is not a council the gazetteer knows (write its official name)")
    elif not isinstance(council, list):
        problems.append("'council' must be a list of slugs")
    else:
        problems += [f"council {slug!r} {_slug(slug)}" for slug in council if _slug(slug)]
    if schema == LEGACY:
        if not isinstance(document["posts"], list):
            problems.append("'posts' must be a list")
        else:
            problems += [f"posts[{i}] must be a post title" for i, p in enumerate(document["posts"]) if _text(p)]
    for key, fields in _FIELDS[schema].items():
        if not isinstance(document[key], list):
            problems.append(f"{key!r} must be a list")
            continue
        for i, entry in enumerate(document[key]):
            problems += _entry_problems(entry, fields, f"{key}[{i}]")
    return problems


def _entry_problems(entry: Any, fields: Mapping[str, Check], here: str) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{here} must be an object with keys {sorted(fields)}"]
    if set(entry) != set(fields):
        return [f"{here} has keys {sorted(entry)}; expected exactly {sorted(fields)}"]
    problems = [
        f"{here}: {key} {entry[key]!r} {problem}" for key, check in fields.items() if (problem := check(entry[key]))
    ]
    if problems:
        return problems
    if "start" in entry and entry["end"] is not None:
        start, end = date_parts(entry["start"]) or (), date_parts(entry["end"]) or ()
        common = min(len(start), len(end))
        if end[:common] < start[:common]:
            problems.append(f"{here}: end {entry['end']!r} is before start {entry['start']!r}")
    if entry.get("published") is True and entry["end"] is not None:
        problems.append(f"{here}: a published-only event has its publication date as start and no end")
    if entry.get("season") is not None and len(entry["due"]) != 4:
        problems.append(f"{here}: due {entry['due']!r} must be the year alone when a season is given")
    return problems


def normalise_gold(document: Mapping) -> dict:
    """A checked gold document (either schema) in the internal form described in the module docstring."""
    if schema_of(document) == LEGACY:
        out = {key: document.get(key, None if key in ("file", "url") else []) for key in _TOP_KEYS[LEGACY]}
        out["inspections"] = [{**i, "published": bool(i.get("published"))} for i in out["inspections"]]
        return {"schema": LEGACY, **out}
    council = document.get("council")
    return {
        "schema": ANNOTATION,
        "file": document["file"],
        "url": document.get("url"),
        "council": [council_slug(council) or council] if council else [],
        "inspections": [
            {key: i.get(key) for key in ("kind", "start", "end", "judgement", "published", "quote")}
            for i in document.get("inspections", [])
        ],
        "meetings": [{**m, "title": None} for m in document.get("meetings", [])],
        "people": [dict(p) for p in document.get("people", [])],
        "posts": [],
        "decisions": [{"number": None, "text": d["text"]} for d in document.get("decisions", [])],
        "follow_ups": [
            {"due": f["due"], "season": f.get("season"), "description": f["what"], "quote": f.get("quote")}
            for f in document.get("followups", [])
        ],
    }


# ---------------------------------------------------------------------------------------------------------------
# Text and dates, as gold and predictions are compared


def words(text: str | None) -> list[str]:
    """Lower-case words with apostrophes dropped and every other punctuation mark treated as a space."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    text = text.replace("&", " and ")
    return re.sub(r"[^\w]+", " ", text).split()


def normalise_label(text: str | None) -> str:
    """Body names and post titles: words joined by single spaces, a leading "the" dropped."""
    found = words(text)
    if found and found[0] == "the":
        found = found[1:]
    return " ".join(found)


#: What papers write after a council's name ("Lancashire County Council", "Lambeth LBC"), and alone ("the council").
_COUNCIL_SUFFIXES = (
    ("council",),
    ("county", "council"),
    ("city", "council"),
    ("borough", "council"),
    ("cc",),
    ("lbc",),
)
#: Words that tie a post to the body it is held at: "Director of Children's Services at Reading Council".
_AT_BODY = frozenset({"at", "for", "of", "in"})


@cache
def _council_phrases() -> frozenset[tuple[str, ...]]:
    """Every council name and alias the gazetteer knows, as words, alone and with the suffixes papers write."""
    from caregraph.gazetteer import gazetteer

    phrases = {tuple(words(name)) for name in gazetteer().by_name}
    phrases |= {phrase + suffix for phrase in phrases for suffix in _COUNCIL_SUFFIXES}
    return frozenset(phrases | set(_COUNCIL_SUFFIXES) - {()})


def normalise_post(text: str | None) -> str:
    """A post's title as :func:`normalise_label` gives it, less the council it is held at, which is a fact of its
    own: a council's name in the possessive at its start ("Torbay's Director of …", "the County Council's
    Executive Director for People"), a council's name just before it ("Council Chief Executive"), or at its end
    after "at", "for", "of" or "in" ("Lead Member for Children's Services for Shropshire Council", "Leader of the
    Council"), or after a comma ("Director of Children's Social Care, Anyshire County Council"). Annotators write
    the council into a title or leave it out; its title is the same post.

    >>> normalise_post("Peterborough City Council's Cabinet Member for Children's Services")
    'cabinet member for childrens services'
    >>> normalise_post("Chief Executive at Lambeth LBC"), normalise_post("Leader of the Council")
    ('chief executive', 'leader')
    >>> normalise_post("Director of Children's Services")
    'director of childrens services'
    >>> normalise_post("Director of Children's Social Care, Lancashire County Council")
    'director of childrens social care'
    """
    phrases = _council_phrases()
    if text and "," in text:  # "…, Lancashire County Council": the council the post is held at, set off by a comma
        title, _, last = text.rpartition(",")
        if tuple(normalise_label(last).split()) in phrases:
            text = title
    found = normalise_label(text).split()
    for n in range(min(len(found) - 1, 8), 0, -1):
        head = tuple(found[:n])
        possessive = head[-1].endswith("s") and (*head[:-1], head[-1][:-1]) in phrases
        if possessive or head in phrases:
            found = found[n:]
            break
    for n in range(min(len(found) - 1, 10), 0, -1):
        tail = found[-n:]
        if tail[0] not in _AT_BODY:
            continue
        body = tail[2:] if len(tail) > 2 and tail[1] == "the" else tail[1:]
        if tuple(body) in phrases:
            found = found[:-n]
            break
    return " ".join(found)


def normalise_name(name: str | None) -> str:
    """A person's name as words, leading honorifics (Cllr, Councillor, Mr, Mrs, Ms, Miss, Dr) dropped."""
    found = words(name)
    while found and found[0] in _HONORIFICS:
        found = found[1:]
    return " ".join(found)


def decision_words(text: str | None) -> list[str]:
    """A decision's words, leading list numbers ("1.", "2.1", "(a)", "(iv)") and "RESOLVED" dropped."""
    text = text or ""
    while True:
        stripped = _ENUMERATOR_RE.sub("", text, count=1)
        stripped = re.sub(r"^\s*resolved\b[\s:;,.\u2013\u2014-]*", "", stripped, count=1, flags=re.IGNORECASE)
        if stripped == text:
            break
        text = stripped
    return words(text)


def date_parts(value: Any) -> tuple[str, ...] | None:
    """``"2019-10-07"`` → ``("2019", "10", "07")``; a year or a month gives fewer parts; None when not a date."""
    if not isinstance(value, str):
        return None
    match = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not match:
        return None
    return tuple(f"{int(part):02d}" if i else part for i, part in enumerate(match.groups()) if part is not None)
