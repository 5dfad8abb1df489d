"""Post titles: where a title runs in the text, and the posts a page names without a person.

A post starts at a head ("Director", "Cabinet Member", "Head", … with modifiers such as "Interim Assistant"; see
``post_heads`` in ``rules/people.toml``), capitalised modifiers before it ("Service Development Manager"), or
"the" and a lower-case head ("the lead inspector"); :func:`post_extent` finds where it ends ("Director of
Children, Families and Learning", "Strategic Director – People"). :func:`post_candidates` lists every post the
text names, for the people finder (a post before a bare name) and for :func:`find_posts`.

:func:`match_posts` keeps the candidates that are posts named without a person (two words or more, not a
collective or the meeting's own chair); :func:`merge_posts` makes one post per folded title and drops a post given
to a person or named more fully elsewhere. Rules: ``rules/people.toml``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from caregraph.errors import CaregraphError
from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.bodies import AFTER_COUNCIL_NAME, body_before, split_body
from caregraph.pipeline.extract.doc import Doc, clean, load_rules, slugish
from caregraph.pipeline.extract.names import (
    NAME_RUN_RE,
    PARTY,
    bare_name_at,
    is_name,
    patterns,
    rules,
    scan,
    trim_name,
)
from caregraph.records import PersonRecord, PostRecord

# (start, head start, end, title) of a post the text names
PostSpan = tuple[int, int, int, str]


class PostWords(NamedTuple):
    """The words post titles are made of, by role, lower case with "'" for "’" (``rules/post_words.txt``)."""

    heads: frozenset[str]  # a title's noun: "director", "member", "leader"
    modifiers: frozenset[str]  # words before the head: "cabinet", "interim", "council"
    subjects: frozenset[str]  # what a post is of or for: "children's", "wellbeing"
    tails: frozenset[str]  # a title's last word


@cache
def post_words() -> PostWords:
    """The table of post words, derived from the development gold by ``scripts/make_post_words.py``."""
    path = "rules/post_words.txt"
    roles: dict[str, set[str]] = {"head": set(), "modifier": set(), "subject": set(), "tail": set()}
    text = resources.files("caregraph").joinpath(path).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in roles:
            raise CaregraphError(f"{path}:{number}: not a row 'role<TAB>word<TAB>councils'")
        roles[fields[0]].add(fields[1])
    return PostWords(*(frozenset(roles[r]) for r in ("head", "modifier", "subject", "tail")))


_POST_CONNECTORS = {"and", "of", "for", "the", "&", "with", "in", "to", "on"}
_POST_TOKEN = re.compile(r"[\w’'&\-–]+|\([^()\n]{0,80}\)|[,.;:()\[\]\n\t|]|\S")
_POSSESSED = {"services", "service", "social", "care", "trust", "board", "partnership", "commissioner"}
_MONTH_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_LOWER_POST_STOP = {
    "at",
    "both",  # "leader of Anyshire Council (AC) both raised …"
    "jointly",
    "together",
    "who",
    "which",
    "is",
    "was",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "from",
    "that",
    "but",
    "also",
    "said",
    "says",
    "added",
    "told",
    "commented",
    "explained",
    "welcomed",
    "as",
    "since",
    "until",
    "when",
    "after",
    "before",
    "by",
}
CLAUSE_WORDS = frozenset(_LOWER_POST_STOP)  # lower-case words that end a post: a verb, a clause's or phrase's start
# the unit a capitalised name may head in lower case inside a post ("Head of the Children's Services department")
UNIT_NOUNS = frozenset(
    {"department", "directorate", "division", "team", "unit", "section", "hub", "function", "portfolio"}
)
_CONTACT_WORDS = {"extension", "ext", "tel", "telephone", "phone", "mobile", "direct", "dd", "t"}
_FIELD_WORDS = {
    "email",
    "e-mail",
    "tel",
    "telephone",
    "phone",
    "mobile",
    "fax",
    "website",
    "web",
    "address",
    "ext",
    "extension",
}
_FIELD_COLON = re.compile(r"\.?[ \t]*:")  # "Email:", "Tel.:"
_SUBJECTS_AFTER_COLON = re.compile(
    r"[ \t]*(?P<words>[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|and|&|of))*)"
    r"(?=[ \t]*(?:\n|$|,)|[ \t]+(?:Tel|Telephone|Phone|Email|E-mail|Mobile|Ext)\b)"
)
# (for speed only, the determiner opens with the class of its first letters and checks the word boundary after it —
# a search skips to those letters in C — then reads the rest of the word after that letter: "\b(?=[tToOiIaAcCbB])
# (?i:the|our|its|their|as|an?|(?:council|county|borough|city|authority)['’]s)" as written before, the same matches)
LOWER_POST = re.compile(
    r"[tToOiIaAcCbB](?<!\w.)(?:(?<=[tT])(?i:he|heir)|(?<=[oO])(?i:ur)|(?<=[iI])(?i:ts)|(?<=[aA])(?i:s|n?|uthority['’]s)"
    r"|(?<=[cC])(?i:ouncil['’]s|ounty['’]s|ity['’]s)|(?<=[bB])(?i:orough['’]s))[ \t]+(?i:(?:new|incoming|permanent)[ \t]+)?(?P<post>(?i:(?:(?:interim|acting|deputy|assistant|"
    r"executive|corporate|strategic|lead|chief|independent|principal)[ \t]+)*(?:director|chief[ \t]+executive|cabinet[ \t]+member|lead[ \t]+member|"
    r"executive[ \t]+member|portfolio[ \t]+holder|inspector|leader|head|chair(?:man|woman|person)?)))(?![\w-])"
)
_ACRONYM_PAREN_END = re.compile(r"\s*\((?:[A-Z]{2,8}|[A-Z][A-Za-z]{0,3}[A-Z])\)[\s,]*\Z")
#: Words whose initial an abbreviation of a post may leave out, and words that say when a post is held, not what
#: it is: "Director of Children's Services (DCS)", "Interim Principal Social Worker (PSW)".
_INITIAL_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "with", "to", "in", "on", "at"})
_WHEN_HELD = frozenset({"interim", "acting", "new", "permanent", "former", "temporary", "outgoing", "incoming"})
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*|&")


#: A word before a post that says when its holder took it up, not what it is ("new director", "the incoming
#: leader", "newly appointed chief executive"); "interim", "acting" and "former" are kept: they are the post as held.
#: A capitalised "New" before a capital may be a place's ("New Forest"), and a Permanent Secretary is one.
WHEN_TAKEN_UP = re.compile(
    r"(?:(?i:newly[ \t]+appointed|incoming|outgoing)|new|current|permanent|(?:New|Current|Permanent)(?=[ \t]+[a-z]))"
    r"[ \t]+(?![Ss]ecretary\b)(?=\S)"
)


def without_when_taken_up(title: str) -> str:
    """A person's post without the word before it that says when they took it up (:data:`WHEN_TAKEN_UP`): "new
    director" is the director's post."""
    m = WHEN_TAKEN_UP.match(title)
    return title if m is None else title[m.end() :]


