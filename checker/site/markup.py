"""Safe building blocks: everything from the rules is escaped before it reaches Markdown/HTML."""

import contextlib
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


LANGUAGES = ("zh", "en")
_CURRENT = {"language": None}


def set_language(lang):
    """Make every renderer speak ``lang`` ("zh" or "en"); None or "both" means bilingual.
    Set once per build, by the plugin, before any page is generated."""
    _CURRENT["language"] = lang if lang in LANGUAGES else None


@contextlib.contextmanager
def speaking(lang):
    """Render in ``lang`` inside the block, and as before after it (even on an error), so a
    build's language never leaks into the next build or a direct call in the same process."""
    before = _CURRENT["language"]
    set_language(lang)
    try:
        yield
    finally:
        _CURRENT["language"] = before


def language():
    """The build's language ("zh" or "en"), or None when pages show both languages."""
    return _CURRENT["language"]


def text(text_pair, sep=" · "):
    """The build's language of a {zh, en} pair, or '中文 · English' when bilingual; not escaped."""
    lang = language()
    return text_pair[lang] if lang else f"{text_pair['zh']}{sep}{text_pair['en']}"


def both(zh, en, tag="p", css=""):
    """A Chinese line and its English line, each marked with its language; one plain line
    in the build's language when the build has one."""
    klass = f' class="{css}"' if css else ""
    lang = language()
    if lang:
        return f"<{tag}{klass}>{esc(zh if lang == 'zh' else en)}</{tag}>"
    return f'<{tag} lang="zh-CN"{klass}>{esc(zh)}</{tag}><{tag} lang="en"{klass}>{esc(en)}</{tag}>'


def pair(text_pair):
    """The pair's text for compact places (headings, table cells, labels), escaped for Markdown."""
    lang = language()
    return md(text_pair[lang]) if lang else f"{md(text_pair['zh'])} · {md(text_pair['en'])}"
