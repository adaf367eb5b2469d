"""Each broken rules file is reported at its file, line and column, with what to do."""

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from checker.errors import RulesError
from checker.loader import load_rules
from checker.reading.schema import SCHEMA_PATH, SUPPORTED_KEYWORDS
from checker.reading.yamlsource import MAX_FILE_BYTES

BROKEN = ROOT / "tests" / "broken"
FIXTURES = sorted(BROKEN.glob("*.yaml"))
EXPECT = "# expect: "


def expected_lines(fixture):
    text = fixture.read_bytes().decode("utf-8", errors="replace")
    return [line[len(EXPECT) :] for line in text.splitlines() if line.startswith(EXPECT)]


def problems_for(files, tmp_path, monkeypatch, lang="en"):
    """Validate a rules folder made of the repository's shop.yaml plus the given files; each
    problem as printed in ``lang`` (the expectations are written in English)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(ROOT / "rules" / "shop.yaml", rules)
    for file in files:
        shutil.copy(file, rules)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    return caught.value.lines(lang)


def test_the_corpus_has_at_least_30_broken_files():
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_broken_file_is_reported_where_it_is_wrong(fixture, tmp_path, monkeypatch):
    expected = expected_lines(fixture)
    assert expected, f"{fixture.name} has no '{EXPECT}' lines"
    assert problems_for([fixture], tmp_path, monkeypatch) == expected


def _nodes(root):
    """Every mapping, list and value inside parsed YAML or JSON, depth first."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _names_in_rules(text):
    """What a message may quote as written: keys, and values without spaces (ids, enum
    values), of one rules file. Keys are also found by pattern where the file does not parse."""
    names = set(re.findall(r"([A-Za-z_][\w-]*)\s*:", text))
    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        data = None
    for node in _nodes(data):
        if isinstance(node, dict):
            names.update(node)
        elif isinstance(node, str) and not any(ch.isspace() for ch in node):
            names.add(node)
    return names


