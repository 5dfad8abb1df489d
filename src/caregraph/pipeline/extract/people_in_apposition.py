"""People named with what stands beside them: a post after a comma, bracket or dash, a lower-case post after a
quoted speaker, a body in brackets.

:func:`apposition` reads "Name, Post", "Name (Any Capitalised Words … Head)", "Councillor Name Post", "Name – Post",
with a party or initials in brackets between ("Cllr X (Lab), Cabinet Member …", "Jo Example (JE) – Head of Service");
:func:`lower_apposition` a lower-case post after a quoted speaker ("Stu Example, director of children’s services,
said"); :func:`bracketed` a person named with the body they come from ("Alex Example (Anyshire Youth Service)"), with
no post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
from caregraph.pipeline.extract.posts import employer_after, post_extent


def apposition(doc: Doc, heads: list[int]) -> Iterator[PersonCandidate]:
    """ "Name, Post", "Name (Post)", "Name – Post", "Councillor Name Post" — witness and attendance lists,
    apposition in prose. Capitalised words before the post's head belong to the post ("Jane Example (Safeguarding
    Practice Manager)", "Tom Person, National Schools Adviser"). Tried only before one of the ``heads`` (where
    the text's post titles start, in either case)."""
    rules_, pr, text = rules(), patterns(), doc.text
    for m in _name_matches(text, doc.limit, heads):
        raw = m.group("name")
        name = trim_name(raw)
        if name != raw:
            continue  # the run went on into the post ("Exampley Cabinet …"): the honorific pass takes it
        hon = m.group("hon")
        if not _post_follows(text, m):
            continue
        head = m.start("head")
        # a body's possessive before the post ("the City of Anyshire Council's Cabinet Member"): the title's, for
        # split_body to take as its body
        mods = (m.group("owner") or "") + (m.group("mods") or "")
        owner_ = m.group("owner")
        if owner_ and rules_.post_head_re.match(owner_) and re.search(r"\s(?:of|for)\s", owner_):
            # "Jo Example, Director of Children's Services Cabinet Member: …": the "owner" is a post of its own, which
            # the next field's label follows; the post starts there
            head, mods = m.start("owner"), ""
        extent = post_extent(text, head, min(len(text), head + 200), person=True)
        if extent is None:
            yield candidate(doc, name, None, m.start(), m.end("name"), hon, witness(doc, m.start()))
            continue
        post_end, post = extent
        if not rules_.post_head_ci.match(post):
            continue
        between = text[m.end("name") : head - len(mods)]
        letters = post.split()[0]
        if letters in rules_.post_nominals and is_name(clean(mods), strict=True):
            # "Mayor Chris Example, Janet Sample MP, said": letters after a name are no post; the next person's
            yield candidate(doc, name, None, m.start(), m.end("name"), hon)
            other, end = head - len(mods), head + len(letters)
            yield candidate(doc, clean(mods), letters, other, end, None, None, (head, end))
            continue
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
        found = candidate(doc, name, title, m.start(), post_end, hon, witness(doc, m.start()), (start, post_end))
        employer = employer_after(text, post_end, min(len(text), post_end + 120))
        if employer is not None and found.organisation is None:
            # "Jo Example, Head of Service, Anyshire County Council": the council after the post is its body
            slug = gazetteer().resolve(employer.group("council"))
            if slug is not None:
                found = found._replace(organisation=gazetteer().councils[slug].official_name)
        yield found


_NEXT_TOKEN = re.compile(r"[^ \t]+[ \t]+(?=[A-Z])")
_SET_OFF = re.compile(r"[ \t]*[,(–—]|[ \t]+-[ \t]")


def _name_matches(text: str, limit: int, heads: list[int]) -> Iterator[re.Match[str]]:
    """The apposition pattern's matches whose run is a name: where a run's first words are not one ("Co-opted
    Members Jo Example (Parent Governor Representative)", a label before the name), the match at a later word
    of the run."""
    pattern = patterns().apposition
    for m in scan(pattern, text, limit, before=heads, width=160):
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


def lower_apposition(doc: Doc) -> Iterator[PersonCandidate]:
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


def bracketed(doc: Doc) -> Iterator[PersonCandidate]:
    """ "Alex Example (Anyshire Youth Service)": a person named with the body they come from; the bracket is their
    post only when it names one (the apposition pass reads that)."""
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
