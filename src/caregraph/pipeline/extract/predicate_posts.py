"""Posts in predicates: "X has been named as the next Director …", "X, who is the council's director …", "X, who
starts as Director …", "to appoint Councillor X as Vice-Chair", "the appointment of (former director) X as its chief
executive", "X had replaced Y as Director …" (:func:`predicate_posts`), and a post named in a declaration of interest,
"Councillor X declared an interest as she is Chair of …" (:func:`declared`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean, per_doc
from caregraph.pipeline.extract.names import is_name, name_ending_at, patterns, person_name, rules
from caregraph.pipeline.extract.patterns import finditer_at_words
from caregraph.pipeline.extract.posts import AT_BODY_HEADS, UNIT_NOUNS, post_extent, post_words


def predicate_posts(doc: Doc) -> Iterator[PersonCandidate]:
    """Posts in predicates: "X has been named as the next Director of …", "X is the independent chair of …",
    "X had replaced Y as Director …" (the post is X's; Y is named too), "to appoint Councillor X as Vice-Chair",
    "Councillor X was elected Chair", "Cllr X’s role as Executive Member for …", "X stepped down as chairman of …". The words after the name are found first, then the name that ends there.
    Those of a relative clause on the name are :func:`relative_posts`'."""
    return (c for c, relative in _predicated(doc) if not relative)


def relative_posts(doc: Doc) -> Iterator[PersonCandidate]:
    """Posts said in a relative clause on the name, not of an appointment: "Chief executive Sam Example, who is
    also chair of the Children's Trust, said", "Kit Sample, who was head of fostering, …". The text ties such a post
    to the person less directly than a title beside the name (the people finder merges them after those)."""
    return (c for c, relative in _predicated(doc) if relative)


@per_doc
def _predicated(doc: Doc) -> list[tuple[PersonCandidate, bool]]:
    """Each person of a predicate with their post, and whether the predicate is a relative clause on the name that
    appoints no one (:func:`relative_posts`)."""
    return list(_predicates(doc))


def _predicates(doc: Doc) -> Iterator[tuple[PersonCandidate, bool]]:
    pr, text = patterns(), doc.text
    for pattern, words in (
        (pr.named_as, None),
        (pr.replaced, _REPLACED_WORDS),
        (pr.elected, _ELECTED_WORDS),
        (pr.appoint, _APPOINT_WORDS),
        (_role_as_re(), _ROLE_AS_WORDS),
        (_perfect_as_re(), _PERFECT_AS_WORDS),
        (_left_as_re(), _LEFT_AS_WORDS),
        (_i_am_re(), _I_AM_WORDS),
        (_joined_re(), _JOINED_WORDS),
        (_time_as_re(), _TIME_AS_WORDS),
    ):
        if words is not None and not any(text.find(w, 0, doc.limit) >= 0 for w in words):
            continue
        matches = (
            finditer_at_words(pattern, text, 0, doc.limit, text[: doc.limit], _APPOINT_WORDS)
            if pattern is pr.appoint
            else pattern.finditer(text, 0, doc.limit)
        )
        for m in matches:
            if (
                words not in (_ROLE_AS_WORDS, _I_AM_WORDS)
                and m.start()
                and text[m.start() - 1].isalnum()
                and text[m.start()] != ","
            ):
                continue  # inside a word ("reappointed", "this"); a possessive's "’s" follows its name
            if pattern is pr.appoint:
                hon, raw = m.group("hon"), m.group("name")
                name, ev_start = person_name(raw, hon), m.start("hon") if hon else m.start("name")
                if name != raw:
                    continue
            else:
                found = name_ending_at(text, m.start()) or _subject_of_clause(text, m.start())
                if found is None and words is _TIME_AS_WORDS:
                    found = _nearest_name_before(text, m.start())
                if found is None or (pattern is pr.elected and found[1] is None):
                    continue
                name, hon, _, ev_start = found
                if words is _I_AM_WORDS and not _MY_NAME_BEFORE.search(text, max(0, ev_start - 20), ev_start):
                    continue  # "I" is the speaker only where the speaker gave the name ("my name is Jo Example")
            assert name is not None
            relative = _RELATIVE_START.match(text, m.start()) is not None and not any(
                w in m.group(0) for w in _ELECTED_WORDS
            )
            for person in _predicate_post(doc, m, name, hon, ev_start):
                yield person, relative
            if pattern is pr.replaced:
                other = person_name(m.group("name2"), m.group("hon2"))
                if other:
                    yield (
                        candidate(doc, other, None, m.start("name2"), m.start("name2") + len(other), m.group("hon2")),
                        False,
                    )


_RELATIVE_START = re.compile(r"who[ \t]")


# a subject set off before its verb by a relative clause ("Jo Example, who joined in 2019, took up …"), or named
# before a relative clause that the pronoun of the predicate stands in ("Jo Example, who … when she joined as …")
_RELATIVE_BEFORE = re.compile(r",[ \t]+who\b[^,.;:()\n“”\"]{1,120},[ \t]*\Z")
# the predicate is a relative clause's on the name before it ("Cllr Jo Example, who replaced Cllr Kit Sample as …")
_WHO_BEFORE = re.compile(r",[ \t]+who[ \t]+\Z")
_PRONOUN_IN_RELATIVE = re.compile(r",[ \t]+who\b[^.;:()\n“”\"]{1,160}?\b(?:he|she)[ \t]+\Z")


def _subject_of_clause(text: str, pos: int) -> tuple[str, str | None, int, int] | None:
    """The name a predicate at ``pos`` is said of when a relative clause stands between them ("Jo Example, who has
    worked here for ten years, took up her post as …"), the predicate is a relative clause on the name ("Jo Example,
    who replaced Kit Sample as …") or the predicate's subject is a pronoun inside a relative
    clause after the name ("Kit Sample, who has been at the council since 2013 when he joined as …")."""
    window = max(0, pos - 200)
    clause = (
        _RELATIVE_BEFORE.search(text, window, pos)
        or _PRONOUN_IN_RELATIVE.search(text, window, pos)
        or _WHO_BEFORE.search(text, max(0, pos - 8), pos)
    )
    return name_ending_at(text, clause.start()) if clause is not None else None


@cache
def _role_as_re() -> re.Pattern[str]:
    """A name's role: "Cllr Jo Example’s role as Executive Member for …", "Kit Sample's new post as the interim
    director", "Ann Example took up her post as director of …", "Kit Sample is to take on the role of Director of …":
    the post is the name's (the name is found ending
    where the match starts)."""
    return re.compile(
        r"(?:(?:['’]s|[ \t]+(?:take|takes|took|taken|taking)[ \t]+up[ \t]+(?:his|her|their|the))[ \t]+"
        r"(?:(?:new|current|former|previous|interim|substantive)[ \t]+)?(?:role|post|position|job)[ \t]+as"
        # "Kit Sample is to take on the role of Director of …", "Jo Example has taken on the role of chair"
        r"|[ \t]+(?:(?:is|are|was|were|will|would|has|have|had)[ \t]+(?:(?:to|now|also|recently)[ \t]+)?)?"
        r"(?:take|takes|took|taken|taking)[ \t]+on[ \t]+the[ \t]+(?:(?:new|interim|permanent)[ \t]+)?(?:role|post)[ \t]+of)"
        rf"[ \t]+(?:(?P<det>the|a|an)[ \t]+)?(?P<mods>)(?=(?P<head>(?i:{rules().post_head})))"
    )


@cache
def _perfect_as_re() -> re.Pattern[str]:
    """A perfect tense of a verb of taking up a post, then "as" and the post: "Jo Example has joined as interim head
    of …", "Kit Sample had started as Director …", "Ann Example has now served as chair of …" (the name is found
    ending where the match starts)."""
    return re.compile(
        r"(?:has|had|have)[ \t]+(?:(?:now|recently|also|since|previously)[ \t]+)?"
        r"(?:joined|started|returned|served|acted|worked|stepped[ \t]+in|taken[ \t]+over)[ \t]+as"
        r"[ \t]+(?:(?P<det>the|a|an|its|our|their)[ \t]+)?(?:(?:new|next|permanent)[ \t]+)?(?P<mods>)"
        rf"(?=(?P<head>(?i:{rules().post_head})))"
    )


@cache
def _i_am_re() -> re.Pattern[str]:
    """A speaker who gave their name and then their post: "my name is Councillor Jo Example and I am chair of this
    committee" (the name is found ending where the match starts; the words before it must be "my name is" or "I
    am")."""
    return re.compile(
        r"[ \t]*(?:,[ \t]*|[ \t]+)and[ \t]+I(?:[ \t]+am|['’]m)[ \t]+(?:(?P<det>the)[ \t]+)?(?P<mods>)"
        rf"(?=(?P<head>(?i:{rules().post_head})))"
    )


_MY_NAME_BEFORE = re.compile(r"(?i:my[ \t]+name[ \t]+is|I[ \t]+am|I['’]m)[ \t]+\Z")


@cache
def _left_as_re() -> re.Pattern[str]:
    """A verb of leaving a post, then "as" and the post: "Jo Example stepped down as chairman of the select
    committee", "Kit Sample has resigned as Director …", "Ann Example will retire as chief executive in May" (the
    post the person holds until then; the name is found ending where the match starts)."""
    return re.compile(
        r"(?:(?:has|had|have|will|would|is[ \t]+to|was[ \t]+to)[ \t]+)?(?:(?:now|recently|also|formally)[ \t]+)?"
        r"(?:(?:stepped|steps|step|stood|stands|stand)[ \t]+down|resign(?:ed|s)?|quit|retire[ds]?)[ \t]+as"
        r"[ \t]+(?:(?P<det>the|a|an|its|our|their)[ \t]+)?(?P<mods>)"
        rf"(?=(?P<head>(?i:{rules().post_head})))"
    )


@cache
def _joined_re() -> re.Pattern[str]:
    """A verb of joining a body, the body, then "as" and the post: "Jo Example joined the council as Director of …",
    "Kit Sample, who joined Anyshire County Council as head of fostering in 2019", "Ann Example has rejoined the
    authority as interim director" (the name is found ending where the match starts; a body of a few words, no
    clause's word among them)."""
    return re.compile(
        r"(?:who[ \t]+)?(?:(?:has|had|have)[ \t]+)?(?:(?:recently|now|also|originally|first|previously)[ \t]+)?"
        r"(?:joined|rejoined|re-joined|returned[ \t]+to|came[ \t]+to|moved[ \t]+to)[ \t]+"
        r"(?P<body>(?:(?!(?:as|and|who|which|in|on|from|with)[ \t])[\w’'&-]+[ \t]+){1,5}?)"
        r"as[ \t]+(?:(?P<det>the|a|an|its|our|their)[ \t]+)?(?:(?:new|next|permanent)[ \t]+)?(?P<mods>)"
        rf"(?=(?P<head>(?i:{rules().post_head})))"
    )


@cache
def _time_as_re() -> re.Pattern[str]:
    """A name's time in a post, said with "his" or "her": "The Chair welcomed Jo Example to her first meeting as
    Director of …", "thanked Kit Sample for his work as interim Head of Service", "Ann Example, who was attending
    her last meeting as Chair" (the name is found ending where the match starts)."""
    return re.compile(
        r"(?:(?:to|for|on|at|in|of|since|after|before|until|during|following|throughout)"
        r"|,[ \t]*who[ \t]+(?:was|is)[ \t]+(?:attending|at))[ \t]+(?:his|her|their)[ \t]+"
        r"(?:(?:first|last|final|many|long|recent|years[’']?|tireless|hard)[ \t]+)?"
        r"(?:meeting|work|time|years?|service|contributions?|tenure|period|retirement|departure|leaving|appointment"
        r"|post|role|stint|spell|term)[ \t]+as[ \t]+(?:(?P<det>the|a|an)[ \t]+)?"
        r"(?:(?:council|county|borough|city|authority)['’]s[ \t]+)?(?:(?:new|permanent)[ \t]+)?(?P<mods>)"
        rf"(?=(?P<head>(?i:{rules().post_head})))"
    )


_CAPITALISED_END = re.compile(r"[A-Z][\w’'-]*(?![\w’'-])")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n][ \t]|\n")


