"""Reading Ofsted's "Local authority inspection outcomes" workbook (ODS, XLSX) or CSV renderings of its sheets into
:class:`OfficialRecord` rows (:func:`read_outcomes`); :mod:`caregraph.interop.ofsted` maps them into the official graph.

Three sheets matter, each one table whose header row names the columns (:data:`SHEETS`); which sheet a table is, is
told by its header, so a CSV rendering of any one of them reads alike. Inspection types, grades and the
sub-judgement column headers resolve through the SKOS vocabularies (``ontology/vocabularies.ttl``), so a new wording
is a new altLabel there, not a code change. Every problem is an :class:`OfstedError` naming the file, sheet and row.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from rdflib import SKOS, Graph

from caregraph.errors import CaregraphError
from caregraph.gazetteer import gazetteer
from caregraph.namespaces import CGV
from caregraph.resources import ontology_file

__all__ = [
    "SHEETS",
    "OfficialRecord",
    "OfstedError",
    "Outcomes",
    "SheetSpec",
    "detect_sheet",
    "read_outcomes",
    "resolve_council",
    "vocabulary_labels",
]

PROVIDER_PAGE = "https://reports.ofsted.gov.uk/provider/44/{dfe_code}"
DEFAULT_TITLE = "Local authority inspection outcomes (Ofsted)"


class OfstedError(CaregraphError):
    """The spreadsheet cannot be read, or a row cannot be understood (names the file, sheet and row)."""


# ------------------------------------------------------------------------------------------------ the layout


@dataclass(frozen=True)
class SheetSpec:
    """One published sheet: its name and the columns that tell it apart."""

    name: str
    date_column: str
    kind_column: str | None  # None: every row is an ILACS inspection of unspecified type
    marks: tuple[str, ...]  # header cells only this sheet has
    theme_column: str | None = None


SHEETS: tuple[SheetSpec, ...] = (
    SheetSpec(
        "In-year_inspections",
        "Inspection/Visit date",
        "Inspection/Visit type",
        ("Inspection/Visit type",),
        "Visit Theme",
    ),
    SheetSpec("ILACS_inspection_history", "Inspection date", "Inspection type", ("Inspection type",)),
    SheetSpec("Inspections_as_at_31_March", "Inspection date", None, ("Inspection date", "Overall effectiveness")),
)
CODE_COLUMN = "Local authority area code"
NAME_COLUMN = "Local authority name"
PUBLISHED_COLUMN = "Publication date"
STATUS_COLUMN = "Local authority status"
URL_COLUMN = "Web link URL"  # the CSV renderings' copy of column A's hyperlink
OVERALL_AREA = "overall-effectiveness"


def detect_sheet(header: Sequence[str]) -> SheetSpec | None:
    """Which published sheet a header row belongs to (the first whose marks it has all of), or None."""
    cells = {_fold(c) for c in header}
    if _fold(CODE_COLUMN) not in cells:
        return None
    for spec in SHEETS:
        if all(_fold(m) in cells for m in spec.marks):
            return spec
    return None


# ------------------------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class OfficialRecord:
    """One row of Ofsted's table: an inspection or visit as officially recorded."""

    sheet: str
    row: int  # the spreadsheet's row number (1-based; the published tables start at A3, header first)
    council: str  # slug
    code: str  # the GSS code as Ofsted gives it
    name: str  # the authority's name as Ofsted gives it
    kind: str  # concept key of the kind scheme
    start: date
    published: date | None = None
    judgement: str | None = None  # concept key of the judgement scheme (overall effectiveness)
    sub_judgements: tuple[tuple[str, str], ...] = ()  # (area key, judgement key)
    theme: str | None = None
    web_link: str | None = None
    status: str | None = None

    @property
    def source_row(self) -> str:
        return f"{self.sheet}!{self.row}"


@dataclass(frozen=True)
class Outcomes:
    """What one import read: the records and what the files say about themselves."""

    records: tuple[OfficialRecord, ...]
    files: tuple[str, ...]
    sha256: tuple[str, ...]
    sheets: tuple[str, ...]
    title: str = DEFAULT_TITLE
    issued: date | None = None
    coverage: str | None = None
    warnings: tuple[str, ...] = ()  # cells skipped, one line each (a web link that is not an http(s) URL)


