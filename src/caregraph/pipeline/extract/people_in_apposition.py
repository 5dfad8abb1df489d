"""People named with what stands beside them: a post after a comma, bracket or dash, a lower-case post after a
quoted speaker, a body in brackets.

:func:`apposition` reads "Name, Post", "Name (Any Capitalised Words … Head)", "Councillor Name Post", "Name – Post",
with a party or initials in brackets between ("Cllr X (Lab), Cabinet Member …", "Jo Example (JE) – Head of Service");
:func:`lower_apposition` a lower-case post after a quoted speaker ("Stu Example, director of children’s services,
said"); :func:`bracketed` a person named with the body they come from ("Alex Example (Anyshire Youth Service)"), with
no post.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.candidates import PersonCandidate, candidate, witness
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import (
    bare_name_at,
    is_name,
    name_ending_at,
    name_run,
    never_in_name,
    patterns,
    person_name,
    rules,
    scan,
    trim_name,
)
from caregraph.pipeline.extract.people_acting import sentence_start
from caregraph.pipeline.extract.people_pairs import shared_plural
from caregraph.pipeline.extract.posts import (
    AT_BODY,
    PARTY_SHORT,
    abbreviated_post,
    employer_after,
    named_person,
    post_extent,
    post_words,
)


def apposition(doc: Doc, heads: list[int]) -> Iterator[PersonCandidate]:
    """ "Name, Post", "Name (Post)", "Name – Post", "Councillor Name Post" — witness and attendance lists,
    apposition in prose. Capitalised words before the post's head belong to the post ("Jane Example (Safeguarding
    Practice Manager)", "Tom Person, National Schools Adviser"). Tried only before one of the ``heads`` (where
    the text's post titles start, in either case)."""
    rules_, pr, text = rules(), patterns(), doc.text
    heads = sorted({*heads, *(m.start() for m in _table_heads_re().finditer(text, 0, doc.limit))})
    yield from _lettered_posts(doc)
    for m in _name_matches(doc, heads):
        raw = m.group("name")
        name = trim_name(raw)
        hon = m.group("hon")
        run_on = ""  # the words of the post the name's run went on into
        if name != raw:
            run_on = raw[len(name) :].lstrip() + text[m.end("name") : m.start("head") - len(m.group("mods") or "")]
            if (
                hon
                or not is_name(name, strict=True)
                or not all(w[:1].isupper() for w in run_on.split())
                or not _listed_line(text, m)
            ):
                continue  # the run went on into the post ("Exampley Cabinet …"): the honorific pass takes it
            # "Jo Example Democratic Services Officer", a line of a list: the run's last words open the post
        elif not _post_follows(text, m):
            continue
        head = m.start("head")
        # a body's possessive before the post ("the City of Anyshire Council's Cabinet Member"): the title's, for
        # split_body to take as its body
        mods = run_on + (m.group("owner") or "") + (m.group("mods") or "")
        owner_ = m.group("owner")
        if owner_ and rules_.post_head_re.match(owner_) and re.search(r"\s(?:of|for)\s", owner_):
            # "Jo Example, Director of Children's Services Cabinet Member: …": the "owner" is a post of its own, which
            # the next field's label follows; the post starts there
            head, mods = m.start("owner"), ""
        extent = post_extent(text, head, min(len(text), head + 200), person=True)
        if extent is None or _AND_FIRST.match(mods):
            # "Councillor Jo Example, and deputy leader Coun Kit Sample": a title never opens with "and"; what
            # follows it is the next person's
            yield candidate(doc, name, None, m.start(), m.end("name"), hon, witness(doc, m.start()))
            continue
        post_end, post = extent
        if not rules_.post_head_ci.match(post):
            continue
        if _ends_in_name(post):
            # "… council leader Jo Example, cabinet member for education Kit Sample, and …": the next one's title
            yield candidate(doc, name, None, m.start(), m.end("name"), hon, witness(doc, m.start()))
            continue
        between = text[m.end("name") : head - len(mods)]
        letters = post.split()[0]
        if letters in rules_.post_nominals and is_name(clean(mods), strict=True):
            # "Mayor Chris Example, Janet Sample MP, said": letters after a name are no post; the next person's
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            other, end = head - len(mods), head + len(letters)
            yield _post_after_letters(doc, clean(mods), other, end) or candidate(
                doc, clean(mods), letters, other, end, None, None, (head, end)
            )
            continue
        if (
            re.search(r"\bthe\s*$", between)
            and pr.verb_next.match(text, post_end, post_end + 30)
            and not sentence_start(text, m.start())
        ):
            # "a question from Councillor Tester, the Strategic Manager confirmed": the post is the next subject (a
            # name that opens its sentence is the subject itself: "Councillor Mia Example (pictured), the Council's
            # Cabinet Member for Children said")
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        if _next_person(text, post_end) or (re.search(r"\bthe\s*$", between) and _apposed_to_next(text, post_end)):
            # "Councillor Cara Example, Vice Chair Councillor Mia Sample", "Sue Tester, the Strategic Lead of
            # Education – Hana Sample": the post is the next person's
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        start = head - len(mods)
        owner = _THE_OWNER.match(mods) if re.search(r"\bthe\s*$", between) else None
        if owner is not None and owner.group("owner").split()[-1].lower() in rules_.post_subjects:
            owner = None  # "the Children's Commissioner": a subject, not a body
        if owner is not None:
            # "Dr Emeka Sample, the Integrated Care Board’s Director of Nursing": the body is the post's, not its title
            found = candidate(doc, name, post, m.start(), post_end, hon, witness(doc, m.start()), (start, post_end))
            yield found._replace(organisation=found.organisation or clean(owner.group("owner")))
            continue
        title = f"{m.group('former') or ''}{clean(mods)} {post}".strip()  # "a former Director" is not a Director
        title = title.replace("ex- ", "ex-")
        # "Jo Example and Kit Sample (Parent Governor Representatives)": the pair's post, one each
        title = shared_plural(text, m.start(), title) or title
        found = candidate(doc, name, title, m.start(), post_end, hon, witness(doc, m.start()), (start, post_end))
        employer = employer_after(text, post_end, min(len(text), post_end + 120))
        if employer is not None and found.organisation is None:
            # "Jo Example, Head of Service, Anyshire County Council": the council after the post is its body
            slug = gazetteer().resolve(employer.group("council"))
            if slug is not None:
                found = found._replace(organisation=gazetteer().councils[slug].official_name)
        yield found


