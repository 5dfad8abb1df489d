"""People with their posts, and posts named without a person: the finder's entry points.

:func:`match_people` runs the passes over the scanned text, in this order, each giving
:class:`~.candidates.PersonCandidate` records with their evidence (and the span of the post they claim). Every pass
reads a name where there is positive evidence of one:

1. tables and line pairs — a row "Councillor Jane Example | Chair | Present", a table flattened one cell per line, a
   signature ("Jane Example" over "Director of Children's Services") (:mod:`.contacts`);
2. apposition — "Name, Post", "Name (Post)", "Councillor Name Post", "Name – Post" (:mod:`.people_in_apposition`);
3. a lower-case post after a quoted speaker — "Stu Example, director of children’s services, said" (the same);
4. an honorific — "Councillor Surname", "DCI Alex Example", with a post just before it (:mod:`.honorific_people`);
5. a plural honorific — "Councillors Smith, Jones and Brown", "Councillors present: …" (:mod:`.contacts`);
6. field labels and bylines — "Contact: Chris Sample  Democratic Services Officer  Email: …", "By Hannah Example,
   Local Democracy Reporter" (:mod:`.contacts`);
7. a post as the label of a line — "Cabinet Member: Councillor Jas Example" (:mod:`.posts_before_names`);
8. people acting — "Cal Sample stated", "presented by Shay Tester", "that Jo Example was attending"
   (:mod:`.people_acting`);
9. a name with a bracket — "Alex Example (Anyshire Youth Service)" (:mod:`.people_in_apposition`); a pair with the
   plural post they share, a plural title before a pair (:mod:`.people_pairs`); "councillor" in lower case before a
   name (:mod:`.honorific_people`);
10. posts in predicates — "X has been named as the next Director …", "Councillor X declared an interest as she is
    Chair of …" (:mod:`.predicate_posts`);
11. lists of people — "apologies were received from A, B and C", "Present: …", a list one to a line under a heading,
    "Name – Role" rows, questions and answers minuted one speaker to a line (:mod:`.contacts`);
12. a post before a name — "interim Chief Executive Tess Sample has …", "The Director of Public Health (Ann Sample)"
    (:mod:`.posts_before_names`);
13. a title written before a name as news copy does — "Corporate director Ana Example said", "Council leader Sir
    Alan Example"; a title in apposition before a name set off by commas — "the leader of the opposition, Jo
    Example, said", "His Majesty's Inspector, Kim Sample, who …" (:mod:`.news_titles`);
14. posts in a relative clause on the name — "Chief executive X, who is also chair of …" (:mod:`.predicate_posts`):
    read before the titles before a name (whose posts they hold back), merged after them, so a post written beside
    the name is the person's and the relative clause's fills a missing one;
15. a known given name before a surname, a proper noun standing alone — "attended by Gary Example HMI", "Andrew
    Example and Clare Sample said" (:mod:`.people_by_given_name`).

Lists also come as lines a flattened table leaves: a label and its people with no colon ("Officers Present Jo
Example, Kit Sample", a plural post giving each the post: "Cabinet Members Cllrs …"), and a byline over the
story's date (:mod:`.contacts`).

The post is the title as the text gives it: a council named with it stays ("Essex County Council Leader", "cabinet
member for children at Cornwall Council"), a possessive council before it is its body, not its title ("Cornwall
Council's Director of …"), as is another body's possessive after "the" ("the Integrated Care Board's Director of
Nursing") and a council after a second "for" ("Cabinet Member for Children for Anytown Council"); "former" stays
("the former Director of …").

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
from functools import cache, lru_cache

from caregraph.gazetteer import gazetteer
from caregraph.pipeline.extract.candidates import PersonCandidate
from caregraph.pipeline.extract.contacts import (
    cells_pass,
    dash_rows,
    initialled_lists,
    labelled_pass,
    listed_pass,
    plural_pass,
    speaker_rows,
)
from caregraph.pipeline.extract.doc import Doc, per_doc
from caregraph.pipeline.extract.honorific_people import honorific_people, lower_councillor
from caregraph.pipeline.extract.names import is_name, patterns, rules
from caregraph.pipeline.extract.news_titles import apposed_title, lower_heads, title_then_name
from caregraph.pipeline.extract.organisations import organisations, practice_models
from caregraph.pipeline.extract.people_acting import people_acting
from caregraph.pipeline.extract.people_by_given_name import people_by_given_name
from caregraph.pipeline.extract.people_in_apposition import apposition, bracketed, lower_apposition, party_bracket
from caregraph.pipeline.extract.people_pairs import pair_with_posts, plural_title_pair
from caregraph.pipeline.extract.posts import PostSpan, find_posts, fold_post, post_candidates
from caregraph.pipeline.extract.posts_before_names import post_labelled, post_then_name
from caregraph.pipeline.extract.predicate_posts import declared, predicate_posts, relative_posts
from caregraph.records import PersonRecord, PostRecord, Segmented


def find_people(doc: Doc | Segmented) -> tuple[list[PersonRecord], list[PostRecord]]:
    """People with the post the page gives them, and posts named without a person."""
    doc = Doc.of(doc)
    spans = post_candidates(doc)
    candidates = [
        c
        for c in match_people(doc, spans)
        if not _inside_thing(doc, c) and not _cut_off(doc, c) and not _after_article(doc, c) and not _question(doc, c)
    ]
    people = [_without_employer(p) for p in fuller_names(doc, merge_people(candidates))]
    taken = [c.post_span for c in candidates if c.post_span is not None]
    return people, find_posts(doc, people, taken, spans)


def match_people(doc: Doc, spans: list[PostSpan]) -> list[PersonCandidate]:
    """Every person the passes find, in pass order; ``spans`` are the post titles of the text (for the last pass)."""
    out: list[PersonCandidate] = list(cells_pass(doc))
    heads = sorted({head for _, head, _, _ in spans} | set(lower_heads(doc)))
    out.extend(apposition(doc, heads))
    for found in (
        lower_apposition,
        party_bracket,
        honorific_people,
        plural_pass,
        labelled_pass,
        post_labelled,
        people_acting,
        bracketed,
        pair_with_posts,
        lower_councillor,
        plural_title_pair,
        predicate_posts,
        declared,
        listed_pass,
        initialled_lists,
        dash_rows,
        speaker_rows,
    ):
        out.extend(found(doc))
    # a post said in a relative clause ("Chief executive Sam Example, who is also chair of the Children's Trust,
    # said") is the holder's only when no post stands beside the name: a person has one post, the one the text ties
    # to the name most directly, so these come after the titles written before a name (the merge keeps the first
    # post found)
    relative = list(relative_posts(doc))
    taken = [c.post_span for c in (*out, *relative) if c.post_span is not None]
    out.extend(post_then_name(doc, spans, taken))
    out.extend(title_then_name(doc))
    out.extend(apposed_title(doc))
    out.extend(relative)
    out.extend(people_by_given_name(doc))
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


@lru_cache(maxsize=4096)
def _joined_key(name: str) -> str:
    """:func:`person_key` with the parts of a hyphenated word kept as one word ("Anne-Marie D'Souza-Smith" →
    "annemarie dsouzasmith"): "Smith" is not the surname of D'Souza-Smith, nor "Marie Smith" Anne-Marie Smith."""
    return person_key(re.sub(r"(?<=\w)[-‐‑](?=\w)", "", name))


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


