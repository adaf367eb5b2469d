"""Training in headless Chromium, in both languages of the staff site: a scenario walked with a
right pick, a wrong pick, an empty field, the verdict and Next; results that read apart by
colour and by word, with enough contrast; a session that resumes after a reload."""

import re

import pytest
from browser import checker_ready as ready
from conftest import ROOT, rules_bundle
from playwright.sync_api import expect

from checker.engine.dates import spoken_date
from checker.wording import word

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PATHS = {"zh": "checker/", "en": "en/checker/"}
OTHER = {"zh": re.compile(r"[A-Za-z]{4,}"), "en": re.compile(r"[\u4e00-\u9fff]")}


def scenario(scenario_id):
    return next(item for item in rules_bundle()["scenarios"] if item["id"] == scenario_id)


def shown_text(page):
    """The checker's visible text, without rule ids and dates (written the same in both languages)."""
    text = page.locator("#policy-checker").inner_text()
    return re.sub(r"[A-Z]{2,5}(-[A-Z0-9]+)+|\d{4}-\d\d-\d\d", "", text)


def answer(page, question, value):
    page.locator(f".pc-answer[data-question='{question}'][data-value='{value}']").click()


def submit(page, typed):
    page.fill("#pc-input", typed)
    page.locator(".pc-form button[type=submit]").click()


@pytest.mark.parametrize("lang", PATHS)
def test_a_scenario_walked_wrong_right_empty_to_the_verdict_and_next(open_page, lang):
    washed = scenario("washed-sweater")
    page = open_page("staff", PATHS[lang])
    ready(page)
    page.locator(".pc-tab[data-value='training']").click()
    page.locator("button[data-action='scenario'][data-value='washed-sweater']").click()
    expect(page.locator(".pc-story")).to_contain_text(spoken_date(washed["answers"]["signed_on"], lang))  # with the year
    feedback = page.locator(".pc-feedback")
    answer(page, "dispute", "no")  # right
    expect(feedback).to_have_attribute("data-right", "true")
    page.locator("button[data-action='continue']").click()
    answer(page, "sold_by_us", "no")  # wrong: the pick, the clue in the story, the right answer and its rule
    expect(feedback).to_have_attribute("data-right", "false")
    expect(feedback.locator(".pc-mine")).to_contain_text("否" if lang == "zh" else "No")
    clue = washed["clues"]["sold_by_us"][lang]
    expect(feedback.locator(".pc-clue")).to_contain_text(clue)
    expect(feedback.locator(".pc-story mark:visible")).to_have_text(clue)
    expect(feedback.locator(".pc-right")).to_contain_text("是" if lang == "zh" else "Yes")
    expect(feedback.locator(".pc-why")).to_contain_text("RET-SCOPE")
    assert not OTHER[lang].search(shown_text(page)), shown_text(page)
    page.locator("button[data-action='continue']").click()
    answer(page, "reason", "size")
    page.locator("button[data-action='continue']").click()
    card = page.locator(".pc-card")
    expect(card).to_have_attribute("data-question", "signed_on")
    submit(page, "")  # an empty date is not graded: the checker's message, same question
    expect(page.locator("#pc-error p:visible")).to_contain_text(
        "还没有回答" if lang == "zh" else "No answer given", use_inner_text=True
    )
    expect(card).to_have_attribute("data-question", "signed_on")
    expect(feedback).to_have_count(0)
    submit(page, washed["answers"]["signed_on"])  # the story's date, as the date field gives it
    expect(feedback).to_have_attribute("data-right", "true")
    expect(feedback.locator(".pc-mine")).to_contain_text(spoken_date(washed["answers"]["signed_on"], lang))
    page.locator("button[data-action='continue']").click()
    submit(page, washed["answers"]["requested_on"])
    page.locator("button[data-action='continue']").click()
    answer(page, "exchanged_before", "no")
    page.locator("button[data-action='continue']").click()
    answer(page, "condition", "washed")
    page.locator("button[data-action='continue']").click()
    choices = page.locator("button[data-action='verdict']")
    expect(choices).to_have_count(4)
    wrong = [value for value in (choices.nth(i).get_attribute("data-value") for i in range(4)) if value != washed["outcome"]]
    page.locator(f"button[data-action='verdict'][data-value='{wrong[0]}']").click()
    # 6 of 7 answers right (the empty date not counted), then a wrong verdict
    expect(page.locator(".pc-grade[data-right='false']")).to_contain_text("6 / 8")
    expect(page.locator(".pc-mine")).to_have_attribute("data-value", wrong[0])
    expect(page.locator(".pc-decided")).to_have_attribute("data-rule", "RET-CONDITION")
    expect(page.locator(".pc-trace .pc-decisive")).to_have_count(1)
    assert not OTHER[lang].search(shown_text(page)), shown_text(page)
    page.locator("button[data-action='next']").click()  # the next scenario not tried yet
    expect(page.locator(".pc-story")).to_contain_text(scenario("missing-item-two-days")["title"][lang])
    expect(page.locator(".pc-given li:visible")).to_have_count(2)  # given, not asked
    expect(card).to_have_attribute("data-question", "reason")


