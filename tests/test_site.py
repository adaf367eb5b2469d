"""Both sites build strictly from the rules: anchors, flowcharts, escaping, and no staff leak."""

import html
import re

import jinja2
import pytest
import yaml
from sitebuild import ROOT, BuildFailed, build_site, copy_project, flowchart_source, site_text

from checker.site.flows import mermaid


@pytest.fixture(scope="session")
def staff_site(built):
    return built()


@pytest.fixture(scope="session")
def public_site(built):
    return built("mkdocs.public.yml")


def test_every_rule_has_its_anchor_on_its_area_page(bundle, staff_site):
    for rule_id, rule in bundle["rules"].items():
        page = (staff_site / "policies" / rule["area"] / "index.html").read_text(encoding="utf-8")
        assert f'id="{rule_id}"' in page, f"{rule_id} has no anchor on policies/{rule['area']}/"


def test_the_rule_index_and_quick_reference_link_to_rule_anchors(bundle, staff_site):
    index = (staff_site / "reference" / "rules" / "index.html").read_text(encoding="utf-8")
    for rule_id, rule in bundle["rules"].items():
        assert f'href="../../policies/{rule["area"]}/#{rule_id}"' in index
    quick = (staff_site / "reference" / "quick" / "index.html").read_text(encoding="utf-8")
    for rule_id in ("RET-WINDOW", "CMP-FIRST-REPLY", "RET-POSTAGE-OFFICIAL", "FLAG-PURPLE", "RET-ESC-DISPUTE"):
        assert f'#{rule_id}"' in quick
    window = bundle["rules"]["RET-WINDOW"]["params"]["days"]
    assert re.search(rf"<strong>{window}</strong> 天", quick)
    english = (staff_site / "en" / "reference" / "quick" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"<strong>{window}</strong> days", english)


def test_each_flowchart_has_a_node_for_every_outcome(bundle, staff_site):
    for flow_id, flow in bundle["flows"].items():
        sources = flowchart_source((staff_site / "flows" / flow_id / "index.html").read_text(encoding="utf-8"))
        assert sources and all(source.startswith("flowchart TD") for source in sources)
        source = "\n".join(sources)
        for outcome in flow["outcomes"]:
            assert re.search(rf"^    n_{outcome['id']}\(\[\".+\"\]\):::{outcome['status']}$", source, re.M), outcome["id"]
        for question in flow["questions"]:
            assert re.search(rf'^    n_{question["id"]}\[\[?"', source, re.M), question["id"]


def test_the_flowchart_follows_the_rules(bundle):
    before = mermaid(bundle["flows"]["returns"], bundle)
    assert '-->|"申请日是退换货期限的第几天 &gt; 7' not in before  # entities are Mermaid's own (#gt;)
    assert "申请日是退换货期限的第几天 #gt; 7<br/>" in before
    changed = dict(bundle, rules=dict(bundle["rules"]))
    changed["rules"]["RET-WINDOW"] = dict(bundle["rules"]["RET-WINDOW"], params={"days": 15, "count_from": "next_day"})
    assert "申请日是退换货期限的第几天 #gt; 15<br/>" in mermaid(bundle["flows"]["returns"], changed)


def _staff_only(bundle):
    """Strings that identify staff-only rules: ids, full texts, and titles long enough not to
    be everyday words (4+ Chinese characters, 3+ English words)."""
    needles = set()
    for rule_id, rule in bundle["rules"].items():
        if rule["audience"] == "staff":
            needles |= {rule_id, rule["text"]["zh"], rule["text"]["en"]}
            if len(rule["title"]["zh"]) >= 4:
                needles.add(rule["title"]["zh"])
            if len(rule["title"]["en"].split()) >= 3:
                needles.add(rule["title"]["en"])
    return needles


def test_the_public_site_holds_public_rules_in_customer_wording(bundle, public_site):
    page = (public_site / "returns" / "index.html").read_text(encoding="utf-8")
    for rule_id, rule in bundle["rules"].items():
        if rule["area"] == "returns" and rule["audience"] == "public":
            assert f'id="{rule_id}"' in page
    texts = site_text(public_site)
    assert any("请在签收后 7 天内申请退换货" in text for text in texts.values())


