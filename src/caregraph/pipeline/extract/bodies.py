"""Which body a post belongs to: the publishing council's, another council's, a national office's or an
inspectorate's.

:func:`split_body` reads a post's title ("Gloucestershire County Council's Director of Children's Services",
"Ofsted's National Director for Social Care", "Secretary of State for Education") into the body the text ties it to
and the title as kept; :func:`body_before` also reads a possessive just before a post the text names apart.
:func:`council_prefix_end` finds where a council's name before a post ends (the gazetteer's names are matched whole,
so "Kensington and Chelsea" is never split). The body is a name as written (a council's official name when the
gazetteer knows it); None means the text ties the post to no other body (the publisher's, for a council post).
Rules: ``[[posts.bodies]]`` of ``rules/people.toml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.names import body_of_post, rules

AFTER_COUNCIL_NAME = re.compile(
    r"(?:[ \t]+(?:Metropolitan[ \t]+)?(?:(?:County|City|Borough|District)[ \t]+)?Council)?(?:['’]s)?[ \t]+"
)


def council_prefix_end(text: str, pos: int) -> int | None:
    """Where a council's name that starts at ``pos`` ends, with "Council" and a possessive after it ("Kensington and
    Chelsea ", "Bath and North East Somerset Council's "): the gazetteer's names are matched whole, so a name with
    "and" inside it is never split. None when no council's name starts there."""
    for ms, me, _ in gazetteer().find(text, pos, min(len(text), pos + 120)):
        if ms != pos:
            return None
        after = AFTER_COUNCIL_NAME.match(text, me)
        return after.end() if after else None
    return None


_POSSESSOR = re.compile(
    r"^(?:the\s+)?(?P<owner>(?:[A-Z][\w’'&.-]*[ \t]+(?:(?:and|of|upon|on|&)[ \t]+)?){0,6}[A-Z][\w&.-]*|council|county|borough|city|authority)['’]s[ \t]+(?=[A-Za-z])",
    re.I,
)
_POSSESSIVE_END = re.compile(r"['’]s\s*$")
_GENERIC_OWNERS = {"council", "county", "borough", "city", "authority", "the council", "the authority"}


@lru_cache(maxsize=4096)
def split_body(title: str) -> tuple[str | None, str]:
    """The body a post's title ties it to, and the title: a council before it is dropped from the title and
    becomes the body ("Gloucestershire County Council's Director of …" → Gloucestershire County Council, "Director
    of …"; "the Council's Corporate Director" → the publisher, None; a council named without a possessive stays in
    the title as written: "Essex County Council Leader" → Essex County Council, "Essex County Council Leader");
    another body's possessive stays in the title
    ("Ofsted's National Director for Social Care" → Ofsted); a council the title names is its body ("Deputy Leader
    of Anyshire County Council"); else a national office known by its title ("Secretary of State for Education" →
    Department for Education), else None (the publisher's, or no one's: mapping decides)."""
    gaz = gazetteer()
    m = _POSSESSOR.match(title)
    if m and rules().post_head_ci.match(title, m.end()):
        owner = m.group("owner")
        bare = re.sub(r"(?i)\s+(?:metropolitan\s+)?(?:(?:county|city|borough|district)\s+)?council$", "", owner)
        slug = gaz.resolve(owner) or gaz.resolve(bare)
        if owner.lower() in _GENERIC_OWNERS:
            return None, title[m.end() :].strip()
        if slug is not None:
            return gaz.councils[slug].official_name, title[m.end() :].strip()
        if bare.lower() not in rules().post_subjects and bare.replace("’", "'") not in rules().vocabulary:
            # "Ofsted's National Director …": the possessive is part of the title; "His Majesty's Chief Inspector"
            # is an office the title names
            return body_of_post(title) or owner, title
    end = council_prefix_end(title, 0)
    if end is not None and rules().post_head_ci.match(title, end):
        slug = next((s for _, _, s in gaz.find(title, 0, end)), None)
        if slug is not None:
            # "Essex County Council Leader" is kept as written; a possessive ("Essex's Leader") is dropped
            kept = title[end:].strip() if _POSSESSIVE_END.search(title, 0, end) else title
            return gaz.councils[slug].official_name, kept
    for _, _, slug in gaz.find(title):
        return gaz.councils[slug].official_name, title
    return body_of_post(title), title


_S_BEFORE = re.compile(r"['’]s[ \t]+$")  # a possessive right before a post: the cheap test before _OWNER_BEFORE
_OWNER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<owner>(?:[A-Z][\w’'&.-]*[ \t]+(?:(?:and|of|upon|on|&)[ \t]+)?){0,6}[A-Z][\w&.-]*['’]s[ \t]+)$"
)


def body_before(text: str, start: int, title: str) -> str | None:
    """The body a post that starts at ``start`` belongs to when a possessive stands right before it
    ("Gloucestershire County Council's Director …", "Ofsted's Regional Director …"), else what its title says
    (:func:`split_body`)."""
    m = (
        _OWNER_BEFORE.search(text, max(0, start - 100), start)
        if _S_BEFORE.search(text, max(0, start - 6), start)
        else None
    )
    if m:
        organisation, _ = split_body(f"{m.group('owner')}{title}")
        if organisation is not None:
            return organisation
    return split_body(title)[0]
