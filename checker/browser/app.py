"""The checker in the browser (PyScript). Only this module touches the DOM; decisions come
from checker.engine and every screen from checker.browser.view.

State lives in the URL fragment (checker.browser.state), so a link reopens the same case.
Clicks made before this module was ready were kept by boot.js and are replayed here.
"""

import json

from pyscript import document, window
from pyscript.ffi import create_proxy

from checker.browser import state as url_state
from checker.browser import training, training_view, view
from checker.engine import AnswerError, step

with open("rules.json") as source:
    DATA = json.load(source)
PROGRESS_KEY = "policy-checker-training"
SESSION_KEY = PROGRESS_KEY + "-session"
TRAINING_HASH = "#training"
# Every key a link may hold: others are skipped before decoding (see checker.browser.state).
KNOWN_KEYS = {question["id"] for flow in DATA["flows"].values() for question in flow["questions"]}

root = document.getElementById("policy-checker")
screen = root.querySelector(".pc-screen")
app = {"mode": "check", "flow": DATA["modes"][0], "answers": {}, "order": [], "error": None, "train": None}


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


def defaults():
    """Today's date and the current time for date and datetime questions."""
    # Read the date's small fields: big numbers such as getTime() do not cross the bridge intact.
    date = window.Date.new()
    day = "%04d-%02d-%02d" % (date.getFullYear(), date.getMonth() + 1, date.getDate())
    return {"today": day, "now": day + "T%02d:%02d" % (date.getHours(), date.getMinutes())}


def render_case(focus=True):
    """Show the next question or the decision for the current answers."""
    try:
        result = step(DATA, app["flow"], app["answers"], today=defaults()["today"])
    except AnswerError as error:
        detail = error.shown(DATA["lang"]) + "\n#" + window.location.hash[1 : url_state.MAX_PART]
        show(failure(DATA["ui"]["bad_link"], detail), focus)
        return
    show_result(result, focus)


def show_result(result, focus=True):
    """Show one engine result: a question (with today's date or the time filled in) or a verdict."""
    if result["type"] == "question":
        question = result["question"]
        if question.get("default") in ("today", "now") and question["id"] not in app["answers"]:
            app["defaults"] = {question["id"]: defaults()[question["default"]]}
        show(view.question_card(DATA, app, result, app["error"]), focus)
    else:
        decision = result["decision"]
        show(view.decision_card(DATA, app, decision, window.location.href, view.result_tag(decision)), focus)


def save_url():
    fragment = "#" + url_state.encode(app["flow"], app["answers"], app["order"])
    if window.location.hash != fragment:
        window.history.pushState(None, "", fragment)


def answer(question_id, value):
    """Record an answer after the engine accepts it; an unusable one stays on screen with a message."""
    trial = dict(app["answers"])
    trial[question_id] = value
    try:
        result = step(DATA, app["flow"], trial, today=defaults()["today"])
    except AnswerError as error:
        if error.question_id == question_id:
            app["error"], app["typed"] = error.text, {question_id: value}
            render_case()
            return
        raise
    app["answers"] = trial
    if question_id not in app["order"]:
        app["order"].append(question_id)
    app["error"] = None
    save_url()
    show_result(result)


def back():
    if app["order"]:
        app["answers"].pop(app["order"].pop(), None)
    app["error"] = None
    save_url()
    render_case()


def restart():
    app["answers"], app["order"], app["error"] = {}, [], None
    if app["mode"] == "train":
        app["train"] = None
        render_training()
        return
    save_url()
    render_case()


def switch(mode):
    if mode == "training":
        app["mode"], app["train"] = "train", None
        render_training()
    else:
        app["mode"], app["flow"] = "check", mode
        app["answers"], app["order"], app["error"] = {}, [], None
        save_url()
        render_case()
    show_tabs()


# --- training -----------------------------------------------------------------------------


def progress():
    return read_store(PROGRESS_KEY, {})


def save_progress(record):
    write_store(PROGRESS_KEY, record)


def read_store(key, empty):
    try:
        return json.loads(window.localStorage.getItem(key) or "null") or empty
    except Exception:
        return empty


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
        show(view.error_card(DATA, DATA["ui"]["error_title"], "training.json: " + str(error)))

    request = window.fetch("../assets/checker/" + DATA["training"])
    request.then(create_proxy(lambda response: response.text())).then(
        create_proxy(lambda text: guarded_call(loaded, text))
    ).catch(create_proxy(failed))


def guarded_call(function, argument):
    try:
        function(argument)
    except Exception as error:
        show(view.error_card(DATA, DATA["ui"]["error_title"], type(error).__name__ + ": " + str(error)))