def _names_in_schema():
    """Every key, enum value and constant the schema defines."""
    names = set()
    for node in _nodes(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            names.update(str(value) for value in node.get("enum", []))
            names.update([str(node["const"])] if "const" in node else [])
    return names


# Names of formats a Chinese sentence writes as they are.
FORMAT_NAMES = {"YAML", "UTF-8", "UTC", "YYYY-MM-DD"}


def english_left_in(message, names):
    """The English words of a Chinese message once what is quoted ('…', `…`), file names and
    the rules' own keys, ids and values are taken out; empty when the message is all Chinese."""
    rest = re.sub(r"`[^`]*`", " ", message)
    rest = re.sub(r"'[^']*'", " ", rest)
    rest = re.sub(r"[\w./-]+\.ya?ml(?::\d+)*", " ", rest)
    tokens = re.findall(r"[A-Za-z0-9_][A-Za-z0-9_.+-]*", rest)
    return [token for token in tokens if token not in names | FORMAT_NAMES and re.search(r"[A-Za-z]{3,}", token)]


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_every_message_reads_in_chinese_by_default(fixture, tmp_path, monkeypatch):
    text = fixture.read_bytes().decode("utf-8", errors="replace")
    names = _names_in_rules(text) | _names_in_rules((ROOT / "rules" / "shop.yaml").read_text(encoding="utf-8"))
    names |= _names_in_schema()
    problems = problems_for([fixture], tmp_path, monkeypatch, lang="zh")
    assert len(problems) == len(expected_lines(fixture))
    for line in problems:
        place, message = re.match(r"^(\S+?:\d+:\d+): (.*)$", line).groups()
        assert re.search(r"[\u4e00-\u9fff]", message), line
        assert english_left_in(message, names) == [], line
        assert "did you mean" not in message, line


def test_the_chinese_check_catches_english_words():
    names = {"RET-A", "owner"}
    assert english_left_in("规则 RET-A 缺少 'owner'；请加上", names) == []
    assert english_left_in("rule RET-A is missing 'owner'; add it", names) == ["rule", "missing", "add"]
    assert english_left_in("规则 RET-A 的 `text.en` 不在 params 里", names) == ["params"]


def test_every_problem_in_every_file_is_reported_in_one_run(tmp_path, monkeypatch):
    chosen = [BROKEN / "04-duplicate-key.yaml", BROKEN / "17-bad-rule-id.yaml", BROKEN / "35-closure-ends-before-start.yaml"]
    expected = [line for fixture in chosen for line in expected_lines(fixture)]
    assert len(expected) == 3
    assert problems_for(chosen, tmp_path, monkeypatch) == expected


def test_a_huge_file_is_refused_before_parsing(tmp_path, monkeypatch):
    source = tmp_path / "source"
    source.mkdir()
    huge = source / "huge.yaml"
    line = "# " + "x" * 98 + "\n"
    huge.write_text("kind: area\n" + line * (MAX_FILE_BYTES // len(line) + 1), encoding="utf-8")
    size = huge.stat().st_size
    assert problems_for([huge], tmp_path, monkeypatch) == [
        f"rules/huge.yaml:1:1: file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a rules file; "
        "split it into several files"
    ]


def test_duplicate_rule_ids_across_files_name_the_first_place(tmp_path, monkeypatch):
    source = tmp_path / "source"
    source.mkdir()
    copy = source / "zz-flags-copy.yaml"
    copy.write_text(
        (ROOT / "rules" / "order-flags.yaml").read_text(encoding="utf-8").replace("area: order-flags", "area: flags-copy"),
        encoding="utf-8",
    )
    problems = problems_for([*sorted((ROOT / "rules").glob("*.yaml")), copy], tmp_path, monkeypatch)
    assert len(problems) == 5
    assert problems[0] == "rules/zz-flags-copy.yaml:18:13: rule id FLAG-RED is already defined at rules/order-flags.yaml:18:13"


def test_the_schema_uses_only_keywords_the_validator_implements():
    def keywords(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("properties", "$defs"):
                    yield key
                    yield from keywords(value)
                else:
                    for child in value.values():
                        yield from keywords(child)
        elif isinstance(node, list):
            for child in node:
                yield from keywords(child)

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert set(keywords(schema)) - SUPPORTED_KEYWORDS == set()


def test_every_rules_file_declares_the_schema_for_editors():
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/rules.schema.json\n"), (
            path.name
        )


def _real_rules_with(tmp_path, monkeypatch, name, edit):
    """The repository's rules with one file edited; returns the problems reported."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    problems = caught.value.problems
    return [p.render("zh") for p in problems], [p.render("en") for p in problems], path.read_text(encoding="utf-8").splitlines()


def test_a_scenario_must_reach_the_outcome_it_teaches(tmp_path, monkeypatch):
    chinese, english, lines = _real_rules_with(
        tmp_path, monkeypatch, "training.yaml", lambda text: text.replace("outcome: out_condition", "outcome: out_too_late", 1)
    )
    line = next(n for n, text in enumerate(lines, 1) if "outcome: out_too_late" in text)
    assert chinese == [
        f"rules/training.yaml:{line}:14: 训练场景「洗过的毛衣」得到 out_condition，不是 out_too_late；请修改它的答案或 outcome"
    ]
    assert english == [
        f"rules/training.yaml:{line}:14: scenario 'washed-sweater' reaches out_condition, not out_too_late; "
        "fix its answers or its outcome"
    ]


def test_a_scenario_must_answer_every_question_on_its_path(tmp_path, monkeypatch):
    chinese, english, lines = _real_rules_with(
        tmp_path,
        monkeypatch,
        "training.yaml",
        lambda text: text.replace(', condition: washed, refuses_all: "no"}', ', refuses_all: "no"}', 1),
    )
    line = next(n for n, text in enumerate(lines, 1) if 'exchanged_before: "no", refuses_all: "no"}' in text)
    assert chinese == [
        f"rules/training.yaml:{line}:14: 训练场景「洗过的毛衣」没有回答它的路径会问到的 'condition'；请把它加到 answers"
    ]
    assert english == [
        f"rules/training.yaml:{line}:14: scenario 'washed-sweater' does not answer 'condition', which its path asks; add it to answers"
    ]


def test_public_answer_must_be_an_answer_of_a_staff_question(tmp_path, monkeypatch):
    _, problems, lines = _real_rules_with(
        tmp_path, monkeypatch, "returns.yaml", lambda text: text.replace('public_answer: "no"', 'public_answer: "nope"', 1)
    )
    line = next(n for n, text in enumerate(lines, 1) if 'public_answer: "nope"' in text)
    assert problems == [
        f"rules/returns.yaml:{line}:22: public_answer belongs on a staff choice question and must be one of its answers (yes, no)"
    ]
