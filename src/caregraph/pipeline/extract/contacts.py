"""People in lists, tables and on contact lines: "Councillors Smith, Jones and Brown" (lists of any length),
"apologies were received from A, B and C", "Present: …", "The committee welcomed A (Post) and B (Organisation)",
lists one to a line under a heading ("Officers present:"), "Name – Role" rows; contact lines and bylines read as
fields ("Contact: Alyson Grice/Samantha Morris  Overview & Scrutiny Officers  Email: …", "By Hannah Example, Local
Democracy Reporter", "(Sam Sample – 0100 000000)"); flattened tables ("Councillor X | Chair | Present", one cell per
line) and name-and-post line pairs (signatures). :func:`name_cell` and :func:`post_cell` read a cell or a line that
holds a name, or a post, and nothing else; lists of people written initials first ("P. Saunders, L. King, S. Reay").
Passes of :mod:`.people`; rules: ``rules/people.toml``."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import (
    NAME_RUN,
    UPPER,
    WORD,
    is_initial,
    is_name,
    name_ending_at,
    patterns,
    person_name,
    post_nominals,
    rules,
    scan,
    singular,
    trim_name,
)
from caregraph.pipeline.extract.people_by_given_name import is_given_name
from caregraph.pipeline.extract.posts import abbreviated_post

_LIST_SPLIT = re.compile(r"[ \t]*[,;][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*")
_ITEM_BRACKET = re.compile(r"[ \t]*\(([^()]*)\)$")
# A bracket after a listed name that is no post: "(substitute for …)", "(on behalf of …)", "(in the Chair)" (who
# chaired this meeting, not a post: the annotators differ, and a post nobody holds is the worse error)
_NOT_ITEM_POST = re.compile(r"(?i)\bsubstitut|\bfor\b|\bon\s+behalf|^in\s+the\b")


def _list_items(
    doc: Doc, names: str, offset: int, honorific: str | None
) -> Iterator[tuple[str, str | None, str | None, int, int]]:
    """The people of a list ("Smith, Jones and Brown", "Dawn Dale (Chair), Cllr Jo Lee"): ``(name, post,
    honorific, start, end)``; a lone surname needs an honorific (the list's own or the item's)."""
    hon_re = _honorific_start()
    semicolons = _SEMICOLON_ITEMS.search(_outside_brackets(names)) is not None
    for start, part in _split_outside_brackets(names):
        if semicolons and honorific is None and _described(names, start, part, hon_re):
            continue
        post = None
        bracket = _ITEM_BRACKET.search(part)
        if bracket:
            label = clean(bracket.group(1))
            part = part[: bracket.start()]
            if (rules().post_head_ci.search(label) or abbreviated_post(label)) and not _NOT_ITEM_POST.search(label):
                post = label  # "Dawn Dale (Chair)", "Kit Sample (AD Early Help)"
        hon = honorific
        h = hon_re.match(part)
        if h:
            hon, part = h.group(0).strip(), part[h.end() :]
        part = re.sub(rf"(?:[ \t]+(?:{rules().post_nominal}))+$", "", part.strip())
        name = person_name(part, hon) if patterns().name_in.fullmatch(part) or hon else None
        if name and name == part:
            s = offset + start
            yield name, post, hon, s, s + len(part)


# a list whose items are parted by semicolons, a comma inside one ("Cllr Jo Example, Northfield Ward; Cllr …")
_SEMICOLON_ITEMS = re.compile(r";[^;]*,|,[^;]*;")
_COMMA_BEFORE = re.compile(r",[ \t]*\Z")
_BRACKETED = re.compile(r"\([^()]*\)")


def _outside_brackets(names: str) -> str:
    return _BRACKETED.sub("", names)


def _described(names: str, start: int, part: str, hon_re: re.Pattern[str]) -> bool:
    """Whether ``part`` of a list parted by semicolons follows a comma inside its item and is no name of its own (no
    honorific, initial or known given name first): what the item says of the person before it ("Cllr Jo Example,
    Northfield Ward; Cllr Kit Sample, Anytown Central Ward"), not a second person (issue 14, round 19)."""
    if not _COMMA_BEFORE.search(names, 0, start) or hon_re.match(part):
        return False
    first = part.split(None, 1)[0] if part.strip() else ""
    return not (is_initial(first.rstrip(".")) or is_given_name(first))


@cache
def _honorific_start() -> re.Pattern[str]:
    one = "|".join(re.escape(h) for h in rules().honorifics)
    return re.compile(rf"(?:{one})(?:[ \t]+(?:{one}))?[ \t]+")


def _split_outside_brackets(names: str) -> Iterator[tuple[int, str]]:
    """The items of a list and where each starts: split at commas, "and" and "&" outside brackets."""
    depth, start, pos = 0, 0, 0
    while pos < len(names):
        ch = names[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            sep = _LIST_SPLIT.match(names, pos)
            if sep and sep.end() > pos:
                yield start, names[start:pos]
                start = pos = sep.end()
                continue
        pos += 1
    yield start, names[start:]


def plural_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Councillors Smith, Jones and Brown", "Councillors Dawn Dale (Chair), …": attendees; a post in the plural in
    a bracket after the last name is each one's ("Councillors A Example, B Sample and C Tester (Cabinet Members)")."""
    for m in scan(patterns().plural, doc, prefixes=patterns().plural_starts):
        shared = _plural_label_before(doc.text, m.start())
        items = list(_list_items(doc, m.group("names"), m.start("names"), "Councillor"))
        bracket = _bracket_after(doc.text, items[-1][4]) if items else None
        last = _plural_post(bracket.strip()) if bracket else None
        if last is not None and all(post is None for _, post, *_ in items):
            items = [(name, last, hon, s, e) for name, _, hon, s, e in items]
        for name, post, _, s, e in items:
            if post is None and shared is not None:
                found = candidate(doc, name, shared[2], s, e, "Councillor", "attendee", shared[:2])
                yield found._replace(evidence=doc.evidence(shared[0], e))
                continue
            yield candidate(doc, name, post, s, e, "Councillor", "attendee")


def _bracket_after(text: str, pos: int) -> str | None:
    """What a bracket right after ``pos`` (spaces and tabs between) holds (the people finder's ``bracket``), or
    None."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    m = patterns().bracket.match(text, pos)
    return m.group("inner") if m else None


_PLURAL_LABEL = re.compile(r"(?P<label>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){1,3})[ \t]*:[ \t]*\Z")


def _plural_label_before(text: str, pos: int) -> tuple[int, int, str] | None:
    """A post in the plural labelling the list of councillors at ``pos``, which each of them holds: "Cabinet
    Members: Councillors Ann Example and Jo Sample" (each a "Cabinet Member"): ``(start, end, post)``."""
    m = _PLURAL_LABEL.search(text, max(0, pos - 50), pos)
    if m is None:
        return None
    label = m.group("label")
    head = rules().post_head_re
    for start in (0, *(i + 1 for i, ch in enumerate(label) if ch == " ")):
        part = label[start:]
        if part.endswith("s") and head.fullmatch(singular(part)) and len(part.split()) >= 2:
            return m.start("label") + start, m.start("label") + len(label), singular(part)
    return None


_LIST_CUES = (
    "apolog",
    "present",
    "attendance",
    "attend",
    "substitut",
    "welcomed",
    "officers",
    "councillors",
    "members",
    "witnesses",
    "guests",
)


def listed_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """Lists of people: "apologies were received from A, B and C", "Present: …", "The committee welcomed A (Post)
    and B (Organisation)"."""
    low = doc.text[: doc.limit].lower()
    if not any(cue in low for cue in _LIST_CUES):
        return
    for m in patterns().list_after.finditer(doc.text, 0, doc.limit):
        for name, post, hon, s, e in _list_items(doc, m.group("names"), m.start("names"), None):
            yield candidate(doc, name, post, s, e, hon, "attendee")
    yield from _blocks(doc)
    yield from _inverted(doc)
    yield from _label_lines(doc)


# "Example, J. (Chair); Sample, K.": a surname, a comma and initials, as registers of attendance write them. The
# comma and initials are found first (a comma is a cheap anchor), then the surname that ends at the comma.
_COMMA_INITIALS = re.compile(
    rf",[ \t]*(?P<initials>{UPPER}\.?(?:[ \t]?{UPPER}\.?){{0,2}})(?![\w’'-])(?:[ \t]*\((?P<inner>[^()\n]{{1,80}})\))?"
)
_SURNAME_BEFORE = re.compile(rf"(?<![\w’'-])(?P<surname>{WORD}(?:-{WORD})?)\Z")
_INVERTED_GAP = re.compile(r"[ \t]*(?:;|\n|\||\t|,?[ \t]+and)[ \t]*\Z")


def _inverted(doc: Doc) -> Iterator[PersonCandidate]:
    """A list of two or more names written surname first, each apart by a semicolon, a line break, a cell or
    "and": "Present: Example, J. (Chair); Sample, K." — the person "J Example", the bracket a post when it opens
    with a post's head."""
    text, rules_ = doc.text, rules()
    items: list[tuple[int, int, str, re.Match[str]]] = []
    for m in _COMMA_INITIALS.finditer(text, 0, doc.limit):
        before = _SURNAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before is not None:
            items.append((before.start(), m.end(), before.group("surname"), m))
    groups: list[list[tuple[int, int, str, re.Match[str]]]] = []
    for item in items:
        if groups and _INVERTED_GAP.match(text[groups[-1][-1][1] : item[0]]):
            groups[-1].append(item)
        else:
            groups.append([item])
    for group in groups:
        if len(group) < 2:
            continue
        for start, end, surname, m in group:
            initials = m.group("initials").replace(".", "").replace(" ", "")
            name = f"{initials} {surname}"
            if not is_name(name):
                continue
            inner = m.group("inner")
            post = clean(inner) if inner and rules_.post_head_re.search(inner) and not re.search(r"\d", inner) else None
            yield candidate(doc, name, post, start, end, None, "attendee")


# "P. Saunders, L. King, S. Reay (R); D. Bond and N. Hart (LD)": people written initials first, a bracket (a post or
# a group's code) allowed after each, apart by commas, semicolons or "and" on one line.
_INITIALLED = re.compile(
    rf"(?P<initials>{UPPER}\.?(?:[ \t]?{UPPER}\.?){{0,2}})[ \t]+(?P<surname>{WORD}(?:-{WORD})?)(?![\w’'.-])"
    rf"(?:[ \t]*\((?P<inner>[^()\n]{{1,60}})\))?"
)
_INITIALLED_GAP = re.compile(r"[ \t]*(?:[,;]|,?[ \t]+and)[ \t]+\Z")
_INITIALLED_AT_LEAST = 3  # three such names in a row are a list; two could be anything ("A Review and B Notes")


def initialled_lists(doc: Doc) -> Iterator[PersonCandidate]:
    """Lists of three or more people written initials first on one line ("P. Saunders, L. King, S. Reay (R);
    D. Bond and N. Hart"): the repeated shape is the evidence, whatever heads the list. A bracket is the post when
    it opens with a post's head ("(Chair)"), else nobody's ("(R)", a directorate's letters)."""
    text, rules_ = doc.text, rules()
    run: list[re.Match[str]] = []
    for m in itertools.chain(scan(_INITIALLED, doc), (None,)):
        if m is not None and run and _INITIALLED_GAP.search(text, run[-1].end(), m.start()):
            run.append(m)
            continue
        if len(run) >= _INITIALLED_AT_LEAST:
            for item in run:
                initials = " ".join(item.group("initials").replace(".", " ").split())
                name = f"{initials} {item.group('surname')}"
                if not is_name(name):
                    continue
                inner = item.group("inner")
                post = clean(inner) if inner and rules_.post_head_re.match(inner) else None
                yield candidate(doc, name, post, item.start(), item.end("surname"), None, "attendee")
        run = [m] if m is not None else []


_BLOCK_HEADING = re.compile(
    r"(?i)(?:(?:also|officers?|members?|councillors?|co-opted[ \t]+members?|others?|partners?)[ \t]+)?"
    r"(?:present|in[ \t]+attendance|attendees|attending|apologies(?:[ \t]+for[ \t]+absence)?|officers(?:[ \t]+present|"
    r"[ \t]+in[ \t]+attendance)?|councillors|members(?:[ \t]+present)?|witnesses|guests|co-opted[ \t]+members)[ \t]*:?"
)
_BULLET = re.compile(r"[•·Ø*\-–][ \t]*|\(?[a-z0-9]{1,2}[.)][ \t]+")
_ITEM_PARTS = re.compile(r"(?P<name>[^,()–—]+?)(?P<sep>[ \t]*,[ \t]*|[ \t]+[-–—][ \t]+|[ \t]*\()(?P<rest>.+)")


def _blocks(doc: Doc) -> Iterator[PersonCandidate]:
    """A list of people one to a line under a heading ("Present:", "Officers in attendance:", "Apologies:"): each
    line a name, with a post after a comma, a dash or in brackets ("Jane Example, Director of Children's
    Services", "Councillor Tom Sample (Chair)"); the list ends at the first line that is not one."""
    lines = doc.lines
    for idx, (start, _, line) in enumerate(lines):
        if start >= doc.limit:
            break
        if len(line) > 40 or _BLOCK_HEADING.fullmatch(line) is None:
            continue
        default = "Councillor" if re.search(r"(?i)councillors", line) else None
        for s, _, item in lines[idx + 1 : idx + 60]:
            if s >= doc.limit or _BLOCK_HEADING.fullmatch(item):
                break
            found = _block_item(item, default)
            if found is None:
                break
            name, hon, post = found
            at = s + item.find(name)
            yield candidate(doc, name, post, s, at + len(name), hon, "attendee")


_PLURAL_HONORIFIC = re.compile(rf"(?:{rules().councillors})[ \t]+")


@cache
def _label_words(words: int) -> re.Pattern[str]:
    """A label of ``words`` words at a line's start, a colon or none after it, then a capital."""
    return re.compile(
        rf"(?P<label>[A-Z][\w’'-]*(?:[ \t]+[A-Za-z][\w’'-]*){{{words - 1}}})[ \t]*(?P<colon>:?)[ \t]+(?=[A-Z])"
    )


def _label_lines(doc: Doc) -> Iterator[PersonCandidate]:
    """A line that opens with the label of a list and holds nothing but the people of it, as a table of attendance
    flattened to lines writes it without a colon: "Officers Present Jo Example, Kit Sample, Lee Tester.", "Apologies
    Ann Person (Parent Governor Representative); Bo Sample". A label that is a post in the plural gives each person
    the post ("Cabinet Members Cllrs Jo Example, Kit Sample", "Parent Governor Representatives : Dr K Sample"); a
    heading of attendance ("Officers Present", "Apologies") gives none. Every item must be a name (two at least
    after a heading without a colon)."""
    for start, _, line in doc.lines:
        if start >= doc.limit:
            break
        if len(line) > 300 or not line[:1].isupper():
            continue
        for words in range(1, 5):
            m = _label_words(words).match(line)
            if m is None:
                continue
            label = m.group("label")
            heading = _BLOCK_HEADING.fullmatch(label) is not None
            post = None if heading else _plural_post(label)
            if not heading and post is None:
                continue
            rest, offset = line[m.end() :].rstrip(" \t."), start + m.end()
            hon = None
            plural = _PLURAL_HONORIFIC.match(rest)
            if plural is not None:
                hon, rest, offset = "Councillor", rest[plural.end() :], offset + plural.end()
            items = [part for _, part in _split_outside_brackets(rest)]
            found = list(_list_items(doc, rest, offset, hon))
            if len(found) != len(items) or not found or (len(found) < 2 and not m.group("colon")):
                continue
            for name, item_post, item_hon, s, e in found:
                yield candidate(doc, name, item_post or post, s, e, item_hon, "attendee")
            break


_SET_APART = frozenset({"non", "other"})


def _plural_post(label: str) -> str | None:
    """The post each of a list holds when its label is a post in the plural ("Cabinet Members" → "Cabinet
    Member", "Parent Governor Representatives" → "Parent Governor Representative"), else None. A head that a word
    before it sets apart says who the people are not or besides whom they come ("Non Members", "Other Members"),
    no post ("Non Executive Directors" are posts)."""
    words = label.split()
    if len(words) < 2 or not words[-1].endswith("s") or not all(w[:1].isupper() for w in words):
        return None
    if len(words) == 2 and words[0].lower() in _SET_APART:
        return None
    single = singular(label)
    if words[0] in rules().grammar or not any(h.end() == len(single) for h in rules().post_head_re.finditer(single)):
        return None
    return single


def _block_item(line: str, honorific: str | None) -> tuple[str, str | None, str | None] | None:
    """``(name, honorific, post)`` of one line of a list of people, or None when the line is not one."""
    bullet = _BULLET.match(line)
    if bullet:
        line = line[bullet.end() :]
    found = name_cell(line, honorific)
    if found is not None:
        return found[0], found[1], None
    m = _ITEM_PARTS.fullmatch(line)
    if m is None:
        return None
    found = name_cell(m.group("name").strip(), honorific)
    if found is None:
        return None
    rest = m.group("rest").strip()
    if "(" in m.group("sep"):
        if not rest.endswith(")"):
            return None
        rest = rest[:-1]
    return found[0], found[1], post_cell(rest) if not _NOT_ITEM_POST.search(rest) else None


def labelled_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """Field labels: "Contact: Chris Sample", "Officer: Rob Example", "A message from Patrick Leeson:". The
    line is read as fields (two spaces, a comma or the next field's label apart): the names, and a post among the
    other fields ("Contact: Alyson Grice/Samantha Morris  Overview & Scrutiny Officers  Email: …"); a field that
    starts with a label ("Email: …") is no one's name."""
    for m in patterns().label.finditer(doc.text, 0, doc.limit):
        rest, start = m.group("rest"), m.start("rest")
        inner = _POST_THEN_COLON.match(rest)
        if inner is not None and _is_post_field(inner.group("post")):
            # "Report authorised by: Strategic Director of People: Jo Example": the post labels the name
            post = clean(inner.group("post"))
            for c in _fields(doc, start + inner.end(), rest[inner.end() :], "contact"):
                yield c if c.post else candidate(doc, c.name, post, c.evidence.start, c.evidence.end, None, "contact")
            continue
        yield from _fields(doc, start, rest, "contact", title_below=True)
    for m in _BYLINE.finditer(doc.text, 0, doc.limit):
        if m.group("credit"):
            credit, at = m.group("credit"), m.start("credit")
            agency = _AGENCY_FIRST.match(credit)
            if agency is not None and not _names_in_field(agency.group("agency")):
                # "Picture: Adobe Stock/Jo Example": the picture library first, then the photographer
                credit, at = credit[agency.end() :], at + agency.end()
            yield from _fields(doc, at, credit, "author")
        else:
            yield from _fields(doc, m.start("rest"), m.group("rest"), "author", next_line=True)
    yield from _with_phone_numbers(doc)
    yield from _dated_bylines(doc)


# a picture library before the photographer in a credit ("Adobe Stock/…")
_AGENCY_FIRST = re.compile(r"(?P<agency>[A-Z][^/\n,;]{1,40}?)[ \t]*/[ \t]*(?=[A-Z])")

# a post that labels the name after a label ("Authorised by: Director of People: Jo Example"): one field, no comma
_POST_THEN_COLON = re.compile(r"(?P<post>[A-Z](?:(?![ \t]{2})[^:\n,;\t]){2,100}?):[ \t]*(?=\S)")

# A news story's byline: "By Hannah Example, Local Democracy Reporter", "Posted by Ann Sample  |  19 August 2022"
_BYLINE = re.compile(
    r"(?m)^[ \t]*(?:(?:(?:Posted|Written|Published|Updated)(?:[ \t]+on(?:[ \t]+[^\n]{1,40}?)?)?|Words|Story|Report|Article)"
    r"[ \t]+)?[Bb]y[ \t]+(?P<rest>[^\n]{2,160})"
    # a picture's credit as a caption gives it: "Image source, Jo Example", "Photo: Kit Sample"
    # (also after the caption it credits, on its line: "… were praised. Picture: Jo Example")
    r"|(?:^[ \t]*|(?<=[.!?’”'\"])[ \t]+)(?:Image|Photo|Photograph|Picture)(?:[ \t]+(?:source|credit|by))?[ \t]*[,:][ \t]*(?P<credit>[^\n]{2,80})"
)


_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_START = re.compile(
    r"[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+|(?:Updated|Published|Posted)[ \t:]+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTHS},?[ \t]+\d{{4}}|{_MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}})\b"
)
_A_DIGIT = re.compile(r"\d")
_BYLINE_PARTS = re.compile(r"[ \t]*,[ \t]*|[ \t]+[|–—-][ \t]+")
_BYLINE_LINES = 12  # a byline stands in the page's head: its first lines


def _dated_bylines(doc: Doc) -> Iterator[PersonCandidate]:
    """A news story's byline without "By": a line in the page's head that holds a name and nothing else but a post
    and the story's date, on it or on the next line ("Jo Example  6 April 2016", "Kit Sample" over "Tuesday,
    November 13, 2018", "Education Editor, Lee Tester" over "24 October 2009")."""
    lines = [ln for ln in doc.lines[: _BYLINE_LINES * 2] if ln[2].strip()][:_BYLINE_LINES]
    for i, (start, _, line) in enumerate(lines):
        if start >= doc.limit or len(line) > 120:
            break
        head, dated = line, False
        # (speed only: every date the pattern reads holds a digit; a line without one is not searched)
        date = _DATE_START.search(line) if _A_DIGIT.search(line) else None
        if date is not None and date.start() > 0 and not line[date.end() :].strip(" \t0123456789:APMBSTGapm"):
            head, dated = line[: date.start()].rstrip(" \t,|–—-"), True
        elif i + 1 < len(lines) and _DATE_START.match(lines[i + 1][2]):
            dated = True
        if not dated:
            continue
        parts = _BYLINE_PARTS.split(head.strip())
        if not 1 <= len(parts) <= 2:
            continue
        found = [(p, name_cell(p)) for p in parts]
        names = [(p, f) for p, f in found if f is not None and f[1] is None]
        if len(names) != 1:
            continue
        posts = [post_cell(p) for p, f in found if f is None]
        if any(p is None for p in posts):
            continue  # a part that is neither the name nor a post: no byline
        name = names[0][1][0]
        at = start + line.find(name)
        yield candidate(doc, name, posts[0] if posts else None, start, at + len(name), None, "author")


def _fields(
    doc: Doc, rest_start: int, rest: str, role: str, next_line: bool = False, title_below: bool = False
) -> Iterator[PersonCandidate]:
    """The people of a labelled line read as fields: the names, and a post among the other fields (with
    ``next_line``, else the post alone on the next line: "By Deb Example" over "Senior Reporter"; with
    ``title_below``, else a post labelled as such on the next lines: "Name: Jo Example" over "Job title: Head of
    Service")."""
    fields_re, label_re = _field_patterns()
    names: list[tuple[str, int, int]] = []
    post = None
    pos = 0
    for f in fields_re.finditer(rest + "  "):
        field, off = rest[pos : f.start()], pos
        pos = f.end()
        if not field.strip() or label_re.match(field):
            continue
        found = _names_in_field(field) if post is None else []  # after the post, a body ("…, Anyshire Youth Service")
        if found:
            names.extend((n, rest_start + off + s, rest_start + off + e) for n, s, e in found)
        elif not names and next_line:
            return  # a byline that does not open with a name ("By March 2024 …")
        elif post is None and _is_post_field(field):
            post = clean(field)
    if post and len(names) > 1:
        post = re.sub(r"s$", "", post)  # "Overview & Scrutiny Officers": each holds the post
    if post is None and next_line and len(names) == 1:
        line_end = doc.text.find("\n", rest_start)
        if line_end != -1:
            after = doc.text.find("\n", line_end + 1)
            post = post_cell(doc.text[line_end + 1 : after if after != -1 else len(doc.text)])
    if post is None and title_below and len(names) == 1:
        post = _title_below(doc.text, rest_start) or _post_line_below(doc.text, rest_start)
    for name, s, e in names:
        yield candidate(doc, name, post, s, e, None, role)


def _post_line_below(text: str, pos: int) -> str | None:
    """The post alone on the line after the line at ``pos`` ("Lead Officer: Ann Example" over "Strategic Director,
    People")."""
    line_end = text.find("\n", pos)
    if line_end == -1:
        return None
    after = text.find("\n", line_end + 1)
    return post_cell(text[line_end + 1 : after if after != -1 else len(text)])


_TITLE_FIELD = re.compile(
    r"[ \t]*(?i:job[ \t]+title|title|designation|position|role|post)[ \t]*:[ \t]*(?P<post>[^\n]+)"
)


def _title_below(text: str, pos: int) -> str | None:
    """The post labelled on one of the three lines after the line at ``pos`` ("Job title: Head of Service")."""
    for _ in range(3):
        nl = text.find("\n", pos)
        if nl == -1:
            return None
        pos = nl + 1
        m = _TITLE_FIELD.match(text, pos)
        if m:
            return post_cell(m.group("post"))
    return None


def _with_phone_numbers(doc: Doc) -> Iterator[PersonCandidate]:
    """A name with a telephone number after it: "(Sam Sample – 0100 000000)", "Ann Sample, tel 0100 000000"."""
    pr, text = patterns(), doc.text
    for m in pr.phone.finditer(text, 0, doc.limit):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue
        lead = pr.phone_lead.search(text, max(0, m.start() - 24), m.start())
        found = name_ending_at(text, lead.start()) if lead else None
        if found is not None and found[1] is None:
            name, _, s, _ = found
            if is_name(name):
                yield candidate(doc, name, None, s, s + len(name), None, "contact")


@cache
def _field_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a contact line's fields part, and a field that starts with a label ("Email:")."""
    labels = "|".join(re.escape(f) for f in rules().field_labels)
    return (
        re.compile(rf"[ \t]{{2,}}|\t|[ \t]*[,;|][ \t]*|[ \t]+(?=(?i:{labels})[ \t]*:)"),
        re.compile(rf"[ \t]*(?i:{labels})[ \t]*:"),
    )


_AFTER_CONTACT_NAME = re.compile(r"[ \t]*(?:$|\(?\+?\d|(?:on|or|tel|t|telephone|phone|ext|e-?mail)\b|[A-Z])", re.I)


def _names_in_field(field: str) -> list[tuple[str, int, int]]:
    """The names that open one field of a contact line ("Alyson Grice/Samantha Morris", "Ann Jones on 0151 …",
    "Josh Ashworth Democratic Services"); none when the field does not open with a name."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    parts = re.split(r"[ \t]*/[ \t]*|[ \t]+and[ \t]+", field)
    for i, part in enumerate(parts):
        start = field.find(part, pos)
        pos = start + len(part)
        words = part.strip()
        m = patterns().name_in.match(words) if words else None
        name = trim_name(m.group(1)) if m else ""
        if not name or not is_name(name) or rules().post_head_re.match(words):
            return out if i else []
        if name != words and not _AFTER_CONTACT_NAME.match(words, len(name)):
            return out if i else []
        s = start + len(part) - len(part.lstrip())
        out.append((name, s, s + len(name)))
    return out


def _is_post_field(field: str) -> bool:
    """A field that is a post title: capitalised words and connectors ending in, or headed by, a post's head."""
    words = clean(field)
    if not (rules().post_head_re.search(words) or rules().post_head_re.search(words.removesuffix("s"))):
        return False
    if re.search(r"\d|@", words):
        return False
    return all(w[:1].isupper() or w in _POST_FIELD_WORDS for w in words.split())


# What may follow the last head of a post: its end, its subject ("of …", "for …"), a part after a comma or dash,
# a bracket
_HEAD_ENDS = re.compile(r"\s*$|\s+(?:of|for|to|with|at|in|and|&)\b|\s*[,(]|\s+[-–—]\s")
_POST_FIELD_WORDS = frozenset({"&", "and", "of", "for", "the", "-", "–", "in", "to", "with", "at"})


# ------------------------------------------------------------------------------------------ tables and line pairs

_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+|[ \t]{2,}")
_STATUS_CELL = re.compile(
    r"(?i)(?:present|absent|apologies(?:\s+(?:received|sent|given))?|sent\s+apologies|in\s+attendance|attended|"
    r"expected|substitute|remote(?:ly)?|virtual(?:ly)?|online|yes|no|n/a|-|–)\.?"
)


@cache
def _whole_name() -> re.Pattern[str]:
    """A cell or line that holds a name and nothing else: "Councillor Mrs Jane Example", "Jo Example OBE"."""
    hon = "|".join(re.escape(h) for h in rules().honorifics)
    return re.compile(
        rf"(?:(?P<hon>{hon})(?:[ \t]+(?:{hon}))?[ \t]+)?(?P<name>{NAME_RUN}){post_nominals()}[ \t]*[,.:]?"
    )


def name_cell(cell: str, honorific: str | None = None) -> tuple[str, str | None] | None:
    """The person a table cell or a line names, with nothing else in it: ``(name, honorific)``; ``honorific`` is
    the one a list's heading gives its names ("Councillors:")."""
    if len(cell) > 80 or not cell[:1].isupper():
        return None
    m = _whole_name().fullmatch(cell)
    if m is None:
        return None
    raw, hon = m.group("name"), m.group("hon") or honorific
    if hon:
        name = person_name(raw, hon)
        return (raw, hon) if name == raw else None
    if is_name(raw, strict=True) and not rules().post_head_re.match(raw):
        return raw, None
    return None


_BY_LINE = re.compile(r"(?:By|From)[ \t]+(?=[A-Z])")


@cache
def _honorific_opens() -> re.Pattern[str]:
    """A councillor's or a social honorific and a capitalised word at a cell's start (a person's name, never a post's
    words; a police rank may be a post's, "Chief Inspector")."""
    return re.compile(rf"(?:{rules().councillor}|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Professor|Prof)\.?[ \t]+[A-Z]")


def post_cell(cell: str) -> str | None:
    """The post a table cell or a line holds, whole: capitalised words and connectors headed by a post's head
    ("Director of Children's Services", "Chair", "Corporate Director, Children and Families")."""
    cell = cell.strip().rstrip(",.;")
    by = _BY_LINE.match(cell)
    if by is not None:
        cell = cell[by.end() :]  # "By Local Democracy Reporter" over the name: a byline's "By" is no part of the post
    if not cell or len(cell) > 120 or not cell[:1].isupper():
        return None
    words = cell.split()
    if not all(w[:1].isupper() or w in _POST_FIELD_WORDS for w in words):
        return None  # a sentence, not a title
    if abbreviated_post(cell):
        return clean(cell)  # "AD Safeguarding", "HoS Early Help": an initialism for the title, then its remit
    starts = patterns().head_starts
    if not any(w[:2] in starts for w in words) or not _is_post_field(cell):
        return None
    heads = list(rules().post_head_re.finditer(cell))
    if not heads or not (_HEAD_ENDS.match(cell, heads[-1].end()) or _subjects_after(cell, heads[-1].end())):
        return None  # "Officers" (a heading), "Officer Contact" (a label): no one's post
    if cell.lower() in {"member", "members"}:
        return None  # a committee's member: no post (a table's "Role" column)
    if name_cell(cell) is not None:
        return None  # "Jane Lead": a name whose surname is a post's word
    if _honorific_opens().match(cell):
        return None  # "Cllr Kit Example Cabinet Member for …": a person and their post, no one else's
    return clean(cell)


_PART = re.compile(r"[^,(]*")


def _subjects_after(cell: str, pos: int) -> bool:
    """Whether the words after a post's head at ``pos``, up to a comma or a bracket, are all what a post is of or
    for, written without "of" ("Assistant Director Children's Services, Education", "Executive Director People"),
    not a label's word ("Officer Contact")."""
    part = _PART.match(cell, pos)
    words = [w.lower().replace("’", "'") for w in part.group(0).split()] if part else []
    subjects = rules().post_subjects
    return bool(words) and words[0] in subjects and all(w in subjects or w in _POST_FIELD_WORDS for w in words)


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a flattened table row (``|``, tabs or wide spaces between them) and where each starts."""
    if "|" not in line and "\t" not in line and "  " not in line:
        return [(0, line)]
    out, pos = [], 0
    for m in _CELL_SPLIT.finditer(line):
        if m.start() > pos:
            out.append((pos, line[pos : m.start()]))
        pos = m.end()
    if pos < len(line):
        out.append((pos, line[pos:]))
    return out


def cells_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """People in tables and in name-and-post line pairs: a row "Councillor Jane Example | Chair | Present" (cells
    apart by ``|``, tabs or wide spaces), a table flattened one cell per line, a signature ("Jane Example" on one
    line, "Director of Children's Services" on the next). A name alone in its cell with a post alone in the next
    is that person's post. A run of lines that alternate names and posts is read in pairs, name first unless the
    run starts with a post and ends with a name ("Cabinet Member for Children" above "Councillor X")."""
    lines = [line for line in doc.lines if line[0] < doc.limit]
    kinds: list[tuple[str, str | None] | str | None] = []
    for s, _, line in lines:
        cells = _cells(line)
        if len(cells) >= 2:
            yield from _row(doc, s, cells)
            kinds.append(None)
            continue
        spaces = line.count(" ")
        if spaces > 14 or len(line) > 120 or not line[0].isupper() or ". " in line:
            kinds.append(None)  # a sentence: neither a name nor a title alone
            continue
        kinds.append((name_cell(line) if spaces <= 7 else None) or post_cell(line))
    i = 0
    while i < len(lines):
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and kinds[j + 1] is not None and type(kinds[j + 1]) is not type(kinds[j]):
            j += 1
        run = list(range(i, j + 1))
        i = j + 1
        if len(run) < 2:
            continue
        if isinstance(kinds[run[0]], str):
            run = run[1:] if isinstance(kinds[run[-1]], str) else run
        for a, b in zip(run[::2], run[1::2], strict=False):
            n, p = (a, b) if isinstance(kinds[a], tuple) else (b, a)
            found, post = kinds[n], kinds[p]
            assert isinstance(found, tuple) and isinstance(post, str)
            name, hon = found
            start = lines[n][0]
            at = start + lines[n][2].find(name)
            yield candidate(doc, name, post, start, at + len(name), hon, "attendee")


_DASH_ROW = re.compile(r"(?P<who>[^–—]+?)[ \t]+[-–—][ \t]+(?P<role>[^\n]{2,100})")


def dash_rows(doc: Doc) -> Iterator[PersonCandidate]:
    """A list of people one to a line, each "Name – Role" ("Mr A Sample – Church Representative (Catholic)", "Ms
    L Example – Young Lives Anytown"): where most roles of a run of three or more such lines are posts, every
    role the run gives in capitalised words is that person's, an organisation they represent included, and so is a
    post written with an initialism for its title ("Kit Sample – AD Safeguarding", :func:`~.posts.abbreviated_post`)."""
    rows: list[tuple[int, str, str | None, str, bool]] = []  # (start, name, honorific, role, role is a post)
    runs: list[list[tuple[int, str, str | None, str, bool]]] = []
    for start, _, line in doc.lines:
        if start >= doc.limit:
            break
        m = _DASH_ROW.fullmatch(line) if len(line) <= 140 and ("–" in line or " - " in line or "—" in line) else None
        found = name_cell(m.group("who").strip()) if m else None
        if m is None or found is None:
            if rows:
                runs.append(rows)
            rows = []
            continue
        role = m.group("role").strip()
        is_post = post_cell(_ITEM_BRACKET.sub("", role)) is not None
        rows.append((start + line.find(found[0]), found[0], found[1], role, is_post))
    if rows:
        runs.append(rows)
    for run in runs:
        if len(run) < 3 or 2 * sum(is_post for *_, is_post in run) < len(run):
            continue
        for at, name, hon, role, is_post in run:
            words = role.split()
            if (is_post and not abbreviated_post(role)) or _DIGIT.search(role):
                continue  # a post with its head is the apposition pass's ("Jo Example – Head of Service")
            if not all(w[:1].isupper() or w in _POST_FIELD_WORDS for w in words):
                continue
            if name_cell(role) is not None:
                continue
            yield candidate(doc, name, clean(role), at, at + len(name), hon, "attendee")


_DIGIT = re.compile(r"\d|@")
_SPEAKER_ROW = re.compile(
    r"[ \t]*(?:[•·Øo*\-–]|\(?[a-z0-9]{1,2}[.)])?[ \t]*(?P<who>[A-Z][^–—:\n]{0,50}?)[ \t]+[-–—][ \t]+(?P<said>[A-Z][^\n]{15,})"
)
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*\b")


def speaker_rows(doc: Doc) -> Iterator[PersonCandidate]:
    """Questions and answers minuted one speaker to a line, each "Speaker – what they said" ("· Kate Example – Is
    there a plan?" over "o  DCS – The plan …"): where three or more lines of a page give a speaker and a dash
    before a sentence, and one of those speakers is named with an honorific or by a post, a name standing alone
    in that place is a person's too."""
    rows: list[tuple[int, str]] = []
    anchored = False
    for start, _, line in doc.lines:
        if start >= doc.limit:
            break
        if len(line) < 20 or ("–" not in line and " - " not in line and "—" not in line):
            continue
        m = _SPEAKER_ROW.fullmatch(line)
        if m is None or len(_LOWER_WORD.findall(m.group("said"))) < 3:
            continue  # "Jo Example – Chair of Governors": a role, not a sentence
        who = m.group("who").strip()
        found = name_cell(who)
        if found is not None and found[1] is None:
            rows.append((start + m.start("who"), found[0]))
            continue
        if found is not None or post_cell(who) is not None or _ACRONYM.fullmatch(who):
            rows.append((-1, who))
            anchored = True
    if not anchored or len(rows) < 3:
        return
    for at, name in rows:
        if at >= 0:
            yield candidate(doc, name, None, at, at + len(name))


_ACRONYM = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{1,3})?")


def _row(doc: Doc, start: int, cells: list[tuple[int, str]]) -> Iterator[PersonCandidate]:
    """The people of one flattened table row: a name cell with a post cell after it, or with an attendance
    status ("Present", "Apologies"); a cell that labels a name with a post ("Chair: Cllr Ann Example   Vice-Chair:
    Cllr Bob Sample")."""
    label = patterns().post_label
    for off, cell in cells:
        m = label.fullmatch(cell.strip() + "\n")
        post = post_cell(m.group("post")) if m else None
        if m and post and (len(post.split()) > 1 or post.lower() in rules().offices):
            name = person_name(m.group("name"), m.group("hon"))
            if name is not None and name == m.group("name"):
                s = start + off + cell.find(name)
                yield candidate(doc, name, post, start + off, s + len(name), m.group("hon"), "attendee")
    for (off, cell), (_, nxt) in itertools.pairwise(cells):
        found = name_cell(cell.strip())
        if found is None:
            continue
        name, hon = found
        post = post_cell(nxt)
        if post is None and not _STATUS_CELL.fullmatch(nxt.strip()):
            continue
        s = start + off + cell.find(name)
        yield candidate(doc, name, post, start + off, s + len(name), hon, "attendee")
