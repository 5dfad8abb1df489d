"""How long ``caregraph viz`` takes to make a page, and a browser to make it settled and interactive, at 500, 2,000
and 10,000 entities.

Builds synthetic stores shaped like real ones (per council: committees, meetings, agenda items, decisions,
follow-ups, graded inspections, posts and the people who hold them; shared organisations and practice models;
every fact reified with its evidence quote, as the mapping stage writes it), then for each size:

- generation: ``caregraph viz --all --max-nodes 0 --out …`` run as a command (wall time, including start-up), and the
  same split by stage in-process (select = SPARQL + networkx, render = pyvis + template, page size);
- browser: the page opened from file:// in headless Chromium (Debian's), time from navigation to a settled page
  (vis-network's ``stabilizationIterationsDone`` with physics then switched off, or the first drawing when physics
  is off above 1,000 nodes), as the page itself records it (``performance.now()``), plus the wall time seen from
  outside; and the count of network requests and console errors (both must be 0).

Each figure is the median of ``--runs`` runs (``*_best_s``: the fastest run, the better guess on a busy machine);
the 1-minute load average when a size starts is recorded too.

    python bench/viz_bench.py                      # 500, 2000, 10000; 3 browser runs each
    python bench/viz_bench.py --sizes 500 --runs 1 --json out.json
    python bench/viz_bench.py --sizes 10000 --runs 1 --keep /tmp/viz && python bench/viz_bench.py --breakdown /tmp/viz/store-10000
    python bench/viz_bench.py --sizes 150 --stores-only /tmp/viz     # just the synthetic store (tests/test_bench_smoke.py)

``--corpus N`` measures what a user of N real-shaped papers sees instead (issue 15 §4): it generates N papers with
``bench/generate.py``, builds them, and for ``caregraph viz`` as a user runs it (the default page, ``--max-nodes 500``,
``--max-nodes 0``) records the entities drawn by class, the inspections kept of all those in the store, the
councils drawn, the command's wall time, and in a 1,024 × 768 Chromium: the time to a settled page, the labels drawn,
how many of them are smaller than 11 px, how many pairs overlap, and the councils whose name can be read. Only the
command line and the page are used, so the same script measures older code (``PYTHONPATH=old/src``).

    python bench/viz_bench.py --corpus 300 --runs 3 --json /tmp/viz-corpus.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

CG = "https://w3id.org/caregraph/ontology#"
ID = "https://w3id.org/caregraph/id/"
VOCAB = "https://w3id.org/caregraph/vocab/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

ENTITIES_PER_COUNCIL = 50
GRADES = ("outstanding", "good", "requires-improvement", "inadequate", None)
KINDS = ("ilacs", "focused-visit", "monitoring-visit", "jtai", "ilacs")
ORGS = ("ofsted", "dfe", "childrens-commissioner", "police", "nhs-trust", "hmi-probation", "cqc", "lga")
MODELS = (
    "family-safeguarding",
    "mockingbird",
    "no-wrong-door",
    "signs-of-safety",
    "restorative-practice",
    "systemic-practice",
    "hertfordshire-model",
    "pause",
    "front-door",
    "family-group-conferencing",
)


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def L(value, datatype: str | None = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=N(XSD + datatype)) if datatype else ox.Literal(str(value))


def council_quads(k: int, rng: random.Random) -> list[ox.Quad]:
    """One synthetic council paper: about 50 entities and their facts, each fact reified with evidence."""
    doc = f"{ID}doc/synthetic{k:08d}"
    g = N(doc)
    council = f"{ID}council/synthetic-{k}"
    quads: list[ox.Quad] = []
    facts: list[tuple[str, str, ox.NamedNode | ox.Literal]] = []

    def typed(iri: str, cls: str, label: str, name_pred: str = RDFS + "label") -> str:
        facts.append((iri, RDF + "type", N(CG + cls)))
        facts.append((iri, name_pred, L(label)))
        return iri

    typed(council, "Council", f"Synthetic Borough Council {k}")
    for o in ORGS:
        typed(f"{ID}org/{o}", "Organisation", o.replace("-", " ").title(), SKOS + "prefLabel")
    local = typed(
        f"{ID}org/safeguarding-partnership/synthetic-{k}",
        "Organisation",
        f"Synthetic {k} Safeguarding Partnership",
        SKOS + "prefLabel",
    )
    facts.append((local, CG + "category", L("safeguarding-partnership")))
    for m in rng.sample(MODELS, 2):
        iri = typed(f"{ID}practice-model/{m}", "PracticeModel", m.replace("-", " ").title(), SKOS + "prefLabel")
        facts.append((council, CG + "practiceModel", N(iri)))
    posts = []
    for i in range(6):
        post = typed(f"{council}/post/post-{i}", "Post", f"Director of Service {i}, council {k}", SKOS + "prefLabel")
        facts.append((post, ORG + "postIn", N(council)))
        person = typed(f"{council}/person/person-{i}", "Person", f"Person {k}-{i}", FOAF + "name")
        facts.append((person, ORG + "holds", N(post)))
        posts.append(post)
    decisions = []
    for b, body_name in enumerate(("cabinet", "scrutiny", "corporate-parenting-board")):
        body = typed(
            f"{council}/body/{body_name}", "Committee", body_name.replace("-", " ").title(), SKOS + "prefLabel"
        )
        facts.append((body, CG + "council", N(council)))
        facts.append((body, ORG + "unitOf", N(council)))
        for m in range(2):
            date = f"{2015 + rng.randrange(10)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            meeting = typed(f"{body}/meeting/{date}-{m}", "Meeting", f"{body_name}, {date}")
            facts += [
                (meeting, CG + "body", N(body)),
                (meeting, CG + "council", N(council)),
                (meeting, CG + "date", L(date, "date")),
            ]
            item = typed(f"{meeting}/item/{m + 1}", "AgendaItem", f"Children's services improvement update {m + 1}")
            facts.append((meeting, CG + "agendaItem", N(item)))
            for d in range(2):
                text = f"That the report on children's services improvement ({k}.{b}.{m}.{d}) be noted and progress reviewed."
                decision = typed(f"{meeting}/decision/{d + 1}", "Decision", text[:80])
                facts += [
                    (decision, CG + "madeAt", N(meeting)),
                    (decision, CG + "text", L(text)),
                    (decision, CG + "outcome", N(VOCAB + "outcome/noted")),
                ]
                decisions.append(decision)
    for f in range(4):
        due = f"{2016 + rng.randrange(9)}-{rng.randrange(1, 13):02d}"
        follow = typed(f"{decisions[f]}/follow-up/{due}", "FollowUp", f"Report back on progress by {due}")
        facts += [(follow, CG + "followUpOf", N(decisions[f])), (follow, CG + "due", L(due, "gYearMonth"))]
    for i in range(5):
        start = f"{2014 + 2 * i}-{rng.randrange(1, 13):02d}"
        insp = f"{council}/inspection/{KINDS[i]}/{start}"
        facts += [
            (insp, RDF + "type", N(CG + "Inspection")),
            (insp, RDFS + "label", L(f"{KINDS[i]}, synthetic-{k}, {start}")),
        ]
        facts += [
            (insp, CG + "council", N(council)),
            (insp, CG + "kind", N(f"{VOCAB}kind/{KINDS[i]}")),
            (insp, CG + "inspectorate", N(f"{ID}org/ofsted")),
            (insp, CG + "startDate", L(start, "gYearMonth")),
            (insp, CG + "planned", L("false", "boolean")),
        ]
        grade = rng.choice(GRADES) if KINDS[i] == "ilacs" else None
        if grade:
            facts.append((insp, CG + "judgement", N(f"{VOCAB}judgement/{grade}")))
    # The document, and the provenance of every fact as the mapping writes it: a span per three facts reifies them.
    quads += [
        ox.Quad(g, N(RDF + "type"), N(CG + "Document"), g),
        ox.Quad(g, N(DCT + "title"), L(f"Children's services improvement, council {k}"), g),
        ox.Quad(g, N(DCT + "publisher"), N(council), g),
        ox.Quad(g, N(CG + "sourceUrl"), L(f"https://example.org/council-{k}/paper", "anyURI"), g),
    ]
    mentioned = set()
    for n, (s, p, o) in enumerate(facts):
        quads.append(ox.Quad(N(s), N(p), o, g))
        if p == RDF + "type" and s not in mentioned:
            mentioned.add(s)
            quads.append(ox.Quad(g, N(CG + "mentions"), N(s), g))
        ev = N(f"{doc}/evidence/{n // 3 * 100}-{n // 3 * 100 + 90}")
        if n % 3 == 0:
            quads += [
                ox.Quad(
                    ev,
                    N(OA + "exact"),
                    L(f"Sentence {n // 3} of council {k}'s paper, about children's services and what Ofsted found."),
                    g,
                ),
                ox.Quad(ev, N(OA + "start"), L(n // 3 * 100, "integer"), g),
                ox.Quad(ev, N(OA + "end"), L(n // 3 * 100 + 90, "integer"), g),
            ]
        quads.append(ox.Quad(ev, N(RDF + "reifies"), ox.Triple(N(s), N(p), o), g))  # RDF 1.2: the span reifies it
    return quads


def synthetic_store(path: Path, entities: int, seed: int = 1) -> int:
    """A store at ``path`` with about ``entities`` entities; returns the quad count."""
    from caregraph.store import Store

    rng = random.Random(seed)
    councils = max(1, round((entities - len(ORGS) - len(MODELS)) / (ENTITIES_PER_COUNCIL - 2)))
    store = Store(path)
    try:
        store.ensure_reference_graphs()
        for k in range(councils):
            store.ox.extend(council_quads(k, rng))
        return len(store)
    finally:
        store.close()


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu or platform.processor()}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def measure(size: int, runs: int, work: Path, browser) -> dict:
    from caregraph.explore.network import Selection, entity_graph
    from caregraph.explore.viz import network_page, write_page
    from caregraph.store import open_store

    store = work / f"store-{size}"
    t = time.perf_counter()
    quads = synthetic_store(store, size)
    built = time.perf_counter() - t
    page = work / f"viz-{size}.html"
    # The command, as a user runs it (start-up, store open, select, render, write).
    cmd = [
        sys.executable,
        "-m",
        "caregraph.cli",
        "viz",
        "--store",
        str(store),
        "--all",
        "--max-nodes",
        "0",
        "--out",
        str(page),
    ]
    import resource

    load = os.getloadavg()[0]
    command, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        command.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    # The same, by stage.
    select, render, select_cpu, render_cpu = [], [], [], []
    for _ in range(runs):
        with open_store(store, read_only=True) as st:
            t, c = time.perf_counter(), time.process_time()
            g = entity_graph(st, Selection())
            select.append(time.perf_counter() - t)
            select_cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        write_page(network_page(g), page)
        render.append(time.perf_counter() - t)
        render_cpu.append(time.process_time() - c)
    nodes, edges = g.number_of_nodes(), g.number_of_edges()
    settled, wall, requests, errors = [], [], 0, 0
    for _ in range(runs):
        t = time.perf_counter()
        tab = browser.open(page.as_uri(), wait_for="window.caregraph && window.caregraph.ready", timeout=600)
        wall.append(time.perf_counter() - t)
        settled.append(tab.evaluate("window.caregraph.readyMs") / 1000)
        count = tab.evaluate("[caregraph.network.body.data.nodes.length, caregraph.network.body.data.edges.length]")
        assert count[0] == nodes, (count, nodes)
        requests += len(tab.requests)
        errors += len(tab.errors)
        browser.send("Target.closeTarget", {"targetId": tab.target})
    return {
        "entities": nodes,
        "relations": edges,
        "quads": quads,
        "store_build_s": round(built, 2),
        "command_s": round(statistics.median(command), 2),
        "command_best_s": round(min(command), 2),
        "command_cpu_s": round(statistics.median(cpu), 2),
        "load_average": round(load, 1),
        "select_s": round(statistics.median(select), 2),
        "select_best_s": round(min(select), 2),
        "render_s": round(statistics.median(render), 2),
        "render_best_s": round(min(render), 2),
        "select_cpu_s": round(statistics.median(select_cpu), 2),
        "render_cpu_s": round(statistics.median(render_cpu), 2),
        "page_mb": round(page.stat().st_size / 1e6, 2),
        "physics": nodes <= 1000,
        "browser_settled_s": round(statistics.median(settled), 2),
        "browser_settled_best_s": round(min(settled), 2),
        "browser_wall_s": round(statistics.median(wall), 2),
        "requests": requests,
        "console_errors": errors,
        "runs": runs,
    }


def breakdown(store: Path) -> None:
    """CPU seconds of each catalogue query, of the rest of the catalogue, and of the networkx graph, for one store."""
    import caregraph.explore.catalogue as cat_module
    import caregraph.explore.network as nw
    from caregraph.store import open_store

    query = cat_module._query

    def timed(st, text):
        c = time.process_time()
        rows = list(query(st, text))
        print(f"  query {time.process_time() - c:6.2f} s CPU {len(rows):>7,} rows  {' '.join(text.split())[:70]}")
        return rows

    cat_module._query = timed
    try:
        with open_store(store, read_only=True) as st:
            c = time.process_time()
            cat = nw.load_catalogue(st)
            print(f"catalogue {time.process_time() - c:.2f} s CPU (queries above, the rest turning rows into Python)")
            c = time.process_time()
            g = nw.entity_graph(st, catalogue=cat)
            print(f"graph and tooltips {time.process_time() - c:.2f} s CPU: {g.number_of_nodes():,} entities")
    finally:
        cat_module._query = query


CORPUS_VARIANTS = (
    ("default", []),
    ("--max-nodes 500", ["--max-nodes", "500"]),
    ("--all -n 500", ["--all", "--max-nodes", "500"]),  # every entity, as older code's default view was
    ("--max-nodes 0", ["--max-nodes", "0"]),
)
LABELS_JS = """(function () {
  var net = window.caregraph.network, scale = net.getScale(), out = [];
  net.body.nodeIndices.forEach(function (id) {
    var label = net.body.nodes[id].labelModule;
    if (!label.elementOptions.label || !label.visible()) { return; }
    var max = label.elementOptions.scaling.label.maxVisible || 30;
    var a = net.canvasToDOM({x: label.size.left, y: label.size.top});
    var b = net.canvasToDOM({x: label.size.left + label.size.width, y: label.size.top + label.size.height});
    out.push({px: Math.min(label.fontOptions.size * scale, max), cls: window.caregraph.nodes.get(id).cls, box: [a.x, a.y, b.x, b.y]});
  });
  return out;
})()"""


def _overlaps(labels: list[dict]) -> int:
    count = 0
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            w = min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0])
            h = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
            count += w > 2 and h > 2
    return count


def corpus(size: int, runs: int, work: Path) -> list[dict]:
    """``caregraph viz`` on ``size`` generated papers, as a user runs it (see the module's doc)."""
    import re

    from caregraph.testing.browser import Browser

    here = Path(__file__).resolve().parent
    papers = work / f"corpus-{size}"
    store = work / f"corpus-store-{size}"
    subprocess.run(
        [sys.executable, str(here / "generate.py"), str(papers), "--size", str(size)], check=True, capture_output=True
    )
    cli = [sys.executable, "-m", "caregraph.cli"]
    subprocess.run(
        [*cli, "build", str(papers / "docs"), "--manifest", str(papers / "manifest.csv"), "--store", str(store)],
        check=True,
        capture_output=True,
    )
    stats = json.loads(
        subprocess.run(
            [*cli, "stats", "--store", str(store), "--format", "json"], check=True, capture_output=True, text=True
        ).stdout
    )
    in_store = stats["entities"]
    results: list[dict] = []
    with Browser(width=1024, height=768, timeout=600) as browser:
        for name, args in CORPUS_VARIANTS:
            page = work / f"corpus-{size}-{len(results)}.html"
            import resource

            walls, cpus = [], []
            for _ in range(runs):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                done = subprocess.run(
                    [*cli, "viz", "--store", str(store), *args, "--out", str(page)], capture_output=True
                )
                walls.append(time.perf_counter() - t)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if done.returncode:  # an option older code does not have
                print(
                    json.dumps({"view": name, "error": done.stderr.decode(errors="replace").strip()[-200:]}), flush=True
                )
                continue
            html = page.read_text(encoding="utf-8")
            nodes = json.loads(re.search(r"var nodeData = (.*?);\n", html).group(1))
            drawn: dict[str, int] = {}
            for n in nodes:
                drawn[n["cls"]] = drawn.get(n["cls"], 0) + 1
            settled = []
            for _ in range(runs):
                tab = browser.open(page.as_uri(), wait_for="window.caregraph && window.caregraph.ready", timeout=600)
                settled.append(tab.evaluate("window.caregraph.readyMs") / 1000)
                browser.pump(0.3)
                labels = tab.evaluate(LABELS_JS)
                browser.send("Target.closeTarget", {"targetId": tab.target})
            results.append(
                {
                    "papers": size,
                    "view": name,
                    "entities_in_store": sum(in_store.values()),
                    "entities_drawn": len(nodes),
                    "drawn_by_class": dict(sorted(drawn.items(), key=lambda kv: -kv[1])),
                    "inspections_kept": drawn.get("Inspection", 0),
                    "inspections_in_store": in_store.get("Inspection", 0),
                    "councils_drawn": drawn.get("Council", 0),
                    "command_s": round(statistics.median(walls), 2),
                    "command_cpu_s": round(statistics.median(cpus), 2),
                    "browser_settled_s": round(statistics.median(settled), 2),
                    "labels_drawn": len(labels),
                    "labels_under_11px": sum(1 for lab in labels if lab["px"] < 11),
                    "label_overlaps": _overlaps(labels),
                    "council_names_readable": sum(1 for lab in labels if lab["cls"] == "Council" and lab["px"] >= 11),
                    "runs": runs,
                }
            )
            print(json.dumps(results[-1]), flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    parser.add_argument("--keep", type=Path, help="Keep the stores and pages in this folder.")
    parser.add_argument(
        "--breakdown",
        type=Path,
        metavar="STORE",
        help="Only print where select's CPU time goes for this store, e.g. a kept store-10000.",
    )
    parser.add_argument(
        "--stores-only",
        type=Path,
        metavar="FOLDER",
        help="Only write the synthetic stores (FOLDER/store-SIZE for each of --sizes) and their quad counts; no browser.",
    )
    parser.add_argument(
        "--corpus",
        type=int,
        metavar="N",
        help="Measure the pages a user of N generated papers gets (default view, --max-nodes 500 and 0) at 1,024 px.",
    )
    args = parser.parse_args()
    if args.corpus:
        work = args.keep or Path(tempfile.mkdtemp(prefix="caregraph-viz-corpus-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            results = corpus(args.corpus, args.runs, work)
        finally:
            if args.keep is None:
                shutil.rmtree(work, ignore_errors=True)
        print(
            f"\n{'view':<16} {'drawn':>6} {'inspections':>12} {'councils':>8} {'command s':>9} {'cpu s':>5} {'settled s':>9} {'labels':>6} {'<11px':>5} {'overlaps':>8} {'names':>5}"
        )
        for r in results:
            kept = f"{r['inspections_kept']}/{r['inspections_in_store']}"
            print(
                f"{r['view']:<16} {r['entities_drawn']:>6} {kept:>12} {r['councils_drawn']:>8} {r['command_s']:>9} {r['command_cpu_s']:>5} {r['browser_settled_s']:>9} {r['labels_drawn']:>6} {r['labels_under_11px']:>5} {r['label_overlaps']:>8} {r['council_names_readable']:>5}"
            )
        print(
            f"\n{machine()}; {time.strftime('%Y-%m-%d')}; {args.corpus} papers, {results[0]['entities_in_store']:,} entities"
        )
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "command": " ".join(["python", "bench/viz_bench.py", *sys.argv[1:]]),
                        "machine": machine(),
                        "results": results,
                    },
                    indent=1,
                )
                + "\n",
                encoding="utf-8",
            )
        return
    if args.breakdown:
        breakdown(args.breakdown)
        return
    if args.stores_only:
        for size in args.sizes:
            print(json.dumps({"size": size, "quads": synthetic_store(args.stores_only / f"store-{size}", size)}))
        return

    from caregraph.testing.browser import Browser

    work = args.keep or Path(tempfile.mkdtemp(prefix="caregraph-viz-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        with Browser(width=1400, height=900, timeout=600) as browser:
            chromium = browser.version.get("product", "?")
            for size in args.sizes:
                r = measure(size, args.runs, work, browser)
                results.append(r)
                print(json.dumps(r), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "chromium": chromium,
        "command": " ".join(["python", "bench/viz_bench.py", *sys.argv[1:]]),
        "results": results,
    }
    print()
    print(
        f"{'target':>7} {'entities':>8} {'relations':>9} {'command s':>9} {'cpu s':>6} {'select s':>8} {'render s':>8} {'page MB':>7} {'physics':>7} {'settled s':>9} {'wall s':>6} {'req':>3} {'err':>3} {'load':>5}"
    )
    for size, r in zip(args.sizes, results, strict=False):
        print(
            f"{size:>7} {r['entities']:>8} {r['relations']:>9} {r['command_s']:>9} {r['command_cpu_s']:>6} {r['select_s']:>8} {r['render_s']:>8} {r['page_mb']:>7} {('on' if r['physics'] else 'off'):>7} {r['browser_settled_s']:>9} {r['browser_wall_s']:>6} {r['requests']:>3} {r['console_errors']:>3} {r['load_average']:>5}"
        )
    print(f"\n{report['machine']}; {chromium}; {report['date']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
