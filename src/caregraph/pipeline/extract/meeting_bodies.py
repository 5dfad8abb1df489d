"""What names a body that meets: reading a body's name as written, in a header line or in running text.

:func:`body_name` gives a body's name as written, or None when the words are no name ("the Panel", "Ofsted's Board",
"last meeting", a council as the organisation, an outside organisation's body); :func:`names_a_body` tells a header
line that is a body's name from a sentence or the page's boilerplate; :func:`named_body` finds a name in running text;
:func:`bare_head` tells which body a head word alone ("the Board") stands for; :func:`joint_names` reads the bodies of
a joint meeting; :func:`is_council` and :func:`after_comma` are the small tests they share. Rules:
``rules/meetings.toml`` (:mod:`.meeting_rules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.doc import WIDE_SCAN_LIMIT, Doc, clean, per_doc
from caregraph.pipeline.extract.meeting_rules import MONTH_OR_WEEKDAY_NAME, lower_name, rules
from caregraph.pipeline.extract.patterns import needed_words

_BOILERPLATE = re.compile(
    r"(?i)^(?:agenda|minutes|agenda\s+and\s+(?:draft\s+)?minutes|draft\s+minutes|meeting\s+details|issue\s*[-–—].*|agenda\s+item)$"
)

CONNECTORS = frozenset({"and", "of", "for", "the", "in", "on", "to", "&", "with", "at", "-", "–", "—"})


def names_a_body(line: str) -> bool:
    """Whether a header line's ``line`` is a body's name: capitalised words (and connectors) that hold a head word
    ("Cabinet Member for Children, Families and Education"), not a sentence or a page's boilerplate."""
    if len(line) > 150 or _BOILERPLATE.match(line) or not rules().head.search(line):
        return False
    words = [w.strip(",;:()'’\"") for w in line.split()]
    return all(not w or w[0].isupper() or w[0].isdigit() or w.lower() in CONNECTORS for w in words)


def is_council(name: str) -> bool:
    """Whether ``name`` names a council (the organisation, not its full meeting): "Anyshire County Council"."""
    return name.split()[-1].lower() == "council" and name not in rules().single_word_bodies


def body_name(raw: str) -> str | None:
    """A body's name as written, or None when it is not a name ("the Panel", "Ofsted's Board", "last meeting")."""
    r = rules()
    # two names run together by a preposition ("Corporate Parenting Board and to the Cabinet"): the last is the one
    # that the words after it speak of
    cuts = list(_second_name().finditer(raw))
    if cuts:
        raw = raw[cuts[-1].end() :]
    tokens = clean(raw).split()
    while tokens and (
        tokens[0].lower() in r.not_body_words or tokens[0].isdigit() or _MONTH_OR_DAY.fullmatch(tokens[0])
    ):
        tokens = tokens[1:]  # (a minute's number too, "Minute 45 of Cabinet"; a date's month, "12 March and the Board")
    # the council that owns it: "the Council's Corporate Parenting Committee", "Anyshire County Council's Cabinet"
    owner = next((i for i, t in enumerate(tokens[:5]) if _OWNER.fullmatch(t)), None)
    if owner is not None and all(t[:1].isupper() for t in tokens[:owner]):
        tokens = tokens[owner + 1 :]
    if not tokens:
        return None
    name = " ".join(tokens)
    if len(tokens) == 1 and name not in r.single_word_bodies:
        return None
    if any(t.lower().strip(",;:") in r.not_body_tokens for t in tokens):
        return None
    if is_council(name) and gazetteer().resolve(name) is not None:
        return None  # "Surrey County Council" as a council, not a meeting body
    if tokens[0] in r.outside_first_words or r.outside_names.search(name):
        return None  # "NHS Anyshire Integrated Care Board", "Local Government Association's … Board": not a council's
    return name


#: The council that owns a body, in the possessive before its name: no part of the name ("the Council's Cabinet",
#: "Anyshire County Council's Children's Scrutiny Committee", "the Authority's Corporate Parenting Board").
_OWNER = re.compile(r"(?i)(?:council|authority)['’]s")

#: A month's or a weekday's name, as a word of a name: a date's, no part of a body's name.
_MONTH_OR_DAY = re.compile(rf"{MONTH_OR_WEEKDAY_NAME},?")


@cache
def _second_name() -> re.Pattern[str]:
    """Where a second name starts after a first one's head word and a preposition: "… Board and to the Cabinet", "…
    Panel then to Cabinet"; or a name starts after a paper's noun: "Report to Cabinet"."""
    return re.compile(
        rf"\b{rules().body_heads}(?![\w-])\s+(?:(?:and|&)\s+)?(?:then\s+)?(?:to|by|at|from|with|before)\s+"
        # … or a paper for a body's meeting before its name: "Report to Cabinet, 12 March 2024"
        r"|^(?i:(?:reports?|papers?)\s+(?:to|for)\s+)"
    )


def joint_names(raw: str) -> list[str]:
    """The bodies of a joint meeting, each ending in a head word ("the Health Scrutiny Committee and the Children's
    Scrutiny Committee", "Cabinet and Corporate Parenting Panel"), or the one name."""
    m = _joint_pattern().fullmatch(clean(raw))
    return [m.group("a"), m.group("b")] if m else [raw]


