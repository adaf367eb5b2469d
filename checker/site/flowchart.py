"""Mermaid flowcharts of a flow, cut into charts small enough to read.

A flow with more than ``MAX_NODES`` steps is drawn as an overview up to its first step that
branches into several further steps, then one chart per branch (cut again while still too
big). A step that starts another chart is drawn as a link to it. Every label is escaped so no
Mermaid directive, markdown string or HTML can come from the rules.
"""

import re

from ..engine import graph
from ..wording import word
from .flowtext import describe, successors
from .markup import language

MAX_NODES = 16  # steps and outcomes in one chart before it is cut into branches
_SAFE_ID = re.compile(r"^[A-Za-z0-9_]+$")
# Mermaid's own entity codes for every character that could open a directive (%%), a
# markdown string (`), HTML (<, >, &), or end the label ("), a link (|) or a shape.
_ENTITIES = {ch: f"#{ord(ch)};" for ch in "#|%`{}[]()\\:;"} | {'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}


def mermaid_text(text):
    """Text for a quoted Mermaid label: characters Mermaid would parse become entity codes,
    line breaks become spaces."""
    return "".join(_ENTITIES.get(ch, ch) for ch in " ".join(str(text).split()))


def label(text_pair, number=None):
    head = f"{number} · " if number else ""
    lang = language()
    if lang:
        return f"{head}{mermaid_text(text_pair[lang])}"
    return f"{head}{mermaid_text(text_pair['zh'])}<br/><small>{mermaid_text(text_pair['en'])}</small>"


def node_name(node_id, names):
    """A Mermaid node name that no id can break (``end`` or odd characters): n_<id> or n<k>."""
    if node_id not in names:
        names[node_id] = f"n_{node_id}" if _SAFE_ID.match(node_id) else f"n{len(names)}"
    return names[node_id]


def _reach(flow, root, stop):
    """Steps and outcomes reachable from root without entering a step in stop, in BFS order."""
    order, queue, seen = [], [root], {root}
    while queue:
        node_id = queue.pop(0)
        order.append(node_id)
        if node_id != root and node_id in stop:
            continue
        for target in successors(flow, node_id):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return order


def _fork(flow, order, stop):
    """The first step in order that leads to two or more further steps: where a chart is cut."""
    nodes = graph.index(flow)
    for node_id in order:
        if node_id in stop:
            continue
        onward = [t for t in dict.fromkeys(successors(flow, node_id)) if nodes[t][0] != "outcomes" and t not in stop]
        if len(onward) >= 2:
            return node_id, onward
    return None, []


def parts(flow, root=None, stop=frozenset(), entry=None):
    """[{"root", "members", "links", "entry"}]: the charts a flow is drawn as, overview first.
    ``links`` are steps drawn as a link to the chart that starts there; ``entry`` is the step
    whose answers lead into this chart (None for the overview)."""
    root = root or flow["start"]
    members = _reach(flow, root, stop)
    fork, onward = _fork(flow, members, stop)
    if len(members) <= MAX_NODES or fork is None:
        return [{"root": root, "members": members, "links": [m for m in members if m in stop and m != root], "entry": entry}]
    inline = set()
    for child in sorted(onward, key=lambda c: len(_reach(flow, c, set(stop) | set(onward)))):
        if len(_reach(flow, root, (set(stop) | set(onward)) - inline - {child})) <= MAX_NODES:
            inline.add(child)  # small enough to stay in this chart
    separate = [child for child in onward if child not in inline]
    cut = set(stop) | set(separate)
    members = _reach(flow, root, cut)
    charts = [{"root": root, "members": members, "links": [m for m in members if m in cut and m != root], "entry": entry}]
    for child in separate:
        charts += parts(flow, child, frozenset(cut - {child}), fork)
    return charts


def _edges(flow, bundle, node_id):
    """(target, label pair or None) per target of a step, answers to one target merged."""
    kind, node = graph.index(flow)[node_id]
    grouped = {}
    if kind == "questions":
        for answer in node.get("answers", []):
            if "next" in answer:
                grouped.setdefault(answer["next"], []).append(answer["label"])
        if "next" in node:
            grouped.setdefault(node["next"], [])
    else:
        for branch in node["branches"]:
            text = {lang: describe(branch["when"], flow, bundle, lang) for lang in ("zh", "en")}
            grouped.setdefault(branch["next"], []).append(text)
        grouped.setdefault(node["otherwise"]["next"], []).append(word("term.otherwise"))
    return [(target, labels) for target, labels in grouped.items()]


def _rule_of(kind, node):
    if kind == "questions":
        return node["why"]
    if kind == "checks":
        return node["branches"][0]["rule"]
    return node["rules"][0] if node.get("rules") else None


def chart(flow, bundle, part, numbers, href, part_of):
    """Mermaid source of one chart. ``numbers`` gives step numbers, ``href(rule_id)`` a rule's
    URL and ``part_of`` the anchor of the chart a linked step starts."""
    nodes, names = graph.index(flow), {}
    lines, clicks = ["flowchart TD"], []
    for node_id in part["members"]:
        kind, node = nodes[node_id]
        name = node_name(node_id, names)
        if node_id in part["links"]:
            text = node["ask"] if kind == "questions" else bundle["rules"][_rule_of(kind, node)]["title"]
            more = {lang: f"{text[lang]} → {word('flow.continued')[lang]}" for lang in ("zh", "en")}
            lines.append(f'    {name}[["{label(more, numbers.get(node_id))}"]]:::link')
            clicks.append(f'    click {name} href "#{part_of[node_id]}"')
            continue
        if kind == "questions":
            lines.append(f'    {name}["{label(node["ask"], numbers.get(node_id))}"]')
        elif kind == "checks":
            lines.append(f'    {name}{{"{label(bundle["rules"][_rule_of(kind, node)]["title"], numbers.get(node_id))}"}}')
        else:
            lines.append(f'    {name}(["{label(node["title"])}"]):::{node["status"]}')
        rule_id = _rule_of(kind, node)
        if rule_id:
            clicks.append(f'    click {name} href "{mermaid_text(href(rule_id))}"')
        for target, labels in _edges(flow, bundle, node_id) if kind != "outcomes" else []:
            joined = "<br/>".join(label(text) for text in labels)
            arrow = f'-->|"{joined}"|' if labels else "-->"
            lines.append(f"    {name} {arrow} {node_name(target, names)}")
    for item in flow.get("after", []):
        statuses = item["when"].get("status")
        ends = [
            m for m in part["members"] if nodes[m][0] == "outcomes" and (statuses is None or nodes[m][1]["status"] in statuses)
        ]
        if ends and item["ask"] not in part["members"]:
            ask = nodes[item["ask"]][1]
            lines.append(f'    {node_name(item["ask"], names)}["{label(ask["ask"], numbers.get(item["ask"]))}"]')
            clicks.append(f'    click {node_name(item["ask"], names)} href "{mermaid_text(href(ask["why"]))}"')
        lines += [f"    {node_name(end, names)} -.-> {node_name(item['ask'], names)}" for end in ends]
    lines += clicks + [
        "    classDef eligible fill:#e8f5e9,stroke:#2e7d32",
        "    classDef not_eligible fill:#ffebee,stroke:#c62828",
        "    classDef pending fill:#fff8e1,stroke:#f9a825",
        "    classDef registered fill:#e3f2fd,stroke:#1565c0",
        "    classDef link fill:#ede7f6,stroke:#5e35b1,stroke-dasharray:4 3",
    ]
    return "\n".join(lines)
