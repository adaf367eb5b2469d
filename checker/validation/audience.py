"""The customer's flow: what the public checker derives from a flow must run on public rules only.

Mirrors checker.site.checker_page.public_flow: staff questions are answered by their
`public_answer`, staff answers are left out, and only public rules are shipped.
"""

from ..engine import graph
from ..errors import say

__all__ = ["check_customer_flow"]


def check_customer_flow(ctx, flow, on_public_site):
    """Walk the customer's path; a staff question needs public_answer, and every rule read is public.

    A flow is the customer's when the public site's checker lists it (``on_public_site``), or
    when a question answers for customers (public_answer): the site file decides, not whether
    the editor remembered one public_answer."""
    if not on_public_site and not any("public_answer" in q for q in flow["questions"]):
        return  # not a flow customers walk
    derived = graph.by_id(flow, "derived")
    stuck = []

    def follow(kind, node):
        if kind != "questions":
            return graph.successors(kind, node)
        if node.get("audience") != "staff":
            return [a["next"] for a in node.get("answers", []) if a.get("audience") != "staff" and "next" in a] + (
                [node["next"]] if "next" in node else []
            )
        if "public_answer" not in node:
            stuck.append(node)
            return []
        return [a["next"] for a in node.get("answers", []) if a["value"] == node["public_answer"] and "next" in a]

    on_path = graph.reachable(flow, follow)
    for node in stuck:
        ctx.add(
            node.value_mark("audience"),
            say(
                f"内部问题 '{node['id']}' 在顾客会走的路径上；请加上 public_answer（顾客的情况总是这个答案），或把问题改为公开",
                f"staff question '{node['id']}' is on the customer's path; add public_answer "
                "(the answer a customer's case always has) or make the question public",
            ),
        )
    for kind, node in graph.nodes(flow, ("questions", "checks", "outcomes")):
        if node["id"] not in on_path:
            continue
        if kind == "questions":
            if node.get("audience") != "staff" and "customer" not in node:
                ctx.add(
                    node.key_mark("ask"),
                    say(
                        f"问题 '{node['id']}' 在顾客版检查器里会问到，但只有给员工的问法；"
                        "请加上 `customer: {zh, en}`，用“您”来问",
                        f"question '{node['id']}' is asked in the customer's checker but has only the staff wording; "
                        "add customer: {zh, en} in the second person",
                    ),
                )
            continue
        if kind == "checks":
            cited = set()
            for branch in node["branches"]:
                cited.update(graph.param_rules(branch["when"]))
                for fact in graph.named(branch["when"], "fact"):
                    if fact in derived:
                        cited.update(graph.param_rules(derived[fact].get("count_from")))
            for rule_id in sorted(cited):
                _public(ctx, rule_id, say(f"判断 '{node['id']}'", f"check '{node['id']}'"))
            continue
        if "customer" not in node:
            ctx.add(
                node.value_mark("id"),
                say(
                    f"结果 '{node['id']}' 在顾客版检查器里能走到，但没有给顾客的措辞；"
                    "请加上 `customer: {title, say, steps}`，用“您”和大白话写",
                    f"outcome '{node['id']}' is reachable in the customer's checker but has no customer wording; "
                    "add customer: {title, say, steps} in the second person and plain words",
                ),
            )
        elif node["status"] == "not_eligible" and not node["customer"].get("steps"):
            ctx.add(
                node["customer"].mark,
                say(
                    f"结果 '{node['id']}' 拒绝了顾客，但没有告诉顾客接下来能做什么；请在 customer 里加上 steps",
                    f"outcome '{node['id']}' turns the customer down without saying what they can do next; "
                    "add steps to its customer wording",
                ),
            )
        for key in ("say_params", "price_difference"):
            if key in node:
                _public(ctx, node[key], say(f"结果 '{node['id']}' 的 {key}", f"{key} of outcome '{node['id']}'"))
        if "postage" in node:
            _public(ctx, node["postage"]["rule"], say(f"结果 '{node['id']}' 的 postage", f"postage of outcome '{node['id']}'"))


def _public(ctx, rule_id, where):
    if rule_id in ctx.rules and ctx.rules[rule_id][0]["audience"] != "public":
        rule = ctx.rules[rule_id][0]
        ctx.add(
            rule.value_mark("audience"),
            say(
                f"规则 {rule_id} 只给员工看，但顾客版检查器要读它（{where.zh}）；"
                "请把它改为公开并写上给顾客的措辞，或让顾客的路径不经过它",
                f"rule {rule_id} is staff-only, but the customer's checker reads it ({where.en}); "
                "make it public with customer wording, or keep it off the customer's path",
            ),
        )
