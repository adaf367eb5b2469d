"""A copy of the example rules with one dated change, for the tests of dated rules.

The policy brief names no change of the return window, so the example data has none; this
copy adds one: from 2026-11-01 the window is 10 days instead of 7. The golden cases in
tests/dated/cases/ are decided with it: one requested before that day, one after."""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATED_CASES = ROOT / "tests" / "dated" / "cases"
CHANGE_DAY = "2026-11-01"
VERSIONS = """        versions:
          - from: "2026-11-01"
            reason: {zh: 延长退换货期限，方便买家试穿。, en: A longer window gives buyers time to try things on.}
            source: {seed: "001", passage: "收货7天之内"}
            params: {days: 10}
"""


def dated_rules(tmp_path, versions=VERSIONS):
    """A copy of rules/ in ``tmp_path`` whose RET-WINDOW has ``versions``."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    path = folder / "returns.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "          count_from: next_day\n"
    assert text.count(anchor) == 1
    path.write_text(text.replace(anchor, anchor + versions, 1), encoding="utf-8")
    return folder


# Two training scenarios for the copy: the same day-8 request before and after the change.
SCENARIOS = """  - id: dated-before
    flow: returns
    title: {zh: 改期限之前第 8 天, en: Day 8 before the change}
    story:
      zh: "{signed_on}签收的毛衣，买家在 {requested_on}说尺码不合适想退货。"
      en: "A sweater signed for on {signed_on}; on {requested_on} the buyer says it does not fit."
    answers: {dispute: "no", sold_by_us: "yes", reason: size, signed_on: "2026-10-20", requested_on: "2026-10-28", refuses_all: "no"}
    given: [dispute, sold_by_us, reason, signed_on, requested_on, refuses_all]
    outcome: out_too_late
  - id: dated-after
    flow: returns
    title: {zh: 改期限之后第 8 天, en: Day 8 after the change}
    story:
      zh: "{signed_on}签收的毛衣，买家在 {requested_on}说尺码不合适想退款，全新未穿，吊牌赠品都在。平台店铺订单，第一次退换。"
      en: "A sweater signed for on {signed_on}; on {requested_on} the buyer says it does not fit and wants a refund. Unworn, tags and gift there. Marketplace order, first return."
    answers: {dispute: "no", sold_by_us: "yes", reason: size, signed_on: "2026-10-26", requested_on: "2026-11-03", exchanged_before: "no", condition: resaleable, buyer_gifts: "yes", buyer_wish: refund, channel: marketplace}
    given: [dispute, sold_by_us, reason, signed_on, requested_on, exchanged_before, condition, buyer_gifts, buyer_wish, channel]
    outcome: out_buyer_refund_marketplace
"""


def with_scenarios(folder):
    """Add SCENARIOS to the copy's training file."""
    path = folder / "training.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + SCENARIOS, encoding="utf-8")
    return folder
