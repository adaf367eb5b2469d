"""Our own error types; no MkDocs, no PyYAML imports, so every layer can use them."""

__all__ = ["Problem", "RulesError", "UsageError"]


class Problem:
    """One thing wrong with a rules file, at a place a person can open in an editor."""

    def __init__(self, path, line, column, message):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message

    def __str__(self):
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def sort_key(self):
        return (self.path, self.line, self.column, self.message)


class RulesError(Exception):
    """The rules could not be loaded; carries every problem found, not just the first."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(Exception):
    """Bad input from a person (a case file, a command line): one line, exit status 2."""
