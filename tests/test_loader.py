"""The loader's parse cache: every load gets data of its own, with the marks of the file."""

import shutil

import pytest
from conftest import ROOT

from checker.errors import RulesError
from checker.loader import load_documents, load_rules
from checker.reading.yamlsource import MarkedDict, MarkedList, load_yaml_text, marked_copy


def test_a_copy_shares_no_container_and_keeps_every_mark():
    data, problem = load_yaml_text("a:\n  - {b: 1}\n  - [c, d]\n", "x.yaml")
    assert problem is None
    copied = marked_copy(data)
    assert copied == data and copied is not data
    assert isinstance(copied, MarkedDict) and isinstance(copied["a"], MarkedList)
    assert copied["a"] is not data["a"] and copied["a"][0] is not data["a"][0] and copied["a"][1] is not data["a"][1]
    assert str(copied["a"][0].value_mark("b")) == str(data["a"][0].value_mark("b")) == "x.yaml:2:9"
    assert copied["a"].item_mark(1) is data["a"].item_mark(1)


def test_changing_what_one_load_returned_does_not_change_the_next_load():
    first, problems = load_documents(ROOT / "rules")
    assert problems == []
    shop = next(data for _, data in first if data["kind"] == "shop")
    shop["roles"].clear()
    shop["version"] = "changed"
    again, _ = load_documents(ROOT / "rules")
    shop_again = next(data for _, data in again if data["kind"] == "shop")
    assert shop_again["roles"] and shop_again["version"] != "changed"


@pytest.mark.parametrize(
    "name,old,new,line",
    [
        ("returns.yaml", "days: 7", "days: -7", "params.days"),  # a rule the site file names
        ("schedules.yaml", "  title:", "  tittle:", "'tittle'"),  # an area the site file names
    ],
)
def test_a_file_that_does_not_load_is_reported_alone_not_at_every_mention(tmp_path, name, old, new, line):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        load_rules(rules, base=tmp_path)
    lines = raised.value.lines("en")
    assert len(lines) == 1 and lines[0].startswith(f"rules/{name}:") and line in lines[0], lines
