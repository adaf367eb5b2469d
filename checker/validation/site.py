"""Checks of what the sites and the engine take from the rules beyond the rules themselves:
the site file (quick reference, checker, public pages, search words) here, the shop's
escalation order and each area's views in ``check_areas``. Every reference is checked so the
renderers can trust it.
"""

from ..errors import hint, listing, say, unknown_rule
from .areas import check_escalation, check_view

__all__ = ["check_site", "default_site", "DURATIONS"]

# The params that hold a time limit, in the order the quick reference looks for them.
DURATIONS = ("days", "hours", "working_days", "minutes")


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
        self.twice = set()  # rule ids defined twice: which rule a mention means is unknown
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
                        if rule["id"] in self.rules:
                            self.twice.add(rule["id"])  # reported by the checks of meaning
                        self.rules.setdefault(rule["id"], (rule, data["area"]))
                if "flow" in data:
                    self.flows.setdefault(data["flow"]["id"], data["flow"])

    def add(self, mark, message):
        self.problems.append(mark.problem(message))

    def rule(self, owner, key, rule_id=None, mark=None):
        """The rule a value names, or None after reporting it."""
        rule_id = owner[key] if rule_id is None else rule_id
        mark = owner.value_mark(key) if mark is None else mark
        if rule_id in self.twice:
            return None  # the id's second definition is the problem, not each mention of it
        if rule_id not in self.rules:
            otherwise = say("；请写某个区域文件里的规则", "; name a rule of an area file")
            self.problems.append(unknown_rule(mark, rule_id, self.rules, otherwise))
            return None
        return self.rules[rule_id][0]

    def listed(self, owner, key):
        """(item, mark) for each item of a list value."""
        items = owner.get(key, [])
        return [(item, items.item_mark(index)) for index, item in enumerate(items)]


def check_site(documents):
    """Problems with escalation targets, area views and the site file, at the value to fix."""
    site = _Site(documents)
    check_escalation(site)
    for area in site.areas.values():
        for view in area.get("views", []):
            check_view(site, area, view)
    if len(site.sites) > 1:
        first = site.sites[0].mark.path
        site.add(
            site.sites[1].mark,
            say(f"这是第二个网站文件，第一个是 {first}；只保留一个", f"a second site file; the first is {first}; keep one"),
        )
    for data in site.sites[:1]:
        _check_site_file(site, data)
        _check_search(site, data.get("search", {}))
    for rule, _ in site.rules.values():
        _check_phrasings(site, rule, "asked")
        if "customer_title" in rule and rule["audience"] != "public":
            site.add(
                rule.key_mark("customer_title"),
                say(
                    "内部规则不会出现在公开网站上；请删掉 'customer_title'",
                    "a staff rule is never on the public site; remove 'customer_title'",
                ),
            )
    return site.problems


def _check_site_file(site, data):
    quick = data.get("quick_reference", {})
    for rule_id, mark in site.listed(quick, "limits"):
        rule = site.rule(quick, "limits", rule_id, mark)
        if rule is not None and not any(key in rule.get("params", {}) for key in DURATIONS):
            site.add(
                mark,
                say(
                    f"规则 {rule_id} 的参数里没有时限（{listing(DURATIONS).zh}）；请把它列在别处",
                    f"rule {rule_id} has no time limit ({listing(DURATIONS).en}) in its params; list it elsewhere",
                ),
            )
    for rule_id, mark in site.listed(quick, "postage_notes"):
        site.rule(quick, "postage_notes", rule_id, mark)
    grouped = set()
    for group in quick.get("groups", []):
        for rule_id, mark in site.listed(group, "rules"):
            site.rule(group, "rules", rule_id, mark)
            if rule_id in grouped:
                site.add(
                    mark,
                    say(
                        f"规则 {rule_id} 已经在速查表的分组里了；只列一次",
                        f"rule {rule_id} is in the quick reference's groups already; list it once",
                    ),
                )
            grouped.add(rule_id)
    checker = data.get("checker", {})
    seen = set()
    for entry in checker.get("flows", []):
        _flow_ref(site, entry.value_mark("flow"), entry["flow"])
        if entry["flow"] in seen:
            flow_id = entry["flow"]
            site.add(
                entry.value_mark("flow"),
                say(f"流程 '{flow_id}' 写了两次；每个流程只写一次", f"flow '{flow_id}' is listed twice; list each flow once"),
            )
        seen.add(entry["flow"])
    pages, checkers = set(), 0
    for page in data.get("public", []):
        forms = [key for key in ("area", "checker") if key in page]
        if len(forms) != 1:
            site.add(
                page.mark,
                say(
                    "公开页面要么是 'area'，要么是 'checker'；请只写其中一个",
                    "a public page is either an 'area' or the 'checker'; give exactly one of them",
                ),
            )
            continue
        if "area" in page:
            name = page["area"]
            if name not in site.areas:
                otherwise = say("；请写某个区域文件的 area", "; name the area of an area file")
                site.add(
                    page.value_mark("area"),
                    say(f"没有区域 '{name}'", f"unknown area '{name}'") + hint(name, site.areas, otherwise),
                )
            elif not any(rule["audience"] == "public" for rule, area in site.rules.values() if area == name):
                site.add(
                    page.value_mark("area"),
                    say(
                        f"区域 '{name}' 没有公开规则；请把其中一条改为公开，或不列这个区域",
                        f"area '{name}' has no public rule; make one public or leave the area out",
                    ),
                )
            if name in pages:
                site.add(
                    page.value_mark("area"),
                    say(f"区域 '{name}' 已经有公开页面了；只列一次", f"area '{name}' has a public page already; list it once"),
                )
            pages.add(name)
        else:
            checkers += 1
            if checkers > 1:
                site.add(
                    page.key_mark("checker"),
                    say(
                        "公开网站只有一个检查器页面；请把它的流程写在一起",
                        "the public site has one checker page; list its flows together",
                    ),
                )
            for flow_id, mark in site.listed(page, "checker"):
                _flow_ref(site, mark, flow_id)
        if "intro" in page and "area" in page:
            site.add(
                page.key_mark("intro"),
                say("只有检查器页面才有 'intro'；请删掉", "only the checker page has an 'intro'; remove it"),
            )
        _check_public_area(site, page, {entry["area"] for entry in data["public"] if "area" in entry})


