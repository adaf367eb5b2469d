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
