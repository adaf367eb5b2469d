"""`policy-checker test`: a shop's golden cases without pytest, each PASS or FAIL with what
decided differently, the counts last; run in a shop's folder it uses that folder's rules and cases."""

import shutil

from conftest import CASES, EXAMPLES, ROOT
from test_cli import run


def copy_cases(tmp_path):
    cases = tmp_path / "cases"
    shutil.copytree(CASES, cases)
    return cases


def test_every_golden_case_of_the_repository_passes():
    result = run("test", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS ") == len(list(CASES.glob("*/*.yaml")))
    assert result.stdout.strip().splitlines()[-1].startswith(f"{len(list(CASES.glob('*/*.yaml')))} passed, 0 failed")


def test_a_case_that_decides_differently_fails_with_both_outcomes(tmp_path):
    cases = copy_cases(tmp_path)
    case = cases / "returns" / "27-washed-sweater-day-5.yaml"
    text = case.read_text(encoding="utf-8")
    outcome = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.strip().startswith("outcome:"))
    case.write_text(text.replace(f"outcome: {outcome}", "outcome: out_refund"), encoding="utf-8")
    result = run("test", "--cases", str(cases))
    assert result.returncode == 1
    assert "FAIL " in result.stdout and "27-washed-sweater-day-5.yaml" in result.stdout
    assert f"outcome：应为 'out_refund'，实际是 '{outcome}'" in result.stdout
    assert "1 个不通过" in result.stdout.splitlines()[-1]


def test_a_misspelt_expectation_fails_and_names_the_key_meant(tmp_path):
    cases = copy_cases(tmp_path)
    case = cases / "returns" / "27-washed-sweater-day-5.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("  outcome:", "  outcom:"), encoding="utf-8")
    result = run("test", "--cases", str(cases), "--lang", "en")
    assert result.returncode == 1
    assert "unknown key 'outcom' in expect; did you mean 'outcome'?" in result.stdout


def test_in_a_shops_folder_it_uses_that_shops_rules_and_cases(tmp_path):
    shop = tmp_path / "shop"
    shutil.copytree(EXAMPLES / "office-equipment", shop, ignore=shutil.ignore_patterns("site*"))
    result = run("test", "--lang", "en", cwd=shop)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS ") == len(list((shop / "cases").glob("*/*.yaml"))) > 0
    assert str(ROOT / "tests") not in result.stdout
