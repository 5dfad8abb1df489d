"""Where extraction spends its time: cProfile over segment + extract of every page, several rounds, one process.

    python bench/profile_extract.py                      # the corpus and bench/challenge, 3 rounds, top 40 by cumulative time
    python bench/profile_extract.py --sort tottime --top 60
    python bench/profile_extract.py --rounds 5 --filter extract   # only functions whose file path holds "extract"
    python bench/profile_extract.py --time-only          # no profiler: best-of-rounds wall and CPU ms a page
    python bench/profile_extract.py --shares             # no profiler: CPU ms a page of each finder (see SHARES)
    python bench/profile_extract.py --digest /tmp/before.txt   # a digest of every page's extraction, for refactoring

``--digest FILE`` writes one line per page (its file name and the sha256 of its extraction's ``repr``) and prints the
digest of the whole; run it before and after a change that must not change output (a speed-up, a module split) and
``diff`` the files: only page names and digests are written, never page text.

The pages are loaded once and warmed up (rules compiled, caches filled) before profiling; the figures are for
``segment`` + ``extract`` only (no loading, no store). Only function names and times are printed, never page text.
cProfile charges every call and every resumption of a generator, so it overstates code of many small calls
(a sentence splitter, a scan over capitalised words): read its ranking, not its milliseconds. ``--shares`` times the
functions of :data:`SHARES` with ``time.process_time`` instead (each inclusive of what it calls; one wrapper a call),
and ``--time-only`` times segment + extract alone; ``python bench/quality.py --timing`` is the reference figure.

Like ``bench/quality.py``, it profiles the caregraph of its own tree (its ``src`` first on the path), so a copy of
the repository measures its own code whatever the venv has installed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = [
    folder
    for folder in (ROOT.parent / "shared" / "corpus", ROOT / "bench" / "challenge", ROOT.parent / "realpages")
    if folder.is_dir()
]  # the second real set (../realpages) when it is there

#: The functions ``--shares`` times ("module:function" under caregraph.pipeline; a method as "module:Class.method").
#: A name a module no longer has is reported and skipped.
SHARES = [
    "segment:segment",
    "extract.meetings:find_meetings",
    "extract.page_date:fallback_anchor",
    "extract.meetings_in_text:meetings_in_text",
    "extract.people:find_people",
    "extract.people:match_people",
    "extract.people_acting:people_acting",
    "extract.predicate_posts:predicate_posts",
    "extract.people_in_apposition:apposition",
    "extract.honorific_people:honorific_people",
    "extract.contacts:cells_pass",
    "extract.contacts:labelled_pass",
    "extract.contacts:listed_pass",
    "extract.posts:post_candidates",
    "extract.posts:find_posts",
    "extract.councils:find_councils",
    "extract.councils:match_councils",
    "extract.inspections:find_inspections",
    "extract.inspection_cues:sentence_cues",
    "extract.inspection_dates:dates_of",
    "extract.judgements:find_judgements",
    "extract.judgements:table_judgements",
    "extract.decisions:find_decisions",
    "extract.headless_decisions:headless_items",
    "extract.follow_ups:find_follow_ups",
    "extract.follow_ups:_in_span",
    "extract.organisations:find_organisations",
    "extract.organisations:find_practice_models",
    "extract.organisations:match_mentions",
    "extract.doc:Doc.dates_in",
    "extract.doc:Doc.sentence_around",
    "extract.doc:sentences",
    "dates:find_dates",
]


def load_documents(corpora: list[Path]) -> list:
    from caregraph.errors import LoadError
    from caregraph.pipeline.load import Skipped, iter_sources, load

    documents = []
    for corpus in corpora:
        manifest = corpus / "manifest.csv"
        for source in iter_sources([corpus], manifest if manifest.exists() else None):
            if not isinstance(source, LoadError | Skipped):
                documents.append(load(source))
    return documents


def run_all(documents: list) -> None:
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment

    for document in documents:
        extract(segment(document))


def digest(documents: list, out: Path) -> str:
    """Write ``name sha256`` per page of its extraction's ``repr`` to *out*; return a summary with the overall digest."""
    import hashlib

    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment

    lines = []
    for document in documents:
        record = extract(segment(document))
        lines.append(f"{document.path} {hashlib.sha256(repr(record).encode()).hexdigest()}")
    lines.sort()
    text = "\n".join(lines) + "\n"
    out.write_text(text, encoding="utf-8")
    return f"{len(lines)} pages, digest {hashlib.sha256(text.encode()).hexdigest()[:16]} (per page in {out})"


