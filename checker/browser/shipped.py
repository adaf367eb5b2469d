"""The checker's data as its bundle ships it: the shared part (wording, rules, calendar, tabs)
in one file, and each flow in a file of its own, so that at start-up the runtime parses only
the flow of the first question; another flow is read when a reader turns to it (its tab, a
link to a case, training). The build splits (``split``), the browser reads (``read_flows``).
Plain Python, on MicroPython too.
"""

import json

SHARED = "data.json"


def flow_member(flow_id):
    """The bundle member that holds one flow."""
    return "flows/" + flow_id + ".json"


def split(data):
    """{member name: JSON-able value} of the checker's data: all but the flows, then each flow."""
    members = {SHARED: dict(data, flows={})}
    for flow_id, flow in data.get("flows", {}).items():
        members[flow_member(flow_id)] = flow
    return members


def read_flows(data, flow_ids, read):
    """Add to ``data["flows"]`` each of ``flow_ids`` that is one of its tabs and not read yet;
    ``read(name)`` gives a member's text."""
    for flow_id in flow_ids:
        if flow_id in data["tabs"] and flow_id not in data["flows"]:
            data["flows"][flow_id] = json.loads(read(flow_member(flow_id)))
