"""The handbook and the public site as a person sees them, in headless Chromium."""

import re
from urllib.parse import quote

from playwright.sync_api import expect


def test_a_rule_permalink_opens_at_the_rule(open_page):
    page = open_page("staff", "policies/returns/#RET-WINDOW")
    heading = page.locator("h3#RET-WINDOW")
    expect(heading).to_be_in_viewport()
    expect(heading).to_contain_text("退换货期限")


def _search(page, words):
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.insert_text(words)  # how a Chinese input method commits text: no key release
    results = page.locator(f".md-search-result__item a[href*='h={quote(words)}']")
    expect(results.first).to_be_visible(timeout=10000)
    return [
        results.nth(i).get_attribute("href").split("?")[0] + "#" + results.nth(i).get_attribute("href").partition("#")[2]
        for i in range(results.count())
    ]


def test_chinese_search_finds_the_postage_rules(open_page):
    page = open_page("staff", "")
    links = _search(page, "运费")
    assert any(re.search(r"policies/returns/#RET-POSTAGE-", link) for link in links), links


def test_chinese_search_finds_a_word_inside_a_sentence(open_page):
    page = open_page("staff", "")
    links = _search(page, "垫付")  # only ever inside sentences: "买家先垫付寄回运费"
    assert any("#RET-POSTAGE-SHOP-FAULT" in link for link in links), links


def test_switching_language_keeps_the_page_and_the_rule(open_page):
    page = open_page("staff", "policies/returns/#RET-WINDOW")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    page.wait_for_load_state("networkidle")  # Material has read the other site's sitemap
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    expect(page).to_have_url(re.compile(r"/en/policies/returns/#RET-WINDOW$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h3#RET-WINDOW")).to_be_in_viewport()
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='zh']").click()
    expect(page).to_have_url(re.compile(r"/policies/returns/#RET-WINDOW$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh")


def test_the_language_links_keep_the_page_before_any_script_runs(chromium, sites):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for path, lang, other in (
            ("policies/returns/", "en", "en/policies/returns/"),
            ("en/flows/returns/", "zh", "flows/returns/"),
            ("", "en", "en/"),
            ("en/", "zh", ""),
            ("404.html", "en", "en/"),  # the page not found leads to the other language's home page
            ("en/404.html", "zh", ""),
        ):
            page.goto(sites["staff"] + path)
            page.locator(".md-header__option .md-select").hover()
            page.locator(f"a.md-select__link[hreflang='{lang}']").click()
            expect(page).to_have_url(sites["staff"] + other)
    finally:
        context.close()


def test_a_wide_table_on_a_phone_is_a_stop_for_the_keyboard_and_scrolls_with_the_arrows(open_page):
    """Every page fits a phone (test_browser_all_pages); a table wider than the screen scrolls in
    its own box, which the Tab key reaches (with a focus ring) and the arrow keys scroll. On a
    wider screen, where the table fits, the box is no stop."""
    page = open_page("staff", "reference/rules/", width=360)  # the table of every rule
    box = page.locator(".md-typeset__scrollwrap[tabindex='0']").first
    expect(box).to_have_attribute("role", "group")
    expect(box).to_have_attribute("aria-label", re.compile("表格"))
    for _ in range(60):  # Tab from the top of the page until the box has the focus
        page.keyboard.press("Tab")
        if box.evaluate("box => box === document.activeElement"):
            break
    expect(box).to_be_focused()
    assert box.evaluate("box => getComputedStyle(box).outlineStyle") == "solid"
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")
    page.set_viewport_size({"width": 900, "height": 400})  # the phone turned on its side
    expect(page.locator(".md-typeset__scrollwrap[tabindex]")).to_have_count(0)
    page.set_viewport_size({"width": 360, "height": 900})
    expect(page.locator(".md-typeset__scrollwrap[tabindex='0']").first).to_be_attached()


def test_the_public_site_renders_and_searches(open_page):
    page = open_page("public", "returns/")
    expect(page.locator("article h1")).to_contain_text("退换货政策")
    expect(page.locator("h3#RET-WINDOW")).to_be_visible()
    links = _search(page, "运费")
    assert any("returns/#RET-POSTAGE-" in link for link in links), links
