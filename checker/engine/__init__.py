"""The decision engine: pure functions over the rules bundle, for CPython and MicroPython.

Public API: ``step(bundle, flow_id, answers, today=None)`` returns the next question or the
decision; ``AnswerError`` names the question whose answer cannot be used and says why in zh and en.
"""

from .answering import AnswerError, normalise_answer
from .interview import Flow, UnknownFlow, step

__all__ = ["AnswerError", "Flow", "UnknownFlow", "normalise_answer", "step"]
