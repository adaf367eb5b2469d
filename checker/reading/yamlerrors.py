"""YAML syntax errors explained in the reader's words, at the character that caused them.

PyYAML says what its parser expected ("mapping values are not allowed here") where it gave
up, often a line or a column after the slip. ``explain`` names the slip instead: full-width
punctuation typed by a Chinese input method (``title：``) at its own column, an unclosed
bracket or quote where it was opened, a tab where the indentation starts.
"""

import re

from ..errors import say

__all__ = ["explain"]

# Full-width characters a Chinese input method types for YAML's own punctuation.
FULL_WIDTH = {
    "：": (say("全角冒号", "a full-width colon"), say("半角冒号", "a half-width colon"), ":"),
    "，": (say("全角逗号", "a full-width comma"), say("半角逗号", "a half-width comma"), ","),
    "｛": (say("全角花括号", "a full-width brace"), say("半角花括号", "a half-width brace"), "{"),
    "｝": (say("全角花括号", "a full-width brace"), say("半角花括号", "a half-width brace"), "}"),
    "［": (say("全角方括号", "a full-width bracket"), say("半角方括号", "a half-width bracket"), "["),
    "］": (say("全角方括号", "a full-width bracket"), say("半角方括号", "a half-width bracket"), "]"),
    "\u3000": (say("全角空格", "a full-width space"), say("半角空格", "half-width spaces"), " "),
}
_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# Where a full-width character stands in for YAML's punctuation, not inside Chinese text:
# right after a key, between a flow mapping's items, opening a value, or indenting a line.
_SLIPS = (
    re.compile(rf"^\s*(?:-\s+)?{_KEY}\s*(：)"),
    re.compile(rf"[{{,]\s*{_KEY}\s*(：)"),
    re.compile(rf"(，)\s*{_KEY}\s*[:：]"),
    re.compile(r":\s+([｛［])"),
    re.compile(r"^\s*(\u3000)"),
    re.compile(r"^\s*(?:-\s+)?[^\s:#'\"：]+(：)\s*[\[{［｛]"),  # a key in Chinese (search synonyms)
)


def _full_width(lines, numbers):
    """(line, column, character) of the first full-width slip on the given lines, or None."""
    for number in numbers:
        if 1 <= number <= len(lines):
            found = [m for pattern in _SLIPS if (m := pattern.search(lines[number - 1]))]
            if found:
                first = min(found, key=lambda m: m.start(1))
                return number, first.start(1) + 1, first.group(1)
    return None


def _end_of(lines, number):
    """The column just after the last character of a line, where a closing mark is missing."""
    text = lines[number - 1] if 1 <= number <= len(lines) else ""
    return len(text.split(" #")[0].rstrip()) + 1


# A key followed by its value without the colon between them: `title {zh: …, en: …}`.
_KEY_WITHOUT_COLON = re.compile(rf"^\s*(?:-\s+)?({_KEY})\s+[{{\[]")

# PyYAML's messages that are right about the place: (pattern, message for what it matched).
_AT_THE_PLACE = (
    (
        r"found character '(\\t)' that cannot start any token",
        lambda _: say("YAML 不能用制表符（`Tab` 键）缩进；请改用空格", "YAML cannot indent with a tab; use spaces"),
    ),
    (
        r"found character '(.)' that cannot start any token",
        lambda char: say(
            f"值不能以 '{char}' 开头；请给整个值加上引号", f"a value cannot start with '{char}'; quote the whole value"
        ),
    ),
    (
        r"found unknown escape character '?(.+?)'?$",
        lambda char: say(
            f"双引号里的 `\\{char}` 不是有效的转义；请写成 `\\\\{char}`，或改用单引号",
            f"\\{char} is not an escape YAML knows in double quotes; write \\\\{char} or use single quotes",
        ),
    ),
)


def _unclosed_quote(lines, number):
    """The column of a line's last double quote when the line has an odd number of them."""
    text = lines[number - 1] if 1 <= number <= len(lines) else ""
    quotes = [m.start() for m in re.finditer(r'(?<!\\)"', text)]
    return quotes[-1] + 1 if len(quotes) % 2 else None


