"""What a change to the rules does, before it is published: ``policy-checker diff OLD NEW``.

OLD and NEW are rules folders or git revisions of this rules folder. The report lists the
rule-level changes (added, removed, renamed, text, params, audience, owner, date), the flows'
changed steps, and which golden cases and training scenarios now decide differently.
"""

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..engine import Flow, graph
from ..errors import Problem, RulesError, UsageError, listing, say
from ..loader import display_path, load_rules
from .goldens import all_cases, read_case, run_case

__all__ = ["compare_bundles", "load_side", "render", "run_diff"]

RULE_FIELDS = ("title", "customer_title", "text", "customer", "params", "audience", "owner", "effective", "short", "versions")


def load_side(spec, rules_dir, keep):
    """The bundle of a rules folder, or of ``rules_dir`` at git revision ``spec``. Temporary
    folders go into ``keep`` (a list the caller cleans up)."""
    if Path(spec).is_dir():
        return load_rules(Path(spec))
    rules = Path(rules_dir).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(rules), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True
        )
        inside = rules.relative_to(Path(top.stdout.strip())).as_posix()
        archive = subprocess.run(
            ["git", "-C", top.stdout.strip(), "archive", spec, "--", inside], capture_output=True, check=True
        )
    except (OSError, ValueError, subprocess.CalledProcessError):
        raise UsageError(
            say(
                f"'{spec}' 既不是规则文件夹，也不是这个 git 仓库里的版本；请写文件夹路径或版本（如 HEAD~1）",
                f"'{spec}' is neither a rules folder nor a revision of this git repository; give a folder or a revision such as HEAD~1",
            )
        ) from None
    folder = Path(tempfile.mkdtemp(prefix="policy-diff-"))
    keep.append(folder)
    tar = folder / "rules.tar"
    tar.write_bytes(archive.stdout)
    with tarfile.open(tar) as bundle_file:
        bundle_file.extractall(folder / "tree", filter="data")
    return load_rules(folder / "tree" / inside, base=folder / "tree")


def _changed_fields(old, new):
    return [{"field": key, "old": old.get(key), "new": new.get(key)} for key in RULE_FIELDS if old.get(key) != new.get(key)]


def rule_changes(old, new):
    """[{kind, rule, title, [renamed_from], fields}] in the new rules' order, removed last."""
    removed = [rule_id for rule_id in old["rules"] if rule_id not in new["rules"]]
    changes = []
    for rule_id, rule in new["rules"].items():
        if rule_id in old["rules"]:
            fields = _changed_fields(old["rules"][rule_id], rule)
            if fields:
                changes.append({"kind": "changed", "rule": rule_id, "title": rule["title"], "fields": fields})
            continue
        twin = next(
            (r for r in removed if old["rules"][r]["text"] == rule["text"] or old["rules"][r]["title"] == rule["title"]), None
        )
        if twin:
            removed.remove(twin)
            fields = _changed_fields(old["rules"][twin], rule)
            changes.append({"kind": "renamed", "rule": rule_id, "renamed_from": twin, "title": rule["title"], "fields": fields})
        else:
            changes.append({"kind": "added", "rule": rule_id, "title": rule["title"], "fields": []})
    changes += [{"kind": "removed", "rule": r, "title": old["rules"][r]["title"], "fields": []} for r in removed]
    return changes


def flow_changes(old, new):
    """[{flow, step, kind}] for every question, check or outcome added, removed or changed."""
    found = []
    for flow_id in sorted(set(old["flows"]) | set(new["flows"])):
        before = graph.index(old["flows"][flow_id]) if flow_id in old["flows"] else {}
        after = graph.index(new["flows"][flow_id]) if flow_id in new["flows"] else {}
        for step_id in sorted(set(before) | set(after)):
            if step_id not in before:
                kind = "added"
            elif step_id not in after:
                kind = "removed"
            elif before[step_id] != after[step_id]:
                kind = "changed"
            else:
                continue
            found.append({"flow": flow_id, "step": step_id, "kind": kind})
    return found


def _decided(bundle, flow_id, answers):
    """The outcome a case reaches, or ``asks <question>`` when the rules now ask one more
    question, or ``error <question>`` when an answer no longer fits."""
    kind, value = run_case(bundle, flow_id, answers)
    return value["outcome"] if kind == "decision" else f"{'asks' if kind == 'question' else kind} {value}"