# ------------------------------------------------------------------------------------------------ reference data


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", str(text).replace("\u2019", "'").replace("\xa0", " ")).strip().lower()


@cache
def vocabulary_labels() -> dict[str, dict[str, str]]:
    """Scheme name (kind, judgement, area) → folded label → concept key, from the SKOS vocabularies."""
    g = Graph()
    g.parse(ontology_file("vocabularies.ttl"), format="turtle")
    out: dict[str, dict[str, str]] = {}
    for concept, scheme in g.subject_objects(SKOS.inScheme):
        c, s = str(concept), str(scheme)
        if not (s.startswith(CGV) and c.startswith(s + "/")):
            continue
        name, key = s[len(CGV) :], c[len(s) + 1 :]
        labels = out.setdefault(name, {})
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.notation):
            for label in g.objects(concept, prop):
                labels.setdefault(_fold(str(label)), key)
        labels.setdefault(_fold(key), key)
    return out


def resolve_council(code: str, name: str, when: date) -> str | None:
    """The council slug for Ofsted's area code (or, failing that, its name), as it was on ``when``: an inspection
    filed under a council created later (Somerset's 2022 inspection under Somerset Council's code) belongs to the
    single council it replaced (Somerset County Council), the council the papers of the time name."""
    g = gazetteer()
    slug = g.by_code.get(code.strip().lower()) or (g.resolve(name) if name else None)
    return None if slug is None else g.as_on(slug, when)


# ------------------------------------------------------------------------------------------------ reading


def read_outcomes(paths: Iterable[str | Path]) -> Outcomes:
    """Read Ofsted's workbook (.ods, .xlsx) and/or CSV renderings of its sheets (.csv).

    Each file's type and size are checked before it is read, and a workbook's unpacked size and declared sheet
    dimensions before it is parsed (:mod:`caregraph.interop.sheets`: zip bombs, ``/dev/zero``, named pipes and
    sheets declaring millions of cells are refused with one message). A web link that is not an http(s) URL is
    skipped, with a line in :attr:`Outcomes.warnings`."""
    from caregraph.interop.sheets import SpreadsheetError, check_workbook, read_input

    records: list[OfficialRecord] = []
    files: list[str] = []
    digests: list[str] = []
    sheets: list[str] = []
    warnings: list[str] = []
    title, issued, coverage = None, None, None
    for raw in paths:
        path = Path(raw)
        suffix = path.suffix.lower()
        if suffix not in {".ods", ".xlsx", ".csv"}:
            raise OfstedError(
                f"{path}: not a spreadsheet caregraph reads; give Ofsted's .ods (or .xlsx) or a .csv rendering of one of its sheets"
            )
        try:
            data = read_input(path)
            if suffix != ".csv":
                check_workbook(data, suffix)
                found, meta = _read_workbook(path, data, warnings)
            else:
                found, meta = _read_csv(path, data, warnings)
        except SpreadsheetError as exc:
            raise OfstedError(f"{path}: {exc}") from None
        records.extend(found)
        files.append(path.name)
        digests.append(hashlib.sha256(data).hexdigest())
        sheets.extend(s for s in meta.get("sheets", ()) if s not in sheets)
        title = title or meta.get("title")
        issued = issued or meta.get("issued")
        coverage = coverage or meta.get("coverage")
    if not records:
        raise OfstedError(
            f"{', '.join(files) or 'no file'}: no inspection rows found (expected Ofsted's sheets {', '.join(s.name for s in SHEETS)})"
        )
    return Outcomes(
        tuple(records),
        tuple(files),
        tuple(digests),
        tuple(sheets),
        title or DEFAULT_TITLE,
        issued,
        coverage,
        tuple(warnings),
    )


