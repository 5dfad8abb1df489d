"""The grammar of people's names, shared by the people and posts finders, and the rules both read.

A name is one to four capitalised tokens in any script ("Jane Smith", "J Smith", "KJ Example", "Siobhán O’Brien",
"Seán Ó Dálaigh", "Anne-Marie D'Souza-Smith", "Ursula von der Leyen"), with letters after it that are not part of it
("Jo Example OBE"). Whether a run of such tokens is a name is decided by the evidence around it (an honorific, a
post, a list, a contact label, a verb of speech: see :mod:`.people`); :func:`is_name` only checks that no token is a
grammar word or the head word of a body or post ("The", "Council", "Director"), that a word of the vocabulary of
posts and services stands only where a surname can ("Pat Senior", "Councillor Law", not "Early Help"), and that the
run is not a council's name. :func:`trim_name` drops words from the end of a run that are not part of a name,
:func:`bare_name_at` reads a name without an honorific where a sentence goes on as it does after a person's name.
:func:`patterns` holds the compiled patterns of the people finder's passes. Rules: ``rules/people.toml``
(``[people]`` and ``[posts]``), compiled once by :func:`rules`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.doc import Doc, load_rules, per_doc
from caregraph.pipeline.extract.patterns import first_letters, with_first_letters


@dataclass(frozen=True)
class PeopleRules:
    honorifics: tuple[str, ...]  # longest first
    plural_honorifics: tuple[str, ...]
    councillor: str  # a pattern: the ways of writing "Councillor" before a name ("Cllr", "Clr.")
    councillors: str  # a pattern: the same before a list of names ("Cllrs")
    post_nominals: frozenset[str]
    post_nominal: str  # a pattern: letters after a name
    post_head: str  # the head of a post title, a pattern
    post_head_re: re.Pattern[str]
    post_head_ci: re.Pattern[str]  # case-insensitive
    speech_verbs: str  # a pattern
    person_verbs: str  # a pattern
    name_labels: str  # a pattern
    field_labels: tuple[str, ...]
    never: frozenset[str]  # grammar words and head words: never a word of a name
    vocabulary: frozenset[str]  # words of posts, services and the calendar: a surname at most
    not_name: frozenset[str]  # never | vocabulary (a word that does not start a post's modifiers' name)
    post_subjects: frozenset[str]  # lower case
    one_word_posts: frozenset[str]  # lower case
    offices: frozenset[str]  # lower case: a post in one word when given to a person ("Chair", "Leader")
    grammar: frozenset[str]  # the function words (and page furniture) among ``never``
    calendar: frozenset[str]  # months, weekdays, seasons
    lower_heads: frozenset[str]  # heads of posts written in lower case before a name ("interim director X")
    lower_modifiers: frozenset[str]  # lower-case words that may stand before such a head
    not_posts: re.Pattern[str]
    post_fold: dict[str, str]
    post_bodies: tuple[tuple[re.Pattern[str], str], ...]  # (title pattern, organisation)
    not_modifiers: frozenset[str]  # capitalised words that never start a post's modifiers
    modifier_words: frozenset[str]  # words of the vocabulary that may still be a post's modifiers
    question_modals: frozenset[str]  # given names that are modal verbs opening a question ("Will")
    post_duration: re.Pattern[str]  # "for six years" after a post: how long it was held, no part of it
    ranks: frozenset[str]  # lower case: words of rank before a title's noun ("senior", "chief")
    agent_endings: tuple[str, ...]  # the endings of nouns of agency ("reviewer", "visitor")
    bound_phrases: frozenset[tuple[str, str]]  # two words naming what a post is for ("looked after")


@cache
def rules() -> PeopleRules:
    """The rules of ``rules/people.toml``, compiled once."""
    d = load_rules("people")
    people, posts = d["people"], d["posts"]
    councillor, councillors = people["councillor"], people["councillors"]
    one_word_forms = [w.rstrip(".") for w in councillor + councillors if " " not in w]
    never = frozenset(_fold(w) for w in people["function_words"] + people["head_words"] + one_word_forms)
    subjects = [w[:1].upper() + w[1:] for w in people["post_subject_words"]]
    vocabulary = frozenset(_fold(w) for w in people["title_words"] + people["calendar_words"] + subjects) - never
    nominals = tuple(sorted(people["post_nominals"], key=len, reverse=True))
    excluded = (never | vocabulary) - {w.capitalize() for w in people["lower_heads"]}
    heads = f"{people['post_heads']}|{_ranked_head(people, posts, excluded)}"
    return PeopleRules(
        honorifics=tuple(sorted(people["honorifics"] + councillor, key=len, reverse=True)),
        plural_honorifics=tuple(sorted(people["plural_honorifics"] + councillors, key=len, reverse=True)),
        councillor=_alternatives(councillor),
        councillors=_alternatives(councillors),
        post_nominals=frozenset(nominals),
        post_nominal="|".join(re.escape(n) for n in nominals),
        post_head=heads,
        post_head_re=with_first_letters(heads),  # (led by its first letters: speed only)
        post_head_ci=with_first_letters(heads, re.I),
        speech_verbs=people["speech_verbs"],
        person_verbs=people["person_verbs"],
        name_labels=people["name_labels"],
        field_labels=tuple(people["field_labels"]),
        never=never,
        vocabulary=vocabulary,
        not_name=never | vocabulary,
        post_subjects=frozenset(w.lower() for w in people["post_subject_words"]),
        one_word_posts=frozenset(w.lower() for w in posts["one_word"]),
        offices=frozenset(w.lower() for w in posts["offices"]),
        grammar=frozenset(_fold(w) for w in people["function_words"]),
        calendar=frozenset(people["calendar_words"]),
        lower_heads=frozenset(people["lower_heads"]),
        lower_modifiers=frozenset(people["lower_modifiers"]),
        not_posts=re.compile(posts["not_posts"], re.I),
        post_fold=dict(posts["fold"]),
        post_bodies=tuple((re.compile(b["pattern"], re.I), b["organisation"]) for b in posts.get("bodies", [])),
        not_modifiers=frozenset(posts["not_modifiers"]),
        modifier_words=frozenset(posts["modifier_words"]),
        question_modals=frozenset(people["question_modals"]),
        post_duration=re.compile(posts["duration"], re.I),
        ranks=frozenset(w.lower() for w in posts["ranks"]),
        agent_endings=tuple(posts["agent_endings"]),
        bound_phrases=frozenset(tuple(p.lower().split()) for p in posts["bound_phrases"]),
    )


def _ranked_head(people: dict, posts: dict, excluded: frozenset[str]) -> str:
    """A pattern of a title whose head no word list holds, told by its rank (issue 14, round 19): one or more words of
    rank, capitalised, then one capitalised noun of agency (``agent_endings``, or a lower-case head capitalised) that
    is no grammar, calendar, body or service word, singular, and not followed by another capitalised word (which would
    make it a modifier: "Senior Leadership Team"): "Independent Reviewer", "Senior Coroner", "Chief Whip"."""
    ranks = "|".join(sorted((re.escape(w[:1].upper() + w[1:]) for w in posts["ranks"]), key=len, reverse=True))
    endings = "|".join(sorted((re.escape(e) for e in posts["agent_endings"]), key=len, reverse=True))
    named = "|".join(
        sorted((re.escape(w.capitalize()) for w in people["lower_heads"] if w.isalpha()), key=len, reverse=True)
    )
    never = "|".join(sorted((re.escape(w) for w in excluded if w.isalpha()), key=len, reverse=True))
    return (
        rf"(?-i:(?:(?:{ranks})[ \t]+)+(?!(?:{never})(?![\w’'-]))"
        rf"(?:(?:{named})|[A-Z][a-z]+(?:{endings})(?<!ment))(?![\w’'-]|[ \t]+[A-Z]))"
    )


def _alternatives(words: list[str]) -> str:
    """A pattern of the alternatives ``words``, longest first; a space in a word matches any run of spaces or
    tabs."""
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


def _fold(word: str) -> str:
    """A word as the word lists hold it: curly apostrophes straight."""
    return word.replace("’", "'")


# ------------------------------------------------------------------------------------------ letters of any script


def _ranges(codepoints: list[int]) -> str:
    """A character-class body for ``codepoints`` (sorted), runs written as ranges."""
    out, i = [], 0
    while i < len(codepoints):
        j = i
        while j + 1 < len(codepoints) and codepoints[j + 1] == codepoints[j] + 1:
            j += 1
        a, b = re.escape(chr(codepoints[i])), re.escape(chr(codepoints[j]))
        out.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "".join(out)


# Large blocks of letters without case (CJK ideographs, Hangul syllables), added whole rather than scanned.
_CASELESS_BLOCKS = "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\u3040-\u30ff"


@cache
def _letter_classes() -> tuple[str, str, str]:
    """Character-class bodies of (upper-case letters, letters that may start a name token, letters that may follow
    in one): upper and title case and caseless letters start a token; lower case, caseless letters, modifier
    letters and combining marks follow (so decomposed accents stay in the word)."""
    upper, first, rest = [], [], []
    for cp in range(0x3400):
        cat = unicodedata.category(chr(cp))
        if cat in ("Lu", "Lt"):
            upper.append(cp)
            first.append(cp)
        elif cat == "Lo":
            first.append(cp)
            rest.append(cp)
        elif cat in ("Ll", "Lm", "Mn", "Mc"):
            rest.append(cp)
    return _ranges(upper), _ranges(first) + _CASELESS_BLOCKS, _ranges(rest) + _CASELESS_BLOCKS


_UPPER, _FIRST, _REST = _letter_classes()
UPPER = f"[{_UPPER}]"
#: The letters that may follow in a word (lower case, caseless letters, accents), a character-class body.
LOWER_REST = _REST
#: Surname prefixes written together with the name ("McGeown", "O'Brien", "D'Souza", "FitzGerald").
_PREFIX = r"(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’]|L['’]|al-|el-|Al-|El-)"
_WORD = rf"{_PREFIX}?[{_FIRST}][{_REST}]+"
#: A surname in capitals, as attendance lists write it ("Councillor J EXAMPLE", "K O'SAMPLE", "Jo PERSON-WELL"):
#: three letters or more, never letters after a name or a common abbreviation of council papers (``caps_not_names``);
#: whether it stands where a surname can is :func:`_word_ok`'s to say.
_CAPS_STOP = "|".join(
    sorted(
        {*load_rules("people")["people"]["post_nominals"], *load_rules("people")["people"]["caps_not_names"]},
        key=len,
        reverse=True,
    )
)
_CAPS = rf"(?={UPPER}['’]?{UPPER}{UPPER})(?!(?:{_CAPS_STOP})(?![\w'’-])){UPPER}(?:['’]{UPPER})?{UPPER}{{2,}}(?:-{UPPER}{{2,}})*"
#: One token of a name: a capitalised word (hyphenated parts too), an initial ("J", "J."), dotted initials ("A.B.",
#: the last dot left out too: "S.A Example", "L.C.R Example"),
#: or two capitals standing before a name ("KJ Example"); never the first letter of a longer word in capitals.
NAME_TOKEN = (
    rf"(?:{_WORD}(?:[-'’]{_WORD})*(?!\w|-\w)"
    rf"|{_CAPS}(?![\w'’-]|\.\w)"
    rf"|{UPPER}\.(?:{UPPER}\.){{0,2}}(?:{UPPER}(?![\w'’.-]))?"
    rf"|{UPPER}(?![\w'’.-])"
    rf"|{UPPER}{{2}}(?=[ \t]+(?:{_WORD}|{UPPER}{{3}})))"
)
#: Particles inside a name, not counted among its words: lower case ("Ursula von der Leyen", "Ana de la Cruz"), and
#: the capitalised particles of Gaelic surnames after a name's first word ("Seán Ó Dálaigh", "Dervla Mac Giolla
#: Bhríde"). Rules: ``name_particles`` and ``name_particles_capitalised`` of ``rules/people.toml``.
_PARTICLE_WORDS: tuple[str, ...] = tuple(load_rules("people")["people"]["name_particles"])
_CAPITAL_PARTICLES: tuple[str, ...] = tuple(load_rules("people")["people"]["name_particles_capitalised"])
PARTICLES = frozenset(_PARTICLE_WORDS)
#: The words of the capitalised particles ("Mac", "Giolla", "Ó"): a particle after a name's first word.
CAPITAL_PARTICLES = frozenset(w for p in _CAPITAL_PARTICLES for w in p.split())
#: A political party's name as a post held for it may open with it ("Labour spokesman for education", "Leader of the
#: Lib Dem group", "leader of the Conservative opposition").
PARTY = r"(?:Labour|Conservative|Tory|Liberal[ \t]+Democrat|Lib[ \t]+Dem|Green|Independent|Reform[ \t]+UK|Plaid[ \t]+Cymru|SNP)"

_PARTICLE = "(?:{})".format(
    "|".join(
        re.escape(p).replace(r"\ ", " ") for p in sorted(_PARTICLE_WORDS + _CAPITAL_PARTICLES, key=len, reverse=True)
    )
)
#: The first letters of the particles (a look-ahead before one: speed only).
_PARTICLE_AHEAD = "(?=[{}])".format("".join(sorted({p[0] for p in _PARTICLE_WORDS + _CAPITAL_PARTICLES})))


def name_run(least: int = 0, most: int = 3) -> str:
    """A pattern of one name token and ``least``–``most`` more, particles between them allowed; spaces between
    the tokens, never a tab (a tab parts the cells of a flattened table: "Jane Example<tab>Chair")."""
    return rf"{NAME_TOKEN}(?:(?: +{_PARTICLE}(?= ))* +{NAME_TOKEN}){{{least},{most}}}"


NAME_RUN = name_run()
NAME_RUN_RE = re.compile(NAME_RUN)
_TOKEN_RE = re.compile(rf"{_WORD}(?:[-'’]{_WORD})*|{_CAPS}|{UPPER}\.?(?:{UPPER}\.)*(?:(?<=\.){UPPER})?|{UPPER}{{2}}")
_CAPS_RE = re.compile(_CAPS)
#: A word of a name, in title case or capitals ("Example", "O'Sample", "EXAMPLE").
WORD = rf"(?:{_WORD}(?:['’]{_WORD})?|{_CAPS})"


def post_nominals() -> str:
    """A pattern of the letters after a name, each after a space (" OBE", " MP JP"), possibly none."""
    return rf"(?:,?[ \t]+(?:{rules().post_nominal})(?![\w’'-]))*"


# ------------------------------------------------------------------------------------------ scanning

#: A capital that starts a word: "(?<![\w’'-])[…]" with the capital first, so that a search skips to capitals (speed
#: only; the look-behind sees the character before the capital).
_CAPITAL_START = re.compile(rf"[{_FIRST}](?<![\w’'-].)")


_SKIP_BEFORE_NAME = frozenset(" \t•·Ø-")
_CLOSING_QUOTES = frozenset("”\"’'")


def sentence_start(text: str, pos: int) -> bool:
    """Whether a name at ``pos`` opens a sentence, a line or a bullet (spaces, bullets and dashes before it
    skipped): after the text's start, a line break, a full stop, a semicolon, a colon or a closing quote."""
    j = pos
    while j > 0 and text[j - 1] in _SKIP_BEFORE_NAME:
        j -= 1
    if j == 0 or text[j - 1] == "\n":
        return True
    if j == pos or not text[j].isspace():
        return False  # "." right before the name: no space between
    before = text[j - 1]
    return before in ".;!?:•·Ø" or (before in _CLOSING_QUOTES and j > 1 and text[j - 2] in ".!?")


