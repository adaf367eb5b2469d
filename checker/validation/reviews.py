"""When each rule's owner reviews it again: the rule's own ``review_by``, else its ``effective``
date plus the shop's ``review_every_days`` (365 unless shop.yaml says otherwise). A review date
that has passed is a warning, at the rule, that does not stop the build."""

import datetime

from ..errors import say

__all__ = ["DEFAULT_REVIEW_DAYS", "review_dates", "review_warnings"]

DEFAULT_REVIEW_DAYS = 365


def review_dates(bundle, every_days=None):
    """Set each rule's ``review_by`` (YYYY-MM-DD) in the bundle."""
    every = datetime.timedelta(days=every_days or DEFAULT_REVIEW_DAYS)
    for rule in bundle["rules"].values():
        if "review_by" not in rule:
            rule["review_by"] = (datetime.date.fromisoformat(rule["effective"]) + every).isoformat()


def review_warnings(documents, bundle, today):
    """A warning at every rule whose review date has passed (at its ``review_by``, or at its
    ``effective`` when the date comes from the shop's interval)."""
    found = []
    for _, data in documents:
        for section in data.get("sections", []) if data["kind"] == "area" else []:
            for rule in section["rules"]:
                due = bundle["rules"][rule["id"]]["review_by"]
                late = (today - datetime.date.fromisoformat(due)).days
                if late <= 0:
                    continue
                mark = rule.value_mark("review_by" if "review_by" in rule else "effective")
                owner = bundle["roles"].get(rule["owner"], {"zh": rule["owner"], "en": rule["owner"]})
                found.append(
                    mark.problem(
                        say(
                            f"提醒：规则 {rule['id']} 应在 {due} 前由{owner['zh']}复核，已过 {late} 天；"
                            "复核后把 review_by 改成下次复核的日期",
                            f"warning: rule {rule['id']} was due for review by the {owner['en']} on {due}, {late} days ago; "
                            "once reviewed, set review_by to the next review date",
                        )
                    )
                )
    return found
