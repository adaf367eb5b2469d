"""The site file, area views and escalation order are checked across files, and decide the sites."""

import shutil

import pytest
from conftest import ROOT

from checker.errors import RulesError
from checker.loader import load_rules
from checker.site import generate_pages
from checker.site.pages import navigation


def rules_with(tmp_path, monkeypatch, edits):
    """The repository's rules with ``edits`` ({file: (old, new)}) applied; their problems."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for name, (old, new) in edits.items():
        text = (rules / name).read_text(encoding="utf-8")
        assert old in text
        (rules / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    try:
        return load_rules(rules.relative_to(tmp_path)), []
    except RulesError as error:
        return None, error.lines("en")


def test_cross_file_references_of_the_site_file_are_checked(tmp_path, monkeypatch):
    _, problems = rules_with(
        tmp_path,
        monkeypatch,
        {
            "site.yaml": ("    - RET-WINDOW\n", "    - RET-NO-COD\n"),
            "shop.yaml": ("escalation: [cs_supervisor, shop_manager]", "escalation: [cs_supervisor, boss, cs_supervisor]"),
            "schedules.yaml": ("    rule: SCH-SHIFTS\n", "    rule: RET-WINDOW\n"),
        },
    )
    assert (
        "rules/site.yaml:8:7: rule RET-NO-COD has no time limit (days, hours, working_days, minutes) in its params; list it elsewhere"
        in problems
    )
    assert "rules/shop.yaml:31:29: escalation target 'boss' is not a role of this shop; add it to roles" in problems
    assert "rules/shop.yaml:31:35: 'cs_supervisor' is listed twice in escalation; list each role once" in problems
    assert "rules/schedules.yaml:11:11: rule RET-WINDOW is not in this area; a view shows a rule of its own area" in problems
    returns = (tmp_path / "rules" / "returns.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(returns, 1) if text.strip() == "to: shop_manager")
    assert any(
        p.startswith(
            f"rules/returns.yaml:{line}:11: 'shop_manager' is not an escalation target; use one of the shop's escalation roles"
        )
        for p in problems
    )


def test_a_public_area_needs_a_public_rule_and_one_page(tmp_path, monkeypatch):
    _, problems = rules_with(tmp_path, monkeypatch, {"site.yaml": ("  - area: complaints\n", "  - area: conduct\n")})
    assert "rules/site.yaml:67:11: area 'conduct' has no public rule; make one public or leave the area out" in problems
    assert "rules/site.yaml:82:7: area 'conduct' has no section 'intake'; name a section of that area" in problems
    assert "rules/site.yaml:52:17: rule CMP-CHANNELS's area has no public page to link to; add the area to `public`" in problems


def test_the_site_file_orders_the_checker_and_the_public_site(tmp_path, monkeypatch):
    flows = "    - {flow: returns, tab: {zh: 退换货, en: Return or exchange}}\n"
    bundle, problems = rules_with(
        tmp_path,
        monkeypatch,
        {
            "site.yaml": (
                flows + "    - {flow: complaints, tab: {zh: 投诉, en: Complaint}}\n",
                "    - {flow: complaints, tab: {zh: 投诉, en: Complaint}}\n" + flows,
            )
        },
    )
    assert problems == []
    assert [entry["flow"] for entry in bundle["site"]["checker"]["flows"]] == ["complaints", "returns"]
    assert [path for _, path in navigation(bundle, "public")] == ["returns.md", "checker.md", "complaints.md"]


def test_without_a_site_file_the_sites_still_build(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "site.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    bundle = load_rules(rules)
    assert generate_pages(bundle, "public") == {}
    assert [entry["flow"] for entry in bundle["site"]["checker"]["flows"]] == ["returns", "complaints"]
    assert "## 时限 · Time limits" in generate_pages(bundle, "staff")["reference/quick.md"]


@pytest.mark.parametrize("audience", ["staff", "public"])
def test_the_nav_lists_every_generated_page_once(audience):
    bundle = load_rules()
    nav = [path for _, path in navigation(bundle, audience)]
    pages = set(generate_pages(bundle, audience))
    assert len(nav) == len(set(nav))
    assert set(nav) - {"checker.md"} <= pages