def _nearest_name_before(text: str, pos: int) -> tuple[str, str | None, int, int] | None:
    """The name nearest before ``pos`` in its sentence, which a "his" or "her" at ``pos`` stands in for ("Jo Example
    was praised for leading the team since her appointment as …", "after Cllr Jo Example was stripped of her post
    as …"); None when the sentence names no one before it."""
    window = max(0, pos - 240)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, window, pos)]
    start = breaks[-1] if breaks else window
    for word in reversed(list(_CAPITALISED_END.finditer(text, start, pos))):
        found = name_ending_at(text, word.end())
        if found is not None and found[3] >= start and (found[1] or is_name(found[0], strict=True)):
            return found
    return None


#: A word every match of the pattern holds (the patterns heed case): a text without any has no match (speed only).
_REPLACED_WORDS = ("replac", "succeed")
_ELECTED_WORDS = ("named", "appointed", "elected", "confirmed", "selected", "chosen", "nominated", "installed")
_APPOINT_WORDS = ("appoint", "elect", "nominat", "confirm")
_ROLE_AS_WORDS = ("role as", "post as", "position as", "job as", "role of", "post of")
_PERFECT_AS_WORDS = ("has ", "had ", "have ")
_I_AM_WORDS = (" I am ", " I'm ", " I’m ")
_LEFT_AS_WORDS = ("down as", "resign", "quit as", "retire")
_JOINED_WORDS = ("joined", "came to", "returned to", "moved to")
_TIME_AS_WORDS = ("his ", "her ", "their ")


