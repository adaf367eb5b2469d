"""Check YAML data against the rules schema (rules/schema/rules.schema.json), with a place for every error.

Implements the part of JSON Schema (2020-12) that the rules schema uses, so every
message can name the file, line and column and say what to do. A test checks that the
schema uses no keyword outside ``SUPPORTED_KEYWORDS``.
"""

import json
import re

from ..errors import closest, hint, listing, say
from ..resources import schema_path
from .yamlsource import MarkedDict, MarkedList

__all__ = ["SchemaChecker", "SUPPORTED_KEYWORDS", "SCHEMA_PATH"]

SCHEMA_PATH = schema_path()

SUPPORTED_KEYWORDS = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "x-description-zh",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "enum",
    "const",
    "pattern",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "oneOf",
}

_TYPE_NAMES = {
    "object": say("映射（一组「键: 值」）", "a mapping"),
    "array": say("列表", "a list"),
    "string": say("文字", "text"),
    "number": say("数字", "a number"),
    "integer": say("整数", "a whole number"),
    "boolean": say("`true` 或 `false`", "true or false"),
}


def _is_type(value, type_name):
    if type_name == "object":
        return isinstance(value, dict)
    if type_name == "array":
        return isinstance(value, list)
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return False


def _describe(value):
    if isinstance(value, bool):
        return say("`true`/`false`", "true/false")
    for type_name in ("object", "array", "string", "integer", "number"):
        if _is_type(value, type_name):
            return _TYPE_NAMES[type_name]
    return say("空值", "nothing") if value is None else say(f"`{type(value).__name__}`", type(value).__name__)


def _item_name(item, index):
    """An item of a list as a person finds it: by its id (a rule, question, role...), else its place."""
    name = item.get("id") if isinstance(item, dict) else None
    if isinstance(name, str) and 0 < len(name) <= 64 and all(c.isalnum() or c in "-_." for c in name):
        return name
    return str(index)


def _renaming(mapping, key, meant):
    """How to mend a misspelt key: give its value to ``meant`` when that key is missing, else
    leave it out."""

    def mend():
        value = mapping.pop(key)
        if meant is not None and meant not in mapping:
            mapping[meant] = value
            mapping.key_marks = dict(mapping.key_marks, **{meant: mapping.key_mark(key)})
            mapping.value_marks = dict(mapping.value_marks, **{meant: mapping.value_mark(key)})

    return mend


def _replacing(holder, key, meant):
    """How to mend a misspelt value of a fixed list: write ``meant`` in its place."""

    def mend():
        holder[key] = meant

    return mend


def _label(where):
    """What a message is about: the value's path in the file, or the file itself."""
    return say(f"`{where}` ", where) if where else say("这个文件", "the file")  # a space after code only


