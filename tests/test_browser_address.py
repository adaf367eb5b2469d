"""The checker's address always names what its screen shows, in headless Chromium: the
browser's Back and Forward through a case down to the bare address, a pasted #training, and
the public checker, which has no training, at #training."""

from playwright.sync_api import expect
from test_browser_checker import ready

STEPS = [("dispute", "no"), ("sold_by_us", "yes"), ("reason", "size")]


def shown(page):
    """(the address after the page's path, the question on screen, or 'training')."""
    card = page.locator(".pc-card[data-question]")
    on_screen = card.get_attribute("data-question") if card.count() == 1 else None
    if page.locator(".pc-tab[data-value='training'][aria-pressed='true']").count():
        on_screen = "training"
    return page.url.split("/checker/", 1)[1], on_screen


def expect_shown(page, fragment, question):
    expect(page.locator(".pc-card[data-question]" if question != "training" else ".pc-score")).to_have_count(1)
    if question != "training":
        expect(page.locator(".pc-card[data-question]")).to_have_attribute("data-question", question)
    assert shown(page) == (fragment, question)


def back(page):
    page.go_back()


def forward(page):
    page.go_forward()


def paste_training(page):
    page.evaluate("location.hash = 'training'")  # as pasted into the address bar


def follow(page, moves):
    """Each move, then what the address and the screen must both say."""
    for move, fragment, question in moves:
        move(page)
        expect_shown(page, fragment, question)


def test_back_and_forward_through_a_case_down_to_the_bare_address(open_page):
    page = open_page("staff", "checker/")
    ready(page)
    for question, value in STEPS:
        page.locator(f".pc-answer[data-question='{question}'][data-value='{value}']").click()
    expect_shown(page, "#flow=returns&dispute=no&sold_by_us=yes&reason=size", "signed_on")
    follow(
        page,
        [
            (back, "#flow=returns&dispute=no&sold_by_us=yes", "reason"),
            (back, "#flow=returns&dispute=no", "sold_by_us"),
            (back, "", "dispute"),  # the bare address: the start, not the second question
            (forward, "#flow=returns&dispute=no", "sold_by_us"),
        ],
    )


def test_a_pasted_training_link_opens_training_and_back_returns_to_the_case(open_page):
    page = open_page("staff", "checker/#flow=returns&dispute=no")
    ready(page)
    expect_shown(page, "#flow=returns&dispute=no", "sold_by_us")
    follow(page, [(paste_training, "#training", "training"), (back, "#flow=returns&dispute=no", "sold_by_us")])


def test_the_public_checker_at_training_shows_its_start_not_an_error(open_page):
    page = open_page("public", "checker/#training")
    ready(page)
    expect_shown(page, "", "sold_by_us")
    page.locator(".pc-answer[data-question='sold_by_us'][data-value='yes']").click()
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "reason")
    follow(page, [(paste_training, "", "sold_by_us")])
    expect(page.locator(".pc-failure")).to_have_count(0)
    assert "出错了" not in page.locator("#policy-checker").inner_text()
