"""People with their posts, and posts named without a person.

:func:`match_people` runs the passes below over the scanned text, in this order, each giving
:class:`~.candidates.PersonCandidate` records with their evidence (and the span of the post they claim). Every pass
reads a name where there is positive evidence of one:

1. tables and line pairs — a row "Councillor Jane Example | Chair | Present", a table flattened one cell per line, a
   signature ("Jane Example" over "Director of Children's Services") (:mod:`.contacts`);
2. apposition — "Name, Post", "Name (Any Capitalised Words … Head)", "Councillor Name Post", "Name – Post", with a
   party or initials in brackets between ("Cllr X (Lab), Cabinet Member …", "Jo Example (JE) – Head of Service");
3. a lower-case post after a quoted speaker — "Stu Example, director of children’s services, said";
4. an honorific — "Councillor Surname", "DCI Alex Example", "Councillor Mrs X", with a post just before it ("Vice
   Chair Councillor …", "The Chair, Councillor …");
5. a plural honorific — "Councillors Smith, Jones and Brown", "Councillors present: …" (:mod:`.contacts`);
6. field labels and bylines — "Contact: Chris Sample  Democratic Services Officer  Email: …", "Name: Jo Sample" over
   "Job title: Head of Service", "By Hannah Example, Local Democracy Reporter", "(Sam Sample – 0100 000000)"
   (:mod:`.contacts`);
7. a post as the label of a line — "Cabinet Member: Councillor Jas Example", "Director of Public Health – Jo Sample";
8. people acting — "Cal Sample stated" (a sentence's subject, a bracket or a clause before the verb allowed; a
   speaker after an opening phrase and a comma: "Speaking after the meeting, Jo Example said"),
   "presented by Shay Tester", "said Jo Example", "The Board thanked Jo Example", "that Jo Example was attending",
   a pair in apposition (", Jo Example and Kit Sample,"), a bulleted "Andy Person, Unison, gave …";
9. a name with a bracket — "Alex Example (Anyshire Youth Service)": a person, with no post unless the bracket is one;
   a pair with the plural post they share ("Jo Example and Kit Sample, Her Majesty’s Inspectors", "…, two foster
   carers,"), a plural title before a pair ("Ofsted inspectors Ann Tester and Kit Sample"), "councillor" in lower
   case before a name ("Labour councillor Tom Sample", no post);
10. posts in predicates — "X has been named as the next Director …", "X, who is the council's director …", "X, who
    starts as Director …", "to appoint Councillor X as Vice-Chair", "the appointment of (former director) X as its
    chief executive", "X had replaced Y as Director …", "Councillor X declared an interest as she is Chair of …";
11. lists of people — "apologies were received from A, B and C", "Present: …", "The committee welcomed …", a list
    one to a line under a heading, "Name – Role" rows, questions and answers minuted one speaker to a line
    ("· Ann Example – Is the plan …?" among "o  DCS – …") (:mod:`.contacts`);
12. a post before a name — "interim Chief Executive Tess Sample has …", "As lead inspector Kim Example put it",
    "the Director of Children's Services – Nia Example", "The Director of Public Health (Ann Sample)";
13. a title written before a name as news copy does — "Corporate director Ana Example said", "Council leader Sir
    Alan Example", "Lead member for children's services, Cllr X", "Ofsted's regional director for the North West,
    Jane Example".

The post is the title as the text gives it: a council named with it stays ("Essex County Council Leader", "cabinet
member for children at Cornwall Council"), a possessive council before it is its body, not its title ("Cornwall
Council's Director of …"), as is another body's possessive after "the" ("the Integrated Care Board's Director of
Nursing"); "former" stays ("the former Director of …").

A name inside the name of an organisation or practice model the organisations finder knows ("Staying Close",
"Brighter Futures for Children") is no one's. :func:`merge_people` makes one person of each name, in pass order: the
first post found stays, a later post fills a missing one, and two forms of one name are one person ("Councillor
Exampleton" and "Sarah Exampleton"; "C Example" and "Celia Example", :func:`fuller_names`). A post records the body
the text ties it to (:mod:`.bodies`). Posts named without a person come from :mod:`.posts`; names are tested with
:mod:`.names`. Rules: ``rules/people.toml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from caregraph.pipeline.extract.bodies import body_before
from caregraph.pipeline.extract.candidates import PersonCandidate, candidate, witness
from caregraph.pipeline.extract.contacts import (
    cells_pass,
    dash_rows,
    labelled_pass,
    listed_pass,
    plural_pass,
    post_cell,
    speaker_rows,
)
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import (
    bare_name_at,
    is_name,
    is_post_word_start,
    name_ending_at,
    name_run,
    patterns,
    person_name,
    rules,
    scan,
    sentence_start,
    trim_name,
)
from caregraph.pipeline.extract.organisations import organisations, practice_models
from caregraph.pipeline.extract.posts import (
    PostSpan,
    find_posts,
    lower_list_end,
    post_before,
    post_candidates,
    post_extent,
)
from caregraph.records import PersonRecord, PostRecord, Segmented


def find_people(doc: Doc | Segmented) -> tuple[list[PersonRecord], list[PostRecord]]:
    """People with the post the page gives them, and posts named without a person."""
    doc = Doc.of(doc)
    spans = post_candidates(doc.text, doc.limit)
    candidates = [c for c in match_people(doc, spans) if not _inside_thing(doc, c) and not _cut_off(doc, c)]
    people = fuller_names(doc, merge_people(candidates))
    taken = [c.post_span for c in candidates if c.post_span is not None]
    return people, find_posts(doc, people, taken, spans)


def match_people(doc: Doc, spans: list[PostSpan]) -> list[PersonCandidate]:
    """Every person the passes find, in pass order; ``spans`` are the post titles of the text (for the last pass)."""
    out: list[PersonCandidate] = list(cells_pass(doc))
    heads = sorted({head for _, head, _, _ in spans} | set(_lower_heads(doc.text, doc.limit)))
    out.extend(_apposition(doc, heads))
    for found in (
        _lower_apposition,
        _honorific,
        plural_pass,
        labelled_pass,
        _post_labelled,
        _acting,
        _bracketed,
        _pair_with_posts,
        _lower_councillor,
        _plural_title_pair,
        _predicates,
        _declared,
        listed_pass,
        dash_rows,
        speaker_rows,
    ):
        out.extend(found(doc))
    taken = [c.post_span for c in out if c.post_span is not None]
    out.extend(_post_then_name(doc, spans, taken))
    out.extend(_title_then_name(doc))
    return out


# ------------------------------------------------------------------------------------------------ merging


def merge_people(candidates: list[PersonCandidate]) -> list[PersonRecord]:
    """One person per name, in the order first found."""
    people: dict[str, PersonRecord] = {}
    for c in candidates:
        _merge_one(people, c)
    return list(people.values())


_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    """A name for comparing: case and accents folded, apostrophes dropped, other punctuation a space, letters of
    every script kept ("Seán Ó Dálaigh" → "sean o dalaigh", "Νίκος Παπαδόπουλος" → "νικος παπαδοπουλος")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("’", "").replace("'", ""))
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", letters).strip()


