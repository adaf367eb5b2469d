"""最近更新 · What's new: generated from the rules' dated versions; a badge marks a rule changed
in the last 30 days on its page, in the quick reference and in the checker's citations; the
printed sign-off page names the edition's changes."""

import json

from dated_rules import CHANGE_DAY, dated_rules
from test_dated_rules import AFTER, ANNOUNCED

from checker.loader import load_rules
from checker.site.checker_page import checker_data
from checker.site.history import as_of
from checker.site.markup import speaking
from checker.site.pages import closing_navigation, generate_pages
from checker.site.whatsnew import PAGE


def pages(bundle, day, lang="zh"):
    with speaking(lang):
        return generate_pages(as_of(bundle, day), "staff", "Handbook")


def test_the_page_lists_each_change_with_its_day_rule_values_and_reason(tmp_path):
    bundle = load_rules(dated_rules(tmp_path, ANNOUNCED))
    page = pages(bundle, "2026-12-04")[PAGE]
    assert page.startswith("# 最近更新")
    later, first = page.index("2027-03-01"), page.index(CHANGE_DAY)
    assert later < first  # newest first; the announced one says it is not in force yet
    assert "（尚未生效）" in page[later:first] and "（尚未生效）" not in page[first:]
    assert "<code>days</code> 7 → 10" in page and "<code>days</code> 10 → 14" in page
    assert "延长退换货期限，方便买家试穿。" in page and "policies/returns/#RET-WINDOW" in page
    assert "原来：" in page and "7 个自然日" in page and "现在：" in page
    english = pages(bundle, "2026-12-04", "en")[PAGE]
    assert english.startswith("# What's new") and "A longer window gives buyers time to try things on." in english
    assert "延长" not in english
    with speaking("zh"):
        assert ("最近更新", PAGE) in closing_navigation()
    # No dated change: the page says so.
    assert "目前还没有规则修改。" in pages(load_rules(), "2026-12-04")[PAGE]


def test_a_rule_changed_in_the_last_30_days_carries_a_badge_then_loses_it(tmp_path):
    bundle = load_rules(dated_rules(tmp_path))
    for day, shown in (("2026-11-20", True), ("2026-12-04", False), ("2026-10-31", False)):
        generated = pages(bundle, day)
        window = generated["policies/returns.md"]
        window = window[window.index("{#RET-WINDOW}") : window.index("{#RET-DEFECT-LATE}")]
        quick = generated["reference/quick.md"]
        assert ('class="rule-new"' in window) is shown, day
        assert ('#RET-WINDOW){ data-search-exclude="" } <span class="rule-new"' in quick) is shown, day
        assert ('class="rule-new"' in generated["policies/conduct.md"]) is False
    staff = checker_data(json.loads(json.dumps(dict(bundle, recent=as_of(bundle, "2026-11-20")["recent"]))), "staff")
    assert staff["recent"] == {"RET-WINDOW": CHANGE_DAY}
    import yaml

    from checker.browser.view import VERDICT_ROWS
    from checker.engine import step

    answers = yaml.safe_load(AFTER.read_text(encoding="utf-8"))["answers"]
    cited = str(VERDICT_ROWS["rules"](staff, step(staff, "returns", answers)["decision"]["rules"]))
    assert cited.count('class="rule-new"') == 1 and f"新：{CHANGE_DAY} 修改" in cited
    assert checker_data(json.loads(json.dumps(dict(bundle, recent={"RET-WINDOW": CHANGE_DAY}))), "public")["recent"] == {}


def test_the_sign_off_page_names_the_edition_and_its_changes(tmp_path):
    bundle = load_rules(dated_rules(tmp_path, ANNOUNCED))
    printed = pages(bundle, "2026-12-04")["reference/print.md"]
    signoff = printed[printed.index("{#signoff}") :]
    assert f"规则日期 {CHANGE_DAY}" in signoff  # the edition's date moves with the change in force
    assert "本版的规则修改" in signoff and "<code>days</code> 7 → 10" in signoff
    assert "2027-03-01" not in signoff  # not in force yet: not in this edition
    plain = pages(load_rules(), "2026-12-04")["reference/print.md"]
    assert "本版的规则修改" not in plain
