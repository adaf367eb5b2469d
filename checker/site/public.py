"""The customers' pages: only public rules, only in customer wording, never a staff detail."""

from ..engine.text import wording
from .markup import both, esc, pair, text
from .search import rule_search_words, search_block

EFFECTIVE = {"zh": "生效日期", "en": "Effective"}


def public_rules(bundle, area):
    """The public rules of an area, grouped by section, in the order of the rules file."""
    for section in area["sections"]:
        rules = [bundle["rules"][r] for r in section["rules"] if bundle["rules"][r]["audience"] == "public"]
        if rules:
            yield section, rules


def public_page(bundle, area, title):
    """An area's page on the public site, under the title the site file gives it."""
    lines = [f"# {pair(title)}", ""]
    for section, rules in public_rules(bundle, area):
        lines += [f"## {pair(section['title'])}", ""]
        for rule in rules:
            lines += [
                f"### {pair(rule['title'])} {{#{rule['id']}}}",
                "",
                f'<div class="rule-text">{both(wording(rule, "customer", "zh"), wording(rule, "customer", "en"))}</div>',
                f'<p class="rule-effective">{esc(text(EFFECTIVE))} {esc(rule["effective"])}</p>',
                search_block(rule_search_words(bundle, rule, "public")),
                "",
            ]
    return "\n".join(lines)
