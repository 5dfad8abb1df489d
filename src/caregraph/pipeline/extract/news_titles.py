"""A title written before a name with a lower-case head, as news copy does: "Corporate director Ana Example said",
"Council leader Sir Alan Example", "Lead member for children's services, Cllr X", "Ofsted's regional director for the
North West, Jane Example" (:func:`title_then_name`). Also where the text's lower-case heads of posts start
(:func:`lower_heads`) and where a title before a head starts (:func:`title_start`), which other passes use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean, per_doc
from caregraph.pipeline.extract.names import (
    bare_name_at,
    is_name,
    name_run,
    patterns,
    person_name,
    post_nominals,
    rules,
)
from caregraph.pipeline.extract.people_acting import sentence_or_clause_start
from caregraph.pipeline.extract.posts import CLAUSE_WORDS, COPULA, WHEN_TAKEN_UP, lower_list_end


@cache
def _lower_head_re() -> re.Pattern[str]:
    heads = sorted(rules().lower_heads, key=len, reverse=True)
    firsts = "".join(sorted({h[0] for h in heads} | {h[0].upper() for h in heads}))
    # one branch a first letter ("director", "Director of …"), the heads in it longest first: the same matches as
    # one alternative a head, tried fewer times (speed only)
    by_first: dict[str, list[str]] = {}
    for h in heads:
        by_first.setdefault(h[0], []).append(re.escape(h[1:]))
    either = "|".join(f"[{c}{c.upper()}](?:{'|'.join(rests)})" for c, rests in by_first.items())
    return re.compile(rf"(?<![\w’'-])(?=[{firsts}])(?:{either})(?![\w’'-])")


_MEMBER_POST = re.compile(r"(?i)\b(?:cabinet|executive|lead|support|co-opted)\b")
_MEMBER_FOR = re.compile(r"\b(?:for|of)[ \t]+(?P<word>[\w’'-]+)")


def _member_post(title: str) -> bool:
    """Whether a title whose head is "member" is a post: a cabinet or lead member, or a member for a subject or of
    a body ("member for children's services", "member of the committee"); a party's member for a place is a
    councillor ("Labour member for Anytown"), which is no post."""
    if _MEMBER_POST.search(title):
        return True
    found = _MEMBER_FOR.search(title)
    if found is None:
        return False
    word = found.group("word")
    return word[:1].islower() or word.lower().replace("’", "'") in rules().post_subjects


_MAJESTY = re.compile(r"Majesty['’]s[ \t]")
_TOKEN_LEFT = re.compile(r"(?:(?<=\s)|^)(?P<word>[\w’'&-]+)[ \t]+$")
_TOKEN_RIGHT = re.compile(r"[ \t]+(?P<word>[\w’'&-]+)")
_COMMA_SPACE = re.compile(r"[ \t]*,[ \t]*")


@per_doc
def lower_heads(doc: Doc) -> list[int]:
    """Where the lower-case heads of posts start in the scanned text ("director", "member"), in order: worked out
    once per document (three passes start from them)."""
    return [m.start() for m in _lower_head_re().finditer(doc.text, 0, doc.limit)]


def title_then_name(doc: Doc) -> Iterator[PersonCandidate]:
    """A title written before a name with a lower-case head, as news copy does: "will replace interim director
    Gerald Sample", "Corporate director Ana Example said", "Council leader Sir Alan Person is", "led by DfE adviser
    Dr Ana Tester", "Children and Young People Select Committee chair, Cllr Pat Sample, welcomed". The title runs
    left from the head over capitalised words and lower-case modifiers ("interim", "cabinet"), right over "of" or
    "for" and its subject; the name follows at once or after a comma (an honorific, or a name that goes on as a
    person's does). A title after "the", "our", "its" is another pass's."""
    text, r = doc.text, rules()
    for head in lower_heads(doc):
        m = _lower_head_re().match(text, head)
        assert m is not None
        if not (_LOWER_COMPLEMENT if text[head].isupper() else _AFTER_HEAD).match(text, m.end()) and not (
            text[head].islower() and _bare_subject(text, m.end())
        ):
            continue  # a capitalised title is another pass's unless its subject is in lower case
        end, comma_needed = _title_end(text, m.end())
        end = after = _acronym_end(text, end)
        at = AT_BODY_AFTER.match(text, after)
        if at is not None:
            end = after = at.end()  # "director of children's services at Anyshire Council Jo Example": its body
        sep = _COMMA_SPACE.match(text, after)
        copula = COPULA.match(text, after)
        if copula is not None and title_start(text, m.start(), r.lower_modifiers) is None:
            sep = copula  # "the chair of the panel is Jo Example": a definite title, "is" and its holder
        elif comma_needed and sep is None:
            continue
        pos = sep.end() if sep else after + (1 if text[after : after + 1] == " " else 0)
        lower_honorific = COUNCILLOR_BEFORE_NAME.match(text, pos)
        if lower_honorific is not None:
            pos = lower_honorific.end()  # "… councillor Jo Example": "councillor" in lower case is the honorific
        if pos == after or not text[pos : pos + 1].isupper():
            continue  # no name follows
        found = _name_at(text, pos)
        if found is None:
            continue
        start = title_start(text, m.start(), r.lower_modifiers)
        if start is None and (sep is None or sep is copula) and text[head].islower():
            # "the secretary of state for education Sam Example": a title after an article, the name at once (set
            # off by commas, it is :func:`apposed_title`'s)
            start = title_start(text, m.start(), r.lower_modifiers, after_article=True)
        if start is None:
            continue
        name, hon, name_end = found
        hon = hon or ("Councillor" if lower_honorific is not None else None)
        title = clean(text[start:end])
        if len(title.split()) < 2 and not _lone_title(text, start, title, hon):
            start_ = _noun_title_start(text, start, title)
            if start_ is None:
                continue
            start, title = start_, clean(text[start_:end])
        when = WHEN_TAKEN_UP.match(text, start, end)
        if when is not None:
            start = when.end()  # "new director of children's services Jo Example": "new" says when, not what
            title = clean(text[start:end])
        if m.group(0) == "member" and not _member_post(title):
            # "Labour member Jo Sample": a member of a party or a committee holds no post
            yield candidate(doc, name, None, pos, name_end, hon)
            continue
        yield candidate(doc, name, title, start, name_end, hon, None, (start, end))


#: "councillor" in lower case before a capitalised word: an honorific before a name, as news copy writes it.
COUNCILLOR_BEFORE_NAME = re.compile(r"councillor[ \t]+(?=[A-Z])")

# a body the post is held at, after it and before the holder's name ("… at Anyshire County Council, Jo Sample")
AT_BODY_AFTER = re.compile(
    r"[ \t]+at[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'&-]*[ \t]+(?:(?:of|and|&|upon|on)[ \t]+)?){1,6}"
    r"(?:Council|Trust|Partnership|Board|Authority|Service|Services)(?=[ \t]*[,(–—-]|[ \t]+[A-Z])"
    # a borough or city named for its place ("… at the Royal Borough of Anyshire and Otherton, Jo Sample")
    r"|[ \t]+at[ \t]+(?:the[ \t]+)?(?:(?:Royal|London|Metropolitan)[ \t]+Borough|City)[ \t]+of[ \t]+[A-Z][\w’'-]*"
    r"(?:[ \t]+(?:(?:and|&|upon|on)[ \t]+)?[A-Z][\w’'-]*){0,3}(?=[ \t]*[,(–—-])"
    # a department of state named for what it is for ("… at the Department for Education, Ed Sample")
    r"|[ \t]+at[ \t]+the[ \t]+Department[ \t]+(?:for|of)[ \t]+[A-Z][\w’'-]*(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w’'-]*)?(?=[ \t]*[,(–—-])"
)
_LONE_TITLES = frozenset({"inspector", "chair", "chairman", "chairwoman", "chairperson", "commissioner", "headteacher"})
_CLAUSE_BEFORE = re.compile(r"(?:,|\b(?:by|from|with|to|and|but))[ \t]+$")
# offices and callings that are a post in one lower-case word: before a name opening a clause or after a preposition
# ("…, leader Teresa Example spoke"), and right before an honorific and a name wherever they stand ("…, leader
# Councillor Kit Example detailed", "to appoint commissioner Sir Alan Sample")
_LONE_OFFICES = _LONE_TITLES | {"leader", "mayor", "director"}


def _lone_title(text: str, start: int, title: str, honorific: str | None = None) -> bool:
    """Whether a title of one lower-case word is a post before a name: an office or a calling that is one on its
    own ("inspector Neil Example said", "written by chairman Bob Sample", "…, leader Teresa Example spoke"), opening
    a clause or after a preposition; an office right before an honorific anywhere ("the government appointed commissioner Sir Alan
    Sample", "leader Councillor Kit Example detailed")."""
    if honorific is not None and title in _LONE_OFFICES:
        return True
    return title in _LONE_OFFICES and (
        sentence_or_clause_start(text, start) or bool(_CLAUSE_BEFORE.search(text, max(0, start - 8), start))
    )


# the heads of callings a title names with nouns of its field before them ("transformation officer", "media
# relations manager"), nouns no list of modifiers holds
_CALLING_HEADS = frozenset({"officer", "manager", "adviser", "advisor", "consultant", "coordinator", "co-ordinator"})
_LOWER_LEFT = re.compile(r"(?:(?<=\s)|^)(?P<word>[a-z][a-z-]+)[ \t]+$")
_NOT_NOUN_END = ("ed", "ing", "ly", "’s", "'s")


def _noun_title_start(text: str, head: int, title: str) -> int | None:
    """Where a calling's title in lower case starts when nouns of its field stand before its head ("…, transformation
    officer Vince Example did not …", "contact Anyshire County Council senior media relations officer Jo Sample"): up
    to three lower-case words, none a grammar word, verb or participle, opening a clause or after the capitalised
    name of the body it is held at; None when the title is not so written."""
    if title not in _CALLING_HEADS:
        return None
    grammar, verb, pos = rules().grammar, patterns().verb, head
    for _ in range(3):
        left = _LOWER_LEFT.search(text, max(0, pos - 30), pos)
        if left is None:
            break
        word = left.group("word")
        if word.capitalize() in grammar or word in _NOT_NOUNS or verb.fullmatch(word) or word.endswith(_NOT_NOUN_END):
            break
        pos = left.start()
    if pos == head:
        return None
    if sentence_or_clause_start(text, pos):
        return pos
    body = title_start(text, pos, frozenset())
    return body if body is not None and body < pos and text[body].isupper() else None


_NOT_NOUNS = frozenset(
    {"will", "can", "may", "might", "must", "shall", "should", "would", "could", "not", "also", "then", "now"}
)


def title_start(text: str, head: int, modifiers: frozenset[str], after_article: bool = False) -> int | None:
    """Where a title whose head starts at ``head`` starts: left over capitalised words ("Council", "DfE",
    "Children and Young People Select Committee", "His Majesty's") and lower-case modifiers; None after "the",
    "our", "its", "their", "a", "as" (the title of another pass), unless ``after_article``: then the title starts
    after the article ("the secretary of state for education Sam Example")."""
    pos, joined = head, None  # joined: where the title starts without a post joined before "and"
    for _ in range(10):
        m = _TOKEN_LEFT.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        word = m.group("word")
        low = word.lower()
        if low in {"his", "her"} and _MAJESTY.match(text, pos):
            return m.start()  # "His Majesty's inspector Kim Example": the whole title
        if low in {"the", "our", "its", "their", "a", "an", "as", "his", "her"}:
            # "the chair and cabinet member for children Jo Example": "the chair" is another's
            return joined if joined is not None or not after_article or low == "as" else pos
        if word[:1].isupper():
            if word in rules().grammar or word in rules().calendar:
                if low in modifiers and sentence_or_clause_start(text, m.start()):
                    pos = m.start()  # "Previous director Jo Example resigned": a modifier opening the sentence
                break  # "In", "The", "Following", "January": a sentence goes on before the title
            pos = m.start()
        elif (
            word in modifiers
            or (word in {"and", "&", "of"} and _TOKEN_LEFT.search(text, max(0, m.start() - 40), m.start()))
            or (word in rules().lower_heads and text.startswith(("and ", "& "), pos))
        ):
            if word in rules().lower_heads and joined is None and text.startswith(("and ", "& "), pos):
                joined = pos + (4 if text.startswith("and ", pos) else 2)
            if word == "of" and not text[pos : pos + 1].isupper():
                break  # "of" only between capitalised words ("Deputy Leader of Anyshire Council and …")
            if word in {"and", "&", "of"}:
                before = _TOKEN_LEFT.search(text, max(0, m.start() - 40), m.start())
                if before is None or not (
                    before.group("word")[:1].isupper() or (word != "of" and before.group("word") in rules().lower_heads)
                ):
                    break  # "Deputy Leader of Anyshire Council and …", "deputy leader and cabinet member …"
                if word != "of" and _name_ends_at(text, m.start()):
                    break  # "Chief Executive Jo Example and council leader Kit Sample": the first title is Jo's
            pos = m.start()
        else:
            break
    while text[pos : pos + 4] in {"and ", "& "}:
        pos += 4
    return pos


def _name_ends_at(text: str, pos: int) -> bool:
    """Whether the two words before ``pos`` (spaces after them) are a person's name, by its shape and a known
    given name ("… Jo Example and …")."""
    words = text[max(0, pos - 50) : pos].split()[-2:]
    return len(words) == 2 and is_name(" ".join(words), strict=True)


def _title_end(text: str, head_end: int) -> tuple[int, bool]:
    """Where a title ends after its head: over "of" or "for" and the lower-case words of its subject
    ("director for children’s services"), up to a capitalised word that is not a subject's; a place or body after
    "the" is the title's too ("regional director for the North West"), and then only a comma ends it. Also
    whether the name must follow after a comma."""
    first = _TOKEN_RIGHT.match(text, head_end)
    if first is not None and _bare_subject(text, head_end):
        return _bare_subject_end(text, head_end), False
    if first is None or first.group("word") not in {"of", "for"}:
        return head_end, False
    end, pos, last = head_end, first.end(), first.group("word")
    subjects, verb = rules().post_subjects, patterns().verb
    for _ in range(8):
        m = _TOKEN_RIGHT.match(text, pos)
        if m is None:
            break
        word = m.group("word")
        low = word.lower().replace("’", "'")
        if word == "at" and AT_BODY_AFTER.match(text, end):
            break  # "director of children's services at Anyshire Council Jo Example": the body the post is held at
        if word[:1].isupper() and low not in subjects:
            if last not in _OPEN_WORDS:
                break
            while m is not None and m.group("word")[:1].isupper():  # "for the North West"
                pos = end = m.end()
                m = _TOKEN_RIGHT.match(text, pos)
            return end, True
        if word[:1].islower() and verb.fullmatch(word):
            return head_end, False
        if low in CLAUSE_WORDS:
            break  # "the chair of the panel is Jo Example": a verb or a clause's word ends the title
        if COUNCILLOR_BEFORE_NAME.match(text, m.start("word")):
            break  # "executive member for children's services councillor Jo Example": an honorific ends the title
        pos = end = m.end()
        last = low
    if last in _OPEN_WORDS:
        return head_end, False  # "director for the": the title does not end on "the"
    comma = _COMMA_SPACE.match(text, end)
    if comma is not None and text[comma.end() : comma.end() + 1].islower():
        listed = lower_list_end(text, comma.start() + 1, len(text))
        if listed is not None:
            # "cabinet member for children, families and education, Cllr X", or with no comma before the name
            return listed, False
        listed = _subjects_before_name(text, comma.end())
        if listed is not None:
            return listed, False  # "cabinet member for children, families and education Jo Example said"
    return end, False


_LIST_TOKEN = re.compile(r"[ \t]*(?P<word>,|[\w’'&-]+)")


def _subjects_before_name(text: str, pos: int) -> int | None:
    """Where a list of lower-case subjects at ``pos`` ends right before a capitalised word with no comma
    ("families and education Jo Example"): every word a subject of posts, the last two joined by "and" or "&";
    None when the words there are no such list."""
    subjects, end, joined = rules().post_subjects, None, False
    for _ in range(12):
        m = _LIST_TOKEN.match(text, pos)
        if m is None:
            return None
        word = m.group("word")
        if word[:1].isupper():
            return end if joined and end is not None else None
        if word in {"and", "&"}:
            joined, end = True, None
        elif word == ",":
            if joined:
                return None
            end = None
        elif word.lower().replace("’", "'") in subjects:
            end = m.end()
        else:
            return None
        pos = m.end()
    return None


_ACRONYM = re.compile(r"[ \t]+\((?-i:[A-Z]{2,6})\)")


def _acronym_end(text: str, end: int) -> int:
    """Where a title ends with the acronym in brackets the text gives it ("director of children's services (DCS)
    Jo Example")."""
    m = _ACRONYM.match(text, end)
    return m.end() if m else end


def _bare_subject(text: str, pos: int) -> bool:
    """Whether the words at ``pos`` (after a lower-case head) are a subject in lower case without "of" or "for", as
    news copy writes a title before a name ("service director children’s operations Jo Example")."""
    m = _TOKEN_RIGHT.match(text, pos)
    return (
        m is not None and m.group("word")[:1].islower() and m.group("word").replace("’", "'") in rules().post_subjects
    )


def _bare_subject_end(text: str, pos: int) -> int:
    """Where a subject written without "of" or "for" ends: over subject words (in either case) and "and" / "&"
    between them ("director quality and Improvement"); ``pos`` if it ends on a connector."""
    subjects, end = rules().post_subjects, pos
    for _ in range(8):
        m = _TOKEN_RIGHT.match(text, pos)
        if m is None:
            break
        word = m.group("word")
        if word.lower().replace("’", "'") in subjects:
            end = m.end()
        elif word not in {"and", "&"}:
            break
        pos = m.end()
    return end


_LOWER_COMPLEMENT = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[a-z]")
_AFTER_HEAD = re.compile(r",?[ \t]+(?:of\b|for\b|[A-Z])")
_OPEN_WORDS = frozenset({"the", "of", "for", "and", "&", "a", "an", "in"})


def _name_at(text: str, pos: int) -> tuple[str, str | None, int] | None:
    """The person named at ``pos``: with an honorific, or a bare name followed as a person's name is."""
    m = patterns().honorific.match(text, pos)
    if m is not None:
        name = person_name(m.group("name"), m.group("hon"))
        if name is not None:
            return name, m.group("hon"), m.start("name") + len(name)
        return None
    # a title in lower case right before a capitalised name is evidence enough that a name follows ("then chief
    # executive Nia Example announcing …", "director Sam Sample as its …")
    found = bare_name_at(text, pos, full_stop=True, any_word=True)
    if found is None:
        return None
    return found[0], None, found[1]


# ------------------------------------------------------------------------------------------ a title, then its holder


# what follows the second comma besides a person's verb: a relative pronoun, or an auxiliary ("…, Jo Example, was
# absent", "…, Jo Example, has written")
_AFTER_APPOSED = "who|whose|was|is|has|had|will|would"


@cache
def _apposed_re() -> re.Pattern[str]:
    """ "<a|the> <title>, <Name>, <who|a verb>": the title between the article (or "His Majesty's") and a comma; the
    name between two commas, a person's verb or "who" after it."""
    r, pr = rules(), patterns()
    verbs = r.person_verbs
    hon = pr.honorific.pattern.split(r"\s+(?P<name>")[0].removeprefix(r"\b(?P<hon>").removesuffix(")")
    return re.compile(  # led by the letters a match starts with ("the", "a", "an", "His", "Her"): speed only
        r"(?=[AaHTt])(?:(?<![\w’'-])(?i:the|a|an)[ \t]+(?P<title>[^,.;:!?()\[\]\n\"“”]{2,90}?)"
        r"|(?<![\w’'-])(?P<majesty>(?:His|Her)[ \t]+Majesty['’]s[ \t]+[^,.;:!?()\[\]\n\"“”]{2,60}?))"
        # the holder's party and ward before a lower-case "councillor" ("…, Labour Anyfield councillor Jo Example,")
        rf"[ \t]*,[ \t]+(?:(?P<hon>{hon})[ \t]+|(?P<party>(?:[A-Z][\w’'-]*[ \t]+){{0,3}})councillor[ \t]+)?"
        rf"(?P<name>{name_run(0, 2)}){post_nominals()}"
        rf"[ \t]*,[ \t]+(?=(?:{_AFTER_APPOSED}|{verbs})\b)"
    )


@cache
def _apposed_end() -> re.Pattern[str]:
    """What every match of :func:`_apposed_re` ends with: a comma before "who" or a person's verb (a page without
    one has no match; speed only)."""
    return re.compile(rf",[ \t]+(?=(?:{_AFTER_APPOSED}|{rules().person_verbs})\b)")


_POSSESSIVE_START = re.compile(r"^(?:[A-Z][\w’'&.-]*[ \t]+){0,4}[\w’'&.-]+['’]s[ \t]+")
_LAY_COMPLEMENT = re.compile(r"(?i)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+public\b|an?[ \t])")
_TITLE_SHAPE = re.compile(
    r"^(?P<before>(?:[\w’'&-]+[ \t]+){0,4}?)(?P<head>[\w-]+)(?P<after>[ \t]+(?:of|for)[ \t]+.+)?$"
)


def apposed_title(doc: Doc) -> Iterator[PersonCandidate]:
    """A title in apposition before its holder's name, the name set off by commas, as news prose writes it: "the
    leader of the opposition, Jo Example, said", "a government-appointed commissioner, Ann Sample, who …", "His
    Majesty's Inspector, Kim Tester, who led the visit", "the Minister for Children, Families and Wellbeing, Ed Person,
    wrote". The title is the words after the article up to the comma: modifiers, a head of posts ("leader",
    "commissioner", "Adviser"), "of" or "for" and its subject; a possessive before it is its body, not its title
    ("the council's director …"); a member is a post only as :func:`_member_post` says."""
    text = doc.text
    if ", " not in text or _apposed_end().search(text, 0, doc.limit) is None:
        return
    heads, subjects = rules().lower_heads, rules().post_subjects
    pattern, pos = _apposed_re(), 0
    while (m := pattern.search(text, pos, doc.limit)) is not None:
        pos = m.start() + 1  # a title refused may hold the start of the real one ("the service run by a …")
        title = m.group("title") or m.group("majesty")
        start = m.start("title") if m.group("title") else m.start("majesty")
        if m.group("title"):
            cut = _POSSESSIVE_START.match(title)
            if cut is not None:
                title, start = title[cut.end() :], start + cut.end()
        shape = _TITLE_SHAPE.match(title.strip())
        if shape is None:
            continue
        head = shape.group("head").lower()
        if head not in heads and not rules().post_head_ci.fullmatch(shape.group("head")):
            continue
        words = title.split()
        if any(patterns().verb_in.fullmatch(w) or w in {"who", "which", "that", "is", "was", "has"} for w in words):
            continue  # a clause, not a title
        if shape.group("after") is None and len(words) < 2 and head not in _LONE_TITLES:
            continue  # "the director, Jo Example,": a lone head is no title (an inspector or chair is)
        if head == "member" and not _member_post(title):
            continue  # "a member of the public, Jo Example, said"
        if shape.group("after") and _LAY_COMPLEMENT.match(shape.group("after")):
            continue  # "a member of the public, Jo Example, said", "the head of a family, …"
        if shape.group("after") and not any(
            w[:1].isupper() or w.lower().replace("’", "'") in subjects for w in shape.group("after").split()[1:]
        ):
            continue  # "the head of a family, Jo Example,": the subject is no body's or service's
        raw, hon = m.group("name"), m.group("hon") or ("Councillor" if m.group("party") is not None else None)
        name = person_name(raw, hon)
        if name is None or name != raw or (hon is None and not is_name(name, strict=True)):
            continue
        end = m.start("name") + len(name)
        yield candidate(doc, name, clean(title), start, end, hon, None, (start, start + len(title)))
