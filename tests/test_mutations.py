"""Mutation test: hundreds of edited copies of the real rules, of both shops (the repository's
and examples/office-equipment), each must fail `validate` at the changed line or build both
sites with a working checker. Never a traceback, never a hang.

The generator is deterministic (no randomness): each variant is one named edit of one
line of a shop's rules, and records the lines a good message may point at. The second shop
gets half as many variants of each kind (about 140 beside the first shop's 250), which keeps
the run time reasonable while every kind of edit meets both shops.
"""

import json
import re
import shutil
import signal
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT
from sitebuild import build_site, copy_project

from checker import loader
from checker.browser import view
from checker.engine import AnswerError, step
from checker.errors import RulesError
from checker.site.checker_page import checker_data, checker_page, training_data
from checker.site.pages import generate_pages

# Each shop's rules folder, and how many variants of each kind of edit it gets.
SHOPS = {ROOT / "rules": 8, ROOT / "examples" / "office-equipment" / "rules": 4}
# The calendar file's format is being replaced in another branch: no mutations of it here.
# A file is named by its path from the repository (rules/returns.yaml).
MUTATED_FILES = {
    rules: sorted(p.relative_to(ROOT).as_posix() for p in rules.glob("*.yaml") if p.name != "calendar.yaml") for rules in SHOPS
}
TEXT = {name: (ROOT / name).read_text(encoding="utf-8") for names in MUTATED_FILES.values() for name in names}
TIME_LIMIT = 5  # seconds of CPU per variant: a hang fails the variant instead of the suite
WAIT_LIMIT = 60  # seconds on the clock, for a hang that waits instead of computing
MAX_STEPS = 400  # engine steps explored per flow and audience

NUMBER_EDITS = (".nan", ".inf", "-.inf", "-1", "0", "1.5", "1000000000", "1e308", '"7"', "[1, 2]", "true", "~")
TEXT_EDITS = ('"25:99"', "1600", '"funday"', '"#zzz"', '"a`b"', '"a %% b"', '""', "12")
REF_KEYS = ("why", "rule", "flag", "route", "follow_up", "say_params", "price_difference")
DELETABLE = ("owner", "effective", "audience", "source", "why", "kind", "next", "public_answer", "status", "id")


