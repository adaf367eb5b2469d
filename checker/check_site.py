"""Checks of what the sites and the engine take from the rules beyond the rules themselves:
the shop's escalation order, each area's views, and the site file (quick reference, checker,
public pages). Every reference is checked here so the renderers can trust it.
"""

import difflib
import re

__all__ = ["check_site", "default_site", "DURATIONS"]

# The params that hold a time limit, in the order the quick reference looks for them.
DURATIONS = ("days", "hours", "working_days", "minutes")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _hint(name, known, otherwise=""):
    """'; did you mean ...?' for a near miss, else what to do instead."""
    match = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return f"; did you mean '{match[0]}'?" if match else otherwise


def default_site(bundle, site):
    """The site file's choices, with what a missing file or key means filled in."""
    site = dict(site or {})
    quick = dict(site.get("quick_reference", {}))
    quick.setdefault("limits", [])
    quick.setdefault("postage_notes", [])
    quick.setdefault("groups", [])
    site["quick_reference"] = quick
    if "checker" not in site:
        flows = [bundle["flows"][a["flow"]] for a in bundle["areas"] if a.get("flow")]
        site["checker"] = {"flows": [{"flow": f["id"], "tab": f["title"]} for f in flows]}
    site.setdefault("public", [])
    site.setdefault("search", {})
    return site


class _Site:
    def __init__(self, documents):
        self.problems = []
        self.rules, self.areas, self.flows = {}, {}, {}
        self.roles, self.escalation, self.sites, self.shop = None, None, [], None
        for _, data in documents:
            if data["kind"] == "shop":
                self.roles = {role["id"] for role in data["roles"]}
                self.escalation = data.get("escalation", [])
                self.shop = data
            elif data["kind"] == "site":
                self.sites.append(data)
            elif data["kind"] == "area":
                self.areas.setdefault(data["area"], data)
                for section in data["sections"]:
                    for rule in section["rules"]:
                        self.rules.setdefault(rule["id"], (rule, data["area"]))
                if "flow" in data:
                    self.flows.setdefault(data["flow"]["id"], data["flow"])

    def add(self, mark, message):
        self.problems.append(mark.problem(message))

    def rule(self, owner, key, rule_id=None, mark=None):
        """The rule a value names, or None after reporting it."""
        rule_id = owner[key] if rule_id is None else rule_id
        mark = owner.value_mark(key) if mark is None else mark
        if rule_id not in self.rules:
            self.add(mark, f"unknown rule {rule_id}{_hint(rule_id, self.rules, '; name a rule of an area file')}")
            return None
        return self.rules[rule_id][0]

    def listed(self, owner, key):
        """(item, mark) for each item of a list value."""
        items = owner.get(key, [])
        return [(item, items.item_mark(index)) for index, item in enumerate(items)]


def check_site(documents):
    """Problems with escalation targets, area views and the site file, at the value to fix."""
    site = _Site(documents)
    _check_escalation(site)
    for area in site.areas.values():
        for view in area.get("views", []):
            _check_view(site, area, view)
    if len(site.sites) > 1:
        site.add(site.sites[1].mark, f"a second site file; the first is {site.sites[0].mark.path}; keep one")
    for data in site.sites[:1]:
        _check_site_file(site, data)
        _check_search(site, data.get("search", {}))
    for rule, _ in site.rules.values():
        _check_words(site, rule, "keywords")
        if "customer_title" in rule and rule["audience"] != "public":
            site.add(rule.key_mark("customer_title"), "a staff rule is never on the public site; remove 'customer_title'")
    return site.problems


def _check_escalation(site):
    if site.escalation is None:
        return
    seen = set()
    for role, mark in site.listed(site.shop, "escalation"):
        if role not in site.roles:
            site.add(mark, f"escalation target '{role}' is not a role of this shop{_hint(role, site.roles, '; add it to roles')}")
        if role in seen:
            site.add(mark, f"'{role}' is listed twice in escalation; list each role once")
        seen.add(role)
    targets = ", ".join(site.escalation) or "none listed; add `escalation:` to the shop file"
    for flow in site.flows.values():
        found = [(item, "to") for item in flow.get("escalations", [])]
        found += [(outcome, "escalate") for outcome in flow["outcomes"] if "escalate" in outcome]
        for owner, key in found:
            if owner[key] not in site.escalation:
                site.add(
                    owner.value_mark(key),
                    f"'{owner[key]}' is not an escalation target; use one of the shop's escalation roles: {targets}",
                )


