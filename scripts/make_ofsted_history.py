#!/usr/bin/env python3
"""Build the table of every English council's official Ofsted children's-services inspections
(src/caregraph/rules/ofsted_history.csv), which the inspections finder reads to tell the framework of an inspection
a page names without naming its framework.

The sources are two of Ofsted's official statistics workbooks, © Crown copyright, under the Open Government Licence
v3.0:

- "Local authority inspection outcomes as at 31 March 2025" (``LA_Inspection_Outcomes_as_at_31_March_2025.ods``),
  sheet ``ILACS_inspection_history``: every ILACS inspection from January 2018 with its start and publication dates
  and overall effectiveness (read by :func:`caregraph.interop.ofsted_read.read_outcomes`, as ``caregraph
  import-ofsted`` reads it);
- "Children's social care data in England 2023" (``Childrens_social_care_in_England_2023_underlying_data.ods``),
  sheet ``LA_inspections_2009-2023``: the publication dates and overall judgements of the earlier frameworks'
  inspections (SLAC, CPI and re-inspections, TLAC) and of the single inspection framework's first inspections and
  re-inspections (its ILACS columns are left to the 2025 workbook, which holds them all).

Councils are the gazetteer's slugs as they were on the event's date (Bournemouth's 2018 inspection is
Bournemouth's, Somerset's 2022 one Somerset County Council's). Only facts are kept: one row per event, sorted; the
output depends on nothing but the input files.

Example::

    $ python scripts/make_ofsted_history.py --refdata ../shared/refdata
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTCOMES = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
HISTORY = "Childrens_social_care_in_England_2023_underlying_data.ods"
HISTORY_SHEET = "LA_inspections_2009-2023"
HEADER = """\
# Ofsted's inspections of English councils' children's services, one row per official event. Source: Ofsted,
# "Local authority inspection outcomes as at 31 March 2025" (sheet ILACS_inspection_history) and "Children's social
# care data in England 2023" (sheet LA_inspections_2009-2023), official statistics, (c) Crown copyright 2023, 2025,
# contains public sector information licensed under the Open Government Licence v3.0
# (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). Built by
# scripts/make_ofsted_history.py; do not edit by hand. Read by caregraph.pipeline.extract.ofsted_history.
# council: the gazetteer's slug as on the event's date; kind: ANNOTATION.md's (ilacs, sif, other); framework: the
# finer framework (ilacs-standard, ilacs-short, ilacs, sif, sif-reinspection, slac, slac-reinspection, cpi, cpri,
# tlac); start: the inspection's first day (ILACS only; the 2023 workbook gives publication dates alone); published:
# the report's publication date; judgement: the overall effectiveness (blank when the source gives two that differ).
"""
COLUMNS = ("council", "kind", "framework", "start", "end", "published", "judgement")
#: The 2023 workbook's events: (publication-date column, judgement columns, framework, kind).
EVENTS = (
    (
        "Safeguarding & Looked After Children (SLAC) Inspection publication date",
        ("SLAC Safeguarding Overall effectiveness (OE)", "SLAC Looked After Children Overall Effectiveness (OE)"),
        "slac",
    ),
    (
        "SLAC re-inspection of Safeguarding publication date",
        ("SLAC re-inspection Safeguarding OE",),
        "slac-reinspection",
    ),
    (
        "SLAC re-inspection of services for Children Looked After publication date",
        ("SLAC re-inspection of services Children Looked After OE",),
        "slac-reinspection",
    ),
    ("Child Protection Inspections (CPI) publication date", ("CPI Overall Effectiveness (OE)",), "cpi"),
    ("Child Protection Re-Inspection (CPRI) publication date", ("CPRI Overall Effectiveness (OE)",), "cpri"),
    ("Targeted Looked After Children (TLAC) inspection publication date", ("TLAC Overall Effectiveness (OE)",), "tlac"),
    (
        "Single Inspection of LA Children's Services (SIF) First SIF publication date",
        ("First SIF Overall Judgement (OE)",),
        "sif",
    ),
    (
        "Single Inspection of LA Children's Services (SIF) SIF Re-inspection publication date",
        ("SIF Re-inspection Overall Judgement (OE)",),
        "sif-reinspection",
    ),
    ("First ILACS framework publication date", ("First ILACS framework overall effectiveness",), "ilacs"),
    ("Second ILACS framework publication date", ("Second ILACS framework overall effectiveness",), "ilacs"),
    ("ILACS framework publication date", ("ILACS framework overall effectiveness",), "ilacs"),
)
KIND = {"sif": "sif", "sif-reinspection": "sif", "ilacs": "ilacs", "ilacs-standard": "ilacs", "ilacs-short": "ilacs"}
GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement to be good": "requires-improvement",
    "requires improvement": "requires-improvement",
    "adequate": "adequate",
    "inadequate": "inadequate",
}


def _norm(text: object) -> str:
    return " ".join(str(text or "").split()).lower()


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


def _grade(values: list[object]) -> str:
    grades = {GRADES.get(_norm(v)) for v in values if _norm(v)}
    grades.discard(None)
    return grades.pop() if len(grades) == 1 else ""


def ilacs_rows(path: Path) -> list[dict[str, str]]:
    """The ILACS history of the 2025 workbook."""
    from caregraph.interop.ofsted_read import read_outcomes

    rows = []
    for r in read_outcomes([path]).records:
        if r.sheet != "ILACS_inspection_history":
            continue
        rows.append(
            {
                "council": r.council,
                "kind": "ilacs",
                "framework": r.kind,
                "start": r.start.isoformat(),
                "end": "",
                "published": r.published.isoformat() if r.published else "",
                "judgement": r.judgement or "",
            }
        )
    return rows


def history_rows(path: Path) -> list[dict[str, str]]:
    """The events of the 2023 workbook's sheet of inspections 2009–2023 (both its tables)."""
    from python_calamine import CalamineWorkbook

    from caregraph.gazetteer import gazetteer

    g = gazetteer()
    rows = CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    table = rows.get_sheet_by_name(HISTORY_SHEET).to_python(skip_empty_area=False)
    out: list[dict[str, str]] = []
    header: list[str] | None = None
    for row in table:
        cells = [_norm(c) for c in row]
        if cells and cells[0] == "web link":
            header = cells
            continue
        if header is None or not any(cells) or len(cells) < 2 or not cells[1]:
            continue
        record = dict(zip(header, row, strict=False))
        name = str(record.get("local authority name", "")).strip()
        found = {f[2] for f in g.find(name)}
        slug = g.resolve(name) or (found.pop() if len(found) == 1 else None)  # "Bedford Borough"
        if slug is None:
            sys.exit(f"make_ofsted_history: {path.name}: the gazetteer does not know {name!r}")
        for published_column, grade_columns, framework in EVENTS:
            when = _date(record.get(_norm(published_column)))
            if when is None:
                continue
            grade = _grade([record.get(_norm(c)) for c in grade_columns])
            out.append(
                {
                    "council": g.as_on(slug, when) or slug,
                    "kind": KIND.get(framework, "other"),
                    "framework": framework,
                    "start": "",
                    "end": "",
                    "published": when.isoformat(),
                    "judgement": grade,
                }
            )
    if header is None:
        sys.exit(f"make_ofsted_history: {path.name}: no header row in sheet {HISTORY_SHEET}")
    return out