def _predicate_post(doc: Doc, m: re.Match[str], name: str, hon: str | None, start: int) -> Iterator[PersonCandidate]:
    """The person of a predicate with the post that starts at the match's head."""
    text, head = doc.text, m.start("head")
    extent = post_extent(text, head, min(len(text), head + 200), person=True)
    if extent is None:
        return
    post_end, post = extent
    if _FOR_THE_MEETING.match(text, head, min(len(text), post_end + 30)):
        return  # "to elect Councillor X as chair for this meeting only": the text says no post is held
    post = _predicate_title(f"{_table_modifier_before(text, m)}{clean(m.group('mods') or '')} {post}".strip())
    if (
        len(post.split()) < 2
        and (post.islower() or m.groupdict().get("det") in {"a", "an"})
        and not (post.lower() in _OFFICES_ALONE and m.groupdict().get("det") is None)
    ):
        return  # "appointed as a member of the Committee": a member, not a post; "appointed X as commissioner" is
    yield candidate(doc, name, post, start, post_end, hon, None, (head, post_end))


_WORD_BEFORE = re.compile(r"(?<![\w’'-])(?P<word>[A-Za-z][a-z-]+)[ \t]+$")
#: Words a predicate passes over before a title that say when the post is held, not what it is
_WHEN_WORDS = frozenset({"former", "previous", "new", "next", "first", "current", "outgoing", "incoming", "permanent"})