@cache
def _table_heads_re() -> re.Pattern[str]:
    """A lower-case head of the table of post words that the rules' lower-case heads lack ("representative"), after
    a capitalised word: where an apposition's post may also start ("Mr B Example, Diocesan representative")."""
    extra = sorted(post_words().heads - rules().lower_heads, key=len, reverse=True)
    # (each head first, then the look-behind on it: a search skips along to a head's first letter in C; speed only)
    heads = "|".join(f"{h}(?<=[a-z] {h})" for h in map(re.escape, extra))
    return re.compile(rf"(?:{heads or '(?!)'})(?![\w’'-])")


_LETTERS_THEN_POST = re.compile(r"[ \t]*,[ \t]*(?:the[ \t]+)?(?=[A-Z])")


def _post_after_letters(doc: Doc, name: str, start: int, letters_end: int) -> PersonCandidate | None:
    """The post set off by a comma after a name's letters ("Kit Example MP, Minister for Children, said"): the
    letters come after a name, the post after them is the holder's; None when no post follows."""
    text = doc.text
    comma = _LETTERS_THEN_POST.match(text, letters_end)
    if comma is None or not rules().post_head_re.match(text, comma.end()):
        return None
    head = comma.end()
    extent = post_extent(text, head, min(len(text), head + 200), person=True)
    if extent is None:
        return None
    post_end, post = extent
    return candidate(doc, name, post, start, post_end, None, witness(doc, start), (head, post_end))


_SET_OFF_AFTER = re.compile(r"[ \t]*(?:[,;:)]|\.(?:\s|$))")
_LETTERS = re.compile(r"[A-Za-z]{2,8}(?![\w’'-])")


