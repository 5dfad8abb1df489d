"""People in lists and on contact lines: "Councillors Smith, Jones and Brown" (lists of any length), "apologies
were received from A, B and C", "Present: …", "The committee welcomed A (Post) and B (Organisation)", and contact
lines read as fields ("Contact: Alyson Grice/Samantha Morris  Overview & Scrutiny Officers  Email: …",
"(Sam Sample – 0100 000000)"). Passes of :mod:`.people`; rules: ``rules/people.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import is_name, name_ending_at, patterns, person_name, rules, scan, trim_name

_LIST_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+|[ \t]*&[ \t]*")
_ITEM_BRACKET = re.compile(r"[ \t]*\(([^()]*)\)$")


def _list_items(
    doc: Doc, names: str, offset: int, honorific: str | None
) -> Iterator[tuple[str, str | None, str | None, int, int]]:
    """The people of a list ("Smith, Jones and Brown", "Dawn Dale (Chair), Cllr Jo Lee"): ``(name, post,
    honorific, start, end)``; a lone surname needs an honorific (the list's own or the item's)."""
    hon_re = _honorific_start()
    for start, part in _split_outside_brackets(names):
        post = None
        bracket = _ITEM_BRACKET.search(part)
        if bracket:
            label = clean(bracket.group(1))
            part = part[: bracket.start()]
            if rules().post_head_ci.search(label) and not re.search(r"(?i)\bsubstitut|\bfor\b|\bon\s+behalf", label):
                post = label
        hon = honorific
        h = hon_re.match(part)
        if h:
            hon, part = h.group(0).strip(), part[h.end() :]
        part = re.sub(rf"(?:[ \t]+(?:{rules().post_nominal}))+$", "", part.strip())
        name = person_name(part, hon) if patterns().name_in.fullmatch(part) or hon else None
        if name and name == part:
            s = offset + start
            yield name, post, hon, s, s + len(part)


@cache
def _honorific_start() -> re.Pattern[str]:
    return re.compile(rf"(?:{'|'.join(re.escape(h) for h in rules().honorifics)})[ \t]+")


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
    """ "Councillors Smith, Jones and Brown", "Councillors Dawn Dale (Chair), …": attendees."""
    for m in scan(patterns().plural, doc.text, doc.limit):
        for name, post, _, s, e in _list_items(doc, m.group("names"), m.start("names"), "Councillor"):
            yield candidate(doc, name, post, s, e, "Councillor", "attendee")


_LIST_CUES = ("apolog", "present", "attendance", "attendees", "substitut", "welcomed")


def listed_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """Lists of people: "apologies were received from A, B and C", "Present: …", "The committee welcomed A (Post)
    and B (Organisation)"."""
    low = doc.text[: doc.limit].lower()
    if not any(cue in low for cue in _LIST_CUES):
        return
    for m in patterns().list_after.finditer(doc.text, 0, doc.limit):
        for name, post, hon, s, e in _list_items(doc, m.group("names"), m.start("names"), None):
            yield candidate(doc, name, post, s, e, hon, "attendee")


def labelled_pass(doc: Doc) -> Iterator[PersonCandidate]:
    """Field labels: "Contact: Chris Sample", "Officer: Rob Example", "A message from Patrick Leeson:". The
    line is read as fields (two spaces, a comma or the next field's label apart): the names, and a post among the
    other fields ("Contact: Alyson Grice/Samantha Morris  Overview & Scrutiny Officers  Email: …"); a field that
    starts with a label ("Email: …") is no one's name."""
    pr, fields_re, label_re = patterns(), *_field_patterns()
    for m in pr.label.finditer(doc.text, 0, doc.limit):
        rest_start, rest = m.start("rest"), m.group("rest")
        names: list[tuple[str, int, int]] = []
        post = None
        pos = 0
        for f in fields_re.finditer(rest + "  "):
            field, off = rest[pos : f.start()], pos
            pos = f.end()
            if not field.strip() or label_re.match(field):
                continue
            found = _names_in_field(field)
            if found:
                names.extend((n, rest_start + off + s, rest_start + off + e) for n, s, e in found)
            elif post is None and names and _is_post_field(field):
                post = clean(field)
        if post and len(names) > 1:
            post = re.sub(r"s$", "", post)  # "Overview & Scrutiny Officers": each holds the post
        for name, s, e in names:
            yield candidate(doc, name, post, s, e, None, "contact")
    yield from _with_phone_numbers(doc)


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
    return all(w[:1].isupper() or w in {"&", "and", "of", "for", "the", "-", "–"} for w in words.split())
