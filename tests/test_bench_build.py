"""The build benchmark's multiplied rules are rules the validator takes: `make bench` cannot rot."""

from bench_build import multiplied
from conftest import ROOT, rules_bundle

from checker.loader import load_rules


def test_the_multiplied_rules_validate_and_have_the_rules_asked_for(tmp_path):
    bundle = load_rules(multiplied(ROOT / "rules", tmp_path / "rules", 3), base=tmp_path)
    assert len(bundle["rules"]) >= 3 * len(rules_bundle()["rules"])
    assert len(bundle["areas"]) > len(rules_bundle()["areas"])