def _check_view(site, area, view):
    kind = view["view"]
    needs_rule = kind in ("shift_table", "routing_table")
    for key in ("rule", "shifts", "question"):
        wanted = key == "rule" and needs_rule or key == "shifts" and kind == "shift_table"
        wanted = wanted or key == "question" and kind == "routing_table"
        if wanted and key not in view:
            site.add(view.mark, f"a {kind} view needs '{key}'; add it")
        if not wanted and key in view:
            site.add(view.key_mark(key), f"a {kind} view takes no '{key}'; remove it")
    rule = site.rule(view, "rule") if needs_rule and "rule" in view else None
    if rule is not None and site.rules[rule["id"]][1] != area["area"]:
        site.add(view.value_mark("rule"), f"rule {rule['id']} is not in this area; a view shows a rule of its own area")
        return
    params = rule.get("params", {}) if rule else {}
    if kind == "shift_table" and rule is not None:
        for shift in view.get("shifts", []):
            for key in ("start", "end"):
                name = shift[key]
                if name not in params:
                    hint = _hint(name, params, "; name a param of that rule")
                    site.add(shift.value_mark(key), f"rule {rule['id']} has no param '{name}'{hint}")
                elif not (isinstance(params[name], str) and CLOCK.match(params[name])):
                    site.add(shift.value_mark(key), f"param '{name}' of rule {rule['id']} is not a clock time; write it as HH:MM")
    elif kind == "routing_table" and rule is not None:
        _check_routing(site, area, view, rule)
    elif kind == "timeline" and not any("time" in r.get("params", {}) for r, _ in site.rules.values()):
        site.add(view.value_mark("view"), "no rule has a 'time' param, so the timeline would be empty; remove the view")
    elif kind == "flag_legend" and not any(_is_flag(r) for r, _ in site.rules.values()):
        site.add(
            view.value_mark("view"),
            "no rule has 'colour', 'hex' and 'note' params, so the legend would be empty; remove the view",
        )


def _is_flag(rule):
    params = rule.get("params", {})
    return all(key in params for key in ("colour", "hex", "note"))


def _check_routing(site, area, view, rule):
    routes = rule.get("params", {}).get("routes")
    if not isinstance(routes, list) or not all(isinstance(r, dict) and "category" in r for r in routes):
        site.add(view.value_mark("rule"), f"rule {rule['id']} has no 'routes' param of category and department; pick another")
        return
    flow = area.get("flow")
    choices = {q["id"]: q for q in flow["questions"] if q["kind"] == "choice"} if flow else {}
    question = choices.get(view["question"])
    if question is None:
        hint = _hint(view["question"], choices, "; name a choice question")
        site.add(view.value_mark("question"), f"'{view['question']}' is not a choice question of this area's flow{hint}")
        return
    values = {answer["value"] for answer in question.get("answers", [])}
    for route in routes:
        if route["category"] not in values:
            site.add(
                view.value_mark("question"),
                f"question '{question['id']}' has no answer '{route['category']}', a category of rule {rule['id']}; add it",
            )


