"""Example shops under examples/: pure data (no Python), their golden cases hold, both sites build.

A second shop proves the rules language and the renderers are not tied to the first one.
"""

import pytest
from conftest import NEEDS_NEW_CALENDAR, all_cases, case_diffs, example_shops, rules_bundle
from sitebuild import build_site

SHOPS = example_shops()


def _cases():
    found = []
    for shop in SHOPS:
        for flow_id, path, data in all_cases(shop / "cases"):
            found.append(pytest.param(shop, flow_id, data, id=f"{shop.name}/{flow_id}/{path.stem}", marks=NEEDS_NEW_CALENDAR))
    return found


def test_there_is_a_second_shop_with_cases_for_each_flow():
    assert [shop.name for shop in SHOPS] == ["office-equipment"]
    flows = {flow_id for flow_id, _, _ in all_cases(SHOPS[0] / "cases")}
    assert flows == {"returns", "complaints"}


@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_an_example_shop_is_data_only(shop):
    assert sorted(str(p.relative_to(shop)) for p in shop.rglob("*.py")) == []


@NEEDS_NEW_CALENDAR
@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_rules_validate_and_have_their_own_flows(shop):
    bundle = rules_bundle(shop / "rules")
    assert sorted(bundle["flows"]) == sorted({flow_id for flow_id, _, _ in all_cases(shop / "cases")})
    assert bundle["scenarios"], "an example shop teaches with at least one training scenario"


@pytest.mark.parametrize("shop, flow_id, data", _cases())
def test_golden_case(shop, flow_id, data):
    assert case_diffs(rules_bundle(shop / "rules"), flow_id, data) == []


@pytest.mark.xfail(reason="renderers still hard-code the example shop's policy", strict=True)
@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.public.yml"])
@pytest.mark.parametrize("shop", SHOPS, ids=lambda shop: shop.name)
def test_sites_build_strictly(shop, config, tmp_path):
    assert build_site(tmp_path / "site", config, project=shop) == []