def test_the_public_site_leaks_nothing_staff_only(bundle, public_site):
    needles = _staff_only(bundle) | {"仅员工", "staff only", "能换尽量不退", "紫旗", "蓝旗", "绿旗", "罚款"}
    leaks = [(name, needle) for name, text in site_text(public_site).items() for needle in needles if needle in text]
    assert leaks == []


def test_the_leak_check_would_catch_a_leak(bundle, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("<p>" + bundle["rules"]["RET-COACHING"]["text"]["zh"] + "</p>", encoding="utf-8")
    needles = _staff_only(bundle)
    assert [n for text in site_text(site).values() for n in needles if n in text]


def test_no_page_asks_for_anything_outside_the_site(staff_site, public_site):
    pattern = re.compile(r'(?:src|href)="(https?:)?//(?!127\.0\.0\.1)', re.I)
    for site in (staff_site, public_site):
        for path in site.rglob("*.html"):
            found = [m.group(0) for m in pattern.finditer(path.read_text(encoding="utf-8")) if "<link" not in m.group(0)]
            assert not [f for f in found if "src=" in f or f.lower().startswith('href="//')], f"{path}: {found}"


def _change_rules(project, edit):
    path = project / "rules" / "returns.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_rule_text_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    _change_rules(
        project,
        lambda text: text.replace(
            "title: {zh: 适用范围, en: Scope}", 'title: {zh: "<script>alert(1)</script>适用范围", en: "Scope *bold* {#x}"}'
        ),
    )
    site = tmp_path / "site"
    assert build_site(site, project=project) == []
    page = (site / "policies" / "returns" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;适用范围" in page
    english = (site / "en" / "policies" / "returns" / "index.html").read_text(encoding="utf-8")
    assert "Scope *bold* {#x}" in english and 'id="x"' not in english and 'id="x"' not in page


def test_broken_rules_stop_the_build_and_leave_the_old_site(tmp_path):
    project = copy_project(tmp_path / "project")
    _change_rules(project, lambda text: text.replace("audience: public\n", "audience: everyone\n", 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good old site", encoding="utf-8")
    lines = (project / "rules" / "returns.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "audience: everyone" in text)
    with pytest.raises(BuildFailed) as caught:
        build_site(site, project=project)
    assert (
        f"rules/returns.yaml:{line}:19: `sections[terms].rules[RET-SCOPE].audience` 写的是 'everyone'，只能是 public、staff 之一"
        in str(caught.value)
    )
    with pytest.raises(BuildFailed) as english:  # the English site's build says it in English
        build_site(site, "mkdocs.en.yml", project=project)
    assert (
        f"rules/returns.yaml:{line}:19: sections[terms].rules[RET-SCOPE].audience is 'everyone', not one of: public, staff"
        in str(english.value)
    )
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the good old site"


def test_generated_pages_are_not_committed():
    import subprocess

    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    from checker.loader import load_rules
    from checker.site import generate_pages

    bundle = load_rules(ROOT / "rules")
    generated = {f"docs/{p}" for p in generate_pages(bundle)} | {f"docs/public/{p}" for p in generate_pages(bundle, "public")}
    assert generated & set(tracked) == set()


def test_mkdocs_configs_parse_as_yaml_with_the_plugin():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    plugin = next(entry["policy-checker"] for entry in config["plugins"] if isinstance(entry, dict) and "policy-checker" in entry)
    assert plugin == {"audience": "staff", "language": "zh", "alternate": "mkdocs.en.yml"}
    english = yaml.load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert english["INHERIT"] == "mkdocs.yml" and english["theme"]["language"] == "en"
    assert config["theme"]["font"] is False


def test_the_question_asked_after_a_verdict_is_linked_from_the_outcomes_that_ask_it(bundle):
    source = mermaid(bundle["flows"]["returns"], bundle)
    refused = {o["id"] for o in bundle["flows"]["returns"]["outcomes"] if o["status"] == "not_eligible"}
    linked = set(re.findall(r"^    n_(\w+) -\.-> n_refuses_all$", source, re.M))
    assert linked == refused


def test_the_print_page_holds_every_rule_and_closes_the_nav(bundle, staff_site):
    page = (staff_site / "reference" / "print" / "index.html").read_text(encoding="utf-8")
    for rule_id in bundle["rules"]:
        assert f'id="{rule_id}"' in page
    for area in bundle["areas"]:
        assert f'href="#area-{area["area"]}"' in page and f'id="area-{area["area"]}"' in page
    assert 'id="signoff"' in page and "工号" in page
    nav_links = re.findall(r'<a href="([^"]+)" class="md-nav__link', (staff_site / "index.html").read_text(encoding="utf-8"))
    assert nav_links[-1].rstrip("/").endswith("reference/print")


def test_rule_source_is_folded_and_a_departure_from_it_is_shown(bundle, staff_site):
    page = (staff_site / "policies" / "returns" / "index.html").read_text(encoding="utf-8")
    rules = [rule for rule in bundle["rules"].values() if rule["area"] == "returns"]
    assert page.count('<details class="rule-details">') == len(rules)
    noted = [rule for rule in rules if rule["source"].get("note")]
    assert noted
    for rule in noted:  # in the page's own language only
        after = page.split(f'id="{rule["id"]}"', 1)[1]
        assert html.escape(rule["source"]["note"]["zh"], quote=True) in after
        assert html.escape(rule["source"]["note"]["en"], quote=True) not in page
    dates = {rule["effective"] for rule in rules}
    assert page.count(f"生效 {next(iter(dates))}") == (1 if len(dates) == 1 else len(rules))


def test_compiled_templates_are_reused_only_for_the_same_source_and_setup():
    """The plugin keeps the theme's compiled templates between builds: an edited template, or an
    environment set up another way, is compiled again, never served stale code."""
    from checker.plugin import _TEMPLATES

    def render(source, shout=None, **setup):
        environment = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), **setup)
        if shout:
            environment.filters["shout"] = shout
        environment.bytecode_cache = _TEMPLATES  # as on_env sets it
        return environment.get_template("page.html").render(x="<b>")

    assert render("A {{ x }}") == "A <b>"
    assert render("B {{ x }}") == "B <b>"  # same name, edited source
    assert render("B {{ x }}", autoescape=True) == "B &lt;b&gt;"  # same source, other setup
    assert render("B {{ x }}") == "B <b>"
    block = "{% if x %}\nC{% endif %}"
    assert render(block) == "\nC"
    assert render(block, trim_blocks=True) == "C"  # read another way
    assert render("{{ x | shout }}", shout=lambda value: value + "!") == "<b>!"
    context_shout = jinja2.pass_context(lambda context, value: value + "?")
    assert render("{{ x | shout }}", shout=context_shout) == "<b>?"  # a filter called another way


@pytest.mark.parametrize("config", ["mkdocs.yml", "mkdocs.public.yml"])
def test_hostile_titles_stay_text_in_the_tab_and_are_escaped_once_in_the_footer(poisoned, config):
    """With hostile markup at the end of every rules text (sitebuild.HOSTILE, '</title><script>…'
    included): no page holds that markup as markup, the tab's <title> shows it as text (the theme
    strips tags from a title, which undid its escaping), and a footer link's aria-label escapes
    it once, not twice (a screen reader would read '&amp;')."""
    pages = {path: path.read_text(encoding="utf-8") for path in poisoned(config).rglob("*.html")}
    titles = [re.search(r"<title>(.*?)</title>", page, re.S).group(1) for page in pages.values()]
    labels = [
        label for page in pages.values() for label in re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', page)
    ]
    assert [str(path) for path, page in pages.items() if "<script>window.__pwned" in page] == []
    assert any("&lt;/title&gt;&lt;script&gt;" in title for title in titles), titles
    assert labels and any("&lt;/title&gt;" in label for label in labels), labels
    assert [label for label in labels if "&amp;lt;" in label or "&amp;amp;" in label] == []


def test_a_site_without_the_checker_links_to_none(bundle):
    """`checker: false`: no nav entry (hand-written or generated) and no search offer leads to it."""
    from checker.site.markup import speaking
    from checker.site.search import search_index
    from checker.site.tree import site_nav

    nav = [{"首页": "index.md"}, {"案例检查器": "checker.md"}, {"规则": ["policies/index.md"]}]
    flat = str(site_nav(bundle, "staff", "zh", nav, checker=False))
    assert "checker.md" not in flat and "policies/returns.md" in flat
    assert "checker.md" in str(site_nav(bundle, "staff", "zh", nav, checker=True))
    with speaking("zh"):
        assert search_index(bundle, "staff", checker=False)["flows"] == {}
        assert search_index(bundle, "staff")["flows"]
