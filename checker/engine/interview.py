"""Walk a flow: from the answers so far, the next question or the final decision.

Plain Python that runs unchanged on CPython and MicroPython: no dataclasses, typing,
enum or __future__; the rules arrive as a plain bundle (dicts and lists, as from JSON).
MicroPython's dicts do not keep insertion order, so nothing here relies on it.
"""

from . import graph
from .answering import AnswerError, check_order, check_when, normalise_answer
from .choices import answer_label, chosen
from .dates import parse_date
from .decision import build_decision
from .versions import case_day, rules_on

QUESTION = "question"
DECISION = "decision"


class UnknownFlow(Exception):
    pass


class Flow:
    """Indexes over one flow of the bundle, built once and reused for every step."""

    def __init__(self, bundle, flow_id):
        if flow_id not in bundle["flows"]:
            raise UnknownFlow(flow_id)
        self.bundle = bundle
        self.data = bundle["flows"][flow_id]
        self.id = flow_id
        self.questions = graph.by_id(self.data, "questions")
        self.checks = graph.by_id(self.data, "checks")
        self.outcomes = graph.by_id(self.data, "outcomes")
        self.derived = graph.by_id(self.data, "derived")

    def param(self, reference):
        rule_id, key = reference.split(".", 1)
        return self.bundle["rules"][rule_id]["params"][key]


class _Walk:
    """One pass through the flow with a given set of answers."""

    def __init__(self, flow, raw_answers, today=None):
        self.flow = flow
        self.raw = raw_answers
        self.today = today
        self.answers = {}
        self.facts = {}
        self.trace = []
        self._rules = {}

    def day(self):
        """The case's date (its flow's ``dated_by`` answer), else today, else None."""
        return case_day(self.flow.data, self.answers) or (str(self.today)[:10] if self.today else None)

    def rules(self):
        """The rules as they read on the case's date (dated versions applied)."""
        day = self.day()
        if day not in self._rules:
            self._rules[day] = rules_on(self.flow.bundle["rules"], day)
        return self._rules[day]

    def param(self, reference):
        rule_id, key = reference.split(".", 1)
        return self.rules()[rule_id]["params"][key]

    def answer(self, question):
        qid = question["id"]
        if qid in self.answers:
            return self.answers[qid]
        if qid not in self.raw:
            return None
        value = normalise_answer(question, self.raw[qid])
        if question["kind"] in ("date", "datetime"):
            check_when(question, value, self.flow.bundle.get("calendar"), self.today)
        if "not_before" in question:
            other = question["not_before"]
            earlier = self.answers.get(other)
            if earlier is not None:
                check_order(question, value, self.flow.questions[other], earlier)
        self.answers[qid] = value
        entry = {"step": qid, "type": "question", "rule": question["why"], "answer": value}
        if question["kind"] == "choice":
            entry["label"] = answer_label(question, value)
        self.trace.append(entry)
        return value

    def fact(self, name):
        if name in self.facts:
            return self.facts[name]
        if name in self.flow.derived:
            derived = self.flow.derived[name]
            first, second = derived["days_between"]
            start, end = parse_date(self.answers[first]), parse_date(self.answers[second])
            value = end - start
            count_from = derived.get("count_from")
            if count_from is not None and self.operand(count_from) == "signoff_day":
                value += 1
            self.facts[name] = value
            self.trace.append({"step": name, "type": "derived", "value": value, "title": derived["title"]})
            return value
        return self.answers.get(name)

    def operand(self, operand):
        if isinstance(operand, dict):
            if "param" in operand:
                return self.param(operand["param"])
            return self.fact(operand["fact"])
        return operand

    def holds(self, condition, status=None):
        if "answer" in condition:
            value = self.answers.get(condition["answer"])
            if "is" in condition:
                return value == condition["is"]
            return value in condition["in"]
        if "fact" in condition:
            left = self.fact(condition["fact"])
            for op in ("lt", "le", "gt", "ge", "eq"):
                if op in condition:
                    right = self.operand(condition[op])
                    if left is None or right is None:
                        return False
                    if op == "lt":
                        return left < right
                    if op == "le":
                        return left <= right
                    if op == "gt":
                        return left > right
                    if op == "ge":
                        return left >= right
                    return left == right
        if "status" in condition:
            return status in condition["status"]
        if "all" in condition:
            for item in condition["all"]:
                if not self.holds(item, status):
                    return False
            return True
        if "any" in condition:
            for item in condition["any"]:
                if self.holds(item, status):
                    return True
            return False
        if "not" in condition:
            return not self.holds(condition["not"], status)
        return False

    def run(self):
        """Return (question to ask, None) or (None, outcome)."""
        node_id = self.flow.data["start"]
        steps = 0
        while True:
            steps += 1
            if steps > 1000:
                raise AnswerError(
                    node_id, {"zh": "流程没有结束；请先验证规则", "en": "the flow did not finish; validate the rules"}
                )
            if node_id in self.flow.outcomes:
                return None, self.flow.outcomes[node_id]
            if node_id in self.flow.checks:
                node_id = self.decide(self.flow.checks[node_id])
                continue
            question = self.flow.questions[node_id]
            value = self.answer(question)
            if value is None:
                return question, None
            node_id = chosen(question, value)["next"] if question["kind"] == "choice" else question["next"]

    def decide(self, check):
        for branch in check["branches"]:
            if self.holds(branch["when"]):
                self.trace.append({"step": check["id"], "type": "check", "rule": branch["rule"], "result": True})
                return branch["next"]
        otherwise = check["otherwise"]
        self.trace.append({"step": check["id"], "type": "check", "rule": otherwise["rule"], "result": False})
        return otherwise["next"]

    def after_questions(self, outcome):
        for item in self.flow.data.get("after", []):
            if self.holds(item["when"], outcome["status"]):
                question = self.flow.questions[item["ask"]]
                if self.answer(question) is None:
                    return question
        return None


def step(bundle, flow_id, answers, flow=None, today=None):
    """The next thing to show for these answers.

    ``answers`` maps question ids to raw values; answers to questions the path does not
    reach are ignored. ``today`` ('YYYY-MM-DD', from the caller's clock; None = no check)
    refuses dates after it on questions marked ``not_after: today``. Returns ``{"type": "question", ...}`` or ``{"type": "decision", ...}``.
    Raises AnswerError for an answer that cannot be used, naming its question.
    """
    flow = flow or Flow(bundle, flow_id)
    walk = _Walk(flow, answers, today)
    question, outcome = walk.run()
    if question is None:
        question = walk.after_questions(outcome)
    if question is not None:
        result = {"type": QUESTION, "flow": flow.id, "question": question, "answers": walk.answers, "trace": walk.trace}
        result["day"] = walk.day()  # the day its rules are read on: the case's date, else today
        return result
    return {"type": DECISION, "flow": flow.id, "decision": build_decision(flow, walk, outcome)}
