"""Assemble the decision for an outcome: what to do, who pays, deadlines, escalation, citations.

Plain Python for CPython and MicroPython. It reads the bundle's rules for every number
and wording; nothing here knows a particular shop's policy.
"""

from .choices import answer_short, chosen
from .dates import civil, day_number, format_datetime, parse_datetime, weekday_name, work_calendar
from .text import fill
from .versions import versions_used

NO_ESCALATION = "none"


def build_decision(flow, walk, outcome):
    rules = walk.rules()
    cited = []

    def cite(rule_id):
        if rule_id and rule_id not in cited:
            cited.append(rule_id)

    for entry in walk.trace:
        cite(entry.get("rule"))
    for rule_id in outcome["rules"]:
        cite(rule_id)

    said = {lang: _say_values(flow, rules, outcome, walk.answers, lang) for lang in ("zh", "en")}
    decision = {
        "flow": flow.id,
        "outcome": outcome["id"],
        "status": outcome["status"],
        "title": outcome["title"],
        "say": {"zh": fill(outcome["say"]["zh"], said["zh"]), "en": fill(outcome["say"]["en"], said["en"])},
        "steps": [{"zh": fill(text["zh"], said["zh"]), "en": fill(text["en"], said["en"])} for text in outcome.get("steps", [])],
        "resolution": outcome.get("resolution"),
        "postage": None,
        "price_difference": outcome.get("price_difference"),
        "flag": None,
        "category": outcome.get("category"),
        "department": None,
        "deadlines": [],
        "follow_up": outcome.get("follow_up"),
        "escalation": {"to": "none", "reasons": []},
        "answers": walk.answers,
        "facts": walk.facts,
        "trace": walk.trace,
        "rules": cited,
        "warnings": [],
        "compared": None,
    }
    if "postage" in outcome:
        decision["postage"] = _postage(rules, outcome["postage"], walk.answers)
        cite(outcome["postage"]["rule"])
    if "flag" in outcome:
        decision["flag"] = _flag(flow, rules, outcome, walk.answers)
        cite(outcome["flag"])
    if "route" in outcome:
        for route in rules[outcome["route"]]["params"]["routes"]:
            if route["category"] == outcome["category"]:
                decision["department"] = route["department"]
    if outcome.get("deadlines"):
        _deadlines(flow, rules, outcome, walk.answers, decision)
        for rule_id in outcome["deadlines"]:
            cite(rule_id)
    cite(decision["price_difference"])
    cite(decision["follow_up"])
    _escalate(flow, walk, outcome, decision, cite)
    decision["compared"] = _compared(flow, walk)
    decision["versions"] = versions_used(rules, cited)
    return decision


def _say_values(flow, rules, outcome, answers, lang):
    """What an outcome's script can name, in one language: the params of its `say_params` rule
    and of its postage rule (such as how far the postage is paid back), and each answer given
    as a script says it (its `said` form: why a return is refused, in the customer's case)."""
    values = {}
    for rule_id in (outcome.get("say_params"), outcome["postage"]["rule"] if "postage" in outcome else None):
        if rule_id:
            for name, value in rules[rule_id].get("params", {}).items():
                values[name] = value[lang] if isinstance(value, dict) and lang in value else value
    for qid in answers:
        option = chosen(flow.questions[qid], answers[qid]) if qid in flow.questions else None
        if option and "said" in option:
            values[qid] = option["said"][lang]
    return values


def _compared(flow, walk):
    """The pair of values the deciding check compared (e.g. 30 yuan asked against a cap of 10),
    from the last check on the way, when it compares a fact with a param or another fact."""
    checks = [entry for entry in walk.trace if entry["type"] == "check"]
    if not checks:
        return None
    check = flow.checks[checks[-1]["step"]]
    for branch in check["branches"]:
        when = branch["when"]
        for op in ("lt", "le", "gt", "ge", "eq"):
            if "fact" in when and op in when:
                left, right = walk.fact(when["fact"]), walk.operand(when[op])
                if left is None or right is None:
                    return None
                other = when[op]
                named = other.get("fact") or other.get("param") if isinstance(other, dict) else None
                return {
                    "flow": flow.id,
                    "check": check["id"],
                    "rule": branch["rule"],
                    "op": op,
                    "left": {"name": when["fact"], "value": left},
                    "right": {"name": named, "value": right},
                }
    return None


