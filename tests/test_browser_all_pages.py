"""Every page of both sites of every shop, in both languages, visited once in Chromium.

The sites are built from a copy of the shop whose every zh/en rules text ends in hostile
markup (sitebuild.HOSTILE), so each page holds all the real text and that as well. Each page
is seen once, on a 360 px phone or at desktop width: the example shop's Chinese pages and the
main shop's English ones at desktop width, the others on the phone, so each language is seen in
both layouts. On every page: its title and both language links show, nothing is wider than the
screen (a wide flowchart or table scrolls inside its own box), every flowchart draws, no script
from the rules runs, no JavaScript error, and axe-core (pinned through npm, injected from
node_modules) finds no serious or critical violation (contrast below 4.5:1 included). What the
reader sees once the page's scripts have run (its text, the tooltips and labels of what shows,
the checker's first screen) has no template syntax, maintainers' note or tool name, and no word
of the other language (readers.reader_problems; the hostile tail's own words aside). No request
leaves the site and no dialog opens.
"""

from pathlib import Path

import pytest
from browser import guarded_tab, overflow, record_errors
from conftest import ROOT, example_shops, rules_bundle
from playwright.sync_api import expect
from readers import ENGLISH_WORD, allowed_words, reader_problems
from sitebuild import HOSTILE

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
PHONE, DESKTOP = 360, 1280


def width(shop, lang):
    """The screen a shop's pages in one language are seen on (see the module's docstring)."""
    return PHONE if (shop == ROOT) == (lang == "zh") else DESKTOP


def pages_of(folder, lang):
    """The URL path of every HTML page of a built site in one language."""
    paths = sorted(str(path.relative_to(folder).parent) + "/" for path in Path(folder).rglob("index.html"))
    return [path for path in paths if path.startswith("en/") == (lang == "en")]


# What a reader meets on the open page: its title, its rendered text, and the tooltips, labels
# and copy texts of what is shown (an element CSS hides has no box and is not read). The
# language selector, which names each language in itself, is set aside while reading.
READ = """() => {
  const selectors = Array.from(document.querySelectorAll('.md-select'));
  selectors.forEach((el) => el.style.setProperty('display', 'none', 'important'));
  const read = [document.title, document.body.innerText, ...Array.from(
    document.querySelectorAll('[title], [aria-label], [alt], [placeholder], [data-copy]'),
    (el) => el.getClientRects().length
      ? ['title', 'aria-label', 'alt', 'placeholder', 'data-copy'].map((name) => el.getAttribute(name) || '').join(' ')
      : '')];
  selectors.forEach((el) => el.style.removeProperty('display'));
  return read.join(' ');
}"""


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
def test_every_page_shows_its_text_as_text_and_has_no_serious_accessibility_violation(
    shared_context, poisoned, served, shop, audience, lang
):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` to install the pinned axe-core")
    folder = poisoned(CONFIGS[audience], shop)
    url = served(folder)
    paths, found, dialogs, screen = pages_of(folder, lang), {}, [], width(shop, lang)
    allowed = allowed_words(rules_bundle(shop / "rules"))
    allowed["zh"] = allowed["zh"] | set(ENGLISH_WORD.findall(HOSTILE))  # every rules text of the copy ends in it
    with guarded_tab(shared_context, url, screen) as (page, guard):
        page.add_init_script(path=str(AXE))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        errors = record_errors(page)
        for path in paths:
            page.goto(url + ("" if path == "./" else path), wait_until="load")
            expect(page.locator("article h1").first, f"/{path}: no title").to_be_visible()
            expect(page.locator("a.md-select__link[hreflang]"), f"/{path}: language links").to_have_count(2)
            charts = page.locator(".policy-flowchart").count()
            if charts:  # a phone shows a flow's steps first: open its charts, as a reader would
                page.evaluate("document.querySelectorAll('details.policy-flowcharts').forEach(d => { d.open = true; })")
                page.locator(".policy-flowchart svg").nth(charts - 1).wait_for(timeout=20000)
                assert page.locator(".policy-flowchart svg").count() == charts, f"/{path}: a chart did not draw"
            if page.locator("#policy-checker").count():  # its screens come from the rules once Python runs
                expect(page.locator("#policy-checker[data-ready]")).to_have_count(1, timeout=20000)
            problems = serious_violations(page) + reader_problems(page.evaluate(READ), lang, allowed)
            wider = overflow(page)
            if wider > 0:
                problems.append(f"the page is {wider} px wider than the {screen} px screen")
            if problems:
                found[path] = problems
            assert page.evaluate("window.__pwned === undefined"), f"/{path}: a script from the rules ran"
    assert guard.outside == [], f"requests left the site: {guard.outside}"
    assert dialogs == []
    assert errors == [], "JavaScript errors:\n" + "\n".join(errors)
    assert len(paths) > 3
    assert found == {}, "\n".join(f"{page}: {line}" for page, lines in found.items() for line in lines)


def test_the_origin_guard_sees_every_request_that_leaves_the_site(shared_context, served, tmp_path):
    """The guard every browser test relies on sees a stylesheet, an image at an IP address and a
    worker's fetch, each to another host, and each fails at once (the closed proxy)."""
    outside = ["https://evil.example/s.css", "http://192.0.2.1/i.png", "https://evil.example/from-worker"]
    worker = f"fetch('{outside[2]}').catch(() => 0)"
    (tmp_path / "index.html").write_text(
        f'<!doctype html><title>t</title><link rel="stylesheet" href="{outside[0]}"><img src="{outside[1]}" alt="">'
        f"<script>new Worker(URL.createObjectURL(new Blob([{worker!r}])))</script>",
        encoding="utf-8",
    )
    url = served(tmp_path)
    with guarded_tab(shared_context, url) as (page, guard):
        page.goto(url)
        for _ in range(50):
            if len(guard.outside) >= len(outside):
                break
            page.wait_for_timeout(100)
    assert sorted(guard.outside) == sorted(outside)