def _read_workbook(path: Path, data: bytes, warnings: list[str] | None = None) -> tuple[list[OfficialRecord], dict]:
    import io

    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names}
    except Exception as exc:  # calamine raises its own error types for damaged or foreign files
        raise OfstedError(f"{path}: cannot read the workbook ({type(exc).__name__}: {exc})") from None
    links = _ods_links(io.BytesIO(data)) if path.suffix.lower() == ".ods" else {}
    records: list[OfficialRecord] = []
    used: list[str] = []
    for name, rows in sheets.items():
        for i, row in enumerate(rows[:20]):
            spec = detect_sheet([_cell(c) for c in row])
            if spec is None:
                continue
            found = list(
                _read_table(
                    path.name, name, spec, rows[i], rows[i + 1 :], first_row=i + 2, links=links, warnings=warnings
                )
            )
            records.extend(found)
            used.append(name)
            break
    meta: dict = {"sheets": used}
    cover = sheets.get("Cover") or []
    for row in cover:
        cells = [c for c in row if _cell(c)]
        if not cells:
            continue
        label = _fold(_cell(cells[0]))
        if "title" not in meta and "inspection outcomes" in label:
            meta["title"] = _cell(cells[0])
        elif label.startswith("published on") and len(cells) > 1:
            meta["issued"] = _to_date(cells[1])
        elif label.startswith("period covered") and len(cells) > 1:
            meta["coverage"] = _cell(cells[1])
    return records, meta


_HYPERLINK = re.compile(r'HYPERLINK\(\s*"([^"]+)"')
_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}


def _ods_links(path) -> dict[tuple[str, int], str]:
    """(sheet, row) → the first web link in that row of an ODS file: Ofsted's column A is a HYPERLINK formula to
    the authority's page, which cell values alone do not show. Read from content.xml with the standard library."""
    import xml.etree.ElementTree as ET
    import zipfile

    t, x = "{{{}}}".format(_ODS["table"]), "{{{}}}".format(_ODS["xlink"])
    links: dict[tuple[str, int], str] = {}
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            sheet, row = "", 0
            for event, el in ET.iterparse(fh, events=("start", "end")):
                if event == "start":
                    if el.tag == t + "table":
                        sheet, row = el.get(t + "name", ""), 0
                    continue
                if el.tag == t + "table-row":
                    repeat = int(el.get(t + "number-rows-repeated", "1") or 1)
                    row += 1
                    for cell in el.iter(t + "table-cell"):
                        m = _HYPERLINK.search((cell.get(t + "formula") or "").replace("&quot;", '"'))
                        href = (
                            m.group(1)
                            if m
                            else next(
                                (
                                    a.get(x + "href")
                                    for a in cell.iter("{{{}}}a".format(_ODS["text"]))
                                    if (a.get(x + "href") or "").startswith("http")
                                ),
                                None,
                            )
                        )
                        if href:
                            links.setdefault((sheet, row), href)
                            break
                    row += repeat - 1
                    el.clear()
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError):
        return {}
    return links


_CSV_TITLE = re.compile(r"(?i)as_at_(\d{1,2})_([a-z]+)_(\d{4})")