def _indent(line):
    """(indent of the line's key, whether the line starts a list item)."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    if stripped.startswith("- "):
        return indent + 2, True
    return indent, False


def _content(line):
    return line.strip() and not line.lstrip().startswith("#")


def _block(lines, index):
    """(first, last) 0-based lines of the mapping that holds line ``index``."""
    key, _ = _indent(lines[index])
    first = index
    for j in range(index, -1, -1):
        if not _content(lines[j]):
            continue
        indent, item = _indent(lines[j])
        if indent < key:
            break
        first = j
        if indent == key and item:
            break
    last = index
    for j in range(index + 1, len(lines)):
        if not _content(lines[j]):
            continue
        indent, item = _indent(lines[j])
        if indent < key or (indent == key and item):
            break
        last = j
    return first, last


def _param_lines(lines):
    """Indexes of `name: scalar` lines directly under a `params:` key."""
    found, inside = [], None
    for index, line in enumerate(lines):
        if not _content(line):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if inside is not None and indent <= inside:
            inside = None
        if line.strip() == "params:":
            inside = indent
            continue
        match = re.match(r"^\s+([a-z_]+): ([^{\[].*)$", line)
        if inside is not None and match and indent == inside + 2:
            found.append(index)
    return found


def _variant(name, file, lines, expect):
    """A variant: its name, the edited file, its new text and the 1-based lines a message may name."""
    return (name, file, "\n".join(lines) + "\n", frozenset(expect))


def _replace(file, index, new_line, name, widen=False):
    lines = TEXT[file].splitlines()
    first, last = _block(lines, index) if widen else (index, index)
    lines[index] = new_line
    return _variant(name, file, lines, range(first + 1, last + 2))


def generate_variants():
    """Every variant of every shop, in a fixed order."""
    return [variant for rules, per_kind in SHOPS.items() for variant in _thin(shop_variants(MUTATED_FILES[rules]), per_kind)]


def shop_variants(files):
    """Every variant of one shop's files."""
    variants = []
    references = {}  # rule id -> [(file, 1-based line)] where it is written
    for file in files:
        for number, line in enumerate(TEXT[file].splitlines(), 1):
            for rule_id in re.findall(r"\b[A-Z]{2,5}(?:-[A-Z0-9]+)+\b", line):
                references.setdefault(rule_id, []).append((file, number))
    for file in files:
        lines = TEXT[file].splitlines()
        # Param values: wrong types, NaN, infinities, huge and negative numbers, bad times and colours.
        for count, index in enumerate(_param_lines(lines)):
            key, value = lines[index].split(": ", 1)
            numeric = re.fullmatch(r"-?\d+(\.\d+)?", value) is not None
            edits = NUMBER_EDITS if numeric else TEXT_EDITS
            for offset in range(4):
                edit = edits[(count * 3 + offset) % len(edits)]
                variants.append(_replace(file, index, f"{key}: {edit}", f"{file}:{index + 1}:param={edit}"))
            if numeric:  # an ordinary change a supervisor makes: it must build
                variants.append(_replace(file, index, f"{key}: {int(float(value)) + 1}", f"{file}:{index + 1}:param+1"))
        for index, line in enumerate(lines):
            stripped = line.strip()
            # References to rules: renamed to an id that does not exist.
            match = re.match(r"^(\s*(?:- )?)(" + "|".join(REF_KEYS) + r"): ([A-Z][A-Z0-9-]+)$", line)
            if match:
                prefix, key, rule_id = match.groups()
                variants.append(_replace(file, index, f"{prefix}{key}: {rule_id}-X", f"{file}:{index + 1}:{key}-renamed"))
            # Rule ids renamed where they are defined: messages may point at any place that names them.
            match = re.match(r"^(\s*- id: )([A-Z]{2,5}(?:-[A-Z0-9]+)+)$", line)
            if match:
                old = match.group(2)
                renamed = lines.copy()
                renamed[index] = f"{match.group(1)}{old}-X"
                expect = {n for f, n in references[old] if f == file}
                variants.append(_variant(f"{file}:{index + 1}:id-renamed", file, renamed, expect))
            # Audience changes, of rules, questions and answers.
            if stripped in ("audience: public", "audience: staff"):
                flipped = "staff" if stripped.endswith("public") else "public"
                variants.append(
                    _replace(file, index, line.replace(stripped, f"audience: {flipped}"), f"{file}:{index + 1}:audience", True)
                )
            if ", audience: staff}" in line:
                # The answer now leads customers on: the message may name it or the staff step it leads to.
                target = re.search(r"next: ([a-z_]+)", line).group(1)
                step_line = next(n for n, text in enumerate(lines) if text.strip() == f"- id: {target}")
                first, last = _block(lines, step_line)
                edited = lines.copy()
                edited[index] = line.replace(", audience: staff}", "}")
                expect = {index + 1, *range(first + 1, last + 2)}
                variants.append(_variant(f"{file}:{index + 1}:answer-public", file, edited, expect))
            # Deleted keys.
            match = re.match(r"^\s*(?:- )?([a-z_]+):", line)
            if match and match.group(1) in DELETABLE and not line.rstrip().endswith(":") and not stripped.startswith("- "):
                first, _ = _block(lines, index)
                deleted = lines[:index] + lines[index + 1 :]
                variants.append(
                    _variant(f"{file}:{index + 1}:deleted-{match.group(1)}", file, deleted, range(first + 1, index + 2))
                )
            # Interview edits: loops and dangling steps.
            match = re.match(r"^(\s*)next: ([a-z_]+)$", line)
            if match:
                start = re.search(r"^\s+start: ([a-z_]+)$", TEXT[file], re.M).group(1)
                variants.append(_replace(file, index, f"{match.group(1)}next: {start}", f"{file}:{index + 1}:loop-to-start"))
                variants.append(_replace(file, index, f"{match.group(1)}next: nowhere", f"{file}:{index + 1}:dangling"))
            # Text that could break a flowchart or a page.
            if re.match(r"^\s*(?:- )?(title|ask|label): \{zh: [^,]+, en: [^}]+\}", stripped) or "label: {zh:" in line:
                for mark in ("`", "%%", '"'):
                    edited = re.sub(r"en: ([A-Za-z])", lambda m, mark=mark: f"en: {m.group(1)}{mark}", line, count=1)
                    if edited != line:
                        variants.append(_replace(file, index, edited, f"{file}:{index + 1}:text{mark}"))
            # Numbers of questions and scenario answers.
            match = re.match(r"^(\s*)(min|max|order): (\d+)$", line)
            if match:
                for edit in (".nan", "1e999", '"x"'):
                    variants.append(
                        _replace(
                            file,
                            index,
                            f"{match.group(1)}{match.group(2)}: {edit}",
                            f"{file}:{index + 1}:{match.group(2)}={edit}",
                        )
                    )
    return variants


