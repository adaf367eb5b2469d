"""One page with the whole staff handbook, to print for a new hire: a cover (shop, version,
date), the contents, every area's rules, and a page to sign that the handbook was read."""

from .edition import edition_text
from .markup import both, esc, language, pair, text
from .policies import VIEWS, rule_block

PAGE = "reference/print.md"
LABELS = {
    "title": {"zh": "员工手册", "en": "Staff handbook"},
    "nav": {"zh": "打印版手册", "en": "Printable handbook"},
    "contents": {"zh": "目录", "en": "Contents"},
    "signoff": {"zh": "阅读确认", "en": "Acknowledgement"},
    "statement": {
        "zh": "本人已阅读并理解本手册（上述版本）的全部规则，并将在工作中遵守。",
        "en": "I have read and understood every rule in this handbook (the edition above) and will follow them at work.",
    },
    "fields": [
        {"zh": "姓名", "en": "Name"},
        {"zh": "工号", "en": "Staff number"},
        {"zh": "日期", "en": "Date"},
        {"zh": "签名", "en": "Signature"},
    ],
}


def _demote(markdown):
    """A view's Markdown one heading level down, to sit under its area's heading."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.split("\n"))


def _cover(bundle, edition):
    shop = bundle["shop"]["name"]
    return [
        '<div class="print-cover" markdown>',
        "",
        f'<p class="print-cover__shop">{both(shop["zh"], shop["en"], "span")}</p>',
        "",
        f"# {pair(LABELS['title'])}",
        "",
        f'<p class="print-edition">{both(edition["zh"], edition["en"], "span")}</p>',
        "",
        "</div>",
        "",
    ]


def _contents(bundle):
    lines = ['<nav class="print-contents" markdown>', "", f"## {pair(LABELS['contents'])} {{#contents}}", ""]
    for number, area in enumerate(bundle["areas"], 1):
        lines.append(f"{number}. [{pair(area['title'])}](#area-{area['area']})")
        for section in area["sections"]:
            lines.append(f"    - [{pair(section['title'])}](#{area['area']}-{section['id']})")
    lines.append(f"{len(bundle['areas']) + 1}. [{pair(LABELS['signoff'])}](#signoff)")
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


def _signoff(edition):
    rows = "".join(f"<tr><th>{field_label(field)}</th><td></td></tr>" for field in LABELS["fields"])
    return [
        '<div class="print-signoff" markdown>',
        "",
        f"## {pair(LABELS['signoff'])} {{#signoff}}",
        "",
        f'<p class="print-edition">{both(edition["zh"], edition["en"], "span")}</p>',
        "",
        both(LABELS["statement"]["zh"], LABELS["statement"]["en"]),
        "",
        f'<table class="print-signoff__fields">{rows}</table>',
        "",
        "</div>",
        "",
    ]


def print_page(bundle):
    """The Markdown of the print page: cover, contents, every area's rules, the sign-off."""
    edition = edition_text(bundle)
    lines = ["---", "hide:", "  - navigation", "  - toc", "---", ""]
    lines += _cover(bundle, edition) + _contents(bundle)
    for area in bundle["areas"]:
        lines += _area(bundle, area)
    return "\n".join(lines + _signoff(edition))


def print_nav():
    """(label, path) of the print page, listed at the end of the staff handbook's navigation."""
    return (text(LABELS["nav"]), PAGE)