#: What opens a sentence before a run of spaces, bullets and dashes (see :func:`sentence_start`): a line break; a
#: full stop, semicolon, colon … and a space or tab; a closing quote after a full stop … and a space or tab. The
#: character first (a search skips along to one in C; speed only).
_OPENING = re.compile(r"[\n.;!?:”\"’'](?:(?<=\n)|(?<=[.;!?:])[ \t]|(?<=[.!?][”\"’'])[ \t])[ \t•·Ø-]*")
_LEADING = re.compile(r"[ \t•·Ø-]*")


def opening_starts(doc: Doc) -> set[int]:
    """The :func:`capital_starts` of the scanned text at which :func:`sentence_start` holds, found with one search
    rather than a test at each (speed only): where the run of spaces, bullets and dashes after the start of the
    text or an :data:`_OPENING` ends; or anywhere in such a run when the text has "Ø", the one capital a run
    holds."""
    text, limit = doc.text, doc.limit
    ends = [_LEADING.match(text, 0, limit).end()]  # type: ignore[union-attr]
    if "Ø" not in text:
        ends.extend(m.end() for m in _OPENING.finditer(text, 0, limit))
    else:
        ends.extend(range(0, ends[0]))
        for m in _OPENING.finditer(text, 0, limit):
            # after a line break, every position of the run; after a full stop, those after its first space or tab
            ends.extend(range(m.start() + (1 if text[m.start()] == "\n" else 2), m.end() + 1))
    return set(capital_starts(doc)).intersection(ends)