def _read_csv(path: Path, data: bytes, warnings: list[str] | None = None) -> tuple[list[OfficialRecord], dict]:
    from caregraph.interop.sheets import SpreadsheetError, csv_rows

    if b"\x00" in data[:65536]:
        raise SpreadsheetError("binary data, not a CSV file (is the file extension right?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    rows = [row for _, row in csv_rows(text)]
    if not rows:
        raise OfstedError(f"{path}: the file is empty")
    spec = detect_sheet(rows[0])
    if spec is None:
        raise OfstedError(
            f"{path}: the header is not one of Ofsted's sheets (expected columns such as '{CODE_COLUMN}', '{NAME_COLUMN}', 'Inspection date'; sheets {', '.join(s.name for s in SHEETS)})"
        )
    # The published sheets hold a title (row 1) and a note (row 2) above the table, which starts at A3: CSV line n
    # is the sheet's row n + 2, so cg:sourceRow names the same row whichever rendering was read.
    records = list(_read_table(path.name, spec.name, spec, rows[0], rows[1:], first_row=4, warnings=warnings))
    meta: dict = {"sheets": [spec.name]}
    m = _CSV_TITLE.search(path.stem)
    if m:
        meta["title"] = (
            f"Local authority inspection outcomes as at {int(m.group(1))} {m.group(2).capitalize()} {m.group(3)}"
        )
    return records, meta


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _to_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _cell(value)
    if not text:
        return None
    m = _DMY.match(text)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return date.fromisoformat(text[:10])


def _read_table(
    file: str,
    sheet: str,
    spec: SheetSpec,
    header: Sequence,
    rows: Sequence[Sequence],
    first_row: int,
    links: dict | None = None,
    warnings: list[str] | None = None,
):
    names = [_fold(_cell(h)) for h in header]
    col = {n: i for i, n in enumerate(names) if n}
    labels = vocabulary_labels()
    areas = {i: labels["area"][n] for i, n in enumerate(names) if n in labels.get("area", {})}

    def get(row, column: str | None) -> str:
        i = col.get(_fold(column)) if column else None
        return _cell(row[i]) if i is not None and i < len(row) else ""

    def raw(row, column: str):
        i = col.get(_fold(column))
        return row[i] if i is not None and i < len(row) else None

    for offset, row in enumerate(rows):
        number = first_row + offset
        where = f"{file}: {sheet}!{number}"
        code, name = get(row, CODE_COLUMN), get(row, NAME_COLUMN)
        if not code and not name:
            continue  # blank rows below the table
        try:
            start = _to_date(raw(row, spec.date_column))
            published = _to_date(raw(row, PUBLISHED_COLUMN))
        except ValueError as exc:
            raise OfstedError(f"{where}: a date is not dd/mm/yyyy ({exc})") from None
        if start is None:
            raise OfstedError(f"{where}: no '{spec.date_column}'")
        slug = resolve_council(code, name, start)
        if slug is None:
            raise OfstedError(
                f"{where}: no council with area code {code!r} or name {name!r} in the gazetteer (ontology/councils.csv)"
            )
        kind = "ilacs"
        if spec.kind_column:
            text = get(row, spec.kind_column)
            kind = labels["kind"].get(_fold(text)) if text else "ilacs"  # type: ignore[assignment]
            if kind is None:
                raise OfstedError(
                    f"{where}: unknown inspection type {text!r}; add it as an skos:altLabel of a kind in ontology/vocabularies.ttl"
                )
        judgement, subs = None, []
        for i, area in sorted(areas.items()):
            text = _cell(row[i]) if i < len(row) else ""
            if not text:
                continue
            grade = labels["judgement"].get(_fold(text))
            if grade is None:
                raise OfstedError(
                    f"{where}: unknown grade {text!r} under '{_cell(header[i])}'; known: {', '.join(sorted(set(labels['judgement'].values())))}"
                )
            if area == OVERALL_AREA:
                judgement = grade
            else:
                subs.append((area, grade))
        council = gazetteer().councils.get(slug)
        link = _web_link(where, (get(row, URL_COLUMN), (links or {}).get((sheet, number))), warnings) or (
            PROVIDER_PAGE.format(dfe_code=council.dfe_code) if council is not None and council.dfe_code else None
        )
        yield OfficialRecord(
            sheet=sheet,
            row=number,
            council=slug,
            code=code,
            name=name,
            kind=kind,
            start=start,
            published=published,
            judgement=judgement,
            sub_judgements=tuple(subs),
            theme=get(row, spec.theme_column) or None,
            web_link=link or None,
            status=get(row, STATUS_COLUMN) or None,
        )


def _web_link(where: str, candidates: Iterable[str | None], warnings: list[str] | None) -> str | None:
    """The first candidate that is an http(s) URL caregraph may store; each other one is skipped with a line (a
    ``javascript:`` link, a space, a quote or ``<`` in it)."""
    from caregraph.pipeline.load import url_problem

    for url in candidates:
        if not url:
            continue
        problem = url_problem(url)
        if problem is None:
            return url
        if warnings is not None:
            shown = url if len(url) <= 120 else url[:120] + "…"
            warnings.append(f"{where}: web link {shown!r} skipped ({problem})")
    return None
