"""Every problem at once, the cause first: YAML slips explained in the reader's words at the
character that caused them, the validator going on past a slip in one file, knock-on problems
folded under their cause, and each problem at the line the editor changed."""

import re

import pytest
from test_broken_rules import BROKEN, problems_for

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
