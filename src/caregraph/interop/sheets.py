"""Reading a spreadsheet someone else made, within bounds: the checks ``import-ofsted`` runs before it parses anything.

A workbook or CSV is refused, with one clear message, before it can take the process's memory or time:

* from its **type and size**, without reading it: a named pipe, ``/dev/zero`` or another device is not a file
  (opened without blocking, so a pipe cannot hang the import); a file over :data:`MAX_FILE_BYTES` is refused from its
  size, and never more than that is read;
* a workbook (``.ods``, ``.xlsx``: zip archives) must be a zip archive of at most :data:`MAX_MEMBERS` files that
  **unpack** to at most :data:`MAX_UNPACKED_BYTES` — counted while unpacking, so a zip bomb whose headers lie is
  stopped as well as one whose headers tell the truth;
* its sheets' **declared dimensions** — the area from A1 to the last cell holding something, after ODS's repeated
  rows and columns are multiplied out, and an XLSX sheet's ``<dimension>`` — must stay within :data:`MAX_ROWS` rows
  and :data:`MAX_CELLS` cells in all: the spreadsheet library allocates that area at once, and aborts the process
  (not an exception) when it cannot;
* a CSV is read row by row, at most :data:`MAX_ROWS` rows of at most :data:`MAX_COLUMNS` fields, each at most
  :data:`MAX_FIELD` characters (the ``csv`` module's own limit, reported with its line rather than as an internal
  error).

Ofsted's published workbook is about 200 KB, with some 1,500 rows in all; every limit is far above it.
Every problem is a :class:`SpreadsheetError` (the caller names the file).
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMNS",
    "MAX_FIELD",
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "SpreadsheetError",
    "check_workbook",
    "csv_rows",
    "read_input",
]

MAX_FILE_BYTES = 50 << 20  # a workbook or CSV file
MAX_UNPACKED_BYTES = 200 << 20  # a workbook's files, unpacked
MAX_MEMBERS = 1_000  # files in a workbook's zip archive
MAX_ROWS = 20_000  # rows of one sheet or CSV
MAX_CELLS = 2_000_000  # cells of a workbook's sheets, as declared (rows × columns of each sheet's used area)
MAX_COLUMNS = 1_000  # fields in one CSV row
MAX_FIELD = csv.field_size_limit()  # characters in one CSV field: the csv module's limit (128 KiB)


class SpreadsheetError(ValueError):
    """The file cannot be read within bounds (the message says why, without the file name)."""


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def read_input(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (default :data:`MAX_FILE_BYTES`): its type and size are
    checked on the open file before anything is read (opened without blocking, so a named pipe is refused, not
    waited on)."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise SpreadsheetError(f"cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise SpreadsheetError("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            kind = next((label for test, label in _KINDS if test(st.st_mode)), "not a regular file")
            raise SpreadsheetError(f"not a regular file ({kind}); give the workbook or CSV file itself")
        if st.st_size > max_bytes:
            raise SpreadsheetError(f"the file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SpreadsheetError(f"cannot read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:  # it grew while being read
        raise SpreadsheetError(f"the file is over the {max_bytes:,}-byte limit")
    return data


# ---------------------------------------------------------------------------------------------- workbooks


def check_workbook(data: bytes, suffix: str) -> None:
    """Refuse a workbook (``.ods`` or ``.xlsx``) that is not a zip archive, unpacks to too much, or declares sheets
    larger than the limits (see the module's description)."""
    if not data.startswith(b"PK\x03\x04"):
        raise SpreadsheetError(
            f"cannot read the workbook: it is not a zip archive, so not an {suffix} file (is the file extension right?)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise SpreadsheetError(f"the workbook holds {len(members):,} files, over the limit of {MAX_MEMBERS:,}")
            declared = sum(m.file_size for m in members)
            if declared > MAX_UNPACKED_BYTES:
                raise SpreadsheetError(_unpacks_to(f"{declared:,} bytes"))
            unpacked = 0
            for member in members:
                with zf.open(member) as fh:
                    while chunk := fh.read(1 << 20):
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED_BYTES:
                            raise SpreadsheetError(_unpacks_to(f"more than {MAX_UNPACKED_BYTES:,} bytes"))
            if suffix == ".ods":
                cells = _ods_area(zf)
            else:
                cells = sum(_xlsx_area(zf, m.filename) for m in members if _XLSX_SHEET.match(m.filename))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ET.ParseError, KeyError) as exc:
        raise SpreadsheetError(f"cannot read the workbook: it is damaged ({type(exc).__name__}: {exc})") from None
    if cells > MAX_CELLS:
        raise SpreadsheetError(_too_large(f"{cells:,} cells", f"{MAX_CELLS:,} cells"))


def _unpacks_to(size: str) -> str:
    return f"the workbook unpacks to {size}, over the {MAX_UNPACKED_BYTES:,}-byte limit (a zip bomb, or not Ofsted's workbook)"


def _too_large(what: str, limit: str) -> str:
    return f"the workbook declares {what}, over the limit of {limit} (not Ofsted's workbook)"


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _repeat(el: ET.Element, attribute: str) -> int:
    value = el.get(_TABLE + attribute, "1") or "1"
    return int(value) if value.isdigit() else 1


def _ods_area(zf: zipfile.ZipFile) -> int:
    """Cells in the used area (A1 to the last row and column holding something) of every sheet of an ODS, with
    repeated rows and columns multiplied out; refuses a sheet over :data:`MAX_ROWS` rows on the way."""
    total = 0
    rows = columns = row = 0
    name = ""
    with zf.open("content.xml") as fh:
        for event, el in ET.iterparse(fh, events=("start", "end")):
            if event == "start":
                if el.tag == _TABLE + "table":
                    rows = columns = row = 0
                    name = el.get(_TABLE + "name", "")
                continue
            if el.tag == _TABLE + "table-row":
                repeat = _repeat(el, "number-rows-repeated")
                column, used = 0, 0
                for cell in el:
                    span = _repeat(cell, "number-columns-repeated")
                    if cell.get(_OFFICE + "value-type") or cell.get(_TABLE + "formula") or len(cell):
                        used = column + span
                    column += span
                if used:
                    rows, columns = row + repeat, max(columns, used)
                    if rows > MAX_ROWS:
                        raise SpreadsheetError(_too_large(f"{rows:,} rows in sheet {name!r}", f"{MAX_ROWS:,} rows"))
                row += repeat
                el.clear()
            elif el.tag == _TABLE + "table":
                total += rows * columns
                if total > MAX_CELLS:
                    return total
                el.clear()
    return total


_XLSX_SHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^([A-Z]{1,3})(\d{1,7})$")


def _position(ref: str | None) -> tuple[int, int] | None:
    """(row, column), 1-based, of an A1 reference; None when it is not one."""
    m = _REF.match((ref or "").upper())
    if m is None:
        return None
    column = 0
    for letter in m.group(1):
        column = column * 26 + ord(letter) - 64
    return int(m.group(2)), column


def _xlsx_area(zf: zipfile.ZipFile, member: str) -> int:
    """Cells in the used area of one XLSX sheet: its ``<dimension>`` and the cells holding something, whichever is
    larger; refuses a sheet over :data:`MAX_ROWS` rows on the way."""
    rows = columns = row = 0
    with zf.open(member) as fh:
        for _event, el in ET.iterparse(fh, events=("end",)):
            if el.tag == _MAIN + "dimension":
                ends = [_position(part) for part in (el.get("ref") or "").split(":")]
                if ends and ends[-1] is not None:
                    rows, columns = max(rows, ends[-1][0]), max(columns, ends[-1][1])
            elif el.tag == _MAIN + "row":
                number = el.get("r")
                row = int(number) if number and number.isdigit() else row + 1
                column = 0
                for cell in el:
                    at = _position(cell.get("r"))
                    column = at[1] if at is not None else column + 1
                    if len(cell):  # a value, an inline string or a formula
                        rows, columns = max(rows, row), max(columns, column)
                el.clear()
            else:
                continue
            if rows > MAX_ROWS:
                raise SpreadsheetError(_too_large(f"{rows:,} rows in {member}", f"{MAX_ROWS:,} rows"))
            if rows * columns > MAX_CELLS:
                break
    return rows * columns


# ---------------------------------------------------------------------------------------------- CSV


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each row of a CSV text, within :data:`MAX_ROWS`, :data:`MAX_COLUMNS` and the
    ``csv`` module's field limit (:data:`MAX_FIELD` unless changed); a :class:`SpreadsheetError` names the line that
    breaks a limit."""
    reader = csv.reader(io.StringIO(text, newline=""))
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise SpreadsheetError(
                    f"line {reader.line_num}: a field is over {csv.field_size_limit() // 1024:,} KiB, the limit for a CSV field"
                ) from None
            raise SpreadsheetError(f"line {reader.line_num}: not a CSV row ({exc})") from None
        count += 1
        if count > MAX_ROWS:
            raise SpreadsheetError(f"line {reader.line_num}: more than {MAX_ROWS:,} rows, the limit for a sheet")
        if len(row) > MAX_COLUMNS:
            raise SpreadsheetError(
                f"line {reader.line_num}: {len(row):,} fields, over the limit of {MAX_COLUMNS:,} for a row"
            )
        yield reader.line_num, row