@per_doc
def capital_starts(doc: Doc) -> list[int]:
    """Where the capitalised words of the scanned text (``text[:limit]``) start (a letter that starts a word and may
    start a name), in order: worked out once per document (several passes scan from them)."""
    return [m.start() for m in _CAPITAL_START.finditer(doc.text, 0, doc.limit)]


@per_doc
def _starts_by_prefix(doc: Doc) -> dict[str, list[int]]:
    """The :func:`capital_starts` of the scanned text by the two letters there, in order: worked out once per
    document (so a scan for some prefixes visits only their starts)."""
    text = doc.text
    index: dict[str, list[int]] = {}
    for pos in capital_starts(doc):
        index.setdefault(text[pos : pos + 2], []).append(pos)
    return index


def scan(
    pattern: re.Pattern[str],
    doc: Doc,
    where: Callable[[str, int], bool] | None = None,
    prefixes: frozenset[str] | None = None,
    before: list[int] | None = None,
    width: int = 80,
    starts: list[int] | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, 0, limit)`` over the scanned text of ``doc``, for a pattern whose matches start at a
    capitalised word: tried at those starts only (a page has a few hundred), not at every character; with
    ``where``, only at the starts it accepts; with ``prefixes``, only at words that start with one of those two
    letters (:func:`two_letters`); with ``before``, only at starts up to ``width`` characters before one of those
    positions (what a match must reach); with ``starts``, only at those (capital starts of the scanned text, in
    order)."""
    text, limit = doc.text, doc.limit
    last = 0
    if starts is None and prefixes is not None:
        by_prefix = _starts_by_prefix(doc)
        starts = sorted(pos for prefix in by_prefix.keys() & prefixes for pos in by_prefix[prefix])
    elif starts is None:
        starts = capital_starts(doc)
    if before is not None:
        starts = _before_anchors(starts, before, width)
    for pos in starts:
        if pos < last:
            continue
        if where is not None and not where(text, pos):
            continue
        m = pattern.match(text, pos, limit)
        if m is not None and m.end() > m.start():
            yield m
            last = m.end()


def _before_anchors(starts: list[int], anchors: list[int], width: int) -> list[int]:
    """The ``starts`` that lie at most ``width`` characters before one of the (sorted) ``anchors``."""
    out, j = [], 0
    for pos in starts:
        while j < len(anchors) and anchors[j] < pos:
            j += 1
        if j == len(anchors):
            break
        if anchors[j] - pos <= width:
            out.append(pos)
    return out


def two_letters(words: str) -> frozenset[str]:
    """The first two letters of every capitalised word in ``words`` (a word list or a pattern of words): where
    :func:`scan` may find a match that starts with one of them."""
    return frozenset(w[:2] for w in re.findall(rf"{UPPER}[{_REST}{_UPPER}]*", words))


# ------------------------------------------------------------------------------------------ patterns


def _ahead(alternation: str) -> str:
    """A look-ahead of the letters every match of ``alternation`` starts with (``(?=[ab])``; speed only), or ""."""
    firsts = first_letters(alternation, re.I)
    return f"(?=[{firsts}])" if firsts else ""


@dataclass(frozen=True)
class Patterns:
    honorific: re.Pattern[str]  # "Councillor Jane Smith", "Cllr Smith"
    plural: re.Pattern[str]  # "Councillors Smith, Jones and Brown"
    apposition: re.Pattern[str]  # "Jane Smith, Director of …" / "Jane Smith (Director …)" / "Jane Smith Director …"
    bracket: re.Pattern[str]  # the bracket of "Jane Smith (Anyshire Parent Carer Forum)" (its "(" first: see bracketed)
    verb_after: re.Pattern[str]  # "Cal Sample stated" (at the start of a sentence: see sentence_start)
    by_name: re.Pattern[str]  # "presented by Shay Tester"
    label: re.Pattern[str]  # "Contact: Chris Sample"
    phone: re.Pattern[str]  # the number of "(Sam Sample – 0100 000000)", "Sam Sample, tel 0100 000000"
    phone_lead: re.Pattern[str]  # what stands between a name and its number
    bullet_name: re.Pattern[str]  # "·  Andy Person, Unison, gave …"
    bullet_line: re.Pattern[str]  # the same after a line break, its "\n" first (a search skips to one in C)
    post_start: re.Pattern[str]  # a capitalised post title
    lower_post: re.Pattern[str]  # "leader of the council"
    org_prefix: re.Pattern[str]  # "Essex County Council's " before a post
    lower_apposition: re.Pattern[str]  # "Stu Example, director of children’s services"
    lower_apposed: re.Pattern[str]  # its comma and what follows ("…, director of children’s services")
    verb: re.Pattern[str]  # one of the person verbs, whole
    speech: re.Pattern[str]  # one of the speech verbs, whole
    verb_next: re.Pattern[str]  # a person verb right after a post
    verb_in: re.Pattern[str]  # a person verb anywhere in a title
    name_in: re.Pattern[str]  # a full name in a line
    post_label: re.Pattern[
        str
    ]  # a line "Cabinet Member: Councillor Jas Example", "Director of Public Health – Jo Sample" (a hyphen inside a
    # word, "Anne-Marie", parts nothing)
    named_as: re.Pattern[str]  # after X: " has been named as the next Director …", " is the independent chair of …"
    replaced: re.Pattern[str]  # after X: " had replaced Y as Director …"
    appoint: re.Pattern[str]  # "to appoint Councillor X as Vice-Chair"
    elected: re.Pattern[str]  # after Councillor X: " was elected Chair"
    name_before: re.Pattern[str]  # a name (an honorific before it) that ends where a search ends
    list_after: re.Pattern[str]  # "apologies were received from A, B and C", "Present: A, B, C"
    honorific_starts: frozenset[str]  # the first two letters of the honorifics (for :func:`scan`)
    plural_starts: frozenset[str]  # … of the plural honorifics
    head_starts: frozenset[str]  # … of the words a post's head may start with


#: Capitalised words (and "&", "and", "of") that may stand before a post's head ("Safeguarding Practice Manager",
#: "National Schools Adviser", "Parent Governor, Voting Co-opted Member").
# A verb in the past tense, or the present tense of news copy, after a name opening a sentence or clause ("Kay
# Example became director", "Meg Sample was appointed", "Ann Person stepped down", "Sean Example offers advice"): any
# word in "-ed", the common irregular past tenses, a word in "-s" (not "-ss", "-us", "-is": no verb's ending).
_PAST_TENSE = (
    r"(?:[a-z]{2,}ed|became|began|took|went|left|gave|made|won|saw|led|met|ran|sat|spent|brought|built|sought"
    r"|[a-z]{2,}[^\Wsui\d_]s)"
)
_AUXILIARY = r"(?:(?:has|had|have|was|were|is|will|would)\s+(?:been\s+|be\s+)?)?"
_MODIFIERS = r"(?:(?:[A-Z][\w’'-]*|&|and)[ \t]+){0,6}"
# the party that runs a council, before its possessive: "the Lib Dem-run council's", "the Labour-led authority's"
_RUN_BY = r"(?:(?:[A-Z][\w’'-]*[ \t]+){0,2}[A-Z][\w’'-]*-(?:run|led|controlled)[ \t]+)"


@cache
def patterns() -> Patterns:
    """The patterns of the people finder's passes, built from the rules once."""
    r = rules()
    one = "|".join(re.escape(h) for h in r.honorifics)
    hon = rf"(?:{one})(?:[ \t]+(?:{one}))?"  # "Councillor Mrs", "Cllr Dr": two honorifics are one
    plural = "|".join(re.escape(h) for h in r.plural_honorifics)
    head = r.post_head
    pn = post_nominals()
    full = name_run(1, 3)
    # a surname may open with its particles ("Councillors das Neves, Hakata and van der Berg")
    item = rf"(?:(?:{hon})[ \t]+)?(?:{_PARTICLE} +)*{name_run(0, 2)}{pn}(?:[ \t]*\([^()\n]{{1,60}}\))?"
    sep = r"(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*)"
    org = r"(?:(?:[A-Z][\w’'&-]+\s+){1,4}(?:County\s+|City\s+|Borough\s+|District\s+)?Council(?:['’]s)?\s+|(?:the\s+)?(?:Royal\s+Borough\s+of\s+)?(?:[A-Z][\w’'-]+\s+(?:and\s+|upon\s+|of\s+)?){1,6}(?:['’]s\s+)?)"
    lower_heads = r"(?:interim\s+|acting\s+|deputy\s+|assistant\s+|executive\s+|corporate\s+|strategic\s+|independent\s+|lead\s+|chief\s+|principal\s+|senior\s+|national\s+|regional\s+|registered\s+|service\s+|team\s+|area\s+|operational\s+|group\s+|programme\s+|project\s+)*(?:director|head|cabinet\s+member|executive\s+member|lead\s+member|portfolio\s+holder|leader|chief\s+executive|manager|chair(?:man|woman|person)?|(?:vice|co)[\s-]?chair(?:man|woman|person)?|inspector|commissioner|mayor|officer|adviser|advisor|lead|spokes(?:person|man|woman)|foster\s+carers?|social\s+worker|family\s+support\s+worker|youth\s+worker|personal\s+adviser)\b"
    # what follows the name in lower_apposition: a comma, then a lower-case post (a party's, "Labour spokesman for
    # …"; after "councillor and", which is no post; "council leader")
    lower_after = rf",\s*(?:(?:the|a|an)\s+)?{_RUN_BY}?(?:(?:county|city|borough|district|unitary|metropolitan)\s+)?(?:[a-z]+['’]s\s+)?(?P<org>(?:[A-Z][\w’'&-]+\s+(?:(?:of|upon|on|and)\s+)?){{1,4}}(?:County\s+|City\s+|Borough\s+)?Council(?:['’]s)?\s+)?(?P<party>{PARTY}[ \t]+(?:opposition[ \t]+|group[ \t]+)?)?(?:councillor[ \t]+and[ \t]+)?(?P<council>council[ \t]+)?(?=(?P<head>{lower_heads}))"
    verbs = r.person_verbs
    # the subject words of a post in lower case before its head ("as a children's services commissioner")
    subjects = "|".join(sorted((re.escape(w) for w in r.post_subjects if w.islower()), key=len, reverse=True))
    # the modifiers of a post in a predicate: capitalised, or lower-case words of posts ("is the council's designated
    # safeguarding lead")
    lower_words = "|".join(
        sorted((re.escape(w) for w in r.post_subjects | r.lower_modifiers if w.islower()), key=len, reverse=True)
    )
    lower_mods = rf"(?:(?:[A-Z][\w’'-]*|&|and|(?:{lower_words})(?![\w’'-]))[ \t]+){{0,6}}"
    appointed = r"(?:named|appointed|elected|confirmed|selected|chosen|re-elected|reappointed|re-appointed|nominated|installed|made)"
    # a bulleted line after the line's start: "·  Andy Person, Unison, gave …"
    bullet = rf"[ \t]*(?:[•·Ø\-–*]|\(?[a-z0-9]{{1,2}}[.)])?[ \t]*(?P<name>{full}){pn}\s*,\s*(?P<after>[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){{0,3}})\s*,"
    # a name after an honorific ends before the next honorific that opens a name ("Mr R Sample Mr J Example", an
    # attendance line written without commas): a one-word honorific in title case is never a word of a name
    inner = "|".join(re.escape(h.rstrip(".")) for h in r.honorifics if " " not in h and not h.isupper())
    # a surname may open with its particles ("Councillor ap Dafydd", "Cllr van der Berg")
    hon_run = rf"(?:(?:{_PARTICLE} +)+(?={UPPER}))?{NAME_TOKEN}(?:(?: +{_PARTICLE}(?= ))* +(?!(?:{inner})\.?[ \t]+{UPPER}){NAME_TOKEN}){{0,3}}"
    return Patterns(
        honorific=re.compile(rf"\b(?P<hon>{hon})\s+(?P<name>{hon_run})"),
        plural=re.compile(
            rf"\b(?:{plural})(?:[ \t]+(?:present|in[ \t]+attendance|attending))?(?:[ \t]*:)?\s+(?P<names>{item}(?:{sep}{item}){{1,80}})"
        ),
        apposition=re.compile(
            rf"(?<![\w’'-])(?:(?P<hon>{hon})\s+)?(?P<name>(?:(?:{_PARTICLE_AHEAD}{_PARTICLE} +)+(?={UPPER}))?{NAME_TOKEN}(?: +(?:{_PARTICLE_AHEAD}{_PARTICLE} +)*{NAME_TOKEN}){{0,3}}?){pn}(?:[ \t]*\((?:Lab|Con|LD|Lib[ \t]+Dem|Green|Ind|Independent|Labour|Conservative|Liberal[ \t]+Democrat|Reform(?:[ \t]+UK)?|SNP|Plaid(?:[ \t]+Cymru)?|UKIP)[^()\n]{{0,40}}\)|[ \t]*\([A-Z]{{1,4}}\)|[ \t]*\([A-Z][^()\n]{{1,60}}\)(?=[ \t]*\()|[ \t]*\([a-z][a-z \t,]{{1,30}}\)(?=[ \t]*,))?(?:[ \t]+from[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'&-]*[ \t]+(?:(?:of|and|for)[ \t]+)?){{0,5}}[A-Z][\w’'&-]*(?=[ \t]*,))?(?:(?:\s*,(?:[ \t]*,)?\s*(?:the\s+|our\s+|an?[ \t]+(?=[A-Z]))?(?:(?i:council|county|borough|city|authority)['’]s\s+)?(?:(?:new|incoming|outgoing|permanent|current)\s+)?(?:(?:newly|recently)\s+appointed\s+)?(?P<former>(?:former|previous)\s+|ex-)?(?P<owner>(?:[A-Z][\w&-]*[ \t]+(?:(?:of|upon|on)[ \t]+)?){{1,5}}[A-Z][\w&-]*['’]s[ \t]+)?|\s*\(\s*(?:the\s+)?|[ \t]*[–—][ \t]*|[ \t]+-[ \t]+)(?P<mods>{_MODIFIERS})|[ \t]+(?=[A-Z]))(?=(?P<head>(?i:{head})))"
        ),
        bracket=re.compile(r"\((?P<inner>[A-Z][^()\n]{1,80})\)"),
        verb_after=re.compile(
            rf"(?P<name>{full}){pn}(?:[ \t]*\([^()\n]{{1,60}}\)|[ \t]*,(?P<clause>[ \t]+(?:who|whose|from|of|with|a|an|the|aged|now|then|\d{{1,3}})\b[^,.;:!?()\n“”\"]{{0,80}}(?:,[ \t]+(?:from|of|with|a|an|the|who)\b[^,.;:!?()\n“”\"]{{1,60}})?),|[ \t]*,(?=[ \t]+{r.speech_verbs}\b))?(?:\s+and\s+(?P<name2>{full}){pn}(?:[ \t]*\([^()\n]{{1,60}}\))?)?\s+(?:(?:also|then|further|briefly|formally|subsequently|again)\s+)?{_AUXILIARY}(?P<verb>{verbs}|{_PAST_TENSE})\b"
        ),
        by_name=re.compile(
            rf"\b(?=[abcdefghijlmnopqrstuwAT])(?:(?:presented|introduced|chaired|submitted|led|given|written|prepared|signed|moved|seconded|joined|supported|accompanied|interviewed|replaced)\s+by|(?:message|update|letter|statement|foreword|blog|note|briefing|report|reports|apologies|apology|question|questions|presentation)\s+from|(?:said|says|added|explained|commented|stated)|(?P<weak>thanked|congratulated|invited|welcomed|contact|contacting|[Aa]ccording\s+to|[Tt]hanks\s+to|replacing|succeeding|(?:letter|interview|meeting|conversation)\s+(?:to|with)|[a-z]{{2,}}ed\s+by|(?:article|email|e-mail|submission|response|comments|piece|story|correspondence|review|speech|interview)\s+(?:from|by)|replace|replaced|succeeds|succeeded|(?:heard|evidence|feedback)\s+from|(?:conveyed|passed|sent|given|extended)\s+to|(?:working|worked|meeting|met|discussions?)\s+with)|(?:extended|tribute|farewell|thanks)\s+to|on\s+behalf\s+of)[ \t]+(?P<name>{full})(?={pn}(?:\s*[.,;:(]|\s+(?:and|who|for|on|at|to|as|was|were|is|had|has|about|in|into|with|from|during|after|since|under|of|via|by)\b))"
        ),
        label=re.compile(rf"(?im)\b{_ahead(r.name_labels)}(?:{r.name_labels})[ \t]*:[ \t]*(?P<rest>[^\n]{{2,200}})"),
        phone=re.compile(r"[(+\d][\d \t()]{8,}\d"),
        phone_lead=re.compile(r"[ \t]*(?:[-–—:,][ \t]*)?(?:(?:tel|t|telephone|phone|mobile|on)\.?[ \t]*:?[ \t]*)?\Z"),
        bullet_name=re.compile(rf"(?m)^{bullet}"),
        bullet_line=re.compile(rf"\n{bullet}"),
        post_start=re.compile(rf"(?<![\w’'-])(?P<post>{head})"),
        lower_post=re.compile(
            r"(?=[tl])\b(?:the\s+)?(?P<post>leader\s+of\s+the\s+(?:county\s+|city\s+|borough\s+)?council)\b"
        ),
        org_prefix=re.compile(org),
        lower_apposition=re.compile(rf"(?<![\w’'-])(?:(?P<hon>{hon})\s+)?(?P<name>{NAME_RUN}){pn}\s*{lower_after}"),
        lower_apposed=re.compile(lower_after),
        verb=re.compile(rf"{verbs}"),
        speech=re.compile(rf"{r.speech_verbs}"),
        verb_next=re.compile(rf"\s+(?:{verbs})\b"),
        verb_in=re.compile(rf"\b(?:{verbs})\b"),
        name_in=re.compile(rf"(?<![\w’'-])({full})"),
        post_label=re.compile(
            rf"(?P<post>[A-Z][^:\n]{{1,100}}?)[ \t]*(?::[ \t]*(?:\n[ \t]*)?|(?:[–—]|(?<![\w’'])-|-(?=[ \t]))[ \t]*)(?:(?P<hon>{hon})[ \t]+)?(?P<name>{NAME_RUN}){pn}[ \t]*(?:$|\n|[,(]|[ \t]{{2,}}|(?<=[ \t])[-–—][ \t])"
        ),
        named_as=re.compile(
            rf"\b(?=[abchijrstwi])(?:(?:who[ \t]+)?(?:starts|started|start|joins|joined|join|serves|served|acts|acted|works|worked|takes[ \t]+over|took[ \t]+over|steps[ \t]+in|stepped[ \t]+in|continues|continued|returns|returned|speaking|spoke|attending|attended|writing|wrote)[ \t]+as|in[ \t]+(?:his|her|their)[ \t]+(?:capacity|role)[ \t]+as|to[ \t]+be|who[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|will[ \t]+be|would[ \t]+be)|(?:has|had)[ \t]+(?:now[ \t]+)?been|(?:will|would)[ \t]+be|is|was|been|be|(?:who[ \t]+)?(?:becomes|became|remains|remained))[ \t]+(?:(?:formally|now|today|recently|previously|also|officially)[ \t]+)?(?:{appointed}[ \t]+(?:by[ \t]+(?:(?!\bas\b)[^,.;\n]){{1,40}}?[ \t]+)?(?:as[ \t]+|to[ \t]+(?:the[ \t]+)?(?:role|post|position)[ \t]+of[ \t]+)?)?(?:(?P<det>the|our|its|their|a|an)[ \t]+)?(?:(?:council|county|borough|city|authority|partnership|trust)['’]s[ \t]+|(?!(?i:{subjects})[ \t])(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){{0,2}})['’]s[ \t]+)?(?:(?:new|next|incoming|permanent|current|first|former|outgoing)[ \t]+)?(?P<mods>{lower_mods})(?=(?P<head>(?i:{head})))"
        ),
        replaced=re.compile(
            rf"(?:has[ \t]+(?:replaced|succeeded)|had[ \t]+(?:replaced|succeeded)|will[ \t]+(?:replace|succeed)|would[ \t]+(?:replace|succeed)|replaced|replaces|succeeded|succeeds)[ \t]+(?:(?P<hon2>{hon})[ \t]+)?(?P<name2>{NAME_RUN}){pn}[ \t]+as[ \t]+(?:(?:the|our|its|their)[ \t]+)?(?P<mods>)(?=(?P<head>(?i:{head})))"
        ),
        appoint=re.compile(
            rf"(?:appoint|appoints|appointed|(?:appointment|election|nomination)[ \t]+of(?P<skip>(?:[ \t]+[‘“\"]?[\w’'-]+[”\"]?){{1,7}}?)??|elect|elects|elected|nominate|nominated|confirm|confirmed)[ \t]+(?:(?P<hon>{hon})[ \t]+)?(?P<name>{NAME_RUN}){pn}[ \t]+(?(skip)as[ \t]+|(?:as[ \t]+)?)(?:(?:the|its|our|their)[ \t]+|(?P<det>a|an)[ \t]+(?=(?:{subjects})[ \t]))?(?:(?:council|county|borough|city|authority|partnership|trust)['’]s[ \t]+)?(?:(?:new|next|permanent|interim|first)[ \t]+)?(?P<mods>(?:(?:{subjects})[ \t]+){{0,3}})(?=(?P<head>(?i:{head})))"
        ),
        elected=re.compile(
            rf"(?:was|is|be|been|were)[ \t]+(?:duly[ \t]+|unanimously[ \t]+)*{appointed}[ \t]+(?:as[ \t]+)?(?:(?:the|its)[ \t]+)?(?P<mods>)(?=(?P<head>(?i:{head})))"
        ),
        name_before=re.compile(rf"(?<![\w’'-])(?:(?P<hon>{hon})[ \t]+)?(?P<name>{NAME_RUN}){pn}(?:,?[ \t]+)?\Z"),
        list_after=re.compile(
            rf"(?i:\b(?=[apisow])(?:apologies\b[^.\n:]{{0,40}}?\b(?:received|submitted|given|noted|tendered)[ \t]+(?:from|of|for)|apologies[ \t]+from(?:[ \t]+\w+){{0,2}}[ \t]+(?:were[ \t]+as[ \t]+follows)?|(?:also[ \t]+)?(?:present|in[ \t]+attendance|attendees|attending(?:[ \t]+for[ \t]+(?:this|the)[ \t]+item)?|apologies|substitutes?|officers?[ \t]+present)[ \t]*:|were[ \t]+welcomed|welcomed))[ \t,:]*(?P<names>{item}(?:{sep}{item}){{0,80}})"
        ),
        honorific_starts=two_letters(" ".join(r.honorifics)),
        plural_starts=two_letters(" ".join(r.plural_honorifics)),
        head_starts=two_letters(head),
    )


