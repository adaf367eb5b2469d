"""Walk a flow: from the answers so far, the next question or the final decision.

Plain Python that runs unchanged on CPython and MicroPython: no dataclasses, typing,
enum or __future__; the rules arrive as a plain bundle (dicts and lists, as from JSON).
MicroPython's dicts do not keep insertion order, so nothing here relies on it.
"""

from . import graph
from .choices import answer_label, chosen
from .dates import format_datetime, parse_date, parse_datetime
from .decision import build_decision
from .numbers import parse_number

QUESTION = "question"
DECISION = "decision"


class AnswerError(Exception):
    """An answer the flow cannot use; carries the question id and a message for people."""

    def __init__(self, question_id, message):
        super().__init__(message)
        self.question_id = question_id
        self.message = message


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


def normalise_answer(question, raw):
    """Check one raw answer (text from a form, a case file or a URL) and return its value."""
    kind = question["kind"]
    qid = question["id"]
    if raw is None or raw == "":
        raise AnswerError(qid, "no answer given for '%s'" % qid)
    if kind == "choice":
        value = str(raw)
        values = [answer["value"] for answer in question["answers"]]
        if value not in values:
            raise AnswerError(qid, "'%s' is not an answer to '%s'; choose one of: %s" % (_shown(value), qid, ", ".join(values)))
        return value
    if kind == "date":
        if parse_date(str(raw)) is None:
            raise AnswerError(qid, "'%s' is not a date for '%s'; write it as YYYY-MM-DD" % (_shown(raw), qid))
        return str(raw)
    if kind == "datetime":
        minute = parse_datetime(str(raw))
        if minute is None:
            raise AnswerError(qid, "'%s' is not a date and time for '%s'; write it as YYYY-MM-DDTHH:MM" % (_shown(raw), qid))
        return format_datetime(minute)
    if isinstance(raw, bool):
        raise AnswerError(qid, "'%s' needs a number, not %s" % (qid, raw))
    if isinstance(raw, (int, float)):
        number = raw
    else:
        number, reason = parse_number(raw)
        if reason is not None:
            raise AnswerError(qid, "'%s' is not a number for '%s'; %s" % (_shown(raw), qid, reason))
    if number != number or number in (float("inf"), float("-inf")):
        raise AnswerError(qid, "'%s' is not a number for '%s'" % (_shown(raw), qid))
    if "min" in question and number < question["min"]:
        raise AnswerError(qid, "'%s' must be at least %s, not %s" % (qid, _number(question["min"]), _number(number)))
    if "max" in question and number > question["max"]:
        raise AnswerError(qid, "'%s' must be at most %s, not %s" % (qid, _number(question["max"]), _number(number)))
    return _number(number)


def _shown(raw):
    """An answer as quoted back in a message: long typing is cut, not echoed whole."""
    text = str(raw)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value):
    """Whole numbers as int, so 24 and 24.0 compare and print the same everywhere."""
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


class _Walk:
    """One pass through the flow with a given set of answers."""

    def __init__(self, flow, raw_answers):
        self.flow = flow
        self.raw = raw_answers
        self.answers = {}
        self.facts = {}
        self.trace = []

    def answer(self, question):
        qid = question["id"]
        if qid in self.answers:
            return self.answers[qid]
        if qid not in self.raw:
            return None
        value = normalise_answer(question, self.raw[qid])
        if "not_before" in question:
            other = question["not_before"]
            earlier = self.answers.get(other)
            if earlier is not None and _order_key(question["kind"], value) < _order_key(question["kind"], earlier):
                raise AnswerError(qid, "'%s' (%s) is before '%s' (%s); it cannot come first" % (qid, value, other, earlier))
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
                return self.flow.param(operand["param"])
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
                raise AnswerError(node_id, "the flow did not finish; validate the rules")
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


def _order_key(kind, value):
    return parse_date(value) if kind == "date" else parse_datetime(value)


def step(bundle, flow_id, answers, flow=None):
    """The next thing to show for these answers.

    ``answers`` maps question ids to raw values; answers to questions the path does not
    reach are ignored. Returns ``{"type": "question", ...}`` or ``{"type": "decision", ...}``.
    Raises AnswerError for an answer that cannot be used, naming its question.
    """
    flow = flow or Flow(bundle, flow_id)
    walk = _Walk(flow, answers)
    question, outcome = walk.run()
    if question is None:
        question = walk.after_questions(outcome)
    if question is not None:
        return {"type": QUESTION, "flow": flow.id, "question": question, "answers": walk.answers, "trace": walk.trace}
    return {"type": DECISION, "flow": flow.id, "decision": build_decision(flow, walk, outcome)}
