"""The case checker in headless Chromium: its verdicts equal the CLI's, links reopen a case,
and nothing breaks into a traceback (training: test_browser_training.py)."""

import datetime
import json

import pytest
from browser import checker_ready as ready
from browser import overflow
from conftest import CASES, read_case
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from checker.commands import cli
from checker.site.pybundle import unbundled

RETURN_CASES = [
    "05-defect-refund-day-7",
    "06-defect-day-8-warranty",
    "08-defect-exchange-same-day",
    "11-compensation-above-cap",
    "18-missing-item-in-time",
    "23-crushed-box-refused",
    "26-after-signing-buyer-refuses-all",
    "27-washed-sweater-day-5",
    "37-size-exchange-marketplace",
    "38-colour-refund-official",
]
COMPLAINT_CASES = [
    "01-monday-attitude",
    "03-rude-agent-friday-before-qingming",
    "06-logistics-dispute",
    "09-spring-festival",
    "18-logistics-christmas-eve",
]


def case_day(answers):
    """The day a case is decided: its latest date, so no answer lies after "today" (None: no dates)."""
    days = [str(value)[:10] for value in answers.values() if str(value)[:4].isdigit() and str(value)[4:5] == "-"]
    return max(days, default=None)


def cli_decision(flow, case_path, capsys):
    """What `python -m checker decide FLOW CASE --json` prints, run in this process."""
    today = case_day(read_case(case_path)["answers"])
    capsys.readouterr()
    assert cli.main(["decide", flow, str(case_path), "--json"] + (["--today", today] if today else [])) == 0
    return json.loads(capsys.readouterr().out)["decision"]


# What the checker shows once it has moved on from the question ``asked`` (None at the start):
# its decision, or the one question card and whether that question has answer buttons.
SHOWN = """asked => {
  const result = document.querySelector('#pc-result');
  if (result) return {decision: result.getAttribute('data-json')};
  const cards = [...document.querySelectorAll('.pc-card[data-question]')];
  if (cards.length !== 1 || cards[0].getAttribute('data-question') === asked) return null;
  const question = cards[0].getAttribute('data-question');
  return {question, buttons: document.querySelectorAll(`.pc-answer[data-question="${question}"]`).length > 0};
}"""


def walk(page, answers, limit=30):
    """Answer whatever the checker asks, from a case's answers, until it shows a decision
    (each step: one look at the page, then a click as a person makes it)."""
    asked = None
    for _ in range(limit):
        try:
            shown = page.wait_for_function(SHOWN, arg=asked, timeout=10000).json_value()
        except PlaywrightTimeoutError:
            screen = page.locator("#policy-checker").inner_text()
            raise AssertionError(f"after {asked!r} the checker shows no decision and no new question:\n{screen}") from None
        if "decision" in shown:
            return json.loads(shown["decision"])
        asked = shown["question"]
        value = str(answers[asked])
        if shown["buttons"]:
            page.locator(f".pc-answer[data-question='{asked}'][data-value='{value}']").click()
        else:
            page.fill("#pc-input", value.replace(" ", "T"))
            page.locator(".pc-form button[type=submit]").click()
    raise AssertionError("the checker did not reach a decision")


@pytest.mark.parametrize("flow,names", [("returns", RETURN_CASES), ("complaints", COMPLAINT_CASES)])
def test_the_checker_decides_like_the_cli(open_page, capsys, flow, names):
    """Case after case in one page, started again with the checker's own button, each on its day."""
    page = open_page("staff", "checker/", today=datetime.date.today().isoformat())  # a clock of its own
    ready(page)
    page.locator(f".pc-tab[data-value='{flow}']").click()
    for name in names:
        path = CASES / flow / f"{name}.yaml"
        answers = read_case(path)["answers"]
        today = case_day(answers) or datetime.date.today().isoformat()  # the CLI's today when no date is given
        page.clock.set_fixed_time(today + "T12:00:00")
        shown = walk(page, answers)
        assert shown == cli_decision(flow, path, capsys), name
        expect(page.locator(".pc-verdict")).to_have_attribute("data-outcome", shown["outcome"])
        page.locator(".pc-verdict [data-action='restart'], .pc-card [data-action='restart']").first.click()
        expect(page.locator("#pc-result")).to_have_count(0)


