"""Manifests: ``file,url[,council,published]`` CSV rows, checked (paths inside the folder, http(s) URLs, dates)."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from urllib.parse import urlparse

from caregraph.errors import LoadError, ManifestError
from caregraph.pipeline.load.decode import decode
from caregraph.pipeline.load.files import Resolver, _inside, _look, _not_a_document, _read_bytes
from caregraph.pipeline.load.sources import DEFAULT_MAX_BYTES, FORMATS, Source
from caregraph.records import PartialDate

# ---------------------------------------------------------------------------------------------------- manifest


def read_manifest(
    manifest: str | os.PathLike[str], *, within: str | Path | None = None, resolver: Resolver | None = None
) -> list[Source | LoadError]:
    """Read a manifest CSV: columns ``file`` (required, relative to the manifest), ``url``, ``council``,
    ``published`` (ISO date); further columns are ignored. Raises :class:`ManifestError` when the file cannot be
    used at all; a bad row becomes a :class:`LoadError` naming ``manifest:line``: among them a file of a format
    caregraph does not read, and (when ``within`` is given) a file that resolves outside the folder ``within``
    (resolved by ``resolver``, the discovery's, when given)."""
    mpath = Path(manifest)
    problem = _not_a_document(mpath)
    if problem:
        raise ManifestError(f"{mpath}: cannot read manifest ({problem})")
    try:
        raw = _read_bytes(mpath, str(mpath), DEFAULT_MAX_BYTES)
    except LoadError as exc:
        raise ManifestError(f"{mpath}: cannot read manifest ({exc.problem})") from None
    try:
        text = decode(raw, str(mpath))
    except LoadError as exc:
        raise ManifestError(f"{mpath}: {exc.problem}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise ManifestError(f"{mpath}:1: not a CSV file ({exc})") from None
    columns = [(c or "").strip().lower() for c in (header or [])]
    if "file" not in columns:
        raise ManifestError(
            f"{mpath}:1: manifest needs a 'file' column (found: {', '.join(repr(c) for c in columns) or 'no header'}); expected columns file,url[,council,published]"
        )
    reader.fieldnames = columns
    base = mpath.parent
    resolver = resolver or Resolver()
    out: list[Source | LoadError] = []
    first_line: dict[str, int] = {}
    line = 1
    rows = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            out.append(
                LoadError(f"{mpath}:{reader.line_num}", f"cannot parse this row ({exc}); the rows after it are ignored")
            )
            break
        line = reader.line_num
        where = f"{mpath}:{line}"
        name = (row.get("file") or "").strip()
        if not name:
            if any((v or "").strip() for k, v in row.items() if k is not None):
                out.append(LoadError(where, "row has no file"))
            continue  # blank lines are allowed
        key = os.path.normpath(name)
        if key in first_line:
            out.append(
                LoadError(where, f"duplicate row for {name!r} (first at line {first_line[key]}); the first is used")
            )
            continue
        first_line[key] = line
        suffix = os.path.splitext(name)[1].lower()
        if suffix not in FORMATS:
            out.append(
                LoadError(
                    where,
                    f"unsupported format {suffix or '(no extension)'!r} for {name!r}; caregraph reads {', '.join(sorted(FORMATS))}",
                )
            )
            continue
        url = (row.get("url") or "").strip() or None
        if url is not None:
            url_problem = _url_problem(url)
            if url_problem:
                out.append(
                    LoadError(where, f"bad URL {url!r} for {name!r}: {url_problem}; expected an http(s) URL or nothing")
                )
                continue
        published = None
        if (row.get("published") or "").strip():
            try:
                published = PartialDate.parse(row["published"])
            except ValueError:
                out.append(
                    LoadError(
                        where,
                        f"bad published date {row['published'].strip()!r} for {name!r}; expected YYYY-MM-DD, YYYY-MM or YYYY",
                    )
                )
                continue
        path = base / name
        problem, _, lst = _look(path)
        if within is not None and not _inside(resolver.real(path, lst), within):
            out.append(
                LoadError(
                    where, f"{name!r} is outside the folder being built ({within}); give --follow-outside to read it"
                )
            )
            continue
        if problem == "no such file or folder":
            out.append(LoadError(where, f"file not found: {name}"))
            continue
        if problem:
            out.append(LoadError(where, f"{name}: {problem}"))
            continue
        out.append(
            Source(path, os.path.normpath(str(path)), url, (row.get("council") or "").strip() or None, published)
        )
    return out


_URL_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f<>\"{}|\\^`\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def url_problem(url: str) -> str | None:
    """What is wrong with a URL caregraph is to store (a manifest's, a web link in Ofsted's table), or None. Only
    absolute http(s) URLs without spaces, quotes, angle brackets or control characters are taken; caregraph never
    fetches them."""
    try:
        parsed = urlparse(url)
        parsed.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"cannot parse it ({exc})"
    if parsed.scheme.lower() not in {"http", "https"}:
        return f"scheme {parsed.scheme + ':' if parsed.scheme else '(none)'} is not http or https"
    if not parsed.hostname:
        return "it has no host"
    bad = _URL_BAD_CHARS.search(url)
    if bad:
        return f"it holds a character URLs may not hold ({bad.group(0)!r})"
    return None


_url_problem = url_problem


def _good_url(url: str) -> bool:
    return _url_problem(url) is None
