"""No policy in Python: the example shop's rule ids, areas, flows and roles live in rules/ only.

Every string constant of checker/**/*.py is read with ``ast`` (comments are not code, so they
do not count). A string that *is* an area, flow or role id fails; a rule id fails anywhere in
any string, docstrings included, because rule ids are distinctive and a docstring naming one
documents a shop's choice in the code.
"""

import ast

from conftest import ROOT

from checker.loader import load_rules


def _strings(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _shop_names():
    bundle = load_rules()
    names = {area["area"] for area in bundle["areas"]} | set(bundle["flows"]) | set(bundle["roles"])
    return names, set(bundle["rules"])


def test_checker_code_names_no_rule_area_flow_or_role():
    names, rule_ids = _shop_names()
    found = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        for line, text in _strings(path):
            hits = ({text} & names) | {rule_id for rule_id in rule_ids if rule_id in text}
            found += [f"{path.relative_to(ROOT)}:{line}: {hit}" for hit in sorted(hits)]
    assert found == []


def test_the_scan_sees_what_it_must_refuse(tmp_path):
    names, rule_ids = _shop_names()
    sample = tmp_path / "sample.py"
    rule_id = sorted(rule_ids)[0]
    role = sorted(names)[0]
    sample.write_text(f'"""Uses {rule_id}."""\nX = {{"{role}": 1}}\n# {rule_id} in a comment is fine\n', encoding="utf-8")
    strings = list(_strings(sample))
    assert (1, f"Uses {rule_id}.") in strings
    assert (2, role) in strings
    assert all("comment" not in text for _, text in strings)