def _explained(what, problem, context, lines):
    """(line, column, Text) for PyYAML's ``what`` at the marks ``problem`` and ``context``
    ((line, column), 1-based, or None); None when the message is not one we know."""
    line, column = problem
    key = (
        _KEY_WITHOUT_COLON.match(lines[line - 1])
        if what == "mapping values are not allowed here" and line <= len(lines)
        else None
    )
    if key:
        return (
            line,
            key.end(1) + 1,
            say(
                f"键 '{key.group(1)}' 后面缺少冒号；请写成 `{key.group(1)}: `（冒号后面空一格）",
                f"the key '{key.group(1)}' has no colon after it; write '{key.group(1)}: ' (a space after the colon)",
            ),
        )
    if what == "mapping values are not allowed here":
        return (
            line,
            column,
            say(
                "这里不能再有冒号 ':'（一行只写一个「键: 值」）；值里有冒号时请给整个值加上引号，否则请检查缩进",
                "a colon ':' is not allowed here (one 'key: value' per line); "
                "quote the whole value if it holds a colon, else check the indentation",
            ),
        )
    if what == "could not find expected ':'" and context:
        return (
            context[0],
            _end_of(lines, context[0]),
            say(
                "这一行缺少冒号 ':'；请写成 `键: 值`（冒号后面空一格），或检查上一行的引号和括号是否闭合",
                "this line has no colon ':'; write 'key: value' (a space after the colon), "
                "or check that quotes and brackets above are closed",
            ),
        )
    found = re.match(r"expected ',' or '([}\]])', but got", what)
    quote = _unclosed_quote(lines, context[0]) if found and context else None
    if quote is not None:
        return (
            context[0],
            quote,
            say(
                "这个引号没有闭合，后面的括号和逗号都被当成了文字；请在值的末尾补上同样的引号",
                "this quote is not closed, so the brackets and commas after it read as text; "
                "add the same quote at the end of the value",
            ),
        )
    if found and context:
        closing = found.group(1)
        opening = "{" if closing == "}" else "["
        return (
            context[0],
            _end_of(lines, context[0]),
            say(
                f"第 {context[0]} 行第 {context[1]} 列的 '{opening}' 没有闭合；请在这一项的末尾补上 '{closing}'，各项之间用半角逗号 ','",
                f"the '{opening}' at line {context[0]} column {context[1]} is not closed; "
                f"add '{closing}' at the end of this item, and separate items with a half-width comma ','",
            ),
        )
    if what == "found unexpected end of stream" and context:
        return (
            context[0],
            context[1],
            say(
                "这里开始的引号一直没有闭合；请在值的末尾补上同样的引号",
                "the quote that starts here is never closed; add the same quote at the end of the value",
            ),
        )
    for pattern, message in _AT_THE_PLACE:
        found = re.match(pattern, what)
        if found:
            return line, column, message(found.group(1))
    if what.startswith("expected <block end>") or what.startswith("did not find expected"):
        return (
            line,
            column,
            say(
                "缩进不对，或上一项没有写完；请让这一行和同一层的键对齐（用空格），引号后面不要再写文字",
                "the indentation is off, or the item above is unfinished; line this up with its siblings "
                "(spaces only), and write nothing after a closing quote",
            ),
        )
    return None


def explain(error, text):
    """(line, column, Text) for a PyYAML MarkedYAMLError in ``text``, in both languages."""
    lines = text.splitlines()

    def place(mark):
        return (mark.line + 1, mark.column + 1) if mark is not None else None

    problem, context = place(error.problem_mark), place(error.context_mark)
    problem = problem or context or (1, 1)
    nearby = sorted({problem[0], problem[0] - 1} | ({context[0]} if context else set()))
    slip = _full_width(lines, [n for n in range(min(nearby), problem[0] + 1)])
    if slip is not None:
        line, column, char = slip
        name, plain, ascii_char = FULL_WIDTH[char]
        shown = "' '" if char == "\u3000" else f"'{ascii_char}'"
        return (
            line,
            column,
            say(
                f"这里是{name.zh} '{char}'，YAML 不认；请改用{plain.zh} {shown}",
                f"this is {name.en} '{char}', which YAML does not read; use {plain.en} {shown}",
            ),
        )
    what = error.problem or error.context or ""
    explained = _explained(what, problem, context, lines)
    if explained is not None:
        return explained
    return (
        problem[0],
        problem[1],
        say(
            "YAML 写法有误；请检查这里和上一行的冒号、引号、括号与缩进",
            f"YAML syntax error: {what or 'invalid YAML'}; check the colons, quotes, brackets and indentation here and above",
        ),
    )
