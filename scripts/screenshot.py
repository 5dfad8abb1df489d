"""Screenshots of the seed documents' pages for the docs, made with headless Chromium's ``--screenshot``.

Builds data/ into a temporary store, writes the network page (``caregraph viz``) and Surrey's timeline
(``caregraph viz --timeline --council Surrey``), and has Chromium draw each one, with a virtual-time budget long
enough for the layout to settle, into docs/img/.

    python scripts/screenshot.py                 # docs/img/seeds-graph.png, docs/img/seeds-timeline.png
    python scripts/screenshot.py --out /tmp/img --width 1600 --height 1000
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium() -> str:
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)  # type: ignore[return-value]
    sys.exit("screenshot: Chromium not found (apt-get install chromium, or set $CHROMIUM)")


def shoot(page: Path, png: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory(prefix="caregraph-shot-") as profile:
        args = [
            chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=20000",
            f"--screenshot={png}",
            page.as_uri(),
        ]
        subprocess.run(args, check=True, capture_output=True, timeout=120)
    if not png.is_file() or png.stat().st_size < 10_000:
        sys.exit(f"screenshot: Chromium wrote no picture of {page}")
    print(png)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    args = parser.parse_args()

    from caregraph.explore.network import Selection, entity_graph
    from caregraph.explore.viz import network_page, timeline_page, write_page
    from caregraph.pipeline.build import build
    from caregraph.store import open_store

    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    os.chdir(ROOT)  # documents are recorded by the path given: keep it relative (data/…)
    with tempfile.TemporaryDirectory(prefix="caregraph-screenshot-") as tmp:
        tmp_path = Path(tmp)
        with open_store(tmp_path / "store") as store:
            summary = build(store, [Path("data")])
            if summary.failures:
                sys.exit(f"screenshot: the seeds did not build: {summary.failures}")
            graph = entity_graph(store, Selection())
            timeline = entity_graph(store, Selection(council="Surrey"))
        shoot(
            write_page(network_page(graph, heading="caregraph: the five seed documents"), tmp_path / "graph.html"),
            args.out / "seeds-graph.png",
            args.width,
            args.height,
        )
        shoot(
            write_page(timeline_page(timeline), tmp_path / "timeline.html"), args.out / "seeds-timeline.png", 1000, 1400
        )


if __name__ == "__main__":
    main()
