"""Safe building blocks: everything from the rules is escaped before it reaches Markdown/HTML."""

import html

_MARKDOWN_SPECIALS = "\\`*_{}[]()#+-.!|<>"


def esc(text):
    """Text for an HTML context (attributes included)."""
    return html.escape(str(text), quote=True)


def md(text):
    """Text for a Markdown context such as a heading or table cell: HTML-escaped, then
    Markdown-escaped so rule text can neither inject tags nor become formatting."""
    escaped = html.escape(str(text), quote=False)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS and ch not in "<>" else ch for ch in escaped).replace("\n", " ")


def code(text):
    """Text shown as code in a Markdown context (a table cell too). A backtick span would
    show md()'s escapes and entities literally, so this is a <code> element whose content
    is escaped like any other Markdown text."""
    return f"<code>{md(text)}</code>"


def table(header, rows):
    """A Markdown table from cells that are already escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def both(zh, en, tag="p", css=""):
    """A Chinese line and its English line, each marked with its language for the toggle."""
    klass = f' class="{css}"' if css else ""
    return f'<{tag} lang="zh-CN"{klass}>{esc(zh)}</{tag}><{tag} lang="en"{klass}>{esc(en)}</{tag}>'


def pair(text_pair):
    """'中文 · English' for compact places (table cells, labels), escaped for Markdown."""
    return f"{md(text_pair['zh'])} · {md(text_pair['en'])}"
