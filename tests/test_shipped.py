"""The checker's bundle: one gzip file, the same bytes from the same rules, its data split so
the start-up parses only the first flow (checker/browser/shipped.py, checker/site/pybundle.py)."""

import gzip
import json

from checker.browser import shipped
from checker.site.checker_page import checker_data, checker_page
from checker.site.pybundle import unbundled, unbundled_data
from checker.site.tree import checker_bundle


def _data(bundle):
    return json.loads(json.dumps(checker_data(bundle, "staff")))


def test_the_bundle_is_gzip_and_the_same_from_the_same_rules(bundle):
    data = _data(bundle)
    first, second = checker_bundle(data, "micropython"), checker_bundle(data, "micropython")
    assert first == second and first[:2] == b"\x1f\x8b"
    assert len(first) < len(gzip.decompress(first)) / 2


def test_each_flow_is_a_member_of_its_own_and_the_shared_part_has_none(bundle):
    data = _data(bundle)
    members = unbundled(checker_bundle(data, "micropython"))
    assert json.loads(members[shipped.SHARED])["flows"] == {}
    assert {name for name in members if name.startswith("flows/")} == {shipped.flow_member(f) for f in data["tabs"]}
    assert unbundled_data(checker_bundle(data, "pyodide")) == data


def test_read_flows_reads_only_the_flows_asked_that_are_tabs(bundle):
    data = _data(bundle)
    members = shipped.split(data)
    read = []

    def reader(name):
        read.append(name)
        return json.dumps(members[name])

    shared = json.loads(json.dumps(members[shipped.SHARED]))
    first = data["modes"][0]
    shipped.read_flows(shared, [first], reader)
    assert list(shared["flows"]) == [first] and read == [shipped.flow_member(first)]
    shipped.read_flows(shared, [first, "training", "../../etc/passwd"], reader)  # not tabs: never a file name
    assert read == [shipped.flow_member(first)]
    shipped.read_flows(shared, list(data["tabs"]), reader)
    assert shared["flows"] == data["flows"]


def test_the_page_asks_pyscript_for_none_of_its_plugins(bundle):
    data = checker_data(bundle, "staff")
    for runtime, other in (("micropython", "py"), ("pyodide", "mpy")):
        page = checker_page(data, runtime)
        assert f"<{other}-config " in page  # the type the page does not use: else PyScript loads them all
        for plugin in ("donkey", "py-editor", "py-terminal", "py-game"):
            assert page.count(f"!{plugin}") == 2
        assert '"files"' not in page and "&quot;files&quot;" not in page  # the bundle comes by the page's loader