# ------------------------------------------------------------------------------------------ tests of a name


def _bare(token: str) -> str:
    return _fold(token.rstrip(".,"))


def _base(bare: str) -> str:
    return bare[:-2] if bare.endswith("'s") else bare


def is_initial(token: str) -> bool:
    """An initial or initials: "J", "J.", "A.B.", "KJ", "L.C.R"."""
    letters = token.replace(".", "")
    return bool(letters) and letters.isupper() and (len(letters) <= 2 or "." in token) and letters.isalpha()


def _word_ok(tokens: list[str], i: int, honorific: bool = False, strict: bool = False) -> bool:
    """Whether ``tokens[i]`` may stand at its place in a name (``honorific``: one stands before it; ``strict``: the
    name's shape is its only evidence)."""
    rules_ = rules()
    bare = _bare(tokens[i])
    if len(bare.rstrip(".")) == 1 or ("." in bare and _DOTTED.fullmatch(tokens[i])):
        return True  # an initial ("A Brown", "A.B. Brown"), whatever word the letter also is
    if len(bare) > 2 and bare.isupper() and _CAPS_RE.fullmatch(bare):
        return _caps_surname_ok(tokens, i, honorific, strict)
    if i == 0 and len(tokens) > 1 and bare in _MONTH_NAMES:
        return True  # "Jan Example", "June Sample", "April Person": a month is a first name before a surname
    if bare in rules_.never or _base(bare) in rules_.never or bare in _single_honorifics():
        return False
    if "-" in bare and any(part in rules_.never for part in bare.split("-")):
        return False  # "Vice-Chair", "Co-Chair", "Sub-Committee": a head word inside a hyphenated word
    if len(bare) > 1 and bare.replace("-", "").isupper():
        # "KJ Example", not "OBE" or "SEND", nor "MP" after a place ("Anytown MP Jo Example"): initials come first
        return len(bare) == 2 and i < len(tokens) - 1 and all(is_initial(t) for t in tokens[:i])
    if bare in rules_.vocabulary or _base(bare) in rules_.vocabulary:
        # a word of posts and services is a surname at most: alone (after an honorific), after initials, or after
        # one first name ("Pat Senior", "J Senior", "Councillor Law")
        if i != len(tokens) - 1:
            return False
        before = tokens[:i]
        return len(before) <= 1 or all(is_initial(t) for t in before)
    return True


