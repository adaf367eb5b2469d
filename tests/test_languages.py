"""One site per language: every page of the Chinese site speaks Chinese, every page of the
English site English, and both have the same pages and rule-id anchors."""

import re

import pytest
from conftest import ROOT, example_shops, rules_bundle
from sitebuild import pages_by_language, visible_text

from checker.engine.text import wording

RULE_ID = re.compile(r"\b[A-Z]{2,5}(?:-[A-Z0-9]+)+\b")
# Email addresses and web addresses are the same in every language.
ADDRESS = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]+")
# Names with no Chinese translation that a Chinese page may show as they are.
NAMES = {"JavaScript", "QQ"}
PROJECTS = [(ROOT, "rules")] + [(shop, "rules") for shop in example_shops()]
SITES = [(project, config) for project, _ in PROJECTS for config in ("mkdocs.yml", "mkdocs.public.yml")]


def quoted_chinese(bundle):
    """Chinese the rules' own English wording quotes (words agents type, such as 亲 or 您)."""
    found = set()
    for rule in bundle["rules"].values():
        for field in ("text", "customer"):
            if field in rule:
                found.update(CHINESE.findall(wording(rule, field, "en")))
    return found


@pytest.fixture(scope="module", params=SITES, ids=lambda site: f"{site[0].name}-{site[1]}")
def site(request, built):
    project, config = request.param
    pages = pages_by_language(built(config, project))
    return project, pages


def test_both_languages_have_the_same_pages(site):
    _, pages = site
    assert pages["zh"] and set(pages["zh"]) == set(pages["en"])


def test_chinese_pages_show_no_english(site):
    _, pages = site
    for path, page in pages["zh"].items():
        words = set(ENGLISH_WORD.findall(RULE_ID.sub(" ", ADDRESS.sub(" ", visible_text(page, "zh"))))) - NAMES
        assert not words, f"{path}: {sorted(words)[:20]}"


def test_english_pages_show_no_chinese(site):
    project, pages = site
    allowed = quoted_chinese(rules_bundle(project / "rules"))
    for path, page in pages["en"].items():
        found = set(CHINESE.findall(visible_text(page, "en"))) - allowed
        assert not found, f"{path}: {sorted(found)[:20]}"


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
