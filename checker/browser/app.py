"""The checker in the browser (PyScript): DOM, storage, fetch, clipboard, history and events
only. What a click does to a case comes from checker.browser.case (training from
checker.browser.training), every screen from checker.browser.view and training_view.

State lives in the URL fragment (checker.browser.state), so a link reopens the same case.
Clicks made before this module was ready were kept by boot.js and are replayed here.
"""

import json

from pyscript import document, window
from pyscript.ffi import create_proxy

window.performance.mark("policy-checker:python")  # start-up marks (User Timing): make bench reads them
from checker.browser import case, shipped, view  # noqa: E402


def member_text(name):
    """A member of the bundle (unpacked beside this package) as text."""
    with open(name) as source:
        return source.read()  # parsed by json.loads: on MicroPython twice as fast as json.load


DATA = json.loads(member_text(shipped.SHARED))
PROGRESS_KEY = "policy-checker-training"
SESSION_KEY = PROGRESS_KEY + "-session"
TRAINING_HASH = "#training"

root = document.getElementById("policy-checker")
screen = root.querySelector(".pc-screen")
app = dict(case.start(DATA["modes"][0]), train=None)


def read_flows(flow_ids=None):
    """Parse the flows ``flow_ids`` (every flow: None) if not parsed yet: at start-up only the
    first question's flow is, the others when a reader turns to them."""
    shipped.read_flows(DATA, list(DATA["tabs"]) if flow_ids is None else flow_ids, member_text)


read_flows([app["flow"]])
window.performance.mark("policy-checker:data")


def now():
    return window.performance.now()


def show(html, focus=True):
    screen.innerHTML = str(html)
    root.setAttribute("data-renders", str(int(root.getAttribute("data-renders") or "0") + 1))
    if focus:
        heading = screen.querySelector("#pc-question")
        if heading:
            heading.focus()
            keep_in_view(screen.querySelector(".pc-card"), heading)


def keep_in_view(card, heading):
    """Focusing may leave the new card under the sticky header, or its title below the fold on a
    phone: then bring the card's top into view (CSS scroll-margin-top clears the header)."""
    header = document.querySelector(".md-header")
    top = header.getBoundingClientRect().bottom if header else 0
    if card and (card.getBoundingClientRect().top < top or heading.getBoundingClientRect().bottom > window.innerHeight):
        card.scrollIntoView(True)


def show_tabs():
    current = "training" if app["mode"] == "train" else app["flow"]
    for tab in root.querySelectorAll(".pc-tab"):
        tab.setAttribute("aria-pressed", "true" if tab.getAttribute("data-value") == current else "false")


def clock():
    """Today's date and the current time for date and datetime questions."""
    # Read the date's small fields: big numbers such as getTime() do not cross the bridge intact.
    date = window.Date.new()
    day = "%04d-%02d-%02d" % (date.getFullYear(), date.getMonth() + 1, date.getDate())
    return {"today": day, "now": day + "T%02d:%02d" % (date.getHours(), date.getMinutes())}


def apply(change, focus=True):
    """Take a change from checker.browser.case: its state, its link in the history, its screen."""
    global app
    app = change["state"]
    if change["link"] == "" and window.location.hash:  # the start: the bare address names it
        window.history.replaceState(None, "", window.location.pathname + window.location.search)
    elif change["link"] and window.location.hash != "#" + change["link"]:
        window.history.pushState(None, "", "#" + change["link"])
    if change["screen"]["kind"] == case.TRAINING:
        render_training(focus)
    else:
        show(view.case_screen(DATA, app, change["screen"], window.location.href), focus)
    show_tabs()


# --- training -----------------------------------------------------------------------------


def read_store(key, empty):
    """What was kept under key (a dict), or empty when nothing usable was (a hand edit, say)."""
    try:
        value = json.loads(window.localStorage.getItem(key) or "null")
    except Exception:
        return empty
    return value if isinstance(value, dict) else empty


def write_store(key, value):
    try:
        if value is None:
            window.localStorage.removeItem(key)
        else:
            window.localStorage.setItem(key, json.dumps(value))
    except Exception:
        pass  # private browsing: progress is not kept, training still works


def load_training(then):
    """Fetch the scenarios once, the first time training is opened, then carry on."""
    if "scenarios" in DATA:
        then()
        return

    def loaded(text):
        DATA["scenarios"] = json.loads(text)["scenarios"]
        then()

    def failed(error):
        show(failure(DATA["ui"]["error_title"], "training.json: " + str(error)))

    request = window.fetch("../assets/checker/" + DATA["training"])
    request.then(create_proxy(lambda response: response.text())).then(
        create_proxy(lambda text: guarded_call(loaded, text))
    ).catch(create_proxy(failed))


def guarded_call(function, argument):
    """function(argument), with an error card instead of a traceback if it fails."""
    try:
        function(argument)
    except Exception as error:
        show(failure(DATA["ui"]["error_title"], type(error).__name__ + ": " + str(error)))