def _postage(rules, postage, answers):
    params = rules[postage["rule"]]["params"]
    result = {"rule": postage["rule"], "return_leg": None, "resend_leg": None}
    for leg in postage["legs"]:
        terms = dict(params[leg])
        cap = terms.get("cap")
        if cap is not None and cap in answers:
            terms["cap_amount"] = answers[cap]
        result[leg] = terms
    return result


def _flag(flow, rules, outcome, answers):
    """The flag and its note, ready to paste: answers in their short form, the postage legs."""
    rule = rules[outcome["flag"]]
    template = outcome.get("flag_note") or rule["params"]["note"]
    note = {}
    for lang in ("zh", "en"):
        values = {}
        for qid in answers:
            values[qid] = answer_short(flow.questions[qid], answers[qid])[lang]
        if "postage" in outcome:
            postage_rule = rules[outcome["postage"]["rule"]]
            values["postage"] = (postage_rule.get("short") or postage_rule["title"])[lang]
        note[lang] = fill(template[lang], values)
    return {"rule": rule["id"], "colour": rule["params"]["colour"], "note": note}


def _deadlines(flow, rules, outcome, answers, decision):
    start = parse_datetime(answers[flow.data["deadlines_from"]])
    calendar = work_calendar(flow.bundle["calendar"])
    for rule_id in outcome["deadlines"]:
        params = rules[rule_id]["params"]
        if "hours" in params:
            due = start + params["hours"] * 60
            counted = []
        else:
            due, counted = calendar.add_working_days(start, params["working_days"])
        decision["deadlines"].append({"rule": rule_id, "due": format_datetime(due), "weekday": weekday_name(due // 1440)})
        _calendar_warnings(calendar, rules[rule_id], counted, decision["warnings"])


def _calendar_warnings(calendar, rule, counted, warnings):
    """Say when a working-day deadline rests on estimated or missing holiday data."""
    years = []
    for day in counted:
        year = civil(day)[0]
        if year not in years:
            years.append(year)
    outside = [year for year in years if not calendar.covers(day_number(year, 1, 1))]
    estimated = [year for year in years if year in calendar.estimated_years]
    if outside:
        warnings.append(_calendar_warning("calendar_not_covered", rule, outside))
    if estimated:
        warnings.append(_calendar_warning("calendar_estimated", rule, estimated))


CALENDAR_WARNINGS = {
    "calendar_not_covered": {
        "zh": "「%s」：店铺日历不含 %s 年，此截止时间只按周末计算，可能不准；请与主管核对。",
        "en": "%s: the shop calendar does not cover %s, so this deadline counts weekends only and may be wrong; check it with your supervisor.",
    },
    "calendar_estimated": {
        "zh": "「%s」：%s 年放假安排尚未公布，此截止时间按法定节假日估算，公布后可能变动。",
        "en": "%s: the %s holiday arrangement has not been published yet; this deadline is estimated from the statutory holidays and may change.",
    },
}


def _calendar_warning(code, rule, years):
    shown = ["%d" % year for year in years]
    text = CALENDAR_WARNINGS[code]
    return {
        "code": code,
        "rule": rule["id"],
        "years": years,
        "zh": text["zh"] % (rule["title"]["zh"], "、".join(shown)),
        "en": text["en"] % (rule["title"]["en"], ", ".join(shown)),
    }


def _escalate(flow, walk, outcome, decision, cite):
    reasons = []
    if outcome.get("escalate"):
        reasons.append({"to": outcome["escalate"], "rule": outcome["rules"][0]})
    for item in flow.data.get("escalations", []):
        if walk.holds(item["when"], outcome["status"]):
            reasons.append({"to": item["to"], "rule": item["rule"]})
            cite(item["rule"])
    # The shop lists its escalation roles lowest first; the highest one a reason names wins.
    levels = [NO_ESCALATION] + list(flow.bundle.get("escalation", []))
    level = 0
    for reason in reasons:
        level = max(level, levels.index(reason["to"]))
    decision["escalation"] = {"to": levels[level], "reasons": reasons}
