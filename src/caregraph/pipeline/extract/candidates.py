"""A person as a pass of the people finder reads them, before merging: :class:`PersonCandidate`, made by
:func:`candidate` (which reads the body a post belongs to with :func:`~.bodies.split_body`, and drops the post's own
abbreviation in brackets after it, :func:`~.posts.without_own_abbreviation`, and a word before it that says when
its holder took it up, :func:`~.posts.without_when_taken_up`)."""

from __future__ import annotations

from typing import NamedTuple

from caregraph.pipeline.extract.bodies import split_body
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.posts import without_own_abbreviation, without_when_taken_up
from caregraph.records import Evidence


class PersonCandidate(NamedTuple):
    name: str  # as written, space folded
    post: str | None  # the title, a council's name before it dropped
    evidence: Evidence
    honorific: str | None = None
    role: str | None = None  # "witness", "attendee", "contact", "quoted"
    post_span: tuple[int, int] | None = None  # the text the person's post was read from (not a post of its own)
    organisation: str | None = None  # the body the text ties the post to, when it says


def candidate(
    doc: Doc,
    name: str,
    post: str | None,
    start: int,
    end: int,
    honorific: str | None = None,
    role: str | None = None,
    post_span: tuple[int, int] | None = None,
) -> PersonCandidate:
    organisation = None
    if post is not None:
        post = without_own_abbreviation(without_when_taken_up(_before_own_name(post, clean(name).strip(" ,."))))
        organisation, post = split_body(clean(post))
    return PersonCandidate(
        clean(name).strip(" ,."), post or None, doc.evidence(start, end), honorific, role, post_span, organisation
    )


def witness(doc: Doc, pos: int) -> str | None:
    return "witness" if doc.in_segment(pos, "witnesses") else None


def _before_own_name(post: str, name: str) -> str:
    """A post cut where the holder's own name starts glued to a word of it, as a caption run into its copy writes
    it ("Cabinet Member for Children's ServicesJo Example, Cabinet Member …"): the title ends before the name."""
    first = name.split()[0] if name else ""
    if len(first) < 2:
        return post
    at = post.find(first)
    while at > 0:
        if post[at - 1].islower():
            return post[:at]
        at = post.find(first, at + 1)
    return post