def render_training(focus=True):
    """Show the training screen for the session (kept in localStorage, so a reload resumes it)."""
    from checker.browser import training, training_view  # only for those who train

    read_flows()  # the scenarios run through every flow
    if "scenarios" not in DATA:
        load_training(lambda: render_training(focus))
        return
    if window.location.hash != TRAINING_HASH:
        window.history.replaceState(None, "", TRAINING_HASH)
    if app["train"] is None:
        app["train"] = training.restore(DATA, read_store(SESSION_KEY, None))
    session = app["train"]
    write_store(SESSION_KEY, session if session and session["phase"] != "result" else None)
    show(training_view.training_screen(DATA, session, read_store(PROGRESS_KEY, {}), app.get("confirm", False)), focus)


def train(action, value):
    """One training action (checker.browser.training.act), then its screen."""
    from checker.browser import training

    moved = training.act(DATA, app["train"], read_store(PROGRESS_KEY, {}), action, value)
    write_store(PROGRESS_KEY, moved["progress"])
    write_store(SESSION_KEY, moved["session"])  # None: back to the list, not the old session
    app["train"], app["confirm"] = moved["session"], moved["confirm"]
    render_training()


# --- events ---------------------------------------------------------------------------------


def copy_text(text, button):
    """Copy to the clipboard; the button says whether it worked (a browser may refuse)."""

    def copied(*ignored):  # promise callbacks: take whatever the bridge passes
        if button:
            button.setAttribute("data-copied", "true")

    def refused(*ignored):
        if button:
            button.setAttribute("data-copied", "false")

    try:
        window.navigator.clipboard.writeText(text).then(create_proxy(copied), create_proxy(refused))
    except Exception:
        refused()


def act(action, question=None, value=None, copy=None, target=None):
    """Carry out one action from a button or form (also the ones boot.js kept)."""
    started = now()
    if action == "mode":
        read_flows([value])
        apply(case.switch(DATA, app, value, clock()))
    elif action == "copy":
        copy_text(copy, target)
    elif app["mode"] == "train":
        train(action, value)
    elif action in ("answer", "submit"):
        apply(case.answer(DATA, app, question, value, clock()))
    elif action == "asof":
        apply(case.as_of(DATA, app, value, clock()))
    elif action == "back":
        apply(case.back(DATA, app, clock()))
    elif action == "restart":
        apply(case.restart(DATA, app, clock()))
    root.setAttribute("data-last-action-ms", str(now() - started))


def guarded(action, question=None, value=None, copy=None, target=None):
    try:
        act(action, question, value, copy, target)
    except Exception as error:
        report = (
            type(error).__name__
            + ": "
            + str(error)
            + "\naction="
            + str(action)
            + " question="
            + str(question)
            + " value="
            + str(value)
            + "\n"
            + window.location.href
        )
        show(failure(DATA["ui"]["error_title"], report))
        root.setAttribute("data-error", "true")


def on_click(event):
    target = event.target.closest("[data-action]")
    if not target or target.tagName == "FORM":
        return
    event.preventDefault()
    guarded(*[target.getAttribute("data-" + name) for name in ("action", "question", "value", "copy")], target=target)


def on_submit(event):
    form = event.target.closest("form[data-action]")
    if not form:
        return
    event.preventDefault()
    action = "asof" if form.getAttribute("data-action") == "asof" else "submit"
    guarded(action, form.getAttribute("data-question"), form.querySelector("input").value)


def on_hash_change(event):
    """Browser back/forward, or a pasted link: rebuild the case from the URL."""
    guarded_call(load_from_url, True)


def failure(title, detail):
    """The error card for this checker's readers (customers get no report to pass on)."""
    return view.error_card(DATA, title, detail)


def load_from_url(focus):
    """Show what the URL names: a case, training, or the start (the pre-rendered screen, now
    with today's date)."""
    if window.location.hash:
        read_flows()  # a link may name any flow, and is read knowing every flow's questions
    apply(case.open_link(DATA, app, window.location.hash or "", clock()), focus)


def start():
    root.addEventListener("click", create_proxy(on_click))
    root.addEventListener("submit", create_proxy(on_submit))
    # pyscript.window's own addEventListener loses its `this` on MicroPython; the view's does not.
    document.defaultView.addEventListener("popstate", create_proxy(on_hash_change))
    document.defaultView.addEventListener("hashchange", create_proxy(on_hash_change))
    load_from_url(False)  # a case, training (a reload mid-scenario resumes it) or the start
    queued = getattr(window, "__pcQueue", None)
    window.__pcReady = True
    for index in range(queued.length if queued else 0):
        item = queued[index]
        guarded(item.action, item.question, item.value, item.copy)
    loading = root.querySelector(".pc-loading")
    if loading:
        loading.hidden = True
    root.setAttribute("data-ready", str(now()))
    window.performance.mark("policy-checker:ready")


try:
    start()
except Exception as error:
    show(failure(DATA["ui"]["error_title"], type(error).__name__ + ": " + str(error)))
    root.setAttribute("data-error", "true")
