"""A flow as a graph: its nodes indexed once, its edges, reachability, the numbered step
order, and the one walker of the condition grammar.

The engine, the validator, the flowchart, the checker's data and the browser's views all
read a flow's shape through here. Plain Python for CPython and MicroPython alike.
"""

KINDS = ("questions", "checks", "outcomes", "derived")
STEP_KINDS = ("questions", "checks", "outcomes")
COMPARISONS = ("lt", "le", "gt", "ge", "eq")


def nodes(flow, kinds=KINDS):
    """Every (kind, node) of a flow, kind by kind, in the order written."""
    for kind in kinds:
        for node in flow.get(kind, []):
            yield kind, node


def index(flow, kinds=KINDS):
    """Node id -> (kind, node); when an id is written twice the first one counts."""
    found = {}
    for kind, node in nodes(flow, kinds):
        if node["id"] not in found:
            found[node["id"]] = (kind, node)
    return found


def by_id(flow, kind):
    """Node id -> node for one kind: questions, checks, outcomes or derived."""
    found = {}
    for node in flow.get(kind, []):
        found[node["id"]] = node
    return found


def exits(kind, node):
    """The holders of a step's outgoing edges: choice answers, the question, check branches."""
    if kind == "questions":
        if "answers" in node:
            return [answer for answer in node["answers"] if "next" in answer]
        return [node] if "next" in node else []
    if kind == "checks":
        return list(node["branches"]) + [node["otherwise"]]
    return []


def successors(kind, node):
    """The ids a step leads to, in the order written."""
    return [holder["next"] for holder in exits(kind, node)]


def reachable(flow, follow=None, start=None):
    """The ids reachable from the start; ``follow(kind, node)`` may narrow the edges taken."""
    found = index(flow, STEP_KINDS)
    follow = follow or successors
    seen, queue = set(), [flow["start"] if start is None else start]
    while queue:
        node_id = queue.pop()
        if node_id in seen or node_id not in found:
            continue
        seen.add(node_id)
        kind, node = found[node_id]
        queue += follow(kind, node)
    return seen


def step_order(flow):
    """Questions and checks breadth-first from the start, then the `after` questions: the numbered steps."""
    found = index(flow, STEP_KINDS)
    order, queue, seen = [], [flow["start"]], {flow["start"]: True}
    while queue:
        node_id = queue.pop(0)
        if node_id not in found or found[node_id][0] == "outcomes":
            continue
        order.append(node_id)
        for target in successors(*found[node_id]):
            if target not in seen:
                seen[target] = True
                queue.append(target)
    return order + [item["ask"] for item in flow.get("after", [])]


def refs(condition):
    """Walk a condition (or operand): yield (what, name) for every answer, fact, param and
    status it refers to; what is "answer", "fact", "param" or "status"."""
    if not isinstance(condition, dict):
        return
    if "param" in condition and isinstance(condition["param"], str):
        yield "param", condition["param"]
    if "answer" in condition:
        yield "answer", condition["answer"]
    if "fact" in condition:
        yield "fact", condition["fact"]
        for op in COMPARISONS:
            for found in refs(condition.get(op)):
                yield found
    for status in condition.get("status", []) if isinstance(condition.get("status"), list) else []:
        yield "status", status
    for key in ("all", "any"):
        for item in condition.get(key, []) if isinstance(condition.get(key), list) else []:
            for found in refs(item):
                yield found
    for found in refs(condition.get("not")):
        yield found


def named(condition, what):
    """The names of one kind ("param", "fact", ...) a condition refers to, first use first."""
    found = []
    for kind, name in refs(condition):
        if kind == what and name not in found:
            found.append(name)
    return found


def param_rules(condition):
    """The rule ids of every {param: RULE.key} in a condition or operand."""
    return [reference.split(".", 1)[0] for reference in named(condition, "param")]


def asked_rules(flow):
    """The rules a flow asks about: its questions' reasons and its checks' rules."""
    found = set()
    for question in flow["questions"]:
        found.add(question["why"])
    for check in flow.get("checks", []):
        for branch in check["branches"]:
            found.add(branch["rule"])
        found.add(check["otherwise"]["rule"])
    return found


def rules_used(flow):
    """Every rule id a flow's questions, checks, derived values, escalations and outcomes name."""
    found = asked_rules(flow)
    for derived in flow.get("derived", []):
        found.update(param_rules(derived.get("count_from")))
    for check in flow.get("checks", []):
        for branch in check["branches"]:
            found.update(param_rules(branch["when"]))
    for item in flow.get("escalations", []):
        found.add(item["rule"])
    for outcome in flow["outcomes"]:
        found.update(outcome["rules"])
        found.update(outcome.get("deadlines", []))
        for key in ("price_difference", "flag", "route", "follow_up", "say_params"):
            if key in outcome:
                found.add(outcome[key])
        if "postage" in outcome:
            found.add(outcome["postage"]["rule"])
    found.discard(None)
    return found