def same_person(a: str, b: str) -> bool:
    """Whether two different name keys (:func:`person_key`) are one person's: one is the other's surname or ends it
    ("exampleton" / "sarah exampleton"), or the surnames match and the first letters of the first names do ("c example" /
    "celia example")."""
    if a.endswith(" " + b) or b.endswith(" " + a):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1] or wa[0][0] != wb[0][0]:
        return False
    short, long_ = (wa, wb) if len(wa[0]) <= len(wb[0]) else (wb, wa)
    return len(short[0]) <= 2 and len(long_[0]) > 2 and len(short) <= len(long_)


@cache
def _thing_entries() -> tuple:
    return tuple(e for e in organisations() if e.named) + practice_models()


_last_things: tuple[str, tuple] = ("", ())


def _things_on_page(text: str, limit: int) -> tuple:
    """The organisations and practice models whose keywords the page holds (worked out once for the last text)."""
    global _last_things
    if _last_things[0] is text:
        return _last_things[1]
    low = text[: limit + 60].lower()
    found = tuple(e for e in _thing_entries() if not e.keywords or any(k in low for k in e.keywords))
    _last_things = (text, found)
    return found


def _inside_thing(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a name without an honorific stands inside the name of an organisation or practice model the
    organisations finder knows ("Staying Close", "Brighter Futures for Children", also over a post's line: "Staying
    Close" / "Project Lead"): positive evidence that it is no person's."""
    if c.honorific:
        return False
    at = c.evidence.start + max(c.evidence.quote.find(c.name), 0)
    text, end = doc.text, at + len(c.name)
    for e in _things_on_page(text, doc.limit):
        for m in e.regex.finditer(text, max(0, at - 60), min(len(text), end + 60)):
            if m.start() <= at < m.end():
                return True
    return False


def _cut_off(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a lone word after an honorific is where the page is cut off ("… Councillor Mira" at the text's very
    end, no line break after it): the name may go on, and what is not whole is not read."""
    return bool(c.honorific) and " " not in c.name and doc.text.endswith(f"{c.honorific} {c.name}")


def fuller_names(doc: Doc, people: list[PersonRecord]) -> list[PersonRecord]:
    """A person known by initials and surname ("C Example") takes the full name the page also writes with a first
    name of that initial ("Celia Example was retiring"), when there is one such name."""
    text = doc.text[: doc.limit]
    out: list[PersonRecord] = []
    for p in people:
        tokens = p.name.split()
        if len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1 and tokens[0][0].isupper():
            first = rf"{re.escape(tokens[0][0])}[^\W\d_]+"
        elif len(tokens) == 1 and p.honorific:
            first = r"[^\W\d_]+"  # "Mr Example" and "Edward Example": the surname of the full name
        else:
            out.append(p)
            continue
        found = {
            m.group(1)
            for m in re.finditer(rf"(?<![\w’'-])({first})[ \t]+{re.escape(tokens[-1])}(?![\w’'-])", text)
            if m.group(1)[:1].isupper() and is_name(f"{m.group(1)} {tokens[-1]}", strict=True)
        }
        if len(found) == 1:
            full = f"{found.pop()} {tokens[-1]}"
            if any(person_key(o.name) == person_key(full) for o in people):
                out.append(p)  # that person is listed already: another person of that surname
                continue
            p = PersonRecord(full, p.post, p.evidence, p.honorific, p.organisation, p.role)
        out.append(p)
    return out


def _merge_one(people: dict[str, PersonRecord], c: PersonCandidate) -> None:
    """Add ``c`` to ``people``: a person keeps the first post found (a later one fills a missing post), and two
    forms of one name in one document are one person, the fuller name."""
    key = person_key(c.name)
    if not key:
        return
    post, honorific, role, org = c.post, c.honorific, c.role, c.organisation
    for other_key in list(people):
        other = people[other_key]
        if other_key != key and same_person(other_key, key):
            if len(other_key) >= len(key):
                if post and not other.post:
                    people[other_key] = PersonRecord(
                        other.name, post, other.evidence, other.honorific or honorific, org, other.role or role
                    )
                return
            if not post:
                post, org = other.post, other.organisation
            honorific = honorific or other.honorific
            del people[other_key]
    existing = people.get(key)
    if existing is not None and (existing.post or not post):
        return
    people[key] = PersonRecord(
        c.name,
        post,
        c.evidence,
        honorific or (existing.honorific if existing else None),
        org,
        role or (existing.role if existing else None),
    )


# ------------------------------------------------------------------------------------------------ passes


def _apposition(doc: Doc, heads: list[int]) -> Iterator[PersonCandidate]:
    """ "Name, Post", "Name (Post)", "Name – Post", "Councillor Name Post" — witness and attendance lists,
    apposition in prose. Capitalised words before the post's head belong to the post ("Jane Example (Safeguarding
    Practice Manager)", "Tom Person, National Schools Adviser"). Tried only before one of the ``heads`` (where
    the text's post titles start, in either case)."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.apposition, text, doc.limit, before=heads, width=160):
        raw = m.group("name")
        name = trim_name(raw)
        if name != raw:
            continue  # the run went on into the post ("Exampley Cabinet …"): the honorific pass takes it
        hon = m.group("hon")
        if not (is_name(name) or (hon and is_name(name, allow_single=True))):
            continue
        if not _post_follows(text, m):
            continue
        head = m.start("head")
        extent = post_extent(text, head, min(len(text), head + 200), person=True)
        if extent is None:
            yield candidate(doc, name, None, m.start(), m.end("name"), hon, witness(doc, m.start()))
            continue
        post_end, post = extent
        if not rules_.post_head_ci.match(post):
            continue
        mods = m.group("mods") or ""
        between = text[m.end("name") : head - len(mods)]
        if re.search(r"\bthe\s*$", between) and pr.verb_next.match(text, post_end, post_end + 30):
            # "a question from Councillor Tester, the Strategic Manager confirmed": the post is the next subject
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        if _next_person(text, post_end):
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
        yield candidate(doc, name, title, m.start(), post_end, hon, witness(doc, m.start()), (start, post_end))


_THE_OWNER = re.compile(r"(?P<owner>(?:[A-Z][\w’'&-]*[ \t]+)*?[A-Z][\w&-]*)['’]s[ \t]+$")
_HONORIFIC_NEXT = re.compile(r"[ \t]*,?[ \t]*(?:Councillor|Cllr\.?|County\s+Councillor)\s+[A-Z]")
_DASH_NEXT = re.compile(r"[ \t]*[-–—][ \t]*")


def _next_person(text: str, pos: int) -> bool:
    """Whether a post that ends at ``pos`` is followed by the person who holds it ("… Vice Chair Councillor X",
    "… – Hana Sample")."""
    if _HONORIFIC_NEXT.match(text, pos):
        return True
    dash = _DASH_NEXT.match(text, pos)
    return bool(dash and bare_name_at(text, dash.end(), full_stop=True, line_end=True))


def _post_follows(text: str, m: re.Match[str]) -> bool:
    """Whether what follows the name of an apposition is that person's post: with a comma, bracket or dash it is;
    without one ("Jen Example Executive Director for …") the post must say what it is of."""
    joiner = text[m.end("name") : m.start("head") - len(m.group("mods") or "")]
    if "," in joiner or "(" in joiner or re.search("[-–—]", joiner) or m.group("hon"):
        return True
    head_match = re.match(f"(?i:{rules().post_head})", text[m.start("head") : m.start("head") + 300])
    head_end = m.start("head") + (len(head_match.group(0)) if head_match else 0)
    if re.match(r"\s+(?:of|for|to|with)\b|\s*[-–]\s*[A-Z]", text[head_end : head_end + 8]):
        return True
    # "Jo Example Executive Director Children's Services gave a presentation": a post whose end a verb follows
    extent = post_extent(text, m.start("head"), min(len(text), m.start("head") + 200), person=True)
    return extent is not None and bool(patterns().verb_next.match(text, extent[0], extent[0] + 30))


# Where a lower-case post may follow a name: a comma, then (after "the" and a council's name) a lower-case word.
_COMMA_LOWER = re.compile(r",\s*(?:the\s+)?(?:[A-Z][\w’'&-]+\s+){0,5}[a-z]")


def _lower_apposition(doc: Doc) -> Iterator[PersonCandidate]:
    """Lower-case posts after a quoted speaker's name: "Stu Example, director of children’s services, said"."""
    text = doc.text
    anchors = [m.start() for m in _COMMA_LOWER.finditer(text, 0, doc.limit)]
    if not anchors:
        return
    for m in scan(patterns().lower_apposition, text, doc.limit, before=anchors):
        hon = m.group("hon")
        name = person_name(m.group("name"), hon)
        if name is None or name != m.group("name"):
            continue
        extent = post_extent(text, m.start("head"), min(len(text), m.start("head") + 200), person=True)
        if extent is None:
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            continue
        post_end, post = extent
        post = re.sub(r"\s+at\s+.*$", "", post)
        yield candidate(doc, name, post, m.start(), post_end, hon, "quoted", (m.start("head"), post_end))


def _honorific(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Councillor Surname", "DCI Alex Example" (no post stated right after it); a post just before it is theirs."""
    text = doc.text
    for m in scan(patterns().honorific, text, doc.limit, prefixes=patterns().honorific_starts):
        name = person_name(m.group("name"), m.group("hon"))
        if name is None:
            continue
        post = post_before(text, m.start())
        end = m.start("name") + len(name)
        if post is None:
            yield candidate(doc, name, None, m.start(), end, m.group("hon"))
        else:
            yield candidate(doc, name, post[0], m.start(), end, m.group("hon"), None, post[1])


_IN_THE = re.compile(r"(?i)in\s+the\b")
_LABEL_MARK = re.compile(r"[:–—]|\s-\s")


def _post_labelled(doc: Doc) -> Iterator[PersonCandidate]:
    """A post as a field label before a name, the line holding nothing else: "Cabinet Member: Councillor Jas
    Example", "Director of Public Health – Jo Sample", "Chair: Councillor Kit Tester" (a one-word label only for a
    meeting's or council's office), the name also on the next line ("Portfolio Holder:" over "Councillor Ann
    Example"); not "Lead Officer: …", "Contact Officer: …", which label the field."""
    pattern = patterns().post_label
    for start, end, line in doc.lines:
        if start >= doc.limit:
            break
        if len(line) > 200 or not line[:1].isupper() or not _LABEL_MARK.search(line):
            continue
        if line.rstrip().endswith(":"):  # "Portfolio Holder:" over "Councillor Ann Example"
            following = doc.text.find("\n", end + 1)
            end = following if following != -1 else len(doc.text)
        m = pattern.match(doc.text, start, end)
        if m is None:
            continue
        post = post_cell(m.group("post"))
        if post is None or re.search(r"(?i)officers?$", post) or _IN_THE.match(post):
            continue  # "Contact Officer: …" labels the field; "In the Chair: Councillor X" chairs this meeting
        if len(post.split()) < 2 and post.lower() not in rules().offices:
            continue
        name = person_name(m.group("name"), m.group("hon"))
        if name and name == m.group("name"):
            span = (m.start("post"), m.end("post"))
            yield candidate(doc, name, post, m.start("post"), m.start("name") + len(name), m.group("hon"), None, span)


_PAIR_BETWEEN_COMMAS = re.compile(rf",[ \t]+(?P<a>{name_run(1, 2)})[ \t]+and[ \t]+(?P<b>{name_run(1, 2)}),")
_PAIR_WITH_POSTS = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)}),[ \t]+"
    r"(?P<post>(?:[A-Z][\w’'-]*[ \t]+(?:(?:of|for|and|&)[ \t]+)?){0,4}[A-Z][\w’'-]*?s)(?=[ \t]*(?:[,.;:)]|\n|$))"
)
_PAIR_COUNTED = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)}),[ \t]+(?:two|both)[ \t]+"
    r"(?P<post>(?:[a-z][\w’'-]*[ \t]+){0,3}?[a-z][\w’'-]*?s)(?=[ \t]*[,.;:)])"
)
_COUNTED_HEADS = frozenset({"carer"})  # callings written in lower case that no post head names
_FIRST_OF_PAIR = re.compile(rf"(?<![\w’'-])(?P<a>{name_run(1, 2)})\Z")