# a run of short capitalised words before a comma: where a name's letters may end ("… Example MP, …"; the letters
# are checked word by word, a search cheaper than one for every post-nominal; speed only)
_CAPITAL_RUN = re.compile(r"[A-Z][A-Za-z]{1,7}(?:[ \t]+[A-Z][A-Za-z]{1,7}){0,3}(?=[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z])")


def _lettered_posts(doc: Doc) -> Iterator[PersonCandidate]:
    """A post set off after a name's letters ("However, Kit Example MP, Minister for Children, said", "In May, Jo
    Sample MEP, Chair of the Committee, wrote"): the letters come after a name, the post after them is the
    holder's; the apposition pattern, which takes letters that are a post's head (MP) for the post, misses it when
    a word set off before the name reads as a name."""
    text, nominals = doc.text, rules().post_nominals
    if _nominal_before_comma().search(text, 0, doc.limit) is None:
        return  # no run below can end in letters (speed only)
    for m in _CAPITAL_RUN.finditer(text, 0, doc.limit):
        words = m.group(0).split()
        count = 0
        while count < len(words) and words[-1 - count] in nominals:
            count += 1
        if not count:
            continue
        # where the letters start: after the run's other words, or the run's start (the name before it)
        letters_start = m.start() + len(m.group(0)) - len(" ".join(words[-count:])) if count < len(words) else m.start()
        if count < len(words) and m.group(0)[letters_start - m.start() - 1 : letters_start - m.start()] != " ":
            letters_start = m.start() + m.group(0).rindex(words[-count])  # tabs or double spaces in the run
        found = name_ending_at(text, len(text[:letters_start].rstrip(" \t")))
        if found is None or not is_name(found[0], strict=True):
            continue
        name, hon, _, start = found
        lettered = _post_after_letters(doc, name, start, m.end())
        if lettered is not None:
            yield lettered._replace(honorific=hon)


@cache
def _nominal_before_comma() -> re.Pattern[str]:
    """Letters after a name where :data:`_CAPITAL_RUN` may end: every run :func:`_lettered_posts` reads ends in one
    (its last word is one of the rules' post-nominals, right before the comma), so a page without one has none."""
    nominals = sorted(rules().post_nominals, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, nominals)) or '(?!)'})(?=[ \t]*,[ \t]*(?:the[ \t]+)?[A-Z])")


_AND_FIRST = re.compile(r"(?:and|&)[ \t]")
_NEXT_TOKEN = re.compile(r"[^ \t]+[ \t]+(?=[A-Z])")
_SET_OFF = re.compile(r"[ \t]*[,(–—]|[ \t]+-[ \t]")


def _name_matches(doc: Doc, heads: list[int]) -> Iterator[re.Match[str]]:
    """The apposition pattern's matches whose run is a name: where a run's first words are not one ("Co-opted
    Members Jo Example (Parent Governor Representative)", a label before the name), the match at a later word
    of the run."""
    pattern, text, limit = patterns().apposition, doc.text, doc.limit
    for m in scan(pattern, doc, before=heads, width=160):
        later_match = False
        for _ in range(3):
            raw, hon = m.group("name"), m.group("hon")
            name = trim_name(raw)
            if name != raw or (
                is_name(name, strict=later_match)
                if later_match
                else is_name(name) or (hon and is_name(name, allow_single=True))
            ):
                if not later_match or _SET_OFF.match(text, m.end("name")):
                    yield m
                break
            step = _NEXT_TOKEN.match(text, m.start("name"), m.end("name"))
            if hon or step is None or not never_in_name(step.group(0).strip()):
                break  # only a label's word ("Members", "Officers") may stand before the name
            later_match = True
            later = pattern.match(text, step.end(), limit)
            if later is None:
                break
            m = later


_THE_OWNER = re.compile(r"(?P<owner>(?:[A-Z][\w’'&-]*[ \t]+)*?[A-Z][\w&-]*)['’]s[ \t]+$")
_HONORIFIC_NEXT = re.compile(rf"[ \t]*,?[ \t]*(?:{rules().councillor})\s+[A-Z]")
_DASH_NEXT = re.compile(r"[ \t]*[-–—][ \t]*")


