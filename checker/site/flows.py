"""Flow pages: numbered steps and a Mermaid flowchart, both drawn from the flow data."""

from ..engine import graph
from ..engine.graph import step_order
from ..terms import TERMS
from .markup import esc, md, pair
from .policies import rule_link

OPERATORS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "="}


def describe(condition, flow, bundle, lang):
    """A condition in words, e.g. 'window_day > 7' or 'reason = 质量问题'."""
    nodes = graph.index(flow)
    if "answer" in condition:
        kind, question = nodes[condition["answer"]]
        wanted = [condition["is"]] if "is" in condition else condition["in"]
        labels = [a["label"][lang] for a in question["answers"] if a["value"] in wanted]
        return " / ".join(labels)
    if "fact" in condition:
        op = next(op for op in OPERATORS if op in condition)
        return f"{_fact_name(condition['fact'], nodes, lang)} {OPERATORS[op]} {_operand(condition[op], bundle, nodes, lang)}"
    if "status" in condition:
        return " / ".join(TERMS[s][lang] for s in condition["status"])
    if "not" in condition:
        return ("非 " if lang == "zh" else "not ") + describe(condition["not"], flow, bundle, lang)
    joiner = {"all": {"zh": " 且 ", "en": " and "}, "any": {"zh": " 或 ", "en": " or "}}
    key = "all" if "all" in condition else "any"
    return joiner[key][lang].join(describe(item, flow, bundle, lang) for item in condition[key])


def _fact_name(name, nodes, lang):
    kind, node = nodes[name]
    return node["title"][lang] if kind == "derived" else node["ask"][lang].rstrip("?？")


def _operand(operand, bundle, nodes, lang):
    if isinstance(operand, dict) and "param" in operand:
        rule_id, key = operand["param"].split(".", 1)
        return str(bundle["rules"][rule_id]["params"][key])
    if isinstance(operand, dict):
        return _fact_name(operand["fact"], nodes, lang)
    return str(operand)


def _mermaid_text(text):
    """Text for a quoted Mermaid label: entity codes for characters Mermaid would parse."""
    replacements = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "|": "#124;", "&": "#amp;"}
    return "".join(replacements.get(ch, ch) for ch in str(text))


def _label(pair_text):
    return f"{_mermaid_text(pair_text['zh'])}<br/><small>{_mermaid_text(pair_text['en'])}</small>"


def mermaid(flow, bundle):
    """The flow as a Mermaid flowchart: every question, check and outcome is a node."""
    nodes = graph.index(flow)
    lines = ["flowchart TD"]
    for node_id in step_order(flow):
        kind, node = nodes[node_id]
        if kind == "questions":
            lines.append(f'    {node_id}["{_label(node["ask"])}"]')
        else:
            rule = bundle["rules"][node["branches"][0]["rule"]]
            lines.append(f'    {node_id}{{"{_label(rule["title"])}"}}')
    for outcome in flow["outcomes"]:
        lines.append(f'    {outcome["id"]}(["{_label(outcome["title"])}"]):::{outcome["status"]}')
    for node_id in step_order(flow):
        kind, node = nodes[node_id]
        if kind == "questions":
            for answer in node.get("answers", []):
                if "next" in answer:
                    lines.append(f'    {node_id} -->|"{_label(answer["label"])}"| {answer["next"]}')
            if "next" in node:
                lines.append(f"    {node_id} --> {node['next']}")
        elif kind == "checks":
            for branch in node["branches"]:
                text = {lang: describe(branch["when"], flow, bundle, lang) for lang in ("zh", "en")}
                lines.append(f'    {node_id} -->|"{_label(text)}"| {branch["next"]}')
            lines.append(f'    {node_id} -->|"{_label(TERMS["otherwise"])}"| {node["otherwise"]["next"]}')
    for item in flow.get("after", []):
        statuses = item["when"].get("status")
        for outcome in flow["outcomes"]:
            if statuses is None or outcome["status"] in statuses:
                lines.append(f"    {outcome['id']} -.-> {item['ask']}")
    lines += [
        "    classDef eligible fill:#e8f5e9,stroke:#2e7d32",
        "    classDef not_eligible fill:#ffebee,stroke:#c62828",
        "    classDef pending fill:#fff8e1,stroke:#f9a825",
        "    classDef registered fill:#e3f2fd,stroke:#1565c0",
    ]
    return "\n".join(lines)


def flow_page(bundle, flow, page):
    nodes = graph.index(flow)
    order = step_order(flow)
    number = {node_id: index + 1 for index, node_id in enumerate(order)}
    outcomes = {o["id"]: o for o in flow["outcomes"]}

    def target(node_id):
        if node_id in outcomes:
            return f"**{pair(outcomes[node_id]['title'])}**"
        return f"{md('步骤 · step')} {number[node_id]}"

    lines = [
        f"# {pair(flow['title'])}",
        "",
        f"## {md('流程图 · Flowchart')}",
        "",
        f'<div class="policy-flowchart" data-flow="{esc(flow["id"])}"><pre class="policy-flowchart__source">'
        f"{esc(mermaid(flow, bundle))}</pre></div>",
        "",
        f"## {md('步骤 · Steps')}",
        "",
    ]
    after = {item["ask"]: item for item in flow.get("after", [])}
    for node_id in order:
        kind, node = nodes[node_id]
        if kind == "questions":
            lines.append(f"{number[node_id]}. {pair(node['ask'])} — {rule_link(bundle, node['why'], page)}")
            if node_id in after:
                lines.append(
                    f"    - {md('结果为')} {md(describe(after[node_id]['when'], flow, bundle, 'zh'))} "
                    f"{md('时再问 · asked once the outcome is')} {md(describe(after[node_id]['when'], flow, bundle, 'en'))}"
                )
            for answer in node.get("answers", []):
                if "next" in answer:
                    lines.append(f"    - {pair(answer['label'])} → {target(answer['next'])}")
            if "next" in node:
                lines.append(f"    - → {target(node['next'])}")
        else:
            lines.append(f"{number[node_id]}. {md('判断 · Check')} — {rule_link(bundle, node['branches'][0]['rule'], page)}")
            for branch in node["branches"]:
                text = {lang: describe(branch["when"], flow, bundle, lang) for lang in ("zh", "en")}
                lines.append(f"    - {pair(text)} → {target(branch['next'])} ({rule_link(bundle, branch['rule'], page)})")
            lines.append(f"    - {pair(TERMS['otherwise'])} → {target(node['otherwise']['next'])}")
    lines += ["", f"## {md('结果 · Outcomes')}", ""]
    for outcome in flow["outcomes"]:
        rules = ", ".join(rule_link(bundle, rule_id, page) for rule_id in outcome["rules"])
        lines.append(f"- **{pair(outcome['title'])}** ({pair(TERMS[outcome['status']])}) — {rules}")
    return "\n".join(lines) + "\n"