def _pair_with_posts(doc: Doc) -> Iterator[PersonCandidate]:
    """Two people named with the post they share, written as a plural after them: "carried out by Jo Example and
    Kit Sample, Her Majesty’s Inspectors", "Ann Example and Tom Sample, Senior Social Workers, presented". Each
    holds the post as the text writes it; counted in lower case ("…, two foster carers,"), each holds one."""
    text, r = doc.text, rules()
    counted = _PAIR_COUNTED.finditer(text, 0, doc.limit) if " two " in text or " both " in text else iter(())
    for m in (*_PAIR_WITH_POSTS.finditer(text, 0, doc.limit), *counted):
        first = _FIRST_OF_PAIR.search(text, max(0, m.start() - 60), m.start())
        if first is None:
            continue
        post = m.group("post")
        words = post.split()
        singular = " ".join([*words[:-1], words[-1][:-1]])
        if m.re is _PAIR_COUNTED:
            # "Ann Example and Tom Sample, two foster carers, spoke": each is one of them, the singular
            if words[-1][:-1] not in r.lower_heads and words[-1][:-1] not in _COUNTED_HEADS:
                continue
            post = singular
        else:
            head = r.post_head_re.search(singular)
            if head is None or head.end() != len(singular):
                continue  # the plural of a post's head ends it ("Inspectors", "Managers"), not "Services"
        a, a_start = first.group("a"), first.start("a")
        if not is_name(a, strict=True) and " " in a:  # "Visit Jo Example": the name is the run's last words
            cut = a.index(" ") + 1
            a, a_start = a[cut:], a_start + cut
        pair = [(a, a_start), (m.group("b"), m.start("b"))]
        if not all(trim_name(raw) == raw and is_name(raw, strict=True) for raw, _ in pair):
            continue
        for name, start in pair:
            yield candidate(doc, name, post, start, m.end("post"), None, None, (m.start("post"), m.end("post")))


