"""One interview's shape: references, reachability, loops, and facts read before they are asked."""

from ..engine import graph
from ..engine.graph import COMPARISONS
from ..engine.text import placeholders
from .common import hint

__all__ = ["FlowChecker", "COMPARISONS"]

COUNT_FROM = {"next_day", "signoff_day"}


class FlowChecker:
    """Checks one interview: references, reachability, loops, and facts read before asked."""

    def __init__(self, ctx, flow):
        self.ctx = ctx
        self.flow = flow
        self.nodes = {}  # id -> (kind, node)
        for kind, node in graph.nodes(flow, ("derived", "questions", "checks", "outcomes")):
            if node["id"] in self.nodes:
                first = self.nodes[node["id"]][1].value_mark("id")
                ctx.add(node.value_mark("id"), f"'{node['id']}' is already defined at {first}; ids in a flow must be unique")
            else:
                self.nodes[node["id"]] = (kind, node)
        self.after_questions = {item["ask"] for item in flow.get("after", [])}

    def kind(self, node_id):
        return self.nodes.get(node_id, (None, None))[0]

    def rule_ref(self, node, key, value=None, mark=None):
        value = node[key] if value is None else value
        if value not in self.ctx.rules:
            self.ctx.add(mark or node.value_mark(key), f"unknown rule {value}{hint(value, self.ctx.rules)}")
            return None
        return self.ctx.rules[value][0]

    def next_ref(self, holder, source, key="next"):
        """Check a step's `next`; remember where the edge is written, to report a loop there."""
        target = holder[key]
        self.edge_marks[(source, target)] = holder.value_mark(key)
        if self.kind(target) not in ("questions", "checks", "outcomes"):
            known = [k for k, v in self.nodes.items() if v[0] != "derived"]
            self.ctx.add(
                holder.value_mark(key),
                f"'{target}' is not a question, check or outcome of flow '{self.flow['id']}'{hint(target, known)}",
            )
            return None
        if target in self.after_questions:
            self.ctx.add(holder.value_mark(key), f"'{target}' is asked after the outcome (in 'after'); it cannot also be a step")
        return target

    def run(self):
        flow = self.flow
        if self.kind(flow["start"]) not in ("questions", "checks"):
            self.ctx.add(flow.value_mark("start"), f"start '{flow['start']}' is not a question or check of this flow")
        clock = flow.get("deadlines_from")
        if clock is not None and (self.kind(clock) != "questions" or self.nodes[clock][1]["kind"] != "datetime"):
            self.ctx.add(flow.value_mark("deadlines_from"), f"deadlines_from '{clock}' must be a datetime question of this flow")
        if clock is None and any(o.get("deadlines") for o in flow["outcomes"]):
            self.ctx.add(
                flow.mark,
                "outcomes have deadlines but the flow has no 'deadlines_from'; name the datetime question they count from",
            )
        self.edges = {}
        self.edge_marks = {}  # (step, next step) -> where that `next` is written
        for question in flow["questions"]:
            self.check_question(question)
        for check in flow.get("checks", []):
            self.check_check(check)
        for derived in flow.get("derived", []):
            self.check_derived(derived)
        for outcome in flow["outcomes"]:
            self.check_outcome(outcome)
        for item in flow.get("after", []):
            if self.kind(item["ask"]) != "questions":
                self.ctx.add(item.value_mark("ask"), f"'{item['ask']}' is not a question of this flow")
            self.check_condition(item["when"], item.value_mark("when"), allow_status=True)
        for item in flow.get("escalations", []):
            self.rule_ref(item, "rule")
            self.check_condition(item["when"], item.value_mark("when"), allow_status=True)
        self.check_graph()

    def check_question(self, question):
        qid = question["id"]
        self.rule_ref(question, "why")
        is_after = qid in self.after_questions
        targets = []
        if question["kind"] == "choice":
            if "answers" not in question:
                self.ctx.add(question.mark, f"choice question '{qid}' has no answers; add at least two")
                return
            if "next" in question:
                self.ctx.add(
                    question.key_mark("next"), f"choice question '{qid}' routes by each answer's 'next'; remove this one"
                )
            seen = set()
            for answer in question["answers"]:
                if answer["value"] in seen:
                    self.ctx.add(answer.value_mark("value"), f"answer '{answer['value']}' appears twice in question '{qid}'")
                seen.add(answer["value"])
                if is_after:
                    if "next" in answer:
                        self.ctx.add(
                            answer.key_mark("next"),
                            f"question '{qid}' is asked after the outcome; its answers lead nowhere, remove 'next'",
                        )
                elif "next" not in answer:
                    self.ctx.add(
                        answer.mark, f"answer '{answer['value']}' of question '{qid}' is handled by no branch; give it a 'next'"
                    )
                else:
                    targets.append(self.next_ref(answer, qid))
        else:
            if "answers" in question:
                self.ctx.add(
                    question.key_mark("answers"),
                    f"{question['kind']} question '{qid}' takes a typed value, not answers; remove them or make it a choice",
                )
            if is_after:
                self.ctx.add(question.mark, f"question '{qid}' asked after the outcome must be a choice")
            elif "next" not in question:
                self.ctx.add(question.mark, f"question '{qid}' has no 'next'; say which step follows it")
            else:
                targets.append(self.next_ref(question, qid))
        if "public_answer" in question:
            values = [a["value"] for a in question.get("answers", [])]
            if question.get("audience") != "staff" or question["public_answer"] not in values:
                self.ctx.add(
                    question.value_mark("public_answer"),
                    f"public_answer belongs on a staff choice question and must be one of its answers ({', '.join(values)})",
                )
        if "not_before" in question:
            other = question["not_before"]
            if self.kind(other) != "questions" or self.nodes[other][1]["kind"] != question["kind"]:
                self.ctx.add(
                    question.value_mark("not_before"), f"not_before '{other}' must be a {question['kind']} question of this flow"
                )
        if "not_after" in question and question["kind"] not in ("date", "datetime"):
            self.ctx.add(question.value_mark("not_after"), "not_after 'today' needs a date or datetime question")
        if question.get("default") == "today" and question["kind"] != "date":
            self.ctx.add(question.value_mark("default"), "default 'today' needs a date question")
        if question.get("default") == "now" and question["kind"] != "datetime":
            self.ctx.add(question.value_mark("default"), "default 'now' needs a datetime question")
        self.edges[qid] = [t for t in targets if t]

    def check_check(self, check):
        targets = []
        for branch in check["branches"]:
            self.rule_ref(branch, "rule")
            self.check_condition(branch["when"], branch.value_mark("when"))
            targets.append(self.next_ref(branch, check["id"]))
        otherwise = check["otherwise"]
        self.rule_ref(otherwise, "rule")
        targets.append(self.next_ref(otherwise, check["id"]))
        self.edges[check["id"]] = [t for t in targets if t]

    def check_derived(self, derived):
        for index, source in enumerate(derived["days_between"]):
            mark = derived["days_between"].item_mark(index)
            if self.kind(source) != "questions" or self.nodes[source][1]["kind"] != "date":
                self.ctx.add(mark, f"days_between needs date questions; '{source}' is not one")
        if "count_from" in derived:
            value = self.operand(derived["count_from"], derived.value_mark("count_from"))
            if value is not None and value not in COUNT_FROM:
                self.ctx.add(derived.value_mark("count_from"), f"count_from is '{value}'; use next_day or signoff_day")

    def check_outcome(self, outcome):
        for index, rule_id in enumerate(outcome["rules"]):
            self.rule_ref(outcome, "rules", rule_id, outcome["rules"].item_mark(index))
        for key in ("price_difference", "follow_up"):
            if key in outcome:
                self.rule_ref(outcome, key)
        if "say_params" in outcome:
            rule = self.rule_ref(outcome, "say_params")
            params = rule.get("params", {}) if rule else {}
        else:
            params = {}
        for lang in ("zh", "en"):
            for name in placeholders(outcome["say"][lang]):
                if name not in params:
                    self.ctx.add(
                        outcome["say"].value_mark(lang),
                        f"{{{name}}} in outcome '{outcome['id']}' say.{lang} has no value; name the rule that holds it in say_params",
                    )
        if "postage" in outcome:
            rule = self.rule_ref(outcome["postage"], "rule")
            for index, leg in enumerate(outcome["postage"]["legs"]):
                if rule and leg not in rule.get("params", {}):
                    self.ctx.add(
                        outcome["postage"]["legs"].item_mark(index),
                        f"rule {rule['id']} has no params.{leg}; add it or drop the leg",
                    )
        if "flag" in outcome:
            rule = self.rule_ref(outcome, "flag")
            if rule and not {"colour", "note"} <= set(rule.get("params", {})):
                self.ctx.add(outcome.value_mark("flag"), f"rule {rule['id']} is not a flag (needs params.colour and params.note)")
            elif rule:
                known = set(self.nodes) | {"postage"}
                note, where, owner = rule["params"]["note"], outcome.value_mark("flag"), f"{rule['id']} note"
                if "flag_note" in outcome:
                    note, owner = outcome["flag_note"], "flag_note"
                for lang in ("zh", "en"):
                    for name in placeholders(note.get(lang, "")):
                        if name not in known:
                            self.ctx.add(
                                note.value_mark(lang) if owner == "flag_note" else where,
                                f"{owner}.{lang} uses {{{name}}}, which is no question of flow '{self.flow['id']}' nor 'postage'{hint(name, known)}",
                            )
        if "route" in outcome:
            rule = self.rule_ref(outcome, "route")
            routes = rule.get("params", {}).get("routes", []) if rule else []
            categories = [r.get("category") for r in routes]
            if rule and outcome.get("category") not in categories:
                self.ctx.add(
                    outcome.value_mark("route"), f"rule {rule['id']} has no route for category '{outcome.get('category')}'"
                )
            for route in routes:
                if self.ctx.roles is not None and route.get("department") not in self.ctx.roles:
                    self.ctx.add(
                        rule.value_mark("params"), f"route department '{route.get('department')}' is not a role in shop.yaml"
                    )
        for index, rule_id in enumerate(outcome.get("deadlines", [])):
            mark = outcome["deadlines"].item_mark(index)
            rule = self.rule_ref(outcome, "deadlines", rule_id, mark)
            if rule and not ({"hours", "working_days"} & set(rule.get("params", {}))):
                self.ctx.add(mark, f"rule {rule_id} is not a deadline (needs params.hours or params.working_days)")

    def operand(self, operand, mark):
        """Check an operand; return a parameter's value when it is one."""
        if not isinstance(operand, dict):
            return operand
        if len(operand) != 1:
            self.ctx.add(mark, "an operand is a number, {param: RULE.key} or {fact: name}")
            return None
        if "param" in operand:
            rule_id, _, key = operand["param"].partition(".")
            if rule_id not in self.ctx.rules:
                self.ctx.add(mark, f"unknown rule {rule_id}{hint(rule_id, self.ctx.rules)}")
                return None
            params = self.ctx.rules[rule_id][0].get("params", {})
            if key not in params:
                self.ctx.add(mark, f"rule {rule_id} has no param '{key}'{hint(key, params)}")
                return None
            return params[key]
        self.fact_ref(operand["fact"], mark)
        return None

    def fact_ref(self, name, mark):
        kind = self.kind(name)
        if kind == "derived":
            return True
        if kind == "questions" and self.nodes[name][1]["kind"] == "number":
            return True
        facts = [k for k, v in self.nodes.items() if v[0] == "derived" or (v[0] == "questions" and v[1]["kind"] == "number")]
        self.ctx.add(mark, f"fact '{name}' is not a derived value or number question{hint(name, facts)}")
        return False

    def check_condition(self, condition, mark, allow_status=False):
        forms = [k for k in ("answer", "fact", "status", "all", "any", "not") if k in condition]
        if len(forms) != 1:
            self.ctx.add(mark, "a condition takes exactly one of: answer, fact, status, all, any, not")
            return
        form = forms[0]
        if form == "answer":
            self.check_answer_condition(condition, mark)
        elif form == "fact":
            ops = [op for op in COMPARISONS if op in condition]
            if len(ops) != 1 or len(condition) != 2:
                self.ctx.add(mark, f"a fact condition takes the fact and one of {', '.join(COMPARISONS)}")
                return
            self.fact_ref(condition["fact"], mark)
            value = self.operand(condition[ops[0]], mark)
            if value is not None and not isinstance(value, (int, float)):
                self.ctx.add(mark, f"'{condition['fact']}' is compared with '{value}', which is not a number")
        elif form == "status":
            if not allow_status:
                self.ctx.add(mark, "status conditions belong in 'after' and 'escalations', once the outcome is known")
        elif form == "not":
            self.check_condition(condition["not"], mark, allow_status)
        else:
            for item in condition[form]:
                self.check_condition(item, mark, allow_status)

    def check_answer_condition(self, condition, mark):
        qid = condition["answer"]
        tests = [k for k in ("is", "in") if k in condition]
        if len(tests) != 1 or len(condition) != 2:
            self.ctx.add(mark, "an answer condition takes the question and one of: is, in")
            return
        if self.kind(qid) != "questions" or self.nodes[qid][1]["kind"] != "choice":
            choices = [k for k, v in self.nodes.items() if v[0] == "questions" and v[1]["kind"] == "choice"]
            self.ctx.add(mark, f"'{qid}' is not a choice question of this flow{hint(qid, choices)}")
            return
        values = [a["value"] for a in self.nodes[qid][1]["answers"]]
        wanted = condition["is"] if "is" in condition else condition["in"]
        for value in wanted if isinstance(wanted, list) else [wanted]:
            if value not in values:
                self.ctx.add(mark, f"question '{qid}' has no answer '{value}'{hint(value, values)}")

    def check_graph(self):
        """Every step reachable, no loops, and every fact asked before a check reads it."""
        flow = self.flow
        start = flow["start"]
        order, state, loop_reported = [], {}, False
        stack = [(start, iter(self.edges.get(start, [])))]
        state[start] = "open"
        path = [start]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = "done"
                order.append(node)
                continue
            if state.get(child) == "open":
                if not loop_reported:
                    cycle = path[path.index(child) :] + [child]
                    mark = self.edge_marks.get((node, child), self.nodes[node][1].mark)
                    self.ctx.add(mark, f"the interview can loop: {' -> '.join(cycle)}; point one of these steps forward")
                    loop_reported = True
                continue
            if child not in state:
                state[child] = "open"
                path.append(child)
                stack.append((child, iter(self.edges.get(child, []))))
        for node_id, (kind, node) in self.nodes.items():
            if kind == "derived" or node_id in self.after_questions:
                continue
            if node_id not in state:
                what = {"questions": "question", "checks": "check", "outcomes": "outcome"}[kind]
                self.ctx.add(
                    node.mark, f"{what} '{node_id}' is reached by no path from '{start}'; link it from a step or remove it"
                )
        if loop_reported:
            return
        self.check_facts_asked(list(reversed(order)))

    def check_facts_asked(self, topological):
        """A check comparing a fact needs that fact's questions asked on every path to it."""
        asked = {self.flow["start"]: set()}
        for node_id in topological:
            known = asked.get(node_id, set())
            if self.kind(node_id) == "checks":
                for branch in self.nodes[node_id][1]["branches"]:
                    for fact in graph.named(branch["when"], "fact"):
                        missing = [q for q in self.fact_sources(fact) if q not in known]
                        if missing:
                            self.ctx.add(
                                branch.value_mark("when"),
                                f"check '{node_id}' reads '{fact}', but some path here does not ask '{missing[0]}'; ask it before this check",
                            )
            through = known | ({node_id} if self.kind(node_id) == "questions" else set())
            for child in self.edges.get(node_id, []):
                asked[child] = asked[child] & through if child in asked else set(through)

    def fact_sources(self, fact):
        kind, node = self.nodes.get(fact, (None, None))
        if kind == "derived":
            return list(node["days_between"])
        return [fact] if kind == "questions" else []
