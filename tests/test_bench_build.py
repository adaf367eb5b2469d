"""The build benchmark's multiplied rules are rules the validator takes: `make bench` cannot rot."""

from bench_build import multiplied
from conftest import ROOT, rules_bundle

from checker.loader import load_rules


def test_the_multiplied_rules_validate_and_have_the_rules_asked_for(tmp_path):
    bundle = load_rules(multiplied(ROOT / "rules", tmp_path / "rules", 3), base=tmp_path)
    assert len(bundle["rules"]) >= 3 * len(rules_bundle()["rules"])
    assert len(bundle["areas"]) > len(rules_bundle()["areas"])


def test_the_copies_leave_out_the_views_of_the_whole_shop(tmp_path):
    """A view with no parameters (the timeline) lists rules from every area: copied with each
    copy of its area, the multiplied handbook would repeat it once a copy and grow with the
    square of the rules, which no shop's handbook does."""
    bundle = load_rules(multiplied(ROOT / "rules", tmp_path / "rules", 3), base=tmp_path)

    def shop_wide(areas):
        return sorted(view["view"] for area in areas for view in area.get("views", []) if set(view) == {"view"})

    assert shop_wide(rules_bundle()["areas"])
    assert shop_wide(bundle["areas"]) == shop_wide(rules_bundle()["areas"])
