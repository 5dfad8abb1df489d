"""Per-document memos live on the :class:`~caregraph.pipeline.extract.doc.Doc` (:meth:`Doc.memo`, :func:`per_doc`),
not in module globals keyed by the identity of a text: two documents read interleaved give what each gives alone,
and each memo's work is done once per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from caregraph.gazetteer import Gazetteer, gazetteer
from caregraph.pipeline.extract import extract, find_meetings, find_people, meeting_bodies, names, news_titles, people
from caregraph.pipeline.extract.doc import Doc, per_doc
from caregraph.pipeline.segment import segment
from caregraph.records import Segmented, SourceDocument

DATA = Path(__file__).resolve().parent.parent / "data"

#: A made-up page that every memo has work on: capitalised names, lower-case heads, bodies' names, councils, a thing
#: the organisations finder knows.
PAGE = """Anyshire County Council
Children and Young People Select Committee
Minutes of the meeting held on 4 May 2023

Present: Councillor Jo Example (Chair), Councillor Kit Sample, Cllr Ann Tester.
Also present: Sam Person, Director of Children's Services; Pat Sample, Head of Safeguarding.

1. Ofsted inspection
Corporate director Ana Example said that Kent County Council and Surrey County Council had shared practice. The
Staying Close project was praised. Ofsted's Kim Example stated that the service was rated Good in March 2022.
The Corporate Parenting Board will meet on 12 June 2023. Jane Smith, Service Manager, presented the report.
"""


def _seg(text: str, name: str = "x.txt") -> Segmented:
    return segment(SourceDocument(name, text, "0", "txt", len(text)))


def _texts() -> list[str]:
    return [PAGE, *(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.txt")))]


def _copy(text: str) -> str:
    """A string equal to ``text`` but not the same object."""
    copied = "".join(list(text))
    assert copied == text and copied is not text
    return copied


# ---------------------------------------------------------------------------------------------- interleaving


def test_documents_extracted_interleaved_give_what_each_gives_alone():
    texts = _texts()
    alone = [extract(_seg(t)) for t in texts]
    # A, B, A again … (each text's second reading from an equal copy, as a second file of the same text would be)
    for i, text in enumerate(texts):
        other = (i + 1) % len(texts)
        assert extract(_seg(text)) == alone[i]
        assert extract(_seg(texts[other])) == alone[other]
        assert extract(_seg(_copy(text))) == alone[i]


def test_two_documents_alive_at_once_keep_their_own_memos():
    """The finders of two documents run pass by pass in turn (A, B, A again on the same ``Doc``s): each ``Doc``
    keeps its own answers, where a memo of "the last text" would have been replaced by the other's."""
    texts = _texts()[:3]
    alone = [(find_meetings(Doc(_seg(t))), find_people(Doc(_seg(t)))) for t in texts]
    docs = [Doc(_seg(t)) for t in texts]
    for _ in range(2):
        meetings = [find_meetings(d) for d in docs]
        found = [find_people(d) for d in docs]
        assert list(zip(meetings, found, strict=True)) == alone


def test_memos_of_interleaved_documents_are_each_documents_own():
    a, b = Doc(_seg(PAGE)), Doc(_seg(_texts()[1]))
    fresh_a, fresh_b = Doc(_seg(PAGE)), Doc(_seg(_texts()[1]))
    for finder in (names.capital_starts, names.opening_starts, news_titles.lower_heads, meeting_bodies._full_names):
        first_a, first_b, again_a = finder(a), finder(b), finder(a)
        assert first_a == again_a == finder(fresh_a), finder
        assert first_b == finder(fresh_b), finder
    # a bare text asked of the gazetteer in between changes nothing a document keeps
    council_names = a.councils_in(0, a.limit)
    assert [slug for _, _, slug in gazetteer().find("Leeds City Council met.")] == ["leeds"]
    assert a.councils_in(0, a.limit) is council_names
    assert council_names == list(gazetteer().find(PAGE, 0, a.limit)) and council_names


# ---------------------------------------------------------------------------------------------- once per document


def test_memo_works_out_each_answer_once_per_document_and_arguments():
    calls: list[tuple[int, tuple]] = []

    def length_from(doc: Doc, start: int) -> int:
        calls.append((id(doc), (start,)))
        return len(doc.text) - start

    a, b = Doc(_seg("Some text.")), Doc(_seg("Some text."))
    assert a.memo(length_from, 0) == a.memo(length_from, 0) == 10
    assert a.memo(length_from, 5) == 5
    assert b.memo(length_from, 0) == 10
    assert calls == [(id(a), (0,)), (id(a), (5,)), (id(b), (0,))]


def test_per_doc_shares_one_answer_between_callers_of_one_document():
    calls: list[int] = []

    @per_doc
    def words(doc: Doc) -> list[str]:
        """The words."""
        calls.append(id(doc))
        return doc.text.split()

    a, b = Doc(_seg("One two.")), Doc(_seg("Three."))
    assert words(a) is words(a)
    assert words(b) == ["Three."]
    assert calls == [id(a), id(b)]
    assert words.__doc__ == "The words."


class _Counted:
    """A stand-in for a compiled pattern or a function that counts the calls of ``finditer`` (or of itself) and
    passes everything else on."""

    def __init__(self, target):
        self.target, self.calls = target, 0

    def finditer(self, *args):
        self.calls += 1
        return self.target.finditer(*args)

    def __call__(self, *args):
        self.calls += 1
        return self.target(*args)

    def __getattr__(self, name: str):
        return getattr(self.target, name)


@pytest.fixture
def counted(monkeypatch) -> dict[str, _Counted]:
    """Counters over the work behind each memo (its searches over the page), in place for a test."""
    out = {
        "capital starts": _Counted(names._CAPITAL_START),
        "lower heads": _Counted(news_titles._lower_head_re()),
        "bodies' names": _Counted(meeting_bodies._named_bodies),
        "things on the page": _Counted(people._thing_keywords),
        "the scanned text's councils": _Counted(None),
    }
    lower_heads = out["lower heads"]
    monkeypatch.setattr(names, "_CAPITAL_START", out["capital starts"])
    monkeypatch.setattr(news_titles, "_lower_head_re", lambda: lower_heads)
    monkeypatch.setattr(meeting_bodies, "_named_bodies", out["bodies' names"])
    monkeypatch.setattr(people, "_thing_keywords", out["things on the page"])
    find = Gazetteer.find

    def counting_find(self, text, start=0, end=None):
        if start == 0 and end == min(len(text), 100_000) and len(text) > 200:  # the whole scanned text (no title)
            out["the scanned text's councils"].calls += 1
        return find(self, text, start, end)

    monkeypatch.setattr(Gazetteer, "find", counting_find)
    return out


def test_each_memo_works_once_per_document_in_a_whole_extraction(counted):
    """Several passes ask for each memo's answer (the councils of the whole scanned text: the councils finder, and
    the inspections finder on some pages); the work behind it is done once per document, or not at all where no
    pass needs it (the bodies' names, asked when a meeting's body is named by its last word; the things on the
    page, asked of names without an honorific)."""
    always = ("capital starts", "lower heads", "the scanned text's councils")
    for text in _texts():
        for seg in (_seg(text), _seg(_copy(text))):  # (an equal text's document works its memos out on its own)
            before = {what: c.calls for what, c in counted.items()}
            extract(seg)
            done = {what: c.calls - before[what] for what, c in counted.items()}
            assert all(done[what] == 1 for what in always), done
            assert all(n <= 1 for n in done.values()), done
    assert all(c.calls > 0 for c in counted.values()), {what: c.calls for what, c in counted.items()}
