"""A capitalised post written before the name of the person who holds it: as the label of a line ("Cabinet Member:
Councillor Jas Example", "Director of Public Health – Jo Sample") (:func:`post_labelled`), or in running text
("interim Chief Executive Tess Sample has …", "As lead inspector Kim Example put it", "the Director of Children's
Services – Nia Example", "The Director of Public Health (Ann Sample)") (:func:`post_then_name`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from caregraph.pipeline.extract.bodies import body_before
from caregraph.pipeline.extract.candidates import PersonCandidate, candidate, witness
from caregraph.pipeline.extract.contacts import post_cell
from caregraph.pipeline.extract.doc import Doc, clean
from caregraph.pipeline.extract.names import bare_name_at, patterns, person_name, rules
from caregraph.pipeline.extract.news_titles import AT_BODY_AFTER, lower_heads
from caregraph.pipeline.extract.posts import COPULA, PAIRED_SECOND, PostSpan, post_words

_IN_THE = re.compile(r"(?i)in\s+the\b")
_LABEL_MARK = re.compile(r"[:–—]|\s-\s")


def post_labelled(doc: Doc) -> Iterator[PersonCandidate]:
    """A post as a field label before a name, the line holding nothing else: "Cabinet Member: Councillor Jas
    Example", "Director of Public Health – Jo Sample", "Chair: Councillor Kit Tester" (a one-word label only for a
    meeting's or council's office), the name also on the next line ("Portfolio Holder:" over "Councillor Ann
    Example"), or a note set off by a dash after it ("Lead member: Councillor Jo Example - It is with great sadness
    …"); not "Lead Officer: …", "Contact Officer: …", which label the field."""
    pattern = patterns().post_label
    for start, end, line in doc.lines:
        if start >= doc.limit:
            break
        if not line[:1].isupper() or not _LABEL_MARK.search(line):
            continue
        if line.rstrip().endswith(":"):  # "Portfolio Holder:" over "Councillor Ann Example"
            following = doc.text.find("\n", end + 1)
            end = following if following != -1 else len(doc.text)
        m = pattern.match(doc.text, start, end)
        if m is None:
            continue
        noted = m.group(0).rstrip().endswith(("-", "–", "—"))
        if (noted and ":" not in doc.text[m.end("post") : m.start("name")]) or (len(line) > 200 and not noted):
            # a note after a dash follows a name only in a field ("Lead member: Councillor Jo Example - It is …"; not
            # "The Head of Early Help – Kit Sample – welcomed …"); a long line is a label's only with such a note
            continue
        post = post_cell(m.group("post")) or _sentence_case_post(m.group("post"))
        if post is None or re.search(r"(?i)officers?$", post) or _IN_THE.match(post):
            continue  # "Contact Officer: …" labels the field; "In the Chair: Councillor X" chairs this meeting
        if len(post.split()) < 2 and post.lower() not in rules().offices:
            continue
        name = person_name(m.group("name"), m.group("hon"))
        if name and name == m.group("name"):
            span = (m.start("post"), m.end("post"))
            yield candidate(doc, name, post, m.start("post"), m.start("name") + len(name), m.group("hon"), None, span)


_SMALL_WORDS = frozenset({"of", "for", "and", "the", "&", "to", "with", "in"})


def _sentence_case_post(label: str) -> str | None:
    """A label in sentence case that is a post in title case ("Portfolio holder:", "Cabinet member:", "Lead member
    for children:"), as written; None for any other label."""
    words = label.split()
    if len(words) < 2 or not all(w.islower() for w in words[1:]):
        return None
    titled = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in words)
    return clean(label.strip().rstrip(",.;")) if post_cell(titled) is not None else None


_NAME_SEPARATOR = re.compile(r"[ \t]*,[ \t]*|[ \t]*[-–—][ \t]*|[ \t]*\([ \t]*(?=[^()\n]{1,60}\))|[ \t]+")
# what stands before a definite post that "is" joins to its holder's name ("the Director of Children's Services is
# Jo Sample", "Our lead member is Cllr Kit Example": posts.COPULA)
_DEFINITE_BEFORE = re.compile(
    r"(?<![\w’'-])(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]heir|[A-Z][\w’'-]*['’]s|(?i:council|county|borough|city|authority)['’]s)"
    r"(?:[ \t]+(?:new|interim|permanent|current|acting|first))?[ \t]+\Z"
)
# an acronym in brackets that ends a post ("… (DCS)")
_ACRONYM_END = re.compile(r"[ \t]+(?P<letters>\((?-i:[A-Z]{2,8})\))[ \t]*$")
_AND_ONLY = re.compile(r"[ \t]+(?:and|&)[ \t]+")
_MAJESTY_BEFORE = re.compile(r"(?<![\w’'-])(?:His|Her)[ \t]+Majesty['’]s[ \t]+$")
_THE_END = re.compile(r"(?i)\bthe\s+$")
_SUBJECT_BEFORE = re.compile(r"(?<![\w’'-])(?:for|of)[ \t]+$")  # a post's "for" or "of" before a span
_LOWER_MODIFIER_BEFORE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<mod>(?:(?:former|previous|interim|acting|joint|deputy|assistant|executive|senior|principal|lead|chief|elected)[ \t]+)+)$"
)


