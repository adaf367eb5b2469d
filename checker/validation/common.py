"""Shared pieces of the checks of meaning: where problems are collected."""

__all__ = ["Context"]


class Context:
    """What the checks have learned so far (rules, roles, sources, calendars) and the problems found."""

    def __init__(self):
        self.problems = []
        self.rules = {}  # id -> (rule, mark)
        self.roles = None
        self.sources = None  # source id -> mark, once the shop file is read
        self.calendars = []
        self.note_names = set()  # what a flag note may fill in (validation.outcomes.note_names)

    def add(self, mark, message):
        """Record a problem at ``mark``; ``message`` is a ``say(zh, en)`` Text."""
        self.problems.append(mark.problem(message))
