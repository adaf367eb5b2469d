"""Which edition of the rules a page shows: the shop's version label and the rules' date.

The version is the shop's own label (`version:` in the shop file), because a printed
handbook a new hire signs must name something people can read and quote; the date is the
latest `effective` date among the rules, so it moves by itself when a rule changes.
"""

from ..wording import word


def edition(bundle):
    """{"version": the shop file's label or None, "date": the latest effective date or None}."""
    dates = [rule.get("in_force", rule["effective"]) for rule in bundle["rules"].values()]
    return {"version": (bundle.get("shop") or {}).get("version"), "date": max(dates) if dates else None}


def edition_text(bundle):
    """{"zh": "版本 2026.1 · 规则日期 …", "en": "Version 2026.1 · Rules dated …"}, plain text."""
    found = [(word("edition." + key), value) for key, value in edition(bundle).items() if value]
    return {lang: " · ".join(f"{label[lang]} {value}" for label, value in found) for lang in ("zh", "en")}