def case_changes(old, new, cases):
    """[{case, flow, old, new}] for every golden case whose outcome differs between the two."""
    found = []
    for flow_id, path in all_cases(cases) if cases and Path(cases).is_dir() else []:
        if flow_id not in old["flows"] or flow_id not in new["flows"]:
            continue
        try:
            answers, _ = read_case(path, Flow(new, flow_id))
        except UsageError as error:
            found.append({"case": display_path(path), "flow": flow_id, "old": None, "new": error.message["en"]})
            continue
        before, after = _decided(old, flow_id, dict(answers)), _decided(new, flow_id, dict(answers))
        if before != after:
            found.append({"case": display_path(path), "flow": flow_id, "old": before, "new": after})
    return found


def scenario_changes(old, new, rules):
    """[{scenario, title, answers: {qid: [old, new]}, outcome: [old, new]}] for every scenario whose
    answers (written relative to params) or taught outcome moved, or whose path cites a changed rule."""
    before = {s["id"]: s for s in old.get("scenarios") or []}
    found = []
    for scenario in new.get("scenarios") or []:
        previous = before.get(scenario["id"])
        if previous is None:
            continue
        moved = {
            qid: [previous["answers"].get(qid), value]
            for qid, value in scenario["answers"].items()
            if previous["answers"].get(qid) != value
        }
        kind, decision = run_case(new, scenario["flow"], dict(scenario["answers"]))
        cited = set(decision["rules"]) & rules if kind == "decision" else set()
        if moved or cited or previous["outcome"] != scenario["outcome"]:
            found.append(
                {
                    "scenario": scenario["id"],
                    "title": scenario["title"],
                    "answers": moved,
                    "outcome": [previous["outcome"], scenario["outcome"]],
                    "rules": sorted(cited),
                }
            )
    return found


def compare_bundles(old, new, cases=None):
    rules = rule_changes(old, new)
    touched = {change["rule"] for change in rules} | {c["renamed_from"] for c in rules if "renamed_from" in c}
    return {
        "version": {"old": old["shop"].get("version"), "new": new["shop"].get("version")},
        "rules": rules,
        "flows": flow_changes(old, new),
        "cases": case_changes(old, new, cases),
        "scenarios": scenario_changes(old, new, touched),
    }


def _value(value, lang):
    if isinstance(value, dict) and set(value) <= {"zh", "en"} and value:
        return value.get(lang, "")
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)


def _version_summary(version, lang):
    """A dated version in a few words: its params, and which wording it changes."""
    if version is None:
        return "—"
    parts = [f"{key}={value}" for key, value in sorted(version.get("params", {}).items())]
    parts += [field for field in ("text", "customer") if field in version]
    return ", ".join(parts) + f" ({_value(version['reason'], lang)})"


def _field_lines(field, lang):
    if field["field"] == "versions":
        old = {version["from"]: version for version in field["old"] or []}
        new = {version["from"]: version for version in field["new"] or []}
        return [
            f"    {say('版本', 'version')[lang]} {day}: {_version_summary(old.get(day), lang)} → {_version_summary(new.get(day), lang)}"
            for day in sorted(set(old) | set(new))
            if old.get(day) != new.get(day)
        ]
    if field["field"] == "params":
        old, new = field["old"] or {}, field["new"] or {}
        return [
            f"    {say('参数', 'param')[lang]} {key}: {old.get(key, '—')} → {new.get(key, '—')}"
            for key in sorted(set(old) | set(new))
            if old.get(key) != new.get(key)
        ]
    return [f"    {field['field']}: {_value(field['old'], lang) or '—'} → {_value(field['new'], lang) or '—'}"]


def _outcome(shown, lang):
    if shown and shown.startswith("asks "):
        return say(f"还要问 {shown[5:]}", shown)[lang]
    return shown


