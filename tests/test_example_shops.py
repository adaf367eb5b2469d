"""Example shops under examples/: pure data (no Python), their golden cases hold, both sites build.

A second shop proves the rules language and the renderers are not tied to the first one.
"""

import pytest
from conftest import all_cases, case_diffs, example_shops, rules_bundle
from sitebuild import site_text

SHOPS = example_shops()


def _cases():
    found = []
    for shop in SHOPS:
        for flow_id, path, data in all_cases(shop / "cases"):
            found.append(pytest.param(shop, flow_id, data, id=f"{shop.name}/{flow_id}/{path.stem}"))
    return found


def test_there_is_a_second_shop_with_cases_for_each_flow():
    assert [shop.name for shop in SHOPS] == ["office-equipment"]
    flows = {flow_id for flow_id, _, _ in all_cases(SHOPS[0] / "cases")}
    assert flows == {"returns", "complaints"}


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_an_example_shop_is_data_only(shop):
    assert sorted(str(p.relative_to(shop)) for p in shop.rglob("*.py")) == []


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_rules_validate_and_have_their_own_flows(shop):
    bundle = rules_bundle(shop / "rules")
    assert sorted(bundle["flows"]) == sorted({flow_id for flow_id, _, _ in all_cases(shop / "cases")})
    assert bundle["scenarios"], "an example shop teaches with at least one training scenario"


@pytest.mark.parametrize("shop, flow_id, data", _cases())
def test_golden_case(shop, flow_id, data):
    assert case_diffs(rules_bundle(shop / "rules"), flow_id, data) == []


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_staff_site_builds_strictly(shop, built):
    assert (built("mkdocs.yml", shop) / "index.html").is_file()


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_public_site_builds_strictly(shop, built):
    assert (built("mkdocs.public.yml", shop) / "index.html").is_file()


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_public_site_shows_every_public_rule(shop, built):
    pages = site_text(built("mkdocs.public.yml", shop))
    public = [rule_id for rule_id, rule in rules_bundle(shop / "rules")["rules"].items() if rule["audience"] == "public"]
    missing = [rule_id for rule_id in public if not any(f'id="{rule_id}"' in text for text in pages.values())]
    assert missing == []
