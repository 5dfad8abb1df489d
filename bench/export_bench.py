"""Export and push benchmark: ``caregraph export`` in every format and ``caregraph push`` to a local Oxigraph server.

Export runs through the CLI (``caregraph export --store S --format F --output FILE``) when the command exists,
else through the library (``caregraph.interop.export.export_to_path``), and says which. Push sends the whole store to an
``oxigraph serve`` started on a loopback port with an in-memory store (so the server's own disk does not count),
through the CLI (``caregraph push``) when it exists, else the library (``caregraph.interop.export.push``).

Usage::

    python bench/export_bench.py STORE [--formats nquads,ntriples,turtle,trig,jsonld,xml] [--no-push] [--name export-1e6]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import caregraph_cmd, run_measured, save


def has_command(name: str) -> bool:
    return subprocess.run([*caregraph_cmd(), name, "--help"], capture_output=True).returncode == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def export_library(store: Path, fmt: str, path: Path) -> dict:
    from caregraph.interop.export import export_to_path
    from caregraph.store import open_store

    started = time.perf_counter()
    with open_store(store, read_only=True) as st:
        summary = export_to_path(st, path, fmt)
    return {"wall_s": time.perf_counter() - started, "statements": summary.statements, "graphs": summary.graphs}


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--formats", default="nquads,ntriples,turtle,trig,jsonld,xml")
    parser.add_argument("--no-push", action="store_true")
    parser.add_argument("--name", default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        import caregraph.interop.export  # noqa: F401
    except ImportError:
        print("caregraph.interop.export does not exist yet: nothing to measure", file=sys.stderr)
        return None
    from caregraph.store import open_store

    with open_store(args.store, read_only=True) as st:
        quads = len(st)
    cli_export, cli_push = has_command("export"), has_command("push")
    result: dict = {
        "command": " ".join(["python", "bench/export_bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "store": str(args.store),
        "quads": quads,
        "export_via": "cli" if cli_export else "library",
        "export": {},
    }
    tmp = Path(tempfile.mkdtemp(prefix="caregraph-export-"))
    try:
        for fmt in filter(None, args.formats.split(",")):
            path = tmp / f"out.{fmt}"
            if cli_export:
                r = run_measured(
                    [*caregraph_cmd(), "export", "--store", str(args.store), "--format", fmt, "--output", str(path)]
                )
            else:
                r = export_library(args.store, fmt, path)
            r["mb"] = path.stat().st_size / 1e6
            r["quads_per_s"] = quads / r["wall_s"]
            r["mb_per_s"] = r["mb"] / r["wall_s"]
            result["export"][fmt] = r
            path.unlink()
            print(f"export {fmt}: {r['wall_s']:.2f} s, {r['mb']:.1f} MB", file=sys.stderr)
        server_binary = shutil.which("oxigraph") or (
            str(Path(sys.executable).with_name("oxigraph"))
            if Path(sys.executable).with_name("oxigraph").exists()
            else None
        )
        if not args.no_push and server_binary:
            port = free_port()
            server = subprocess.Popen(
                [server_binary, "serve", "--bind", f"127.0.0.1:{port}"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                endpoint = f"http://127.0.0.1:{port}/store"
                for _ in range(100):
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                        break
                    except OSError:
                        time.sleep(0.1)
                result["push_via"] = "cli" if cli_push else "library"
                if cli_push:
                    r = run_measured([*caregraph_cmd(), "push", "--store", str(args.store), "--endpoint", endpoint])
                else:
                    from caregraph.interop.export import push

                    started = time.perf_counter()
                    with open_store(args.store, read_only=True) as st:
                        s = push(st, endpoint)
                    r = {
                        "wall_s": time.perf_counter() - started,
                        "graphs": s.graphs,
                        "triples": s.triples,
                        "mb": s.bytes / 1e6,
                    }
                r["quads_per_s"] = quads / r["wall_s"]
                result["push"] = r
                print(f"push: {r['wall_s']:.2f} s", file=sys.stderr)
            finally:
                server.terminate()
                server.wait(10)
        elif not args.no_push:
            result["push"] = "skipped: no oxigraph server binary (pip install oxigraph)"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    save(args.name or f"export-{quads}", result, args.out)
    return result


if __name__ == "__main__":
    main()