def post_then_name(doc: Doc, spans: list[PostSpan], taken: list[tuple[int, int]]) -> Iterator[PersonCandidate]:
    """A post before a bare name: "interim Chief Executive Tess Sample has …", "Director of Children's Services
    Jane Smith said", "the Corporate Director for Children, Jo Bloggs, …", "The lead inspector, Ann Example,",
    "the Director of Children's Services – Nia Example". A post inside one already given to a person (``taken``)
    is passed over."""
    text = doc.text
    taken = list(taken)
    previous: PostSpan | None = None
    for span in spans:
        start, head, end, title = span
        before, previous = previous, span
        if any(s <= head < e for s, e in taken):
            continue
        at = AT_BODY_AFTER.match(text, end)
        if at is not None and _NAME_SEPARATOR.match(text, at.end()):
            # "Director of Children's Services at Anyshire Council, Jo Sample, said": the body is the post's
            title, end = f"{title} {clean(at.group(0))}", at.end()
        sep = _NAME_SEPARATOR.match(text, end)
        copula = COPULA.match(text, end)
        if copula is not None and _DEFINITE_BEFORE.search(text, max(0, start - 40), start):
            sep = copula  # "The council's new Director of Children's Services is Jo Sample, who …"
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
        if (
            before is not None
            and before[2] < start
            and _AND_ONLY.fullmatch(text, before[2], start)
            and not any(s <= before[1] < e for s, e in taken)
            and not PAIRED_SECOND.match(title)
        ):
            # "Director of Children's Services and Chief Executive Jo Sample": both posts before the name are theirs
            start, title = before[0], f"{before[3]} {clean(text[before[2] : start])} {title}"
        lead = _LOWER_MODIFIER_BEFORE.search(text, max(0, start - 20), start)
        if lead:
            start = lead.start("mod")
            title = f"{clean(lead.group('mod'))} {title}"
        majesty = _MAJESTY_BEFORE.search(text, max(0, start - 20), start)
        if majesty:  # "His Majesty's Inspector Kim Example said": the inspectorate's title is the post
            start = majesty.start()
            title = f"{clean(majesty.group(0))} {title}"
        acronym = _ACRONYM_END.search(text, max(head, end - 14), end)
        if acronym is not None and not title.endswith(")"):
            # "a permanent Director of Children's Services (DCS), Jo Sample": the holder's title as the text gives it
            title = f"{title} {acronym.group('letters')}"
        words = clean(title).split()
        the = _THE_END.search(text, max(0, start - 5), start)
        bracketed = "(" in sep.group(0) and the
        # "The Commissioner, Peter Dwyer, said": a one-word post set off after "the" names the holder's post
        set_off = the and "," in sep.group(0) and title[:1].isupper() and title.lower() in rules().one_word_posts
        if (
            len(words) < 2
            and title.lower() not in rules().offices
            and not title.isupper()
            and not bracketed
            and not set_off
        ):
            continue  # "The Chairman (Councillor X)", "The DCS, Jo Sample", "the Director (Jo Sample)"; not "Director Jo Sample"
        taken.append((start, end))
        found_ = candidate(doc, name, title, start, name_end, hon, witness(doc, start), (start, end))
        yield found_._replace(organisation=body_before(text, start, found_.post or title) or found_.organisation)
    yield from _table_title_then_name(doc, taken)


@cache
def _table_head_re() -> re.Pattern[str]:
    """A lower-case head of the table of post words (or of the rules' lower-case heads), matched where one starts,
    right before a capital."""
    heads = sorted(post_words().heads | rules().lower_heads, key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(re.escape(h) for h in heads)})(?P<comma>[ \t]*,)?[ \t]+(?=[A-Z])")