def _table_modifier_before(text: str, m: re.Match[str]) -> str:
    """The word a predicate's pattern passed over right before the post's modifiers when the table of post words
    holds it as a modifier ("the appointment of Jo Example as interim director …": "interim" is the title's), with
    a space after it; else ""."""
    mods_start = m.start("mods")
    named = m.end("name") if "name" in m.re.groupindex and m.group("name") else m.start()
    before = _WORD_BEFORE.search(text, max(named, mods_start - 24), mods_start)
    if before is None:
        return ""
    word = before.group("word").lower()
    if word not in post_words().modifiers or word in _WHEN_WORDS or word.endswith("ed"):
        return ""  # "has been appointed interim director": a participle is the predicate's verb
    return f"{before.group('word')} "


#: Offices that are a post in one lower-case word when a predicate gives them without an article ("has appointed Jo
#: Example as commissioner", "elected as chairman").
_OFFICES_ALONE = frozenset(
    {"commissioner", "chair", "chairman", "chairwoman", "chairperson", "inspector", "headteacher"}
)


@cache
def _declared_re() -> re.Pattern[str]:
    # (the word first and what may not stand before it after it: a search skips to the word; speed only)
    return re.compile(
        r"declared(?<!\wdeclared)\b(?:[^.;\n]|\.(?=\S|[ \t]+\d)){0,160}?\b(?:as|that)[ \t]+(?:(?:she|he|they)[ \t]+(?:is|was|are|were)[ \t]+)?"
        rf"(?:(?P<det>a|an|the)[ \t]+)?(?P<mods>)(?=(?P<head>(?i:{rules().post_head})))"
    )


