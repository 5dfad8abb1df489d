"""Two people named with a plural post they share: after them ("Jo Example and Kit Sample, Her Majesty’s
Inspectors", "…, two foster carers,") (:func:`pair_with_posts`), or before them as news copy writes it ("Ofsted
inspectors Ann Tester and Kit Sample") (:func:`plural_title_pair`). Each holds it in the singular.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import is_name, name_run, rules, singular, trim_name
from caregraph.pipeline.extract.news_titles import title_start

_PAIR_WITH_POSTS = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)}),[ \t]+"
    r"(?P<post>(?:[A-Z][\w’'-]*[ \t]+(?:(?:of|for|and|&)[ \t]+)?){0,4}[A-Z][\w’'-]*?s)(?=[ \t]*(?:[,.;:)]|\n|$))"
)
# "Jo Example and Kit Sample (non-voting Co-opted Members)": a bracket after the second name
_PAIR_BRACKET = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)})[ \t]*\("
    r"(?P<post>(?:[\w’'-]+[ \t]+(?:(?:of|for|and|&)[ \t]+)?){0,4}[A-Z][\w’'-]*?s)\)"
)
_PAIR_COUNTED = re.compile(
    rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)}),[ \t]+(?:two|both)[ \t]+"
    r"(?P<post>(?:[a-z][\w’'-]*[ \t]+){0,3}?[a-z][\w’'-]*?s)(?=[ \t]*[,.;:)])"
)
_COUNTED_HEADS = frozenset({"carer"})  # callings written in lower case that no post head names
_FIRST_OF_PAIR = re.compile(rf"(?<![\w’'-])(?P<a>{name_run(1, 2)})\Z")


def pair_with_posts(doc: Doc) -> Iterator[PersonCandidate]:
    """Two people named with the post they share, written as a plural after them: "carried out by Jo Example and
    Kit Sample, Her Majesty’s Inspectors", "Ann Example and Tom Sample, Senior Social Workers, presented", in a
    bracket ("apologies from Jo Example and Kit Sample (non-voting Co-opted Members)"), or counted in lower case
    ("…, two foster carers,"). Each holds one: the post in the singular ("Her Majesty’s Inspector")."""
    text, r = doc.text, rules()
    counted = _after_and(_PAIR_COUNTED, text, doc.limit) if " two " in text or " both " in text else []
    pairs = (*_after_and(_PAIR_WITH_POSTS, text, doc.limit), *_after_and(_PAIR_BRACKET, text, doc.limit), *counted)
    for m in pairs:
        first = _FIRST_OF_PAIR.search(text, max(0, m.start() - 60), m.start())
        if first is None:
            continue
        post = m.group("post")
        post = singular(post)
        last = post.rpartition(" ")[2]
        if m.re is _PAIR_COUNTED:
            # "Ann Example and Tom Sample, two foster carers, spoke": each is one of them
            if last not in r.lower_heads and last not in _COUNTED_HEADS:
                continue
        else:
            if not any(head.end() == len(post) for head in r.post_head_re.finditer(post)):
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


_PAIR_BEFORE = re.compile(rf"(?<![\w’'-]){name_run(1, 2)}[ \t]+(?:and|&)[ \t]+\Z")


def shared_plural(text: str, start: int, post: str) -> str | None:
    """The post each of a pair holds when the name at ``start`` is the second of "Jo Example and Kit Sample" and
    ``post``, read after it, is a plural title without a remit ("Parent Governor Representatives"): the singular
    (:func:`pair_with_posts` gives it to both); None otherwise."""
    words = post.split()
    if len(words) < 1 or any(w in {"of", "for", "and", "&", "with", "to"} for w in words):
        return None
    one = singular(post)
    if one == post or not rules().post_head_re.fullmatch(one.rpartition(" ")[2]):
        return None
    return one if _PAIR_BEFORE.search(text, max(0, start - 60), start) else None


def _after_and(pattern: re.Pattern[str], text: str, limit: int) -> list[re.Match[str]]:
    """``list(pattern.finditer(text, 0, limit))`` for a pattern whose matches open with spaces or tabs and "and" or
    "&" after them: tried only at the run of spaces or tabs before each "and" or "&" there (speed only: a search for
    the words skips along in C, where the pattern, led by a space, is tried at every space). A match may start
    anywhere in such a run and goes on alike from each place, so the run's first place from the last match's end
    is the one ``finditer`` would try."""
    joints = []
    for joint in (" and", "\tand", " &", "\t&"):
        at = text.find(joint, 0, limit)
        while at >= 0:
            joints.append(at + 1)
            at = text.find(joint, at + 1, limit)
    out, last = [], 0
    for word in sorted(joints):
        start = word - 1
        while start > last and text[start - 1] in " \t":
            start -= 1
        m = pattern.match(text, start, limit) if start >= last else None
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _plural(head: str) -> str:
    return head + ("es" if head.endswith(("s", "sh", "ch")) else "s")


@cache
def _plural_titles() -> tuple[str, ...]:
    """The plural titles before a pair: the plural of every lower-case head of posts ("inspectors", "members",
    "governors")."""
    return tuple(sorted({_plural(h) for h in rules().lower_heads if " " not in h}))


@cache
def _title_and_first() -> re.Pattern[str]:
    """A plural title (in either case) and the first name of a pair, up to the "and" (see :func:`_pairs`)."""
    titles = "|".join(sorted(_plural_titles(), key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])(?P<head>(?i:{titles}))[ \t]+(?P<a>{name_run(1, 2)})\Z")


_AND_NAME = re.compile(rf"[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)})")


def _pairs(text: str, limit: int) -> Iterator[tuple[str, int, str, int, int, int]]:
    """A plural title before two names joined by "and": ``(a, start of a, b, start of b, start of the title, end
    of the title)``, each tried back from an "and" before a capitalised word (speed only: most "and" join
    lower-case words, and no title is looked for before them)."""
    before = _title_and_first()
    for word in (" and ", " & "):
        at = text.find(word, 0, limit)
        while at >= 0:
            joint = _AND_NAME.match(text, at, limit) if text[at + len(word) : at + len(word) + 1].isupper() else None
            m = before.search(text, max(0, at - 80), at) if joint is not None else None
            if joint is not None and m is not None:
                yield m.group("a"), m.start("a"), joint.group("b"), joint.start("b"), m.start("head"), m.end("head")
            at = text.find(word, at + 1, limit)


def plural_title_pair(doc: Doc) -> Iterator[PersonCandidate]:
    """A plural title before two names, as news copy and letters write it: "Ofsted inspectors Ann Tester and Kit
    Sample", "led by Her Majesty’s Inspectors Jo Example and Sam Sample". Both are people; the title, as written,
    in the singular, is the post of each when it has a modifier ("Ofsted inspector"), as after the names
    (:func:`pair_with_posts`)."""
    text = doc.text
    for a, a_start, b, b_start, head, head_end in _pairs(text, doc.limit):
        pair = [(trim_name(a), a, a_start), (trim_name(b), b, b_start)]
        if not all(n == raw and is_name(n, strict=True) for n, raw, _ in pair):
            continue
        start = title_start(text, head, rules().lower_modifiers)
        title = clean(text[start:head_end]) if start is not None else ""
        post = singular(title) if len(title.split()) >= 2 else None
        for n, _, at in pair:
            span = (start, head_end) if post and start is not None else None
            yield candidate(doc, n, post, at, at + len(n), None, None, span)
