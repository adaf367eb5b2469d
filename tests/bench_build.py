"""`make bench` (second part): the build's time and search index as the rules grow.

The rules are multiplied (generated in a temporary folder, never committed): copies of the
areas without a flow (conduct, schedules), each with its own area name and rule ids, until the
shop has about ``factor`` times its rules. Prints, from one run, the staff site's build time
(both languages) and its search index per rule, for the real rules and the multiplied ones, and
the growth as ratios: timings on these machines are noisy.
"""

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.loader import load_rules  # noqa: E402

COPIED = {"conduct.yaml": "CON", "schedules.yaml": "SCH"}  # areas without a flow, by their ids' prefix


def multiplied(rules, into, factor):
    """A copy of ``rules`` with about ``factor`` times as many rules; returns the folder."""
    shutil.copytree(rules, into)
    count, target = len(load_rules(rules)["rules"]), factor * len(load_rules(rules)["rules"])
    copy = 1
    while count < target:
        copy += 1
        for name, prefix in COPIED.items():
            text = (rules / name).read_text(encoding="utf-8")
            area = re.search(r"^area: (\S+)$", text, re.M).group(1)
            text = re.sub(rf"\b{prefix}-", f"{prefix}-C{copy}-", text)
            text = re.sub(r"^area: \S+$", f"area: {area}-{copy}", text, flags=re.M)
            text = re.sub(r"^order: \d+$", f"order: {100 + copy}", text, flags=re.M)
            text = re.sub(
                r"^(title: \{zh: )([^,]+)(, en: )([^}]+)\}$", rf"\g<1>\g<2> {copy}\g<3>\g<4> {copy}}}", text, flags=re.M
            )
            text = re.sub(r"^(nav: \{zh: )([^,]+)(, en: )([^}]+)\}$", rf"\g<1>\g<2> {copy}\g<3>\g<4> {copy}}}", text, flags=re.M)
            (into / f"{area}-{copy}.yaml").write_text(text, encoding="utf-8")
            count += text.count("\n      - id: ")
    return into


def build(project, site):
    """Seconds to build the staff site (both languages) and its search index's bytes per rule."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.perf_counter()
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    seconds = time.perf_counter() - started
    rules = len(load_rules(project / "rules")["rules"])
    index = (site / "search" / "search_index.json").stat().st_size + (site / "assets" / "search" / "rules.json").stat().st_size
    return seconds, rules, index / rules


def main(factor=10):
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for label, times in (("rules/", 1), (f"rules x{factor}", factor)):
            project = Path(folder) / f"shop-{times}"
            project.mkdir()
            for name in ("mkdocs.yml", "mkdocs.en.yml"):
                shutil.copy(ROOT / name, project)
            for name in ("docs", "node_modules"):
                (project / name).symlink_to(ROOT / name)
            if times == 1:
                shutil.copytree(ROOT / "rules", project / "rules")
            else:
                multiplied(ROOT / "rules", project / "rules", times)
            results[label] = build(project, Path(folder) / f"site-{times}")
            seconds, rules, per_rule = results[label]
            print(
                f"{label:>10}: {rules} rules, build {seconds:.2f} s (both languages), search index {per_rule / 1000:.2f} KB per rule"
            )
        (s1, r1, i1), (s2, r2, i2) = results.values()
        print(f"growth: {r2 / r1:.1f} x the rules cost {s2 / s1:.2f} x the build time; index per rule {i2 / i1:.2f} x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
