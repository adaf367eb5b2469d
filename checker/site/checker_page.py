"""Build-time side of the browser checker: its data file, and its page with the first
question already rendered (by the same view code the browser runs)."""

import copy
import html
import json

from ..browser import view
from ..browser.html import element
from ..engine import graph, step
from ..wording import word, words
from .markup import both, language, pair, text
from .pybundle import BUNDLE, UNPACKER

RULE_FIELDS = ("id", "title", "text", "params", "area", "audience")
STAFF_RULE_FIELDS = RULE_FIELDS + ("short",)  # short: order flag notes (staff only) name the postage rule by it


def _version(version, audience):
    """A dated version as a checker needs it: its day, params and wording (customers': theirs)."""
    wording = "text" if audience == "staff" else "customer"
    out = {"from": version["from"], "params": version.get("params", {})}
    if wording in version:
        out["text"] = version[wording]
    return out


def checker_data(bundle, audience):
    """What the browser needs: flows, the rules they cite (slimmed), roles, calendar, scenarios.

    The public version keeps only public rules, speaks in customer wording, and has no
    staff-only question, answer, flag or escalation in it.
    """
    allowed = {rule_id for rule_id, rule in bundle["rules"].items() if audience == "staff" or rule["audience"] == "public"}
    site = bundle["site"]
    page = {"title": word("checker.title"), "intro": word("checker.intro")}
    if audience == "public":
        page = next((entry for entry in site["public"] if "checker" in entry), {"checker": [], "intro": word("checker.intro")})
        tabs = {flow_id: bundle["flows"][flow_id]["title"] for flow_id in page["checker"]}
        flows = {flow_id: public_flow(bundle["flows"][flow_id], allowed) for flow_id in tabs}
        links = {entry["area"]: entry["area"] + "/" for entry in site["public"] if "area" in entry}
    else:
        tabs = {entry["flow"]: entry["tab"] for entry in site["checker"]["flows"]}
        flows = {flow_id: copy.deepcopy(bundle["flows"][flow_id]) for flow_id in tabs}
        for flow in flows.values():
            for question in flow["questions"]:
                question.pop("customer", None)  # the staff checker asks in staff wording
        links = {area["area"]: "policies/" + area["area"] + "/" for area in bundle["areas"]}
    modes = list(tabs)  # in the site file's order; the first opens
    used = set().union(*(graph.rules_used(flow) for flow in flows.values())) & allowed
    rules = {}
    for rule_id in sorted(used):
        rule = bundle["rules"][rule_id]
        fields = STAFF_RULE_FIELDS if audience == "staff" else RULE_FIELDS
        rules[rule_id] = {key: rule[key] for key in fields if key in rule}
        if audience == "public":  # customers read the rule in their words, under their heading
            rules[rule_id]["text"] = rule["customer"]
            rules[rule_id]["title"] = rule.get("customer_title", rule["title"])
        if rule.get("versions"):  # the engine decides by the version in force on the case's date
            rules[rule_id]["effective"] = rule["effective"]
            rules[rule_id]["versions"] = [_version(version, audience) for version in rule["versions"]]
    colours = {}
    for rule in bundle["rules"].values():
        params = rule.get("params", {})
        if "colour" in params and "hex" in params:
            colours[params["colour"]] = params["hex"]
    return {
        "audience": audience,
        "lang": language() or "both",
        "title": page["title"],
        "intro": page.get("intro", page["title"]),
        "modes": modes + (["training"] if audience == "staff" and modes and bundle["scenarios"] else []),
        "tabs": tabs,
        "escalation": bundle["escalation"] if audience == "staff" else [],
        "recent": bundle.get("recent", {}) if audience == "staff" else {},  # rules changed lately: a badge
        "show_escalation": audience == "staff",
        "flows": flows,
        "rules": rules,
        "roles": bundle["roles"] if audience == "staff" else {},
        "calendar": bundle["calendar"] if audience == "staff" else public_calendar(bundle["calendar"]),
        "flag_colours": colours if audience == "staff" else {},
        "links_base": "../",
        "links": links,
        "training": "training.json" if audience == "staff" and bundle["scenarios"] else None,
        "ui": words("ui", audience),
        "training_ui": words("training", audience),
        "terms": dict(words("term", audience), **(words("customer", audience) if audience == "public" else {})),
        "contact": (bundle.get("shop") or {}).get("contact") if audience == "public" else None,
    }