def build(refdata: Path) -> list[dict[str, str]]:
    ilacs = ilacs_rows(refdata / OUTCOMES)
    # the 2025 workbook's ILACS history is complete from 2018 (the 2023 workbook's ILACS columns repeat it, once with
    # another date: Nottingham's second ILACS "published" 2022-11-05 there, 2022-09-05 in the 2025 history)
    older = [r for r in history_rows(refdata / HISTORY) if r["kind"] != "ilacs"]
    rows = ilacs + older
    # one row per event (the two SLAC re-inspections of one day are one visit's reports)
    unique = {tuple(r[c] for c in COLUMNS): r for r in rows}
    return sorted(
        unique.values(), key=lambda r: (r["council"], r["start"] or r["published"], r["published"], r["framework"])
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refdata", type=Path, required=True, help=f"folder holding {OUTCOMES} and {HISTORY}")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "src" / "caregraph" / "rules" / "ofsted_history.csv")
    args = parser.parse_args(argv)
    for name in (OUTCOMES, HISTORY):
        if not (args.refdata / name).is_file():
            sys.exit(f"make_ofsted_history: {args.refdata / name}: missing")
    rows = build(args.refdata)
    buffer = io.StringIO()
    buffer.write(HEADER)
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    args.out.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"make_ofsted_history: {len(rows)} events → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