_DOTTED = re.compile(rf"(?:{UPPER}\.){{2,3}}|(?:{UPPER}\.){{1,2}}{UPPER}")  # "A.B.", "S.A", "L.C.R"


def _caps_surname_ok(tokens: list[str], i: int, honorific: bool, strict: bool) -> bool:
    """Whether a word in capitals stands where a surname written in capitals can: last, after initials ("J
    EXAMPLE", "A.B. EXAMPLE"; not the article "A") or one first name ("Jo EXAMPLE"), or alone (after an
    honorific: "Cllr EXAMPLE", "Councillor A EXAMPLE"; where the shape is the only evidence, after a first name
    only a word of four letters or more with a vowel, as abbreviations seldom are: "Solihull MBC" is no one); and
    not, read in lower case, a grammar word, a head word or a post's head."""
    word = tokens[i].capitalize()
    if i != len(tokens) - 1 or word in rules().never or rules().post_head_re.fullmatch(tokens[i]):
        return False
    before = tokens[:i]
    if all(is_initial(t) for t in before):
        return honorific or before not in (["A"], ["I"])
    if strict and (len(word) < 4 or not _VOWEL.search(word)):
        return False
    return len(before) == 1 and before[0][1:].islower() and _fold(before[0]) not in rules().not_name


_VOWEL = re.compile(r"[AEIOUYaeiouy]")


