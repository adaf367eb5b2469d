"""Text a customer can read names no staff rule and copies none.

What reaches the public site and the public checker: public rules' titles and customer
wording, the questions, answers and verdicts of the flows on the public checker, and the
public pages of the site file. A staff rule's id there points customers at something they
cannot see; a staff rule's text there publishes what the shop keeps for its staff. Each is
refused at the line of the text.
"""

import re

from ..errors import say

__all__ = ["check_public_text", "public_texts"]

# A sentence of a staff rule this long, found word for word in public text, is a copy.
MIN_COPIED = {"zh": 10, "en": 30}
_SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|(?<=[.:] )|\n")


def _strings(value, mark, lang=None):
    """(text, language or None, mark) for each string inside a {zh, en} pair, a list or a string."""
    if isinstance(value, str):
        yield value, lang, mark
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, value.value_mark(key), key if key in MIN_COPIED else lang)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, value.item_mark(index), lang)


def _fields(holder, keys):
    for key in keys:
        if key in holder:
            yield from _strings(holder[key], holder.value_mark(key))


def public_texts(areas, sites, public_flows):
    """Every text a public reader can reach, as (text, language or None, mark)."""
    for data in areas:
        for section in data["sections"]:
            for rule in section["rules"]:
                if rule["audience"] == "public":
                    yield from _fields(rule, ("title", "customer_title", "customer"))
        flow = data.get("flow")
        if flow is None or flow["id"] not in public_flows:
            continue
        for question in flow["questions"]:
            if question.get("audience") != "staff":
                yield from _fields(question, ("customer",) if "customer" in question else ("ask",))
                for answer in question.get("answers", []):
                    if answer.get("audience") != "staff":
                        yield from _fields(answer, ("label",))
        for outcome in flow["outcomes"]:
            yield from _fields(outcome, ("customer",))
    for site in sites:
        for page in site.get("public", []):
            yield from _fields(page, ("title", "nav", "intro", "sections"))
            for item in page.get("summary", []):
                yield from _fields(item, ("question",))


def _sentences(text, lang):
    """The sentences of a staff text long enough that finding one elsewhere is a copy."""
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if len(sentence) >= MIN_COPIED[lang]:
            yield sentence


def _own_sentences(ctx, staff):
    """{(language, sentence): rule id} of the sentences of a staff rule's text that no other
    rule's text has: a line every rule shares (a footer, boilerplate) is no one rule's."""
    rules_with = {}
    for rule, _ in ctx.rules.values():
        for lang in MIN_COPIED:
            for sentence in set(_sentences(rule["text"][lang], lang)):
                rules_with.setdefault((lang, sentence), []).append(rule["id"])
    staff_ids = {rule["id"] for rule in staff}
    return {key: ids[0] for key, ids in rules_with.items() if len(ids) == 1 and ids[0] in staff_ids}


def check_public_text(ctx, areas, sites, public_flows):
    staff = [rule for rule, _ in ctx.rules.values() if rule["audience"] != "public"]
    if not staff:
        return
    ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(rule["id"]) for rule in staff) + r")(?![\w-])")
    copied = _own_sentences(ctx, staff)
    for text, lang, mark in public_texts(areas, sites, public_flows):
        named = ids.search(text)
        if named:
            rule_id = named.group(1)
            ctx.add(
                mark,
                say(
                    f"顾客能看到的这段文字提到了内部规则 {rule_id}；顾客看不到内部规则，请去掉编号，用顾客的话说",
                    f"text customers can read names the staff rule {rule_id}, which they never see; "
                    "remove the id and say it in the customer's words",
                ),
            )
            continue
        for (copy_lang, sentence), rule_id in copied.items():
            if (lang is None or lang == copy_lang) and sentence in text:
                shown = sentence if len(sentence) <= 24 else sentence[:24] + "…"
                ctx.add(
                    mark,
                    say(
                        f"顾客能看到的这段文字照抄了内部规则 {rule_id} 的原文（`{shown}`）；"
                        "请用写给顾客的话重写，或把那条规则改为公开",
                        f'text customers can read copies the staff rule {rule_id} word for word ("{shown}"); '
                        "rewrite it in the customer's words, or make that rule public",
                    ),
                )
                break
