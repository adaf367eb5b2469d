"""Check YAML data against rules/schema/rules.schema.json, with a place for every error.

Implements the part of JSON Schema (2020-12) that the rules schema uses, so every
message can name the file, line and column and say what to do. A test checks that the
schema uses no keyword outside ``SUPPORTED_KEYWORDS``.
"""

import difflib
import json
import re
from pathlib import Path

from .yamlsource import MarkedDict, MarkedList

__all__ = ["SchemaChecker", "SUPPORTED_KEYWORDS", "SCHEMA_PATH"]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "rules" / "schema" / "rules.schema.json"

SUPPORTED_KEYWORDS = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
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
    "oneOf",
}

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
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
        return "true/false"
    for type_name in ("object", "array", "string", "integer", "number"):
        if _is_type(value, type_name):
            return _TYPE_NAMES[type_name]
    return "nothing" if value is None else type(value).__name__


class SchemaChecker:
    """Validates one loaded document; collects problems instead of stopping at the first."""

    def __init__(self, schema=None):
        self.schema = schema or json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        self.defs = self.schema.get("$defs", {})

    def check(self, document, file_mark):
        problems = []
        self._check(document, self.schema, file_mark, "", problems)
        return problems

    def _resolve(self, schema):
        while "$ref" in schema:
            schema = self.defs[schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def _check(self, value, schema, mark, where, problems):
        schema = self._resolve(schema)
        label = where or "the file"
        if "oneOf" in schema:
            self._check_one_of(value, schema["oneOf"], mark, where, problems)
            return
        if "const" in schema and value != schema["const"]:
            problems.append(mark.problem(f"{label} must be '{schema['const']}'"))
            return
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(str(v) for v in schema["enum"])
            hint = difflib.get_close_matches(str(value), [str(v) for v in schema["enum"]], n=1)
            tip = f"; did you mean '{hint[0]}'?" if hint else ""
            problems.append(mark.problem(f"{label} is '{value}', not one of: {allowed}{tip}"))
            return
        types = schema.get("type")
        if types is not None:
            types = types if isinstance(types, list) else [types]
            if not any(_is_type(value, t) for t in types):
                wanted = " or ".join(_TYPE_NAMES[t] for t in types)
                quote = "; quote it to make it text" if "string" in types else ""
                problems.append(mark.problem(f"{label} must be {wanted}, not {_describe(value)}{quote}"))
                return
        if isinstance(value, str):
            self._check_string(value, schema, mark, label, problems)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                problems.append(mark.problem(f"{label} must be at least {schema['minimum']}"))
            if "maximum" in schema and value > schema["maximum"]:
                problems.append(mark.problem(f"{label} must be at most {schema['maximum']}"))
        elif isinstance(value, dict):
            self._check_object(value, schema, mark, where, problems)
        elif isinstance(value, list):
            self._check_array(value, schema, mark, where, problems)

    def _check_string(self, value, schema, mark, label, problems):
        if len(value) < schema.get("minLength", 0):
            problems.append(mark.problem(f"{label} must not be empty"))
        pattern = schema.get("pattern")
        if pattern and not re.search(pattern, value):
            example = schema.get("description", "")
            tip = f" ({example})" if example else ""
            problems.append(mark.problem(f"{label} '{value}' is not in the expected form{tip}"))

    def _check_object(self, value, schema, mark, where, problems):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        misspelt = set()
        if extra is False:
            for key in value:
                if key not in properties:
                    misspelt.update(difflib.get_close_matches(key, list(properties), n=1))
        for key in schema.get("required", []):
            if key not in value and key not in misspelt:
                problems.append(mark.problem(f"{where or 'the file'} is missing '{key}'; add it"))
        for key, item in value.items():
            path = f"{where}.{key}" if where else key
            key_mark = value.key_mark(key) if isinstance(value, MarkedDict) else mark
            item_mark = value.value_mark(key) if isinstance(value, MarkedDict) else mark
            if key in properties:
                self._check(item, properties[key], item_mark, path, problems)
            elif extra is False:
                hint = difflib.get_close_matches(key, list(properties), n=1)
                tip = f"did you mean '{hint[0]}'?" if hint else "allowed: " + ", ".join(properties)
                problems.append(key_mark.problem(f"unknown key '{key}' in {where or 'the file'}; {tip}"))
            elif isinstance(extra, dict):
                self._check(item, extra, item_mark, path, problems)

    def _check_array(self, value, schema, mark, where, problems):
        if len(value) < schema.get("minItems", 0):
            problems.append(mark.problem(f"{where} needs at least {schema['minItems']} item(s)"))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            problems.append(mark.problem(f"{where} takes at most {schema['maxItems']} item(s)"))
        if "items" in schema:
            for index, item in enumerate(value):
                item_mark = value.item_mark(index) if isinstance(value, MarkedList) else mark
                self._check(item, schema["items"], item_mark, f"{where}[{index}]", problems)

    def _check_one_of(self, value, options, mark, where, problems):
        """Pick the branch by its `kind` constant; the schema's oneOf is always discriminated."""
        by_kind = {}
        for option in options:
            resolved = self._resolve(option)
            kind = resolved.get("properties", {}).get("kind", {}).get("const")
            by_kind[kind] = resolved
        if not isinstance(value, dict):
            problems.append(mark.problem(f"a rules file is a mapping that starts with 'kind:', not {_describe(value)}"))
            return
        kind = value.get("kind")
        if kind not in by_kind:
            allowed = ", ".join(k for k in by_kind if k)
            place = value.value_mark("kind") if isinstance(value, MarkedDict) and "kind" in value else mark
            problems.append(place.problem(f"'kind' must be one of: {allowed}; it says what this file holds"))
            return
        self._check(value, by_kind[kind], mark, where, problems)