def without_own_abbreviation(title: str) -> str:
    """A person's post without the abbreviation the text puts in brackets after it, which is no part of the
    title: its letters the initials of the post's words ("director of children's services (DCS)", "Head of
    Service (HoS)", "Interim Principal Social Worker (PSW)") or a short form that is a post's head itself
    ("Executive Director of People (DCS)", "Chief Executive (CEO)"). One inside the post stays as written
    ("Cabinet Member with Responsibility (CMR) for Children"), and so does an abbreviation of a body the post ends
    in ("Chair, Local Safeguarding Children Board (LSCB)": the letters are the board's, not the post's)."""
    m = _ACRONYM_PAREN_END.search(title)
    if m is None or m.start() == 0:
        return title
    letters = title[m.start() : m.end()].strip(" \t\n,()").lower()
    words = [w.lower() for w in _TITLE_WORD.findall(title[: m.start()])]
    while len(words) > 1 and words[0] in _WHEN_HELD:
        if _initials(words) == letters:
            break
        words = words[1:]
    if letters in (_initials(words), "".join(w[0] for w in words)) or rules().post_head_re.fullmatch(letters.upper()):
        return title[: m.start()].rstrip(" ,")
    return title


#: An initialism, then capitalised words ("AD Early Help", "HoS Safeguarding and Quality"): :func:`abbreviated_post`.
_ABBREVIATED = re.compile(
    r"(?P<letters>[A-Z][A-Za-z]{0,3}[A-Z])[ \t]+(?P<rest>[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|and|&|of|for))*)"
)


@cache
def _not_post_letters() -> frozenset[str]:
    """Letters that abbreviate a body, a service or a paper, or follow a name (``caps_not_names``, ``post_nominals``),
    less those that are a post's head ("DCS", "IRO")."""
    people = load_rules("people")["people"]
    letters = {*people["caps_not_names"], *people["post_nominals"]}
    return frozenset(w for w in letters if not rules().post_head_re.fullmatch(w))


def abbreviated_post(cell: str) -> bool:
    """Whether a role beside a name in a list or a bracket is a post written with its title as an initialism and
    then what it is for, in a post's subject words ("AD Early Help", "HoS Safeguarding", "SM Fostering and
    Adoption"); not a body's letters ("NHS Anyshire", "CAMHS Services": letters of a body or a paper)."""
    m = _ABBREVIATED.fullmatch(cell.strip())
    letters = m.group("letters") if m else ""
    if m is None or letters in _not_post_letters() or letters.lower() in _SHORT_WORDS or m.group("rest").isupper():
        return False  # "IN ATTENDANCE", "AT HOME": a word and a heading in capitals, no initialism
    subjects = rules().post_subjects
    words = [w.lower().replace("’", "'") for w in m.group("rest").split()]
    return all(w in subjects or w in _INITIAL_CONNECTORS for w in words) and words[-1] in subjects


#: Words of two to five letters that a heading in capitals may open with (no initialism of a title).
_SHORT_WORDS = (
    _INITIAL_CONNECTORS | CLAUSE_WORDS | frozenset({"an", "as", "by", "is", "it", "or", "no", "up", "all", "our"})
)


def _initials(words: list[str]) -> str:
    """The first letters of a title's words, the connectors left out ("director of children's services" → "dcs")."""
    return "".join(w[0] for w in words if w not in _INITIAL_CONNECTORS)


#: … after a council's name: the council's acronym ("North Anyshire Council (NAC)").
_COUNCIL_ACRONYM_END = re.compile(
    r"\b(?:[Cc]ouncil|[Cc]orporation)\s*\((?:[A-Z]{2,8}|[A-Z][A-Za-z]{0,3}[A-Z])\)[\s,]*\Z"
)

# ------------------------------------------------------------------------------------------ a post's extent

_STOP, _SKIP, _TAKE = "stop", "skip", "take"  # what a token does to the post being read
_CONTINUES = re.compile(r"[ \t]*(?:of|for|and|&)\b")  # after a line break inside a post
_WORD_AT = re.compile(r"[ \t]*[^\W\d_][\w’'-]*")
_LAST_WORD = re.compile(r"(?<![\w’'-])[^\W\d_][\w’'-]*[ \t]*\Z")
_PAREN_WORDS = re.compile(r"[A-Z][\w’'&,\- ]*")  # "(Policy)", "(Children, Schools and Families)"
_PAREN_NOT_POST = re.compile(r"(?i)(?:no\.?|for|see|item|report|key|non|ref)\b")
# a party in brackets after a post is the holder's party, not part of the post ("lead member for children (Labour)")
# a party, in full or short ("Lab", "LD")
PARTY_SHORT = (
    r"(?:Lab(?:our)?|Con(?:servative)?|Lib(?:eral)?[ \t]+Dem(?:ocrats?)?|LD|Green(?:[ \t]+Party)?|Ind(?:ependent)?"
    r"|Reform(?:[ \t]+UK)?|SNP|Plaid(?:[ \t]+Cymru)?)"
)
_PARTY = re.compile(rf"{PARTY_SHORT}(?:[ \t]*[,/][ \t]*[A-Z][\w’' -]*)?")  # a ward after it ("Labour, Northfield")
_DIGIT = re.compile(r"\d")
_NON_SPACE = re.compile(r"\S")  # (\s is what str.isspace tells, so none after a place is what str.rstrip tells)
_HONORIFIC_NEXT = re.compile(rf"(?:{rules().councillor}|Mr|Mrs|Ms|Dr)\b")
_PART_END = re.compile(r"[,.;:()\n]|$")
_CLAUSE = re.compile(r"[^.;:()\n]{1,160}")
_CONTACT_NUMBER = re.compile(r"[ \t]*\.?[ \t]*:?[ \t]*\(?\+?\d")  # "Tel 0100", "Tel.: 0100", "Ext. 2011"
_COUNCILLOR = re.compile(f"(?:{rules().councillor})")
_COUNCILLOR_NEXT = re.compile(rf"(?:{rules().councillor})\b")
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+$")
_COMMA_OR_BRACKET = re.compile(r"\s*[,(]")
# a name after "and" opens the next person's clause when a finite verb follows it ("… and Jo Example has joined as …")
# a verb's object after the word that follows "and" ("… and set out his expectations", "… and thanked the panel")
_OBJECT_NEXT = re.compile(
    r"(?:[ \t]+(?:out|up|down|on|off|back))?[ \t]+(?:his|her|their|its|the|a|an|this|that|these|those)\b"
)
_CLAUSE_VERB = re.compile(
    r"[ \t]+(?:(?:has|had|have|was|were|is|will|would|also|then)\b|(?:joins|joined|leads|led|becomes|became|takes|took|"
    r"moves|moved|remains|remained|continues|continued|said|says|added|steps|stepped)\b)"
)
# "with responsibility for" after a post's head opens its remit, in any case ("Cabinet member with special
# responsibility for children")
_WITH_REMIT = re.compile(
    r"(?i:with[ \t]+(?:(?:special|lead|overall|portfolio)[ \t]+)?responsibilit(?:y|ies)[ \t]+for)(?=[ \t])"
)
# "for" or "of" (and "the") before a participle: what a post is for or of ("cabinet member for developing young
# people", "Vice-Chair of the governing body")
_FOR_BEFORE = re.compile(r"(?<![\w’'-])(?:for|of)[ \t]+(?:the[ \t]+)?$")
# a party's body inside a post, after the party's name: "Leader of the Labour opposition", "the Lib Dem Councillor
# Group", "the council’s Liberal Democrat group"
_IN_ATTENDANCE = re.compile(r"[ \t]+attendance\b")
_PARTY_BODY = frozenset({"opposition", "group", "councillor", "councillors"})
_PARTY_BEFORE = re.compile(rf"(?<![\w’'-]){PARTY}(?:[ \t]+[Cc]ouncillors?)?[ \t]+$")
_PARTY_BODY_AT = re.compile(r"(?:[Oo]pposition|[Gg]roup|[Cc]ouncillors?[ \t]+[Gg]roup)(?![\w’'-])")


