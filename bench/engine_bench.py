"""The engine's limit for an existing store: dump its quads to N-Quads and bulk-load exactly those quads into an
empty on-disk store in a fresh process (``pyoxigraph.Store.bulk_load``); optionally also through the transactional
``Store.load`` in 8 MB batches. The same measurement ``build_bench.py`` makes after its cold build, for stores built
some other way (``timed_build.py``).

Usage::

    python bench/engine_bench.py STORE [--transactional] [--name engine-10k-final] [--build-result partial-10k-final]

With ``--build-result NAME``, the ratios of that build (``bench/results/NAME.json``) to the baseline are added.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from build_bench import _ENGINE
from common import RESULTS, du, run_measured, save


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--transactional", action="store_true")
    parser.add_argument("--build-result", default=None)
    parser.add_argument("--name", default="engine")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    import pyoxigraph as ox

    work = Path(tempfile.mkdtemp(prefix="caregraph-engine-"))
    try:
        nq = work / "dump.nq"
        started = time.perf_counter()
        ox.Store.read_only(str(args.store)).dump(str(nq), format=ox.RdfFormat.N_QUADS)
        result: dict = {
            "command": " ".join(["python", "bench/engine_bench.py", *(argv if argv is not None else sys.argv[1:])]),
            "dump_s": time.perf_counter() - started,
            "nquads_mb": nq.stat().st_size / 1e6,
        }
        for mode in ("bulk_load", "load") if args.transactional else ("bulk_load",):
            target = work / mode
            result[mode] = run_measured([sys.executable, "-c", _ENGINE, mode, str(nq), str(target)])
            result[mode]["store_mb"] = du(target) / 1e6
            shutil.rmtree(target, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.build_result:
        build = json.loads((RESULTS / f"{args.build_result}.json").read_text())
        result["build"] = {"name": args.build_result, "wall_s": build["wall_s"], "cpu_s": build["cpu_s"]}
        result["ratio_wall"] = build["wall_s"] / result["bulk_load"]["wall_s"]
        result["ratio_cpu"] = build["cpu_s"] / result["bulk_load"]["cpu_s"]
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
