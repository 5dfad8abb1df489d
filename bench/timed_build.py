"""A cold ``caregraph build`` run for at most a given time, then interrupted with Ctrl-C (SIGINT, which the build
handles: exit 130, every finished document kept): how far it got, its CPU time and its memory over time.

For corpora too big to build to the end in the time at hand (the 100k corpus on a shared 2-core machine).

Usage::

    python bench/timed_build.py CORPUS --store DIR --seconds 1800 [--name partial-100k-bulk] [-- --bulk --jobs 2]

Arguments after ``--`` go to ``caregraph build``. Results: ``bench/results/NAME.json`` (RSS sampled every 30 s).
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from common import PeakRSS, caregraph_cmd, cpu_seconds_children, du, save


def main(argv: list[str] | None = None) -> dict:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--store", type=Path, required=True, help="emptied first")
    parser.add_argument("--seconds", type=float, default=1800)
    parser.add_argument("--name", default="timed-build")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    import pyoxigraph as ox

    shutil.rmtree(args.store, ignore_errors=True)
    cmd = [*caregraph_cmd(), "build", str(args.corpus), "--store", str(args.store), "-q", *extra]
    cpu0 = cpu_seconds_children()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples = []
    with PeakRSS(proc.pid) as rss:
        next_sample = 30.0
        while proc.poll() is None and time.perf_counter() - started < args.seconds:
            time.sleep(1)
            if time.perf_counter() - started >= next_sample:
                samples.append(
                    [round(time.perf_counter() - started), round(rss.peak_tree / 1e6), round(rss.peak_main / 1e6)]
                )
                next_sample += 30
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate()
    result = {
        "command": " ".join(["python", "bench/timed_build.py", *argv]),
        "build_command": " ".join(cmd),
        "time_limit_s": args.seconds,
        "wall_s": time.perf_counter() - started,
        "cpu_s": cpu_seconds_children() - cpu0,
        "exit": proc.returncode,
        "finished": proc.returncode in (0, 1),
        "peak_rss_mb": rss.peak_tree / 1e6,
        "peak_rss_main_mb": rss.peak_main / 1e6,
        "stderr_tail": err.decode(errors="replace")[-500:],
    }
    store = ox.Store.read_only(str(args.store))
    cg = "https://w3id.org/caregraph/ontology#"
    result["documents_built"] = sum(
        1 for _ in store.query(f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{cg}Document> ; <{cg}sha256> ?h }} }}")
    )
    result["quads"] = len(store)
    result["store_mb"] = du(args.store) / 1e6
    result["rss_samples_s_tree_main_mb"] = samples
    save(args.name, result, args.out)
    return result


if __name__ == "__main__":
    main()