def test_an_estimated_deadline_says_so_on_the_verdict_card(open_page):
    page = open_page(
        "staff",
        "checker/#flow=complaints&channel=phone&dispute=no&calmed=no&received_at=2026-12-24T10:00&category=logistics",
        today="2026-12-24",
    )
    ready(page)
    verdict = page.locator(".pc-verdict")
    expect(verdict).to_contain_text("2027-01-05")
    expect(verdict).to_contain_text("2027 年放假安排尚未公布，此截止时间按法定节假日估算")
    expect(verdict).to_contain_text("the 2027 holiday arrangement has not been published yet")


def test_a_shared_link_reopens_the_same_case(open_page):
    page = open_page("staff", "checker/")
    ready(page)
    decision = walk(page, read_case(CASES / "returns" / "36-size-refund-marketplace.yaml")["answers"])
    link = page.locator("#pc-share").input_value()
    assert "#flow=returns&dispute=no&sold_by_us=yes&reason=size" in link
    again = open_page("staff", "checker/" + link.split("/checker/", 1)[1])
    ready(again)
    assert json.loads(again.locator("#pc-result").get_attribute("data-json")) == decision


def test_back_and_restart(open_page):
    page = open_page("staff", "checker/")
    ready(page)
    page.locator(".pc-answer[data-question='dispute'][data-value='no']").click()
    page.locator(".pc-answer[data-question='sold_by_us'][data-value='yes']").click()
    card = page.locator(".pc-card")
    expect(card).to_have_attribute("data-question", "reason")
    page.go_back()  # the browser's own history holds each step
    expect(card).to_have_attribute("data-question", "sold_by_us")
    page.go_forward()
    expect(card).to_have_attribute("data-question", "reason")
    page.locator("button[data-action='back']").click()
    expect(card).to_have_attribute("data-question", "sold_by_us")
    page.locator("button[data-action='restart']").click()
    expect(card).to_have_attribute("data-question", "dispute")
    assert page.url.endswith("#flow=returns")


BAD_DATES = {
    "zh": ("", "「买家哪天提出退换货？」的答案（2026-03-01）早于「包裹哪天签收？」的答案（2026-03-05）；请检查这两个日期"),
    "en": ("en/", 'The answer to "On what date did the buyer ask for the return or exchange?" (2026-03-01) is before'),
}


@pytest.mark.parametrize("lang", BAD_DATES)
def test_a_bad_date_gets_an_inline_message_in_the_page_language(open_page, lang):
    prefix, message = BAD_DATES[lang]
    page = open_page("staff", prefix + "checker/#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-03-05")
    ready(page)
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "requested_on")
    page.fill("#pc-input", "2026-03-01")
    page.locator(".pc-form button[type=submit]").click()
    expect(page.locator("#pc-error p:visible")).to_have_count(1)
    expect(page.locator("#pc-error p:visible")).to_contain_text(message)
    expect(page.locator("#pc-input")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#pc-input")).to_have_value("2026-03-01")  # what was typed, not today


def test_dates_no_one_means_are_refused_inline_in_the_page_language(open_page):
    """A sign-off after the browser's today, or years outside the shop's calendar, is refused."""
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    start = "checker/#flow=returns&dispute=no&sold_by_us=yes&reason=size"
    for prefix, typed, message in (
        ("", tomorrow, f"「包裹哪天签收？」：{tomorrow} 晚于今天"),
        ("en/", "2030-03-05", "2030-03-05 is outside the years the shop's calendar covers"),
    ):
        page = open_page("staff", prefix + start)
        ready(page)
        expect(page.locator(".pc-card")).to_have_attribute("data-question", "signed_on")
        page.fill("#pc-input", typed)
        page.locator(".pc-form button[type=submit]").click()
        expect(page.locator("#pc-error p:visible")).to_contain_text(message)
        expect(page.locator("#pc-input")).to_have_value(typed)
        expect(page.locator(".pc-card")).to_have_attribute("data-question", "signed_on")


def test_a_broken_link_shows_a_friendly_message(open_page):
    page = open_page("staff", "checker/#flow=returns&dispute=no&sold_by_us=maybe")
    ready(page)
    alert = page.locator(".pc-failure[role=alert]")
    expect(alert).to_contain_text("这个链接里的回答无法使用")
    expect(alert.locator(".pc-report")).to_contain_text("「商品是本店售出的吗？」：“maybe”不是可选的答案")
    assert "Traceback" not in page.content()
    alert.locator("button[data-action='restart']").click()
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "dispute")


