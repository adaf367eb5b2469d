"""One page with the whole staff handbook, to print for a new hire: a cover (shop, version,
date), the contents, every area's rules, and a page to sign that the handbook was read."""

from ..wording import word
from .edition import edition_text
from .markup import both, esc, language, md, pair, text
from .policies import VIEWS, rule_block
from .whatsnew import signoff_changes

PAGE = "reference/print.md"


def _demote(markdown):
    """A view's Markdown one heading level down, to sit under its area's heading."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def _cover(bundle, edition, name):
    """The shop, the handbook's name as the site shows it (the shop's name when none is given)
    and the edition."""
    shop = bundle["shop"]["name"]
    return [
        '<div class="print-cover" markdown>',
        "",
        f'<p class="print-cover__shop">{both(shop["zh"], shop["en"], "span")}</p>' if name else "",
        "",
        f"# {md(name) if name else pair(shop)}",
        "",
        f'<p class="print-edition">{both(edition["zh"], edition["en"], "span")}</p>',
        "",
        "</div>",
        "",
    ]


def _contents(bundle):
    lines = ['<nav class="print-contents" markdown>', "", f"## {pair(word('print.contents'))} {{#contents}}", ""]
    for number, area in enumerate(bundle["areas"], 1):
        lines.append(f"{number}. [{pair(area['title'])}](#area-{area['area']})")
        for section in area["sections"]:
            lines.append(f"    - [{pair(section['title'])}](#{area['area']}-{section['id']})")
    lines.append(f"{len(bundle['areas']) + 1}. [{pair(word('print.signoff'))}](#signoff)")
    return lines + ["", "</nav>", ""]


def _area(bundle, area):
    lines = [
        f"## {pair(area['title'])} {{#area-{area['area']}}}",
        "",
        f'<div class="page-summary">{both(area["summary"]["zh"], area["summary"]["en"])}</div>',
        "",
    ]
    for view in area["views"]:
        lines += [_demote(VIEWS[view["view"]](bundle, view)), ""]
    for section in area["sections"]:
        lines += [f"### {pair(section['title'])} {{#{area['area']}-{section['id']}}}", ""]
        lines += [rule_block(bundle, bundle["rules"][rule_id], "####") for rule_id in section["rules"]]
    return lines


def field_label(field):
    """A sign-off field's label: the build's language, or Chinese over English."""
    if language():
        return esc(text(field))
    return f'{esc(field["zh"])}<br><span lang="en">{esc(field["en"])}</span>'


def _signoff(edition, changed):
    rows = "".join(
        f"<tr><th>{field_label(field)}</th><td></td></tr>"
        for field in map(word, ("print.field_name", "print.field_staff_number", "print.field_date", "print.field_signature"))
    )
    return [
        '<div class="print-signoff" markdown>',
        "",
        f"## {pair(word('print.signoff'))} {{#signoff}}",
        "",
        f'<p class="print-edition">{both(edition["zh"], edition["en"], "span")}</p>',
        "",
        *changed,
        both(word("print.statement")["zh"], word("print.statement")["en"]),
        "",
        f'<table class="print-signoff__fields">{rows}</table>',
        "",
        "</div>",
        "",
    ]


def print_page(bundle, name=None):
    """The Markdown of the print page: cover (``name`` is the handbook's name as its site
    shows it), contents, every area's rules, the sign-off."""
    edition = edition_text(bundle)
    # Not in the search index: every rule is found on its own page, not again here.
    lines = ["---", "hide:", "  - navigation", "  - toc", "search:", "  exclude: true", "---", ""]
    lines += _cover(bundle, edition, name) + _contents(bundle)
    for area in bundle["areas"]:
        lines += _area(bundle, area)
    return "\n".join(lines + _signoff(edition, signoff_changes(bundle)))


def print_nav():
    """(label, path) of the print page, listed at the end of the staff handbook's navigation."""
    return (text(word("print.nav")), PAGE)
