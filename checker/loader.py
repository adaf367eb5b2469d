"""Load a rules folder into one plain-data bundle, or fail with every problem found.

The bundle is what the engine reads (as JSON in the browser): plain dicts, lists,
strings and numbers, with order kept in lists because MicroPython's dicts are unordered.
"""

import datetime
import json
import os
from pathlib import Path

from .errors import Problem, RulesError, os_reason, say
from .reading.schema import SchemaChecker
from .reading.shop_calendar import assemble_calendar, calendar_warnings
from .reading.yamlsource import Mark, load_yaml_text, marked_copy
from .validation import check_flag_notes, check_semantics
from .validation.missing import fold_unknown_rules
from .validation.reviews import review_dates, review_warnings
from .validation.scenarios import check_scenario_references, check_scenarios
from .validation.site import check_site, default_site

__all__ = ["load_rules", "load_documents", "build_bundle", "DEFAULT_RULES_DIR", "BUNDLE_VERSION"]

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
BUNDLE_VERSION = 1


def display_path(path, base=None):
    """A path as a person would type it: relative to ``base`` (default: the working folder)."""
    path = Path(path)
    try:
        return os.path.relpath(path, base)
    except ValueError:
        return str(path)


_NOT_A_FILE = say(
    "名字像规则文件，却不是普通文件（文件夹、设备或断开的链接）；请改名或删掉它",
    "named like a rules file but not a regular file (a folder, a device or a broken link); rename or remove it",
)


def load_documents(rules_dir, base=None, saved=None):
    """Parse and schema-check every *.yaml file; return (documents, problems).

    A document is (display path, data) for each file that parsed and passed the schema, or
    whose only slips were misspelt keys (reported, and mended in the document so the checks
    of meaning can go on: see SchemaChecker.repaired).
    ``saved``, a dict when given, gets each file's last-saved time (mtime) by display path.
    """
    rules_dir = Path(rules_dir)
    problems, documents = [], []
    if not rules_dir.is_dir():
        return [], [
            Problem(
                display_path(rules_dir, base),
                1,
                1,
                say(
                    "找不到这个规则文件夹；请给出放规则文件的文件夹",
                    "rules folder not found; pass the folder that holds the rules files",
                ),
            )
        ]
    try:
        named = sorted(p for p in rules_dir.iterdir() if p.suffix in (".yaml", ".yml"))
    except OSError as error:
        reason = os_reason(error)
        unreadable = say(
            f"读不了这个规则文件夹（{reason.zh}）；请检查它的权限",
            f"cannot read the rules folder ({reason.en}); check its permissions",
        )
        return [], [Problem(display_path(rules_dir, base), 1, 1, unreadable)]
    files = [p for p in named if p.is_file()]
    problems.extend(Problem(display_path(p, base), 1, 1, _NOT_A_FILE) for p in named if not p.is_file())
    if not files:
        none = say("这个文件夹里没有 `.yaml` 规则文件；请给出放规则文件的文件夹", "no .yaml rules files in this folder")
        return [], problems + [Problem(display_path(rules_dir, base), 1, 1, none)]
    checker = SchemaChecker()
    for path in files:
        shown = display_path(path, base)
        try:
            if saved is not None:
                saved[shown] = path.stat().st_mtime_ns
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    say(
                        f"这不是 UTF-8 文本（第 {error.start} 个字节处）；请把文件另存为 UTF-8",
                        f"not UTF-8 text (byte {error.start}); save the file as UTF-8",
                    ),
                )
            )
            continue
        except OSError as error:
            reason = error.strerror
            problems.append(
                Problem(shown, 1, 1, say(f"无法读取这个文件（`{reason}`）；请检查它能否打开", f"cannot read the file: {reason}"))
            )
            continue
        data, found = _parsed(text, shown, checker)
        problems.extend(found)
        if data is not None:
            documents.append((shown, data))
    return documents, problems


_PARSED = {}