def _party_body(text: str, pos: int, start: int) -> bool:
    """Whether the word at ``pos`` names a party's body after the party's name inside a post that starts at
    ``start`` ("the Labour opposition", "the Lib Dem Councillor Group"; "councillor" only before "group")."""
    return bool(_PARTY_BODY_AT.match(text, pos) and _PARTY_BEFORE.search(text, max(start, pos - 40), pos))


_THE = re.compile(r"the\s+", re.I)
_OF_NEXT = re.compile(r"\s+(?:of|for|with)\b")
_CONNECTOR_TAIL = re.compile(r"(?:\s+(?:and|of|for|the|&|with|in|to|on|at))+\s*$")
_POSSESSIVE_END = re.compile(r"['’]s$")
_THE_START = re.compile(r"^the\s+", re.I)
#: the head words of a named body a post is held at ("… at Anyshire Council", "… at the Anyvale Primary Academy")
AT_BODY_HEADS = (
    r"(?:Council|Trust|Partnership|Board|School|Academy|College|University|Police|Constabulary|Service|Services"
    r"|Foundation|Group|Department|Authority|Commission|Agency|NHS|Ofsted)"
)
AT_BODY = re.compile(
    rf"[ \t]+(?:the[ \t]+)?[A-Z][\w’'&-]*(?:[ \t]+(?:[A-Z][\w’'&-]*|of|and|&|for|upon|on))*[ \t]+{AT_BODY_HEADS}\b"
)
_LOWER_BODY = re.compile(
    r"(?:(?:council|county|city|borough|authority|partnership)['’]s|the)[ \t]+[a-z][a-z’'&, \t-]{0,80}?\b(?:committee|sub-committee|board|panel|partnership|forum|commission)\b"
)
_CAPITAL_AROUND = re.compile(r"upon[ \t]+[A-Z]")
_CAPITAL_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][a-z]+[ \t]+$")
# the words of an item of a lower-case list of subjects; an acronym may be one ("children, young people and SEND");
# a serial comma may stand before its "and" ("children's services, family wellbeing, and housing")
_LOWER_WORD = r"(?:[a-z][\w’'-]*|[A-Z]{2,6}(?![\w’'-]))"
_LOWER_WORDS = rf"(?:{_LOWER_WORD}[ \t]+){{0,3}}?{_LOWER_WORD}"
_LOWER_LIST = re.compile(
    rf"[ \t]*{_LOWER_WORDS}(?:[ \t]*,[ \t]*{_LOWER_WORDS})*(?:[ \t]*,)?[ \t]+(?:and|&)[ \t]+{_LOWER_WORDS}"
    r"(?=[ \t]*(?:[,.;)]|$)|[ \t]+at[ \t]+(?:the[ \t]+)?[A-Z])",  # the list ends the clause, or a body follows
    re.M,
)
_LOWER_LIST_OPEN = re.compile(
    rf"[ \t]*{_LOWER_WORDS}(?:[ \t]*,[ \t]*{_LOWER_WORDS})*(?:[ \t]*,)?[ \t]+(?:and|&)[ \t]+{_LOWER_WORDS}(?![\w’'-])"
)
_CLOSED_CAPITAL_LIST = re.compile(
    r"(?:[A-Z][\w’'-]*[ \t]+){1,4}(?:and|&)[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3}(?=[ \t]*(?:,[ \t]*[a-z]|[.;:)]|$))",
    re.M,
)
# a serial ("Oxford") comma before the "and" that closes a capitalised list of subjects ("for Children, Education,
# and Young People's Services")
_SERIAL_AND = re.compile(r"(?:and|&)[ \t]+(?P<first>[A-Z][\w’'-]*)")
# the council a person works for, set off after their post by a comma, to the clause's end ("…, Assistant Director
# for Early Help, Anyshire County Council and …", "…, Head of Service, ABMBC"): the employer, not the title's words
EMPLOYER_AFTER = re.compile(
    r"[ \t]*,[ \t]*(?:the[ \t]+)?(?P<council>(?:[A-Z][\w’'-]*[ \t]+(?:(?:and|upon|on)[ \t]+)?){1,5}"
    r"(?:Metropolitan[ \t]+)?(?:(?:County|City|Borough|District)[ \t]+)?Council|[A-Z]{1,4}C)"
    r"(?=[ \t]*(?:[,.;:)\n]|$)|[ \t]+(?:and|&|who|was|were|is|has|had|will|said|gave|presented|attended|provided)\b)",
    re.M,
)
# the verb or auxiliary after a lower-case list of subjects that no comma closes ("the executive director for
# children, young people and families will present …")
_LIST_VERB_END = re.compile(
    r"[ \t]+(?:will|would|has|have|had|is|was|were|can|could|may|might|must|should|shall|also|then)\b"
)
_LINE_OR_SENTENCE = re.compile(r"[.!?:\n][ \t]*$|\A\Z")  # a sentence's or a line's start (not a cell's gap)
#: "is" between a definite post and its holder's name (issue 14, round 19): "the chair of the panel is Jo Example",
#: "The council's new Director of Children's Services is Jo Sample"
COPULA = re.compile(r"[ \t]+(?:is|was|will[ \t]+be|remains)[ \t]+")
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+)[ \t]+\Z")
_PUNCTUATION = frozenset({"\n", ".", ";", ":", "(", ")", "[", "]", ",", "-", "–", "—", "\t", "|"})


_PARTICIPLE = re.compile(r"[ \t]+(?P<word>[a-z]+ing)(?![\w’'-])")


def lower_list_end(text: str, pos: int, limit: int) -> int | None:
    """Where the rest of a lower-case list of subjects that starts after a comma at ``pos`` ends ("… for
    children, young people and SEND"), closed by "and"; None when the words there are no such list (a verb)."""
    listed = _LOWER_LIST.match(text, pos, limit) or _list_before_verb(text, pos, limit)
    if listed is None or any(
        patterns().verb_in.fullmatch(w) or w in _LOWER_POST_STOP for w in listed.group(0).replace(",", " ").split()
    ):
        return None
    last_and = max(listed.group(0).rfind(" and "), listed.group(0).rfind(" & "))
    for m in _PARTICIPLE.finditer(text, pos + last_and + 4, listed.end()):
        if m.group("word").replace("’", "'") not in rules().post_subjects:
            return m.start()  # "… young people and education following the report": the clause goes on
    return listed.end()


