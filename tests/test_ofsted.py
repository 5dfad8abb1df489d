"""caregraph.interop.ofsted: Ofsted's "Local authority inspection outcomes" (ODS and CSV renderings) into graph …/ofsted.

The fixture (tests/fixtures/ofsted/) is a few rows of the published file in its published layout; the ODS is
written here from the CSVs, so both renderings must give the same records.
"""

from __future__ import annotations

import csv
import shutil
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from caregraph import iris
from caregraph.cli import app
from caregraph.interop.ofsted import OFSTED_GRAPH, OfstedError, import_outcomes, read_outcomes, resolve_council
from caregraph.pipeline.reconcile import refresh_links
from caregraph.query import run_query
from caregraph.store import open_store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ofsted"
PREFIX = "LA_Inspection_Outcomes_as_at_31_March_2025__"
SHEET_NAMES = ("Inspections_as_at_31_March", "In-year_inspections", "ILACS_inspection_history")
CSVS = [FIXTURE / f"{PREFIX}{name}.csv" for name in SHEET_NAMES]
SURREY = "https://w3id.org/caregraph/id/council/surrey"
SURREY_FV = SURREY + "/inspection/focused-visit/2024-04"
NEWS_RELEASE = "003_0938c2f4e45d6980.txt"  # data/: Surrey's news release about the April 2024 focused visit
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

# ------------------------------------------------------------------------------------------------ the ODS fixture

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)


def _cell(value: str) -> str:
    if not value:
        return "<table:table-cell/>"
    parts = value.split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        iso = f"{parts[2]}-{parts[1]}-{parts[0]}T00:00:00"
        return f'<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{escape(value)}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def _link_cell(text: str, url: str) -> str:
    formula = f'of:=HYPERLINK("{url}";"{text}")'
    return f'<table:table-cell office:value-type="string" office:string-value={quoteattr(text)} table:formula={quoteattr(formula)}><text:p>{escape(text)}</text:p></table:table-cell>'


def _row(cells: list[str]) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def write_ods(path: Path, csvs: list[Path] = CSVS) -> Path:
    """Ofsted's workbook in its published layout, from CSV renderings of its sheets: a Cover sheet, then each sheet
    with a title row, a note row and the table from A3 (column A a HYPERLINK formula, dates as date cells)."""
    tables = [
        '<table:table table:name="Cover">'
        + _row([_cell("Local authority inspection outcomes as at 31 March 2025")])
        + _row([_cell("Section"), _cell("Detail")])
        + _row([_cell("Published on:"), _cell("25/09/2025")])
        + _row(
            [
                _cell("Period covered:"),
                _cell("Inspections as at 31 March 2025, with a report published by 30 June 2025"),
            ]
        )
        + "</table:table>"
    ]
    for csv_path in csvs:
        rows = list(csv.reader(csv_path.open(encoding="utf-8")))
        header, body = rows[0], rows[1:]
        url_at = header.index("Web link URL")
        name = csv_path.stem.split("__", 1)[1]
        xml = [
            f'<table:table table:name="{name}">',
            _row([_cell(f"Title of {name}")]),
            _row([_cell("This worksheet contains one table. This table begins in cell A3.")]),
        ]
        xml.append(_row([_cell(h) for i, h in enumerate(header) if i != url_at]))
        for r in body:
            cells = [_link_cell(r[0], r[url_at])] + [_cell(v) for i, v in enumerate(r) if i not in (0, url_at)]
            xml.append(_row(cells))
        xml.append(
            '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="20"/></table:table-row>'
        )
        xml.append("</table:table>")
        tables.append("".join(xml))
    content = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2"><office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body></office:document-content>'
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.fixture(scope="module")
def ods(tmp_path_factory) -> Path:
    return write_ods(tmp_path_factory.mktemp("ofsted") / "LA_Inspection_Outcomes_as_at_31_March_2025.ods")


@pytest.fixture()
def store_with_ofsted(built_store, ods, tmp_path):
    """A private copy of the data/ store with the fixture workbook imported."""
    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        summary = import_outcomes(st, [ods])
    return path, summary


def _key(r):
    return (
        r.sheet,
        r.row,
        r.council,
        r.code,
        r.kind,
        r.start,
        r.published,
        r.judgement,
        r.sub_judgements,
        r.theme,
        r.web_link,
        r.status,
    )


# ------------------------------------------------------------------------------------------------ reading