@cache
def _extra_heads_re() -> re.Pattern[str]:
    """A head of the table of post words that the rules' lower-case heads lack ("representative"), after a word."""
    extra = sorted(post_words().heads - rules().lower_heads, key=len, reverse=True)
    # (each head first, then the look-behind on it: a search skips along to a head's first letter in C; speed only)
    heads = "|".join(f"{h}(?<=[\\w’'] {h})" for h in map(re.escape, extra))
    return re.compile(rf"(?:{heads or '(?!)'})(?![\w’'-])")


def _head_matches(doc: Doc) -> Iterator[re.Match[str]]:
    """The matches of :func:`_table_head_re` where the scanned text's lower-case heads start (found once for the
    page by news_titles.lower_heads, and the table's other heads): no search over the page for each head (speed
    only)."""
    pattern, text, limit = _table_head_re(), doc.text, doc.limit
    starts = {*lower_heads(doc), *(m.start() for m in _extra_heads_re().finditer(text, 0, limit))}
    for start in sorted(starts):
        if text[start].islower():
            m = pattern.match(text, start, limit)
            if m is not None:
                yield m


_WORD_LEFT = re.compile(r"(?:(?<=\s)|^)(?P<word>[a-z][\w’'-]*)[ \t]+$")


def _table_title_then_name(doc: Doc, taken: list[tuple[int, int]]) -> Iterator[PersonCandidate]:
    """A lower-case title before a name, as news copy writes it, whose words before the head the table of post
    words holds ("communities secretary Jo Example said", "the council chief executive Kit Sample", "children's
    services executive member Ann Tester"): two words or more, and "councillor" a post only with a subject before
    it ("children's services councillor Jo Example", not "Labour councillor Jo Example")."""
    text, table, rules_ = doc.text, post_words(), rules()
    before = table.modifiers | table.subjects | rules_.lower_modifiers
    subjects = rules_.post_subjects  # the hand list: no place or body word ("county", "council's")
    for m in _head_matches(doc):
        head_start = m.start()
        head_end = m.start("comma") if m.group("comma") else m.start() + len(m.group(0).rstrip())
        if any(s <= head_start < e for s, e in taken):
            continue
        start, words = head_start, list[str]()
        for _ in range(4):
            left = _WORD_LEFT.search(text, max(0, start - 40), start)
            if left is None or left.group("word").replace("’", "'") not in before:
                break
            if left.group("word") in _VERB_PARTICIPLES:
                break  # "the government appointed commissioner Sir Alan Sample": the verb, or a "when" as "new" is
            start = left.start("word")
            words.insert(0, left.group("word").replace("’", "'"))
        if not words or (text[head_start:head_end] == "councillor" and not subjects & set(words)):
            continue
        if text[head_start:head_end] == "councillor" and _SUBJECT_BEFORE.search(text, max(0, start - 6), start):
            # "executive member for children's services councillor Jo Example": the words are the subject of the
            # post before them, and "councillor" is the honorific (:func:`~.news_titles.title_then_name`)
            continue
        if _POSSESSIVE.search(words[0]) and words[0] not in subjects:
            continue  # "the council's chief executive": the owner starts no title
        if _CAPITAL_LEFT.search(text, max(0, start - 40), start):
            continue  # "Essex children's director X", "Council chief executive X": a capital opens the title (news_titles)
        honorific = patterns().honorific.match(text, m.end())
        if honorific is not None:
            hon = honorific.group("hon")
            name = person_name(honorific.group("name"), hon)
            name_end = honorific.start("name") + len(name) if name else m.end()
        else:
            hon = None
            # set off by a comma, the name is set off after it too ("the island's … councillor, Jo Example, said")
            found = bare_name_at(text, m.end(), full_stop=not m.group("comma"), any_word=not m.group("comma"))
            name, name_end = found if found is not None else (None, m.end())
        if name is None:
            continue
        title = clean(text[start:head_end])
        yield candidate(doc, name, title, start, name_end, hon, witness(doc, start), (start, head_end))


_POSSESSIVE = re.compile(r"['’]s$")
# a participle the table of post words holds as a modifier that, written on its own, is the sentence's verb ("the
# government appointed commissioner Sir Alan Sample") or says when, as "new" does ("newly appointed director"); the
# title's own modifier is hyphenated ("government-appointed commissioner")
_VERB_PARTICIPLES = frozenset({"appointed"})
_CAPITAL_LEFT = re.compile(r"(?<![\w’'-])[A-Z][\w’'&.-]*[ \t]+$")