def time_only(documents: list, rounds: int) -> str:
    """Wall-clock and CPU time (``time.process_time``: what this process ran, the figure least moved by other
    processes on a loaded machine) of segment + extract, per page the best of the rounds."""
    from caregraph.pipeline.extract import extract
    from caregraph.pipeline.segment import segment

    wall: list[list[float]] = [[] for _ in documents]
    cpu: list[list[float]] = [[] for _ in documents]
    totals, cpu_totals = [], []
    for _ in range(rounds):
        round_wall, round_cpu = time.perf_counter(), time.process_time()
        for i, document in enumerate(documents):
            started, started_cpu = time.perf_counter(), time.process_time()
            extract(segment(document))
            cpu[i].append((time.process_time() - started_cpu) * 1000)
            wall[i].append((time.perf_counter() - started) * 1000)
        totals.append(time.perf_counter() - round_wall)
        cpu_totals.append(time.process_time() - round_cpu)
    best_wall = [min(times) for times in wall]
    best_cpu = [min(times) for times in cpu]
    return (
        f"{len(documents)} pages, {rounds} rounds, load average {os.getloadavg()[0]:.2f}: "
        f"wall best round {min(totals) * 1000:.0f} ms, per page best of rounds median {statistics.median(best_wall):.2f}"
        f" ms, mean {statistics.mean(best_wall):.2f} ms; CPU best round {min(cpu_totals) * 1000:.0f} ms, per page "
        f"median {statistics.median(best_cpu):.2f} ms, mean {statistics.mean(best_cpu):.2f} ms"
    )


def shares(documents: list, rounds: int, names: list[str]) -> str:
    """CPU time of each function of ``names`` (inclusive, summed over the pages), from the least disturbed round."""
    import functools
    import importlib
    import inspect

    spent: dict[str, float] = {}
    notes = []

    def timed(label: str, func):  # type: ignore[no-untyped-def]
        if inspect.isgeneratorfunction(func):

            @functools.wraps(func)
            def gen_wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
                items = func(*args, **kwargs)  # each resumption timed, so a caller that stops early pays no more
                while True:
                    started = time.process_time()
                    try:
                        item = next(items)
                    except StopIteration:
                        spent[label] = spent.get(label, 0.0) + time.process_time() - started
                        return
                    spent[label] = spent.get(label, 0.0) + time.process_time() - started
                    yield item

            return gen_wrapper

        @functools.wraps(func)
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            started = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - started

        return wrapper

    for name in names:
        module_name, _, attr = name.partition(":")
        module = importlib.import_module(f"caregraph.pipeline.{module_name}")
        owner_name, _, method = attr.rpartition(".")
        owner = getattr(module, owner_name, None) if owner_name else module
        func = getattr(owner, method, None) if owner is not None else None
        if func is None:
            notes.append(f"(no {name}: skipped)")
            continue
        wrapped = timed(name, func)
        if owner_name:
            setattr(owner, method, wrapped)
            continue
        for loaded in list(sys.modules.values()):  # wherever the function was imported by name
            if getattr(loaded, "__name__", "").startswith("caregraph") and getattr(loaded, method, None) is func:
                setattr(loaded, method, wrapped)
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(rounds):
        spent.clear()
        started = time.process_time()
        run_all(documents)
        total = time.process_time() - started
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    total, spent_best = best
    per_page = 1000 / len(documents)
    lines = [
        f"{len(documents)} pages, best of {rounds} rounds: segment + extract {total * per_page:.2f} ms CPU a page "
        "(with the timing wrappers); each function inclusive of what it calls",
        *notes,
    ]
    for label, seconds in sorted(spent_best.items(), key=lambda item: -item[1]):
        lines.append(f"{seconds / total * 100:5.1f}%  {seconds * per_page:6.3f} ms/page  {label}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "corpora", nargs="*", type=Path, help="corpus folders (default: the corpus and bench/challenge)"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime", "ncalls"])
    parser.add_argument("--filter", default="", help="only functions whose file path contains this")
    parser.add_argument("--time-only", action="store_true", help="time without the profiler")
    parser.add_argument("--shares", action="store_true", help="CPU time of the finder functions of SHARES")
    parser.add_argument("--digest", type=Path, metavar="FILE", help="write a digest of each page's extraction to FILE")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    corpora = args.corpora or DEFAULT_CORPORA
    for corpus in corpora:
        if not corpus.is_dir():
            print(f"profile_extract: {corpus}: not a folder", file=sys.stderr)
            return 2
    documents = load_documents(corpora)
    if args.digest:
        print(digest(documents, args.digest))
        return 0
    run_all(documents)  # warm-up
    gc.collect()
    if args.time_only:
        print(time_only(documents, max(1, args.rounds)))
        return 0
    if args.shares:
        print(shares(documents, max(1, args.rounds), SHARES))
        return 0
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(max(1, args.rounds)):
        run_all(documents)
    profiler.disable()
    elapsed = time.perf_counter() - started
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs() if not args.filter else pstats.Stats(profiler, stream=out)
    stats.sort_stats(args.sort)
    if args.filter:
        stats.print_stats(args.filter, args.top)
    else:
        stats.print_stats(args.top)
    print(f"{len(documents)} pages x {args.rounds} rounds under the profiler: {elapsed:.2f} s")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
