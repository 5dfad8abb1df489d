"""People with their posts, and posts named without a person.

:func:`match_people` runs the passes below over the scanned text, in this order, each giving
:class:`~.candidates.PersonCandidate` records with their evidence (and the span of the post they claim). Every pass
reads a name where there is positive evidence of one:

1. apposition — "Name, Post", "Name (Any Capitalised Words … Head)", "Councillor Name Post", "Name – Post";
2. a lower-case post after a quoted speaker — "Stu Example, director of children’s services, said";
3. an honorific — "Councillor Surname", "DCI Alex Example", with a post just before it ("Vice Chair Councillor …");
4. a plural honorific — "Councillors Smith, Jones and Brown" (lists of any length; :mod:`.contacts`);
5. field labels — "Contact: Chris Sample  Democratic Services Officer  Email: …", "(Sam Sample – 0100 000000)"
   (:mod:`.contacts`);
6. a post as a field label — "Cabinet Member: Councillor Jas Example";
7. people acting — "Cal Sample stated" (a sentence's subject), "presented by Shay Tester", "said Jo Example", a
   bulleted "Andy Person, Unison, gave …";
8. a name with a bracket — "Alex Example (Anyshire Youth Service)": a person, with no post unless the bracket is one;
9. posts in predicates — "X has been named as the next Director …", "X is the independent chair of …", "to appoint
   Councillor X as Vice-Chair", "X had replaced Y as Director …";
10. lists of people — "apologies were received from A, B and C", "Present: …", "The committee welcomed …"
    (:mod:`.contacts`);
11. a post before a bare name — "interim Chief Executive Tess Sample has …", "As lead inspector Kim Example put
    it", "the Director of Children's Services – Nia Example".

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
from functools import cache

from caregraph.pipeline.extract.bodies import body_before
from caregraph.pipeline.extract.candidates import PersonCandidate, candidate, witness
from caregraph.pipeline.extract.contacts import labelled_pass, listed_pass, plural_pass
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import (
    bare_name_at,
    is_name,
    is_post_word_start,
    name_ending_at,
    patterns,
    person_name,
    rules,
    scan,
    sentence_start,
    trim_name,
)
from caregraph.pipeline.extract.organisations import organisations, practice_models
from caregraph.pipeline.extract.posts import PostSpan, find_posts, post_before, post_candidates, post_extent
from caregraph.records import PersonRecord, PostRecord, Segmented


def find_people(doc: Doc | Segmented) -> tuple[list[PersonRecord], list[PostRecord]]:
    """People with the post the page gives them, and posts named without a person."""
    doc = Doc.of(doc)
    spans = post_candidates(doc.text, doc.limit)
    candidates = [c for c in match_people(doc, spans) if not _inside_thing(doc, c)]
    people = fuller_names(doc, merge_people(candidates))
    taken = [c.post_span for c in candidates if c.post_span is not None]
    return people, find_posts(doc, people, taken, spans)


def match_people(doc: Doc, spans: list[PostSpan]) -> list[PersonCandidate]:
    """Every person the passes find, in pass order; ``spans`` are the post titles of the text (for the last pass)."""
    out: list[PersonCandidate] = []
    for found in (
        _apposition,
        _lower_apposition,
        _honorific,
        plural_pass,
        labelled_pass,
        _post_labelled,
        _acting,
        _bracketed,
        _predicates,
        listed_pass,
    ):
        out.extend(found(doc))
    taken = [c.post_span for c in out if c.post_span is not None]
    out.extend(_post_then_name(doc, spans, taken))
    return out


# ------------------------------------------------------------------------------------------------ merging


def merge_people(candidates: list[PersonCandidate]) -> list[PersonRecord]:
    """One person per name, in the order first found."""
    people: dict[str, PersonRecord] = {}
    for c in candidates:
        _merge_one(people, c)
    return list(people.values())


_NOT_WORD = re.compile(r"[\W_]+")


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


def _inside_thing(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a name without an honorific or a post stands inside the name of an organisation or practice model the
    organisations finder knows ("Staying Close", "Brighter Futures for Children"): positive evidence that it is no
    person's."""
    if c.honorific or c.post:
        return False
    at = c.evidence.start + max(c.evidence.quote.find(c.name), 0)
    text, end = doc.text, at + len(c.name)
    for e in _thing_entries():
        for m in e.regex.finditer(text, max(0, at - 60), min(len(text), end + 60)):
            if m.start() <= at < m.end():
                return True
    return False


def fuller_names(doc: Doc, people: list[PersonRecord]) -> list[PersonRecord]:
    """A person known by initials and surname ("C Example") takes the full name the page also writes with a first
    name of that initial ("Celia Example was retiring"), when there is one such name."""
    text = doc.text[: doc.limit]
    out = []
    for p in people:
        tokens = p.name.split()
        if len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1 and tokens[0][0].isupper():
            found = {
                m.group(1)
                for m in re.finditer(
                    rf"(?<![\w’'-])({re.escape(tokens[0][0])}[^\W\d_]+)[ \t]+{re.escape(tokens[1])}(?![\w’'-])", text
                )
                if is_name(f"{m.group(1)} {tokens[1]}", strict=True)
            }
            if len(found) == 1:
                p = PersonRecord(f"{found.pop()} {tokens[1]}", p.post, p.evidence, p.honorific, p.organisation, p.role)
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