def render_training(focus=True):
    """Show the training screen for the session (kept in localStorage, so a reload resumes it)."""
    if "scenarios" not in DATA:
        load_training(lambda: render_training(focus))
        return
    if window.location.hash != TRAINING_HASH:
        window.history.replaceState(None, "", TRAINING_HASH)
    if app["train"] is None:
        app["train"] = training.restore(DATA, read_store(SESSION_KEY, None))
    session = app["train"]
    write_store(SESSION_KEY, session if session and session["phase"] != "result" else None)
    if session is None:
        show(training_view.training_list(DATA, progress(), app.get("confirm", False)), focus)
        return
    scenario = training.find(DATA, session["scenario"])
    if session["phase"] == "feedback":
        question, right, value = training.feedback(DATA, session)
        show(training_view.training_feedback(DATA, scenario, question, right, value), focus)
    elif session["phase"] == "verdict":
        show(training_view.verdict_pick(DATA, scenario, training.verdict_options(DATA, scenario)), focus)
    elif session["phase"] == "result":
        decision = training.current(DATA, scenario, session["graded"])["decision"]
        show(
            training_view.training_result(DATA, scenario, session["picked"], decision, session["points"], session["total"]), focus
        )
    else:
        result = training.current(DATA, scenario, session["graded"])
        show(training_view.training_question(DATA, scenario, session["graded"], result), focus)


def train(action, value):
    """One training action: pick a scenario, answer, go on, pick a verdict, list, reset."""
    session = app["train"]
    app["confirm"] = action == "reset"
    if action == "scenario":
        app["train"] = training.start(value)
    elif action in ("answer", "submit") and session:
        training.answer(DATA, session, value)
    elif action == "continue" and session:
        training.next_phase(DATA, session)
    elif action == "verdict" and session:
        training.pick(DATA, session, value)
        save_progress(training.record(progress(), session))
    elif action == "reset-confirm":
        save_progress({})
    if action in ("scenarios", "reset", "reset-confirm"):
        app["train"] = None
        write_store(SESSION_KEY, None)
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
        switch(value)
    elif action == "copy":
        copy_text(copy, target)
    elif app["mode"] == "train":
        train(action, value)
    elif action in ("answer", "submit"):
        answer(question, value)
    elif action == "back":
        back()
    elif action == "restart":
        restart()
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
    guarded("submit", form.getAttribute("data-question"), form.querySelector("input").value)


def on_hash_change(event):
    """Browser back/forward, or a pasted link: rebuild the case from the URL."""
    try:
        load_from_url(True)
    except Exception as error:
        show(view.error_card(DATA, DATA["ui"]["error_title"], type(error).__name__ + ": " + str(error)))


def failure(title, detail):
    """The error card for this checker's readers (customers get no report to pass on)."""
    return view.error_card(DATA, title, detail)


def load_from_url(focus):
    try:
        flow, answers, order = url_state.decode(window.location.hash or "", KNOWN_KEYS)
    except url_state.BadLink as error:
        show(failure(DATA["ui"]["bad_link"], "not text: " + str(error)[: url_state.MAX_PART]), focus)
        return True
    if flow is None:
        return False
    if flow not in DATA["flows"]:
        show(failure(DATA["ui"]["bad_link"], "unknown flow: " + flow[: url_state.MAX_PART]), focus)
        return True
    app.update({"mode": "check", "flow": flow, "answers": answers, "order": order, "error": None})
    show_tabs()
    render_case(focus)
    return True


def start():
    root.addEventListener("click", create_proxy(on_click))
    root.addEventListener("submit", create_proxy(on_submit))
    # pyscript.window's own addEventListener loses its `this` on MicroPython; the view's does not.
    document.defaultView.addEventListener("popstate", create_proxy(on_hash_change))
    document.defaultView.addEventListener("hashchange", create_proxy(on_hash_change))
    if window.location.hash == TRAINING_HASH:
        switch("training")  # a reload mid-scenario resumes it
    elif not load_from_url(False):
        render_case(False)  # same as the pre-rendered screen, now with today's date filled in
    queued = getattr(window, "__pcQueue", None)
    window.__pcReady = True
    for index in range(queued.length if queued else 0):
        item = queued[index]
        guarded(item.action, item.question, item.value, item.copy)
    loading = root.querySelector(".pc-loading")
    if loading:
        loading.hidden = True
    root.setAttribute("data-ready", str(now()))


try:
    start()
except Exception as error:
    show(failure(DATA["ui"]["error_title"], type(error).__name__ + ": " + str(error)))
    root.setAttribute("data-error", "true")
