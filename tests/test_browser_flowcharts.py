"""Flowcharts in Chromium: every chart draws with text of 12 px or more at 1440 px, together the
charts show every step and every outcome, steps link to their rules, and hostile rules text stays
inert. On a 390 px phone a flow page shows its numbered steps first, loads Mermaid only when the
charts are asked for, and then every chart box fits the screen with the chart's first step in
view; a branch chart's heading names the question and the answers that lead into it.
test_browser_all_pages sees every page, the flow pages included, on a 360 px phone in one
language of each shop (Chinese for the main shop, English for the example shop)."""

import copy
import itertools
import re
import shutil

import pytest
from browser import guarded_tab, overflow
from conftest import ROOT, example_shops, rules_bundle
from sitebuild import map_texts

from checker.engine import graph
from checker.site.esmodules import MERMAID, mermaid_files
from checker.site.flows import flowcharts
from checker.wording import word

DRAWN = (
    "document.querySelectorAll('.policy-flowchart').length == "
    "document.querySelectorAll('.policy-flowchart.is-drawn, .policy-flowchart[data-error]').length"
)
# Per chart: its error, the smallest rendered text (font size x the SVG's scale), its links, its
# steps (nodes) and its text.
MEASURE = """() => [...document.querySelectorAll('.policy-flowchart')].map(c => {
  const svg = c.querySelector('svg');
  if (!svg) return {error: c.getAttribute('data-error')};
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('foreignObject *, text')]
    .filter(t => t.childNodes.length && [...t.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  return {smallest: Math.min(...sizes), links: [...svg.querySelectorAll('a')].map(a => a.getAttribute('href') || a.getAttribute('xlink:href')),
    nodes: svg.querySelectorAll('g.node').length, text: svg.textContent.replace(/\\s+/g, '')};
})"""
HOSTILE = [
    "%%{init: {'themeCSS': 'g { background-image: url(https://evil.example/a.png) }'}}%%",
    "%%{init: {'fontFamily': 'x; src: url(https://evil.example/f.woff)'}}%%",
    "`**markdown** string`",
    '<img src="https://evil.example/i.png">" ]] --> x',
    'a|b" click n_x href "https://evil.example/"',
]


PHONE = 390
# Per chart on the open page: the window's width, the chart box's edges, and the edges of the
# chart's first step, the first node its Mermaid source declares (Mermaid ids end -flowchart-<name>-<k>).
PHONE_MEASURE = """() => [...document.querySelectorAll('.policy-flowchart')].map(c => {
  const name = c.querySelector('.policy-flowchart__source').textContent.match(/\\n\\s*(\\w+)[\\[{(]/)[1];
  const node = [...c.querySelectorAll('g.node')].find(n => new RegExp('-flowchart-' + name + '-\\\\d+$').test(n.id));
  const box = c.getBoundingClientRect(), step = node && node.getBoundingClientRect();
  return {screen: window.innerWidth, box: [box.left, box.right], step: step && [step.left, step.right], name};
})"""
# Each branch chart's heading, with the id of the chart's first step.
HEADINGS = """() => [...document.querySelectorAll('h3[id^="chart-"]')].map(h => ({
  text: h.textContent, first: h.nextElementSibling.querySelector('.policy-flowchart__source').textContent
    .match(/\\n\\s*(\\w+)[\\[{(]/)[1].replace(/^n_/, '')}))"""


def _named(condition):
    """The question and fact ids a condition reads."""
    if "answer" in condition or "fact" in condition:
        return {condition.get("answer") or condition["fact"]}
    inner = condition.get("not") or condition.get("all") or condition.get("any") or []
    return set().union(*(_named(item) for item in (inner if isinstance(inner, list) else [inner])))


def _expected_wording(flow, child, lang):
    """(question wordings, answer labels) that a heading of the chart starting at ``child`` may
    name, from every step that leads to it: a question and its answers leading there, or the
    questions and facts a check reads."""
    nodes, names, labels = graph.index(flow), set(), set()
    for kind, node in nodes.values():
        if kind == "questions" and child in graph.successors(kind, node):
            names.add(node["ask"][lang].rstrip("?？"))
            labels |= {a.get("short", a["label"])[lang] for a in node.get("answers", []) if a.get("next") == child}
        elif kind == "checks" and child in graph.successors(kind, node):
            for read in set().union(*(_named(b["when"]) for b in node["branches"])):
                kind_read, read_node = nodes[read]
                names.add((read_node["title"] if kind_read == "derived" else read_node["ask"])[lang].rstrip("?？"))
    return names, labels


def _measure(context, url, width):
    """(charts, horizontal overflow, requests that left the origin, Mermaid's modules it
    fetched, the modules it preloads) of the page at ``url``."""
    with guarded_tab(context, url.split("/", 3)[0] + "//" + url.split("/", 3)[2] + "/", width) as (page, guard):
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(url)
        page.wait_for_function(DRAWN, timeout=30000)
        charts = page.evaluate(MEASURE)
        wider = overflow(page)
        preloaded = page.evaluate("[...document.querySelectorAll('link[rel=modulepreload]')].map(link => link.href)")
    return charts, wider, guard.outside, {url for url in asked if "/vendor/mermaid/" in url}, set(preloaded)


