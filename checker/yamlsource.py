"""Safe YAML loading that remembers where every value came from.

Rules files are plain data: no Python tags, no anchors or aliases (which is also
what keeps an alias bomb from expanding), no duplicate keys. ``yes``/``no`` stay
strings, as in YAML 1.2, and dates stay ISO strings so the data is JSON as written.
"""

import re

import yaml

from .errors import Problem

__all__ = ["Mark", "MarkedDict", "MarkedList", "load_yaml_text", "MAX_FILE_BYTES"]

MAX_FILE_BYTES = 1_000_000


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


class _ProblemFound(Exception):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


class _RulesLoader(yaml.SafeLoader):
    """SafeLoader with marks, strict keys, and no aliases."""


# YAML 1.1 booleans (yes/no/on/off) are a trap in answer values; keep only true/false.
_RulesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_RulesLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _compose_node(self, parent, index):
    if self.check_event(yaml.AliasEvent):
        event = self.peek_event()
        raise _ProblemFound(
            Mark.of(self.path, event.start_mark).problem(
                f"alias *{event.anchor} is not allowed in rules files; write the value out in full"
            )
        )
    event = self.peek_event()
    if getattr(event, "anchor", None):
        raise _ProblemFound(
            Mark.of(self.path, event.start_mark).problem(
                f"anchor &{event.anchor} is not allowed in rules files; write each value out in full"
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
            raise _ProblemFound(key_mark.problem(f"key {key!r} must be text; quote it"))
        if key in result:
            first = result.key_marks[key]
            raise _ProblemFound(key_mark.problem(f"key '{key}' is repeated (first at line {first.line}); keep one of them"))
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


def _construct_float(loader, node):
    """Floats as YAML reads them, but no NaN or infinity: the bundle is strict JSON."""
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if value != value or value in (float("inf"), float("-inf")):
        raise _ProblemFound(
            Mark.of(loader.path, node.start_mark).problem(
                f"'{node.value}' is not a finite number; write a plain number such as 7 or 1.5"
            )
        )
    return value


def _construct_unknown(loader, node):
    raise _ProblemFound(
        Mark.of(loader.path, node.start_mark).problem(
            f"tag {node.tag} is not allowed in rules files; remove it and write plain data"
        )
    )


_RulesLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_RulesLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_RulesLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_RulesLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_RulesLoader.add_constructor(None, _construct_unknown)


def load_yaml_text(text, path):
    """Parse one YAML document; return (data, None) or (None, Problem)."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        return None, Problem(
            path,
            1,
            1,
            f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a rules file; split it into several files",
        )
    loader = _RulesLoader(text)
    loader.path = str(path)
    try:
        return loader.get_single_data(), None
    except _ProblemFound as found:
        return None, found.problem
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = error.problem or error.context or "invalid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, Problem(path, line, column, f"YAML syntax error: {what}; fix the syntax here")
    except yaml.YAMLError as error:
        return None, Problem(path, 1, 1, f"YAML error: {error}")
    finally:
        loader.dispose()
