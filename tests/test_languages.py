"""One site per language: every page of the Chinese site speaks Chinese, every page of the
English site English, and both have the same pages and rule-id anchors."""

import re

import pytest
from conftest import ROOT, example_shops, rules_bundle
from readers import allowed_words, checker_screens, reader_problems
from sitebuild import pages_by_language, visible_text

from checker.site.checker_page import checker_data
from checker.site.markup import speaking

PROJECTS = [(ROOT, "rules")] + [(shop, "rules") for shop in example_shops()]
SITES = [(project, config) for project, _ in PROJECTS for config in ("mkdocs.yml", "mkdocs.public.yml")]


@pytest.fixture(scope="module", params=SITES, ids=lambda site: f"{site[0].name}-{site[1]}")
def site(request, built):
    project, config = request.param
    pages = pages_by_language(built(config, project))
    return project, pages


def test_both_languages_have_the_same_pages(site):
    _, pages = site
    assert pages["zh"] and set(pages["zh"]) == set(pages["en"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_speaks_only_to_its_reader(site, lang):
    """No template syntax, maintainers' note, tool name or other language on any page, in its
    text, code, title, tooltips and labels (the print page is one of the pages)."""
    project, pages = site
    allowed = allowed_words(rules_bundle(project / "rules"))
    found = {path: reader_problems(visible_text(page, lang), lang, allowed) for path, page in pages[lang].items()}
    assert {path: problems for path, problems in found.items() if problems} == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("audience", ["staff", "public"])
@pytest.mark.parametrize("project", [project for project, _ in PROJECTS], ids=lambda project: project.name)
def test_every_checker_screen_speaks_only_to_its_reader(project, audience, lang):
    """Every question and verdict of the staff and the customers' checker, on every answer path,
    in each language: its text, labels and what its copy buttons copy (the order note too)."""
    bundle = rules_bundle(project / "rules")
    allowed = allowed_words(bundle)
    with speaking(lang):
        data = checker_data(bundle, audience)
    found, screens = {}, 0
    for where, screen in checker_screens(data):
        screens += 1
        for problem in reader_problems(visible_text(str(screen), lang), lang, allowed):
            found.setdefault(problem, where)
    assert screens > 10
    assert found == {}


def test_rule_anchors_are_the_same_in_both_languages(site):
    _, pages = site
    anchors = 0
    for path, page in pages["zh"].items():
        zh = set(re.findall(r'id="([A-Z]{2,5}(?:-[A-Z0-9]+)+)"', page))
        assert zh == set(re.findall(r'id="([A-Z]{2,5}(?:-[A-Z0-9]+)+)"', pages["en"][path])), path
        anchors += len(zh)
    assert anchors


def test_each_page_says_its_language_and_offers_the_other(site):
    _, pages = site
    for lang in ("zh", "en"):
        for path, page in pages[lang].items():
            assert f'<html lang="{lang}"' in page, path
            assert 'hreflang="zh"' in page and 'hreflang="en"' in page, path