#: The plural titles of :data:`_PLURAL_TITLE_PAIR`, each with its first letter in either case.
_PLURAL_TITLES = (
    "inspectors", "directors", "officers", "managers", "workers", "advisers", "advisors", "commissioners",
)  # fmt: skip
_PLURAL_TITLE_PAIR = re.compile(
    rf"(?<![\w’'-])(?P<head>{'|'.join(f'[{t[0].upper()}{t[0]}]{t[1:]}' for t in _PLURAL_TITLES)})"
    rf"[ \t]+(?P<a>{name_run(1, 2)})[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)})"
)


def _plural_title_pair(doc: Doc) -> Iterator[PersonCandidate]:
    """A plural title before two names, as news copy and letters write it: "Ofsted inspectors Ann Tester and Kit
    Sample", "led by Her Majesty’s Inspectors Jo Example and Sam Sample". Both are people; the title, as written,
    is the post of each when it has a modifier ("Ofsted inspectors"), as after the names (:func:`_pair_with_posts`)."""
    text = doc.text
    if not any(t[1:] in text for t in _PLURAL_TITLES):
        return  # no title of the pattern in the text (speed only)
    for m in _PLURAL_TITLE_PAIR.finditer(text, 0, doc.limit):
        names = [trim_name(m.group(g)) for g in ("a", "b")]
        if not all(n == m.group(g) and is_name(n, strict=True) for n, g in zip(names, ("a", "b"), strict=True)):
            continue
        start = _title_start(text, m.start("head"), rules().lower_modifiers)
        title = clean(text[start : m.end("head")]) if start is not None else ""
        post = title if len(title.split()) >= 2 else None
        for n, g in zip(names, ("a", "b"), strict=True):
            span = (start, m.end("head")) if post and start is not None else None
            yield candidate(doc, n, post, m.start(g), m.start(g) + len(n), None, None, span)


