"""Which pages each site gets, and where they go."""

from ..wording import word
from .calendar import PAGE as CALENDAR_PAGE
from .calendar import calendar_page
from .flows import flow_page
from .markup import text
from .policies import area_page
from .printed import PAGE as PRINT_PAGE
from .printed import print_nav, print_page
from .public import public_page, public_rules
from .reference import INDEX_PAGE, QUICK_PAGE, REVIEWS_PAGE, quick_reference, reviews_page, rule_index
from .whatsnew import PAGE as WHATSNEW_PAGE
from .whatsnew import whats_new_page

STAFF = "staff"
PUBLIC = "public"


def generate_pages(bundle, audience=STAFF, name=None, chart_modules=()):
    """{path inside docs: Markdown} for the staff handbook or the public site; ``name`` is the
    site's name (its config's site_name), which the printed handbook's cover repeats;
    ``chart_modules``: the site paths of what Mermaid fetches for a flowchart (flow pages preload them)."""
    pages = {}
    if audience == PUBLIC:
        areas = {area["area"]: area for area in bundle["areas"]}
        for entry in bundle["site"]["public"]:
            if "area" in entry:
                pages[f"{entry['area']}.md"] = public_page(bundle, areas[entry["area"]], entry)
        return pages
    for area in bundle["areas"]:
        path = f"policies/{area['area']}.md"
        pages[path] = area_page(bundle, area, path)
    for flow_id, flow in bundle["flows"].items():
        path = flow_path(flow_id)
        pages[path] = flow_page(bundle, flow, path, chart_modules)
    pages[QUICK_PAGE] = quick_reference(bundle)
    if bundle["calendar"]:
        pages[CALENDAR_PAGE] = calendar_page(bundle)
    pages[INDEX_PAGE] = rule_index(bundle)
    pages[REVIEWS_PAGE] = reviews_page(bundle)
    pages[WHATSNEW_PAGE] = whats_new_page(bundle)
    pages[PRINT_PAGE] = print_page(bundle, name)
    return pages


def label(text_pair):
    """A nav title in the build's language, as text (the site generator makes it HTML)."""
    return text(text_pair)


def navigation(bundle, audience=STAFF):
    """[(label, path)] of the generated pages in the order the rules give, for the site's nav.

    The checker page (``checker.md``) is listed where the public site file puts it; the staff
    handbook's hand-written navigation places its own checker entry.
    """
    if audience == PUBLIC:
        return [
            (label(entry.get("nav", entry["title"])), f"{entry['area']}.md" if "area" in entry else "checker.md")
            for entry in bundle["site"]["public"]
        ]
    nav = [(label(area["nav"]), f"policies/{area['area']}.md") for area in bundle["areas"]]
    nav += [
        (label(bundle["flows"][area["flow"]]["nav"]), flow_path(area["flow"])) for area in bundle["areas"] if area.get("flow")
    ]
    return nav


def closing_navigation(audience=STAFF):
    """[(label, path)] of generated pages that close the site's navigation: rule reviews, the print page."""
    if audience != STAFF:
        return []
    return [(label(word("whatsnew.title")), WHATSNEW_PAGE), (label(word("reference.reviews")), REVIEWS_PAGE), print_nav()]


def flow_path(flow_id):
    """Where a flow's page is in the staff handbook."""
    return f"flows/{flow_id}.md"


def page_location(path):
    """A generated page's address inside its site: ``policies/returns.md`` -> ``policies/returns/``."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rule_pages(bundle, audience=STAFF):
    """{rule id: (page path, page title)} of every rule the site shows, in the rules' order."""
    found = {}
    if audience == PUBLIC:
        areas = {area["area"]: area for area in bundle["areas"]}
        for entry in bundle["site"]["public"]:
            if "area" in entry:
                for _, rules in public_rules(bundle, areas[entry["area"]]):
                    found.update((rule["id"], (f"{entry['area']}.md", entry["title"])) for rule in rules)
        return found
    for area in bundle["areas"]:
        for section in area["sections"]:
            found.update((rule_id, (f"policies/{area['area']}.md", area["title"])) for rule_id in section["rules"])
    return found
