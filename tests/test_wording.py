"""Interface wording lives in one catalogue (checker/wording.py), and each site gets only the
words its readers may see."""

import ast
from pathlib import Path

from checker.wording import WORDING, word, words

CHECKER = Path(__file__).resolve().parent.parent / "checker"
# The engine keeps its own texts (its calendar warnings): it runs in the browser too, and must
# not depend on build-time data.
ALLOWED = {CHECKER / "wording.py"} | set((CHECKER / "engine").rglob("*.py"))


def bilingual_literals(path):
    """Line numbers of dict literals in the file with both a "zh" and an "en" string value
    (``**`` entries have no key and are skipped). Formatted text built from data, such as a
    validator's message parts, is not a label table and is left to its module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            strings = {
                key.value
                for key, value in zip(node.keys, node.values, strict=True)
                if isinstance(key, ast.Constant) and isinstance(value, ast.Constant) and isinstance(value.value, str)
            }
            if {"zh", "en"} <= strings:
                found.append(node.lineno)
    return found


def test_no_module_but_the_catalogue_defines_bilingual_wording():
    found = {
        str(path.relative_to(CHECKER)): lines
        for path in sorted(CHECKER.rglob("*.py"))
        if path not in ALLOWED and (lines := bilingual_literals(path))
    }
    assert found == {}


def test_the_check_would_catch_a_label_table(tmp_path):
    table = tmp_path / "labels.py"
    table.write_text('LABELS = {"title": {"zh": "标题", "en": "Title"}}\n', encoding="utf-8")
    assert bilingual_literals(table) == [1]


def test_every_entry_has_both_languages_and_an_audience():
    for key, entry in WORDING.items():
        assert set(entry) == {"zh", "en", "audience"}, key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert entry["audience"] in ("staff", "all"), key
        assert key.count(".") == 1, key


def test_the_public_gets_no_staff_only_word():
    for group in {key.split(".")[0] for key in WORDING}:
        staff, public = words(group, "staff"), words(group, "public")
        assert set(public) <= set(staff)
        for name in staff:
            assert (name in public) == (WORDING[group + "." + name]["audience"] == "all"), (group, name)
    assert words("training", "public") == {}
    assert word("term.flag") == {"zh": WORDING["term.flag"]["zh"], "en": WORDING["term.flag"]["en"]}
    assert "flag" not in words("term", "public")