def _next_person(text: str, pos: int) -> bool:
    """Whether a post that ends at ``pos`` is followed by the person who holds it ("… Vice Chair Councillor X",
    "… – Hana Sample")."""
    if _HONORIFIC_NEXT.match(text, pos):
        return True
    dash = _DASH_NEXT.match(text, pos)
    return bool(dash and bare_name_at(text, dash.end(), full_stop=True, line_end=True))


_COMMA_NEXT = re.compile(r"[ \t]*,[ \t]+(?=[A-Z])")
_AFTER_NEXT_NAME = re.compile(r"(?:[ \t]+(?-i:[A-Z]{2,4}))?[ \t]*,")


def _apposed_to_next(text: str, pos: int) -> bool:
    """Whether a post with "the" set off after a name, ending at ``pos``, is followed by a second name set off by
    commas ("in a letter to Jo Example, the Minister for Children, Kit Sample MP, wrote"): the post stands before
    the name it is apposed to, the second one's."""
    comma = _COMMA_NEXT.match(text, pos)
    if comma is None:
        return False
    found = bare_name_at(text, comma.end())
    return found is not None and bool(_AFTER_NEXT_NAME.match(text, found[1]))


def _post_follows(text: str, m: re.Match[str]) -> bool:
    """Whether what follows the name of an apposition is that person's post: with a comma, bracket or dash it is;
    without one ("Jen Example Executive Director for …") the post must say what it is of."""
    joiner = text[m.end("name") : m.start("head") - len(m.group("mods") or "")]
    if "," in joiner or "(" in joiner or re.search("[-–—]", joiner) or m.group("hon"):
        return True
    letters = _LETTERS.match(text, m.start("head"))
    if (
        letters is not None
        and not m.group("mods")
        and letters.group(0).isupper()
        and rules().post_head_re.fullmatch(letters.group(0))
        and _SET_OFF_AFTER.match(text, letters.end())
    ):
        return True  # "Jo Example HMI, who led the inspection": a post in capitals after a name, set off after it
    head_match = re.match(f"(?i:{rules().post_head})", text[m.start("head") : m.start("head") + 300])
    head_end = m.start("head") + (len(head_match.group(0)) if head_match else 0)
    if re.match(r"\s+(?:of|for|to|with)\b|\s*[-–]\s*[A-Z]", text[head_end : head_end + 8]):
        return True
    # "Jo Example Executive Director Children's Services gave a presentation": a post whose end a verb follows
    return _listed_line(text, m, verb_after=True)


def _listed_line(text: str, m: re.Match[str], verb_after: bool = False) -> bool:
    """Whether an apposition's name opens its line and its post ends it, as a list of people one to a line writes
    them with no comma between ("Kit Sample Assistant Director Early Help", "Jo Example Democratic Services
    Officer"); with ``verb_after``, also whether a verb follows the post ("Jo Example Executive Director Children's
    Services gave a presentation")."""
    extent = post_extent(text, m.start("head"), min(len(text), m.start("head") + 200), person=True)
    if extent is None:
        return False
    if verb_after and patterns().verb_next.match(text, extent[0], extent[0] + 30):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    return (
        _LINE_OPEN.fullmatch(text, line_start, m.start()) is not None and _LINE_END.match(text, extent[0]) is not None
    )


_LINE_OPEN = re.compile(r"[ \t]*(?:[•·*\-–][ \t]*)?")  # a line's start, a bullet
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


# Where a lower-case post may follow a name: a comma, then (after "the" and a council's name) a lower-case word.
_COMMA_LOWER = re.compile(r",\s*(?:the\s+)?(?:[A-Z][\w’'&-]+\s+){0,5}[a-z]")


#: A character that no honorific, name or letters after a name hold, nor the spaces between them (speed only).
_NOT_IN_NAME = re.compile(r"[0-9!\"#$%&()*+/:;<=>?@\[\\\]^_`{|}~“”]")