_MONTH_NAMES = frozenset(["Jan", "April", "May", "June", "July", "August"])


@cache
def _single_honorifics() -> frozenset[str]:
    """The honorifics of one word ("Mr", "DCI"): never part of a name."""
    return frozenset(h.rstrip(".") for h in rules().honorifics if " " not in h)


def _counted(tokens: list[str]) -> list[str]:
    """The words of a name that count as its words: particles left out (a capitalised one after the first word
    only: "Mac" may be a given name)."""
    return [t for i, t in enumerate(tokens) if t not in PARTICLES and (i == 0 or t not in CAPITAL_PARTICLES)]


@lru_cache(maxsize=8192)
def is_name(candidate: str, allow_single: bool = False, strict: bool = False) -> bool:
    """Whether ``candidate`` may be a person's name: two to four tokens (one with ``allow_single``, after an
    honorific), none a grammar word or a body's or post's head word, a word of posts and services only as a
    surname (``strict``: nowhere; where the only evidence of a name is its shape), not all initials, not a
    council's name."""
    tokens = _counted(candidate.split())
    if not tokens or len(tokens) > 4 or (len(tokens) < 2 and not allow_single):
        return False
    if not all(_TOKEN_RE.fullmatch(t) for t in tokens):
        return False
    if not all(_word_ok(tokens, i, allow_single, strict) for i in range(len(tokens))):
        return False
    if strict and any(
        (_bare(t) in rules().vocabulary or _base(_bare(t)) in rules().vocabulary)
        and not (i == 0 and _bare(t) in _MONTH_NAMES)
        for i, t in enumerate(tokens)
    ):
        return False
    if all(is_initial(t) for t in tokens) or len(tokens[-1].rstrip(".")) <= 1:
        return False
    return not (len(tokens) > 1 and gazetteer().resolve(candidate) is not None)


