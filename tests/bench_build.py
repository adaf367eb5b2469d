"""`make bench` (second part): the build's time and search index as the rules grow.

The rules are multiplied (generated in a temporary folder, never committed): copies of the
areas without a flow (conduct, schedules), each with its own area name and rule ids, until the
shop has about ``factor`` times its rules. A copy keeps the views that draw on its own rules (a
shift table names its rule) and leaves out those that draw on the whole shop (a view with no
parameters: the timeline lists every rule with a clock time). A shop has one timetable; twenty-one
copies of it, each listing every copy's times, grew the pages with the square of the rules (a
third of the multiplied handbook's Markdown). Prints, from one run, the staff site's build time
(both languages), its pages and its search index per rule, for the real rules and the multiplied
ones, and the growth as ratios: timings on these machines are noisy.

Each build runs in a fresh Python process, as `mkdocs build` does: a build's first run in a
process also imports the theme's plugins and compiles its templates, so timing the real rules
first and the multiplied ones second in one process charged those once-only costs to the real
rules alone and showed a growth smaller than it is. Medians of ``--runs`` builds (default 3),
wall clock and the build process's CPU time (which other work on the machine disturbs less).
"""

import argparse
import json
import re
import shutil
import statistics
import subprocess
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
            text = re.sub(r"^  - view: \S+\n(?!    )", "", text, flags=re.M)  # views of the whole shop
            text = re.sub(r"^views:\n(?!  )", "", text, flags=re.M)  # none left
            text = re.sub(
                r"^(title: \{zh: )([^,]+)(, en: )([^}]+)\}$", rf"\g<1>\g<2> {copy}\g<3>\g<4> {copy}}}", text, flags=re.M
            )
            text = re.sub(r"^(nav: \{zh: )([^,]+)(, en: )([^}]+)\}$", rf"\g<1>\g<2> {copy}\g<3>\g<4> {copy}}}", text, flags=re.M)
            (into / f"{area}-{copy}.yaml").write_text(text, encoding="utf-8")
            count += text.count("\n      - id: ")
    return into


def build(project, site):
    """Wall and CPU seconds of building the staff site (both languages) in this process."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started, cpu = time.perf_counter(), time.process_time()
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    return time.perf_counter() - started, time.process_time() - cpu


def measured(project, site, runs):
    """Median wall and CPU seconds of ``runs`` builds, each in a fresh process; the rule count,
    the pages of one language and the search index's bytes per rule."""
    times = []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(project), str(site)], check=True, capture_output=True, text=True
        ).stdout
        times.append(json.loads(out.strip().splitlines()[-1]))
    rules = len(load_rules(project / "rules")["rules"])
    pages = sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in (site / "en").rglob("*.html"))
    index = (site / "search" / "search_index.json").stat().st_size + (site / "assets" / "search" / "rules.json").stat().st_size
    return statistics.median(wall for wall, _ in times), statistics.median(cpu for _, cpu in times), rules, pages, index / rules


def main(factor=10, runs=3):
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
            results[label] = measured(project, Path(folder) / f"site-{times}", runs)
            seconds, cpu, rules, pages, per_rule = results[label]
            print(
                f"{label:>10}: {rules} rules, {pages} pages a language, build {seconds:.2f} s (both languages; CPU {cpu:.2f} s), "
                f"search index {per_rule / 1000:.2f} KB per rule"
            )
        (s1, c1, r1, p1, i1), (s2, c2, r2, p2, i2) = results.values()
        print(
            f"growth: {r2 / r1:.1f} x the rules ({p2 / p1:.1f} x the pages) cost {s2 / s1:.2f} x the build time (CPU {c2 / c1:.2f} x); "
            f"index per rule {i2 / i1:.2f} x"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("factor", nargs="?", type=int, default=10, help="how many times the rules (default 10)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each, each in a fresh process (median)")
    parser.add_argument("--one", nargs=2, metavar=("PROJECT", "SITE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(build(*map(Path, arguments.one))))
    else:
        main(arguments.factor, arguments.runs)
