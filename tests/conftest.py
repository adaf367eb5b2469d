"""Shared fixtures, and the collector that turns tests/cases/<flow>/*.yaml into test items."""

import functools
import os
from pathlib import Path

import pytest
from browser import LocalSite, OriginGuard, close_clean, launch, record_errors, save_screenshot
from playwright.sync_api import sync_playwright
from sitebuild import built_once, poisoned_once

from checker.commands import goldens
from checker.commands.goldens import run_case  # noqa: F401  (test_coverage imports it from here)
from checker.loader import load_rules
from checker.reading.yamlsource import load_yaml_text

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
EXAMPLES = ROOT / "examples"
_BUNDLE = {}


def example_shops():
    """The example shops: folders under examples/ with their own rules/ and cases/."""
    return sorted(path for path in EXAMPLES.glob("*") if (path / "rules").is_dir())


def shops():
    """(rules folder, cases folder) of every shop with golden cases, as pytest params."""
    found = [pytest.param(ROOT / "rules", CASES, id="rules")]
    for shop in example_shops():
        found.append(pytest.param(shop / "rules", shop / "cases", id=shop.name))
    return found


def rules_bundle(rules=ROOT / "rules"):
    """A rules folder's bundle (default: the repository's rules), loaded once per test session."""
    key = str(rules)
    if key not in _BUNDLE:
        _BUNDLE[key] = load_rules(rules)
    return _BUNDLE[key]


@pytest.fixture(scope="session")
def bundle():
    return rules_bundle()


def read_case(path):
    data, problem = load_yaml_text(path.read_text(encoding="utf-8"), str(path))
    if problem:
        raise AssertionError(str(problem))
    return data


def all_cases(cases=CASES):
    """(flow id, path, case data) for every golden case in a cases folder (<flow>/*.yaml)."""
    return [(flow_id, path, read_case(path)) for flow_id, path in goldens.all_cases(cases)]


def case_diffs(bundle, flow_id, data):
    """A golden case's differences from what it expects, in English (the CLI's `test` speaks both)."""
    return [difference["en"] for difference in goldens.case_diffs(bundle, flow_id, data)]


class CaseMismatch(Exception):
    pass


class GoldenCase(pytest.Item):
    def __init__(self, *, flow_id, data, **kwargs):
        super().__init__(**kwargs)
        self.flow_id = flow_id
        self.data = data

    def runtest(self):
        diffs = case_diffs(rules_bundle(), self.flow_id, self.data)
        if diffs:
            raise CaseMismatch("; ".join(diffs))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CaseMismatch):
            return f"{self.path.relative_to(ROOT)}: {self.data['name']}: {excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case {self.name}"


class GoldenCaseFile(pytest.File):
    def collect(self):
        data = read_case(self.path)
        yield GoldenCase.from_parent(self, name=self.path.stem, flow_id=self.path.parent.name, data=data)


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.parent == CASES:
        return GoldenCaseFile.from_parent(parent, path=file_path)
    return None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so fixtures can act on a failed test (screenshots)."""
    report = yield
    setattr(item, "report_" + report.when, report)
    return report


@pytest.fixture(scope="session")
def site_cache(tmp_path_factory):
    """Where built sites are kept for the run, shared by every pytest-xdist worker (they share
    the run's temporary root)."""
    base = tmp_path_factory.getbasetemp()
    cache = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "built-sites"
    cache.mkdir(exist_ok=True)
    return cache


@pytest.fixture(scope="session")
def built(site_cache):
    """built(config="mkdocs.yml", project=ROOT) -> the folder of that site, built strictly once
    per test run for every test and worker."""
    return functools.partial(built_once, site_cache)


@pytest.fixture(scope="session")
def poisoned(site_cache):
    """poisoned(config="mkdocs.yml", project=ROOT) -> like ``built``, the site built from a copy
    of the shop whose every zh/en rules text ends in hostile markup (sitebuild.HOSTILE)."""
    return functools.partial(poisoned_once, site_cache)


@pytest.fixture(scope="session")
def served():
    """served(folder) -> the URL of that folder on loopback, one server per folder and worker:
    every test of a site reads it from one origin, so the browser's cache serves them all."""
    servers = {}

    def _serve(folder):
        key = str(Path(folder).resolve())
        if key not in servers:
            servers[key] = LocalSite(folder)
        return servers[key].url

    yield _serve
    for site in servers.values():
        site.close()


@pytest.fixture(scope="session")
def sites(built, served):
    return {"staff": served(built()), "public": served(built("mkdocs.public.yml"))}


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shared_context(chromium):
    """The browser context of every page opened without a date of its own, one per worker. Its
    HTTP cache keeps Material, MicroPython and Mermaid compiled from one test to the next: a
    fresh context per page made the checker cost three times as much to start."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def open_page(chromium, shared_context, sites, request):
    """open_page(site, path, width=1280, today=None) -> page; fails the test on off-origin requests, JS
    errors or console errors (PyScript reports Python errors there). A page with ``today`` (the
    browser's date, YYYY-MM-DD) gets a context of its own, as does any test that uses page.clock;
    the others share one, and leave it as they found it: storage and cookies cleared, permissions
    taken back. ``page.clock`` acts on the whole context: use it only on a page opened with
    ``today``. A guard sees the whole context, so a test's pages should all be of one site."""
    opened = []

    def _open(site, path, width=1280, today=None):
        context = chromium.new_context() if today else shared_context
        guard = OriginGuard(context, sites[site])
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": 900})
        if today:
            page.clock.set_fixed_time(today + "T12:00:00")
        errors = record_errors(page)
        page.goto(sites[site] + path)
        opened.append((context, page, guard, errors))
        return page

    yield _open
    failed = getattr(request.node, "report_call", None) is not None and request.node.report_call.failed
    for index, (context, page, guard, _errors) in enumerate(opened):
        if failed:
            print("screenshot:", save_screenshot(page, f"{request.node.name}-{index}"))
        if context is shared_context:
            close_clean(page)
        else:
            context.close()
        guard.stop()  # after the page has closed: nothing it asked for goes unseen
    shared_context.clear_permissions()
    shared_context.clear_cookies()
    for _context, _page, guard, errors in opened:  # every page is closed before any assertion
        assert guard.outside == [], f"requests left the site: {guard.outside}"
        assert errors == [], f"JavaScript errors: {errors}"
