"""The HTML of the pages (Jinja templates, autoescaped): the network page and the timeline page. Their text from
documents arrives as JSON data or escaped HTML only (see :mod:`caregraph.explore.viz`)."""

HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-{{ nonce }}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="caregraph">
<title>{{ heading }}</title>
"""

NETWORK = (
    HEAD
    + """<style>{{ vis_css|safe }}</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; background: #fafafa; }
  body { display: flex; flex-direction: column; }
  header { padding: 8px 14px 6px; border-bottom: 1px solid #ddd; background: #fff; }
  h1 { font-size: 18px; margin: 0 0 2px; font-weight: 600; }
  .sub { color: #555; font-size: 13px; }
  .notes { margin: 4px 0 0; padding-left: 18px; color: #8a4b00; font-size: 13px; }
  .toolbar { display: flex; gap: 8px; align-items: center; margin-top: 6px; flex-wrap: wrap; }
  .toolbar input { width: 320px; max-width: 60vw; padding: 4px 8px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
  .toolbar button { padding: 4px 10px; font: inherit; border: 1px solid #bbb; border-radius: 4px; background: #f3f3f3; cursor: pointer; }
  #status { color: #555; font-size: 13px; }
  main { flex: 1; display: flex; min-height: 0; }
  #network { flex: 1; min-width: 0; background: #fff; }
  aside { width: 300px; overflow: auto; border-left: 1px solid #ddd; padding: 8px 12px; background: #fff; font-size: 13px; }
  aside h2 { font-size: 14px; margin: 6px 0; }
  .legend { list-style: none; padding: 0; margin: 0; }
  .legend li { margin: 1px 0; white-space: nowrap; }
  .legend li.indent { padding-left: 18px; }
  .legend .sym svg { width: 14px; height: 14px; vertical-align: -2px; margin-right: 4px; }
  .legend .n { color: #777; }
  #details { white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; color: #333; }
  div.vis-tooltip { max-width: 460px; white-space: normal; font: 13px/1.35 system-ui, sans-serif; padding: 6px 8px; background: #fffef5; border: 1px solid #b8b39a; border-radius: 4px; box-shadow: 2px 2px 8px rgba(0,0,0,.15); }
  .cg-tip { white-space: pre-wrap; word-break: break-word; }
  @media (max-width: 1100px) { aside { width: 210px; padding: 6px 8px; font-size: 12px; } .legend li { white-space: normal; } }
</style>
<script nonce="{{ nonce }}">{{ vis_js|safe }}</script>
</head>
<body>
<header>
  <h1 id="heading">{{ heading }}</h1>
  <div class="sub">{{ "{:,}".format(counts.nodes) }} entities, {{ "{:,}".format(counts.edges) }} links ({{ "{:,}".format(counts.relations) }} relations). Hover for details and evidence; click an entity to highlight its neighbours; click the background to clear.</div>
  {% if notes or physics_note %}<ul class="notes" id="notes">{% for note in notes %}<li>{{ note }}</li>{% endfor %}{% if physics_note %}<li>{{ physics_note }}</li>{% endif %}</ul>{% endif %}
  <div class="toolbar">
    <label for="search">Find</label>
    <input id="search" type="search" list="entity-names" placeholder="type a name, then Enter" autocomplete="off">
    <datalist id="entity-names"></datalist>
    <button id="reset" type="button">Clear highlight</button>
    {% if physics %}<button id="physics" type="button">Re-run layout</button>{% endif %}
    <span id="status">Laying out…</span>
  </div>
</header>
<main>
  <div id="network"></div>
  <aside>
    <h2>Legend</h2>
    <ul class="legend" id="legend">
    {% for e in legend %}<li{% if e.indent %} class="indent"{% endif %}><span class="sym">{{ e.svg|safe }}</span>{{ e.label }} <span class="n">({{ e.count }})</span></li>
    {% endfor %}
    </ul>
    <p class="sub" id="key">Size: number of links. Inspections are coloured by Ofsted's overall judgement. <b>Grey means one thing</b>: an inspection whose grade no source states; nothing else is grey. Links are blue{% if paper_links %}; a dashed link places a decision or follow-up beside what its own paper reports (its meeting, else the inspection it is about): it is not a relation in the store{% endif %}. Entities not linked to the one you click fade. Labels smaller than {{ label_threshold }} px are hidden: zoom in to read them.</p>
    <h2>Selected</h2>
    <pre id="details">Click an entity.</pre>
  </aside>
</main>
<script nonce="{{ nonce }}">
(function () {
  "use strict";
  var t0 = performance.now();
  var nodeData = {{ nodes|tojson }};
  var edgeData = {{ edges|tojson }};
  var options = {{ options|safe }};
  var DIM = {{ dim|tojson }};
  var FADED = {{ faded|tojson }};
  function tip(text) {
    var el = document.createElement("div");
    el.className = "cg-tip";
    el.textContent = text;
    return el;
  }
  nodeData.forEach(function (n) { n.text = n.title; n.title = tip(n.title); n.baseFont = Object.assign({}, n.font); });
  function font(n, on) { return Object.assign({}, n.baseFont, {color: on ? (n.baseFont.color || "#222") : "rgba(0,0,0,0)"}); }
  edgeData.forEach(function (e) { e.text = e.title; e.title = tip(e.title); });
  var nodes = new vis.DataSet(nodeData);
  var edges = new vis.DataSet(edgeData);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  var status = document.getElementById("status");
  var state = {network: network, nodes: nodes, edges: edges, ready: false, readyMs: null, buildMs: performance.now() - t0, highlighted: null};
  window.caregraph = state;

  function settle() {
    if (state.ready) { return; }
    network.setOptions({physics: {enabled: false}});
    state.ready = true;
    state.readyMs = performance.now();
    document.body.setAttribute("data-ready", "true");
    status.textContent = "Layout settled; drag entities to move them.";
  }
  if (options.physics.enabled) {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  } else {
    network.once("afterDrawing", settle);
  }

  var details = document.getElementById("details");
  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    var linked = {};
    network.getConnectedEdges(id).forEach(function (e) { linked[e] = true; });
    nodes.update(nodes.map(function (n) {
      var on = keep[n.id] === true;
      return {id: n.id, opacity: on ? 1 : FADED, font: font(n, on)};
    }));
    edges.update(edges.map(function (e) {
      var on = linked[e.id] === true;
      return {id: e.id, color: {color: on ? "#2b4f8a" : DIM}, font: {color: on ? "#444" : "rgba(0,0,0,0)"}};
    }));
    state.highlighted = id;
    details.textContent = nodes.get(id).text;
  }
  function clear() {
    if (state.highlighted === null) { return; }
    nodes.update(nodes.map(function (n) { return {id: n.id, opacity: 1, font: font(n, true)}; }));
    edges.update(edges.map(function (e) { return {id: e.id, color: {color: options.edges.color.color}, font: {color: "#444"}}; }));
    state.highlighted = null;
    details.textContent = "Click an entity.";
  }
  state.highlight = highlight;
  state.clear = clear;
  network.on("click", function (p) {
    if (p.nodes.length) { highlight(p.nodes[0]); }
    else if (p.edges.length) { details.textContent = edges.get(p.edges[0]).text; }
    else { clear(); }
  });

  var list = document.getElementById("entity-names");
  var byChoice = {};
  nodeData.forEach(function (n) {
    var choice = n.name + " (" + n.clsLabel + ")";
    if (byChoice[choice] !== undefined) { choice = n.name + " (" + n.clsLabel + ", " + n.id + ")"; }
    byChoice[choice] = n.id;
    var option = document.createElement("option");
    option.value = choice;
    list.appendChild(option);
  });
  var search = document.getElementById("search");
  function find() {
    var text = search.value.trim();
    if (!text) { return; }
    var id = byChoice[text];
    if (id === undefined) {
      var lower = text.toLowerCase();
      var hit = nodeData.filter(function (n) { return n.name.toLowerCase().indexOf(lower) !== -1; })[0];
      id = hit ? hit.id : undefined;
    }
    if (id === undefined) { status.textContent = "Nothing called \u201c" + text + "\u201d."; return; }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
    highlight(id);
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { find(); } });
  document.getElementById("reset").addEventListener("click", function () { network.unselectAll(); clear(); });
  var rerun = document.getElementById("physics");
  if (rerun) {
    rerun.addEventListener("click", function () {
      state.ready = false;
      status.textContent = "Laying out…";
      network.setOptions({physics: {enabled: true}});
      network.once("stabilized", settle);
      network.stabilize(options.physics.stabilization.iterations);
    });
  }
})();
</script>
</body>
</html>
"""
)

TIMELINE = (
    HEAD.replace("script-src 'nonce-{{ nonce }}'", "script-src 'none'")
    + """<style>
  body { margin: 0 auto; max-width: 60rem; padding: 12px 18px 40px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
  h1 { font-size: 22px; margin: 8px 0 4px; }
  .sub { color: #555; font-size: 13px; }
  ol.timeline { list-style: none; margin: 18px 0; padding: 0 0 0 24px; border-left: 3px solid #ccc; }
  ol.timeline > li { position: relative; margin: 0 0 16px; padding-left: 10px; }
  ol.timeline > li::before { content: ""; position: absolute; left: -33px; top: 5px; width: 14px; height: 14px; border-radius: 50%; background: var(--c); border: 2px solid #fff; box-shadow: 0 0 0 1px #999; }
  .date { font-weight: 600; font-variant-numeric: tabular-nums; }
  .cls { color: #555; }
  .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: var(--c); color: #000; }
  .planned { font-size: 12px; color: #8a4b00; border: 1px solid #d9a066; border-radius: 8px; padding: 0 6px; }
  .name { margin: 2px 0; }
  .details { margin: 2px 0; color: #444; font-size: 13px; }
  blockquote { margin: 4px 0 0 0; padding: 2px 8px; border-left: 3px solid #ddd; color: #444; font-size: 13px; }
  cite { display: block; color: #666; font-style: normal; font-size: 12px; }
  .legend span { margin-right: 10px; font-size: 13px; }
  .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: var(--c); margin-right: 3px; box-shadow: 0 0 0 1px #777; }
  .official { font-size: 12px; color: #fff; background: #1f4e79; border-radius: 8px; padding: 0 6px; }
  .papers { font-size: 12px; color: #1f4e79; border: 1px solid #1f4e79; border-radius: 8px; padding: 0 6px; }
</style>
</head>
<body>
<h1>{{ heading }}</h1>
<p class="sub">{{ dated|length }} dated entr{{ "y" if dated|length == 1 else "ies" }}{% if undated %}, {{ undated|length }} undated{% endif %}: inspections and visits, meetings, decisions and follow-ups, oldest first. A year or month stands for the whole period.{% if official %} {{ official }} of them {{ "is" if official == 1 else "are" }} in Ofsted's official record, marked <span class="official">official</span>; those the council's papers also report are marked <span class="papers">in papers</span> too.{% endif %}</p>
<p class="legend">{% for grade in grades %}<span><i style="--c: {{ grade.colour }}"></i>{{ grade.label }}</span>{% endfor %}</p>
{% if notes %}<ul class="sub">{% for note in notes %}<li>{{ note }}</li>{% endfor %}</ul>{% endif %}
{% macro item(e) %}<li style="--c: {{ e.colour }}"{% if e.official %} class="is-official"{% endif %}>
  <div><span class="date">{{ e.date or "undated" }}</span> · <span class="cls">{{ e.cls }}</span>{% if e.judgement %} <span class="badge" style="--c: {{ e.colour }}">{{ e.judgement }}</span>{% endif %}{% if e.planned %} <span class="planned">planned</span>{% endif %}{% if e.official %} <span class="official">official</span>{% if e.papers %} <span class="papers">in papers</span>{% endif %}{% endif %}</div>
  <div class="name">{{ e.name }}</div>
  {% if e.details %}<div class="details">{% for k, v in e.details %}{{ k }}: {{ v }}{% if not loop.last %} · {% endif %}{% endfor %}</div>{% endif %}
  {% for quote, doc in e.evidence %}<blockquote>“{{ quote }}”<cite>— {{ doc }}</cite></blockquote>{% endfor %}
  {% if not e.evidence and e.documents %}<cite>In: {{ e.documents|join("; ") }}</cite>{% endif %}
  {% if e.link and (e.link.startswith("https://") or e.link.startswith("http://")) %}<cite>Ofsted's report: <a href="{{ e.link }}" rel="noreferrer noopener">{{ e.link }}</a></cite>{% endif %}
</li>{% endmacro %}
<ol class="timeline" id="timeline">
{% for e in dated %}{{ item(e) }}
{% endfor %}
</ol>
{% if undated %}<h2>Undated</h2>
<ol class="timeline" id="undated">
{% for e in undated %}{{ item(e) }}
{% endfor %}
</ol>{% endif %}
</body>
</html>
"""
)
