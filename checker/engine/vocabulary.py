"""Wording for the engine's codes, from a table of terms the caller passes (checker.wording at
build time, the checker data in the browser). Plain Python for MicroPython.
"""


def term(code, lang, terms):
    """The display name of a code, or the code itself when it has none."""
    entry = terms.get(code)
    return entry[lang] if entry else str(code)


def leg_text(leg, lang, terms):
    """Who pays one postage leg, e.g. 'buyer prepays; the shop reimburses, up to 12 yuan'."""
    space = "" if lang == "zh" else " "
    if leg.get("buyer_prepays"):
        text = term("buyer", lang, terms) + space + term("prepays", lang, terms)
    else:
        text = term(leg["payer"], lang, terms) + space + term("pays", lang, terms)
    if leg.get("cap"):
        amount = leg.get("cap_amount")
        limit = term(leg["cap"], lang, terms) if amount is None else str(amount) + (" 元" if lang == "zh" else " yuan")
        text += ("，" if lang == "zh" else ", ") + term("cap", lang, terms) + space + limit
    return text
