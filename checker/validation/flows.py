"""One interview's shape: references, reachability, loops, and facts read before they are asked.

Conditions are checked by ``conditions``, each outcome's references by ``outcomes``."""

from ..engine import graph
from ..errors import hint, say, unknown_rule
from .answers import check_question_options
from .conditions import check_condition, operand
from .missing import Missing
from .outcomes import check_outcome

__all__ = ["FlowChecker"]

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
                ctx.add(
                    node.value_mark("id"),
                    say(
                        f"'{node['id']}' 已经在 {first} 定义过；同一流程里的编号不能重复",
                        f"'{node['id']}' is already defined at {first}; ids in a flow must be unique",
                    ),
                )
            else:
                self.nodes[node["id"]] = (kind, node)
        self.after_questions = {item["ask"] for item in flow.get("after", [])}
        self.said_questions = {}  # (outcome id, question id) -> where a script names the question
        self.missing = Missing()

    def unknown(self, name, mark, message, known, source=None):
        """``name`` at ``mark`` is not what it should be (``message``); reported here when the
        flow has a step of that id, else once for all its places (see ``missing``)."""
        if name in self.nodes:
            self.ctx.add(mark, message + hint(name, known))
        else:
            self.missing.named(name, mark, message, known, source)

    def kind(self, node_id):
        return self.nodes.get(node_id, (None, None))[0]

    def rule_ref(self, node, key, value=None, mark=None):
        value = node[key] if value is None else value
        if value not in self.ctx.rules:
            self.ctx.problems.append(unknown_rule(mark or node.value_mark(key), value, self.ctx.rules))
            return None
        return self.ctx.rules[value][0]

    def next_ref(self, holder, source, key="next"):
        """Check a step's `next`; remember where the edge is written, to report a loop there."""
        target = holder[key]
        self.edge_marks[(source, target)] = holder.value_mark(key)
        if self.kind(target) not in ("questions", "checks", "outcomes"):
            known = [k for k, v in self.nodes.items() if v[0] != "derived"]
            flow_id = self.flow["id"]
            message = say(
                f"'{target}' 不是流程 '{flow_id}' 里的问题、判断或结果",
                f"'{target}' is not a question, check or outcome of flow '{flow_id}'",
            )
            self.unknown(target, holder.value_mark(key), message, known, source)
            return None
        if target in self.after_questions:
            self.ctx.add(
                holder.value_mark(key),
                say(
                    f"'{target}' 是出结果后才问的（在 'after' 里）；它不能同时是一个步骤",
                    f"'{target}' is asked after the outcome (in 'after'); it cannot also be a step",
                ),
            )
        return target

    def run(self):
        flow = self.flow
        if self.kind(flow["start"]) not in ("questions", "checks"):
            start = flow["start"]
            self.ctx.add(
                flow.value_mark("start"),
                say(f"start '{start}' 不是这个流程里的问题或判断", f"start '{start}' is not a question or check of this flow"),
            )
        clock = flow.get("deadlines_from")
        if clock is not None and (self.kind(clock) != "questions" or self.nodes[clock][1]["kind"] != "datetime"):
            self.ctx.add(
                flow.value_mark("deadlines_from"),
                say(
                    f"deadlines_from '{clock}' 必须是这个流程里的 datetime 问题",
                    f"deadlines_from '{clock}' must be a datetime question of this flow",
                ),
            )
        if clock is None and any(o.get("deadlines") for o in flow["outcomes"]):
            self.ctx.add(
                flow.mark,
                say(
                    "结果里有期限，但流程没有 'deadlines_from'；请写上期限从哪个 datetime 问题开始算",
                    "outcomes have deadlines but the flow has no 'deadlines_from'; name the datetime question they count from",
                ),
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
            check_outcome(self, outcome)
        for item in flow.get("after", []):
            if self.kind(item["ask"]) != "questions":
                ask = item["ask"]
                self.ctx.add(
                    item.value_mark("ask"), say(f"'{ask}' 不是这个流程里的问题", f"'{ask}' is not a question of this flow")
                )
            check_condition(self, item["when"], item.value_mark("when"), allow_status=True)
        for item in flow.get("escalations", []):
            self.rule_ref(item, "rule")
            check_condition(self, item["when"], item.value_mark("when"), allow_status=True)
        self.check_graph()

    def check_question(self, question):
        qid = question["id"]
        self.rule_ref(question, "why")
        is_after = qid in self.after_questions
        targets = []
        if question["kind"] == "choice":
            if "answers" not in question:
                self.ctx.add(
                    question.mark,
                    say(f"选择题 '{qid}' 没有答案；请至少加两个", f"choice question '{qid}' has no answers; add at least two"),
                )
                return
            if "next" in question:
                self.ctx.add(
                    question.key_mark("next"),
                    say(
                        f"选择题 '{qid}' 按每个答案的 'next' 走向下一步；请删掉这个 'next'",
                        f"choice question '{qid}' routes by each answer's 'next'; remove this one",
                    ),
                )
            seen = set()
            for answer in question["answers"]:
                if answer["value"] in seen:
                    value = answer["value"]
                    self.ctx.add(
                        answer.value_mark("value"),
                        say(
                            f"答案 '{value}' 在问题 '{qid}' 里出现了两次；只保留一个",
                            f"answer '{value}' appears twice in question '{qid}'",
                        ),
                    )
                seen.add(answer["value"])
                if is_after:
                    if "next" in answer:
                        self.ctx.add(
                            answer.key_mark("next"),
                            say(
                                f"问题 '{qid}' 是出结果后才问的，它的答案不通向任何步骤；请删掉 'next'",
                                f"question '{qid}' is asked after the outcome; its answers lead nowhere, remove 'next'",
                            ),
                        )
                elif "next" not in answer:
                    self.ctx.add(
                        answer.mark,
                        say(
                            f"问题 '{qid}' 的答案 '{answer['value']}' 没有下一步；请给它写上 'next'",
                            f"answer '{answer['value']}' of question '{qid}' is handled by no branch; give it a 'next'",
                        ),
                    )
                else:
                    targets.append(self.next_ref(answer, qid))
        else:
            if "answers" in question:
                self.ctx.add(
                    question.key_mark("answers"),
                    say(
                        f"{question['kind']} 问题 '{qid}' 是直接填写的，不用列答案；请删掉 answers，或改成选择题",
                        f"{question['kind']} question '{qid}' takes a typed value, not answers; remove them or make it a choice",
                    ),
                )
            if is_after:
                self.ctx.add(
                    question.mark,
                    say(f"出结果后才问的问题 '{qid}' 必须是选择题", f"question '{qid}' asked after the outcome must be a choice"),
                )
            elif "next" not in question:
                self.ctx.add(
                    question.mark,
                    say(
                        f"问题 '{qid}' 没有 'next'；请写明它之后是哪一步",
                        f"question '{qid}' has no 'next'; say which step follows it",
                    ),
                )
            else:
                targets.append(self.next_ref(question, qid))
        check_question_options(self, question)
        self.edges[qid] = [t for t in targets if t]

    def check_check(self, check):
        targets = []
        for branch in check["branches"]:
            self.rule_ref(branch, "rule")
            check_condition(self, branch["when"], branch.value_mark("when"))
            targets.append(self.next_ref(branch, check["id"]))
        otherwise = check["otherwise"]
        self.rule_ref(otherwise, "rule")
        targets.append(self.next_ref(otherwise, check["id"]))
        self.edges[check["id"]] = [t for t in targets if t]

    def check_derived(self, derived):
        for index, source in enumerate(derived["days_between"]):
            mark = derived["days_between"].item_mark(index)
            if self.kind(source) != "questions" or self.nodes[source][1]["kind"] != "date":
                dates = [k for k, v in self.nodes.items() if v[0] == "questions" and v[1]["kind"] == "date"]
                message = say(
                    f"days_between 只能用 date 问题；'{source}' 不是 date 问题",
                    f"days_between needs date questions; '{source}' is not one",
                )
                self.unknown(source, mark, message, dates)
        if "count_from" in derived:
            value = operand(self, derived["count_from"], derived.value_mark("count_from"))
            if value is not None and value not in COUNT_FROM:
                self.ctx.add(
                    derived.value_mark("count_from"),
                    say(
                        f"count_from 写的是 '{value}'；请用 next_day 或 signoff_day",
                        f"count_from is '{value}'; use next_day or signoff_day",
                    ),
                )

    def check_graph(self):
        """Every step reachable, no loops, and every fact asked before a check reads it."""
        flow = self.flow
        start = flow["start"]
        targeted = {target for targets in self.edges.values() for target in targets}
        orphans = [
            node_id
            for node_id, (kind, _) in self.nodes.items()
            if kind != "derived" and node_id not in targeted | self.after_questions | {start}
        ]
        self.renamed = self.missing.report(self, orphans)
        flow.missing_ids = set(self.missing.places)  # the scenarios' answers to them are knock-on
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
                    loop = " -> ".join(cycle)
                    self.ctx.add(
                        mark,
                        say(
                            f"问答会绕圈：{loop}；请让其中一步指向后面的步骤",
                            f"the interview can loop: {loop}; point one of these steps forward",
                        ),
                    )
                    loop_reported = True
                continue
            if child not in state:
                state[child] = "open"
                path.append(child)
                stack.append((child, iter(self.edges.get(child, []))))
        self.report_unreachable(state)
        if loop_reported:
            return
        self.check_facts_asked(list(reversed(order)))

    def report_unreachable(self, reached):
        """Each step no path reaches, reported where the cut is: at a step nothing leads to,
        counting the steps only it leads to, not at each of those again."""
        start = self.flow["start"]
        lost = [
            node_id
            for node_id, (kind, _) in self.nodes.items()
            if kind != "derived" and node_id not in self.after_questions and node_id not in reached
        ]
        led_to = {target for source in lost for target in self.edges.get(source, [])}
        cuts = [node_id for node_id in lost if node_id not in led_to] or lost
        for node_id in cuts:
            kind, node = self.nodes[node_id]
            what = {"questions": say("问题", "question"), "checks": say("判断", "check"), "outcomes": say("结果", "outcome")}[
                kind
            ]
            after = self.downstream(node_id, set(lost)) if cuts is not lost else 0
            also = say(f"（它之后的 {after} 步也因此走不到）", f" ({after} steps after it are cut off with it)") if after else ""
            self.ctx.add(
                node.mark,
                say(
                    f"从 '{start}' 出发走不到{what.zh} '{node_id}'；请从某一步连到它，或删掉它",
                    f"{what.en} '{node_id}' is reached by no path from '{start}'; link it from a step or remove it",
                )
                + also,
            )

    def downstream(self, node_id, among):
        """How many of ``among`` are reached from ``node_id`` (itself not counted)."""
        seen, queue = set(), list(self.edges.get(node_id, []))
        while queue:
            step_id = queue.pop()
            if step_id in among and step_id not in seen and step_id != node_id:
                seen.add(step_id)
                queue += self.edges.get(step_id, [])
        return len(seen)

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
                                say(
                                    f"判断 '{node_id}' 要用 '{fact}'，但有的路径走到这里时没问过 '{missing[0]}'；请在这个判断之前问它",
                                    f"check '{node_id}' reads '{fact}', but some path here does not ask '{missing[0]}'; "
                                    "ask it before this check",
                                ),
                            )
            through = known | ({node_id} if self.kind(node_id) == "questions" else set())
            for child in self.edges.get(node_id, []):
                asked[child] = asked[child] & through if child in asked else set(through)
        for (outcome_id, qid), mark in self.said_questions.items():
            self.check_said(outcome_id, qid, mark, asked.get(outcome_id, set()))

    def check_said(self, outcome_id, qid, mark, asked):
        """A question an outcome's script names ({qid}) is asked on every path to the outcome,
        and its answers that lead there (all of them, when none does directly) say themselves.
        An outcome reached only through a renamed id is told once, at the rename, not again here."""
        answers = self.nodes[qid][1].get("answers", [])
        there = [a for a in answers if a.get("next") == outcome_id]
        if not there and outcome_id in self.edges.get(qid, []):
            return
        if qid not in asked:
            self.ctx.add(
                mark,
                say(
                    f"结果 '{outcome_id}' 的话术用了 `{{{qid}}}`，但有的路径走到这里时没问过 '{qid}'",
                    f"outcome '{outcome_id}' says {{{qid}}}, but some path there does not ask '{qid}'",
                ),
            )
        for answer in there or answers:
            if "said" not in answer:
                self.ctx.add(
                    answer.mark,
                    say(
                        f"结果 '{outcome_id}' 的话术用了 `{{{qid}}}`，但答案 '{answer['value']}' 没有 `said`；"
                        "请写上话术里怎么说这个回答",
                        f"outcome '{outcome_id}' says {{{qid}}}, but answer '{answer['value']}' has no `said`; "
                        "add how a script says this answer",
                    ),
                )

    def fact_sources(self, fact):
        kind, node = self.nodes.get(fact, (None, None))
        if kind == "derived":  # a missing source is reported once, with its places (see missing)
            sources = [self.renamed.get(q, q) for q in node["days_between"]]
            return [q for q in sources if q not in self.missing or q in self.nodes]
        return [fact] if kind == "questions" else []
