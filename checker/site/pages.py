"""Which pages each site gets, and where they go."""

from .calendar import PAGE as CALENDAR_PAGE
from .calendar import calendar_page
from .flows import flow_page
from .policies import area_page
from .public import PUBLIC_AREAS, public_page
from .reference import quick_reference, rule_index

STAFF = "staff"
PUBLIC = "public"


def generate_pages(bundle, audience=STAFF):
    """{path inside docs: Markdown} for the staff handbook or the public site."""
    pages = {}
    if audience == PUBLIC:
        for area in bundle["areas"]:
            if area["area"] in PUBLIC_AREAS:
                pages[PUBLIC_AREAS[area["area"]]["page"]] = public_page(bundle, area)
        return pages
    for area in bundle["areas"]:
        path = f"policies/{area['area']}.md"
        pages[path] = area_page(bundle, area, path)
    for flow_id, flow in bundle["flows"].items():
        path = f"flows/{flow_id}.md"
        pages[path] = flow_page(bundle, flow, path)
    pages["reference/quick.md"] = quick_reference(bundle)
    if bundle["calendar"]:
        pages[CALENDAR_PAGE] = calendar_page(bundle)
    pages["reference/rules.md"] = rule_index(bundle)
    return pages