def _apposition(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Name, Post", "Name (Post)", "Name – Post", "Councillor Name Post" — witness and attendance lists,
    apposition in prose. Capitalised words before the post's head belong to the post ("Jane Example (Safeguarding
    Practice Manager)", "Tom Person, National Schools Adviser")."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.apposition, text, doc.limit):
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
        title = f"{clean(mods)} {post}".strip()
        yield candidate(doc, name, title, m.start(), post_end, hon, witness(doc, m.start()), (start, post_end))


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
    return bool(re.match(r"\s+(?:of|for|to|with)\b|\s*[-–]\s*[A-Z]", text[head_end : head_end + 8]))


def _lower_apposition(doc: Doc) -> Iterator[PersonCandidate]:
    """Lower-case posts after a quoted speaker's name: "Stu Example, director of children’s services, said"."""
    text = doc.text
    for m in scan(patterns().lower_apposition, text, doc.limit):
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
    for m in scan(patterns().honorific, text, doc.limit):
        name = person_name(m.group("name"), m.group("hon"))
        if name is None:
            continue
        post = post_before(text, m.start())
        end = m.start("name") + len(name)
        if post is None:
            yield candidate(doc, name, None, m.start(), end, m.group("hon"))
        else:
            yield candidate(doc, name, post[0], m.start(), end, m.group("hon"), None, post[1])


def _post_labelled(doc: Doc) -> Iterator[PersonCandidate]:
    """A post as a field label before a name: "Cabinet Member: Councillor Jas Example" (not "Lead Officer: …",
    "Contact Officer: …", which label the field, not the post)."""
    for m in patterns().post_label.finditer(doc.text, 0, doc.limit):
        post = clean(m.group("post"))
        if len(post.split()) < 2 or re.search(r"(?i)officer$", post):
            continue
        name = person_name(m.group("name"), m.group("hon"))
        if name:
            span = (m.start("post"), m.end("post"))
            yield candidate(doc, name, post, m.start("post"), m.start("name") + len(name), m.group("hon"), None, span)


def _acting(doc: Doc) -> Iterator[PersonCandidate]:
    """Named people acting in the minutes: "Cal Sample stated", "Ada Example and Hel Sample shared",
    "presented by Shay Tester", "said Jo Example", and a bulleted "Andy Person, Unison, gave …". A name
    before a verb that is not a verb of speech must hold no word of posts and services."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in scan(pr.verb_after, text, doc.limit, sentence_start):
        speech = bool(pr.speech.fullmatch(m.group("verb")))
        for group in ("name", "name2"):
            raw = m.group(group)
            if not raw:
                continue
            name = trim_name(raw)
            if name == raw and is_name(name, strict=not speech) and not is_post_word_start(name):
                yield candidate(doc, name, None, m.start(group), m.start(group) + len(name))
    for m in pr.by_name.finditer(text, 0, doc.limit):
        raw = m.group("name")
        name = trim_name(raw)
        if name == raw and is_name(name) and not is_post_word_start(name):
            yield candidate(doc, name, None, m.start("name"), m.start("name") + len(name))
    for m in pr.bullet_name.finditer(text, 0, doc.limit):
        name = m.group("name")
        if is_name(name, strict=True) and not rules_.post_head_re.match(m.group("after")):
            yield candidate(doc, name, None, m.start("name"), m.end("name"))


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
    for pattern in (pr.named_as, pr.replaced, pr.elected, pr.appoint):
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


def _predicate_post(doc: Doc, m: re.Match[str], name: str, hon: str | None, start: int) -> Iterator[PersonCandidate]:
    """The person of a predicate with the post that starts at the match's head."""
    text, head = doc.text, m.start("head")
    extent = post_extent(text, head, min(len(text), head + 200), person=True)
    if extent is None:
        return
    post_end, post = extent
    post = _predicate_title(f"{clean(m.group('mods') or '')} {post}".strip())
    if len(post.split()) < 2 and (post.islower() or m.groupdict().get("det") in {"a", "an"}):
        return  # "appointed as a member of the Committee": a member, not a post
    yield candidate(doc, name, post, start, post_end, hon, None, (head, post_end))


_OF_THIS = re.compile(
    r"(?i)\s+(?:of|for)\s+(?:this|the)\s+(?:committee|panel|board|meeting|sub-committee|municipal\s+year|year)\b.*$"
)


def _predicate_title(post: str) -> str:
    """A post read from a predicate, without "of this Committee" and what the sentence goes on to say."""
    post = _OF_THIS.sub("", post)
    return re.sub(r"\s+(?:to|in|from|on|at|until|since|with|who|which|and\s+will)\s+.*$", "", post)


_NAME_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]*[-–—][ \t]*|[ \t]+")
_LOWER_MODIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<mod>(?:(?:interim|acting|joint|deputy|assistant|executive|senior|principal|lead|chief|elected)[ \t]+)+)$"
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
        # "the Corporate Director, Stu Sample.", "Independent Chair for the Board – Lin Sample" (a line's end)
        found = bare_name_at(text, sep.end(), full_stop=True, line_end=bool(re.search("[-–—]", sep.group(0))))
        if found is None:
            continue
        name, name_end = found
        lead = _LOWER_MODIFIER_BEFORE.search(text, max(0, start - 20), start)
        if lead:
            start = lead.start("mod")
            title = f"{clean(lead.group('mod'))} {title}"
        words = clean(title).split()
        if len(words) < 2 and title.lower() not in {"leader", "mayor"}:
            continue
        taken.append((start, end))
        found_ = candidate(doc, name, title, start, name_end, None, witness(doc, start), (start, end))
        yield found_._replace(organisation=body_before(text, start, found_.post or title) or found_.organisation)