#: (the word first and what may not stand before it after it: a search skips to the word; speed only)
_LOWER_COUNCILLOR = re.compile(rf"councillor(?<![\w’'-]councillor)[ \t]+(?P<name>{name_run(0, 2)})")


def _lower_councillor(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Labour councillor Tom Sample said", "opposition councillor Smith": "councillor" in lower case before a
    name, as news copy writes it, is an honorific; it is no post."""
    text = doc.text
    for m in _LOWER_COUNCILLOR.finditer(text, 0, doc.limit):
        raw = m.group("name")
        name = person_name(raw, "Councillor")
        if name is not None and name == raw:
            yield candidate(doc, name, None, m.start("name"), m.end("name"), "Councillor")


_THAT_NAME = re.compile(
    rf"\b(?<=that )(?P<name>{name_run(1, 2)})(?= (?:was|were|had|has|would|will|is|had been|has been) (?:attending|present|leaving|joining|retiring|unable|appointed|stepping|moving|working|now|also|due|the|a|an)\b)"
)


def _acting(doc: Doc) -> Iterator[PersonCandidate]:
    """Named people acting in the minutes: "Cal Sample stated", "Ada Example and Hel Sample shared",
    "presented by Shay Tester", "said Jo Example", and a bulleted "Andy Person, Unison, gave …". A name
    before a verb that is not a verb of speech must hold no word of posts and services."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.verb_after, text, doc.limit, _sentence_or_clause_start):
        speech = bool(pr.speech.fullmatch(m.group("verb")))
        if m.group("clause") and not speech:
            continue  # "Jo Example, who leads the service, said": a clause after a name only before speech
        opens = sentence_start(text, m.start())
        if not opens and not (speech and not m.group("clause") and not m.group("name2")):
            continue  # after a comma ("Speaking after the meeting, Jo Example said"), only a speaker
        for group in ("name", "name2"):
            raw = m.group(group)
            if not raw:
                continue
            name = trim_name(raw)
            if name == raw and is_name(name, strict=not (speech and opens)) and not is_post_word_start(name):
                yield candidate(doc, name, None, m.start(group), m.start(group) + len(name))
    for m in pr.by_name.finditer(text, 0, doc.limit):
        raw = m.group("name")
        name = trim_name(raw)
        # after "thanked", "invited" … (a person or a thing), only a name with no word of services and places
        if name == raw and is_name(name, strict=bool(m.group("weak"))) and not is_post_word_start(name):
            yield candidate(doc, name, None, m.start("name"), m.start("name") + len(name))
    for m in _PAIR_BETWEEN_COMMAS.finditer(text, 0, doc.limit):
        # "Two members of the Children in Care Council, Jo Example and Kit Sample, presented": a pair in apposition
        names = [trim_name(m.group(g)) for g in ("a", "b")]
        if all(n == m.group(g) and is_name(n, strict=True) for n, g in zip(names, ("a", "b"), strict=True)):
            for n, g in zip(names, ("a", "b"), strict=True):
                yield candidate(doc, n, None, m.start(g), m.start(g) + len(n))
    for m in _that_names(text, doc.limit):
        # "It was noted that Jenny Example was attending on behalf of …": the subject of a clause after "that"
        raw = m.group("name")
        name = trim_name(raw)
        if name == raw and is_name(name, strict=True) and not is_post_word_start(name):
            yield candidate(doc, name, None, m.start("name"), m.start("name") + len(name))
    for m in pr.bullet_name.finditer(text, 0, doc.limit):
        name = m.group("name")
        if is_name(name, strict=True) and not rules_.post_head_re.match(m.group("after")):
            yield candidate(doc, name, None, m.start("name"), m.end("name"))


def _sentence_or_clause_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (:func:`sentence_start`) or follows a comma and a space."""
    return sentence_start(text, pos) or (pos > 1 and text[pos - 1] == " " and text[pos - 2] == ",")


def _that_names(text: str, limit: int) -> Iterator[re.Match[str]]:
    """``_THAT_NAME.finditer(text, 0, limit)``, tried only right after each "that " (where every match starts)."""
    last = 0
    at = text.find("that ", 0, limit)
    while at >= 0:
        pos = at + 5
        if pos >= last:
            m = _THAT_NAME.match(text, pos, limit)
            if m is not None:
                yield m
                last = m.end()
        at = text.find("that ", at + 1, limit)


def _bracketed(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Alex Example (Anyshire Youth Service)": a person named with the body they come from; the bracket is their
    post only when it names one (the apposition pass reads that)."""
    text = doc.text
    for m in patterns().bracket.finditer(text, 0, doc.limit):
        inner = m.group("inner")
        words = inner.replace("’", "'").split()
        if re.search(r"\d", inner) or not all(w[:1].isupper() or w in {"&", "and", "of", "for", "the"} for w in words):
            continue
        if not any(w.rstrip(",.") in rules().never for w in words[1:]):
            continue  # "(Anyshire Youth Service)", "(Parent Carer Forum)": a body's name ends in a body's head word
        found = name_ending_at(text, m.start())
        if found is not None:
            name, hon, start, ev_start = found
            yield candidate(doc, name, None, ev_start, start + len(name), hon)


def _predicates(doc: Doc) -> Iterator[PersonCandidate]:
    """Posts in predicates: "X has been named as the next Director of …", "X is the independent chair of …",
    "X had replaced Y as Director …" (the post is X's; Y is named too), "to appoint Councillor X as Vice-Chair",
    "Councillor X was elected Chair". The words after the name are found first, then the name that ends there."""
    pr, text = patterns(), doc.text
    for pattern, words in (
        (pr.named_as, None),
        (pr.replaced, _REPLACED_WORDS),
        (pr.elected, _ELECTED_WORDS),
        (pr.appoint, _APPOINT_WORDS),
    ):
        if words is not None and not any(text.find(w, 0, doc.limit) >= 0 for w in words):
            continue
        for m in pattern.finditer(text, 0, doc.limit):
            if m.start() and text[m.start() - 1].isalnum():
                continue  # inside a word ("reappointed", "this")
            if pattern is pr.appoint:
                hon, raw = m.group("hon"), m.group("name")
                name, ev_start = person_name(raw, hon), m.start("hon") if hon else m.start("name")
                if name != raw:
                    continue
            else:
                found = name_ending_at(text, m.start())
                if found is None or (pattern is pr.elected and found[1] is None):
                    continue
                name, hon, _, ev_start = found
            assert name is not None
            yield from _predicate_post(doc, m, name, hon, ev_start)
            if pattern is pr.replaced:
                other = person_name(m.group("name2"), m.group("hon2"))
                if other:
                    yield candidate(doc, other, None, m.start("name2"), m.start("name2") + len(other), m.group("hon2"))


#: A word every match of the pattern holds (the patterns heed case): a text without any has no match (speed only).
_REPLACED_WORDS = ("replac", "succeed")
_ELECTED_WORDS = ("named", "appointed", "elected", "confirmed", "selected", "chosen", "nominated", "installed")
_APPOINT_WORDS = ("appoint", "elect", "nominat", "confirm")


def _predicate_post(doc: Doc, m: re.Match[str], name: str, hon: str | None, start: int) -> Iterator[PersonCandidate]:
    """The person of a predicate with the post that starts at the match's head."""
    text, head = doc.text, m.start("head")
    extent = post_extent(text, head, min(len(text), head + 200), person=True)
    if extent is None:
        return
    post_end, post = extent
    if _FOR_THE_MEETING.match(text, head, min(len(text), post_end + 30)):
        return  # "to elect Councillor X as chair for this meeting only": the text says no post is held
    post = _predicate_title(f"{clean(m.group('mods') or '')} {post}".strip())
    if len(post.split()) < 2 and (post.islower() or m.groupdict().get("det") in {"a", "an"}):
        return  # "appointed as a member of the Committee": a member, not a post
    yield candidate(doc, name, post, start, post_end, hon, None, (head, post_end))


@cache
def _declared_re() -> re.Pattern[str]:
    return re.compile(
        r"\bdeclared\b[^.;\n]{0,80}?\b(?:as|that)[ \t]+(?:(?:she|he|they)[ \t]+(?:is|was|are|were)[ \t]+)?"
        rf"(?:(?P<det>a|an|the)[ \t]+)?(?P<mods>)(?=(?P<head>(?i:{rules().post_head})))"
    )


def _declared(doc: Doc) -> Iterator[PersonCandidate]:
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


def _predicate_title(post: str) -> str:
    """A post read from a predicate, without "of this Committee" and what the sentence goes on to say."""
    post = _OF_THIS.sub("", post)
    post = _OF_THIS_END.sub("", post)  # "Chair of this" (the extent stopped at "meeting")
    post = re.sub(
        r"\s+(?:last|this|next|earlier|later)\s+(?:year|month|week|spring|summer|autumn|winter)\b.*$", "", post
    )
    return re.sub(r"\s+(?:to|in|from|on|at|until|since|with|who|which|and\s+will)\s+.*$", "", post)


_NAME_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]*[-–—][ \t]*|[ \t]*\([ \t]*(?=[^()\n]{1,60}\))|[ \t]+")
_THE_END = re.compile(r"(?i)\bthe\s+$")
_LOWER_MODIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<mod>(?:(?:former|previous|interim|acting|joint|deputy|assistant|executive|senior|principal|lead|chief|elected)[ \t]+)+)$"
)


