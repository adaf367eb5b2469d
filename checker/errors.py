"""Our own error types; no MkDocs, no PyYAML imports, so every layer can use them.

Messages for people come in both languages, Chinese first: each check writes its message as
``say(zh, en)`` where it finds the problem, and whoever prints it picks the language.
"""

import difflib
import errno

from .engine.answering import LANGS

__all__ = [
    "Problem",
    "RulesError",
    "Text",
    "UsageError",
    "closest",
    "hint",
    "listing",
    "one_line",
    "os_reason",
    "say",
    "unknown_rule",
    "LANGS",
]


class Text:
    """One message in Chinese and English; ``str()`` is the Chinese, ``+`` joins both halves."""

    __slots__ = ("zh", "en")

    def __init__(self, zh, en):
        self.zh, self.en = zh, en

    @classmethod
    def of(cls, value):
        """A Text from a Text, a {"zh", "en"} pair (the engine's form) or plain words for both."""
        if isinstance(value, Text):
            return value
        if isinstance(value, dict):
            return cls(value["zh"], value["en"])
        return cls(str(value), str(value))

    def __getitem__(self, lang):
        if lang not in LANGS:
            raise KeyError(lang)
        return self.en if lang == "en" else self.zh

    __iter__ = None  # not a sequence of characters: ask for text["zh"] or text["en"]

    def __add__(self, other):
        other = Text.of(other)
        return Text(self.zh + other.zh, self.en + other.en)

    def __bool__(self):
        return bool(self.zh or self.en)

    def __eq__(self, other):
        return isinstance(other, Text) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self):
        return hash((self.zh, self.en))

    def __str__(self):
        return self.zh

    def __repr__(self):
        return f"say({self.zh!r}, {self.en!r})"


def say(zh, en):
    """A message for people: the Chinese, then the same in English."""
    return Text(zh, en)


def closest(name, known):
    """The known name closest to ``name`` (a likely typo of it), or None."""
    match = difflib.get_close_matches(str(name), [str(k) for k in known], n=1)
    return match[0] if match else None


def hint(name, known, otherwise=None):
    """'Did you mean X?' for the closest known name; else ``otherwise`` (a Text) or nothing.

    Starts with the separator (；/ ;), so it goes right after what is wrong."""
    match = closest(name, known)
    if match is not None:
        return say(f"；是不是想写 '{match}'？", f"; did you mean '{match}'?")
    return otherwise or say("", "")


def one_line(text):
    """``text`` on one line: a line break or other control character quoted from a file, a
    path or a value shows as its escape (``\\n``), so a message stays one line."""
    return "".join(repr(ch)[1:-1] if ch < " " or ch in _LINE_BREAKING else ch for ch in str(text))


_LINE_BREAKING = "\x7f\x85\u2028\u2029"  # besides the ASCII controls: DEL and what splitlines() breaks at


_OS_REASONS = {
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EDQUOT: ("磁盘配额已用完", "the disk quota is used up"),
    errno.EFBIG: ("超过了文件大小限制", "over the file-size limit"),
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("没有权限", "permission denied"),
    errno.EBADF: ("输出已关闭", "the output is closed"),
    errno.EROFS: ("文件系统是只读的", "the file system is read-only"),
    errno.EIO: ("输入输出错误", "input/output error"),
}


def os_reason(error):
    """Why the system refused a read or write (an OSError), as a Text."""
    zh, en = _OS_REASONS.get(error.errno, (error.strerror or str(error),) * 2)
    return say(zh, en)


def listing(items):
    """Names in a row: 'a、b、c' in Chinese, 'a, b, c' in English."""
    items = [str(item) for item in items]
    return say("、".join(items), ", ".join(items))


class Problem:
    """One thing wrong with a rules file, at a place a person can open in an editor.

    ``message`` is a Text (a {"zh", "en"} pair or plain words are taken too). ``about`` is the
    rule id a problem says is defined nowhere, so that its mentions can be reported as one."""

    about = None

    def __init__(self, path, line, column, message):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = Text.of(message)

    def text(self, lang="zh"):
        """The message alone, in ``lang``."""
        return self.message[lang]

    def render(self, lang="zh"):
        """``path:line:col: what is wrong; what to do`` in ``lang``."""
        return one_line(f"{self.path}:{self.line}:{self.column}: {self.message[lang]}")

    def __str__(self):
        return self.render("zh")

    def sort_key(self):
        # The English text orders problems at one place, so both languages list them alike.
        return (self.path, self.line, self.column, self.message.en)


def unknown_rule(mark, rule_id, known, otherwise=None):
    """The problem at ``mark`` of a rule id no rules file defines (``known``: the ids that are)."""
    problem = mark.problem(say(f"没有规则 {rule_id}", f"unknown rule {rule_id}") + hint(rule_id, known, otherwise))
    problem.about = rule_id
    return problem


class RulesError(Exception):
    """The rules could not be loaded; carries every problem found, not just the first."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(self.lines("zh")))

    def lines(self, lang="zh"):
        """Each problem as one line in ``lang``."""
        return [problem.render(lang) for problem in self.problems]


class UsageError(Exception):
    """Bad input from a person (a case file, a command line): one line, exit status 2.

    ``message`` is a Text (plain words are taken too); ``str()`` is the Chinese."""

    def __init__(self, message):
        self.message = Text.of(message)
        super().__init__(str(self.message))