class SchemaChecker:
    """Validates one loaded document; collects problems instead of stopping at the first."""

    def __init__(self, schema=None):
        self.schema = schema or json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        self.defs = self.schema.get("$defs", {})

    def check(self, document, file_mark):
        problems = []
        self.slips = []  # how to mend each slip whose meaning is clear, as functions
        self._at = None  # (mapping or list, key or index) of the value being checked
        self._check(document, self.schema, file_mark, "", problems)
        return problems

    def repaired(self, document, file_mark):
        """``document`` with its slips mended, or None.

        Two slips have a clear meaning: a misspelt key (read as the key it is closest to when
        that one is missing, ``tittle`` for ``title``, else left out) and a misspelt value of a
        fixed list (read as the closest allowed one, ``staf`` for ``staff``), which is what the
        problem tells the editor to write. When every problem was such a slip and the mended
        document passes, the checks of meaning can go on with it and report what else is wrong
        in the same round. ``document`` is changed in place."""
        problems = self.check(document, file_mark)
        slips = self.slips
        if not slips or len(slips) != len(problems):
            return None
        for mend in slips:
            mend()
        return document if not self.check(document, file_mark) else None

    def _resolve(self, schema):
        while "$ref" in schema:
            schema = self.defs[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _check(self, value, schema, mark, where, problems):
        schema = self._resolve(schema)
        label = _label(where)
        if "oneOf" in schema:
            self._check_one_of(value, schema["oneOf"], mark, where, problems)
            return
        if "const" in schema and value != schema["const"]:
            const = schema["const"]
            problems.append(mark.problem(say(f"{label.zh}必须是 '{const}'", f"{label.en} must be '{const}'")))
            return
        if "enum" in schema and value not in schema["enum"]:
            meant = closest(value, schema["enum"])
            if meant is not None and self._at is not None:
                self.slips.append(_replacing(*self._at, next(v for v in schema["enum"] if str(v) == meant)))
            allowed = listing(schema["enum"])
            problems.append(
                mark.problem(
                    say(
                        f"{label.zh}写的是 '{value}'，只能是 {allowed.zh} 之一",
                        f"{label.en} is '{value}', not one of: {allowed.en}",
                    )
                    + hint(value, schema["enum"])
                )
            )
            return
        types = schema.get("type")
        if types is not None:
            types = types if isinstance(types, list) else [types]
            if not any(_is_type(value, t) for t in types):
                wanted = say("或".join(_TYPE_NAMES[t].zh for t in types), " or ".join(_TYPE_NAMES[t].en for t in types))
                quote = say("；加上引号就是文字了", "; quote it to make it text") if "string" in types else say("", "")
                found = _describe(value)
                problems.append(
                    mark.problem(
                        say(f"{label.zh}必须是{wanted.zh}，不能是{found.zh}", f"{label.en} must be {wanted.en}, not {found.en}")
                        + quote
                    )
                )
                return
        if isinstance(value, str):
            self._check_string(value, schema, mark, label, problems)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = schema.get("minimum"), schema.get("maximum")
            if low is not None and value < low:
                problems.append(mark.problem(say(f"{label.zh}不能小于 {low}", f"{label.en} must be at least {low}")))
            if high is not None and value > high:
                problems.append(mark.problem(say(f"{label.zh}不能大于 {high}", f"{label.en} must be at most {high}")))
        elif isinstance(value, dict):
            self._check_object(value, schema, mark, where, problems)
        elif isinstance(value, list):
            self._check_array(value, schema, mark, where, problems)

    def _check_string(self, value, schema, mark, label, problems):
        if len(value) < schema.get("minLength", 0):
            problems.append(mark.problem(say(f"{label.zh}不能是空的", f"{label.en} must not be empty")))
        longest = schema.get("maxLength")
        if longest is not None and len(value) > longest:
            problems.append(
                mark.problem(
                    say(
                        f"{label.zh}太长了：{len(value):,} 个字符，最多 {longest:,} 个；请写短一些：细节写进规则正文，太长的规则拆成几条",
                        f"{label.en} is too long: {len(value):,} characters, at most {longest:,}; shorten it: details go in a rule's text, and a long rule splits into several",
                    )
                )
            )
            return
        pattern = schema.get("pattern")
        if pattern and not _ecma(pattern).search(value):
            form = say(schema.get("x-description-zh", ""), schema.get("description", ""))
            tip = say(f"（{form.zh}）" if form.zh else "", f" ({form.en})" if form.en else "")
            problems.append(
                mark.problem(say(f"{label.zh}的 '{value}' 格式不对", f"{label.en} '{value}' is not in the expected form") + tip)
            )

    def _check_object(self, value, schema, mark, where, problems):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        label = _label(where)
        misspelt = set()
        if extra is False:
            for key in value:
                if key not in properties:
                    misspelt.add(closest(key, properties))
        for key in schema.get("required", []):
            if key not in value and key not in misspelt:
                problems.append(mark.problem(say(f"{label.zh}缺少 '{key}'；请加上", f"{label.en} is missing '{key}'; add it")))
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            key_mark = value.key_mark(key) if isinstance(value, MarkedDict) else mark
            item_mark = value.value_mark(key) if isinstance(value, MarkedDict) else mark
            if key in properties:
                self._at = (value, key)
                self._check(item, properties[key], item_mark, path, problems)
            elif extra is False:
                if isinstance(value, MarkedDict):
                    self.slips.append(_renaming(value, key, closest(key, properties)))
                allowed = listing(properties)
                otherwise = say(f"；这里能写的键有：{allowed.zh}", f"; allowed: {allowed.en}")
                problems.append(
                    key_mark.problem(
                        say(f"{label.zh}里不能有 '{key}' 这个键", f"unknown key '{key}' in {label.en}")
                        + hint(key, properties, otherwise)
                    )
                )
            elif isinstance(extra, dict):
                self._at = (value, key)
                self._check(item, extra, item_mark, path, problems)

    def _check_array(self, value, schema, mark, where, problems):
        if len(value) < schema.get("minItems", 0):
            least = schema["minItems"]
            problems.append(mark.problem(say(f"`{where}` 至少要有 {least} 项", f"{where} needs at least {least} item(s)")))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            most = schema["maxItems"]
            problems.append(mark.problem(say(f"`{where}` 最多只能有 {most} 项", f"{where} takes at most {most} item(s)")))
        if "items" in schema:
            for index, item in enumerate(value):
                item_mark = value.item_mark(index) if isinstance(value, MarkedList) else mark
                self._at = (value, index)
                self._check(item, schema["items"], item_mark, f"{where}[{_item_name(item, index)}]", problems)

    def _check_one_of(self, value, options, mark, where, problems):
        """Pick the branch by its `kind` constant; the schema's oneOf is always discriminated."""
        by_kind = {}
        for option in options:
            resolved = self._resolve(option)
            kind = resolved.get("properties", {}).get("kind", {}).get("const")
            by_kind[kind] = resolved
        if not isinstance(value, dict):
            found = _describe(value)
            problems.append(
                mark.problem(
                    say(
                        f"规则文件应该是以 'kind:' 开头的映射，不能是{found.zh}",
                        f"a rules file is a mapping that starts with 'kind:', not {found.en}",
                    )
                )
            )
            return
        kind = value.get("kind")
        if kind not in by_kind:
            allowed = listing(k for k in by_kind if k)
            place = value.value_mark("kind") if isinstance(value, MarkedDict) and "kind" in value else mark
            problems.append(
                place.problem(
                    say(
                        f"'kind' 只能是 {allowed.zh} 之一；它说明这个文件写的是什么",
                        f"'kind' must be one of: {allowed.en}; it says what this file holds",
                    )
                )
            )
            return
        self._check(value, by_kind[kind], mark, where, problems)


_ECMA = {}


def _ecma(pattern):
    """A schema pattern compiled as JSON Schema means it (ECMA-262): ``$`` outside a character
    class is the very end of the text, where Python's ``$`` also matches before a final line
    break (so an id written as ``"ABC-ID\\n"`` passed)."""
    if pattern not in _ECMA:
        out, in_class, escaped = [], False, False
        for ch in pattern:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == "[":
                in_class = True
            elif ch == "]":
                in_class = False
            elif ch == "$" and not in_class:
                ch = r"\Z"
            out.append(ch)
        _ECMA[pattern] = re.compile("".join(out))
    return _ECMA[pattern]
