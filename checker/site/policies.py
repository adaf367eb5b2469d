"""The handbook's policy pages: one page per area, a heading (and permalink) per rule."""

from ..engine.dates import WEEKDAYS as WEEKDAY_ORDER
from ..engine.text import fill, wording
from ..engine.vocabulary import leg_text
from ..wording import VIEW_HEADINGS, word, words
from .history import history_block
from .markup import both, code, esc, language, pair, table, text
from .whatsnew import badge


def quoted(source_text):
    """Text quoted from a source as written, marked with its own language (sources are not
    translated), so a one-language page says which words are a quotation."""
    lang = "zh-CN" if any("\u4e00" <= ch <= "\u9fff" for ch in source_text) else "en"
    return f'<q lang="{lang}">{esc(source_text)}</q>' if language() else f"「{esc(source_text)}」"


def dated_label(date):
    """'生效 <date>' / 'Effective <date>' in the build's language."""
    return {"zh": f"{word('policy.effective')['zh']} {date}", "en": f"{word('policy.effective')['en']} {date}"}


def rule_link(bundle, rule_id, from_page, searchable=True):
    """A Markdown link from ``from_page`` to a rule's anchor on its area page. Not
    ``searchable``: left out of the search index, so searching a rule id finds the rule
    itself before the pages that cite it."""
    area = bundle["rules"][rule_id]["area"]
    depth = from_page.count("/")
    link = f"[{rule_id}]({'../' * depth}policies/{area}.md#{rule_id})"
    changed = badge(bundle["recent"][rule_id]) if rule_id in bundle.get("recent", {}) else ""
    return (link if searchable else link + '{ data-search-exclude="" }') + changed


def rule_block(bundle, rule, level="###", dated=True):
    """One rule: heading with the id as anchor, then its metadata, text and customer wording.
    The metadata line is left out of the search index (`data-search-exclude`), so a search
    result's snippet starts with the rule's text; the id stays findable through the hidden
    search words. The source is named by its title; only a page that reads Chinese quotes
    its passage, as the source writes it."""
    owner = bundle["roles"].get(rule["owner"], {"zh": rule["owner"], "en": rule["owner"]})
    source = rule["source"]
    audience = word("audience." + rule["audience"])
    effective = f"<span>{esc(text(dated_label(rule['effective'])))}</span> " if dated else ""
    meta = (
        f'<code class="rule-id">{esc(rule["id"])}</code> '
        f'<span class="rule-audience rule-audience--{esc(rule["audience"])}">{esc(text(audience))}</span> ' + effective
    )
    if rule["id"] in bundle.get("recent", {}):
        meta += badge(bundle["recent"][rule["id"]])
    title = bundle["shop"]["sources"][source["seed"]]
    passage = quoted(source["passage"]) if language() != "en" else ""
    folded = (
        f'<details class="rule-details"><summary>{esc(text(word("policy.details")))}</summary>'
        f"<span>{esc(text(word('policy.owner'), ' '))} {esc(text(owner))}</span> "
        f'<span class="rule-source">{esc(text(word("policy.source"), " "))} {esc(text(title))}{passage}</span></details>'
    )
    parts = [
        f"{level} {pair(rule['title'])} {{#{rule['id']}}}",
        "",
        f'<div class="rule-meta" data-search-exclude>{meta}</div>',
        f'<div class="rule-text">{both(wording(rule, "text", "zh"), wording(rule, "text", "en"))}</div>',
    ]
    if source.get("note"):  # where the shop departs from its source, say why, unfolded
        note = source["note"]
        parts.append(
            f'<p class="rule-note" data-search-exclude><strong>{esc(text(word("policy.note")))}</strong> '
            f"{both(note['zh'], note['en'], 'span')}</p>"
        )
    parts.append(f'<div class="rule-meta" data-search-exclude>{folded}</div>')
    parts.append(f'<div class="rule-meta" data-search-exclude>{history_block(rule)}</div>' if rule.get("history") else "")
    if rule["audience"] == "public":
        parts.append(
            f'<div class="rule-customer"><span class="rule-customer__label">{esc(text(word("policy.customer")))}</span>'
            f"{both(wording(rule, 'customer', 'zh'), wording(rule, 'customer', 'en'))}</div>"
        )
    return "\n".join(part for part in parts if part) + "\n"


