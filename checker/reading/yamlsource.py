"""Safe YAML loading that remembers where every value came from.

Rules and case files are plain data: no Python tags, no anchors or aliases (which is
also what keeps an alias bomb from expanding), no duplicate keys, no sets or binary, no
nesting past MAX_DEPTH. Scalars follow YAML 1.2: ``yes``/``no``, ``1:30`` and ``0x10``
stay strings instead of silently becoming true, 90 or 16; numbers have at most
MAX_DIGITS digits; dates stay ISO strings so the data is JSON as written.
"""

import os
import re
import stat

import yaml

from ..engine.numbers import MAX_DIGITS
from ..errors import Problem, say
from .yamlerrors import explain

__all__ = ["Mark", "MarkedDict", "MarkedList", "load_yaml_text", "read_text_file", "MAX_FILE_BYTES", "MAX_DEPTH", "MAX_DIGITS"]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 50


class Mark:
    """A 1-based line and column in a file."""

    __slots__ = ("path", "line", "column")

    def __init__(self, path, line, column):
        self.path, self.line, self.column = path, line, column

    @classmethod
    def of(cls, path, yaml_mark):
        return cls(path, yaml_mark.line + 1, yaml_mark.column + 1)

    def problem(self, message):
        return Problem(self.path, self.line, self.column, message)

    def __str__(self):
        return f"{self.path}:{self.line}:{self.column}"


class MarkedDict(dict):
    """A mapping that knows its own place and the place of each key and value."""

    mark = None
    key_marks = None
    value_marks = None

    def key_mark(self, key):
        return self.key_marks.get(key, self.mark)

    def value_mark(self, key):
        return self.value_marks.get(key, self.mark)


class MarkedList(list):
    """A sequence that knows its own place and the place of each item."""

    mark = None
    item_marks = None

    def item_mark(self, index):
        return self.item_marks[index] if index < len(self.item_marks) else self.mark


def marked_copy(value):
    """A copy of parsed data that shares nothing changeable with it: new mappings and lists
    with the same marks (marks are never changed); scalars are kept. Much faster than
    copy.deepcopy on a rules file."""
    if isinstance(value, MarkedDict):
        copied = MarkedDict((key, marked_copy(item)) for key, item in value.items())
        copied.mark, copied.key_marks, copied.value_marks = value.mark, value.key_marks, value.value_marks
        return copied
    if isinstance(value, MarkedList):
        copied = MarkedList(marked_copy(item) for item in value)
        copied.mark, copied.item_marks = value.mark, value.item_marks
        return copied
    if isinstance(value, dict):
        return {key: marked_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [marked_copy(item) for item in value]
    return value


class _ProblemFound(Exception):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


class _RulesLoader(yaml.SafeLoader):
    """SafeLoader with marks, strict keys, and no aliases."""


# YAML 1.2 core scalars: only true/false are booleans, only plain decimals are numbers.
_NOT_1_1 = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _NOT_1_1]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$")
_RulesLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
_RulesLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_RulesLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789"))


def _compose_node(self, parent, index):
    if len(self.nesting) >= MAX_DEPTH:
        raise _ProblemFound(
            Mark.of(self.path, self.peek_event().start_mark).problem(
                say(
                    f"嵌套超过 {MAX_DEPTH} 层；请减少层次，或拆成几个条目",
                    f"nested more than {MAX_DEPTH} levels deep; flatten the structure or split it into several entries",
                )
            )
        )
    self.nesting.append(index)
    try:
        return _compose_plain_node(self, parent, index)
    finally:
        self.nesting.pop()


def _compose_plain_node(self, parent, index):
    if self.check_event(yaml.AliasEvent):
        event = self.peek_event()
        raise _ProblemFound(
            Mark.of(self.path, event.start_mark).problem(
                say(
                    f"规则文件里不能用别名 `*{event.anchor}`；请把这个值完整写出来",
                    f"alias *{event.anchor} is not allowed in rules files; write the value out in full",
                )
            )
        )
    event = self.peek_event()
    if getattr(event, "anchor", None):
        raise _ProblemFound(
            Mark.of(self.path, event.start_mark).problem(
                say(
                    f"规则文件里不能用锚点 `&{event.anchor}`；请把每个值完整写出来",
                    f"anchor &{event.anchor} is not allowed in rules files; write each value out in full",
                )
            )
        )
    return yaml.SafeLoader.compose_node(self, parent, index)


_RulesLoader.compose_node = _compose_node


