"""Accessibility: axe-core (pinned through npm) on every page of both sites of every shop.

No page may have a serious or critical violation (contrast below 4.5:1 included). axe is
injected from node_modules, so nothing is fetched from the network.
"""

from pathlib import Path

import pytest
from browser import guarded_tab
from conftest import ROOT, example_shops

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CONFIGS = {"staff": "mkdocs.yml", "public": "mkdocs.public.yml"}
SHOPS = [ROOT, *example_shops()]
SITES = [
    pytest.param(shop, audience, lang, id=f"{shop.name}-{audience}-{lang}")
    for shop in SHOPS
    for audience in CONFIGS
    for lang in ("zh", "en")  # the English site is built into en/ next to the Chinese one
]
SERIOUS = ("serious", "critical")


def pages_of(folder, lang):
    """The URL path of every HTML page of a built site in one language."""
    paths = sorted(str(path.relative_to(folder).parent) + "/" for path in Path(folder).rglob("index.html"))
    return [path for path in paths if path.startswith("en/") == (lang == "en")]


def serious_violations(page):
    """axe's serious and critical violations on the open page (the test adds axe to every
    page it opens), as short readable lines."""
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '').splitlines()[-1:]}"
        for v in result
        if v["impact"] in SERIOUS
        for node in v["nodes"]
    ]


@pytest.mark.parametrize(("shop", "audience", "lang"), SITES)
def test_no_serious_accessibility_violation_on_any_page(shared_context, built, served, shop, audience, lang):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` to install the pinned axe-core")
    folder = built(CONFIGS[audience], shop)
    url = served(folder)
    found = {}
    with guarded_tab(shared_context, url) as (page, guard):
        page.add_init_script(path=str(AXE))
        for path in pages_of(folder, lang):
            page.goto(url + ("" if path == "./" else path), wait_until="load")
            if page.locator(".policy-flowchart").count():
                page.locator(".policy-flowchart svg").first.wait_for(timeout=15000)
            problems = serious_violations(page)
            if problems:
                found[path] = problems
    assert guard.outside == [], f"requests left the site: {guard.outside}"
    assert len(pages_of(folder, lang)) > 3
    assert found == {}, "\n".join(f"{page}: {line}" for page, lines in found.items() for line in lines)