def _check_public_area(site, page, shown):
    """An area page's summary names public rules of shown areas, its contact needs the shop's,
    its sections exist."""
    if "area" not in page:
        for key in ("summary", "contact", "sections"):
            if key in page:
                site.add(
                    page.key_mark(key), say(f"只有区域页面才有 '{key}'；请删掉", f"only an area page has '{key}'; remove it")
                )
        return
    for item in page.get("summary", []):
        for rule_id, mark in site.listed(item, "rules"):
            rule = site.rule(item, "rules", rule_id, mark)
            if rule is not None and rule["audience"] != "public":
                site.add(
                    mark,
                    say(
                        f"规则 {rule_id} 只给员工看；摘要只能用公开规则回答",
                        f"rule {rule_id} is staff only; a summary answers with public rules",
                    ),
                )
            elif rule is not None and site.rules[rule_id][1] not in shown:
                site.add(
                    mark,
                    say(
                        f"规则 {rule_id} 所在的区域没有可链接的公开页面；请把这个区域加到 `public`",
                        f"rule {rule_id}'s area has no public page to link to; add the area to `public`",
                    ),
                )
    if page.get("contact") and (site.shop is None or "contact" not in site.shop):
        site.add(
            page.value_mark("contact"),
            say(
                "门店文件里没有 'contact'；请加上 phone、email、chat_hours 和 return_address",
                "the shop file has no 'contact'; add phone, email, chat_hours and return_address",
            ),
        )
    area = site.areas.get(page["area"])
    known = {section["id"] for section in area["sections"]} if area else set()
    for section_id in page.get("sections", {}) if area else ():
        if section_id not in known:
            otherwise = say("；请写那个区域里的章节", "; name a section of that area")
            site.add(
                page["sections"].key_mark(section_id),
                say(f"区域 '{page['area']}' 没有章节 '{section_id}'", f"area '{page['area']}' has no section '{section_id}'")
                + hint(section_id, known, otherwise),
            )


def _flow_ref(site, mark, flow_id):
    if flow_id not in site.flows:
        otherwise = say("；请写某个区域文件里流程的 id", "; name the flow id of an area file")
        site.add(mark, say(f"没有流程 '{flow_id}'", f"unknown flow '{flow_id}'") + hint(flow_id, site.flows, otherwise))


def _rule_words(rule, lang):
    """A rule's titles, text and customer wording in ``lang``, lower-cased."""
    keys = ("title", "customer_title", "text", "customer")
    return " ".join(str(rule.get(key, {}).get(lang, "")) for key in keys).lower()


def _han(text):
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _check_words(site, owner, key, lang):
    """Words readers type, in one language: each once, and in that language (a Chinese entry
    holds Chinese, an English one none), so each site's search gets its own reader's words."""
    seen = set()
    for word, mark in site.listed(owner, key):
        if word in seen:
            site.add(mark, say(f"'{word}' 写了两次；每个词只写一次", f"'{word}' is listed twice; list each word once"))
        seen.add(word)
        if lang == "zh" and not _han(word):
            site.add(
                mark,
                say(
                    f"'{word}' 里没有中文；英文的说法请写在 en 下面",
                    f"'{word}' has no Chinese; list English words under en",
                ),
            )
        elif lang == "en" and _han(word):
            site.add(
                mark,
                say(
                    f"'{word}' 里有中文；中文的说法请写在 zh 下面",
                    f"'{word}' has Chinese in it; list Chinese words under zh",
                ),
            )


def _check_phrasings(site, owner, key):
    phrasings = owner.get(key, {})
    for lang in phrasings:
        _check_words(site, phrasings, lang, lang)


def _check_search(site, search):
    _check_phrasings(site, search, "filler")
    by_lang = search.get("synonyms", {})
    for lang, synonyms in by_lang.items():
        texts = [_rule_words(rule, lang) for rule, _ in site.rules.values()]
        for term in synonyms:
            if not any(term.lower() in text for text in texts):
                site.add(
                    synonyms.key_mark(term),
                    say(
                        f"没有哪条规则用到 '{term}'，它的同义词什么也搜不到；请用规则标题或正文里的词",
                        f"no rule uses '{term}', so its synonyms find nothing; use a word of a rule's title or text",
                    ),
                )
            _check_words(site, synonyms, term, lang)
