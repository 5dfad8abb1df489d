"""An extended fuzzing campaign over the loader, the segmenter and the extractors.

The properties are the ones tests/test_fuzz.py checks (both import caregraph.testing.invariants): no exception
escapes but LoadError/ManifestError for bad input; segments and evidence spans stay inside the text
(``text[start:end] == quote``). Inputs come from a seeded ``random.Random`` per worker (fast, reproducible):
random bytes, text in several encodings, HTML made of tag fragments, manifests, mutated PDFs, random Unicode,
text made of the words the rules look for, and mutated real documents (data/, plus ../shared/corpus/docs when it
is there). A case slower than --slow seconds is reported too (a hint of super-linear time).

    python bench/fuzz_campaign.py --cases 100000 --seconds 3000 --workers 2 --out bench/results/fuzz.json

Each failing input is written to --failures (default bench/results/fuzz-failures/) with the target's name, so it
can be replayed: ``python bench/fuzz_campaign.py --replay FILE``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from caregraph.testing import invariants as props  # the properties, the same ones tests/test_fuzz.py checks

ROOT = Path(__file__).resolve().parent.parent

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]


def seeds(extra: Path | None) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.txt"))]
    if extra and extra.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(extra.glob("*.txt"))]
    return texts


def rand_text(rng: random.Random, n: int) -> str:
    pools = [
        lambda: chr(rng.randrange(32, 127)),
        lambda: chr(rng.randrange(0, 0x3000)),
        lambda: chr(
            rng.choice(
                [
                    0x2019,
                    0x201C,
                    0x201D,
                    0x2013,
                    0x2014,
                    0x202E,
                    0x200F,
                    0x2066,
                    0xFEFF,
                    0x00A0,
                    0x2028,
                    0x0085,
                    0x1B,
                    0x07,
                    0x00,
                ]
            )
        ),
        lambda: chr(rng.randrange(0x10000, 0x10FFFF)) if rng.random() < 0.5 else chr(rng.randrange(0xE000, 0xFFFE)),
    ]
    return "".join(rng.choice(pools)() for _ in range(n))


def rand_bytes(rng: random.Random, n: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(n))


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randrange(0, 10)):
        if not text:
            break
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randrange(0, 500))
        op = rng.choice(
            ["insert", "word", "word", "delete", "duplicate", "upper", "lower", "newlines", "truncate", "swap", "noise"]
        )
        if op == "insert":
            text = text[:i] + rand_text(rng, rng.randrange(1, 40)) + text[i:]
        elif op == "word":
            text = text[:i] + rng.choice(props.WORDS) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * rng.randrange(1, 4) + text[j:]
        elif op == "upper":
            text = text[:i] + text[i:j].upper() + text[j:]
        elif op == "lower":
            text = text[:i] + text[i:j].lower() + text[j:]
        elif op == "newlines":
            text = text[:i] + text[i:j].replace("\n", " ").replace(". ", ".\n") + text[j:]
        elif op == "truncate":
            text = text[:i]
        elif op == "swap":
            text = text[j:] + text[:i] + text[i:j]
        elif op == "noise":
            text = (
                text[:i]
                + "".join(rng.choice(" \n\t.,;:()[]•-–’“”0123456789") for _ in range(rng.randrange(1, 30)))
                + text[j:]
            )
    return text


def make_case(rng: random.Random, texts: list[str], pdf: bytes) -> tuple[str, object]:
    """(target, input) for one case."""
    target = rng.choices(
        ["decode", "decode_text", "html", "manifest", "load", "pdf", "text", "rule_text", "mutated"],
        weights=[8, 8, 12, 6, 6, 5, 10, 15, 30],
    )[0]
    if target == "decode":
        return target, rand_bytes(rng, rng.randrange(0, 4000))
    if target == "decode_text":
        text = rand_text(rng, rng.randrange(0, 600)) if rng.random() < 0.5 else mutate(rng, rng.choice(texts))[:3000]
        return "decode", text.encode(rng.choice(ENCODINGS), errors="replace")
    if target == "html":
        parts = [
            rng.choice(props.HTML_BITS) if rng.random() < 0.6 else rand_text(rng, rng.randrange(0, 10))
            for _ in range(rng.randrange(0, 200))
        ]
        return target, "".join(parts)
    if target == "manifest":
        return target, "".join(
            rng.choice(props.MANIFEST_BITS) if rng.random() < 0.7 else rand_text(rng, 5)
            for _ in range(rng.randrange(0, 60))
        ).encode("utf-8", "surrogatepass")
    if target == "load":
        suffix = rng.choice([".txt", ".html", ".pdf"])
        if suffix == ".pdf":
            return target, (suffix, _mutate_bytes(rng, pdf))
        if rng.random() < 0.5:
            raw = mutate(rng, rng.choice(texts))[:4000].encode(rng.choice(ENCODINGS), errors="replace")
        else:
            raw = rand_bytes(rng, rng.randrange(0, 2000))
        return target, (suffix, raw)
    if target == "pdf":
        return target, _mutate_bytes(rng, pdf)
    if target == "text":
        return target, rand_text(rng, rng.randrange(0, 2000))
    if target == "rule_text":
        return target, " ".join(
            rng.choice(props.WORDS) if rng.random() < 0.7 else rand_text(rng, rng.randrange(0, 12))
            for _ in range(rng.randrange(0, 120))
        )
    return "text", mutate(rng, rng.choice(texts))


def _mutate_bytes(rng: random.Random, raw: bytes) -> bytes:
    for _ in range(rng.randrange(1, 8)):
        pos = rng.randrange(len(raw))
        raw = raw[:pos] + rand_bytes(rng, rng.randrange(0, 8)) + raw[pos + rng.randrange(0, 16) :]
    return raw


def run_case(target: str, value, folder: Path) -> None:
    if target == "decode":
        props.check_decode(value)
    elif target == "html":
        props.check_html(value)
    elif target == "manifest":
        props.check_manifest(value, folder)
    elif target == "load":
        suffix, raw = value
        props.check_load(raw, suffix, folder)
    elif target == "pdf":
        props.check_pdf(value)
    else:
        props.check_text(value)


def _encode(target: str, value) -> bytes:
    if target == "load":
        suffix, raw = value
        return suffix.encode() + b"\n" + raw
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")


def _decode(target: str, data: bytes):
    if target == "load":
        suffix, _, raw = data.partition(b"\n")
        return suffix.decode(), raw
    if target in ("decode", "manifest", "pdf"):
        return data
    return data.decode("utf-8", "surrogatepass")


def worker(args: tuple[int, int, float, float, str, str | None]) -> dict:
    index, cases, deadline, slow, failures_dir, extra = args
    rng = random.Random(index)
    texts = seeds(Path(extra) if extra else None)
    pdf = props.SEED_PDF
    stats = {"cases": 0, "failures": [], "slow": [], "by_target": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text("Surrey County Council", encoding="utf-8")
        while stats["cases"] < cases and time.monotonic() < deadline:
            target, value = make_case(rng, texts, pdf)
            started = time.perf_counter()
            try:
                run_case(target, value, folder)
                error = None
            except Exception as exc:  # the property failed: keep the input
                error = f"{type(exc).__name__}: {exc}"[:500]
                tb = traceback.format_exc(limit=-3)
            elapsed = time.perf_counter() - started
            stats["cases"] += 1
            stats["by_target"][target] = stats["by_target"].get(target, 0) + 1
            if error is not None or elapsed > slow:
                Path(failures_dir).mkdir(parents=True, exist_ok=True)
                name = Path(failures_dir) / f"{target}-{index}-{stats['cases']}.bin"
                name.write_bytes(_encode(target, value))
                record = {"target": target, "file": str(name), "seconds": round(elapsed, 3)}
                if error is not None:
                    stats["failures"].append({**record, "error": error, "traceback": tb})
                else:
                    stats["slow"].append(record)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000, help="total cases over all workers")
    parser.add_argument("--seconds", type=float, default=3600, help="stop after this long, whatever the count")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1, help="worker i uses seed + i")
    parser.add_argument("--slow", type=float, default=5.0, help="report a case slower than this many seconds")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ROOT.parent / "shared" / "corpus" / "docs",
        help="more seed documents (*.txt), when present",
    )
    parser.add_argument("--failures", type=Path, default=ROOT / "bench" / "results" / "fuzz-failures")
    parser.add_argument("--out", type=Path, help="write the summary here as JSON")
    parser.add_argument("--replay", type=Path, help="run one saved failing input and show the traceback")
    args = parser.parse_args()

    if args.replay:
        target = args.replay.name.split("-", 1)[0]
        value = _decode(target, args.replay.read_bytes())
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "a.txt").write_text("Surrey County Council", encoding="utf-8")
            started = time.perf_counter()
            run_case(target, value, Path(tmp))
        print(f"{args.replay}: passes ({time.perf_counter() - started:.2f} s)")
        return 0

    started = time.monotonic()
    deadline = started + args.seconds
    per = [args.cases // args.workers + (1 if i < args.cases % args.workers else 0) for i in range(args.workers)]
    jobs = [
        (args.seed + i, per[i], deadline, args.slow, str(args.failures), str(args.corpus) if args.corpus else None)
        for i in range(args.workers)
    ]
    if args.workers == 1:
        results = [worker(jobs[0])]
    else:
        with multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn").Pool(
            args.workers
        ) as pool:
            results = pool.map(worker, jobs)
    seconds = time.monotonic() - started
    by_target: dict[str, int] = {}
    for r in results:
        for k, v in r["by_target"].items():
            by_target[k] = by_target.get(k, 0) + v
    summary = {
        "command": "python " + " ".join([os.path.relpath(__file__, ROOT), *sys.argv[1:]]),
        "cases": sum(r["cases"] for r in results),
        "failures": [f for r in results for f in r["failures"]],
        "slow": [s for r in results for s in r["slow"]],
        "seconds": round(seconds, 1),
        "cases_per_second": round(sum(r["cases"] for r in results) / seconds, 1) if seconds else None,
        "by_target": dict(sorted(by_target.items())),
        "workers": args.workers,
        "seed": args.seed,
        "python": sys.version.split()[0],
    }
    text = json.dumps(summary, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text if len(text) < 20_000 else text[:20_000] + "\n…")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
