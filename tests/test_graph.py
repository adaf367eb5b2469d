"""The flow-graph module: one index, one edge list, one walker of the condition grammar."""

from checker.engine import graph

FLOW = {
    "start": "q1",
    "questions": [
        {"id": "q1", "why": "R5", "kind": "choice", "answers": [{"value": "a", "next": "c1"}, {"value": "b", "next": "done"}]},
        {"id": "d1", "why": "R5", "kind": "date", "next": "c1"},
        {"id": "late", "why": None, "kind": "choice", "answers": [{"value": "y"}]},
    ],
    "checks": [
        {
            "id": "c1",
            "branches": [{"when": {"fact": "gap", "gt": {"param": "R1.days"}}, "rule": "R1", "next": "done"}],
            "otherwise": {"rule": "R2", "next": "done"},
        }
    ],
    "derived": [{"id": "gap", "days_between": ["d1", "d1"], "count_from": {"param": "R3.count"}}],
    "outcomes": [{"id": "done", "rules": ["R4"], "status": "eligible"}],
    "after": [{"ask": "late", "when": {"status": ["eligible"]}}],
}


def test_refs_walks_every_form():
    condition = {
        "all": [
            {"answer": "q1", "is": "a"},
            {"not": {"fact": "gap", "le": {"fact": "other"}}},
            {"any": [{"status": ["pending"]}, {"fact": "gap", "eq": {"param": "R9.limit"}}]},
        ]
    }
    assert list(graph.refs(condition)) == [
        ("answer", "q1"),
        ("fact", "gap"),
        ("fact", "other"),
        ("status", "pending"),
        ("fact", "gap"),
        ("param", "R9.limit"),
    ]
    assert graph.named(condition, "fact") == ["gap", "other"]
    assert graph.param_rules(condition) == ["R9"]


def test_edges_reachability_and_step_order():
    assert graph.successors("questions", FLOW["questions"][0]) == ["c1", "done"]
    assert graph.successors("checks", FLOW["checks"][0]) == ["done", "done"]
    assert graph.reachable(FLOW) == {"q1", "c1", "done"}
    assert "d1" not in graph.reachable(FLOW)
    assert graph.step_order(FLOW) == ["q1", "c1", "late"]
    narrowed = graph.reachable(FLOW, lambda kind, node: graph.successors(kind, node)[1:])
    assert narrowed == {"q1", "done"}


def test_index_keeps_the_first_of_a_repeated_id():
    flow = {"questions": [{"id": "x", "n": 1}], "checks": [{"id": "x", "n": 2}]}
    assert graph.index(flow)["x"] == ("questions", {"id": "x", "n": 1})


def test_rules_used_names_every_rule():
    assert graph.rules_used(FLOW) == {"R1", "R2", "R3", "R4", "R5"}
