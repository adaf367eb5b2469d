"""The checker's state in the URL fragment, so a link reopens the same case.

``#flow=returns&dispute=no&reason=size`` keeps the answers in the order they were given.
Plain Python for MicroPython: a small percent-encoding of its own instead of urllib.
"""

SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-:"
HEX = "0123456789ABCDEF"
# A real case's fragment is well under 2 KB; a longer one is cut, so a pasted 100 KB hash
# costs no time. Each value is capped too (no answer needs more).
MAX_FRAGMENT = 4096
MAX_PART = 256
AS_OF = "asof"  # the staff checker's "as of" date in a link (not a question id)


class BadLink(ValueError):
    """The fragment holds bytes that are not text (a bad percent escape such as %FF)."""


def _quote(text):
    out = []
    for byte in str(text).encode("utf-8"):
        char = chr(byte)
        out.append(char if char in SAFE else "%" + HEX[byte >> 4] + HEX[byte & 15])
    return "".join(out)


def _unquote(text):
    data = bytearray()
    index = 0
    while index < len(text):
        char = text[index]
        if char == "%" and _is_hex(text[index + 1 : index + 3]):
            data.append(int(text[index + 1 : index + 3], 16))
            index += 3
        else:
            data.extend(char.encode("utf-8"))
            index += 1
    try:
        return bytes(data).decode("utf-8")
    except UnicodeError:
        pass
    raise BadLink(text)


def _is_hex(pair):
    return len(pair) == 2 and pair[0].upper() in HEX and pair[1].upper() in HEX


def encode(flow, answers, order, as_of=None):
    """The fragment (without '#') for a flow and its answers in the order given; ``as_of``:
    the day a staff reviewer treats as today, kept in the link as ``asof=``."""
    parts = ["flow=" + _quote(flow)]
    for qid in order:
        if qid in answers:
            parts.append(_quote(qid) + "=" + _quote(answers[qid]))
    if as_of:
        parts.append(AS_OF + "=" + _quote(as_of))
    return "&".join(parts)


def decode(fragment, known=None):
    """(flow or None, answers, order) from a fragment.

    Only the first MAX_FRAGMENT characters are read. With ``known`` (the question ids of all
    flows), other keys are dropped before any decoding; without it they are kept for the engine
    to judge. Raises BadLink for a part that is not UTF-8 text.
    """
    flow, answers, order = None, {}, []
    fragment = fragment[1:] if fragment.startswith("#") else fragment
    for part in fragment[:MAX_FRAGMENT].split("&"):
        if not part or len(part) > MAX_PART:
            continue
        key, _, value = part.partition("=")
        key = _unquote(key)
        if key != "flow" and (key in answers or (known is not None and key not in known)):
            continue
        value = _unquote(value)
        if key == "flow":
            flow = value
        else:
            answers[key] = value
            order.append(key)
    return flow, answers, order
