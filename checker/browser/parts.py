"""The pieces every checker screen is built from: text in the checker's language(s), buttons,
headings and links to rules. Plain Python for MicroPython; checker.browser.view and
training_view build their screens from them.
"""

from checker.browser.html import element, fragment
from checker.engine.text import wording
from checker.engine.versions import in_force

QUIET = "pc-button pc-button--quiet"


def both(pair, tag="span", css=None):
    """Chinese then English, each tagged with its language (the site's switch shows either)."""
    return fragment(
        element(tag, {"lang": "zh-CN", "class": css}, pair["zh"]),
        element(tag, {"lang": "en", "class": css}, pair["en"]),
    )


def languages(data):
    """The languages the checker speaks: its site's one, or both."""
    return [data["lang"]] if data.get("lang") in ("zh", "en") else ["zh", "en"]


def lang_tag(lang):
    """The HTML language tag of a language code (the checker marks Chinese as zh-CN)."""
    return "zh-CN" if lang == "zh" else lang


def said(data, pair):
    """A pair as one string in the checker's language, for an attribute (CSS cannot hide half
    of one): the site's language, or Chinese · English."""
    return " · ".join(pair[lang] for lang in languages(data))


def ui(data, key, number=None):
    pair = data["ui"][key]
    if number is None:
        return pair
    return {"zh": pair["zh"] % number, "en": pair["en"] % number}


def vocab(data, code):
    entry = data["terms"].get(code)
    return entry if entry else {"zh": str(code), "en": str(code)}


def button(action, label, css="pc-button", attrs=None):
    """A button that carries out ``action`` (data-action) when pressed; ``attrs`` adds to it."""
    merged = {"type": "button", "class": css, "data-action": action}
    merged.update(attrs or {})
    return element("button", merged, both(label))


def heading(*children):
    """A screen's title: the element focus moves to when the screen changes."""
    return element("h2", {"class": "pc-question", "id": "pc-question", "tabindex": "-1"}, *children)


def nav_box(*buttons):
    return element("div", {"class": "pc-nav"}, *buttons)


def rule_link(data, rule_id):
    """A link to the rule's permalink in the handbook (or the public site)."""
    rule = data["rules"][rule_id]
    page = data["links"].get(rule["area"])
    label = both(rule["title"])
    if data["audience"] == "staff":  # customers get the policy's section, not its code
        label = fragment(element("code", None, rule_id), " ", label)
    if page is None:
        return label
    return element("a", {"href": data["links_base"] + page + "#" + rule_id}, label)


def rule_text(data, rule_id, field="text", day=None):
    """A rule's wording in both languages, as in force on ``day`` (None: as first written)."""
    rule = in_force(data["rules"][rule_id], day) if day else data["rules"][rule_id]
    return {"zh": wording(rule, field, "zh"), "en": wording(rule, field, "en")}


def copy_button(data, text):
    """A copy button for staff (an agent pastes the script or note); customers get none."""
    if data["audience"] != "staff":
        return None
    return button("copy", data["ui"]["copy"], "pc-button pc-button--small", {"data-copy": text})


def as_of_box(data, state):
    """Staff only: the day to treat as today when reviewing an old case (folded until used)."""
    if data["audience"] != "staff":
        return None
    day = state.get("as_of")
    now = both({lang: data["ui"]["as_of_now"][lang].replace("{date}", day) for lang in ("zh", "en")}, "p") if day else None
    form = element(
        "form",
        {"class": "pc-as-of", "data-action": "asof", "novalidate": True},
        element("label", {"for": "pc-as-of", "class": "pc-label"}, both(data["ui"]["as_of_date"])),
        element(
            "div",
            {"class": "pc-row"},
            element("input", {"type": "date", "id": "pc-as-of", "name": "as_of", "value": day}),
            element("button", {"type": "submit", "class": "pc-button"}, both(data["ui"]["as_of_set"])),
        ),
    )
    summary = element("summary", None, both(data["ui"]["as_of"]))
    return element("details", {"class": "pc-as-of-box", "open": True if day else None}, summary, now, form)
