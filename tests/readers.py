"""What no reader may meet on any page, printout or checker screen of either shop: template
syntax, the maintainers' notes and tool names, and the other language (Latin words on a Chinese
page, Han characters on an English one, tooltips and labels included).

The allow-lists come from the shop's own rules, never from the pages: rule ids, the Latin words
its Chinese wording itself writes (units and brand names such as QQ), and the Chinese its
English wording quotes (the words agents type, such as 您 and 亲).
"""

import json
import re
import tomllib

from conftest import ROOT

from checker.browser import view
from checker.engine import AnswerError, step
from checker.site.checker_page import initial_html

PLACEHOLDER = re.compile(r"\{[^{}\n]{0,60}\}")
RULE_ID = re.compile(r"(?<![A-Za-z0-9-])[A-Z]{2,5}(?:-[A-Z0-9]+)+(?![A-Za-z0-9-])")  # next to Chinese too
# Email and web addresses read the same in every language.
ADDRESS = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+")
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff60]+")
# Notes for whoever maintains the rules, not for agents or customers: where a page comes from,
# what not to edit, internal names of the sources, files and packages.
MAINTAINER = re.compile(
    r"请勿直接修改|规则文件|种子文件|软件包|固定版本|Generated from the rules|edit the rules|\bseeds?\b|\bpackages?\b|\bpinned\b"
    r"|[\w./-]+\.(?:ya?ml|toml|py|json|mjs)\b|\brules/",
    re.IGNORECASE,
)


def _dependencies():
    """The names of the packages the project installs (pyproject.toml, package.json)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[=<>\[ ]", spec)[0] for spec in project["dependencies"] + project["optional-dependencies"]["test"]]
    npm = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    names += [name[1:].split("/")[0] if name.startswith("@") else name for name in npm]
    return names


def _texts(value, key=None):
    """(key, text) of every string in rules data, with the key that holds it."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, key)
    elif isinstance(value, str):
        yield key, value


def allowed_words(bundle):
    """{"zh": Latin words a Chinese page may show, "en": Chinese an English page may show, "tools":
    package names no page may show}, from the shop's rules. Placeholders and rule ids in the rules'
    text are not words of it. A package name that is a word of the rules' English (holidays) stays
    allowed there."""
    latin, han, english = set(), set(), set()
    for key, value in _texts(bundle):
        value = RULE_ID.sub(" ", PLACEHOLDER.sub(" ", value))
        if key in ("zh", "passage"):  # the Chinese wording, and sources quoted as written
            latin.update(ENGLISH_WORD.findall(ADDRESS.sub(" ", value)))
        elif key == "en":
            han.update(CHINESE.findall(value))
            english.update(word.lower() for word in ENGLISH_WORD.findall(value))
    tools = {name for name in _dependencies() if name.lower() not in english}
    return {"zh": latin, "en": han, "tools": tools}


def reader_problems(text, lang, allowed):
    """What in ``text`` (everything a reader of the ``lang`` site sees or hears on one page or
    screen) no reader should meet, as short descriptions; [] when there is nothing."""
    found = [f"template syntax {match!r}" for match in PLACEHOLDER.findall(text)]
    found += [f"maintainers' words {match!r}" for match in MAINTAINER.findall(text)]
    tools = [name for name in allowed["tools"] if re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.I)]
    found += [f"tool name {name!r}" for name in sorted(tools)]
    if lang == "zh":
        words = set(ENGLISH_WORD.findall(RULE_ID.sub(" ", ADDRESS.sub(" ", text)))) - allowed["zh"]
        found += [f"English {word!r}" for word in sorted(words)]
    else:
        found += [f"Chinese {word!r}" for word in sorted(set(CHINESE.findall(text)) - allowed["en"])]
    return found


# Answers tried for questions that take a value: enough to reach early, late and in-time paths.
TRIED = {
    "date": ["2026-03-02", "2026-03-04", "2026-06-30"],
    "datetime": ["2026-03-02T10:00"],
    "number": ["0", "5", "30", "1000"],
}


def checker_walk(data):
    """Every answer path through the checker's flows (checker data, as the page ships it):
    (flow id, answers, the engine's step) for each question and decision on the way."""
    for flow_id in data["flows"]:
        pending = [{}]
        while pending:
            answers = pending.pop()
            try:
                result = step(data, flow_id, answers)
            except AnswerError:
                continue  # e.g. a request date before the sign-off date
            yield flow_id, answers, result
            if result["type"] == "question":
                question = result["question"]
                values = [a["value"] for a in question["answers"]] if question["kind"] == "choice" else TRIED[question["kind"]]
                pending += [dict(answers, **{question["id"]: value}) for value in values]


def checker_screens(data):
    """(where, HTML) of every screen the checker can show for its data: the page as built, and
    each question and verdict on every answer path (wrapped as the page wraps them, so its
    one-language rule applies)."""
    wrap = f'<div class="policy-checker" data-lang="{data["lang"]}">%s</div>'
    yield "page", initial_html(data)
    for flow_id, answers, result in checker_walk(data):
        state = {"mode": "check", "flow": flow_id, "answers": answers, "order": list(answers)}
        if result["type"] == "decision":
            card = view.decision_card(data, state, result["decision"], "https://example.test/")
            yield f"{flow_id} {answers}: {result['decision']['outcome']}", wrap % card
        else:
            yield f"{flow_id} {answers}: {result['question']['id']}", wrap % view.question_card(data, state, result)
