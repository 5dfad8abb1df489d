"""Helpers shared by the benchmark scripts: the machine, timing a command with its peak memory, results as JSON."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def caregraph_cmd() -> list[str]:
    """The ``caregraph`` command of this interpreter's environment (the console script when installed), with the
    package's bytecode written first (:func:`ensure_bytecode`)."""
    ensure_bytecode()
    script = Path(sys.executable).with_name("caregraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "caregraph.cli"]


_BYTECODE_WRITTEN: list[bool] = []


def ensure_bytecode() -> None:
    """Write the bytecode (``__pycache__``) of the caregraph package that this interpreter imports, once a run.

    ``pip install`` writes it, so a user's ``caregraph`` reads compiled modules at start-up. An editable install run
    with ``PYTHONDONTWRITEBYTECODE=1`` (as on the project's development machine) never writes it, so every command
    timed there would compile caregraph's source again: 30-40 ms more start-up than a user sees (measured on the
    query commands, stop 28). ``compileall`` writes it whatever that variable says."""
    if _BYTECODE_WRITTEN:
        return
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("caregraph")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
    _BYTECODE_WRITTEN.append(True)


def machine() -> dict[str, Any]:
    """The machine a result was measured on: Python, platform, CPUs, memory, engine versions, load, date."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1]
        info["memory_gb"] = round(int(mem) / 1e6, 1)
    except OSError:
        pass
    try:
        import pyoxigraph
        import rdflib

        info["pyoxigraph"] = pyoxigraph.__version__
        info["rdflib"] = rdflib.__version__
    except ImportError:
        pass
    info["loadavg_at_start"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    info["date"] = datetime.now(UTC).replace(microsecond=0).isoformat()
    return info


class PeakRSS:
    """Samples the resident memory of a process and its children (the build's workers) every 50 ms."""

    def __init__(self, pid: int):
        import psutil

        self.proc = psutil.Process(pid)
        self.peak_tree = 0
        self.peak_main = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                main = self.proc.memory_info().rss
                total = main
                for child in self.proc.children(recursive=True):
                    try:
                        total += child.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            self.peak_main = max(self.peak_main, main)
            self.peak_tree = max(self.peak_tree, total)
            self._stop.wait(0.05)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds_children() -> float:
    """User + system CPU time of this process's finished children so far."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_measured(
    cmd: list[str], *, ok_codes: tuple[int, ...] = (0,), env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``cmd``; its wall time, CPU time (it and its children) and peak RSS (whole process tree)."""
    cpu0 = cpu_seconds_children()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    with PeakRSS(proc.pid) as rss:
        _, err = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    return {
        "wall_s": wall,
        "cpu_s": cpu_seconds_children() - cpu0,
        "peak_rss_mb": rss.peak_tree / 1e6,
        "peak_rss_main_mb": rss.peak_main / 1e6,
        "exit": proc.returncode,
    }


def wall(cmd: list[str], runs: int = 5, ok_codes: tuple[int, ...] = (0,)) -> dict[str, Any]:
    """Median and min wall time, and median CPU time, of ``runs`` runs of ``cmd`` (output discarded)."""
    times, cpu = [], []
    for _ in range(runs):
        cpu0 = cpu_seconds_children()
        started = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - started)
        cpu.append(cpu_seconds_children() - cpu0)
        if done.returncode not in ok_codes:
            raise RuntimeError(
                f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}"
            )
    # CPU time (user + system) depends much less than wall time on what else the machine is running.
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "cpu_median_s": statistics.median(cpu),
        "runs": runs,
    }


def timed(fn: Callable[[], object], runs: int = 5, warmup: int = 1) -> dict[str, Any]:
    """Median and min wall time of ``runs`` calls of ``fn`` after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return {"median_s": statistics.median(times), "min_s": min(times), "runs": runs}


def save(name: str, result: dict[str, Any], out: Path | None = None) -> Path:
    """Write ``result`` (with the machine) to ``bench/results/NAME.json`` (or ``out``) and print it."""
    result = {"machine": machine(), **result}
    path = out or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1, default=str) + "\n")
    print(json.dumps(result, indent=1, default=str))
    return path


def du(path: Path) -> int:
    """Bytes in the files under ``path``."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())
