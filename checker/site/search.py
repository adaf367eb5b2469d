"""What the sites' search reads: one entry per rule, in the words its reader sees, with the
ways people ask about it (rule `asked`, the site file's `search: synonyms`), and the filler
words a typed question may drop (`search: filler`). Plain functions returning JSON-able data;
the plugin writes it beside the search worker (assets/search/), which answers the search box.
"""

from ..engine import graph
from ..engine.text import wording
from ..wording import word
from .checker_page import checker_data
from .markup import LANGUAGES, language
from .pages import PUBLIC, flow_path, page_location, rule_pages
from .reference import INDEX_PAGE, QUICK_PAGE, REVIEWS_PAGE

__all__ = ["search_index", "shown_text", "asked_words", "INDEX_PATH"]

INDEX_PATH = "assets/search/rules.json"


def _languages():
    lang = language()
    return (lang,) if lang else LANGUAGES


def _search(bundle):
    return bundle["site"].get("search", {})


def shown_text(rule, audience, lang):
    """What a rule shows this audience in ``lang``: staff read its text, customers its
    customer wording (the text the search result quotes)."""
    return wording(rule, "text" if audience != PUBLIC else "customer", lang)


def _title(rule, audience, lang):
    title = rule.get("customer_title", rule["title"]) if audience == PUBLIC else rule["title"]
    return title[lang]


def asked_words(bundle, rule, audience, lang):
    """The words that find a rule besides its title and text, in ``lang``: how people ask
    about it (its `asked`), and the synonyms of every word its shown text uses (so a staff
    wording never adds words to the public site). Staff also find a rule by its id."""
    text = (_title(rule, audience, lang) + " " + shown_text(rule, audience, lang)).lower()
    found = [rule["id"]] if audience != PUBLIC else []
    found += rule.get("asked", {}).get(lang, [])
    for term, others in _search(bundle).get("synonyms", {}).get(lang, {}).items():
        if term.lower() in text:
            found += others
    seen = set()
    return [w for w in found if not (w in seen or seen.add(w))]


def _offers(bundle, audience):
    """{rule id: flow id}: where the checker can walk a case the rule decides (the first flow
    that asks about it, in the checker's order)."""
    data = checker_data(bundle, audience)
    offers = {}
    for flow_id in data["modes"]:
        if flow_id in data["flows"]:
            for rule_id in graph.asked_rules(data["flows"][flow_id]):
                offers.setdefault(rule_id, flow_id)
    return offers, data


def search_index(bundle, audience, checker=True):
    """The search worker's data for one site in the build's language(s): the rules shown on
    that site, the pages whose rules replace the theme's own entries, and the filler words."""
    langs = _languages()
    join = " · ".join
    offers, data = _offers(bundle, audience)
    if not checker:  # a site without the checker offers no way into it
        offers = {}
    flows = {}
    for flow_id in sorted(set(offers.values())):
        # staff: "Check a case: <the checker's tab>"; customers: the public checker's own title
        title = data["title"] if audience == PUBLIC else None
        flows[flow_id] = {
            "location": f"checker/#flow={flow_id}",
            "title": join(
                title[lang] if title else word("search.open_checker")[lang] + data["tabs"][flow_id][lang] for lang in langs
            ),
        }
    entries = []
    pages = rule_pages(bundle, audience)
    for rule_id, (page, title) in pages.items():
        rule = bundle["rules"][rule_id]
        entry = {
            "id": rule_id,
            "location": f"{page_location(page)}#{rule_id}",
            "page": page_location(page),
            "page_title": join(title[lang] for lang in langs),
            "title": join(_title(rule, audience, lang) for lang in langs),
            "text": " ".join(shown_text(rule, audience, lang) for lang in langs),
            "asked": [w for lang in langs for w in asked_words(bundle, rule, audience, lang)],
        }
        if rule_id in offers:
            entry["flow"] = offers[rule_id]
        entries.append(entry)
    search = _search(bundle)
    return {
        "rules": entries,
        "flows": flows,
        "replaced": sorted({page_location(page) for page, _ in pages.values()}),
        "page_only": [page_location(page) for page in _page_only(bundle, audience)],
        "filler": [w for lang in langs for w in search.get("filler", {}).get(lang, [])],
    }


def _page_only(bundle, audience):
    """Pages found by their title, not by their sections (which repeat the rules)."""
    if audience == PUBLIC:
        return []
    return [QUICK_PAGE, INDEX_PAGE, REVIEWS_PAGE, *(flow_path(flow_id) for flow_id in bundle["flows"])]
