"""One number parser for every way an answer arrives: CLI, case file, browser form, URL.

Plain Python for CPython and MicroPython alike (MicroPython has no unicodedata and its
float() reads ASCII only), so the decimal digits we accept are listed here explicitly:
ASCII, full-width (０-９), Arabic-Indic (٠-٩), Extended Arabic-Indic (۰-۹) and
Devanagari (०-९). Superscripts (²), circled digits (①), exponents, underscores and
numbers of more than MAX_DIGITS digits are refused with a reason.
"""

MAX_DIGITS = 15

# The code point of each accepted zero; the nine digits after it follow in order.
_ZEROS = (0x30, 0xFF10, 0x0660, 0x06F0, 0x0966)
_SIGNS = {"-": "-", "+": "+", "\uff0d": "-", "\uff0b": "+", "\u2212": "-"}
_POINTS = (".", "\uff0e", "\u066b")
_SPACES = " \t\r\n\u3000"
_DIGITS_ONLY = {"zh": "请只用数字书写，如 48 或 1.5", "en": "write it with digits only, like 48 or 1.5"}


def _digit(ch):
    code = ord(ch)
    for zero in _ZEROS:
        if zero <= code <= zero + 9:
            return chr(48 + code - zero)
    return None


def parse_number(text):
    """(number, None) for a decimal number written in text, or (None, reason to show as
    {"zh", "en"})."""
    text = str(text).strip(_SPACES)
    sign = ""
    if text and text[0] in _SIGNS:
        sign, text = _SIGNS[text[0]], text[1:]
    whole, point, fraction = [], False, []
    for ch in text:
        if ch in _POINTS and not point:
            point = True
            continue
        digit = _digit(ch)
        if digit is None:
            return None, _DIGITS_ONLY
        (fraction if point else whole).append(digit)
    count = len(whole) + len(fraction)
    if count == 0:
        return None, _DIGITS_ONLY
    if count > MAX_DIGITS:
        return None, {
            "zh": "这是 %d 位数字；最多 %d 位" % (count, MAX_DIGITS),
            "en": "that is %d digits; use at most %d" % (count, MAX_DIGITS),
        }
    if not point:
        return int(sign + "".join(whole)), None
    return float(sign + ("".join(whole) or "0") + "." + ("".join(fraction) or "0")), None