def _post_then_name(doc: Doc, spans: list[PostSpan], taken: list[tuple[int, int]]) -> Iterator[PersonCandidate]:
    """A post before a bare name: "interim Chief Executive Tess Sample has …", "Director of Children's Services
    Jane Smith said", "the Corporate Director for Children, Jo Bloggs, …", "The lead inspector, Ann Example,",
    "the Director of Children's Services – Nia Example". A post inside one already given to a person (``taken``)
    is passed over."""
    text = doc.text
    taken = list(taken)
    for start, head, end, title in spans:
        if any(s <= head < e for s, e in taken):
            continue
        sep = _NAME_SEPARATOR.match(text, end)
        if not sep:
            continue
        # "the Corporate Director, Stu Sample.", "Independent Chair for the Board – Lin Sample" (a line's end), "The
        # Cabinet Member for Children (Councillor Wendy Sample)"
        honorific = patterns().honorific.match(text, sep.end())
        if honorific is not None:
            hon = honorific.group("hon")
            name = person_name(honorific.group("name"), hon)
            if name is None:
                continue
            name_end = honorific.start("name") + len(name)
        else:
            hon = None
            found = bare_name_at(
                text, sep.end(), full_stop=True, line_end=bool(re.search("[-–—]", sep.group(0))), any_word=True
            )
            if found is None:
                continue
            name, name_end = found
        lead = _LOWER_MODIFIER_BEFORE.search(text, max(0, start - 20), start)
        if lead:
            start = lead.start("mod")
            title = f"{clean(lead.group('mod'))} {title}"
        words = clean(title).split()
        bracketed = "(" in sep.group(0) and _THE_END.search(text, max(0, start - 5), start)
        if len(words) < 2 and title.lower() not in rules().offices and not title.isupper() and not bracketed:
            continue  # "The Chairman (Councillor X)", "The DCS, Jo Sample", "the Director (Jo Sample)"; not "Director Jo Sample"
        taken.append((start, end))
        found_ = candidate(doc, name, title, start, name_end, hon, witness(doc, start), (start, end))
        yield found_._replace(organisation=body_before(text, start, found_.post or title) or found_.organisation)


