"""Start-up benchmark: wall time of ``caregraph --help`` (and ``--version``, and ``build --help``), each a fresh process.

Usage::

    python bench/startup_bench.py [--runs 10] [--name startup]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from common import caregraph_cmd, save, wall


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--name", default="startup")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    cg = caregraph_cmd()
    result = {
        "command": " ".join(["python", "bench/startup_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "python_bare": wall([sys.executable, "-c", "pass"], args.runs),
        "help": wall([*cg, "--help"], args.runs),
        "version": wall([*cg, "--version"], args.runs),
        "build_help": wall([*cg, "build", "--help"], args.runs),
    }
    # The slowest imports of `caregraph --help`, for the profile.
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import sys; sys.argv=['caregraph','--help']; from caregraph.cli import main; main()",
        ],
        capture_output=True,
        text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = [p.strip() for p in line.split(":", 1)[1].split("|")]
            if parts[1].isdigit():
                rows.append((int(parts[1]), parts[2]))
    result["slowest_imports_us"] = [
        {"module": m.strip(), "cumulative_us": us} for us, m in sorted(rows, reverse=True)[:12]
    ]
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
