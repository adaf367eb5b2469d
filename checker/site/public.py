"""The customers' pages: only public rules, only in customer wording, never a staff detail.

An area page opens with the site file's summary (a customer's questions, answered by the
rules' customer wording) and, when asked, the shop's contact details; its headings use the
customer titles the rules and the site file give; the effective date is said once.
"""

from ..engine.text import wording
from ..wording import word
from .history import announcement
from .markup import both, esc, pair


def public_rules(bundle, area):
    """The public rules of an area, grouped by section, in the order of the rules file."""
    for section in area["sections"]:
        rules = [bundle["rules"][r] for r in section["rules"] if bundle["rules"][r]["audience"] == "public"]
        if rules:
            yield section, rules


def spans(text):
    """A short text in the build's language (both, each marked, on a bilingual build)."""
    return both(text["zh"], text["en"], "span")


def heading(text):
    """A Markdown heading's text in the build's language."""
    return pair(text)


def rule_href(bundle, rule_id, area_name):
    """Where a rule is on the public site, seen from the public page of ``area_name``."""
    target = bundle["rules"][rule_id]["area"]
    return f"#{rule_id}" if target == area_name else f"../{target}/#{rule_id}"


def summary_block(bundle, entry):
    """The questions a customer asks first, each answered by the rules the site file names."""
    items = []
    for item in entry.get("summary", []):
        answers = "".join(
            both(wording(bundle["rules"][r], "customer", "zh"), wording(bundle["rules"][r], "customer", "en"))
            for r in item["rules"]
        )
        href = rule_href(bundle, item["rules"][0], entry["area"])
        more = f'<a class="public-summary__more" href="{esc(href)}">{spans(word("public.details"))}<span class="public-sr-only"> {spans(item["question"])}</span></a>'
        items.append(
            f'<li class="public-summary__item"><h3>{spans(item["question"])}</h3>'
            f'<div class="public-summary__answer">{answers}</div>{more}</li>'
        )
    if not items:
        return []
    return [f"## {heading(word('public.summary'))} {{#summary}}", "", f'<ul class="public-summary">{"".join(items)}</ul>', ""]


def contact_block(bundle):
    """The shop's phone, email, chat hours and return address from the shop file."""
    contact = bundle["shop"]["contact"]
    rows = [
        (word("public.phone"), f'<a href="tel:{esc(contact["phone"].replace(" ", ""))}">{esc(contact["phone"])}</a>'),
        (word("public.email"), f'<a href="mailto:{esc(contact["email"])}">{esc(contact["email"])}</a>'),
        (word("public.chat_hours"), spans(contact["chat_hours"])),
        (word("public.return_address"), spans(contact["return_address"])),
    ]
    cells = "".join(f"<dt>{spans(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return [f"## {heading(word('public.contact'))} {{#contact}}", "", f'<dl class="public-contact">{cells}</dl>', ""]


def public_page(bundle, area, entry):
    """An area's page on the public site, under the title and summary the site file gives it."""
    shown = list(public_rules(bundle, area))
    effective = max(rule["effective"] for _, rules in shown for rule in rules)
    lines = [
        f"# {heading(entry['title'])}",
        "",
        f'<p class="public-effective">{spans(word("public.effective"))} <time datetime="{esc(effective)}">{esc(effective)}</time></p>',
        "",
    ]
    lines += summary_block(bundle, entry)
    if entry.get("contact"):
        lines += contact_block(bundle)
    titles = entry.get("sections", {})
    for section, rules in shown:
        lines += [f"## {heading(titles.get(section['id'], section['title']))}", ""]
        for rule in rules:
            lines += [
                f"### {heading(rule.get('customer_title', rule['title']))} {{#{rule['id']}}}",
                "",
                f'<div class="rule-text">{both(wording(rule, "customer", "zh"), wording(rule, "customer", "en"))}</div>',
                "",
                announcement(rule),
            ]
    return "\n".join(lines)