def _reaches(commas: list[int]) -> Callable[[str, int], bool]:
    """Whether a name at ``pos`` may reach one of ``commas`` (where a lower-case post follows: ``lower_apposed``):
    none of :data:`_NOT_IN_NAME` before the first after ``pos`` (speed only: every match of ``lower_apposition``
    runs from its name to such a comma through those characters alone)."""

    def where(text: str, pos: int) -> bool:
        i = bisect.bisect_left(commas, pos)
        return i < len(commas) and _NOT_IN_NAME.search(text, pos, commas[i]) is None

    return where


def lower_apposition(doc: Doc) -> Iterator[PersonCandidate]:
    """Lower-case posts after a quoted speaker's name: "Stu Example, director of children’s services, said"."""
    text, pr = doc.text, patterns()
    anchors = [m.start() for m in _COMMA_LOWER.finditer(text, 0, doc.limit)]
    commas = [m.start() for m in pr.lower_apposed.finditer(text, 0, doc.limit)] if anchors else []
    for m in () if not commas else scan(pr.lower_apposition, doc, _reaches(commas), before=anchors):
        hon = m.group("hon")
        name = person_name(m.group("name"), hon)
        if name is None or name != m.group("name"):
            continue
        extent = post_extent(text, m.start("head"), min(len(text), m.start("head") + 200), person=True)
        if extent is None:
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        post_end, post = extent
        if _ends_in_name(post):
            # "… council leader Jo Example, cabinet member for education Kit Sample, and …": a title written before
            # the next name is that person's, not the one before it
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        post = re.sub(r"\s+at\s+.*$", "", post)
        start = m.start("head")
        if m.group("council"):  # "Cllr Jo Example, council leader and cabinet member for education, said"
            start, post = m.start("council"), f"council {post}"
        if m.group("party"):  # "Cllr Jo Example, Labour spokesman for education, said": the party's post
            if m.group("head").startswith("member"):
                # "Cllr Jo Example, Labour member for Anyward": a party's member for a place holds no post
                yield candidate(doc, name, None, m.start(), m.end("name"), hon)
                continue
            start, post = m.start("party"), f"{clean(m.group('party'))} {post}"
        yield candidate(doc, name, post, m.start(), post_end, hon, "quoted", (start, post_end))
    yield from _table_apposition(doc)


# a name that ends a lower-case post, right after a lower-case word of it that joins nothing ("… for education Kit
# Sample")
_NAME_ENDS_POST = re.compile(
    r"(?<![\w’'-])(?!(?:and|or|of|for|the|to|with|at|in|&)[ \t])[a-z][\w’'-]*[ \t]+(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,2})$"
)


def _ends_in_name(post: str) -> bool:
    """Whether a lower-case post read after a name runs on into a second name right after one of its words ("cabinet
    member for education Kit Sample"): a title written before the next person's name, not the first one's."""
    ending = _NAME_ENDS_POST.search(post)
    return ending is not None and named_person(ending.group("name"))


_POSSESSIVE_END = re.compile(r"['’]s\s*$")
# a photograph's note between a name and its post ("Kath Example, (right) executive director …")
_PHOTO_NOTE = r"\((?:far[ \t]+)?(?:left|right|pictured|above|below|centre|center|top|bottom|inset)\)"
# a comma after a name, then a post in lower case that the table of post words makes (the words before its head
# all modifiers, subjects or heads): "Vivien Example, the council leader, said", "Jo Example, (left) the council's
# executive member for …", "Ann Example, Anyshire's children's services councillor, said"
_TABLE_APPOSED = re.compile(
    rf",[ \t]*(?:{_PHOTO_NOTE}[ \t]*,?[ \t]*)?(?:(?:the|a|an)[ \t]+)?"
    r"(?P<owner>(?:[A-Z][\w’'&-]*[ \t]+(?:(?:of|upon|on|and)[ \t]+)?){0,4}[A-Z][\w’'&-]*['’]s[ \t]+)?"
    r"(?P<words>(?:[a-z][\w’'-]*|[A-Z]{2,6}(?=[ \t]+[a-z]))(?:[ \t]+(?:[a-z][\w’'-]*|[A-Z]{2,6}(?=[ \t]+[a-z]))){0,4})"
)
_COMPLEMENT = re.compile(r"[ \t]+(?:of|for|with|to)[ \t]|[ \t]*[-–—][ \t]*[A-Za-z]")
_AFTER_POST = re.compile(r"[ \t]*(?:[,.;:)\n]|$)")