def test_ods_and_csv_renderings_give_the_same_records(ods):
    from_ods = read_outcomes([ods])
    from_csv = read_outcomes(CSVS)
    assert sorted(map(_key, from_ods.records)) == sorted(map(_key, from_csv.records))
    assert len(from_ods.records) == 4 + 5 + 8
    assert set(from_ods.sheets) == set(SHEET_NAMES) == set(from_csv.sheets)
    assert from_ods.title == "Local authority inspection outcomes as at 31 March 2025" == from_csv.title
    assert from_ods.issued == date(2025, 9, 25) and from_csv.issued is None  # only the workbook's cover says
    assert from_ods.coverage.startswith("Inspections as at 31 March 2025")


def test_a_csv_is_one_sheet_told_by_its_header(tmp_path):
    renamed = tmp_path / "whatever.csv"
    shutil.copy(CSVS[2], renamed)
    outcomes = read_outcomes([renamed])
    assert outcomes.sheets == ("ILACS_inspection_history",)
    assert {r.kind for r in outcomes.records} == {"ilacs-standard", "ilacs-short"}
    # CSV line n is the sheet's row n + 2 (the published table starts at A3, header first).
    assert min(r.row for r in outcomes.records) == 4


def test_the_surrey_focused_visit_row(ods):
    rows = [r for r in read_outcomes([ods]).records if r.council == "surrey" and r.kind == "focused-visit"]
    assert len(rows) == 1
    r = rows[0]
    assert (r.sheet, r.start, r.published, r.judgement, r.theme) == (
        "In-year_inspections",
        date(2024, 4, 16),
        date(2024, 5, 17),
        None,
        "Children in need/subject to a plan",
    )
    assert r.web_link == "https://reports.ofsted.gov.uk/provider/44/936"  # from column A's HYPERLINK formula
    assert r.row == 7  # title, note, header, then Barnsley, Bradford, Durham, Surrey


def test_kinds_judgements_and_sub_judgements_resolve_through_the_vocabularies(ods):
    records = read_outcomes([ods]).records
    kinds = {r.kind for r in records}
    assert kinds == {"ilacs", "ilacs-standard", "ilacs-short", "focused-visit", "monitoring-visit"}
    durham_2019 = next(r for r in records if r.council == "durham" and r.start == date(2019, 9, 9))
    assert durham_2019.kind == "ilacs-standard" and durham_2019.judgement == "requires-improvement"
    assert dict(durham_2019.sub_judgements) == {
        "impact-of-leaders": "requires-improvement",
        "help-and-protection": "requires-improvement",
        "children-in-care": "good",
    }
    assert "care-leavers" not in dict(durham_2019.sub_judgements)  # not graded before 2023
    barnsley = next(r for r in records if r.council == "barnsley" and r.kind == "ilacs-short")
    assert dict(barnsley.sub_judgements)["care-leavers"] == "good"
    assert next(r for r in records if r.kind == "monitoring-visit").council == "bradford"


def test_councils_resolve_by_old_codes_and_predecessors():
    assert resolve_council("E08000016", "Barnsley", date(2024, 11, 5)) == "barnsley"  # the pre-2023 code Ofsted keeps
    assert resolve_council("E08000019", "Sheffield", date(2024, 1, 1)) == "sheffield"
    # Filed under the new council's code, done before it existed: the council the papers of the time name.
    assert resolve_council("E06000066", "Somerset", date(2022, 7, 18)) == "somerset-county-council"
    assert resolve_council("E06000066", "Somerset", date(2024, 7, 18)) == "somerset"
    assert resolve_council("E99999999", "Surrey", date(2024, 1, 1)) == "surrey"  # unknown code: by name
    assert resolve_council("E99999999", "Atlantis", date(2024, 1, 1)) is None


# ------------------------------------------------------------------------------------------------ importing


def test_the_april_2024_surrey_focused_visit_is_one_inspection_with_two_sources(store_with_ofsted):
    path, summary = store_with_ofsted
    assert summary.rows == 17 and summary.inspections == 11 and summary.councils == 5
    with open_store(path, read_only=True) as st:
        documents = {r["document"]: r["file"] for r in run_query(st, "documents").values()}
        rows = [r for r in run_query(st, "inspections", {"council": "Surrey"}).values() if r["inspection"] == SURREY_FV]
        sources = {r["source"] for r in rows}
        assert OFSTED_GRAPH in sources
        assert {documents.get(s, "").rsplit("/", 1)[-1] for s in sources - {OFSTED_GRAPH}} == {NEWS_RELEASE}
        assert len(sources) == 2
        official = next(r for r in rows if r["source"] == OFSTED_GRAPH)
        assert (official["start"], official["published"], official["planned"]) == ("2024-04-16", "2024-05-17", "false")
        assert official["kind"] == iris.VOCAB + "kind/focused-visit"