def test_the_first_question_is_in_the_page_and_an_early_click_is_kept(open_page, sites):
    page = open_page("staff", "checker/")
    # The first question is in the HTML the server sent, before any script ran.
    html = page.request.get(sites["staff"] + "checker/").text()
    assert 'data-question="dispute"' in html and 'data-action="answer"' in html
    ready(page)
    slow = page.context.browser.new_context()
    try:
        early = slow.new_page()
        slow.route("**/micropython.wasm", lambda route: (early.wait_for_timeout(1500), route.continue_()))
        early.goto(sites["staff"] + "checker/", wait_until="domcontentloaded")
        early.locator(".pc-answer[data-question='dispute'][data-value='no']").click()
        assert early.locator("#policy-checker[data-ready]").count() == 0  # clicked before the runtime was ready
        expect(early.locator(".pc-card")).to_have_attribute("data-question", "sold_by_us", timeout=20000)
    finally:
        slow.close()


def test_the_start_up_fetches_one_bundle_and_no_plugin(chromium, sites):
    """Before the checker is ready it asks for its Python and data in one request (no .py, .mpy
    or .json of its own), and for none of PyScript's optional plugins."""
    context = chromium.new_context(service_workers="block")
    try:
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url[len(sites["staff"]) :]))
        page.goto(sites["staff"] + "checker/")
        ready(page)
        ours = [path for path in asked if path.startswith("assets/checker/")]
        assert sorted(ours) == ["assets/checker/boot.js", "assets/checker/checker.bundle", "assets/checker/unpack.js"]
        plugins = ("donkey", "py-editor", "py-game", "py-terminal", "deprecations-manager", "codemirror")
        assert [path for path in asked if any(name in path for name in plugins)] == []
        assert [path for path in asked if path.endswith((".py", ".mpy", ".toml"))] == []
        # Another flow is read from the same bundle when its tab is chosen: no request more.
        before = len(asked)
        page.locator(".pc-tab[data-value='complaints']").click()
        expect(page.locator(".pc-card")).to_have_attribute("data-question", "received_at")
        assert asked[before:] == []
    finally:
        context.close()


def test_the_checker_works_by_keyboard(open_page):
    page = open_page("staff", "checker/")
    ready(page)
    page.locator(".pc-answer[data-question='dispute'][data-value='no']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "sold_by_us")
    expect(page.locator("#pc-question")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "reason")


def test_the_checker_fits_a_phone(open_page):
    page = open_page(
        "staff",
        "checker/#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-03-01&requested_on=2026-03-05"
        "&exchanged_before=no&condition=resaleable&buyer_gifts=yes&buyer_wish=exchange&channel=official",
        width=360,
    )
    ready(page)
    expect(page.locator(".pc-verdict")).to_be_visible()
    assert overflow(page) <= 0


def test_reached_through_the_site_navigation(open_page):
    page = open_page("staff", "")
    page.get_by_role("link", name="案例检查器").first.click()
    ready(page)
    page.locator(".pc-answer[data-question='dispute'][data-value='yes']").click()
    expect(page.locator(".pc-verdict")).to_have_attribute("data-outcome", "out_dispute")


def test_the_public_checker_asks_customers_and_shows_no_staff_detail(open_page):
    page = open_page("public", "checker/")
    ready(page)
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "sold_by_us")
    expect(page.locator("#pc-question")).to_contain_text("商品是在本店购买的吗")
    expect(page.locator(".pc-tab")).to_have_count(0)
    shown = walk(page, read_case(CASES / "returns" / "38-colour-refund-official.yaml")["answers"])
    assert shown["outcome"] == "out_buyer_refund_official"
    verdict = page.locator(".pc-verdict")
    for staff_word in ("订单旗帜", "升级", "RET-RECORD", "RET-COACHING", "FLAG-"):
        expect(verdict).not_to_contain_text(staff_word)
    assert verdict.locator("a[href='../returns/#RET-POSTAGE-OFFICIAL']").count() >= 1


def test_pyodide_is_a_selectable_runtime(chromium, tmp_path, capsys):
    from browser import LocalSite, OriginGuard
    from sitebuild import build_site, variant_config

    config = variant_config(tmp_path, "pyodide")
    site = tmp_path / "site"
    assert build_site(site, config.name, project=tmp_path) == []
    page_html = (site / "checker" / "index.html").read_text(encoding="utf-8")
    assert '<script type="py" config=' in page_html and "\nimport checker.browser.app</script>" in page_html
    names = unbundled((site / "assets" / "checker" / "checker.bundle").read_bytes())  # the same bundle, as source
    assert "checker/browser/app.py" in names and not any(name.endswith(".mpy") for name in names)
    served = LocalSite(site)
    context = chromium.new_context()
    guard = OriginGuard(context, served.url)
    try:
        page = context.new_page()
        page.goto(served.url + "checker/")
        expect(page.locator("#policy-checker[data-ready]")).to_have_count(1, timeout=60000)
        path = CASES / "returns" / "23-crushed-box-refused.yaml"
        assert walk(page, read_case(path)["answers"]) == cli_decision("returns", path, capsys)
        assert guard.outside == []
    finally:
        context.close()
        served.close()


