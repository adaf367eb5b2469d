"""The decision engine: pure functions over the rules bundle, for CPython and MicroPython.

Public API: ``step(bundle, flow_id, answers)`` returns the next question or the decision;
``AnswerError`` names the question whose answer cannot be used.
"""

from .interview import AnswerError, Flow, UnknownFlow, normalise_answer, step

__all__ = ["AnswerError", "Flow", "UnknownFlow", "normalise_answer", "step"]