def _construct_mapping(loader, node):
    result = MarkedDict()
    result.mark = Mark.of(loader.path, node.start_mark)
    result.key_marks, result.value_marks = {}, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_mark = Mark.of(loader.path, key_node.start_mark)
        if not isinstance(key, str):
            raise _ProblemFound(
                key_mark.problem(say(f"键 `{key!r}` 必须是文字；请给它加上引号", f"key {key!r} must be text; quote it"))
            )
        if key in result:
            first = result.key_marks[key]
            raise _ProblemFound(
                key_mark.problem(
                    say(
                        f"键 '{key}' 重复了（第一次在第 {first.line} 行）；只保留其中一个",
                        f"key '{key}' is repeated (first at line {first.line}); keep one of them",
                    )
                )
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_marks[key] = key_mark
        result.value_marks[key] = Mark.of(loader.path, value_node.start_mark)
    return result


def _construct_sequence(loader, node):
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = Mark.of(loader.path, node.start_mark)
    result.item_marks = [Mark.of(loader.path, child.start_mark) for child in node.value]
    return result


def _construct_timestamp(loader, node):
    return loader.construct_scalar(node)


def _number_text(loader, node, pattern, kind, example):
    """The scalar of a number node, refused at its place unless it is plain digits."""
    text = loader.construct_scalar(node)
    where = Mark.of(loader.path, node.start_mark)
    if not isinstance(text, str) or not pattern.match(text):
        raise _ProblemFound(
            where.problem(
                say(
                    f"'{text}' 不是{kind.zh}；只用数字写，例如 {example}",
                    f"'{text}' is not {kind.en}; write it with digits only, like {example}",
                )
            )
        )
    digits = sum(1 for ch in text if ch.isdigit())
    if digits > MAX_DIGITS:
        raise _ProblemFound(
            where.problem(
                say(
                    f"这个数有 {digits} 位，太长了；最多写 {MAX_DIGITS} 位",
                    f"a number of {digits} digits is too long; use at most {MAX_DIGITS} digits",
                )
            )
        )
    return text


def _construct_int(loader, node):
    return int(_number_text(loader, node, _INT, say("整数", "a whole number"), "48"))


def _construct_float(loader, node):
    """Plain decimals only, and finite: the bundle is strict JSON."""
    value = float(_number_text(loader, node, _FLOAT, say("小数", "a decimal number"), "0.5"))
    if value in (float("inf"), float("-inf")):
        where = Mark.of(loader.path, node.start_mark)
        raise _ProblemFound(
            where.problem(
                say(
                    f"'{node.value}' 不是一个有限的数；请写普通的数，例如 7 或 1.5",
                    f"'{node.value}' is not a finite number; write a plain number such as 7 or 1.5",
                )
            )
        )
    return value


def _construct_bool(loader, node):
    text = loader.construct_scalar(node)
    if text not in ("true", "false"):
        raise _ProblemFound(
            Mark.of(loader.path, node.start_mark).problem(
                say(f"'{text}' 既不是 `true` 也不是 `false`；请写其中一个", f"'{text}' is not true or false; write one of them")
            )
        )
    return text == "true"


def _construct_unknown(loader, node):
    raise _ProblemFound(
        Mark.of(loader.path, node.start_mark).problem(
            say(
                f"规则文件里不能用标签 `{node.tag}`；请去掉它，只写普通数据",
                f"tag {node.tag} is not allowed in rules files; remove it and write plain data",
            )
        )
    )


_RulesLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_RulesLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_RulesLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_RulesLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_RulesLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_RulesLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
for _tag in ("binary", "set", "omap", "pairs"):
    _RulesLoader.add_constructor("tag:yaml.org,2002:" + _tag, _construct_unknown)
_RulesLoader.add_constructor(None, _construct_unknown)


# What YAML refuses to read (besides tab, newline and carriage return), and the BOM inside a file.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def read_text_file(path, what):
    """The UTF-8 text of a regular file of at most MAX_FILE_BYTES; OSError, or ValueError with
    a Text saying why not (``what``: the kind of file, a Text).

    The size is checked on the open file and at most one byte over the limit is read, so
    /dev/zero cannot fill the memory and a FIFO is refused instead of waiting for a writer.
    """
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(handle, "rb", buffering=0, closefd=True) as source:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise ValueError(say(f"不是普通文件；请给出{what.zh}的路径", f"not a regular file; give the path of a {what.en}"))
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(
            say(
                f"超过了{what.zh}的 {MAX_FILE_BYTES:,} 字节上限；请把它改小",
                f"over the {MAX_FILE_BYTES:,}-byte limit for a {what.en}; make it smaller",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError(
            say(f"不是 UTF-8 文本；请把{what.zh}存为 UTF-8", f"not UTF-8 text; save the {what.en} as UTF-8")
        ) from None


if yaml.__with_libyaml__:

    class _FastComposer(yaml.cyaml.CParser, yaml.resolver.BaseResolver):
        """libyaml's parser and composer with our YAML 1.2 resolvers: the same nodes, much faster."""

        yaml_implicit_resolvers = _RulesLoader.yaml_implicit_resolvers


_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])[&*]\S")


def _fast_node(text):
    """The document's node tree from libyaml, or None to take the slow, exact path.

    The pure-Python composer is the one that reports anchors, aliases, deep nesting and
    syntax errors at their place; anything that might need such a report goes there."""
    if not yaml.__with_libyaml__ or _MAYBE_ANCHOR.search(text):
        return None
    composer = _FastComposer(text)
    try:
        node = composer.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        composer.dispose()
    if node is None or _too_deep(node):
        return None
    return node


def _too_deep(root):
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return True
        if isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    return False


def load_yaml_text(text, path):
    """Parse one YAML document; return (data, None) or (None, Problem)."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        return None, Problem(
            path,
            1,
            1,
            say(
                f"文件有 {size:,} 字节，超过了规则文件 {MAX_FILE_BYTES:,} 字节的上限；请拆成几个文件",
                f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a rules file; split it into several files",
            ),
        )
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        code = f"U+{ord(bad.group()):04X}"
        return None, Problem(
            path,
            line,
            column,
            say(f"YAML 里不能有控制字符 {code}；请删掉它", f"control character {code} is not allowed in YAML; delete it"),
        )
    node = _fast_node(text)
    loader = _RulesLoader(text if node is None else "")
    loader.path = str(path)
    loader.nesting = []
    try:
        if node is not None:
            return loader.construct_document(node), None
        return loader.get_single_data(), None
    except _ProblemFound as found:
        return None, found.problem
    except yaml.MarkedYAMLError as error:
        return None, Problem(path, *explain(error, text))
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        return None, Problem(path, 1, 1, say(f"YAML 读不懂（`{detail}`）；请检查这个文件的写法", "YAML error: " + detail))
    finally:
        loader.dispose()