def test_dates_default_to_today_and_now(open_page):
    import datetime

    page = open_page("staff", "checker/#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-03-01")
    ready(page)
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "requested_on")
    assert page.locator("#pc-input").input_value() == datetime.date.today().isoformat()
    page.locator(".pc-tab[data-value='complaints']").click()
    shown = datetime.datetime.fromisoformat(page.locator("#pc-input").input_value())
    assert abs((datetime.datetime.now() - shown).total_seconds()) < 120


VERDICT = (
    "checker/#flow=returns&dispute=no&sold_by_us=yes&reason=size&signed_on=2026-03-01&requested_on=2026-03-05"
    "&exchanged_before=no&condition=resaleable&buyer_gifts=yes&buyer_wish=exchange&channel=official"
)


def test_copy_buttons_copy_the_text(open_page):
    page = open_page("staff", VERDICT)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ready(page)
    note = page.locator(".pc-note").inner_text()
    page.locator(".pc-note + button[data-action='copy']").click()
    expect(page.locator(".pc-note + button[data-action='copy']")).to_have_attribute("data-copied", "true")
    assert page.evaluate("navigator.clipboard.readText()") == note


def test_a_refused_copy_says_so_and_breaks_nothing(open_page):
    page = open_page("staff", VERDICT)
    ready(page)
    page.evaluate(
        "() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); }"
    )
    page.locator(".pc-note + button[data-action='copy']").click()
    expect(page.locator(".pc-note + button[data-action='copy']")).to_have_attribute("data-copied", "false")


def test_a_huge_link_is_read_quickly_and_a_bad_escape_is_a_friendly_card(open_page):
    page = open_page("staff", "checker/#flow=returns&dispute=no&" + "x=1&" * 25000 + "sold_by_us=yes")
    ready(page)
    assert float(page.locator("#policy-checker").get_attribute("data-ready")) < 20000
    started = page.evaluate("performance.now()")
    page.evaluate("location.hash = 'flow=returns&dispute=no&' + 'zz=1&'.repeat(25000)")
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "sold_by_us")
    # About 0.25 s alone; another test runs beside this one (pytest-xdist) and may slow it down a
    # few times, while reading a link in quadratic time would take minutes.
    assert page.evaluate("performance.now()") - started < 3000
    page.evaluate("location.hash = 'flow=returns&dispute=%FF'")
    alert = page.locator(".pc-failure[role=alert]")
    expect(alert).to_contain_text("这个链接里的回答无法使用")
    expect(alert).to_contain_text("This link holds an answer the checker cannot use")
    expect(alert).not_to_contain_text("UnicodeError")


def test_the_public_error_card_speaks_to_customers(open_page):
    page = open_page("public", "checker/#flow=returns&sold_by_us=maybe")
    ready(page)
    alert = page.locator(".pc-failure[role=alert]")
    expect(alert).to_contain_text("请联系我们的客服")
    for staff_word in ("主管", "supervisor"):
        expect(alert).not_to_contain_text(staff_word)


@pytest.mark.parametrize("site", ["staff", "public"])
def test_on_a_phone_the_verdict_title_is_scrolled_below_the_sticky_header(open_page, site):
    answers = "&sold_by_us=yes&reason=size&signed_on=2026-03-01&exchanged_before=no&condition=resaleable&buyer_gifts=yes"
    page = open_page(site, "checker/#flow=returns" + ("&dispute=no" if site == "staff" else "") + answers, width=390)
    ready(page)
    expect(page.locator(".pc-card")).to_have_attribute("data-question", "requested_on")
    page.fill("#pc-input", "2026-03-05")
    page.locator(".pc-form button[type=submit]").click()
    page.locator(".pc-answer[data-value='exchange']").click()
    page.locator(".pc-answer[data-value='official']").click()
    expect(page.locator(".pc-verdict")).to_be_visible()
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    title = page.evaluate("document.querySelector('.pc-verdict #pc-question').getBoundingClientRect().toJSON()")
    assert header <= title["top"] and title["bottom"] <= 900, (header, title)
