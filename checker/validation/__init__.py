"""Checks of meaning, after the schema: ids, references, and the shape of each interview.

Every check adds a Problem at the place to fix; nothing stops at the first error.
By subject: ``rules`` (shop roles and each rule), ``flows`` (each interview's shape) and
``audience`` (the customer's flow), ``answers`` (one order for the same answers). The calendar is checked by ``checker.reading.shop_calendar``,
training scenarios by ``checker.validation.scenarios``.
"""

from ..errors import say
from ..reading.shop_calendar import check_calendar
from .answers import check_answer_labels, check_answer_order
from .audience import check_customer_flow
from .common import Context
from .flows import FlowChecker
from .outcomes import check_flag_notes
from .public_text import check_public_text
from .rules import check_rule, check_shop
from .versions import check_dated_by

__all__ = ["check_flag_notes", "check_semantics"]


def check_semantics(documents, today, saved=None):
    """Problems of meaning across the documents; ``saved``: file as shown -> when it was last
    saved, so that an id defined twice is reported in the file the editor changed."""
    ctx = Context(saved)
    areas = []
    public_flows = public_checker_flows(documents)
    for _, data in documents:
        kind = data["kind"]
        if kind == "shop":
            check_shop(ctx, data)
        elif kind == "calendar":
            ctx.calendars.append(data)
            check_calendar(ctx.add, data, today)
        elif kind == "area":
            areas.append(data)
    if len(ctx.calendars) > 1:
        first = ctx.calendars[0].mark.path
        ctx.add(
            ctx.calendars[1].mark,
            say(f"这是第二个日历文件，第一个是 {first}；只保留一个", f"a second calendar file; the first is {first}; keep one"),
        )
    seen_areas = {}
    for data in areas:
        name = data["area"]
        if name in seen_areas:
            where, other = ctx.changed(seen_areas[name], data.value_mark("area"))
            ctx.add(
                where,
                say(
                    f"区域 '{name}' 已经在 {other} 定义过；每个区域只用一个文件",
                    f"area '{name}' is already defined at {other}; give each area one file",
                ),
            )
        else:
            seen_areas[name] = data.value_mark("area")
        for section in data["sections"]:
            for rule in section["rules"]:
                check_rule(ctx, rule)
    flows = {}
    for data in areas:
        if "flow" in data:
            flow = data["flow"]
            if flow["id"] in flows:
                where, other = ctx.changed(flows[flow["id"]], flow.value_mark("id"))
                ctx.add(
                    where,
                    say(f"流程 '{flow['id']}' 已经在 {other} 定义过", f"flow '{flow['id']}' is already defined at {other}"),
                )
            else:
                flows[flow["id"]] = flow.value_mark("id")
            FlowChecker(ctx, flow).run()
            check_dated_by(ctx, flow)
            check_customer_flow(ctx, flow, flow["id"] in public_flows)
    all_flows = [data["flow"] for data in areas if "flow" in data]
    check_answer_order(ctx, all_flows)
    check_answer_labels(ctx, all_flows)
    check_public_text(ctx, areas, [data for _, data in documents if data["kind"] == "site"][:1], public_flows)
    return ctx.problems


def public_checker_flows(documents):
    """The flows the public site's checker walks, as its site file lists them."""
    return {
        flow_id
        for _, data in documents
        if data["kind"] == "site"
        for page in data.get("public", [])
        for flow_id in page.get("checker", [])
    }
