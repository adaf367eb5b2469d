"""Review dates: each rule's owner reviews it by its review_by (else effective + the shop's
review_every_days); validate warns at the rule once the date has passed; the handbook lists every
rule under its owner, the next review first."""

import copy
import datetime
import shutil

from conftest import ROOT, rules_bundle
from test_cli import run

from checker.site.markup import speaking
from checker.site.reference import reviews_page


def copy_rules(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    return folder


def test_a_rule_past_its_review_date_is_a_warning_at_that_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "returns.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == 'effective: "2026-01-01"' and i > 50)
    lines.insert(at + 1, lines[at].replace('effective: "2026-01-01"', 'review_by: "2026-06-30"'))
    path.write_text("".join(lines), encoding="utf-8")
    result = run("--rules", str(rules), "validate", "--lang", "en", "--today", "2026-12-04", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "due for review" in line]
    assert len(warned) == 1, result.stderr
    assert warned[0].startswith(f"rules/returns.yaml:{at + 2}:")
    assert "on 2026-06-30, 157 days ago" in warned[0] and "set review_by to the next review date" in warned[0]
    later = run("--rules", str(rules), "validate", "--lang", "en", "--today", "2027-01-02", cwd=tmp_path)
    assert later.stderr.count("due for review") == len(rules_bundle()["rules"])  # the others, a year after 2026-01-01


def test_the_shops_interval_sets_every_other_rules_date(tmp_path):
    rules = copy_rules(tmp_path)
    shop = rules / "shop.yaml"
    shop.write_text(
        shop.read_text(encoding="utf-8").replace('version: "2026.1"', 'version: "2026.1"\nreview_every_days: 30'),
        encoding="utf-8",
    )
    result = run("--rules", str(rules), "validate", "--today", "2026-12-04", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "前由" in line and "复核" in line]
    assert len(warned) == len(rules_bundle()["rules"])  # all effective 2026-01-01: due 2026-01-31, long past


def test_a_review_date_before_the_rule_takes_effect_is_refused(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "conduct.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('effective: "2026-01-01"', 'effective: "2026-01-01"\n        review_by: "2025-12-31"', 1), encoding="utf-8"
    )
    result = run("--rules", str(rules), "validate", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 1
    assert "review date 2025-12-31 is not after the effective date 2026-01-01; give a later date" in result.stderr


def test_the_reviews_page_lists_rules_by_owner_earliest_first():
    bundle = copy.deepcopy(rules_bundle())
    owner = bundle["rules"]["RET-WINDOW"]["owner"]
    bundle["rules"]["RET-WINDOW"]["review_by"] = "2026-12-20"  # soon: first under its owner
    with speaking("en"):
        ordered = reviews_page(bundle, today=datetime.date(2026, 12, 10))
    section = ordered.split(f"## {bundle['roles'][owner]['en']}".replace("-", "\\-"), 1)[1].split("\n## ", 1)[0]
    first_row = next(line for line in section.splitlines() if line.startswith("| [")) if "| [" in section else section
    assert "RET-WINDOW" in first_row, first_row
    bundle = rules_bundle()
    with speaking("en"):
        page = reviews_page(bundle, today=datetime.date(2027, 1, 15))
    owners = [line[3:].replace("\\", "") for line in page.splitlines() if line.startswith("## ")]
    assert owners == [
        role["en"] for role_id, role in bundle["roles"].items() if any(r["owner"] == role_id for r in bundle["rules"].values())
    ]
    assert page.count("**Overdue**") == len(bundle["rules"])  # every rule was due on 2027-01-01
    with speaking("zh"):
        early = reviews_page(bundle, today=datetime.date(2026, 12, 10))
    assert early.count("**30 天内到期**") == len(bundle["rules"]) and "已过期" not in early
