"""One read of the rules per build: both languages of a site are built from the same read, so
a rules file saved while a build runs gives the old site or the new one, never a mix."""

import contextlib
import os
import shutil
import subprocess
import sys
import threading

from sitebuild import ROOT, BuildFailed, build_site

from checker.site.pybundle import unbundled_data

BUILDS = 4


def _window_days(site):
    data = unbundled_data((site / "assets" / "checker" / "checker.bundle").read_bytes())
    return data["rules"]["RET-WINDOW"]["params"]["days"]


@contextlib.contextmanager
def saved_again_and_again(returns):
    """As an editor saves: the whole file, 7 days, then 8, then 7 ..., while the block runs."""
    seven = returns.read_text(encoding="utf-8")
    assert seven.count("          days: 7\n") == 1
    versions = [seven, seven.replace("          days: 7\n", "          days: 8\n")]
    stop = threading.Event()

    def save():
        count = 0
        while not stop.is_set():
            count += 1
            returns.write_text(versions[count % 2], encoding="utf-8")
            stop.wait(0.05)

    saver = threading.Thread(target=save)
    saver.start()
    try:
        yield
    finally:
        stop.set()
        saver.join()


def test_a_save_during_builds_gives_both_languages_the_same_rules(tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, project)
    for name in ("docs", "checker", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "rules", project / "rules")
    built = []
    with saved_again_and_again(project / "rules" / "returns.yaml"):
        for attempt in range(BUILDS):
            site = tmp_path / f"site-{attempt}"
            try:
                build_site(site, project=project)
            except BuildFailed:
                continue  # read while half written: the build stops and the old site stays
            built.append((_window_days(site), _window_days(site / "en")))
    assert len(built) >= BUILDS // 2, built
    assert all(chinese == english for chinese, english in built), built


def test_make_build_publishes_both_sites_in_both_languages_from_one_copy_of_the_rules(tmp_path):
    """`make build` (checker/commands/publish.py with both configs) while the rules are saved
    again and again: each publish shows one return window on all four sites, or none changes."""
    project = tmp_path / "shop"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.public.yml", "mkdocs.public.en.yml"):
        shutil.copy(ROOT / name, project)
    for name in ("docs", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "rules", project / "rules")
    seen = []
    with saved_again_and_again(project / "rules" / "returns.yaml"):
        for _ in range(3):
            command = [sys.executable, "-m", "checker.commands.publish", "mkdocs.yml", "site", "mkdocs.public.yml", "site-public"]
            environment = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
            if subprocess.run(command, cwd=project, env=environment, capture_output=True, timeout=600).returncode:
                continue  # read while half written: nothing is published
            sites = (project / "site", project / "site" / "en", project / "site-public", project / "site-public" / "en")
            seen.append([_window_days(site) for site in sites])
    assert seen, "no build went through"
    assert all(len(set(days)) == 1 for days in seen), seen
