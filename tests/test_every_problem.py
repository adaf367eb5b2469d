"""Every problem at once, the cause first: YAML slips explained in the reader's words at the
character that caused them, the validator going on past a slip in one file, knock-on problems
folded under their cause, and each problem at the line the editor changed."""

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from test_broken_rules import BROKEN, _real_rules_with, problems_for

from checker.errors import RulesError
from checker.loader import load_rules

SYNTAX = sorted(BROKEN.glob("0[123]-*.yaml")) + sorted(BROKEN.glob("16[0-9]-*.yaml"))
# What PyYAML says; none of it may reach a reader, in either language's words.
PYYAML_WORDS = re.compile(r"\b(?:expected|found|token|scanning|parsing|stream|block end|mapping values)\b")


@pytest.mark.parametrize("fixture", SYNTAX, ids=lambda path: path.stem)
def test_a_yaml_slip_is_explained_in_the_readers_words(fixture, tmp_path, monkeypatch):
    for lang in ("zh", "en"):
        (tmp_path / lang).mkdir()
        (problem,) = problems_for([fixture], tmp_path / lang, monkeypatch, lang=lang)
        assert not PYYAML_WORDS.search(problem), problem
        assert ("；请" if lang == "zh" else "; ") in problem


def test_a_full_width_colon_is_named_at_its_own_column(tmp_path, monkeypatch):
    fixture = BROKEN / "160-full-width-colon.yaml"
    line = next(n for n, text in enumerate(fixture.read_text(encoding="utf-8").splitlines(), 1) if "title：" in text)
    assert problems_for([fixture], tmp_path, monkeypatch, lang="zh") == [
        f"rules/160-full-width-colon.yaml:{line}:14: 这里是全角冒号 '：'，YAML 不认；请改用半角冒号 ':'"
    ]


def test_an_id_defined_twice_is_reported_in_the_file_the_editor_changed(tmp_path, monkeypatch):
    # conduct.yaml loads before returns.yaml: in load order the unchanged returns.yaml would be blamed.
    chinese, english, _ = _real_rules_with(
        tmp_path, monkeypatch, "conduct.yaml", lambda text: text.replace("- id: CON-UNIFORM", "- id: RET-SCOPE", 1)
    )
    assert english == ["rules/conduct.yaml:15:13: rule id RET-SCOPE is already defined at rules/returns.yaml:16:13"]
    assert chinese == ["rules/conduct.yaml:15:13: 规则编号 RET-SCOPE 已经在 rules/returns.yaml:16:13 定义过"]


