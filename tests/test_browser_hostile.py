"""Rules text carrying hostile markup, in every zh/en field, on every page of both sites.

The validator refuses what would break a flowchart (backticks, %%, odd quotes), so these
rules are valid; whatever else they carry must stay text: no script runs, no request leaves
the site, and every flowchart still draws.
"""

import pytest
import yaml
from browser import guarded_tab
from sitebuild import build_site, copy_project

HOSTILE = (
    ' <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
    " ![p](https://evil.example/p.png) [l](https://evil.example/) *b* <style>@import url(https://evil.example/s.css);</style>"
)


def _poison(value):
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
            return dict(value, zh=value["zh"] + HOSTILE, en=value["en"] + HOSTILE)
        return {key: _poison(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_poison(item) for item in value]
    return value


def poisoned_project(folder):
    project = copy_project(folder)
    for path in sorted((project / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    return poisoned_project(tmp_path_factory.mktemp("hostile") / "project")


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.public.yml"])
def test_hostile_rules_text_stays_text_on_every_page(shared_context, served, poisoned, tmp_path, config):
    visited, dialogs = [], []
    site_dir = tmp_path / config
    assert build_site(site_dir, config, project=poisoned) == []
    url = served(site_dir)
    with guarded_tab(shared_context, url) as (page, guard):
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in sorted(site_dir.rglob("index.html")):
            folder = path.relative_to(site_dir).parent.as_posix()
            address = url + ("" if folder == "." else folder + "/")
            page.goto(address, wait_until="load")
            charts = page.locator(".policy-flowchart")
            if charts.count():
                page.locator(".policy-flowchart svg").nth(charts.count() - 1).wait_for(timeout=20000)
                assert page.locator(".policy-flowchart svg").count() == charts.count(), address
            assert page.evaluate("window.__pwned === undefined"), address
            visited.append(folder)
    assert guard.outside == [], guard.outside
    assert dialogs == []
    assert len(visited) >= 8 and any(folder.startswith("en") for folder in visited)  # both languages


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
