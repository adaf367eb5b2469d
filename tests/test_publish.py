"""Two builds at once: each builds in its own folder and publishes under a lock, so the site
left behind is complete (as many files as a single build) and both builds succeed."""

import os
import subprocess
import sys

from conftest import ROOT

PAGES = 25

# Slow every build down at its end, so the two builds surely overlap; fail it on request.
HOOK = """
import os, time
from mkdocs.exceptions import PluginError

def on_post_build(config, **kwargs):
    time.sleep(1)
    if os.path.exists("FAIL"):
        raise PluginError("failing on purpose")
"""


def small_project(folder):
    docs = folder / "docs"
    docs.mkdir()
    for number in range(PAGES):
        (docs / f"page-{number}.md").write_text(f"# Page {number}\n\nText.\n", encoding="utf-8")
    (folder / "hook.py").write_text(HOOK, encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Small\ndocs_dir: docs\nhooks: [hook.py]\n", encoding="utf-8")


def publish(folder, site="site"):
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    return subprocess.Popen([sys.executable, "-m", "checker.publish", "mkdocs.yml", site], cwd=folder, env=env)


def files(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_two_builds_at_once_leave_a_complete_site(tmp_path):
    small_project(tmp_path)
    assert publish(tmp_path, "single").wait(timeout=120) == 0
    expected = files(tmp_path / "single")
    assert len(expected) > PAGES
    first, second = publish(tmp_path), publish(tmp_path)
    assert (first.wait(timeout=120), second.wait(timeout=120)) == (0, 0)
    assert files(tmp_path / "site") == expected
    assert sorted(path.name for path in (tmp_path / "build").iterdir()) == ["publish.lock"]


def test_a_failed_build_keeps_the_published_site(tmp_path):
    small_project(tmp_path)
    assert publish(tmp_path).wait(timeout=120) == 0
    before = files(tmp_path / "site")
    (tmp_path / "docs" / "page-0.md").write_text("# Changed\n", encoding="utf-8")
    (tmp_path / "FAIL").touch()
    assert publish(tmp_path).wait(timeout=120) != 0
    assert files(tmp_path / "site") == before
    assert "Changed" not in (tmp_path / "site" / "page-0" / "index.html").read_text(encoding="utf-8")