@cache
def _at_body_re() -> re.Pattern[str]:
    """The body a lower-case post is held at, after it, to the clause's end or a speech verb ("… services at the
    council said")."""
    return re.compile(rf"[ \t]+at[ \t]+[\w’' &-]{{1,60}}?(?:[ \t]*[,.;:\n]|[ \t]+(?:{rules().speech_verbs})\b)")


@cache
def _table_words() -> tuple[frozenset[str], frozenset[str]]:
    """The heads of posts (the table's and the rules' lower-case ones) and the words that may stand before them
    (modifiers and subjects), gathered once."""
    table, rules_ = post_words(), rules()
    return table.heads | rules_.lower_heads, table.modifiers | table.subjects | rules_.lower_modifiers


def _table_head(words: list[str]) -> int:
    """How many of ``words`` (lower case, from a post's start) make its modifiers and head by the table of post
    words: the words up to the last head of the run of words the table holds; 0 when there is no head. Before the
    first head, up to two words the table lacks may stand as what the post is of ("virtual school headteacher",
    "youth justice service manager", "SEND and inclusion manager": the subjects of posts are an open class), when
    they are content words (no grammar word, verb or number) and "and" joins them; after a head the run ends at the
    first word the table lacks."""
    heads, before = _table_words()
    rules_ = rules()
    grammar, verb = rules_.grammar, patterns().verb
    count = unknown = ranked = 0
    for i, raw in enumerate(words):
        word = raw.replace("’", "'")
        if word in heads:
            count = i + 1
        elif word not in before:
            if word in {"and", "&"} and 0 < i < len(words) - 1 and not count:
                continue
            if (count and words[count - 1] not in rules_.ranks) or unknown == 2:
                break  # (a head that is a word of rank may be a modifier: "chief operating officer")
            if not _subject_word(word, grammar, verb) and not _participle(word, grammar):
                break
            unknown += 1
            if not ranked and i and words[i - 1] in rules_.ranks and _agent_noun(word):
                ranked = i + 1  # "senior coroner", "independent reviewer": a rank before a noun of agency
    return max(count, ranked)


def _participle(word: str, grammar: frozenset[str]) -> bool:
    """Whether ``word`` is a participle that may stand before a post's head as what it is of ("chief operating
    officer", "leaving care personal adviser"); the run counts only when a head follows."""
    return len(word) > 5 and word.endswith("ing") and word.capitalize() not in grammar


def _agent_noun(word: str) -> bool:
    """Whether ``word`` (lower case) is a noun of agency by its ending ("reviewer", "visitor"), singular."""
    return len(word) > 4 and word.endswith(rules().agent_endings) and not word.endswith("ment")


# words that open a clause or a phrase after a name's comma, which no post is of ("…, and the cabinet member …")
_NOT_SUBJECTS = frozenset({"and", "the", "who", "whose", "which", "where", "while", "with", "not", "one", "two"})


def _subject_word(word: str, grammar: frozenset[str], verb: re.Pattern[str]) -> bool:
    """Whether a word the table of post words lacks may be what a post is of: a content word (or an acronym), no
    grammar word, verb, possessive or number."""
    bare = word.lower()
    return (
        len(bare) > 2
        and bare.capitalize() not in grammar  # (the list holds its words capitalised)
        and bare not in _NOT_SUBJECTS
        and not verb.fullmatch(bare)
        and not _POSSESSIVE_END.search(bare)
        and not any(c.isdigit() for c in bare)
    )


