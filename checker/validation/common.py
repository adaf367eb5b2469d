"""Shared pieces of the checks of meaning: where problems are collected, and name hints."""

import difflib

__all__ = ["Context", "hint"]


def hint(name, known):
    """'; did you mean X?' for the closest known name, or nothing."""
    match = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean '{match[0]}'?" if match else ""


class Context:
    """What the checks have learned so far (rules, roles, calendars) and the problems found."""

    def __init__(self):
        self.problems = []
        self.rules = {}  # id -> (rule, mark)
        self.roles = None
        self.calendars = []

    def add(self, mark, message):
        self.problems.append(mark.problem(message))