def render(report, lang):
    """The report as lines of text in ``lang``."""
    kinds = {
        "added": say("新增", "added"),
        "removed": say("删除", "removed"),
        "changed": say("修改", "changed"),
        "renamed": say("改名", "renamed"),
    }
    lines = []
    version = report["version"]
    lines.append(say(f"版本：{version['old']} → {version['new']}", f"version: {version['old']} → {version['new']}")[lang])
    lines.append(say(f"规则（{len(report['rules'])} 处变更）：", f"rules ({len(report['rules'])} changed):")[lang])
    for change in report["rules"]:
        was = f" ← {change['renamed_from']}" if "renamed_from" in change else ""
        lines.append(f"  {kinds[change['kind']][lang]} {change['rule']}{was} {change['title'][lang]}")
        for field in change["fields"]:
            lines += _field_lines(field, lang)
    if report["flows"]:
        lines.append(say("流程步骤：", "flow steps:")[lang])
        lines += [f"  {kinds[c['kind']][lang]} {c['flow']}.{c['step']}" for c in report["flows"]]
    lines.append(
        say(f"判定不同的黄金案例：{len(report['cases'])}", f"golden cases deciding differently: {len(report['cases'])}")[lang]
    )
    lines += [f"  {c['case']}: {_outcome(c['old'], lang)} → {_outcome(c['new'], lang)}" for c in report["cases"]]
    lines.append(
        say(f"受影响的培训练习：{len(report['scenarios'])}", f"training scenarios affected: {len(report['scenarios'])}")[lang]
    )
    for scenario in report["scenarios"]:
        lines.append(f"  {scenario['scenario']} {scenario['title'][lang]}")
        lines += [f"    {qid}: {pair[0]} → {pair[1]}" for qid, pair in scenario["answers"].items()]
        if scenario["outcome"][0] != scenario["outcome"][1]:
            lines.append(f"    outcome: {scenario['outcome'][0]} → {scenario['outcome'][1]}")
        if scenario["rules"]:
            lines.append(f"    {say('引用了改动的规则', 'cites changed rules')[lang]}: {', '.join(scenario['rules'])}")
    return lines


def signed_text_changed(old, new):
    """Rules whose wording, numbers or audience staff sign for changed while the rules'
    ``version`` (shop.yaml) stayed the same; empty when the version moved."""
    if old["shop"].get("version") != new["shop"].get("version"):
        return []
    signed = {"title", "text", "customer", "params", "audience", "versions"}
    return [
        change["rule"]
        for change in rule_changes(old, new)
        if change["kind"] != "changed" or signed & {field["field"] for field in change["fields"]}
    ]


def _version_mark(rules_dir):
    """(file, line, column) of ``version:`` in the rules folder's shop file."""
    for path in sorted(Path(rules_dir).glob("*.y*ml")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        if any(line.startswith("kind: shop") for line in lines):
            number = next((n for n, line in enumerate(lines, 1) if line.startswith("version:")), 1)
            return display_path(path), number, 1 if number == 1 else len("version: ") + 1
    return display_path(rules_dir), 1, 1


def version_warning(rules_dir, bundle):
    """A warning when the rules changed since the last commit (git HEAD) in what staff sign
    for, under the same ``version``; None when they did not, or there is no git history."""
    try:  # nothing changed since the last commit (or no git): nothing to compare
        status = subprocess.run(["git", "-C", str(rules_dir), "status", "--porcelain", "--", "."], capture_output=True, text=True)
    except OSError:
        return None
    if status.returncode != 0 or not status.stdout.strip():
        return None
    keep = []
    try:
        committed = load_side("HEAD", rules_dir, keep)
    except (UsageError, RulesError):
        return None
    finally:
        for folder in keep:
            shutil.rmtree(folder, ignore_errors=True)
    changed = signed_text_changed(committed, bundle)
    if not changed:
        return None
    names, version = listing(changed[:5] + (["…"] if len(changed) > 5 else [])), bundle["shop"].get("version")
    return Problem(
        *_version_mark(rules_dir),
        say(
            f"提醒：{names.zh} 的内容改了，版本仍是 {version}；员工签字确认的是版本号，请把 version 改成新的版本号",
            f"warning: {names.en} changed but the version is still {version}; staff sign for a version, so give it a new one",
        ),
    )


def run_diff(args):
    """The ``diff`` command: print the report (or JSON); 0 whatever it finds."""
    keep = []
    try:
        old = load_side(args.old, args.rules, keep)
        new = load_side(args.new, args.rules, keep)
        report = compare_bundles(old, new, args.cases_folder)
    finally:
        for folder in keep:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print("\n".join(render(report, args.lang)))
    return 0
