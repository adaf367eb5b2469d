"""Flow pages: readable flowcharts (an overview, then one chart per branch) and numbered
steps, all drawn from the flow data."""

from urllib.parse import quote

from .flowchart import chart, entry_label, parts
from .flowtext import OTHERWISE, STATUS_LABELS, describe, nodes_of, step_order
from .markup import both, esc, pair
from .policies import rule_link

CHARTS = {
    "overview": {"zh": "概览", "en": "Overview"},
    "branch": {"zh": "分支", "en": "Branch"},
    "step": {"zh": "步骤", "en": "step"},
    "flowchart": {"zh": "流程图", "en": "Flowchart"},
    "steps": {"zh": "步骤", "en": "Steps"},
    "check": {"zh": "判断", "en": "Check"},
    "outcomes": {"zh": "结果", "en": "Outcomes"},
    "hint": {
        "zh": "点击任一步骤打开它的规则；紫色虚线框通往下面的分图。",
        "en": "Click a step to open its rule; a purple dashed box leads to a chart below.",
    },
}


def _href(bundle, page):
    """A rule's URL from a built flow page (directory URLs: flows/<id>/)."""
    up = "../" * (page.count("/") + 1)
    return lambda rule_id: quote(f"{up}policies/{bundle['rules'][rule_id]['area']}/#{rule_id}", safe="/#-_.")


def mermaid(flow, bundle, page="flows/x.md"):
    """Every chart of a flow as Mermaid source, one after the other (for tests and tools)."""
    numbers = {node_id: index + 1 for index, node_id in enumerate(step_order(flow))}
    charts = parts(flow)
    anchor = {c["root"]: f"chart-{index + 1}" for index, c in enumerate(charts)}
    return "\n".join(chart(flow, bundle, part, numbers, _href(bundle, page), anchor) for part in charts)


def flowcharts(bundle, flow, page, numbers):
    """The Markdown of a flow's charts: an overview, then a titled chart per branch."""
    charts = parts(flow)
    anchor = {c["root"]: f"chart-{index + 1}" for index, c in enumerate(charts)}
    lines = []
    for index, part in enumerate(charts):
        if part["entry"] is None:
            title = CHARTS["overview"] if len(charts) > 1 else None
        else:
            into = entry_label(flow, bundle, part["entry"], part["root"])
            step = numbers.get(part["entry"])
            title = {lang: f"{CHARTS['branch'][lang]} {index}: {step} → {into[lang]}" for lang in ("zh", "en")}
        if title:
            lines += [f"### {pair(title)} {{#{anchor[part['root']]}}}", ""]
        source = chart(flow, bundle, part, numbers, _href(bundle, page), anchor)
        lines += [
            f'<div class="policy-flowchart" data-flow="{esc(flow["id"])}"><pre class="policy-flowchart__source">'
            f"{esc(source)}</pre></div>",
            "",
        ]
    return lines


def flow_page(bundle, flow, page):
    nodes = nodes_of(flow)
    order = step_order(flow)
    number = {node_id: index + 1 for index, node_id in enumerate(order)}
    outcomes = {o["id"]: o for o in flow["outcomes"]}

    def target(node_id):
        if node_id in outcomes:
            return f"**{pair(outcomes[node_id]['title'])}**"
        return f"{pair(CHARTS['step'])} {number[node_id]}"

    lines = [
        "---",
        "hide: [toc]",  # the charts need the width more than a contents column
        "---",
        "",
        f"# {pair(flow['title'])}",
        "",
        f"## {pair(CHARTS['flowchart'])}",
        "",
        f'<p class="policy-flowchart__hint">{both(CHARTS["hint"]["zh"], CHARTS["hint"]["en"], "span")}</p>',
        "",
        *flowcharts(bundle, flow, page, number),
        f"## {pair(CHARTS['steps'])}",
        "",
    ]
    after = {item["ask"]: item for item in flow.get("after", [])}
    for node_id in order:
        kind, node = nodes[node_id]
        if kind == "questions":
            lines.append(f"{number[node_id]}. {pair(node['ask'])} — {rule_link(bundle, node['why'], page)}")
            if node_id in after:
                when = {lang: describe(after[node_id]["when"], flow, bundle, lang) for lang in ("zh", "en")}
                asked = {"zh": f"结果为 {when['zh']} 时再问", "en": f"asked once the outcome is {when['en']}"}
                lines.append(f"    - {pair(asked)}")
            for answer in node.get("answers", []):
                if "next" in answer:
                    lines.append(f"    - {pair(answer['label'])} → {target(answer['next'])}")
            if "next" in node:
                lines.append(f"    - → {target(node['next'])}")
        else:
            lines.append(f"{number[node_id]}. {pair(CHARTS['check'])} — {rule_link(bundle, node['branches'][0]['rule'], page)}")
            for branch in node["branches"]:
                text = {lang: describe(branch["when"], flow, bundle, lang) for lang in ("zh", "en")}
                lines.append(f"    - {pair(text)} → {target(branch['next'])} ({rule_link(bundle, branch['rule'], page)})")
            lines.append(f"    - {pair(OTHERWISE)} → {target(node['otherwise']['next'])}")
    lines += ["", f"## {pair(CHARTS['outcomes'])}", ""]
    for outcome in flow["outcomes"]:
        rules = ", ".join(rule_link(bundle, rule_id, page) for rule_id in outcome["rules"])
        lines.append(f"- **{pair(outcome['title'])}** ({pair(STATUS_LABELS[outcome['status']])}) — {rules}")
    return "\n".join(lines) + "\n"