def _parsed(text, shown, checker):
    """(data, problems) of one file's text, parsed and schema-checked; data is None when the
    file cannot be used (see load_documents).

    Parsing YAML in pure Python is the slow part of loading; a rules folder is loaded many
    times with the same files (each build, `mkdocs serve` after an edit to one file, the
    tests), so results are kept by file text and handed out as copies."""
    key = (shown, text)
    if key not in _PARSED:
        data, problem = load_yaml_text(text, shown)
        if problem:
            found = [problem]
        elif data is None:
            found = [Problem(shown, 1, 1, say("文件是空的；请写入规则，或删掉这个文件", "file is empty; add rules or delete it"))]
        else:
            where = Mark(shown, 1, 1) if not hasattr(data, "mark") else data.mark
            found = checker.check(data, where)
            if found:
                data = checker.repaired(marked_copy(data), where)
        if len(_PARSED) > 64:
            _PARSED.clear()
        _PARSED[key] = (data, found)
    data, found = _PARSED[key]
    return marked_copy(data), list(found)


def _plain(value):
    return json.loads(json.dumps(value, ensure_ascii=False))


def build_bundle(documents, today=None):
    """Assemble checked documents into the engine's bundle (plain data).

    ``today`` (default: the real date) decides how far the holiday calendar reaches."""
    today = today or datetime.date.today()
    bundle = {
        "version": BUNDLE_VERSION,
        "shop": None,
        "calendar": None,
        "roles": {},
        "escalation": [],
        "rules": {},
        "areas": [],
        "flows": {},
        "scenarios": [],
        "site": None,
    }
    for shown, data in documents:
        kind = data["kind"]
        if kind == "shop":
            bundle["shop"] = {k: data.get(k) for k in ("name", "description", "version", "contact")}
            bundle["shop"]["sources"] = {source["id"]: source["title"] for source in data["sources"]}
            for role in data["roles"]:
                bundle["roles"][role["id"]] = role["name"]
            bundle["escalation"] = list(data.get("escalation", []))
        elif kind == "site":
            bundle["site"] = {k: v for k, v in data.items() if k != "kind"}
        elif kind == "calendar":
            bundle["calendar"] = assemble_calendar(data, today)
        elif kind == "scenarios":
            bundle["scenarios"].extend(data["scenarios"])
        else:
            area = {
                "area": data["area"],
                "order": data["order"],
                "title": data["title"],
                "summary": data["summary"],
                "nav": data.get("nav", data["title"]),
                "views": data.get("views", []),
                "file": shown,
                "sections": [],
            }
            for section in data["sections"]:
                ids = []
                for rule in section["rules"]:
                    entry = dict(rule)
                    entry["area"] = data["area"]
                    entry["section"] = section["id"]
                    entry["where"] = {"file": shown, "line": rule.mark.line}
                    bundle["rules"][rule["id"]] = entry
                    ids.append(rule["id"])
                area["sections"].append({"id": section["id"], "title": section["title"], "rules": ids})
            if "flow" in data:
                flow = dict(data["flow"])
                flow["area"] = data["area"]
                flow.setdefault("nav", flow["title"])
                bundle["flows"][flow["id"]] = flow
                area["flow"] = flow["id"]
            bundle["areas"].append(area)
    bundle["areas"].sort(key=lambda a: (a["order"], a["area"]))
    review_dates(bundle, next((data.get("review_every_days") for _, data in documents if data["kind"] == "shop"), None))
    bundle["site"] = default_site(bundle, bundle["site"])
    return _plain(bundle)


def load_rules(rules_dir=DEFAULT_RULES_DIR, base=None, today=None, warnings=None):
    """Load, validate and assemble the rules; raise RulesError listing every problem.

    Paths in messages and in the bundle are relative to ``base`` (default: the working folder).
    Problems that do not stop the build (official holiday data ending soon) are appended to
    ``warnings`` when a list is given.
    """
    today = today or datetime.date.today()
    saved = {}
    documents, problems = load_documents(rules_dir, base, saved)
    loaded = {problem.path for problem in problems} <= {shown for shown, _ in documents}  # every file is there
    problems.extend(check_semantics(documents, today, saved))
    if loaded:
        # A file that did not load leaves its rules, flows and areas undefined: the checks
        # across files (the site file names them all) would repeat that at every mention.
        problems.extend(check_site(documents))
        problems.extend(check_flag_notes(documents))
        problems.extend(check_scenario_references([data for _, data in documents]))
    if problems:
        raise RulesError(fold_unknown_rules(problems, [data for _, data in documents]))
    bundle = build_bundle(documents, today)
    problems = check_scenarios(bundle, [data for _, data in documents])
    if problems:
        raise RulesError(problems)
    if warnings is not None:
        warnings.extend(review_warnings(documents, bundle, today))
        for _, data in documents:
            if data["kind"] == "calendar":
                warnings.extend(calendar_warnings(data, today))
    return bundle