def singular(title: str) -> str:
    """A post written in the plural for several people, as the one each holds: its last word made singular
    ("Ofsted inspectors" → "Ofsted inspector", "Her Majesty's Inspectors" → "Her Majesty's Inspector", "Senior
    Social Workers" → "Senior Social Worker"; "witnesses" → "witness")."""
    head, sep, last = title.rpartition(" ")
    if last.endswith(("sses", "shes", "ches")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return f"{head}{sep}{last}"


@lru_cache(maxsize=8192)
def trim_name(name: str) -> str:
    """Drop words from the end of a name run that are not part of a name ("Exampley Cabinet" → "Exampley", "Jane
    Smith Early" → "Jane Smith"); a surname that is also a word stays ("Pat Senior")."""
    rules_ = rules()
    tokens = name.split()
    while tokens:
        last = tokens[-1]
        bare = _bare(last)
        if (
            last in PARTICLES
            or (last in CAPITAL_PARTICLES and len(tokens) > 1)
            or bare in rules_.never
            or _base(bare) in rules_.never
            or bare in rules_.post_nominals
            or not _word_ok(_counted(tokens), len(_counted(tokens)) - 1, True)
        ):
            tokens.pop()
            continue
        break
    return " ".join(tokens)


@cache
def _bare_name_re(full_stop: bool = False, line_end: bool = False, any_word: bool = False) -> re.Pattern[str]:
    verbs = rules().person_verbs
    stop = r"|\.(?=\s|$)" if full_stop else ""
    eol = r"|[ \t]*(?:\n|$)" if line_end else ""
    word = r"|[ \t]+[a-z\"“‘]" if any_word else ""  # a word in lower case, or a quotation
    return re.compile(
        rf"(?P<name>{name_run(1, 2)}){post_nominals()}"
        rf"(?=['’]s\b|[ \t]*(?:[,:()]|[-–—][ \t]{stop})|[ \t]+(?:{verbs}|has|had|have|is|was|will|would|who|did|does|can|could|should|must|may|put|puts|took|takes|joined|joins|leads|said|and|be)\b{eol}{word})"
    )


#: The variants of :func:`_bare_name_re` the finders ask for, as ``(full_stop, line_end, any_word)``: the posts finder
#: (a title then a name, a name after a dash), posts before names (a name after a label or a title, with or without a
#: comma), news titles and the apposition pass's dash (tests/test_speed9b_people.py checks it covers every call).
_BARE_NAME_VARIANTS = ((True, False, True), (True, True, True), (False, False, False), (True, True, False))


def compile_all() -> None:
    """Compile the patterns of this module that are otherwise compiled on first use (:func:`patterns` and the
    variants of :func:`_bare_name_re`, about 70 ms each): for a build's warm-up, so that they are compiled once
    before its workers are forked rather than in each worker (speed only; a variant not listed here is still
    compiled when first asked for)."""
    patterns()
    _comma_or_speech()
    for variant in _BARE_NAME_VARIANTS:
        _bare_name_re(*variant)


def bare_name_at(
    text: str, pos: int, full_stop: bool = False, line_end: bool = False, any_word: bool = False
) -> tuple[str, int] | None:
    """A person's name without an honorific that starts at ``pos`` and is followed by what follows a person's
    name in a sentence (a verb, "has", "who", a comma, a colon, a bracket, a dash, "'s"; with ``full_stop``, also
    a full stop; with ``line_end``, the end of the line; with ``any_word``, any word in lower case, where other
    evidence says a name stands there): ``(name, end)``."""
    m = _bare_name_re(full_stop, line_end, any_word).match(text, pos)
    if not m:
        return None
    raw = m.group("name")
    if trim_name(raw) != raw or rules().post_head_re.match(raw):
        return None
    if not is_name(raw, strict=True) and not (is_name(raw) and _apposed_or_speaking(text, pos, m.end("name"))):
        return None
    return raw, m.end("name")


_COMMA_BEFORE = re.compile(r",[ \t]*$")


@cache
def _comma_or_speech() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*,|[ \t]+{rules().speech_verbs}\b")


def _apposed_or_speaking(text: str, start: int, end: int) -> bool:
    """Whether a name at ``start:end`` stands between commas ("the director of education, Pat Senior, said") or
    before a verb of speech: evidence enough for a surname that is also a word of posts after a first name."""
    after = _comma_or_speech().match(text, end)
    if after is None:
        return False
    return after.group(0).strip() != "," or bool(_COMMA_BEFORE.search(text, max(0, start - 4), start))


def never_in_name(token: str) -> bool:
    """Whether ``token`` is a grammar word or a head word of bodies and posts, never a word of a name ("Members",
    "The", "Council")."""
    bare = _bare(token)
    return bare in rules().never or _base(bare) in rules().never


def is_post_word_start(name: str) -> bool:
    """Whether ``name`` starts with the head of a post title ("Director Smith")."""
    return bool(rules().post_head_re.match(name))


def body_of_post(title: str) -> str | None:
    """The organisation a post's title alone ties it to (a national office: "Secretary of State for Education" →
    the Department for Education, "Ofsted's National Director …" → Ofsted), else None."""
    for pattern, organisation in rules().post_bodies:
        if pattern.search(title):
            return organisation
    return None


def person_name(raw: str, honorific: str | None) -> str | None:
    """The name of a run, trimmed, when it is one (a lone surname needs an honorific)."""
    name = trim_name(raw)
    if name and (is_name(name) or (honorific and is_name(name, allow_single=True))):
        return name
    return None


def name_ending_at(text: str, end: int) -> tuple[str, str | None, int, int] | None:
    """The name (with the honorific before it) whose run, and the letters after it, end at ``end``: ``(name,
    honorific, start of the name, start of the honorific or name)``; None when no name ends there."""
    pattern, pos = patterns().name_before, max(0, end - 120)
    while (m := pattern.search(text, pos, end)) is not None:
        raw = m.group("name")
        name = person_name(raw, m.group("hon"))
        if name is not None and name == raw:
            return name, m.group("hon"), m.start("name"), m.start()
        pos = m.start() + 1  # "That Councillor Kit Tester": a later start may be the name
    return None
