"""One read of the rules per build: both languages of a site are built from the same read, so
a rules file saved while a build runs gives the old site or the new one, never a mix."""

import json
import shutil
import threading

from sitebuild import ROOT, BuildFailed, build_site

from checker.site.pybundle import unbundled

BUILDS = 4


def _window_days(site):
    data = json.loads(unbundled((site / "assets" / "checker" / "checker.bundle").read_bytes())["rules.json"])
    return data["rules"]["RET-WINDOW"]["params"]["days"]


def test_a_save_during_builds_gives_both_languages_the_same_rules(tmp_path):
    project = tmp_path / "shop"
    project.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, project)
    for name in ("docs", "checker", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "rules", project / "rules")
    returns = project / "rules" / "returns.yaml"
    seven = returns.read_text(encoding="utf-8")
    assert seven.count("          days: 7\n") == 1
    versions = [seven, seven.replace("          days: 7\n", "          days: 8\n")]
    stop = threading.Event()

    def save_again_and_again():
        # As an editor saves: the whole file, 7 days, then 8, then 7 ..., while the builds run.
        count = 0
        while not stop.is_set():
            count += 1
            returns.write_text(versions[count % 2], encoding="utf-8")
            stop.wait(0.05)

    saver = threading.Thread(target=save_again_and_again)
    saver.start()
    built = []
    try:
        for attempt in range(BUILDS):
            site = tmp_path / f"site-{attempt}"
            try:
                build_site(site, project=project)
            except BuildFailed:
                continue  # read while half written: the build stops and the old site stays
            built.append((_window_days(site), _window_days(site / "en")))
    finally:
        stop.set()
        saver.join()
    assert len(built) >= BUILDS // 2, built
    assert all(chinese == english for chinese, english in built), built