def declared(doc: Doc) -> Iterator[PersonCandidate]:
    """A post named in a declaration of interest, held by the member the sentence opens with: "Councillor Jo
    Example declared a non-pecuniary interest as she is Chair of Governors …", "Councillor Tom Sample, Non
    Pecuniary, declared that he is a Trustee of …"."""
    text, pr = doc.text, patterns()
    if "declared" not in text:
        return
    for m in _declared_re().finditer(text, 0, doc.limit):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 160) + 1
        found = list(pr.honorific.finditer(text, start, m.start()))
        if not found:
            continue
        if m.group("det") in {"a", "an"} and text[m.start("head")].islower():
            continue  # "as he was a member of the family court": a membership in lower case is no post
        h = found[-1]
        name = person_name(h.group("name"), h.group("hon"))
        if name is None or name != h.group("name"):
            continue
        yield from _predicate_post(doc, m, name, h.group("hon"), h.start())


_FOR_THE_MEETING = re.compile(r"(?i)[^,.;\n]*?[ \t]+(?:for|of)[ \t]+(?:this|the)[ \t]+meeting[ \t]+only\b")
_OF_THIS = re.compile(
    r"(?i)\s+(?:of|for)\s+(?:this|the)\s+(?:committee|panel|board|meeting|sub-committee|municipal\s+year|year)\b.*$"
)


_OF_THIS_END = re.compile(r"(?i)\s+(?:of|for)\s+(?:this|the)$")


@cache
def _relative_date() -> re.Pattern[str]:
    """A date relative to the page at a predicate's end ("… last year", "… next spring"), or its first word alone
    where the extent stopped at a word of the calendar ("appointed as director for the department last April")."""
    calendar = "|".join(sorted(rules().calendar, key=len, reverse=True))
    return re.compile(rf"(?i)\s+(?:last|this|next|earlier|later)(?:\s+(?:year|month|week|{calendar})\b.*)?$")


def _predicate_title(post: str) -> str:
    """A post read from a predicate, without "of this Committee" and what the sentence goes on to say."""
    post = _OF_THIS.sub("", post)
    post = _OF_THIS_END.sub("", post)  # "Chair of this" (the extent stopped at "meeting")
    post = _relative_date().sub("", post)
    if _AT_BODY_END.search(post):
        return (
            post  # "Executive Member for Children at Anyshire Council", "… at Anyvale School": the body is the post's
        )
    if _IN_UNIT_END.search(post):
        return post  # "interim head of improvement in the directorate": the unit the post sits in is the post's
    return re.sub(r"\s+(?:to|in|from|on|at|until|since|with|who|which|and\s+will)\s+.*$", "", post)


_IN_UNIT_END = re.compile(rf"\s+in\s+the\s+(?:{'|'.join(sorted(UNIT_NOUNS))})$")
# (a council's, a school's, a trust's …: "chair of governors at the Anyvale Primary Academy")
_AT_BODY_END = re.compile(
    rf"\s+at\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+(?:(?:of|and|upon|on)\s+)?){{1,5}}(?:{AT_BODY_HEADS}|LBC|MBC|BC|CC)$"
)