def public_calendar(calendar):
    """The calendar as customers may see it: the days count the same, but the shop's own closed
    and extra working days lose their names (the schema has no public flag for them, and a
    name such as an internal stocktake is the shop's business)."""
    if calendar is None:
        return None
    calendar = copy.deepcopy(calendar)
    for item in calendar["holidays"] + calendar["working_days"]:
        if item.get("origin") == "shop":
            item.pop("name", None)
    return calendar


def public_flow(flow, public_rules):
    """The customers' version of a flow: staff questions answered as the public would answer
    them, staff answers removed, staff rules and order-system details left out."""
    flow = copy.deepcopy(flow)
    bypass = {
        q["id"]: _answer_next(q, q["public_answer"])
        for q in flow["questions"]
        if q.get("audience") == "staff" and "public_answer" in q
    }

    def target(node_id):
        while node_id in bypass:
            node_id = bypass[node_id]
        return node_id

    def public_rule(rule_id):
        return rule_id if rule_id in public_rules else None

    flow["start"] = target(flow["start"])
    for question in flow["questions"]:
        question["why"] = public_rule(question["why"])
        if "customer" in question:
            question["ask"] = question.pop("customer")
        if "answers" in question:
            question["answers"] = [a for a in question["answers"] if a.get("audience") != "staff"]
            for answer in question["answers"]:
                answer.pop("short", None)  # the label's form for order notes, which customers never see
                if "next" in answer:
                    answer["next"] = target(answer["next"])
        if "next" in question:
            question["next"] = target(question["next"])
    for check in flow.get("checks", []):
        for branch in check["branches"] + [check["otherwise"]]:
            branch["rule"] = public_rule(branch["rule"])
            branch["next"] = target(branch["next"])
    for outcome in flow["outcomes"]:
        for key in ("flag", "escalate"):
            outcome.pop(key, None)
        if "customer" in outcome:  # the validator requires it on every outcome left below
            customer = outcome.pop("customer")
            outcome.update({"title": customer["title"], "say": customer["say"], "steps": customer.get("steps", [])})
        outcome["rules"] = [r for r in outcome["rules"] if r in public_rules]
    flow["after"] = []
    flow["escalations"] = []
    reachable = graph.reachable(flow)
    for kind in ("questions", "checks", "outcomes"):
        flow[kind] = [node for node in flow.get(kind, []) if node["id"] in reachable]
    return flow


def _answer_next(question, value):
    return next(a["next"] for a in question["answers"] if a["value"] == value)


def training_data(bundle):
    """The scenarios, fetched only when someone opens training (most visits never do). A
    scenario whose path cites a rule changed lately (``bundle["recent"]``) names those rules
    (``recent``), so training offers it first."""
    recent = bundle.get("recent") or {}
    scenarios = []
    for scenario in bundle["scenarios"]:
        touched = []
        if recent:
            result = step(bundle, scenario["flow"], dict(scenario["answers"]))
            cited = result["decision"]["rules"] if result["type"] == "decision" else []
            touched = [rule_id for rule_id in cited if rule_id in recent]
        scenarios.append(dict(scenario, recent=touched) if touched else scenario)
    return {"scenarios": scenarios}


def initial_html(data):
    """The checker as it first appears: mode switch and first question, rendered at build time."""
    start = data["modes"][0]
    state = {"mode": "check", "flow": start, "answers": {}, "order": []}
    return str(
        element(
            "div",
            {
                "id": "policy-checker",
                "class": "policy-checker",
                "data-audience": data["audience"],
                "data-lang": data["lang"],
                "data-flow": start,
            },
            view.tabs(data, state),
            view.loading_note(data),
            element("div", {"class": "pc-screen", "aria-live": "polite"}, view.question_card(data, state, step(data, start, {}))),
        )
    )


# PyScript's optional plugins (editor, terminal, game, donkey, deprecation notices): each is a
# request before PyScript defines the script type, and the checker uses none. Its error plugin
# stays: it shows on the page an error that stops the checker's Python before app.py can.
UNUSED_PLUGINS = ("codemirror", "deprecations-manager", "donkey", "py-editor", "py-game", "py-terminal")
PLUGINS_OFF = ["!" + name for name in UNUSED_PLUGINS]  # as PyScript's config "plugins" leaves them out
SCRIPT_TYPES = {"micropython": "mpy", "pyodide": "py"}
# Our self-hosted interpreters, from the checker page (one folder below the site's root).
INTERPRETERS = {
    "micropython": "../assets/vendor/micropython/micropython.mjs",
    "pyodide": "../assets/vendor/pyodide/pyodide.mjs",
}


