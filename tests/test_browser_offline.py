"""Offline repeat visits: every page of each site (staff and public, both languages) registers
the site's service worker, which keeps its pages, assets and the checker, so once a reader has
been online, another page and the checker (to a verdict) open with the network gone. A first
visit keeps no Mermaid and only the PyScript modules the checker loads; a flow page keeps the
modules its charts used, so every flow page draws its charts offline. A new build replaces the
cache on the next visit."""

import shutil

import pytest
from browser import OriginGuard, record_errors
from conftest import CASES, ROOT, read_case
from test_browser_checker import cli_decision, walk
from test_browser_flowcharts import DRAWN

from checker.site.esmodules import MERMAID, flowchart_modules, pyscript_startup

SITES = [("mkdocs.yml", ""), ("mkdocs.yml", "en/"), ("mkdocs.public.yml", ""), ("mkdocs.public.yml", "en/")]
CACHED = """async () => {
  const urls = [];
  for (const name of await caches.keys()) { urls.push(...(await (await caches.open(name)).keys()).map(r => r.url)); }
  return urls;
}"""


def first_visit(chromium, url):
    """A fresh browser that opened ``url`` once and waited for the offline copy to be kept."""
    context = chromium.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("html[data-offline=ready]", state="attached", timeout=60000)
    return context, page


@pytest.mark.parametrize(("config", "language"), SITES)
def test_a_second_visit_opens_pages_and_the_checker_offline(chromium, built, served, capsys, config, language):
    site = built(config)
    root = served(site) + language
    home = "" if config == "mkdocs.yml" else "returns/"  # the public site's first page is its returns page
    context, page = first_visit(chromium, root + home)
    guard = OriginGuard(context, served(site))
    try:
        cached = page.evaluate(CACHED)
        assert not [url for url in cached if "/vendor/mermaid/" in url], "a first visit without a chart kept Mermaid"
        pyscript = {url.rsplit("/", 1)[-1] for url in cached if "/vendor/pyscript/" in url}
        assert pyscript == pyscript_startup(ROOT / "node_modules/@pyscript/core/dist"), "PyScript modules the checker never loads"
        context.set_offline(True)
        errors = record_errors(page)
        other = "onboarding/" if config == "mkdocs.yml" else ""
        page.goto(root + other)
        assert page.locator("h1").count() == 1 and page.locator(".md-content").count() == 1
        path = CASES / "returns" / "23-crushed-box-refused.yaml"
        page.goto(root + "checker/")
        page.wait_for_selector("#policy-checker[data-ready]", state="attached", timeout=30000)
        if config == "mkdocs.yml":
            assert walk(page, read_case(path)["answers"]) == cli_decision("returns", path, capsys)
        else:  # the customer's checker asks fewer questions: walk it to whatever it decides
            page.locator(".pc-answer").first.click()
            page.wait_for_selector(".pc-screen .pc-card", timeout=10000)
        assert errors == [] and guard.outside == []
    finally:
        context.close()


def test_a_flow_page_visited_online_keeps_what_every_chart_needs_offline(chromium, built, served):
    site = built()
    root = served(site)
    context, page = first_visit(chromium, root + "flows/returns/")
    try:
        cached = set(page.evaluate(CACHED))
        assert {root + path for path in flowchart_modules(ROOT / "node_modules" / MERMAID)} <= cached
        context.set_offline(True)
        errors = record_errors(page)
        page.goto(root + "flows/complaints/")  # a flow page never opened
        page.wait_for_function(DRAWN, timeout=30000)
        assert page.locator(".policy-flowchart svg").count() == page.locator(".policy-flowchart").count() > 0
        assert page.locator(".policy-flowchart[data-error]").count() == 0 and errors == []
    finally:
        context.close()


def test_a_new_build_replaces_the_cache(chromium, built, served, tmp_path):
    """sw.js carries the build's version: on the next visit after a new build the new worker
    takes over and the old build's cache is gone."""
    site = tmp_path / "site"
    shutil.copytree(built(), site)
    text = (site / "sw.js").read_text(encoding="utf-8")
    assert "__VERSION__" not in text and '"assets/checker/checker.bundle"' in text
    version = text.split('VERSION = "')[1].split('"')[0]
    context, page = first_visit(chromium, served(site))
    try:
        assert [name.rsplit(":", 1)[1] for name in page.evaluate("caches.keys()")] == [version]
        (site / "sw.js").write_text(text.replace(version, "a" * len(version)), encoding="utf-8")
        page.reload()
        page.wait_for_function("caches.keys().then(names => names.length === 1 && names[0].endsWith(':' + 'a'.repeat(16)))")
    finally:
        context.close()
