"""Head-to-head cold builds of one corpus by different versions of caregraph (or different flags), back to back,
so they see the same machine: wall and CPU time, peak RSS of the writer.

Each variant is ``LABEL=SRC_DIR`` (a copy of ``src/`` put first on ``PYTHONPATH``; ``-`` for the installed one),
optionally followed by ``+`` and ``caregraph build`` flags (``final-bulk=/tmp/snap/src+--bulk``).

Usage::

    python bench/compare_builds.py CORPUS before=/tmp/old/src final=- final-bulk=-+--bulk [--name compare-1k]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import sys
import tempfile
from pathlib import Path

from common import caregraph_cmd, run_measured, save


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("variants", nargs="+", help="LABEL=SRC_DIR[+FLAG+FLAG…]")
    parser.add_argument("--name", default="compare")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    runs = {}
    for variant in args.variants:
        label, _, spec = variant.partition("=")
        src, *flags = spec.split("+")
        env = dict(os.environ)
        if src and src != "-":
            env["PYTHONPATH"] = src
            compileall.compile_dir(src, quiet=1)  # its bytecode, as the installed one has (common.ensure_bytecode)
        store = Path(tempfile.mkdtemp(prefix="caregraph-compare-")) / "store"
        try:
            r = run_measured(
                [*caregraph_cmd(), "build", str(args.corpus), "--store", str(store), "-q", *flags],
                ok_codes=(0, 1),
                env=env,
            )
        finally:
            shutil.rmtree(store.parent, ignore_errors=True)
        r["loadavg_after"] = os.getloadavg()[0]
        runs[label] = r
        print(
            f"{label}: {r['wall_s']:.1f} s wall, {r['cpu_s']:.1f} CPU s, writer {r['peak_rss_main_mb']:.0f} MB",
            file=sys.stderr,
        )
    result = {
        "command": " ".join(["python", "bench/compare_builds.py", *(argv if argv is not None else sys.argv[1:])]),
        "corpus": str(args.corpus),
        "runs": runs,
    }
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
