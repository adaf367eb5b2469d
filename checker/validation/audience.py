"""The customer's flow: what the public checker derives from a flow must run on public rules only.

Mirrors checker.site.checker_page.public_flow: staff questions are answered by their
`public_answer`, staff answers are left out, and only public rules are shipped.
"""

from ..flowrefs import params_in

__all__ = ["check_customer_flow"]


def check_customer_flow(ctx, flow):
    """Walk the customer's path; a staff question needs public_answer, and every rule read is public."""
    if not any("public_answer" in q for q in flow["questions"]):
        return  # not a flow customers walk
    nodes = {n["id"]: n for kind in ("questions", "checks", "outcomes") for n in flow.get(kind, [])}
    derived = {d["id"]: d for d in flow.get("derived", [])}
    seen, queue = set(), [flow["start"]]
    while queue:
        node_id = queue.pop()
        if node_id in seen or node_id not in nodes:
            continue
        seen.add(node_id)
        node = nodes[node_id]
        if "ask" in node:
            answers = [a for a in node.get("answers", []) if a.get("audience") != "staff"]
            if node.get("audience") == "staff":
                if "public_answer" not in node:
                    ctx.add(
                        node.value_mark("audience"),
                        f"staff question '{node_id}' is on the customer's path; add public_answer "
                        "(the answer a customer's case always has) or make the question public",
                    )
                    continue
                answers = [a for a in node.get("answers", []) if a["value"] == node["public_answer"]]
            queue += [a["next"] for a in answers if "next" in a] + ([node["next"]] if "next" in node else [])
        elif "branches" in node:
            cited = set()
            for branch in node["branches"]:
                params_in(branch["when"], cited)
                for fact in _facts(branch["when"]):
                    if fact in derived and isinstance(derived[fact].get("count_from"), dict):
                        params_in({"count_from": derived[fact]["count_from"]}, cited)
                queue.append(branch["next"])
            queue.append(node["otherwise"]["next"])
            for rule_id in sorted(cited):
                _public(ctx, rule_id, f"check '{node_id}'")
        else:
            for key in ("say_params", "price_difference"):
                if key in node:
                    _public(ctx, node[key], f"{key} of outcome '{node_id}'")
            if "postage" in node:
                _public(ctx, node["postage"]["rule"], f"postage of outcome '{node_id}'")


def _facts(condition):
    found = [condition["fact"]] if "fact" in condition else []
    for key in ("all", "any"):
        for item in condition.get(key, []):
            found += _facts(item)
    if "not" in condition:
        found += _facts(condition["not"])
    return found


def _public(ctx, rule_id, where):
    if rule_id in ctx.rules and ctx.rules[rule_id][0]["audience"] != "public":
        rule = ctx.rules[rule_id][0]
        ctx.add(
            rule.value_mark("audience"),
            f"rule {rule_id} is staff-only, but the customer's checker reads it ({where}); "
            "make it public with customer wording, or keep it off the customer's path",
        )