def _table_apposition(doc: Doc) -> Iterator[PersonCandidate]:
    """A name, a comma and a lower-case post the table of post words makes (:data:`_TABLE_APPOSED`), the post then
    set off or followed by a verb; two words or more, and "councillor" a post only with a subject before it
    ("children's services councillor", not "Labour councillor")."""
    text, subjects = doc.text, rules().post_subjects  # the hand list: no place or body word
    for m in _TABLE_APPOSED.finditer(text, 0, doc.limit):
        words, start = m.group("words").split(), m.start("words")
        if _POSSESSIVE_END.search(words[0]) and len(words) > 1 and words[0].replace("’", "'") not in subjects:
            # "the council's executive member for …": a lower-case owner is the publisher, not the title's (a
            # subject's possessive is: "children's services lead")
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        count = _table_head(words)
        tied = 0 if count else _tied_to_body(text, start, words, m)
        if (count < 2 and not tied) or (
            words[count - 1] == "councillor" and not (subjects | rules().ranks) & set(words[: count - 1])
        ):
            continue  # "Labour councillor" is no post; "executive councillor for …" is
        count = count or tied
        found = name_ending_at(text, m.start())
        if found is None:
            continue
        extent = post_extent(text, start, min(len(text), start + 200), person=True)
        head_end = text.index(words[count - 1], start) + len(words[count - 1])
        if extent is None or extent[0] < head_end:
            continue
        post_end, post = extent
        if _ends_in_name(post):
            continue  # "…, cabinet member for education Kit Sample, …": the next one's title
        if not _COMPLEMENT.match(text, head_end):
            # "Ian Example, children's services executive member Jo Sample and …": the post ends at its head
            post_end, post = head_end, clean(text[start:head_end])
        if not (
            _AFTER_POST.match(text, post_end)
            or patterns().verb_next.match(text, post_end, post_end + 30)
            or _at_body_re().match(text, post_end, post_end + 90)
        ):
            continue
        name, hon, _, ev_start = found
        # an owner's possessive before the post is split off as its body when a council (split_body)
        title = f"{m.group('owner') or ''}{post}"
        yield candidate(doc, name, title, ev_start, post_end, hon, "quoted", (start, post_end))


