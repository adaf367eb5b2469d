"""Flowcharts in Chromium: every chart draws with text of 12 px or more at 1440 px, together the
charts show every step and every outcome, steps link to their rules, and hostile rules text stays
inert. On a phone a chart scrolls only inside its box: test_browser_all_pages sees every page,
the flow pages included, on a 360 px phone in one language of each shop (Chinese for the main
shop, English for the example shop)."""

import copy
import itertools
import shutil

import pytest
from browser import guarded_tab, overflow
from conftest import ROOT, example_shops, rules_bundle
from sitebuild import map_texts

from checker.site.flows import flowcharts

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


def _measure(context, url, width):
    """(charts, horizontal overflow, requests that left the origin) of the page at ``url``."""
    with guarded_tab(context, url.split("/", 3)[0] + "//" + url.split("/", 3)[2] + "/", width) as (page, guard):
        page.goto(url)
        page.wait_for_function(DRAWN, timeout=30000)
        charts = page.evaluate(MEASURE)
        wider = overflow(page)
    return charts, wider, guard.outside


@pytest.mark.parametrize("shop", [ROOT] + example_shops(), ids=lambda path: path.name)
def test_flowcharts_are_readable_and_link_to_rules(built, served, shop, shared_context):
    bundle = rules_bundle(shop / "rules")
    url = served(built("mkdocs.yml", shop))
    for flow_id in bundle["flows"]:
        charts, wider, outside = _measure(shared_context, f"{url}flows/{flow_id}/", 1440)
        assert outside == [] and wider <= 0
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
    assets = tmp_path / "assets"
    (assets / "vendor").mkdir(parents=True)
    shutil.copy(ROOT / "checker" / "site" / "assets" / "handbook.js", assets / "handbook.js")
    shutil.copy(ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js", assets / "vendor" / "mermaid.min.js")
    (tmp_path / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><body class="md-typeset">'
        + "".join(blocks)
        + '<script src="assets/handbook.js"></script>',
        encoding="utf-8",
    )
    charts, _, outside = _measure(shared_context, served(tmp_path), 1440)
    assert outside == []
    assert blocks and len(charts) == len(blocks) and all("error" not in c for c in charts), charts
    assert not any("evil.example" in link for c in charts for link in c["links"])