def _thin(variants, per_kind):
    """At most ``per_kind`` variants of each kind, evenly spread over the files (keeps the suite fast)."""
    kinds = {}
    for variant in variants:
        kind = re.sub(r"=.*", "", variant[0].rsplit(":", 1)[1])
        kinds.setdefault(kind, []).append(variant)
    chosen = []
    for kind, group in kinds.items():
        keep = per_kind * 6 if kind == "param" else per_kind  # params: the main holes
        stride = max(1, len(group) // keep)
        chosen.extend(group[::stride][:keep])
    return chosen


VARIANTS = generate_variants()


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


@cache
def _parse_cached(text, path):
    return _PARSE(text, path)


_PARSE = loader.load_yaml_text


def _answers_to_try(question, data, flow, answers):
    """A bounded set of answers: every choice, dates and numbers around each param the flow reads."""
    if question["kind"] == "choice":
        return [a["value"] for a in question["answers"]]
    numbers = {0, 1}
    for rule_id in data["rules"]:
        for value in data["rules"][rule_id].get("params", {}).values():
            if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 400:
                numbers.update({int(value) - 1, int(value), int(value) + 1})
    numbers = sorted(n for n in numbers if n >= 0)[:8]
    if question["kind"] == "number":
        return [n for n in numbers if question.get("min", 0) <= n <= question.get("max", n)] or [question.get("min", 0)]
    base = 20270  # 2025-06-30 as a day number; plus offsets gives dates around each param
    from checker.engine.dates import format_date

    if question["kind"] == "date":  # only differences between dates matter: the first date is fixed
        dated = [q["id"] for q in flow["questions"] if q["kind"] == "date" and q["id"] in answers]
        return [format_date(base)] if not dated else [format_date(base + n) for n in numbers]
    return [format_date(base + n) + "T17:45" for n in numbers[:3]]


def _explore(data, flow_id):
    """Walk every branch of a flow (bounded), rendering each screen as the browser would."""
    state = {"mode": "check", "flow": flow_id, "answers": {}, "order": []}
    pending, steps = [{}], 0
    while pending and steps < MAX_STEPS:
        answers = pending.pop()
        steps += 1
        try:
            result = step(data, flow_id, dict(answers))
        except AnswerError:
            continue
        state = {"mode": "check", "flow": flow_id, "answers": answers, "order": list(answers)}
        if result["type"] == "decision":
            view.decision_card(data, state, result["decision"])
            continue
        question = result["question"]
        view.question_card(data, state, result)
        for value in _answers_to_try(question, data, data["flows"][flow_id], answers):
            pending.append({**answers, question["id"]: value})
    return steps


def _contract(bundle):
    """A passing rules folder gives both sites' pages and a checker that answers every branch."""
    for audience in ("staff", "public"):
        pages = generate_pages(bundle, audience)
        assert pages
        data = checker_data(bundle, audience)
        json.dumps(data, allow_nan=False)
        checker_page(data, "micropython")
        if data["training"]:
            json.dumps(training_data(bundle), allow_nan=False)
        for flow_id in data["flows"]:
            _explore(data, flow_id)


def _check_variant(variant, tmp_path, monkeypatch):
    """Apply one variant; return the bundle if it passed, after asserting the message contract."""
    name, file, text, expect = variant
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in (ROOT / file).parent.glob("*.yaml"):
        shutil.copy(path, rules)
    (rules / Path(file).name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(loader, "load_yaml_text", _parse_cached)
    try:
        bundle = loader.load_rules("rules")
    except RulesError as error:
        problems = error.problems
        assert problems, name
        for problem in problems:
            assert problem.path.startswith("rules/") and problem.line >= 1 and problem.column >= 1, str(problem)
            assert ": " in str(problem) and problem.message, str(problem)
        pointed = {p.line for p in problems if p.path == f"rules/{Path(file).name}"}
        assert pointed & expect, f"{name}: no message points at lines {sorted(expect)}:\n" + "\n".join(map(str, problems))
        return None
    json.dumps(bundle, allow_nan=False)
    _contract(bundle)
    return bundle


def test_the_generator_makes_enough_distinct_variants():
    names = [variant[0] for variant in VARIANTS]
    assert len(names) >= 150
    second = [name for name in names if name.startswith("examples/office-equipment/")]
    assert len(second) >= 100 and len({name.rsplit(":", 1)[1].split("=")[0] for name in second}) >= 15
    assert len(set(names)) == len(names)
    assert len({variant[2] for variant in VARIANTS}) == len(VARIANTS)
    assert all(variant[2] != TEXT[variant[1]] for variant in VARIANTS)


def within_limits(function, *args, cpu=TIME_LIMIT):
    """Run function(*args); _Hang if it takes over ``cpu`` s of CPU or WAIT_LIMIT s in all.
    CPU time, not the clock: a busy machine (or a second pytest-xdist worker) slows a variant
    down without making it a hang."""
    previous = signal.signal(signal.SIGPROF, _alarm), signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_PROF, cpu)
    signal.alarm(WAIT_LIMIT)
    try:
        return function(*args)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.alarm(0)
        signal.signal(signal.SIGPROF, previous[0])
        signal.signal(signal.SIGALRM, previous[1])


def test_a_hang_is_caught():
    def spin():
        while True:
            pass

    with pytest.raises(_Hang):
        within_limits(spin, cpu=0.5)


# Holes the mutation test found that another branch closes. Strict: once that branch is merged
# the variant passes, the mark fails the run, and the entry is deleted.
# Variants that a known gap still lets through, each with the reason (strict: one that starts
# failing at its line must leave this list). None today: the audience proof closed the last one.
KNOWN_HOLES = {}


def _marked(variant):
    hole = KNOWN_HOLES.get(variant[0])
    marks = [pytest.mark.xfail(reason=hole, strict=True)] if hole else []
    return pytest.param(variant, id=variant[0], marks=marks)


@pytest.mark.parametrize("variant", [_marked(variant) for variant in VARIANTS])
def test_a_variant_fails_at_its_line_or_builds_a_working_checker(variant, tmp_path, monkeypatch):
    try:
        within_limits(_check_variant, variant, tmp_path, monkeypatch)
    except _Hang:
        pytest.fail(f"{variant[0]}: took over {TIME_LIMIT} s of CPU or {WAIT_LIMIT} s in all (a hang)")


def test_passing_variants_build_both_sites_strictly(tmp_path):
    """A small sample of passing variants, of both shops, goes through the real strict MkDocs build."""
    passing = [v for v in VARIANTS if v[0].endswith("param+1")]
    first = [v for v in passing if v[1].startswith("rules/")][::5]  # two of the eight
    sample = first + [v for v in passing if v[1].startswith("examples/")][:1]
    assert len(first) >= 2 and len(sample) == len(first) + 1
    for number, (name, file, text, _) in enumerate(sample):
        project = copy_project(tmp_path / f"project{number}", (ROOT / file).parent.parent)
        (project / "rules" / Path(file).name).write_text(text, encoding="utf-8")
        for config in ("mkdocs.yml", "mkdocs.public.yml"):
            assert build_site(tmp_path / f"site{number}-{config}", config, project) == [], name