def test_official_facts_are_typed_marked_and_traced_to_their_row(store_with_ofsted):
    path, _ = store_with_ofsted
    g = ox.NamedNode(OFSTED_GRAPH)
    fv = ox.NamedNode(SURREY_FV)
    cg = "https://w3id.org/caregraph/ontology#"
    with open_store(path, read_only=True) as st:
        facts = {(q.predicate.value, q.object) for q in st.ox.quads_for_pattern(fv, None, None, g)}
        start = next(o for p, o in facts if p == cg + "startDate")
        assert start.value == "2024-04-16" and start.datatype.value == XSD_DATE
        # "official" and the source row are said of the statements (their reifier, the row), not of the node the
        # papers share: in the union of graphs the news release's facts of this node are not marked official.
        assert cg + "official" not in {p for p, _ in facts}
        assert cg + "sourceRow" not in {p for p, _ in facts}
        assert not list(st.ox.quads_for_pattern(fv, ox.NamedNode(cg + "official"), None, None))
        assert (cg + "focus", ox.Literal("Children in need/subject to a plan")) in facts
        # every official fact is reified (RDF 1.2) by the spreadsheet row that states it, the row marked official
        ask = f"""ASK {{ GRAPH <{OFSTED_GRAPH}> {{
            ?row rdf:reifies <<( <{SURREY_FV}> cg:startDate ?o )>> ; cg:sourceRow "In-year_inspections!7" ;
                 cg:official true }} }}"""
        assert run_query(st, ask).boolean
        unreified = f"""ASK {{ GRAPH <{OFSTED_GRAPH}> {{ <{SURREY_FV}> ?p ?o
            FILTER(?p NOT IN (cg:startEarliest, cg:startLatest, cg:publishedEarliest, cg:publishedLatest))
            FILTER NOT EXISTS {{ ?row rdf:reifies <<( <{SURREY_FV}> ?p ?o )>> ; cg:sourceRow ?r ; cg:official true }} }} }}"""
        assert not run_query(st, unreified).boolean
        # the web link is an official fact too
        link = ox.NamedNode("https://reports.ofsted.gov.uk/provider/44/936")
        assert ("http://www.w3.org/2000/01/rdf-schema#seeAlso", link) in facts
        # the official dates are days: their derived bounds are that day
        assert (cg + "startEarliest", ox.Literal("2024-04-16", datatype=ox.NamedNode(XSD_DATE))) in facts
        assert (cg + "startLatest", ox.Literal("2024-04-16", datatype=ox.NamedNode(XSD_DATE))) in facts
        # the graph describes its source: title, licence, attribution
        about = {(q.predicate.value, q.object.value) for q in st.ox.quads_for_pattern(g, None, None, g)}
        assert ("http://purl.org/dc/terms/title", "Local authority inspection outcomes as at 31 March 2025") in about
        assert (
            "http://purl.org/dc/terms/license",
            "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        ) in about
        assert any(p.endswith("rights") and "Open Government Licence v3.0" in o for p, o in about)
        assert ("http://purl.org/dc/terms/issued", "2025-09-25") in about
        assert (
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "https://w3id.org/caregraph/ontology#Document",
        ) not in about


def test_a_type_from_another_sheet_wins_over_plain_ilacs(store_with_ofsted):
    path, _ = store_with_ofsted
    surrey_2025 = SURREY + "/inspection/ilacs/2025-03"  # in the latest-judgements sheet (no type) and as Standard
    with open_store(path, read_only=True) as st:
        kinds = {
            q.object.value
            for q in st.ox.quads_for_pattern(
                ox.NamedNode(surrey_2025),
                ox.NamedNode("https://w3id.org/caregraph/ontology#kind"),
                None,
                ox.NamedNode(OFSTED_GRAPH),
            )
        }
        rows = {
            sol["row"].value
            for sol in run_query(
                st,
                f"SELECT ?row WHERE {{ ?r rdf:reifies <<( <{surrey_2025}> rdf:type cg:Inspection )>> ; cg:sourceRow ?row }}",
            ).rows
        }
    assert kinds == {iris.VOCAB + "kind/ilacs-standard"}
    assert {r.split("!")[0] for r in rows} == set(SHEET_NAMES)


def test_documents_and_stats_leave_the_official_graph_out(store_with_ofsted):
    from caregraph.explore.stats import store_stats

    path, _ = store_with_ofsted
    with open_store(path, read_only=True) as st:
        assert len(run_query(st, "documents").rows) == 5
        assert len(st.documents()) == 5
        assert store_stats(st)["documents"] == 5
        sources = {
            q.object.value
            for q in st.ox.quads_for_pattern(
                None, ox.NamedNode("http://purl.org/dc/terms/source"), None, ox.NamedNode(str(iris.graph("dataset")))
            )
        }
        assert OFSTED_GRAPH in sources and len(sources) == 6  # the dataset description names it as a source


def test_reimport_replaces_the_graph(store_with_ofsted, ods):
    path, first = store_with_ofsted
    graph = ox.NamedNode(OFSTED_GRAPH)
    with open_store(path) as st:
        before = len(list(st.ox.quads_for_pattern(None, None, None, graph)))
        again = import_outcomes(st, [ods])
        assert len(list(st.ox.quads_for_pattern(None, None, None, graph))) == before == again.quads == first.quads
        only_history = import_outcomes(st, [CSVS[2]])
        assert len(list(st.ox.quads_for_pattern(None, None, None, graph))) == only_history.quads < before
        assert not list(st.ox.quads_for_pattern(ox.NamedNode(SURREY_FV), None, None, graph))


# ------------------------------------------------------------------------------------------------ papers vs Ofsted


def _compare(path, **params):
    with open_store(path, read_only=True) as st:
        return run_query(st, "papers-vs-ofsted", params).values()


def test_papers_vs_ofsted_on_data(store_with_ofsted):
    path, _ = store_with_ofsted
    rows = _compare(path)
    by = {(r["inspection"].split("/council/")[1], r["source"].rsplit("/", 1)[1]): r for r in rows}
    fv = next(r for r in rows if r["inspection"] == SURREY_FV)
    assert (fv["status"], fv["official"], fv["officialStart"], fv["officialRows"], fv["method"], fv["confidence"]) == (
        "agrees",
        SURREY_FV,
        "2024-04-16",
        "In-year_inspections!7",
        "same-key",
        "1",
    )
    # Durham's paper dates its ILACS inspection October 2019; Ofsted's table says it began on 9 September 2019 (and
    # published it on 21 October): linked, a month within the official dates.
    durham = next(r for r in rows if r["inspection"].endswith("durham/inspection/ilacs/2019-10"))
    assert durham["status"] == "disagrees"
    assert durham["official"].endswith("durham/inspection/ilacs/2019-09")
    assert (durham["method"], durham["confidence"]) == ("date-within", "0.85")
    assert durham["disagreement"] == "start: paper 2019-10, Ofsted 2019-09-09"
    assert durham["paperJudgement"] == durham["officialJudgement"] == "Requires improvement to be good"
    # A paper's ILACS inspection expected "between Spring and Summer 2022" (a year, its bounds March to August) meets
    # Ofsted's Standard inspection of 17 January to 9 March 2022, and agrees.
    surrey_2022 = next(r for r in rows if r["inspection"].endswith("surrey/inspection/ilacs/2022"))
    assert (surrey_2022["status"], surrey_2022["officialStart"], surrey_2022["officialKind"]) == (
        "agrees",
        "2022-01-17",
        "ILACS standard inspection",
    )
    assert (surrey_2022["method"], surrey_2022["confidence"]) == ("date-within", "0.6")
    # A 2021 focused visit is outside the in-year sheet: no official record, no disagreement.
    assert any(
        r["status"] == "not in Ofsted's table" and r["inspection"].endswith("focused-visit/2021-03") for r in rows
    )
    # Kinds Ofsted's table does not record (SIF, commissioner reviews) are left out.
    assert not any("/sif/" in r["inspection"] or "commissioner-review" in r["inspection"] for r in rows)
    assert len(by) == len(rows)
    only = _compare(path, disagreements="true")
    assert [r["inspection"] for r in only] == [durham["inspection"]]


def test_papers_vs_ofsted_flags_a_judgement_the_papers_get_wrong(built_store, tmp_path):
    # The same fixture, except that Ofsted's table now grades Surrey's January 2022 inspection Inadequate.
    edited = tmp_path / f"{PREFIX}ILACS_inspection_history.csv"
    text = CSVS[2].read_text(encoding="utf-8").splitlines(keepends=True)
    text = [
        line.replace("Standard Inspection,Requires improvement to be good", "Standard Inspection,Inadequate", 1)
        if "17/01/2022" in line
        else line
        for line in text
    ]
    edited.write_text("".join(text), encoding="utf-8")
    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    with open_store(path) as st:
        import_outcomes(st, [edited])
        # data/ says Surrey's January 2022 inspection found services "requires improvement"? Add that claim.
        paper = ox.NamedNode(iris.base() + "doc/test-paper")
        insp = ox.NamedNode(SURREY + "/inspection/ilacs/2022-01")
        cg = "https://w3id.org/caregraph/ontology#"
        st.ox.extend(
            [
                ox.Quad(
                    paper,
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(cg + "Document"),
                    paper,
                ),
                ox.Quad(
                    insp,
                    ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    ox.NamedNode(cg + "Inspection"),
                    paper,
                ),
                ox.Quad(insp, ox.NamedNode(cg + "council"), ox.NamedNode(SURREY), paper),
                ox.Quad(insp, ox.NamedNode(cg + "kind"), ox.NamedNode(iris.VOCAB + "kind/ilacs-short"), paper),
                ox.Quad(
                    insp,
                    ox.NamedNode(cg + "startDate"),
                    ox.Literal("2022-01-18", datatype=ox.NamedNode(XSD_DATE)),
                    paper,
                ),
                ox.Quad(
                    insp,
                    ox.NamedNode(cg + "judgement"),
                    ox.NamedNode(iris.VOCAB + "judgement/requires-improvement"),
                    paper,
                ),
            ]
        )
        refresh_links(st)  # as a build does after writing a document
    rows = [r for r in _compare(path, disagreements="true") if r["source"] == paper.value]
    assert len(rows) == 1
    assert rows[0]["disagreement"] == (
        "kind: paper ILACS short inspection, Ofsted ILACS standard inspection; start: paper 2022-01-18, Ofsted 2022-01-17; "
        "judgement: paper Requires improvement to be good, Ofsted Inadequate"
    )


# ------------------------------------------------------------------------------------------------ errors and the CLI


def test_errors_name_the_file_and_the_row(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OfstedError, match=r"notes\.txt: not a spreadsheet"):
        read_outcomes([tmp_path / "notes.txt"])
    bad_header = tmp_path / "other.csv"
    bad_header.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(OfstedError, match=r"other\.csv: the header is not one of Ofsted's sheets"):
        read_outcomes([bad_header])
    lines = CSVS[1].read_text(encoding="utf-8").splitlines()
    unknown_kind = tmp_path / "kind.csv"
    unknown_kind.write_text(
        "\n".join([lines[0], lines[1].replace("ILACS Focused Visit", "Pop-in visit")]) + "\n", encoding="utf-8"
    )
    with pytest.raises(OfstedError, match=r"kind\.csv: In-year_inspections!4: unknown inspection type 'Pop-in visit'"):
        read_outcomes([unknown_kind])
    unknown_council = tmp_path / "council.csv"
    unknown_council.write_text(
        "\n".join([lines[0], lines[1].replace("E08000016,Barnsley", "E99999999,Atlantis")]) + "\n", encoding="utf-8"
    )
    with pytest.raises(
        OfstedError, match=r"council\.csv: In-year_inspections!4: no council with area code 'E99999999'"
    ):
        read_outcomes([unknown_council])
    with pytest.raises(OfstedError, match=r"missing\.ods: cannot read"):
        read_outcomes([tmp_path / "missing.ods"])
    broken = tmp_path / "broken.ods"
    broken.write_bytes(b"not a zip")
    with pytest.raises(OfstedError, match=r"broken\.ods: cannot read the workbook"):
        read_outcomes([broken])


def test_cli_import_ofsted(built_store, tmp_path):
    path = tmp_path / "store"
    shutil.copytree(built_store, path)
    runner = CliRunner()
    result = runner.invoke(app, ["import-ofsted", *map(str, CSVS), "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert "17 rows" in result.output and "11 inspections and visits" in result.output and OFSTED_GRAPH in result.output
    quiet = runner.invoke(app, ["import-ofsted", *map(str, CSVS), "--store", str(path), "-q"])
    assert quiet.exit_code == 0 and quiet.output == "", quiet.output
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n", encoding="utf-8")
    result = runner.invoke(app, ["import-ofsted", str(bad), "--store", str(path)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "bad.csv: the header is not one of Ofsted's sheets" in result.output
    assert "Traceback" not in result.output


def test_one_label_formula_after_an_import(store_with_ofsted):
    """The official record labels an inspection as the documents do (its key alone), so the shared node of Surrey's
    April 2024 focused visit has one label in the union of the news release and Ofsted's graph."""
    path, _ = store_with_ofsted
    with open_store(path, read_only=True) as st:
        labels = {
            q.object for q in st.ox.quads_for_pattern(ox.NamedNode(SURREY_FV), ox.NamedNode(RDFS_LABEL), None, None)
        }
        graphs = {q.graph_name for q in st.ox.quads_for_pattern(ox.NamedNode(SURREY_FV), None, None, None)}
    assert len(graphs) >= 2 and labels == {ox.Literal("focused visit, surrey, 2024-04")}


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