def pyscript_config(runtime):
    """PyScript's config, written inline on the page (no request for it, no TOML parser): our
    self-hosted interpreter and none of the plugins we do not use. The bundle is not in its
    ``files``: the page's module script fetches and unpacks it (``loader_script``)."""
    config = {"interpreter": INTERPRETERS[runtime], "plugins": PLUGINS_OFF}
    return json.dumps(config, separators=(",", ":"))


def other_type_config(runtime):
    """PyScript reads a config for each of its script types (py, mpy) and loads every plugin
    for a type without one: the type the page does not use gets one that excludes them."""
    other = next(kind for name, kind in SCRIPT_TYPES.items() if name != runtime)
    plugins = json.dumps({"plugins": PLUGINS_OFF}, separators=(",", ":"))
    # hidden: never rendered, even before PyScript's own stylesheet hides its config elements
    return f'<{other}-config type="json" hidden>{html.escape(plugins, quote=False)}</{other}-config>'


def loader_script():
    """The module script that fetches the bundle at once (its preload is already under way) and
    starts PyScript (core.js, which it imports) as soon as both arrive, while the page is still
    parsing: ``async``, in the head after the page's Python script, whose config PyScript reads
    when it starts. When the interpreter is ready, the hook writes the bundle's members into
    its file system and, if the page is still parsing, waits for it: the Python runs on the
    whole page."""
    parsed = "new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))"
    return "\n".join(
        [
            '<script type="module" async>',
            'import { hooks } from "../assets/vendor/pyscript/core.js";',
            f'import {{ inflate, unpack }} from "../assets/checker/{UNPACKER}";',
            f'const bundle = fetch("../assets/checker/{BUNDLE}").then(inflate);',
            "hooks.main.onReady.add(async (wrap) => {",
            "  performance.mark('policy-checker:interpreter');",
            "  const FS = wrap.interpreter.FS;",
            "  unpack(FS, await bundle, FS.cwd());",
            f"  if (document.readyState === 'loading') {{ await {parsed}; }}",
            "  performance.mark('policy-checker:unpacked');",
            "});",
            "</script>",
        ]
    )


def head(runtime, vendored):
    """What the checker page adds to its <head> (the template checker.html writes it): the
    preloads, PyScript's config for the type the page does not use, the page's Python script
    and the loader."""
    config = html.escape(pyscript_config(runtime), quote=True)
    return "\n".join(
        [
            *preloads(runtime, vendored),
            '<link rel="stylesheet" href="../assets/vendor/pyscript/core.css">',
            other_type_config(runtime),
            f'<script type="{SCRIPT_TYPES[runtime]}" config="{config}">\nimport checker.browser.app</script>',
            loader_script(),
        ]
    )


def preloads(runtime, vendored):
    """Links that start every request of the runtime's start-up at once, while the page is still
    parsing, instead of one after another as each script asks for the next."""
    fetched = [f"assets/checker/{BUNDLE}"]
    modules = [p for p in vendored if p.startswith("assets/vendor/pyscript/core-") and p.endswith(".js")]
    modules.append(f"assets/checker/{UNPACKER}")
    if runtime == "micropython":
        fetched.append("assets/vendor/micropython/micropython.wasm")
        modules.append("assets/vendor/micropython/micropython.mjs")
    links = [f'<link rel="preload" href="../{path}" as="fetch" crossorigin>' for path in fetched]
    return links + [f'<link rel="modulepreload" href="../{path}">' for path in modules]


def checker_page(data, runtime, vendored=()):
    """The Markdown of the checker page: its head (front matter ``head``, for checker.html),
    title, pre-rendered first screen and boot.js, which keeps early clicks.

    The page's Python imports app.py from the bundle the loader script unpacked."""
    title = pair(data["title"])
    intro = text(data["intro"])
    no_script = word("checker.no_script")
    return "\n".join(
        [
            "---",
            "template: checker.html",
            "head: |",
            *("  " + line for line in head(runtime, vendored).splitlines()),
            "---",
            "",
            f"# {title}",
            "",
            str(element("p", {"class": "pc-intro"}, intro)),
            "",
            initial_html(data),
            "",
            f"<noscript>{both(no_script['zh'], no_script['en'], css='pc-error')}</noscript>",
            "",
            '<script src="../assets/checker/boot.js"></script>',
            "",
        ]
    )
