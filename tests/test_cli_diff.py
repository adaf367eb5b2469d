"""`policy-checker diff`: what a rules change does before it is published (rules changed, golden
cases and training scenarios that now decide differently), between folders or git revisions;
and `validate`'s warning when what staff sign for changed under the same version."""

import json
import shutil
import subprocess

from conftest import CASES, ROOT
from test_cli import run


def window_of(rules, days):
    """A copy of the rules with the return window at ``days`` (the README's 7 -> 10 example)."""
    path = rules / "returns.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("          days: 7\n") >= 1
    path.write_text(text.replace("          days: 7\n", f"          days: {days}\n", 1), encoding="utf-8")


def copy_rules(tmp_path, name="rules"):
    folder = tmp_path / name
    shutil.copytree(ROOT / "rules", folder)
    return folder


def test_a_longer_window_lists_the_param_and_the_cases_and_scenarios_it_moves(tmp_path):
    new = copy_rules(tmp_path, "new")
    window_of(new, 10)
    result = run("diff", str(ROOT / "rules"), str(new), "--cases", str(CASES), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    [change] = report["rules"]
    assert change["rule"] == "RET-WINDOW" and change["kind"] == "changed"
    assert change["fields"] == [
        {"field": "params", "old": {"days": 7, "count_from": "next_day"}, "new": {"days": 10, "count_from": "next_day"}}
    ]
    moved = {case["case"].rsplit("/", 1)[-1]: (case["old"], case["new"]) for case in report["cases"]}
    # every golden case on day 8 to 10 after sign-off, and no other, now decides differently
    assert moved == {
        "06-defect-day-8-warranty.yaml": ("out_warranty", "asks photos"),
        "15-wrong-item-late.yaml": ("out_too_late", "asks photos"),
        "34-changed-mind-day-8.yaml": ("out_too_late", "asks exchanged_before"),
    }
    scenarios = {s["scenario"]: s for s in report["scenarios"]}
    assert "requested_on" in scenarios["day-eight-changed-mind"]["answers"]  # its day is written from the param
    assert report["flows"] == []


def test_the_text_report_speaks_the_readers_language(tmp_path):
    new = copy_rules(tmp_path, "new")
    window_of(new, 10)
    chinese = run("diff", str(ROOT / "rules"), str(new), "--cases", str(CASES))
    assert "修改 RET-WINDOW 退换货期限" in chinese.stdout and "参数 days: 7 → 10" in chinese.stdout
    assert "34-changed-mind-day-8.yaml: out_too_late → " in chinese.stdout
    english = run("diff", str(ROOT / "rules"), str(new), "--cases", str(CASES), "--lang", "en")
    assert "changed RET-WINDOW Return window" in english.stdout and "param days: 7 → 10" in english.stdout


def test_a_renamed_rule_is_one_rename_not_a_removal_and_an_addition(tmp_path):
    new = copy_rules(tmp_path, "new")
    path = new / "order-flags.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: FLAG-GREEN", "id: FLAG-ABNORMAL"), encoding="utf-8")
    for other in new.glob("*.yaml"):
        other.write_text(other.read_text(encoding="utf-8").replace("FLAG-GREEN", "FLAG-ABNORMAL"), encoding="utf-8")
    report = json.loads(run("diff", str(ROOT / "rules"), str(new), "--json").stdout)
    renamed = [c for c in report["rules"] if c["kind"] == "renamed"]
    assert [(c["renamed_from"], c["rule"]) for c in renamed] == [("FLAG-GREEN", "FLAG-ABNORMAL")]
    assert not [c for c in report["rules"] if c["kind"] in ("added", "removed")]


def git(folder, *args):
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def shop_in_git(tmp_path):
    shop = tmp_path / "shop"
    shop.mkdir()
    copy_rules(shop)
    git(shop, "init", "-q")
    git(shop, "add", ".")
    git(shop, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "rules")
    return shop


def test_a_git_revision_is_compared_with_the_folder_as_it_is_now(tmp_path):
    shop = shop_in_git(tmp_path)
    window_of(shop / "rules", 10)
    result = run("diff", "HEAD", "--lang", "en", cwd=shop)
    assert result.returncode == 0, result.stderr
    assert "param days: 7 → 10" in result.stdout
    assert run("diff", "no-such-revision", cwd=shop).returncode == 2


def test_validate_warns_when_signed_text_changed_under_the_same_version(tmp_path):
    shop = shop_in_git(tmp_path)
    assert "version" not in run("validate", "--lang", "en", cwd=shop).stderr
    window_of(shop / "rules", 10)
    warned = run("validate", "--lang", "en", cwd=shop)
    assert warned.returncode == 0
    assert "RET-WINDOW changed but the version is still 2026.1" in warned.stderr
    line = next(n for n, text in enumerate((shop / "rules/shop.yaml").read_text().splitlines(), 1) if text.startswith("version:"))
    assert f"rules/shop.yaml:{line}:10: warning: RET-WINDOW changed" in warned.stderr
    shop_file = shop / "rules" / "shop.yaml"
    shop_file.write_text(
        shop_file.read_text(encoding="utf-8").replace('version: "2026.1"', 'version: "2026.2"'), encoding="utf-8"
    )
    assert "version is still" not in run("validate", "--lang", "en", cwd=shop).stderr