# ------------------------------------------------------------------------------------------------ news copy titles


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


_TOKEN_LEFT = re.compile(r"(?:(?<=\s)|^)(?P<word>[\w’'&-]+)[ \t]+$")
_TOKEN_RIGHT = re.compile(r"[ \t]+(?P<word>[\w’'&-]+)")
_COMMA_SPACE = re.compile(r"[ \t]*,[ \t]*")


_last_lower_heads: tuple[str, int, list[int]] = ("", 0, [])


def _lower_heads(text: str, limit: int) -> list[int]:
    """Where the lower-case heads of posts start ("director", "member"): worked out once for the last text."""
    global _last_lower_heads
    if _last_lower_heads[0] is text and _last_lower_heads[1] == limit:
        return _last_lower_heads[2]
    found = [m.start() for m in _lower_head_re().finditer(text, 0, limit)]
    _last_lower_heads = (text, limit, found)
    return found


def _title_then_name(doc: Doc) -> Iterator[PersonCandidate]:
    """A title written before a name with a lower-case head, as news copy does: "will replace interim director
    Gerald Sample", "Corporate director Ana Example said", "Council leader Sir Alan Person is", "led by DfE adviser
    Dr Ana Tester", "Children and Young People Select Committee chair, Cllr Pat Sample, welcomed". The title runs
    left from the head over capitalised words and lower-case modifiers ("interim", "cabinet"), right over "of" or
    "for" and its subject; the name follows at once or after a comma (an honorific, or a name that goes on as a
    person's does). A title after "the", "our", "its" is another pass's."""
    text, r = doc.text, rules()
    for head in _lower_heads(text, doc.limit):
        m = _lower_head_re().match(text, head)
        assert m is not None
        if not (_LOWER_COMPLEMENT if text[head].isupper() else _AFTER_HEAD).match(text, m.end()) and not (
            text[head].islower() and _bare_subject(text, m.end())
        ):
            continue  # a capitalised title is another pass's unless its subject is in lower case
        end, comma_needed = _title_end(text, m.end())
        sep = _COMMA_SPACE.match(text, end)
        if comma_needed and sep is None:
            continue
        pos = sep.end() if sep else end + (1 if text[end : end + 1] == " " else 0)
        if pos == end or not text[pos : pos + 1].isupper():
            continue  # no name follows
        found = _name_at(text, pos)
        if found is None:
            continue
        start = _title_start(text, m.start(), r.lower_modifiers)
        if start is None:
            continue
        name, hon, name_end = found
        title = clean(text[start:end])
        if len(title.split()) < 2 and not _lone_title(text, start, title):
            continue
        if m.group(0) == "member" and not _member_post(title):
            # "Labour member Jo Sample": a member of a party or a committee holds no post
            yield candidate(doc, name, None, pos, name_end, hon)
            continue
        yield candidate(doc, name, title, start, name_end, hon, None, (start, end))


