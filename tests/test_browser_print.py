"""The quick reference on one screen and one A4 page, and the handbook as people print it."""

import re

import pytest
import yaml
from conftest import ROOT
from pdfpages import ink_extents, page_count, page_texts
from playwright.sync_api import expect
from readers import allowed_words, reader_problems

from checker.site.edition import edition
from checker.wording import word


def _pdf(page, path):
    page.emulate_media(media="print")
    path.write_bytes(page.pdf(format="A4", print_background=True))
    return path.read_bytes()


def test_the_quick_reference_fits_one_1440_by_900_screen(open_page, bundle):
    page = open_page("staff", "reference/quick/", width=1440)
    expect(page.locator(".quick-grid")).to_be_visible()
    bottom = page.evaluate("document.querySelector('article').getBoundingClientRect().bottom")
    assert bottom <= 900, f"the quick reference ends at {bottom} px"
    for group in bundle["site"]["quick_reference"]["groups"]:
        for rule_id in group["rules"]:
            expect(page.locator(f".quick-rules a[href$='#{rule_id}']")).to_be_visible()
    shown = edition(bundle)
    expect(page.locator(".quick-edition").first).to_contain_text(shown["version"])
    expect(page.locator(".quick-edition").first).to_contain_text(shown["date"])


def test_the_quick_reference_prints_on_one_a4_page(open_page, bundle, tmp_path):
    page = open_page("staff", "reference/quick/", width=1440)
    pdf = _pdf(page, tmp_path / "quick.pdf")
    assert page_count(pdf) == 1
    text = page_texts(tmp_path / "quick.pdf")[0]
    last_group = bundle["site"]["quick_reference"]["groups"][-1]
    assert last_group["rules"][-1] in text.replace("\n", "").replace(" ", "")


def test_the_print_handbook_has_a_cover_contents_rules_and_a_signoff_page(open_page, bundle, tmp_path):
    page = open_page("staff", "reference/print/", width=1440)
    pdf = _pdf(page, tmp_path / "handbook.pdf")
    pages = page_texts(tmp_path / "handbook.pdf")
    assert len(pages) == page_count(pdf)
    assert 5 <= len(pages) <= 40, f"{len(pages)} pages"
    shown = edition(bundle)
    cover = pages[0]
    for words in (bundle["shop"]["name"]["zh"], shown["version"], shown["date"]):
        assert words in cover
    assert "目录" in pages[1]
    for area in bundle["areas"]:
        assert area["title"]["zh"] in pages[1]
    assert all(word in pages[-1] for word in ("姓名", "工号", "日期", "签名"))
    everything = "".join(pages)
    for rule_id in bundle["rules"]:
        assert rule_id in everything
    for text in ("请勿直接修改", "搜索"):
        assert text not in everything
    extents = ink_extents(tmp_path / "handbook.pdf", tmp_path)
    blank = [number for number, extent in enumerate(extents, 1) if extent < 0.2]
    assert blank == [], f"pages inked in less than their top fifth: {blank} ({extents})"


@pytest.mark.parametrize(("lang", "config"), [("zh", "mkdocs.yml"), ("en", "mkdocs.en.yml")])
def test_the_printed_handbook_speaks_its_language_without_on_screen_controls(open_page, bundle, tmp_path, lang, config):
    """The handbook as printed, in each language: its cover gives the handbook the name the site
    has; no folded source-and-owner toggle or other control, and nothing a reader of that
    language should not meet (template syntax, maintainers' notes, the other language)."""
    page = open_page("staff", ("en/" if lang == "en" else "") + "reference/print/", width=1440)
    _pdf(page, tmp_path / "handbook.pdf")
    pages = page_texts(tmp_path / "handbook.pdf")
    name = yaml.safe_load((ROOT / config).read_text(encoding="utf-8"))["site_name"]
    assert name in pages[0]
    everything = re.sub(r"-[ \t]*\n\s*", "-", "\n".join(pages))  # a rule id broken at the end of a line
    for control in (word("policy.details")[lang], word("ui.copy")[lang], "¶"):
        assert control not in everything
    assert reader_problems(everything, lang, allowed_words(bundle)) == []


@pytest.mark.parametrize("path", ["policies/returns/", "flows/returns/", "reference/rules/"])
def test_every_page_prints_without_the_site_around_it(open_page, tmp_path, path):
    page = open_page("staff", path, width=1440)
    _pdf(page, tmp_path / "page.pdf")
    everything = "".join(page_texts(tmp_path / "page.pdf"))
    assert page.locator("article h1").inner_text().split("·")[0].strip() in everything
    for chrome in ("请勿直接修改", "搜索", "Made with", "中/EN"):
        assert chrome not in everything