def test_an_id_defined_twice_in_files_saved_together_is_reported_at_the_second(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    conduct = rules / "conduct.yaml"
    conduct.write_text(conduct.read_text(encoding="utf-8").replace("- id: CON-UNIFORM", "- id: RET-SCOPE", 1), encoding="utf-8")
    for path in rules.glob("*.yaml"):
        os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    assert caught.value.lines("en") == [
        "rules/returns.yaml:16:13: rule id RET-SCOPE is already defined at rules/conduct.yaml:15:13"
    ]


def _rules_with(tmp_path, monkeypatch, edits):
    """English problems of the repository's rules with some files edited ({name: edit})."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for name, edit in edits.items():
        path = rules / name
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    return caught.value.lines("en")


def _line(name, needle):
    return next(n for n, text in enumerate((ROOT / "rules" / name).read_text(encoding="utf-8").splitlines(), 1) if needle in text)


def test_a_typo_in_a_scenarios_outcome_is_reported_at_the_outcome(tmp_path, monkeypatch):
    # It used to be blamed on RET-WINDOW.days, with advice about writing answers from params.
    problems = _rules_with(
        tmp_path, monkeypatch, {"training.yaml": lambda text: text.replace("outcome: out_condition", "outcome: out_conditon", 1)}
    )
    line = _line("training.yaml", "outcome: out_condition")
    assert problems == [
        f"rules/training.yaml:{line}:14: 'out_conditon' is not an outcome of flow 'returns'; did you mean 'out_condition'?"
    ]


def test_broken_references_in_training_are_reported_with_the_rest_in_the_first_round(tmp_path, monkeypatch):
    problems = _rules_with(
        tmp_path,
        monkeypatch,
        {
            "conduct.yaml": lambda text: text.replace("owner: cs_supervisor", "owner: cs_superviser", 1),
            "training.yaml": lambda text: text.replace(
                "{param: RET-MISSING.hours, plus: 24}", "{param: RET-MISING.hours, plus: 24}"
            ),
        },
    )
    owner, param = _line("conduct.yaml", "owner: cs_supervisor"), _line("training.yaml", "{param: RET-MISSING.hours, plus: 24}")
    assert problems == [
        f"rules/conduct.yaml:{owner}:16: owner 'cs_superviser' is not a role in shop.yaml; did you mean 'cs_supervisor'?",
        f"rules/training.yaml:{param}:94: scenario 'missing-item-two-days': unknown rule 'RET-MISING'; did you mean 'RET-MISSING'?",
    ]


def test_a_bad_placeholder_in_a_flag_note_is_reported_at_the_note_once(tmp_path, monkeypatch):
    # It used to be reported at each outcome that raises the flag, four places in returns.yaml.
    problems = _rules_with(
        tmp_path, monkeypatch, {"order-flags.yaml": lambda text: text.replace("{reason|【事由】}", "{reasn|【事由】}", 1)}
    )
    line = _line("order-flags.yaml", "{reason|【事由】}")
    assert problems == [
        f"rules/order-flags.yaml:{line}:22: FLAG-GREEN note.zh uses {{reasn}}, which is no question of flow 'returns' "
        "nor 'postage'; did you mean 'reason'?"
    ]


@pytest.mark.parametrize(
    "old,new,named",
    [
        ("    - id: reason\n", "    - id: return_reason\n", 7),  # a question: nexts, conditions, flag notes, training answers
        ("    - id: signed_on\n", "    - id: signoff_date\n", 10),  # days_between, not_before, nexts, notes
        ("    - id: out_condition\n", "    - id: out_not_resaleable\n", 6),  # an outcome training teaches
    ],
    ids=["question", "date question", "outcome"],
)
def test_a_renamed_id_is_one_problem_at_the_rename(tmp_path, monkeypatch, old, new, named):
    # Renaming a question gave a dozen and more problems, the cause among them with a wrong
    # suggestion, the rest "reached by no path" and answers in training.yaml.
    was, now = old.split("id: ")[1].strip(), new.split("id: ")[1].strip()
    problems = _rules_with(tmp_path, monkeypatch, {"returns.yaml": lambda text: text.replace(old, new, 1)})
    line = _line("returns.yaml", old.rstrip("\n"))
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"rules/returns.yaml:{line}:11: nothing in the flow names '{now}', while '{was}' is named in {named} places "
        "but defined nowhere (line(s) "
    )
    assert problems[0].endswith(f"if you renamed it, name it '{was}' again or change those places to '{now}'")


def test_a_renamed_rule_is_one_problem_at_the_rename(tmp_path, monkeypatch):
    # 19 problems before: each mention in the flow, the site file and training, and the
    # outcome whose say_params named it.
    problems = _rules_with(
        tmp_path,
        monkeypatch,
        {"returns.yaml": lambda text: text.replace("      - id: RET-WINDOW\n", "      - id: RET-WINDOW-DAYS\n", 1)},
    )
    line = _line("returns.yaml", "      - id: RET-WINDOW")
    assert len(problems) == 1, problems
    assert problems[0].startswith(
        f"rules/returns.yaml:{line}:13: nothing names rule RET-WINDOW-DAYS, while RET-WINDOW is named in 17 places "
        "but defined nowhere (line(s) "
    )
    assert problems[0].endswith("if you renamed it, name it RET-WINDOW again or change those places to RET-WINDOW-DAYS")


def test_a_rule_missing_from_several_places_is_one_problem_at_the_first(tmp_path, monkeypatch):
    # No rule is named by nothing and spelt like it: the first mention, listing the others.
    problems = _rules_with(tmp_path, monkeypatch, {"site.yaml": lambda text: text.replace("RET-WINDOW", "RET-ZZZ-TYPO")})
    lines = [
        n
        for n, text in enumerate((ROOT / "rules" / "site.yaml").read_text(encoding="utf-8").splitlines(), 1)
        if "RET-WINDOW" in text
    ]
    assert len(lines) > 1 and len(problems) == 1, problems
    assert problems[0].startswith(f"rules/site.yaml:{lines[0]}:")
    assert problems[0].endswith(f"(also named at line(s) {', '.join(map(str, lines[1:]))})")
