"""Flow pages: readable flowcharts (an overview, then one chart per branch) and numbered
steps, all drawn from the flow data."""

from urllib.parse import quote

from ..engine import graph
from ..wording import word
from .flowchart import chart, parts
from .flowtext import describe, heading
from .markup import both, esc, pair, text
from .policies import rule_link

# From this width a flow page opens its charts and draws them at once (handbook.js, handbook.css).
WIDE = "(min-width: 45em)"


def _up(page):
    """The way from a built flow page (directory URLs: flows/<id>/) up to the site's root."""
    return "../" * (page.count("/") + 1)


def _href(bundle, page):
    """A rule's URL from a built flow page."""
    up = _up(page)
    return lambda rule_id: quote(f"{up}policies/{bundle['rules'][rule_id]['area']}/#{rule_id}", safe="/#-_.")


def preloads(modules, page):
    """Links that fetch every module Mermaid needs for a flowchart while the page is still parsing,
    instead of one round trip per level of its imports; on a wide screen only (a phone loads
    Mermaid when the reader opens the charts)."""
    return [f'<link rel="modulepreload" href="{esc(_up(page) + path)}" media="{WIDE}">' for path in modules]


def mermaid(flow, bundle, page="flows/x.md"):
    """Every chart of a flow as Mermaid source, one after the other (for tests and tools)."""
    numbers = {node_id: index + 1 for index, node_id in enumerate(graph.step_order(flow))}
    charts = parts(flow)
    anchor = {c["root"]: f"chart-{index + 1}" for index, c in enumerate(charts)}
    return "\n".join(chart(flow, bundle, part, numbers, _href(bundle, page), anchor) for part in charts)


def flowcharts(bundle, flow, page, numbers):
    """The Markdown of a flow's charts: an overview, then a chart per branch headed by the
    question and the answers that lead into it. They sit in a panel that handbook.js opens on
    a wide screen; a phone shows the numbered steps first and draws the charts on demand."""
    charts = parts(flow)
    anchor = {c["root"]: f"chart-{index + 1}" for index, c in enumerate(charts)}
    lines = [
        '<details class="policy-flowcharts" markdown>',
        f"<summary>{esc(text(word('flow.show_charts')))}</summary>",
        "",
        f'<p class="policy-flowchart__hint">{both(word("flow.hint")["zh"], word("flow.hint")["en"], "span")}</p>',
        "",
    ]
    for part in charts:
        if part["entry"] is None:
            title = word("flow.overview") if len(charts) > 1 else None
        else:
            title = {lang: heading(flow, bundle, part["entry"], part["root"], lang) for lang in ("zh", "en")}
        if title:
            lines += [f"### {pair(title)} {{#{anchor[part['root']]}}}", ""]
        source = chart(flow, bundle, part, numbers, _href(bundle, page), anchor)
        lines += [
            f'<div class="policy-flowchart" data-flow="{esc(flow["id"])}" data-search-exclude><pre class="policy-flowchart__source">'
            f"{esc(source)}</pre></div>",
            "",
        ]
    return lines + ["</details>", ""]


def flow_page(bundle, flow, page, chart_modules=()):
    nodes = graph.index(flow)
    order = graph.step_order(flow)
    number = {node_id: index + 1 for index, node_id in enumerate(order)}
    outcomes = {o["id"]: o for o in flow["outcomes"]}

    def target(node_id):
        if node_id in outcomes:
            return f"**{pair(outcomes[node_id]['title'])}**"
        return f"{pair(word('flow.step'))} {number[node_id]}"

    lines = [
        "---",
        "hide: [toc]",  # the charts need the width more than a contents column
        "---",
        "",
        *preloads(chart_modules, page),
        "",
        f"# {pair(flow['title'])}",
        "",
        f"## {pair(word('flow.flowchart'))}",
        "",
        *flowcharts(bundle, flow, page, number),
        f"## {pair(word('flow.steps'))}",
        "",
    ]
    after = {item["ask"]: item for item in flow.get("after", [])}
    for node_id in order:
        kind, node = nodes[node_id]
        if kind == "questions":
            lines.append(f"{number[node_id]}. {pair(node['ask'])} — {rule_link(bundle, node['why'], page, searchable=False)}")
            if node_id in after:
                when = {lang: describe(after[node_id]["when"], flow, bundle, lang) for lang in ("zh", "en")}
                asked = {lang: word("flow.asked_when")[lang].format(when=when[lang]) for lang in ("zh", "en")}
                lines.append(f"    - {pair(asked)}")
            for answer in node.get("answers", []):
                if "next" in answer:
                    lines.append(f"    - {pair(answer['label'])} → {target(answer['next'])}")
            if "next" in node:
                lines.append(f"    - → {target(node['next'])}")
        else:
            lines.append(
                f"{number[node_id]}. {pair(word('flow.check'))} — {rule_link(bundle, node['branches'][0]['rule'], page, searchable=False)}"
            )
            for branch in node["branches"]:
                said = {lang: describe(branch["when"], flow, bundle, lang) for lang in ("zh", "en")}
                lines.append(
                    f"    - {pair(said)} → {target(branch['next'])} ({rule_link(bundle, branch['rule'], page, searchable=False)})"
                )
            lines.append(f"    - {pair(word('term.otherwise'))} → {target(node['otherwise']['next'])}")
    lines += ["", f"## {pair(word('flow.outcomes'))}", ""]
    for outcome in flow["outcomes"]:
        rules = ", ".join(rule_link(bundle, rule_id, page, searchable=False) for rule_id in outcome["rules"])
        lines.append(f"- **{pair(outcome['title'])}** ({pair(word('term.' + outcome['status']))}) — {rules}")
    return "\n".join(lines) + "\n"