@cache
def _thing_keywords() -> frozenset[str]:
    """The keywords of all :func:`_thing_entries`, each once (so a page is searched for each word once)."""
    return frozenset(k for e in _thing_entries() for k in e.keywords)


@per_doc
def _things_on_page(doc: Doc) -> tuple:
    """The organisations and practice models whose keywords the page holds (worked out once per document)."""
    low = doc.text[: doc.limit + 60].lower()
    held = set(filter(low.__contains__, _thing_keywords()))
    return tuple(e for e in _thing_entries() if not e.keywords or not held.isdisjoint(e.keywords))


def _inside_thing(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a name without an honorific stands inside the name of an organisation or practice model the
    organisations finder knows ("Staying Close", "Brighter Futures for Children", also over a post's line: "Staying
    Close" / "Project Lead"): positive evidence that it is no person's."""
    if c.honorific:
        return False
    at = c.evidence.start + max(c.evidence.quote.find(c.name), 0)
    return _thing_around(doc, at, at + len(c.name))


@per_doc  # (the passes find one name at one place many times: each place's answer worked out once; speed only)
def _thing_around(doc: Doc, at: int, end: int) -> bool:
    """Whether a match of a thing's name the page may hold, near ``text[at:end]``, covers ``at``."""
    text = doc.text
    for e in _things_on_page(doc):
        for m in e.regex.finditer(text, max(0, at - 60), min(len(text), end + 60)):
            if m.start() <= at < m.end():
                return True
    return False


_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he[ \t]+$")


def _after_article(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a name without an honorific follows "the" at once ("during the Pre-Election Period, the Leader
    said"): a person's name takes no article, so the words name a thing."""
    if c.honorific:
        return False
    at = c.evidence.start + max(c.evidence.quote.find(c.name), 0)
    return bool(_THE_BEFORE.search(doc.text, max(0, at - 5), at))


_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\n])[ \t]*[“\"‘']?[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _question(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a name without an honorific opens a question with a modal verb that is also a given name ("Will
    Anyshire's budget face scrutiny?", "Can Kit Example …?"): the verb, not a person's name."""
    first = c.name.split(" ", 1)[0]
    if c.honorific or first not in rules().question_modals:
        return False
    text = doc.text
    at = c.evidence.start + max(c.evidence.quote.find(c.name), 0)
    if not _SENTENCE_OPEN.search(text, max(0, at - 4), at):
        return False
    if patterns().verb_next.match(text, at + len(c.name), at + len(c.name) + 30):
        return False  # "Will Example asked whether …?": the person asks
    end = _SENTENCE_END.search(text, at, min(len(text), at + 300))
    return end is not None and end.group(0) == "?"


def _cut_off(doc: Doc, c: PersonCandidate) -> bool:
    """Whether a lone word after an honorific is where the page is cut off ("… Councillor Mira" at the text's very
    end, no line break after it): the name may go on, and what is not whole is not read."""
    return bool(c.honorific) and " " not in c.name and doc.text.endswith(f"{c.honorific} {c.name}")


_FOR_COUNCIL = re.compile(
    r"^(?P<title>.*?\b(?:for|of)[ \t]+\S.*?)[ \t]+for[ \t]+(?:the[ \t]+)?(?P<council>[A-Z][\w’'&-]*(?:[ \t]+(?:[A-Z][\w’'&-]*|of|upon|on|and))*[ \t]+Council)$"
)


def _without_employer(p: PersonRecord) -> PersonRecord:
    """A post that says what it is for and then, after a second "for", the council it is held at, by its name as a
    council ("Cabinet Member for Children's Services for Anytown Council"): the second "for" names the employer, the
    post's body, not its title ("Cabinet Member for Children's Services"). A council joined by "at" or "of" stays
    ("cabinet member for children at Anytown Council", "Leader of Anytown Council"), and so does a place ("Director
    of Children's Services for Anytown": the area the post serves). A council named right after the title, joined by
    nothing, is the employer too ("Chief Executive Anytown Council")."""
    m = _FOR_COUNCIL.match(p.post or "")
    if m is None:
        return _council_after(p)
    slug = gazetteer().resolve(m.group("council"))
    if slug is None:
        return p
    organisation = p.organisation or gazetteer().councils[slug].official_name
    return PersonRecord(p.name, m.group("title"), p.evidence, p.honorific, organisation, p.role)


_JOINED_BY = frozenset({"of", "for", "at", "in", "the", "and", "&"})


def _council_after(p: PersonRecord) -> PersonRecord:
    """A council's name right after the post's words, joined by nothing ("Chief Executive Anytown Council said"):
    the employer, the post's body, not its title."""
    words = (p.post or "").split()
    if len(words) < 3 or words[-1] != "Council":
        return p
    for i in range(1, len(words) - 1):
        if words[i - 1].lower() in _JOINED_BY or not words[i][:1].isupper():
            continue
        slug = gazetteer().resolve(" ".join(words[i:]))
        if slug is not None and gazetteer().resolve(" ".join(words[i - 1 :])) is None:  # the whole name, not its end
            title = " ".join(words[:i])
            if not rules().post_head_re.search(title):
                return p
            organisation = p.organisation or gazetteer().councils[slug].official_name
            return PersonRecord(p.name, title, p.evidence, p.honorific, organisation, p.role)
    return p


def fuller_names(doc: Doc, people: list[PersonRecord]) -> list[PersonRecord]:
    """A person known by initials and surname ("C Example") takes the full name the page also writes with a first
    name of that initial ("Celia Example was retiring"), when there is one such name; a knight or dame called by the
    first name ("Sir Alan") is the one person of the page with that first name ("Sir Alan Example")."""
    text = doc.text[: doc.limit]
    out: list[PersonRecord] = []
    for p in people:
        tokens = p.name.split()
        if len(tokens) == 1 and p.honorific in _FIRST_NAME_HONORIFICS:
            # "Sir Alan" after "Sir Alan Example": a knight or a dame is called by the first name, so the one person
            # of the page whose first name it is (dropped here; that person's record stands)
            fuller = [
                o for o in people if len(o.name.split()) >= 2 and person_key(o.name.split()[0]) == person_key(p.name)
            ]
            if len(fuller) == 1 and (p.post is None or fuller[0].post is not None):
                continue
            out.append(p)
            continue
        if len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1 and tokens[0][0].isupper():
            initial = tokens[0][0]  # a first name of two letters or more that starts with the initial
        elif len(tokens) == 1 and p.honorific:
            initial = ""  # "Mr Example" and "Edward Example": the surname of the full name
        else:
            out.append(p)
            continue
        # the surname as written, or in capitals as a signature or register writes it ("L EXAMPLE")
        found = {
            first
            for first in _words_before(text, (tokens[-1], tokens[-1].upper()), initial)
            if first[:1].isupper() and is_name(f"{first} {tokens[-1]}", strict=True)
        }
        if len(found) == 1:
            full = f"{found.pop()} {tokens[-1]}"
            if any(person_key(o.name) == person_key(full) for o in people):
                out.append(p)  # that person is listed already: another person of that surname
                continue
            p = PersonRecord(full, p.post, p.evidence, p.honorific, p.organisation, p.role)
        out.append(p)
    return out


#: Honorifics a person is called by with the first name alone ("Sir Alan", "Dame Jo").
_FIRST_NAME_HONORIFICS = frozenset({"Sir", "Dame"})

_LETTER = re.compile(r"[^\W\d_]")


#: A run of letters after no letter, then spaces or tabs (what stands before a surname in :func:`_words_before`).
_WORD_SPACES = re.compile(r"(?<![\w’'-])([^\W\d_]+)[ \t]+")
_WORDISH = re.compile(r"[\w’'-]")


def _words_before(text: str, tails: tuple[str, ...], initial: str) -> list[str]:
    r"""The first names of ``finditer`` of ``(?<![\w’'-])(I[^\W\d_]+)[ \t]+(?:T1|T2)(?![\w’'-])`` (``I`` the
    ``initial``, none when "") over ``text``, the ``tails`` escaped: the run of letters before each place a tail stands
    (in order, as ``finditer`` would reach them, never overlapping), read with one fixed pattern rather than one
    compiled for each person (speed only: a run of letters, then spaces, can match only whole, so the run and the
    tail are tested in turn; the first tail is tried before the second, as the alternation would)."""
    starts = set()
    for tail in set(tails):
        at = text.find(tail)
        while at >= 0:
            start = _word_before(text, at)
            if start is not None:
                starts.add(start)
            at = text.find(tail, at + 1)
    out, last = [], 0
    for start in sorted(starts):
        if start < last:
            continue
        m = _WORD_SPACES.match(text, start)
        if m is None or not m.group(1).startswith(initial) or len(m.group(1)) <= len(initial):
            continue
        for tail in tails:
            end = m.end() + len(tail)
            if text.startswith(tail, m.end()) and not _WORDISH.match(text, end):
                out.append(m.group(1))
                last = end
                break
    return out


def _word_before(text: str, end: int) -> int | None:
    """Where the run of letters starts that spaces or tabs part from ``end``; None when there is none."""
    j = end
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == end:
        return None
    i = j
    while i > 0 and _LETTER.match(text, i - 1):
        i -= 1
    return i if i < j else None


def _fuller_post(first: str | None, later: str | None) -> bool:
    """Whether a person's ``later`` post is their ``first`` one said in full: its words and then what it is of or
    for ("Service Director" on a contact line, "Service Director for Family Support" in the text), or an initialism
    and then the same with the words that qualify it before it ("MP", then "Anyford Valley MP")."""
    if not first or not later:
        return False
    short, long_ = fold_post(first), fold_post(later)
    if first.isupper() and len(short) == 1 and len(long_) > 1 and long_[-1] == short[0]:
        return True  # "Jo Example MP" and then "Anyford Valley MP Jo Example": the initialism with what it is of
    return len(long_) > len(short) + 1 and long_[: len(short)] == short and long_[len(short)] in _REMIT_WORDS


_REMIT_WORDS = frozenset({"of", "for", "with"})


def _merge_one(people: dict[str, PersonRecord], c: PersonCandidate) -> None:
    """Add ``c`` to ``people``: a person keeps the first post found (a later one fills a missing post), and two
    forms of one name in one document are one person, the fuller name."""
    key = person_key(c.name)
    if not key:
        return
    post, honorific, role, org = c.post, c.honorific, c.role, c.organisation
    last = key[key.rfind(" ") + 1 :]  # two keys of one person end in one word (speed only: a cheap test first)
    for other_key in list(people):
        other = people[other_key]
        if (
            other_key != key
            and other_key.endswith(last)
            and same_person(other_key, key)
            and same_person(_joined_key(other.name), _joined_key(c.name))
        ):
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
    if existing is not None and (existing.post or not post) and not _fuller_post(existing.post, post):
        return
    people[key] = PersonRecord(
        c.name,
        post,
        c.evidence,
        honorific or (existing.honorific if existing else None),
        org,
        role or (existing.role if existing else None),
    )
