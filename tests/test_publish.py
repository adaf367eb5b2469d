"""Two builds at once: each builds in its own folder and publishes under a lock, so the site
left behind is complete (as many files as a single build) and both builds succeed. A build
that fails on a full disk, or is stopped or killed, leaves the published site and no folder."""

import os
import resource
import signal
import subprocess
import sys
import time

import pytest
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
    return subprocess.Popen([sys.executable, "-m", "checker.commands.publish", "mkdocs.yml", site], cwd=folder, env=env)


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


def leftovers(folder):
    return sorted(path.name for path in (folder / "build").iterdir() if path.name != "publish.lock")


def test_a_build_over_the_file_size_limit_says_so_in_one_line_and_leaves_nothing(tmp_path):
    small_project(tmp_path)
    assert publish(tmp_path).wait(timeout=120) == 0
    before = files(tmp_path / "site")
    (tmp_path / "docs" / "big.bin").write_bytes(b"x" * 300_000)  # copied into the site as it is

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, resource.RLIM_INFINITY))

    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "checker.commands.publish", "mkdocs.yml", "site"]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, preexec_fn=small_files, timeout=120)
    assert result.returncode == 74, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("站点没有建成，已发布的站点保持不变：写不了 "), lines
    assert "超过了文件大小限制" in lines[0] and "Traceback" not in result.stderr
    assert files(tmp_path / "site") == before
    assert leftovers(tmp_path) == []


def started(folder, busy="site.new.*/page-1", **options):
    """A build that has made its folder under build/ and is busy in it (``busy`` is there)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "checker.commands.publish", "mkdocs.yml", "site"]
    build = subprocess.Popen(command, cwd=folder, env=env, stderr=subprocess.PIPE, text=True, **options)
    deadline = time.monotonic() + 60
    while not list((folder / "build").glob(busy)):
        assert time.monotonic() < deadline and build.poll() is None
        time.sleep(0.05)
    return build


@pytest.mark.parametrize(
    "stop, busy, status, message",
    [
        (signal.SIGTERM, "site.new.*/page-1", 143, []),
        (signal.SIGINT, "site.new.*/page-1", 130, ["已中断；已发布的站点保持不变。"]),
        (signal.SIGINT, "site.new.*", 130, ["已中断；已发布的站点保持不变。"]),  # MkDocs still starting
    ],
    ids=["stopped", "interrupted", "interrupted-starting"],
)
def test_a_stopped_build_leaves_no_folder(tmp_path, stop, busy, status, message):
    small_project(tmp_path)
    (tmp_path / "build").mkdir()
    build = started(tmp_path, busy, start_new_session=True)
    os.killpg(build.pid, stop)  # the whole group, as Ctrl-C in a terminal does
    _, err = build.communicate(timeout=60)
    assert (build.returncode, err.splitlines()) == (status, message)
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "site").exists()


def test_a_killed_build_is_cleared_by_the_next_one(tmp_path):
    small_project(tmp_path)
    (tmp_path / "build").mkdir()
    build = started(tmp_path)
    build.kill()  # no chance to clean up after itself
    build.communicate(timeout=60)
    assert leftovers(tmp_path) != []
    assert publish(tmp_path).wait(timeout=120) == 0
    assert leftovers(tmp_path) == []
    assert len(files(tmp_path / "site")) > PAGES