@pytest.mark.parametrize("shop", [ROOT] + example_shops(), ids=lambda path: path.name)
def test_flowcharts_are_readable_and_link_to_rules(built, served, shop, shared_context):
    bundle = rules_bundle(shop / "rules")
    url = served(built("mkdocs.yml", shop))
    for flow_id in bundle["flows"]:
        charts, wider, outside, fetched, preloaded = _measure(shared_context, f"{url}flows/{flow_id}/", 1440)
        assert outside == [] and wider <= 0
        # Mermaid's ES modules: the page preloads exactly the ones drawing a flowchart fetches.
        assert fetched and fetched == preloaded, (sorted(fetched - preloaded), sorted(preloaded - fetched))
        assert charts and all("error" not in c for c in charts), charts
        assert min(c["smallest"] for c in charts) >= 12, charts
        links = [link for c in charts for link in c["links"]]
        rule_ids = {rule_id for rule_id in bundle["rules"] if any(link.endswith("#" + rule_id) for link in links)}
        flow = bundle["flows"][flow_id]
        asked = {q["why"] for q in flow["questions"]}
        assert asked <= rule_ids, asked - rule_ids
        steps = len(flow["questions"]) + len(flow.get("checks", [])) + len(flow["outcomes"])
        assert sum(c["nodes"] for c in charts) >= steps, "the charts together do not show every step"
        for outcome in flow["outcomes"]:
            assert any("".join(outcome["title"]["zh"].split()) in c["text"] for c in charts), outcome["id"]


def test_hostile_labels_draw_and_never_leave_the_origin(tmp_path, served, shared_context):
    turns = itertools.count(1)

    def hostile(pair):  # every zh/en text becomes two of the hostile strings, taken in turn
        turn = next(turns)
        return dict(pair, zh=HOSTILE[turn % len(HOSTILE)], en=HOSTILE[(turn + 2) % len(HOSTILE)])

    bundle = map_texts(copy.deepcopy(rules_bundle()), hostile)
    blocks = [
        line
        for flow in bundle["flows"].values()
        for line in flowcharts(bundle, flow, "flows/x.md", {})
        if line.startswith("<div")
    ]
    shipped = {"assets/handbook.js": ROOT / "checker" / "site" / "assets" / "handbook.js"}
    shipped.update(mermaid_files(ROOT / "node_modules" / MERMAID))
    for path, source in shipped.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / path)
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><body class="md-typeset">'
        + "".join(blocks)
        + '<script src="assets/handbook.js"></script>',
        encoding="utf-8",
    )
    charts, _, outside, _, _ = _measure(shared_context, served(tmp_path), 1440)
    assert outside == []
    assert blocks and len(charts) == len(blocks) and all("error" not in c for c in charts), charts
    assert not any("evil.example" in link for c in charts for link in c["links"])


@pytest.mark.parametrize("shop", [ROOT] + example_shops(), ids=lambda path: path.name)
def test_on_a_phone_the_steps_come_first_and_each_chart_fits_with_its_first_step_in_view(built, served, shop, shared_context):
    bundle = rules_bundle(shop / "rules")
    url = served(built("mkdocs.yml", shop))
    for lang, flow_id in itertools.product(("zh", "en"), bundle["flows"]):
        flow = bundle["flows"][flow_id]
        with guarded_tab(shared_context, url, PHONE) as (page, guard):
            asked = []
            page.on("request", lambda request, asked=asked: asked.append(request.url))
            page.goto(f"{url}{'en/' if lang == 'en' else ''}flows/{flow_id}/", wait_until="load")
            steps = page.locator("article ol").first.bounding_box()
            assert steps["y"] < 900 and overflow(page) <= 0, "the numbered steps are not on the first screen"
            assert not any("/vendor/mermaid/" in address for address in asked), "Mermaid loaded before it was asked for"
            page.locator("details.policy-flowcharts > summary").click()
            page.wait_for_function(DRAWN, timeout=30000)
            charts, headings, wider = page.evaluate(PHONE_MEASURE), page.evaluate(HEADINGS), overflow(page)
        assert guard.outside == [] and wider <= 0
        where = f"{lang} {flow_id}"
        for chart in charts:
            assert chart["box"][0] >= 0 and chart["box"][1] <= chart["screen"], f"{where}: a chart box is wider than the screen"
            assert chart["step"], f"{where}: no first step {chart['name']}"
            assert chart["box"][0] <= chart["step"][0] and chart["step"][1] <= chart["box"][1], f"{where}: {chart} is cut"
        branches = [found for found in headings if found["first"] != flow["start"]]  # the overview's is "Overview"
        assert len(branches) == max(len(headings) - 1, 0), (where, headings)
        for found in branches:
            names, labels = _expected_wording(flow, found["first"], lang)
            assert any(name in found["text"] for name in names), (where, found["text"], names)
            assert not labels or any(label in found["text"] for label in labels), (where, found["text"], labels)
            assert "→" not in found["text"] and word("term.otherwise")[lang] not in found["text"], (where, found["text"])
            assert not re.search(r"\d\s*:\s*\d", found["text"]), (where, found["text"])