def _list_before_verb(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """A lower-case list of subjects closed by "and" that a finite verb, not a comma, follows."""
    listed = _LOWER_LIST_OPEN.match(text, pos, limit)
    if listed is None:
        return None
    if _LIST_VERB_END.match(text, listed.end(), limit) or patterns().verb_next.match(text, listed.end(), limit):
        return listed
    participle = _PARTICIPLE.match(text, listed.end(), limit)
    if participle is not None and participle.group("word") not in rules().post_subjects:
        return listed  # "… young people and education following the Ofsted report"
    return None


def employer_after(text: str, pos: int, limit: int) -> re.Match[str] | None:
    """The council set off by a comma right after a person's post that ends at ``pos`` (:data:`EMPLOYER_AFTER`)."""
    if "," not in text[pos : pos + 3]:
        return None
    return EMPLOYER_AFTER.match(text, pos, limit)


def _subject_list(rest: str) -> bool:
    """Whether ``rest`` (what follows a comma after a post's head) is the list of subjects the post is for,
    capitalised: to the clause's end, to "and" closing the list, or to the name of the holder after a comma ("the
    Strategic Director, Children, Adults and Families.", "The Strategic Director, Social Care and Education,
    Olatunde Sample, reported", "The Assistant Director, Children’s Social Care, Ms Ada Sample")."""
    clause = _CLAUSE.match(rest)
    if not clause:
        return False
    subjects = rules().post_subjects
    for i, part in enumerate(clause.group(0).split(",")):
        words = part.split()
        if (
            words
            and words[0][:1].isupper()
            and all(
                w.lower() in _POST_CONNECTORS or (w[:1].isupper() and w.lower().replace("’", "'") in subjects)
                for w in words
            )
        ):
            if "and" in words or "&" in words:
                return True  # the list is closed: what follows the next comma is not the post's
            continue
        return i > 0 and _holder(part.strip())
    return True


def _holder(part: str) -> bool:
    """Whether ``part`` opens with a person's name (an honorific, or a name that is one on its own)."""
    if _HONORIFIC_NEXT.match(part):
        return True
    nm = NAME_RUN_RE.match(part)
    return bool(nm and is_name(trim_name(nm.group(0)), strict=True))


class _PostScan:
    """The state of :func:`post_extent` reading a post token by token."""

    def __init__(self, text: str, start: int, limit: int, person: bool) -> None:
        self.text, self.start, self.limit, self.person = text, start, limit, person
        self.lower = text[start : start + 1].islower()
        head = rules().post_head_ci.match(text, start)
        self.head_end = head.end() if head else start
        self.pos = self.end = self.parts_end = start
        self.seen_after_head = False
        self.in_complement = False
        self.first_after_head = False
        self.body_end = -1  # the end of a lower-case body the post is of ("… of the council's … committee")
        self.before_dash = -1  # where the post stood whole before a dash and its area ("Senior Manager - …")

    def step(self, m: re.Match[str]) -> str:
        """Read one token: stop the post before it, skip it, or take it into the post."""
        token = m.group(0)
        if m.start() < self.body_end:
            self.end = self.pos = self.parts_end = m.end()
            return _TAKE
        if self.lower and self.in_complement:
            body = _LOWER_BODY.match(self.text, m.start(), self.limit)
            if body and CLAUSE_WORDS.isdisjoint(_TITLE_WORD.findall(body.group(0))):
                # "chair of the council's children, young people and skills committee" (not "leader of the council,
                # who also chairs the health and wellbeing board": a relative clause is no part of the post)
                self.body_end = body.end()
                self.end = self.pos = self.parts_end = m.end()
                return _TAKE
        after_head = m.start() >= self.head_end
        self.first_after_head = not self.person and after_head and not self.seen_after_head
        if after_head:
            self.seen_after_head = True
        if token in _PUNCTUATION or token[0] == "(":
            return self._punctuation(m, token)
        if self._word_stops(m, token):
            return _STOP
        self.end = self.pos = self.parts_end = m.start() + len(token)
        return _TAKE

    def _punctuation(self, m: re.Match[str], token: str) -> str:
        """What a line break, stop, bracket, bracketed part, comma or dash does."""
        text = self.text
        if token == "\n":
            nxt = text[m.end() : m.end() + 40]
            prev = text[max(self.start, m.start() - 5) : m.start()].split()
            if (prev and prev[-1].lower() in _POST_CONNECTORS) or _CONTINUES.match(nxt):
                return _SKIP  # a hard line break inside the post ("Head of\nService")
            last = _LAST_WORD.search(text, max(self.start, m.start() - 30), m.start())
            if m.start() > self.head_end and last is not None and self._goes_on(last.group(0), nxt):
                return _SKIP  # "Director of Children's\nServices": no title ends in "Children's"
            return _STOP
        if token == ":" and self.person and m.start() >= self.head_end and self._subject_after_colon(m.end()):
            self.in_complement = True
            return _SKIP  # "Jo Example, Strategic Lead: Youth  Tel: …": the area a post is for, after a colon
        if token in {".", ";", ":", "(", ")", "[", "]", "\t", "|"}:
            return _STOP  # a table's cell ends at a tab or a bar
        if token.startswith("("):
            inner = token[1:-1].strip()
            if not self.person and _holder(inner) and not rules().post_head_re.match(inner):
                return _STOP  # "The Director of Children's Services (Jane Example)": the holder's name
            if _PARTY.fullmatch(inner):
                return _STOP
            if _PAREN_WORDS.fullmatch(inner) and not _PAREN_NOT_POST.match(inner) and not _DIGIT.search(inner):
                self.end = m.end()
                self.in_complement = True
                return _SKIP
            return _STOP
        if token == ",":
            return self._comma(m)
        # a dash
        rest = text[m.end() : self.limit].lstrip()
        if not rest[:1].isupper() or _HONORIFIC_NEXT.match(rest):
            return _STOP
        after = m.end() + len(text[m.end() : self.limit]) - len(rest)
        if bare_name_at(text, after, full_stop=True, line_end=True) is not None:
            return _STOP  # "the Strategic Lead of Education – Hana Sample": the name is not part of the post
        self.in_complement = True
        if self.before_dash < 0:
            self.before_dash = self.end
        return _SKIP

    def _goes_on(self, last: str, nxt: str) -> bool:
        """Whether a post whose line ends in ``last`` goes on over the line break into ``nxt``: no title ends in
        ``last`` (not a word titles end in by the table of post words: "Children's", "Early", "Social") and the next
        line opens with a word of a post's subject or its last word ("Services", "Help", "Care")."""
        table = post_words()
        key = last.strip().lower().replace("’", "'")
        first = _WORD_AT.match(nxt)
        if first is None or key in table.tails or key in table.heads or (not key.isalpha() and not key.endswith("'s")):
            return False
        word = first.group(0).strip().lower().replace("’", "'")
        return first.group(0).strip()[:1].isupper() == last[:1].isupper() and (
            word in table.tails or word in table.subjects
        )

    def _subject_after_colon(self, pos: int) -> bool:
        """Whether a colon at ``pos`` is followed by the capitalised subjects of a post and then the end of the
        line, a comma or a contact field's label ("Strategic Lead: Youth  Tel: …"), not by a sentence or a name."""
        m = _SUBJECTS_AFTER_COLON.match(self.text, pos, self.limit)
        if m is None:
            return False
        words = [w.lower().replace("’", "'") for w in m.group("words").split()]
        subjects = rules().post_subjects
        return words[0] in subjects and all(w in subjects or w in _POST_CONNECTORS for w in words)

    def _in_bracket(self) -> bool:
        """Whether the post opens inside a bracket on its line ("Jo Example (Chief Officer, …)")."""
        line_start = self.text.rfind("\n", 0, self.start) + 1
        before = self.text[line_start : self.start]
        return before.rfind("(") > before.rfind(")")

    def _comma(self, m: re.Match[str]) -> str:
        """A comma ends the post before a name or a further post; it goes on over a list of subjects ("the
        Strategic Director, Children, Adults and Families.", "executive member for children, young people and
        education") and, after a person's name, over capitalised words."""
        rules_ = rules()
        if self.in_complement and (self.lower or self._lower_subject_before(m.start())):
            listed = lower_list_end(self.text, m.end(), self.limit)
            if listed is not None:
                self.body_end = listed  # the rest of a lower-case list of subjects is the post's
                return _SKIP
        rest = self.text[m.start() + 1 : self.limit].lstrip()
        if self.in_complement and self._serial_and(rest):
            return _SKIP  # "Cabinet Member for Children, Education, and Young People's Services"
        if self.person and employer_after(self.text, m.start(), self.limit):
            return _STOP  # "Jo Example, Head of Service, Anyshire County Council": the employer, not the title
        nm = NAME_RUN_RE.match(rest)
        if not rest[:1].isupper() or _HONORIFIC_NEXT.match(rest):
            return _STOP
        segment_end = _PART_END.search(rest)
        if self.person and _DIGIT.search(rest, 0, segment_end.start() if segment_end else 80):
            return _STOP  # "Jo Example, Scrutiny Officer, Agenda item 4": a part with a number is no post's
        if self.person and _CLOSED_CAPITAL_LIST.match(rest):
            return _SKIP  # "Director of Education, Strong Start and Integration, said": a list closed by "and"
        if nm and is_name(trim_name(nm.group(0)), strict=True):
            if self.person and rest[nm.end() :].lstrip()[:1] == ")" and self._in_bracket():
                return _SKIP  # "Jo Example (Chief Officer, Anyshire Healthwatch)": a body closes the bracket
            return _STOP
        if rules_.post_head_re.search(rest[: segment_end.start() if segment_end else 80]) and not self.person:
            return _STOP
        if self.person and rules_.post_head_re.match(rest):
            return _STOP
        if not self.in_complement and not self.person:
            if _subject_list(rest):
                self.in_complement = True  # "the Strategic Director, Children, Adults and Families."
                return _SKIP
            return _STOP
        return _SKIP

    def _label_next(self, pos: int) -> bool:
        """Whether a post's head at ``pos`` labels a field that a colon follows ("Cabinet Members:", "Lead Officer:")."""
        colon = self.text.find(":", pos, pos + 40)
        if colon < 0:
            return False
        label = self.text[pos:colon].rstrip(" \t")
        head = rules().post_head_re
        return bool(head.fullmatch(label) or (label.endswith("s") and head.fullmatch(label[:-1])))

    def _serial_and(self, rest: str) -> bool:
        """Whether ``rest`` (after a comma inside a post's complement) is "and" and a capitalised subject that closes
        the list ("…, and Young People's Services"), not "and" and the next person or post."""
        m = _SERIAL_AND.match(rest)
        if m is None or m.group("first").lower().replace("’", "'") not in rules().post_subjects:
            return False
        after = rest[m.start("first") :]
        if rules().post_head_re.match(after):
            return False
        nm = NAME_RUN_RE.match(after)
        return not (nm and is_name(trim_name(nm.group(0)), strict=True))

    def _lower_subject_before(self, pos: int) -> bool:
        """Whether the word before ``pos`` is a lower-case subject after the head ("Portfolio Holder for children,
        education and skills": a capitalised post whose subjects are written in lower case)."""
        if pos <= self.head_end:
            return False
        words = self.text[self.head_end : pos].split()
        return bool(words) and words[-1][:1].islower() and words[-1].replace("’", "'") in rules().post_subjects

    def _word_stops(self, m: re.Match[str], token: str) -> bool:
        """Whether a word ends the post before it: a contact field, a number or month, a name after the post, a
        lower-case word that is no part of it, a second post or person after "and"."""
        text, abs_start = self.text, m.start()
        word = token.lower()
        if abs_start > self.start and self._bound(abs_start, word):
            return False  # "champion for looked after children": a phrase of two words names what the post is for
        if word in _CONTACT_WORDS and _CONTACT_NUMBER.match(text[m.end() : m.end() + 6]):
            return True  # "Service Director - Early Help Extension: 2011": a contact field ends the post
        if word in _FIELD_WORDS and _FIELD_COLON.match(text, m.end()):
            return True  # "Democratic Services Officer  Email:": the next field's label ends the post
        if abs_start > self.start and token[0].isupper() and _FIELD_COLON.match(text, m.end()) and _not_post_word(word):
            return True  # "Director of Children's Services   Date: 4 March": a word no post is made of labels a field
        if (
            token[0].islower()
            and word.endswith("ing")
            and word.replace("’", "'") not in rules().post_subjects
            and abs_start >= self.head_end
            and not _FOR_BEFORE.search(text, max(0, abs_start - 9), abs_start)
            and not self._head_next(m.end())
        ):
            # "Head of Children's Social Care giving an update": a participle starts the clause; after "for" or "of"
            # it is what the post is for ("cabinet member for developing young people")
            return True
        if (
            self.person
            and token[0].islower()
            and word.endswith("ly")
            and abs_start >= self.head_end
            and word.replace("’", "'") not in rules().post_subjects
            and patterns().verb_next.match(text, m.end(), m.end() + 30)
        ):
            return True  # "the Minister for Children recently wrote": an adverb before a verb starts the clause
        if token[0].isdigit() or word in _MONTH_WORDS or token in {"RESOLVED", "AGREED", "NOTED", "RECOMMENDED"}:
            return True
        if self.first_after_head and token[0].isupper() and word not in _POST_CONNECTORS:
            return True
        if token[0].isupper() and abs_start > self.head_end and self._label_next(abs_start):
            return True  # "… of Children's Services Cabinet Members: Councillors …": the next field's label
        inside_head = abs_start < self.head_end
        if word == "in" and _IN_ATTENDANCE.match(text, m.end()):
            return True  # "Cabinet Member in attendance as substitute": the person's presence, not the post
        if word in _PARTY_BODY and _party_body(text, abs_start, self.start):
            return False  # "Leader of the Labour opposition", "Leader of the Lib Dem Councillor Group"
        if (
            not self.person
            and not inside_head
            and token[0].isupper()
            and word not in _POST_CONNECTORS
            and bare_name_at(text, abs_start, full_stop=True, any_word=True) is not None
        ):
            return True  # "Director of Children's Services Jane Smith said": the post ends before the name
        if word == "with":
            remit = _WITH_REMIT.match(text, abs_start, self.limit)
            if remit is not None:  # "Cabinet Member with responsibility for Children": the post's remit
                self.in_complement = True
                self.body_end = remit.end()
                return False
        if word == "for" and rules().post_duration.match(text, abs_start, self.limit):
            return True  # "director of children's services for six years": how long, not what of
        if word in {"of", "for", "with", "to"}:
            self.in_complement = True
        if not inside_head and self._lower_word_stops(token, word, abs_start):
            return True
        if word in {"and", "&"} and self._and_stops(m):
            return True
        if word == "or" and self._person_next(m.end()):
            return True  # "Contact: Jo Example, Scrutiny Manager or Kit Sample, …": the next contact
        return not inside_head and bool(_COUNCILLOR.fullmatch(token))

    def _bound(self, pos: int, word: str) -> bool:
        """Whether ``word`` at ``pos`` ends a phrase of two words with the word before it (``bound_phrases``)."""
        before = _WORD_BEFORE.search(self.text, max(self.start, pos - 30), pos)
        return before is not None and (before.group(1).lower(), word) in rules().bound_phrases

    def _head_next(self, pos: int) -> bool:
        """Whether a post's head follows ``pos`` after spaces: a participle before it is what the post is of ("chief
        operating officer", "Independent Reviewing Officer"), not the start of a clause."""
        nxt = _NON_SPACE.search(self.text, pos, self.limit)
        return nxt is not None and rules().post_head_ci.match(self.text, nxt.start(), self.limit) is not None

    def _lower_word_stops(self, token: str, word: str, abs_start: int) -> bool:
        """Whether a lower-case word outside the head ends the post ("the lead inspector": a lower-case head is the
        post's own words, and so are the noun after a possessive and, in a lower-case post, its subject words)."""
        if (
            token[0].islower()
            and word not in _POST_CONNECTORS
            and word in _POSSESSED
            and _POSSESSIVE_BEFORE.search(self.text[max(self.start, abs_start - 4) : abs_start])
        ):
            return False  # "Director of Children’s services": the noun after a possessive belongs to the post
        if word == "at" and self.person and AT_BODY.match(self.text, abs_start + 2):
            self.in_complement = True
            return False  # "cabinet member for children at Cornwall Council": the body is part of the post
        if (
            word == "upon"
            and self.in_complement
            and _CAPITAL_AROUND.match(self.text, abs_start)
            and _CAPITAL_BEFORE.search(self.text, max(0, abs_start - 30), abs_start)
        ):
            return False  # "for Richmond upon Thames", "Kingston upon Hull": a place's name goes on
        if token[0].islower() and word not in _POST_CONNECTORS:
            if self.person and not self.lower and self._after_capital_complement(abs_start, word):
                return True  # "X’s role as Director of Children’s Services begins …": a verb after a capitalised post
            if (
                not self.person
                and self.lower
                and self.in_complement
                and word.replace("’", "'") in rules().post_subjects
            ):
                return False  # "the director of children's services": a lower-case post runs over its subject
            return not (
                self.person
                and word not in _LOWER_POST_STOP
                and not patterns().verb.fullmatch(word)
                and (self.lower or self.pos > self.start)
            )
        return False

    def _after_capital_complement(self, pos: int, word: str) -> bool:
        """Whether a lower-case ``word`` at ``pos`` follows a capitalised post's capitalised complement and is no
        word a post is made of ("Director of Children’s Services begins"; not "Head of Service for children")."""
        if not self.in_complement or word == "or":
            return False  # "Head of Fostering or Adoption"
        before = self.text[self.head_end : pos].split()
        if not before or not before[-1][:1].isupper():
            return False
        rules_ = rules()
        key = word.replace("’", "'")
        return not (
            key in rules_.post_subjects
            or key in rules_.lower_heads
            or key in rules_.lower_modifiers
            or key in UNIT_NOUNS
        )

    def _person_next(self, pos: int) -> bool:
        """Whether a person's name (an honorific, or a name on its own) follows ``pos``."""
        rest = self.text[pos : self.limit].lstrip()
        if _COUNCILLOR_NEXT.match(rest) or _HONORIFIC_NEXT.match(rest):
            return True
        nm = NAME_RUN_RE.match(rest)
        return bool(nm and is_name(trim_name(nm.group(0)), strict=True))

    def _and_stops(self, m: re.Match[str]) -> bool:
        """Whether "and" / "&" ends the post: before a person, or before a second post ("Deputy Leader and Cabinet
        Member for …" is one post; "Manager and Interim Assistant Director" two)."""
        rules_ = rules()
        rest = self.text[m.end() : self.limit].lstrip()
        nm = NAME_RUN_RE.match(rest)
        if (
            nm
            and named_person(trim_name(nm.group(0)))
            and (
                _COMMA_OR_BRACKET.match(rest[nm.end() :])
                or (self.person and _CLAUSE_VERB.match(rest, nm.end(), nm.end() + 40))
            )
        ) or _COUNCILLOR_NEXT.match(rest):
            return True  # "… and Jo Example, …", "… and Jo Example has joined as …": the next person's clause
        if _THE.match(rest) and rules_.post_head_re.match(rest[4:].lstrip()):
            return True
        first = rest.split(None, 1)[0].rstrip(",.;:").replace("’", "'") if rest else ""
        if (
            self.person
            and not self.lower
            and first[:1].islower()
            and first not in rules_.post_subjects
            and first not in rules_.lower_heads
            and first not in rules_.lower_modifiers
        ):
            return True  # "ex-Director of Children's Services and expert in …": a capitalised post ends at "and"
        if self.person and first in {"a", "an"}:
            return True  # "… director of children's services and a monitoring visit found …": a new clause
        if (
            self.person
            and first[:1].islower()
            and first not in rules_.post_subjects
            and first not in rules_.lower_heads
            and first not in rules_.lower_modifiers
            and (patterns().verb.fullmatch(first) or _OBJECT_NEXT.match(rest, len(first)))
        ):
            return True  # "has been appointed chair and set out his expectations": "and" opens the next predicate
        nxt = rules_.post_head_re.match(rest)
        if nxt and not self.person:
            if self.in_complement or not _OF_NEXT.match(rest[nxt.end() : nxt.end() + 12]):
                return True
        elif not self.person and not self.in_complement and not nxt:
            return True
        return False

    def result(self) -> tuple[int, str] | None:
        text, start, end = self.text, self.start, self.end
        # nothing but space (no line break) follows; the first test copies no part of the text (speed only)
        if _NON_SPACE.search(text, self.parts_end) is None and "\n" not in text[self.parts_end :]:
            if _whole_last_word(text[start : self.parts_end]):
                pass  # "…, Lead Member for Education and Children’s Service" ends the page whole
            elif self.before_dash <= start:
                return None  # the page is cut off inside the post (a line that ends the page is whole)
            else:
                end = self.before_dash  # "Senior Manager - Performa": the post is whole before the dash
        tail = _CONNECTOR_TAIL.search(text[start:end])
        if tail:
            end = start + tail.start()
        if end <= start:
            return None
        # an acronym in brackets that ends the post abbreviates it ("Director of Children's Services (DCS)"): dropped
        # from a post named without a person; a person's post keeps it, as the text gives the title they hold ("Jo
        # Example, Chair, Local Safeguarding Children Board (LSCB), said"); one inside it is part of the title as
        # written ("Cabinet Member with Responsibility (CMR) for Children")
        # (… but not a council's: "Leader of Anyshire Council (AC)" is the leader, the council split off below)
        raw = text[start:end]
        if not self.person or _COUNCIL_ACRONYM_END.search(raw):
            raw = _ACRONYM_PAREN_END.sub("", raw)
        title = clean(raw).strip(" ,-–")
        last = title.rsplit(None, 1)[-1].lower().replace("’", "'") if title else ""
        if last not in rules().post_subjects:
            title = _POSSESSIVE_END.sub("", title)  # "Assistant Director Children’s": the subject keeps its "’s"
        return end, title


def _not_post_word(word: str) -> bool:
    """Whether a lower-cased word is none of the words post titles are made of (``post_words.txt``, the rules'
    subjects, heads and modifiers)."""
    return word.replace("’", "'") not in _title_words() and not rules().post_head_ci.fullmatch(word)


@cache
def _title_words() -> frozenset[str]:
    """Every word the table of post words and the rules make post titles of, gathered once."""
    table, rules_ = post_words(), rules()
    return (
        table.heads
        | table.modifiers
        | table.subjects
        | table.tails
        | rules_.post_subjects
        | rules_.lower_heads
        | rules_.lower_modifiers
    )


def _whole_last_word(title: str) -> bool:
    """Whether a post the page ends in ends in a whole word, one a title ends in by the table of post words ("…,
    Lead Member for Education and Children’s Service" as the page's last line), not a word cut short ("Cabinet
    Memb", "Chair of the Child" of "Children's …")."""
    words = title.split()
    if len(words) < 3:
        return False
    last = words[-1].lower().replace("’", "'")
    table = post_words()
    return last in table.tails or last in table.heads or last in rules().lower_heads


def post_extent(text: str, start: int, limit: int, person: bool) -> tuple[int, str] | None:
    """Where a post title that begins at ``start`` ends, and the title as written (an acronym in brackets that ends it dropped).

    A post runs over capitalised words and connectors ("Director of Children, Families and Learning"), a
    bracketed part ("(Policy)"), a dash and capitalised words ("Strategic Director – People"), and, after a
    person's name, lower-case words too ("director of children’s services"). It stops at a comma followed by a
    name or by a further post, at a full stop, semicolon, colon or line break, at a verb. None when the text is
    cut off inside the post.
    """
    scan = _PostScan(text, start, limit, person)
    if scan.head_end > start and text.startswith(("’s", "'s"), scan.head_end):
        return None  # "the Chief Executive’s Office", "the Director's report": a head in the possessive names no post
    for m in _POST_TOKEN.finditer(text, start, limit):
        if scan.step(m) == _STOP:
            break
    else:
        if (
            limit >= len(text)
            and _NON_SPACE.search(text, scan.end) is None  # (nothing but space after it; no copy of the text)
            and scan.before_dash <= start
            and not _whole_last_word(text[start : scan.end])
        ):
            return None  # the page is cut off inside the post
    return scan.result()


# ------------------------------------------------------------------------------------------ posts in the text


def fold_post(title: str) -> list[str]:
    """A post's words for comparing: lower case, "the" dropped, synonyms folded ("Chairman" → "chair")."""
    fold = rules().post_fold
    words = slugish(_THE_START.sub("", title)).split()
    return [fold.get(w, w) for w in words]


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def post_before(text: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The post that ends right before ``pos`` ("Cabinet Member for Children and Young People, Councillor …")."""
    window_start = max(0, pos - 160)
    window = text[window_start:pos]
    if not re.search(r"[\w)’'][\s,\-–—]*$", window):
        return None
    heads = {m.start() for m in patterns().post_start.finditer(text, window_start, pos)}
    starts = sorted(heads | {m.start("post") for m in LOWER_POST.finditer(text, window_start, pos)})
    for head in starts:
        extent = post_extent(text, head, pos, person=False)
        if extent is None:
            continue
        end, title = extent
        start = _extend_left(text, head) if head in heads else head
        if start < head:
            title = f"{clean(text[start:head])} {title}"  # "Scrutiny Lead for Children's Services"
        joined = _joined_post(text, start, window_start)
        if joined is not None:
            start, title = joined[0], f"{joined[1]} and {title}"
        between = text[end:pos]
        # on the same line, or after a comma ("…, Cabinet Member for Children,\nCouncillor …") or a dash ("The
        # Cabinet Member for Children's Services - Councillor Bye"); a post that ends a line of a list is the previous
        # person's. Right before the name with nothing between, any post is theirs ("Vice Chair Councillor …").
        if re.fullmatch(r"[ \t]+", between) and (len(title.split()) >= 2 or rules().one_word_posts & {title.lower()}):
            return title, (start, end)
        if not re.fullmatch(r"[ \t]*(?:,\s*|[-–—][ \t]*)?", between):
            continue
        the = _THE_BEFORE.search(text, max(0, start - 16), start)
        if len(title.split()) >= 2 and (re.search(r"\b(?:of|for|with)\b", title) or the):
            return title, (start, end)
        if the and title.lower() in rules().offices:
            return title, (start, end)  # "The Chair, Councillor X", "the council's leader, Councillor X"
    return None


# the second of a pair of posts two people hold ("the Chair and Vice Chair Councillor X", "Leader and Deputy Leader")
PAIRED_SECOND = re.compile(r"(?i)(?:vice|deputy)\b")
_AND_BEFORE = re.compile(r"[ \t]+(?:and|&)[ \t]+$")


def named_person(words: str) -> bool:
    """Whether ``words`` are a person's name: by their shape alone, or led by a known given name whose surname is
    also a word ("Chris West", "Sam Hall")."""
    if is_name(words, strict=True):
        return True
    from caregraph.pipeline.extract.people_by_given_name import given_names  # (it imports this module's)

    return is_name(words) and words.split()[0] in given_names()


_THE_BEFORE = re.compile(r"\b(?:the|our|its|their|(?:council|county|borough|city|authority)['’]s)\s+$", re.I)


def _joined_post(text: str, start: int, window_start: int) -> tuple[int, str] | None:
    """A post that ends with "and" right before ``start`` ("Deputy Leader of Anyshire County Council and Cabinet
    Member for …, Councillor X": both posts are X's): ``(its start, its title)``."""
    before = _AND_BEFORE.search(text, window_start, start)
    if before is None:
        return None
    if PAIRED_SECOND.match(text, start):
        return None  # "the Chair and Vice Chair Councillor X": the first of a pair of posts is another's
    for m in patterns().post_start.finditer(text, window_start, before.start()):
        extent = post_extent(text, m.start(), before.start(), person=False)
        if extent is not None and extent[0] == before.start():
            return m.start(), extent[1]
    return None


def post_candidates(doc: Doc) -> list[PostSpan]:
    """Every post title the scanned text names, as ``(start, head start, end, title)``: capitalised ones ("Service
    Development Manager", capitalised modifiers before the head included) and lower-case ones after "the"
    ("the lead inspector", "the Cabinet member", "the director of children's services")."""
    text, limit = doc.text, doc.limit
    out: list[PostSpan] = []
    heads: set[int] = set()
    for m in scan(patterns().post_start, doc, prefixes=patterns().head_starts):
        head = m.start("post")
        heads.add(head)
        # capitalised modifiers before the head belong to the post ("Service Development Manager")
        start = _extend_left(text, head)
        if start < head:
            for ms, me, _ in doc.councils_in(max(0, start - 80), head):
                if ms <= start < me or start <= ms < head:
                    after = AFTER_COUNCIL_NAME.match(text, me)
                    start = max(
                        start, after.end() if after else me
                    )  # "Kensington and Chelsea Lead Member": not "Chelsea Lead Member"
        extent = post_extent(text, head, min(len(text), head + 200), person=False)
        if extent is None:
            continue
        end, title = extent
        prefix = clean(text[start:head])
        if prefix:
            title = f"{prefix} {title}"
        out.append((start, head, end, title))
    for m in LOWER_POST.finditer(text, 0, limit):
        head = m.start("post")
        if head in heads or head - 1 in heads:
            continue
        extent = post_extent(text, head, min(len(text), head + 200), person=False)
        if extent is not None:
            out.append((head, head, extent[0], extent[1]))
    out.sort()
    return out


@cache
def _honorific_end() -> re.Pattern[str]:
    """An honorific (or a plural one) right before a position: what stands before a name, never before a modifier."""
    hons = sorted({*rules().honorifics, *rules().plural_honorifics}, key=len, reverse=True)
    return re.compile(rf"(?<![\w’'-])(?:{'|'.join(re.escape(h) for h in hons)})[ \t]+$")


# a capitalised word, or an organisation's initials ("TfC Director of Children's Services", "NCC Project Manager")
_LEFT_MODIFIER = re.compile(
    r"(?:(?<=\s)|^)(?P<word>[A-Z][a-z]+(?:['’]s)?|(?P<initials>[A-Z](?:[a-z]?[A-Z]){1,4})|&|(?<=[a-z] )and)[ \t]+$"
)


# capitalised words a post's start was moved left over, none a word of posts ("Valley", "Labour" before "MP")
_PROPER_RUN = re.compile(r"(?:[A-Z][a-z]+[ \t]+)+")


def _proper_word(word: str) -> bool:
    """Whether a capitalised word opening a sentence may be the first word of a proper name that runs on into the
    title's modifiers ("Colne Valley MP Jo Example said", "Huddersfield Labour MP Kit Sample"): no grammar or
    calendar word ("Yesterday Labour MP …"), no adverb that opens a sentence ("Meanwhile …", "Separately …") and no
    word of posts."""
    rules_ = rules()
    return (
        word not in rules_.grammar
        and word not in rules_.calendar
        and word not in rules_.vocabulary
        and not _SENTENCE_ADVERB.fullmatch(word)
    )


_SENTENCE_ADVERB = re.compile(
    r"[A-Z][a-z]+(?:ly|while|wise|ever|theless)|Elsewhere|Instead|Now|Later|Earlier|Still|Yet|Again|Indeed|Overall|Today"
)


def _extend_left(text: str, start: int) -> int:
    """Move a post's start left over capitalised modifiers ("Service Development Manager", "Overview &
    Scrutiny Officer", "Children’s Commissioner"); not over articles, place or organisation names."""
    rules_ = rules()
    pos = good = start
    for _ in range(4):
        m = _LEFT_MODIFIER.search(text, max(0, pos - 30), pos)
        if not m:
            break
        word = m.group("word")
        if m.group("initials") and word in rules_.post_nominals:
            break  # "Jo Sample MBE Cabinet Member": letters after a name, not the post's
        if word in rules_.not_modifiers or (word.endswith(("'s", "’s")) and word[:-2] not in {"Children", "People"}):
            break
        if word in {"&", "and"} and not re.search(r"[A-Z][a-z]+\s+$", text[max(0, m.start() - 30) : m.start()]):
            break  # "Overview and Scrutiny Co-ordinator": "and" between two modifiers only
        if (
            pos < start
            and text.startswith(("and ", "& "), pos)
            and word.lower() in rules_.post_subjects
            and len(text[pos:start].split()) == 1
        ):
            # "the Department for Education and Secretary of State": a subject before "and" and the head ends a
            # title; before "and" and modifiers it is one of them ("Quality and Performance Manager")
            break
        if (
            word not in {"&", "and"}
            and word in rules_.never
            and word not in rules_.modifier_words
            and word.lower() not in rules_.post_subjects
        ):
            break  # "Schools Minister", "Education Secretary": a subject is a modifier
        if gazetteer().resolve(word) is not None:
            break
        if _honorific_end().search(text, max(0, m.start() - 30), m.start()):
            break  # "Councillor Hamilton and Co-opted Member Mrs X": a name after an honorific is no modifier
        before = text[max(0, m.start() - 2) : m.start()]
        if (
            re.search(r"[.!?:]\s*$|^\s*$", before)
            and m.start() > 0
            and not m.group("initials")
            and word not in rules_.modifier_words
            and word.lower() not in rules_.post_subjects
            and not (word in rules_.vocabulary and word not in rules_.calendar and _LINE_OR_SENTENCE.search(before))
            and not (pos < start and _PROPER_RUN.fullmatch(text, pos, start) and _proper_word(word))
        ):
            # a sentence-initial capital is not a modifier unless it is a modifier or subject word, or a word of posts
            # and services at a sentence's or line's start ("Virtual School Head Jo Example said"); initials are
            # written in capitals wherever they stand ("NCC Project Manager Jo Example said" opening a paragraph)
            break
        pos = m.start()
        if word not in {"&", "and"}:
            good = pos  # a post never starts with "and"
        if m.group("initials"):
            break  # an organisation's initials open the post ("NCC Project Manager")
    return good


# ------------------------------------------------------------------------------------------ posts finder


class PostCandidate(NamedTuple):
    title: str
    key: str  # the folded title
    start: int
    end: int
    organisation: str | None = None  # the body the text ties the post to


def _council_before(doc: Doc, start: int) -> str | None:
    """The council named right before a post ("The Kensington and Chelsea Lead Member …"), by its official name."""
    gaz = gazetteer()
    for _, me, slug in doc.councils_in(max(0, start - 80), start):
        after = AFTER_COUNCIL_NAME.match(doc.text, me)
        if after is not None and after.end() == start:
            return gaz.councils[slug].official_name
    return None


def find_posts(
    doc: Doc, people: list[PersonRecord], taken: list[tuple[int, int]], spans: list[PostSpan]
) -> list[PostRecord]:
    """Posts named without a person: "the Cabinet Member for Children and Families", "Executive Director"."""
    return merge_posts(doc, match_posts(doc, taken, spans), people)


def match_posts(doc: Doc, taken: list[tuple[int, int]], spans: list[PostSpan]) -> list[PostCandidate]:
    """The posts of ``spans`` (and "leader of the council") whose head is in no span a person's post ``taken``:
    two words or more, not a one-word role, a collective or the meeting's chair, not a verb's subject."""
    rules_ = rules()
    pr = patterns()
    text = doc.text
    taken = sorted(taken)

    def inside(pos: int) -> bool:
        return any(s <= pos < e for s, e in taken)

    candidates: list[tuple[int, int, str]] = [
        (start, end, title) for start, head, end, title in spans if not inside(head)
    ]
    # (speed only: every match of ``lower_post`` holds "leader" as written; a page without it has none)
    if text.find("leader", 0, doc.limit) >= 0:
        for m in pr.lower_post.finditer(text, 0, doc.limit):
            if not inside(m.start("post")):
                candidates.append((m.start("post"), m.end("post"), m.group("post")))
    out = []
    for start, end, title in sorted(candidates):
        organisation, title = split_body(clean(title))
        organisation = body_before(text, start, title) or organisation or _council_before(doc, start)
        words = title.split()
        if len(words) < 2 and title.lower() not in {"leader"}:
            continue
        if title.lower() in rules_.one_word_posts or rules_.not_posts.match(title):
            continue
        if pr.verb_in.search(title) and not re.search(r"\b(?:of|for)\b", title):
            continue
        if _labels_a_person(text, end):
            continue  # "Lead Officer: Jo Example, Assistant Director …": the label of a person's line
        out.append(PostCandidate(title, " ".join(fold_post(title)), start, end, organisation))
    return out


_LABEL_COLON = re.compile(r"[ \t]*:[ \t]*")


def _labels_a_person(text: str, end: int) -> bool:
    """Whether a post that ends at ``end`` is the label of a field whose value is a person ("Lead Officer: Jo
    Example", "Report Author: Councillor Kit Sample")."""
    colon = _LABEL_COLON.match(text, end)
    return bool(colon and _holder(text[colon.end() : colon.end() + 80]))


def merge_posts(doc: Doc, candidates: list[PostCandidate], people: list[PersonRecord]) -> list[PostRecord]:
    """One post per folded title (the first, with its sentence); none that repeats or shortens a person's post or a
    fuller post."""
    found: dict[str, PostRecord] = {}
    for c in candidates:
        if c.key not in found:
            found[c.key] = PostRecord(c.title, doc.evidence(*doc.sentence_around(c.start, c.end)), c.organisation)
    folded = {key: key.split() for key in found}
    person_posts = [fold_post(p.post) for p in people if p.post]
    out = []
    for key, record in found.items():
        words = folded[key]
        if any(_is_subsequence(words, other) for other in person_posts):
            continue
        if any(
            other != key and len(folded[other]) > len(words) and _is_subsequence(words, folded[other])
            for other in found
        ):
            continue
        out.append(record)
    return out
