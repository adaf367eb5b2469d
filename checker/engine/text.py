"""Placeholder text: ``{name}`` is replaced by a value, ``{name|blank}`` shows ``blank``
when there is no value. Plain Python for MicroPython too."""


def _split(template):
    """Yield (literal, name, fallback) pieces; name is None for the trailing literal."""
    position = 0
    start = template.find("{")
    while start != -1:
        end = template.find("}", start)
        if end == -1:
            break
        inner = template[start + 1 : end]
        bar = inner.find("|")
        if bar == -1:
            yield template[position:start], inner, None
        else:
            yield template[position:start], inner[:bar], inner[bar + 1 :]
        position = end + 1
        start = template.find("{", position)
    yield template[position:], None, None


def placeholders(template):
    """The names of the placeholders in a template, in order of appearance."""
    return [name for _, name, _ in _split(template) if name is not None]


def fill(template, values):
    """Replace each placeholder with ``values[name]``, else its blank, else leave it as is."""
    out = []
    for literal, name, fallback in _split(template):
        out.append(literal)
        if name is None:
            continue
        if name in values:
            out.append(str(values[name]))
        elif fallback is not None:
            out.append(fallback)
        else:
            out.append("{" + name + "}")
    return "".join(out)


def wording(rule, field, lang):
    """A rule's text (``field``: text or customer) in one language, its {params} filled in."""
    return fill(rule[field][lang], rule.get("params", {}))