def test_results_read_apart_by_word_and_colour_with_enough_contrast(open_page):
    page = open_page("staff", "checker/", width=390)
    ready(page)
    page.locator(".pc-tab[data-value='training']").click()
    page.locator("button[data-action='scenario'][data-value='platform-dispute']").click()
    answer(page, "dispute", "yes")
    page.locator("button[data-action='continue']").click()
    page.locator("button[data-action='verdict'][data-value='out_dispute']").click()  # right
    page.locator("button[data-action='next']").click()
    expect(page.locator(".pc-story")).to_be_visible()
    page.locator("button[data-action='scenarios']").first.click()
    page.locator("button[data-action='scenario'][data-value='bought-elsewhere']").click()
    answer(page, "sold_by_us", "no")
    page.locator("button[data-action='continue']").click()
    page.locator("button[data-action='verdict']:not([data-value='out_not_ours'])").first.click()  # wrong
    page.locator("button[data-action='scenarios']").first.click()
    marks = {}
    for result in ("new", "right", "wrong"):
        badge = page.locator(f"li[data-result='{result}'] .pc-done").first
        text = badge.inner_text()
        assert word(f"training.{result}")["zh"] in text and text[0] in "○✓✗", text  # a mark, not colour alone
        marks[result] = badge.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert len({tuple(colours) for colours in marks.values()}) == 3, marks
    assert len({colours[0] for colours in marks.values()}) == 3, marks  # not one green for all
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document.querySelector('#policy-checker'), {runOnly: ['color-contrast']})).violations"
    )
    assert found == [], found


def test_a_reload_mid_scenario_resumes_it_and_a_wrong_verdict_is_not_done(open_page):
    page = open_page("staff", "checker/")
    ready(page)
    page.locator(".pc-tab[data-value='training']").click()
    page.locator("button[data-action='scenario'][data-value='platform-dispute']").click()
    answer(page, "dispute", "yes")
    expect(page.locator(".pc-feedback")).to_have_attribute("data-right", "true")
    page.reload()
    ready(page)
    expect(page.locator(".pc-feedback")).to_have_attribute("data-right", "true")
    page.locator("button[data-action='continue']").click()
    page.locator("button[data-action='verdict']:not([data-value='out_dispute'])").first.click()
    expect(page.locator(".pc-grade[data-right='false']")).to_have_count(1)
    page.locator("button[data-action='scenarios']").first.click()
    expect(page.locator("li[data-result='wrong'] button[data-value='platform-dispute']")).to_have_count(1)
    score = page.locator(".pc-score")
    expect(score).to_have_attribute("data-wrong", "1")
    page.locator("button[data-action='reset']").click()  # asks first, in the page
    expect(page.locator(".pc-confirm")).to_be_visible()
    expect(score).to_have_attribute("data-wrong", "1")
    page.locator("button[data-action='reset-confirm']").click()
    expect(page.locator(".pc-score")).to_have_attribute("data-wrong", "0")
