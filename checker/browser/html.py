"""HTML that escapes by construction: the only place the checker's screens escape anything.

A view builds its screens from ``element`` and ``fragment``. Every child that is not
``Markup`` (markup built here) is text and gets escaped, and so does every attribute value,
so a view cannot put a string from the rules into the page unescaped. Plain Python for
MicroPython: no str subclass, and attributes come out sorted by name because MicroPython's
dicts keep no insertion order (both runtimes then give the same bytes).
"""

# Elements that have no content and no end tag.
VOID = ("input", "br", "img", "meta", "link")


class Markup:
    """HTML built by this module: joined into other markup as it is, never escaped again."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text

    def __repr__(self):
        return "Markup(%r)" % self.text

    def __eq__(self, other):
        return isinstance(other, Markup) and other.text == self.text

    def __bool__(self):
        return self.text != ""


def escape(text):
    """Text (or an attribute value) as HTML: the five special characters become entities.
    Most text has none of them, so each is looked for before it is replaced (this runs for
    every string of every screen)."""
    text = str(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#39;")
    return text


def _render(child):
    if isinstance(child, Markup):
        return child.text
    if isinstance(child, str):
        return escape(child)
    if child is None or child is False or child is True:
        return ""
    if isinstance(child, (list, tuple)):
        return _join(child)
    return escape(child)


def _join(children):
    """Children rendered side by side (markup and text, the common cases, first)."""
    out = []
    for child in children:
        if isinstance(child, Markup):
            out.append(child.text)
        elif isinstance(child, str):
            out.append(escape(child))
        else:
            out.append(_render(child))
    return "".join(out)


def fragment(*children):
    """Children side by side: text escaped, markup as it is; None and False leave nothing."""
    return Markup(_join(children))


def attributes(attrs):
    """` name="value"` for each attribute; True gives the bare name, None and False nothing."""
    out = ""
    for name in sorted(attrs or {}):
        value = attrs[name]
        if value is None or value is False:
            continue
        out += " " + name if value is True else " " + name + '="' + escape(value) + '"'
    return out


def element(tag, attrs=None, *children):
    """``<tag attrs>children</tag>`` (a void element such as ``input`` takes no children)."""
    start = "<" + tag + attributes(attrs) + ">"
    if tag in VOID:
        return Markup(start)
    return Markup(start + _join(children) + "</" + tag + ">")