# what a post is of or for after a noun no word list holds: a named body ("principal of Anytown College") or a
# service or portfolio in lower case ("champion for children in care")
_OF_BODY = re.compile(rf"[ \t]+(?:of|for)(?={AT_BODY.pattern})")
_FOR_SUBJECT = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?(?P<first>[a-z][\w’'-]*)")
_INDEFINITE = re.compile(r",[ \t]*(?:a|an)[ \t]")


def _tied_to_body(text: str, start: int, words: list[str], m: re.Match[str]) -> int:
    """How many of ``words`` make a post's title by the body or service it is tied to (issue 14, round 19): one or
    two content words the tables lack, the last a noun of agency or a word of rank used as a noun, then "of" and a
    named body or "for" and a subject of posts ("principal of Anytown College", "campaigner for children's
    services"); 0 when they do not, or after "a"/"an" ("a former pupil of Anytown College" is no post)."""
    if _INDEFINITE.match(m.group(0)):
        return 0
    grammar, verb = rules().grammar, patterns().verb
    pos = start
    for i, word in enumerate(words[:2]):
        if word in {"of", "for"} or not _subject_word(word, grammar, verb):
            return 0
        pos = text.index(word, pos) + len(word)
        if not (_agent_noun(word) or word in rules().ranks):
            continue  # "shadow portfolio for children's services": a thing, not a noun of agency
        if _OF_BODY.match(text, pos):
            return i + 1
        f = _FOR_SUBJECT.match(text, pos)
        if f and f.group("first").replace("’", "'") in rules().post_subjects:
            return i + 1
    return 0


# a bracket after a name that opens with a party: "Cllr Jo Example (Labour, Northfield, shadow portfolio for children's
# services)"
_PARTY_BRACKET = re.compile(rf"[ \t]*\((?P<party>{PARTY_SHORT})[ \t]*,[ \t]*(?P<rest>[^()\n]{{3,160}})\)")
_PART_FOR_SUBJECT = re.compile(r"(?i)\bfor[ \t]+(?:the[ \t]+)?(?P<first>[\w’'-]+)")


def party_bracket(doc: Doc) -> Iterator[PersonCandidate]:
    """A councillor's bracket that gives the party, the ward and the post, parted by commas (issue 14, round 19):
    "Cllr Jo Example (Labour, Northfield, shadow portfolio for children's services)", "Cllr Jo Example (Con, Cabinet
    Member for Children)". The post is the first part with evidence of one (a post's head, or "for" and a subject of
    posts) to the bracket's end; a party and a ward alone are no post."""
    text = doc.text
    if "(" not in text:
        return
    for m in _PARTY_BRACKET.finditer(text, 0, doc.limit):
        found = name_ending_at(text, m.start())
        if found is None:
            continue
        rest, offset = m.group("rest"), m.start("rest")
        at = 0
        for part in rest.split(","):
            if _bracket_post(part):
                start = offset + at + len(part) - len(part.lstrip())
                end = m.end("rest")
                name, hon, _, ev_start = found
                yield candidate(doc, name, clean(text[start:end]), ev_start, m.end(), hon, None, (start, end))
                break
            at += len(part) + 1


def _bracket_post(part: str) -> bool:
    """Whether a part of a councillor's bracket names a post: a post's head, or "for" and a subject of posts."""
    if rules().post_head_ci.search(part):
        return True
    f = _PART_FOR_SUBJECT.search(part)
    return f is not None and f.group("first").lower().replace("’", "'") in rules().post_subjects


def bracketed(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Alex Example (Anyshire Youth Service)": a person named with the body they come from; the bracket is their
    post only when it names one (the apposition pass reads that; a post with an initialism for its title, "Kit
    Sample (AD Early Help)", is read here)."""
    text = doc.text
    # each bracket with the spaces and tabs before it (back to the last bracket): the matches of "[ \t]*\(…\)", found
    # by a search that skips along the text to a "(" (speed only)
    last = 0
    for m in patterns().bracket.finditer(text, 0, doc.limit):
        start = m.start()
        while start > last and text[start - 1] in " \t":
            start -= 1
        last = m.end()
        inner = m.group("inner")
        words = inner.replace("’", "'").split()
        if re.search(r"\d", inner) or not all(w[:1].isupper() or w in {"&", "and", "of", "for", "the"} for w in words):
            continue
        if abbreviated_post(inner):
            # "Kit Sample (AD Early Help)", "Jo Example (HoS Safeguarding)": a post with an initialism for its title
            found = name_ending_at(text, start)
            if found is not None and (found[1] or is_name(found[0], strict=True)):
                name, hon, name_start, ev_start = found
                yield candidate(
                    doc, name, clean(inner), ev_start, m.end(), hon, None, (m.start("inner"), m.end("inner"))
                )
            continue
        # "(Anyshire Youth Service)", "(Parent Carer Forum)": a body's name ends in a body's head word, or opens
        # with one before "of" ("(Diocese of Anyshire)", "(Department for Education)"; then the name must be one by
        # its shape alone: "Anyshire Road (Borough of Exampleton)" is a place)
        ends_in_head = any(w.rstrip(",.") in rules().never for w in words[1:])
        if not ends_in_head and not (len(words) > 2 and words[0] in rules().never and words[1] in {"of", "for"}):
            continue
        found = name_ending_at(text, start)
        if found is not None and (ends_in_head or found[1] or is_name(found[0], strict=True)):
            name, hon, name_start, ev_start = found
            yield candidate(doc, name, None, ev_start, name_start + len(name), hon)
            yield from _sharing_the_bracket(doc, ev_start)


_LISTED_BEFORE = re.compile(rf"(?<![\w’'-])(?P<name>{name_run(1, 2)})(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)\Z")


def _sharing_the_bracket(doc: Doc, end: int) -> Iterator[PersonCandidate]:
    """The names listed before the one a body's bracket follows, which share it: "Jo Example and Kit Sample
    (Anyshire County Council)", "Ann Person, Bo Tester and Cy Sample (Anyshire Youth Service)"; each a name on its
    own, the list opening its line."""
    text = doc.text
    found: list[re.Match[str]] = []
    line_start = text.rfind("\n", 0, end) + 1
    while len(found) < 5:
        m = _LISTED_BEFORE.search(text, max(line_start, end - 60), end)
        if m is None or not is_name(m.group("name"), strict=True) or trim_name(m.group("name")) != m.group("name"):
            break
        found.append(m)
        end = m.start()
    if found and not text[line_start:end].strip(" \t•·-–*"):
        for m in found:
            yield candidate(doc, m.group("name"), None, m.start(), m.end("name"))
