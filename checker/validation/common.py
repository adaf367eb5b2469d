"""Shared pieces of the checks of meaning: where problems are collected."""

__all__ = ["Context"]


class Context:
    """What the checks have learned so far (rules, roles, sources, calendars) and the problems found."""

    def __init__(self, saved=None):
        self.problems = []
        self.saved = saved or {}  # file as shown -> when it was last saved (mtime), for `changed`
        self.rules = {}  # id -> (rule, mark)
        self.roles = None
        self.sources = None  # source id -> mark, once the shop file is read
        self.calendars = []
        self.reported = set()

    def add(self, mark, message):
        """Record a problem at ``mark``; ``message`` is a ``say(zh, en)`` Text."""
        self.problems.append(mark.problem(message))

    def changed(self, first, second):
        """Of two places that clash (an id defined twice), (the one to report at, the other):
        the one in the file saved last, which is the one the editor just changed; in load order
        (the second) when both files were saved together, as in a fresh checkout."""
        if first.path != second.path and self.saved.get(first.path, 0) > self.saved.get(second.path, 0):
            return first, second
        return second, first

    def first_time(self, key):
        """True the first time ``key`` (what a problem is about) is seen: for a problem that
        several places would otherwise each report."""
        if key in self.reported:
            return False
        self.reported.add(key)
        return True