_LONE_TITLES = frozenset({"inspector", "chair", "chairman", "chairwoman", "chairperson", "commissioner", "headteacher"})
_CLAUSE_BEFORE = re.compile(r"(?:,|\b(?:by|from|with|to|and))[ \t]+$")


def _lone_title(text: str, start: int, title: str) -> bool:
    """Whether a title of one lower-case word is a post before a name: an office or a calling that is one on its
    own ("inspector Neil Example said", "written by chairman Bob Sample"), opening a clause or after a
    preposition."""
    return title in _LONE_TITLES and (
        _sentence_or_clause_start(text, start) or bool(_CLAUSE_BEFORE.search(text, max(0, start - 8), start))
    )


def _title_start(text: str, head: int, modifiers: frozenset[str]) -> int | None:
    """Where a title whose head starts at ``head`` starts: left over capitalised words ("Council", "DfE",
    "Children and Young People Select Committee") and lower-case modifiers; None after "the", "our", "its",
    "their", "a", "as" (the title of another pass)."""
    pos, joined = head, None  # joined: where the title starts without a post joined before "and"
    for _ in range(10):
        m = _TOKEN_LEFT.search(text, max(0, pos - 40), pos)
        if m is None:
            break
        word = m.group("word")
        low = word.lower()
        if low in {"the", "our", "its", "their", "a", "an", "as", "his", "her"}:
            return joined  # "the chair and cabinet member for children Jo Example": "the chair" is another's
        if word[:1].isupper():
            if word in rules().grammar or word in rules().calendar:
                break  # "In", "The", "Following", "January": a sentence goes on before the title
            pos = m.start()
        elif (
            word in modifiers
            or (word in {"and", "&", "of"} and _TOKEN_LEFT.search(text, max(0, m.start() - 40), m.start()))
            or (word in rules().lower_heads and text.startswith(("and ", "& "), pos))
        ):
            if word in rules().lower_heads and joined is None:
                joined = pos + (4 if text.startswith("and ", pos) else 2)
            if word == "of" and not text[pos : pos + 1].isupper():
                break  # "of" only between capitalised words ("Deputy Leader of Anyshire Council and …")
            if word in {"and", "&", "of"}:
                before = _TOKEN_LEFT.search(text, max(0, m.start() - 40), m.start())
                if before is None or not (
                    before.group("word")[:1].isupper() or (word != "of" and before.group("word") in rules().lower_heads)
                ):
                    break  # "Deputy Leader of Anyshire Council and …", "deputy leader and cabinet member …"
            pos = m.start()
        else:
            break
    while text[pos : pos + 4] in {"and ", "& "}:
        pos += 4
    return pos


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
        if word[:1].isupper() and low not in subjects:
            if last not in _OPEN_WORDS:
                break
            while m is not None and m.group("word")[:1].isupper():  # "for the North West"
                pos = end = m.end()
                m = _TOKEN_RIGHT.match(text, pos)
            return end, True
        if word[:1].islower() and verb.fullmatch(word):
            return head_end, False
        pos = end = m.end()
        last = low
    if last in _OPEN_WORDS:
        return head_end, False  # "director for the": the title does not end on "the"
    comma = _COMMA_SPACE.match(text, end)
    if comma is not None and text[comma.end() : comma.end() + 1].islower():
        listed = lower_list_end(text, comma.start() + 1, len(text))
        if listed is not None:
            return listed, True  # "cabinet member for children, families and education, Cllr X"
    return end, False


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