@cache
def _joint_pattern() -> re.Pattern[str]:
    heads = rules().body_heads
    return re.compile(rf"(?P<a>.*?\b{heads})\s+(?:and|&)\s+(?:of\s+)?(?:the\s+)?(?P<b>[A-Z].*?\b{heads})")


def after_comma(raw: str) -> str:
    """A name with commas as written when they list its subjects ("Children, Schools and Families Committee"),
    else what follows the last comma ("On Tuesday, Cabinet" → "Cabinet")."""
    _, comma, tail = raw.rpartition(",")
    return raw if not comma or re.search(r"\s(?:and|&)\s", tail) else tail.strip()


#: A head word that names a post, not a body: "the Executive Member for Children", "Cabinet Member".
_NOT_A_POST = r"(?![ \t]+(?i:member)\b)"
#: The two bodies every council has, as news writes them: in lower case with no article ("the plan goes before
#: cabinet on 7 March 2024", "Full council debated it on …"), at a clause's start or after "the", a preposition or
#: "told" (not "a filing cabinet", "the government's cabinet", a shadow cabinet), not a member, nor "cabinet meeting"
#: (read with its noun).
BARE_LOWER = (
    r"(?:^|(?<=[\n.;:(])|(?<=[.;:(][ \t])|"
    + "|".join(
        rf"(?<=\b[{w[0]}{w[0].upper()}]{w[1:]}[ \t])"
        for w in ("the", "to", "by", "before", "at", "from", "with", "and", "told", "of", "for", "in")
    )
    + r")(?-i:[Ff]ull[ \t]+council|cabinet)(?![\w-])(?![ \t]+(?i:members?|meetings?)\b)"
)


@cache
def named_body() -> re.Pattern[str]:
    """A body's name in running text: capitalised words ending in a head word, or a council's body in lower case
    ("the council's executive", "the county council's children's services scrutiny committee": words that name a
    body's subject, :func:`.meeting_rules.lower_name`)."""
    heads = rules().body_heads
    return re.compile(
        rf"(?:[A-Z][\w’'&-]*(?:,(?=[ \t]+[A-Z]))?[ \t]+(?:(?:and|&|of|for|the|in|on|to)[ \t]+)*){{0,9}}{heads}(?![\w-]){_NOT_A_POST}"
        rf"|(?<=[Cc]ouncil['’]s )(?:{lower_name()}|(?i:{heads}))(?![\w-]){_NOT_A_POST}"
        rf"|(?<=\bthe )(?-i:{lower_name()})(?![\w-]){_NOT_A_POST}"
        rf"|{BARE_LOWER}"
    )


def _own_head(own: str) -> str:
    """The head word of the page's own body, lower case: its last word, or the last head word before a qualifier
    ("Improvement and Scrutiny Committee - People" → "committee")."""
    heads = list(rules().head.finditer(own))
    return heads[-1].group(0).lower() if heads else own.split()[-1].lower()


def bare_head(doc: Doc, raw: str, own: str | None, pos: int) -> str | None:
    """The body a head word alone stands for ("the Board"): the page's own with that head, else the nearest full name
    with that head before ``pos`` (after it when there is none before)."""
    words = clean(raw).split()
    if not words:
        return None
    head = words[-1].lower()
    if head in ("council", "councils"):
        return None
    if own is not None and _own_head(own) == head:
        return own
    best = None
    for start, name in _full_names(doc):
        if name.split()[-1].lower() != head:
            continue
        if start < pos or best is None:
            best = name
        if start >= pos:
            break
    return best


@per_doc
def _full_names(doc: Doc) -> list[tuple[int, str]]:
    """``(start, name)`` of each match of :func:`named_body` in the scanned text that is a body's name of two words or
    more (:func:`body_name`), in order: found once per document (speed only)."""
    out = []
    for m in _named_bodies(doc.text, min(len(doc.text), WIDE_SCAN_LIMIT), doc.folds_simply):
        name = body_name(after_comma(m.group(0)))
        if name is not None and len(name.split()) >= 2:
            out.append((m.start(), name))
    return out


def _named_bodies(text: str, end: int, folds_simply: bool) -> Iterator[re.Match[str]]:
    """The matches of :func:`named_body` in ``text[:end]``, as its ``finditer`` gives them, searched for only on the
    lines that hold a word every head word holds (speed only). A match lies within one line and its look-arounds see
    no further than its line's ends (no part of the pattern crosses a line break, nor matches one), so the matches
    line by line are those of the whole; the words are those :func:`.patterns.needed_words` reads from the head
    words' pattern, which a line's lower case holds when the text folds simply (:attr:`Doc.folds_simply`)."""
    if not folds_simply:
        yield from named_body().finditer(text, 0, end)
        return
    low = text[:end].lower()
    starts = set()
    for word in _head_words():
        i = low.find(word)
        while i >= 0:
            starts.add(text.rfind("\n", 0, i) + 1)
            i = low.find(word, i + len(word))
    for line_start in sorted(starts):
        line_end = text.find("\n", line_start, end)
        yield from named_body().finditer(text, line_start, end if line_end < 0 else line_end)


@cache
def _head_words() -> tuple[str, ...]:
    """Words, lower case, one of which every head word of a body's name holds (in any case)."""
    words = needed_words(re.compile(rules().body_heads, re.I))
    assert words, "the head words' pattern gives no words to look for"
    return words
