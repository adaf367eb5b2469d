"""The checker's state in the URL fragment, so a link reopens the same case.

``#flow=returns&dispute=no&reason=size`` keeps the answers in the order they were given.
Plain Python for MicroPython: a small percent-encoding of its own instead of urllib.
"""

SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-:"
HEX = "0123456789ABCDEF"


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
    return bytes(data).decode("utf-8")


def _is_hex(pair):
    return len(pair) == 2 and pair[0].upper() in HEX and pair[1].upper() in HEX


def encode(flow, answers, order):
    """The fragment (without '#') for a flow and its answers in the order given."""
    parts = ["flow=" + _quote(flow)]
    for qid in order:
        if qid in answers:
            parts.append(_quote(qid) + "=" + _quote(answers[qid]))
    return "&".join(parts)


def decode(fragment):
    """(flow or None, answers, order) from a fragment; unknown keys are kept for the engine to judge."""
    flow, answers, order = None, {}, []
    fragment = fragment[1:] if fragment.startswith("#") else fragment
    for part in fragment.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        key, value = _unquote(key), _unquote(value)
        if key == "flow":
            flow = value
        elif key not in answers:
            answers[key] = value
            order.append(key)
    return flow, answers, order