def _check_site_file(site, data):
    quick = data.get("quick_reference", {})
    for rule_id, mark in site.listed(quick, "limits"):
        rule = site.rule(quick, "limits", rule_id, mark)
        if rule is not None and not any(key in rule.get("params", {}) for key in DURATIONS):
            site.add(mark, f"rule {rule_id} has no time limit ({', '.join(DURATIONS)}) in its params; list it elsewhere")
    for rule_id, mark in site.listed(quick, "postage_notes"):
        site.rule(quick, "postage_notes", rule_id, mark)
    grouped = set()
    for group in quick.get("groups", []):
        for rule_id, mark in site.listed(group, "rules"):
            site.rule(group, "rules", rule_id, mark)
            if rule_id in grouped:
                site.add(mark, f"rule {rule_id} is in the quick reference's groups already; list it once")
            grouped.add(rule_id)
    checker = data.get("checker", {})
    seen = set()
    for entry in checker.get("flows", []):
        _flow_ref(site, entry.value_mark("flow"), entry["flow"])
        if entry["flow"] in seen:
            site.add(entry.value_mark("flow"), f"flow '{entry['flow']}' is listed twice; list each flow once")
        seen.add(entry["flow"])
    pages, checkers = set(), 0
    for page in data.get("public", []):
        forms = [key for key in ("area", "checker") if key in page]
        if len(forms) != 1:
            site.add(page.mark, "a public page is either an 'area' or the 'checker'; give exactly one of them")
            continue
        if "area" in page:
            name = page["area"]
            if name not in site.areas:
                site.add(
                    page.value_mark("area"), f"unknown area '{name}'{_hint(name, site.areas, '; name the area of an area file')}"
                )
            elif not any(rule["audience"] == "public" for rule, area in site.rules.values() if area == name):
                site.add(page.value_mark("area"), f"area '{name}' has no public rule; make one public or leave the area out")
            if name in pages:
                site.add(page.value_mark("area"), f"area '{name}' has a public page already; list it once")
            pages.add(name)
        else:
            checkers += 1
            if checkers > 1:
                site.add(page.key_mark("checker"), "the public site has one checker page; list its flows together")
            for flow_id, mark in site.listed(page, "checker"):
                _flow_ref(site, mark, flow_id)
        if "intro" in page and "area" in page:
            site.add(page.key_mark("intro"), "only the checker page has an 'intro'; remove it")
        _check_public_area(site, page, {entry["area"] for entry in data["public"] if "area" in entry})


def _check_public_area(site, page, shown):
    """An area page's summary names public rules of shown areas, its contact needs the shop's,
    its sections exist."""
    if "area" not in page:
        for key in ("summary", "contact", "sections"):
            if key in page:
                site.add(page.key_mark(key), f"only an area page has '{key}'; remove it")
        return
    for item in page.get("summary", []):
        for rule_id, mark in site.listed(item, "rules"):
            rule = site.rule(item, "rules", rule_id, mark)
            if rule is not None and rule["audience"] != "public":
                site.add(mark, f"rule {rule_id} is staff only; a summary answers with public rules")
            elif rule is not None and site.rules[rule_id][1] not in shown:
                site.add(mark, f"rule {rule_id}'s area has no public page to link to; add the area to `public`")
    if page.get("contact") and (site.shop is None or "contact" not in site.shop):
        site.add(page.value_mark("contact"), "the shop file has no 'contact'; add phone, email, chat_hours and return_address")
    area = site.areas.get(page["area"])
    known = {section["id"] for section in area["sections"]} if area else set()
    for section_id in page.get("sections", {}) if area else ():
        if section_id not in known:
            hint = _hint(section_id, known, "; name a section of that area")
            site.add(page["sections"].key_mark(section_id), f"area '{page['area']}' has no section '{section_id}'{hint}")


def _flow_ref(site, mark, flow_id):
    if flow_id not in site.flows:
        site.add(mark, f"unknown flow '{flow_id}'{_hint(flow_id, site.flows, '; name the flow id of an area file')}")


def _rule_words(rule):
    """A rule's title, text and customer wording in both languages, lower-cased."""
    return " ".join(
        str(rule.get(key, {}).get(lang, "")) for key in ("title", "text", "customer") for lang in ("zh", "en")
    ).lower()


def _check_words(site, owner, key):
    """Search words: listed once each; a segmenter word is one word (no spaces)."""
    seen = set()
    for word, mark in site.listed(owner, key):
        if word in seen:
            site.add(mark, f"'{word}' is listed twice; list each word once")
        if key == "words" and any(ch.isspace() for ch in word):
            site.add(mark, f"'{word}' has a space; the segmenter keeps single words, list each word on its own")
        seen.add(word)


def _check_search(site, search):
    _check_words(site, search, "words")
    texts = [_rule_words(rule) for rule, _ in site.rules.values()]
    synonyms = search.get("synonyms", {})
    for term in synonyms:
        if not any(term.lower() in text for text in texts):
            site.add(synonyms.key_mark(term), f"no rule uses '{term}', so its synonyms find nothing; use a word of a rule's text")
        _check_words(site, synonyms, term)