def area_page(bundle, area, page):
    """The Markdown of one area's page, every rule in the order of the rules file."""
    rules = bundle["rules"]
    lines = [
        f"# {pair(area['title'])}",
        "",
        f'<div class="page-summary">{both(area["summary"]["zh"], area["summary"]["en"])}</div>',
        "",
    ]
    dates = {rules[rule_id]["effective"] for section in area["sections"] for rule_id in section["rules"]}
    one_date = len(dates) == 1
    if one_date:  # one date for the whole page: said once, not on every rule
        lines += [
            f'<p class="rule-effective">{esc(text(dated_label(next(iter(dates)))))}</p>',
            "",
        ]
    if area.get("flow"):
        lines += [f"[{pair(word('policy.flow'))}](../flows/{area['flow']}.md)", ""]
    for view in area["views"]:
        lines += [VIEWS[view["view"]](bundle, view), ""]
    for section in area["sections"]:
        lines += [f"## {pair(section['title'])}", ""]
        for rule_id in section["rules"]:
            lines.append(rule_block(bundle, rules[rule_id], dated=not one_date))
    return "\n".join(lines)


def shift_rows(bundle, view):
    """(label, "start–end") for each shift a shift_table view names."""
    params = bundle["rules"][view["rule"]]["params"]
    return [(shift["label"], f"{params[shift['start']]}–{params[shift['end']]}") for shift in view["shifts"]]


def shift_table(bundle, view):
    rows = [[pair(label), hours] for label, hours in shift_rows(bundle, view)]
    return (
        f"## {pair(word(VIEW_HEADINGS['shift_table']))}\n\n"
        + table([pair(word("policy.shift")), pair(word("policy.hours"))], rows)
        + f"\n\n{rule_link(bundle, view['rule'], 'policies/x')}"
    )


def timeline_rows(bundle):
    """Rules that carry a clock time, as (sort key, when, rule) in the day's or week's order."""
    rows = []
    for rule in bundle["rules"].values():
        params = rule.get("params", {})
        if "time" in params:
            day = params.get("weekday")
            order = (1 + WEEKDAY_ORDER.index(day) if day else 0, params["time"])
            when = {lang: f"{word('term.' + day if day else 'policy.daily')[lang]} {params['time']}" for lang in ("zh", "en")}
            when = pair(when)
            rows.append((order, when, rule))
    return sorted(rows, key=lambda row: row[0])


def timeline(bundle, view):
    rows = [[when, pair(rule["title"]), rule_link(bundle, rule["id"], "policies/x")] for _, when, rule in timeline_rows(bundle)]
    return f"## {pair(word(VIEW_HEADINGS['timeline']))}\n\n" + table(
        [pair(word("policy.when")), pair(word("policy.what")), pair(word("policy.rule"))], rows
    )


def flag_rules(bundle):
    """Rules that define an order flag (colour, hex and note params), in bundle order."""
    return [rule for rule in bundle["rules"].values() if all(k in rule.get("params", {}) for k in ("colour", "hex", "note"))]


def flag_legend(bundle, view):
    rows = []
    for rule in flag_rules(bundle):
        params = rule["params"]
        swatch = f'<span class="flag-swatch" style="background:{esc(params["hex"])}"></span>'
        blanks = {lang: fill(params["note"][lang], {}) for lang in ("zh", "en")}  # as an agent fills it in
        rows.append([swatch + " " + pair(rule["title"]), code(text(blanks)), rule_link(bundle, rule["id"], "policies/x")])
    return f"## {pair(word(VIEW_HEADINGS['flag_legend']))}\n\n" + table(
        [pair(word("policy.flag")), pair(word("policy.note_format")), pair(word("policy.rule"))], rows
    )


def routing_table(bundle, view):
    rows = []
    area = next(a for a in bundle["areas"] if a["area"] == bundle["rules"][view["rule"]]["area"])
    question = next(q for q in bundle["flows"][area["flow"]]["questions"] if q["id"] == view["question"])
    labels = {answer["value"]: answer["label"] for answer in question["answers"]}
    for route in bundle["rules"][view["rule"]]["params"]["routes"]:
        role = bundle["roles"][route["department"]]
        rows.append([pair(labels[route["category"]]), pair(role)])
    return f"## {pair(word(VIEW_HEADINGS['routing_table']))}\n\n" + table(
        [pair(word("policy.category")), pair(word("policy.goes_to"))], rows
    )


def postage_rows(bundle):
    """(rule, return-leg text, resend-leg text) for every postage rule, in both languages."""
    rows = []
    terms = words("term", "staff")
    for rule in bundle["rules"].values():
        params = rule.get("params", {})
        if "return_leg" in params:
            rows.append(
                (
                    rule,
                    {lang: leg_text(params["return_leg"], lang, terms) for lang in ("zh", "en")},
                    {lang: leg_text(params["resend_leg"], lang, terms) for lang in ("zh", "en")},
                )
            )
    return rows


# The tables an area's `views` can ask for, by the name the schema lists.
VIEWS = {"shift_table": shift_table, "timeline": timeline, "flag_legend": flag_legend, "routing_table": routing_table}
