"""Two people named with a plural post they share: after them ("Jo Example and Kit Sample, Her Majesty’s
Inspectors", "…, two foster carers,") (:func:`pair_with_posts`), or before them as news copy writes it ("Ofsted
inspectors Ann Tester and Kit Sample") (:func:`plural_title_pair`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from caregraph.pipeline.extract.candidates import PersonCandidate, candidate
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import is_name, name_run, rules, trim_name
from caregraph.pipeline.extract.news_titles import title_start

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


def pair_with_posts(doc: Doc) -> Iterator[PersonCandidate]:
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
_TITLE_FIRSTS = sorted({t[0] for t in _PLURAL_TITLES})
#: A plural title: its first letter (either case) first, then what may not stand before the title, then the rest of a
#: title of that letter, so that a search skips along the text to those letters (speed only: the matches of
#: "(?<![\w’'-])(?:[Ii]nspectors|[Dd]irectors|…)").
_PLURAL_TITLE = (
    f"[{''.join(c.upper() + c for c in _TITLE_FIRSTS)}](?<![\\w’'-].)(?:"
    + "|".join(
        f"(?<=[{c.upper()}{c}])(?:{'|'.join(t[1:] for t in _PLURAL_TITLES if t[0] == c)})" for c in _TITLE_FIRSTS
    )
    + ")"
)
_PLURAL_TITLE_PAIR = re.compile(
    rf"(?P<head>{_PLURAL_TITLE})[ \t]+(?P<a>{name_run(1, 2)})[ \t]+(?:and|&)[ \t]+(?P<b>{name_run(1, 2)})"
)


def plural_title_pair(doc: Doc) -> Iterator[PersonCandidate]:
    """A plural title before two names, as news copy and letters write it: "Ofsted inspectors Ann Tester and Kit
    Sample", "led by Her Majesty’s Inspectors Jo Example and Sam Sample". Both are people; the title, as written,
    is the post of each when it has a modifier ("Ofsted inspectors"), as after the names (:func:`pair_with_posts`)."""
    text = doc.text
    if not any(t[1:] in text for t in _PLURAL_TITLES):
        return  # no title of the pattern in the text (speed only)
    for m in _PLURAL_TITLE_PAIR.finditer(text, 0, doc.limit):
        names = [trim_name(m.group(g)) for g in ("a", "b")]
        if not all(n == m.group(g) and is_name(n, strict=True) for n, g in zip(names, ("a", "b"), strict=True)):
            continue
        start = title_start(text, m.start("head"), rules().lower_modifiers)
        title = clean(text[start : m.end("head")]) if start is not None else ""
        post = title if len(title.split()) >= 2 else None
        for n, g in zip(names, ("a", "b"), strict=True):
            span = (start, m.end("head")) if post and start is not None else None
            yield candidate(doc, n, post, m.start(g), m.start(g) + len(n), None, None, span)
