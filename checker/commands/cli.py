"""Command line: validate the rules, compile them to JSON, decide a case, walk a case.

Exit status: 0 fine, 1 the rules have problems, 2 bad input (case file, answer,
arguments), 70 an internal error, 74 a read or write the system refused (full disk,
file-size limit, closed output), 130 interrupted (Ctrl-C). No traceback reaches the terminal unless
POLICY_CHECKER_DEBUG=1 is set.
"""

import argparse
import contextlib
import datetime
import errno
import json
import os
import sys
from pathlib import Path

from ..engine import AnswerError, Flow, UnknownFlow, normalise_answer, step, verdict, vocabulary
from ..engine.numbers import parse_number
from ..engine.text import wording
from ..errors import LANGS, RulesError, UsageError, listing, one_line, os_reason, say
from ..loader import DEFAULT_RULES_DIR, display_path, load_rules
from ..reading.casefile import load_case
from ..wording import word, words
from .changes import run_diff, version_warning
from .generate import run_generate
from .goldens import cases_folder, run_tests
from .interrupt import asked_lang, interrupted
from .publish import write_whole
from .scaffold import run_new, run_serve

__all__ = ["main"]

JSON_SHAPE_VERSION = 1
IO_ERROR = 74  # sysexits' EX_IOERR: the system refused a read or a write


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own words stay as argparse wrote them
        raise UsageError(say(f"{self.prog}：命令行有误（{message}）；请看 --help", f"{self.prog}: {message} (see --help)"))


def _parser():
    parser = _Parser(prog="python -m checker", description="Customer-service policy rules: validate, compile, decide, walk.")
    parser.add_argument(
        "--rules", default=_default_rules(), help="rules folder (default: rules/ in this folder, else the repository's)"
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("validate", help="check every rules file and report all problems")
    compile_ = commands.add_parser("compile", help="write the rules bundle as JSON for the browser")
    compile_.add_argument("--out", required=True, help="file to write")
    decide = commands.add_parser("decide", help="decide a case from a case file")
    decide.add_argument("flow", help="returns or complaints")
    decide.add_argument("case", help="YAML case file with 'answers:'")
    decide.add_argument("--json", action="store_true", help="print the decision as JSON (stable shape, see README)")
    test = commands.add_parser("test", help="run the golden cases of cases/<flow>/*.yaml and say what decided differently")
    diff = commands.add_parser("diff", help="what changed between two rules folders or git revisions, and what it decides")
    diff.add_argument("old", help="rules folder, or a git revision of the rules folder (HEAD, HEAD~1, a tag)")
    diff.add_argument("new", nargs="?", default=None, help="rules folder or revision (default: the rules folder as it is now)")
    diff.add_argument("--json", action="store_true", help="print the report as JSON")
    for command in (test, diff):
        command.add_argument("--cases", default="cases", help="cases folder (default: cases/ beside the rules folder)")
    walk = commands.add_parser("walk", help="answer a case one question at a time")
    walk.add_argument("flow", help="returns or complaints")
    for command in (decide, walk, commands.choices["validate"]):
        command.add_argument("--today", type=_date, help="date to treat as today, YYYY-MM-DD (default: this computer's date)")
    generate = commands.add_parser("generate", help="write one site in one language as a plain docs tree with its mkdocs.yml")
    generate.add_argument("--config", default="mkdocs.yml", help="the site's config (default: mkdocs.yml)")
    generate.add_argument("--out", required=True, help="folder to write (its docs/ is replaced)")
    commands.add_parser("new", help="make a shop's own rules folder to start from").add_argument("folder")
    commands.add_parser("serve", help="preview the staff and public sites of this folder").add_argument(
        "--port", type=int, default=8000
    )
    for command in commands.choices.values():
        command.add_argument("--lang", choices=LANGS, default="zh", help="language of the messages (default: zh)")
    return parser


def _default_rules():
    """rules/ of the folder the command runs in (a shop's folder), else this repository's."""
    here = Path("rules")
    return str(here) if here.is_dir() else str(DEFAULT_RULES_DIR)


def _date(text):
    """``--today``: a real YYYY-MM-DD date; answers after it are refused where the rules say so."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def main(argv=None):
    lang = asked_lang(argv)
    try:
        if sys.stdout is None:  # started with its output closed (`>&-`)
            raise OSError(errno.EBADF, "closed")
        args = _parser().parse_args(argv)
        lang = args.lang
        status = _run(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader (say `| head`) stopped reading: stop quietly, and keep Python's own
        # flush at exit from hitting the closed pipe again.
        _drop_output()
        return 0
    except RulesError as error:
        for line in error.lines(lang):
            print(line, file=sys.stderr)
        count = len(error.problems)
        summary = say(f"规则里有 {count} 个问题；请改正后再运行。", f"{count} problem(s) in the rules; fix them and run again.")
        print(summary[lang], file=sys.stderr)
        return 1
    except UsageError as error:
        print(one_line(say("错误：", "error: ")[lang] + error.message[lang]), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return interrupted(lang)
    except OSError as error:  # the world's fault: a full disk, a file-size limit, a closed output
        _drop_output()
        where = f"{error.filename}: " if error.filename else ""
        reason = os_reason(error)
        report = say(
            f"错误：{where}读写失败（{reason.zh}）；请检查磁盘空间、文件大小限制、权限和输出去向",
            f"error: {where}could not read or write ({reason.en}); check disk space, file-size limits, permissions and where the output goes",
        )
        print(one_line(report[lang]), file=sys.stderr)
        return IO_ERROR
    except Exception as error:  # last line of defence: never a traceback for users
        if os.environ.get("POLICY_CHECKER_DEBUG") == "1":
            raise
        what = f"{type(error).__name__}: {error}"
        report = say(
            f"内部错误：{what}。请把这条信息和所运行的命令报告给维护者（设置 POLICY_CHECKER_DEBUG=1 可看到详情）。",
            f"internal error: {what}. Please report this with the command you ran (set POLICY_CHECKER_DEBUG=1 for details).",
        )
        print(one_line(report[lang]), file=sys.stderr)
        return 70


def _drop_output():
    """Send what is left of the output nowhere, so Python's own flush at exit does not fail
    on the same full disk or closed pipe again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(args):
    if args.command in ("generate", "new", "serve"):
        return {"generate": run_generate, "new": run_new, "serve": run_serve}[args.command](args)
    if args.command == "diff":
        args.new = args.new or args.rules
        args.cases_folder = cases_folder(args.rules, args.cases)
        return run_diff(args)
    warnings = []
    review_day = {"today": datetime.date.fromisoformat(args.today)} if args.command == "validate" and args.today else {}
    bundle = load_rules(Path(args.rules), warnings=warnings, **review_day)  # decide and walk take --today per case
    if args.command == "validate":
        unsigned = version_warning(args.rules, bundle)
        for warning in warnings + ([unsigned] if unsigned else []):
            print(warning.render(args.lang), file=sys.stderr)
        rules, areas, flows = len(bundle["rules"]), len(bundle["areas"]), listing(sorted(bundle["flows"]))
        summary = say(
            f"{rules} 条规则，{areas} 个区域，流程：{flows.zh}。OK", f"{rules} rules in {areas} areas, flows: {flows.en}. OK"
        )
        print(f"{display_path(args.rules)}: {summary[args.lang]}")
        return 0
    if args.command == "test":
        return run_tests(bundle, cases_folder(args.rules, args.cases), args.lang)
    if args.command == "compile":
        write_whole(args.out, json.dumps(bundle, ensure_ascii=False, sort_keys=True))
        return 0
    try:
        flow = Flow(bundle, args.flow)
    except UnknownFlow:
        known = listing(sorted(bundle["flows"]))
        raise UsageError(
            say(f"没有流程 '{args.flow}'；请选择：{known.zh}", f"unknown flow '{args.flow}'; choose one of: {known.en}")
        ) from None
    if args.command == "decide":
        return _decide(bundle, flow, args)
    return _walk(bundle, flow, args.lang, args.today)


def _decide(bundle, flow, args):
    answers, marks = load_case(args.case, flow, args.lang)
    try:
        result = step(bundle, flow.id, answers, flow=flow, today=args.today or _now().date().isoformat())
    except AnswerError as error:
        where = marks.get(error.question_id, args.case)
        raise UsageError(say(f"{where}: {error.shown('zh')}", f"{where}: {error.shown('en')}")) from None
    if result["type"] == "question":
        question = result["question"]
        qid, form, ask = question["id"], _form(question), question["ask"]
        raise UsageError(
            say(
                f"{args.case}: 缺少 '{qid}' 的回答（{form.zh}）：{ask['zh']}",
                f"{args.case}: missing answer for '{qid}' ({form.en}): {ask['en']}",
            )
        )
    decision = result["decision"]
    if args.json:
        print(json.dumps({"version": JSON_SHAPE_VERSION, "decision": decision}, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print(render_decision(bundle, decision, args.lang))
    return 0


def _term(code, lang):
    return vocabulary.term(code, lang, words("term", "staff"))


def _form(question):
    """What kind of answer a question takes, as a Text."""
    if question["kind"] == "choice":
        values = listing(a["value"] for a in question["answers"])
        return say("可选：" + values.zh, "one of: " + values.en)
    return {
        "date": say("日期，YYYY-MM-DD", "a date, YYYY-MM-DD"),
        "datetime": say("日期和时间，YYYY-MM-DDTHH:MM", "a date and time, YYYY-MM-DDTHH:MM"),
        "number": say("数字", "a number"),
    }[question["kind"]]


def render_decision(bundle, decision, lang):
    """The decision as plain text for the terminal."""
    lines = [f"{_term('status', lang)}: {_term(decision['status'], lang)} · {decision['title'][lang]}"]
    for item in verdict.rows(decision, "staff"):
        lines += _TEXT_ROWS[item["key"]](bundle, item["value"], lang)
    return "\n".join(lines)


def _label(key, lang, *parts):
    return " · ".join([_term(key, lang)] + list(parts))


def _text_postage(bundle, postage, lang):
    return [
        f"{_label('postage', lang, _term(leg, lang))}: {vocabulary.leg_text(postage[leg], lang, words('term', 'staff'))}"
        for leg in ("return_leg", "resend_leg")
        if postage[leg]
    ]


def _text_flag(bundle, flag, lang):
    return [
        f"{_term('flag', lang)}: {bundle['rules'][flag['rule']]['title'][lang]}",
        f"{_term('note', lang)}: {flag['note'][lang]}",
    ]


def _text_deadlines(bundle, deadlines, lang):
    return [
        f"{_label('deadlines', lang, bundle['rules'][d['rule']]['title'][lang])}: {d['due'].replace('T', ' ')} ({_term(d['weekday'], lang)})"
        for d in deadlines
    ]


def _role(bundle, role, lang):
    return bundle["roles"][role][lang] if role in bundle["roles"] else _term(role, lang)


def _text_escalation(bundle, escalation, lang):
    to = escalation["to"]
    reasons = ", ".join(_role(bundle, r["to"], lang) + " " + r["rule"] for r in escalation["reasons"])
    named = bundle["roles"][to][lang] if to in bundle["roles"] else _term(to, lang)
    return [f"{_term('escalation', lang)}: {named}" + (f" ({reasons})" if reasons else "")]


# How each row of the decision model (checker.engine.verdict) looks in the terminal.
_TEXT_ROWS = {
    "say": lambda bundle, say, lang: [f"{_term('say', lang)}: {say[lang]}"],
    "resolution": lambda bundle, value, lang: [f"{_term('resolution', lang)}: {_term(value, lang)}"],
    "postage": _text_postage,
    "price_difference": lambda bundle, r, lang: [f"{_term('price_difference', lang)}: {bundle['rules'][r]['text'][lang]}"],
    "flag": _text_flag,
    "department": lambda bundle, role, lang: [f"{_term('department', lang)}: {bundle['roles'][role][lang]}"],
    "deadlines": _text_deadlines,
    "follow_up": lambda bundle, r, lang: [f"{_term('follow_up', lang)}: {bundle['rules'][r]['text'][lang]}"],
    "versions": lambda bundle, v, lang: [
        f"{_term('versions', lang)}: {verdict.version_text(bundle['rules'], v, words('term', 'staff'), lang)} ({v['rule']})"
    ],
    "compared": lambda bundle, c, lang: [
        f"{_term('compared', lang)}: {verdict.compared_text(bundle['flows'][c['flow']], bundle['rules'], c, lang)} ({c['rule']})"
    ],
    "escalation": _text_escalation,
    "warnings": lambda bundle, warning, lang: [f"{_term('warnings', lang)}: {warning[lang]}"],
    "rules": lambda bundle, ids, lang: (
        [f"{_term('rules', lang)}:"] + [f"  {r}  {bundle['rules'][r]['title'][lang]}" for r in ids]
    ),
}


def _walk(bundle, flow, lang, today=None):
    prompts = {key: word("cli." + key)[lang] for key in ("back", "restart", "quit", "again", "today", "now")}
    answers, history = {}, []
    print(f"{flow.data['title'][lang]} — {prompts['back']} · {prompts['restart']} · {prompts['quit']}")
    while True:
        try:
            result = step(bundle, flow.id, answers, flow=flow, today=today or _now().date().isoformat())
        except AnswerError as error:
            # An answer that is fine alone but not with the others (a request before the
            # sign-off, a date after today): drop it and ask that question again, saying why.
            print(f"   ! {error.shown(lang)}")
            answers.pop(error.question_id, None)
            if error.question_id in history:
                history.remove(error.question_id)
            continue
        if result["type"] == "decision":
            print()
            print(render_decision(bundle, result["decision"], lang))
            reply = _read(f"\n[{prompts['again']}] > ")
            if reply in (None, "q"):
                return 0
            if reply == "r":
                answers, history = {}, []
            continue
        question = result["question"]
        rule = bundle["rules"][question["why"]]
        print(f"\n{len(history) + 1}. {question['ask'][lang]}")
        print(f"   {_term('why', lang)}: {rule['id']} {rule['title'][lang]} — {wording(rule, 'text', lang)}")
        if question["kind"] == "choice":
            for number, option in enumerate(question["answers"], 1):
                print(f"   {number}) {option['label'][lang]}")
        hint = {
            "date": f"YYYY-MM-DD, {prompts['today']}" if question.get("default") == "today" else "YYYY-MM-DD",
            "datetime": f"YYYY-MM-DD HH:MM, {prompts['now']}" if question.get("default") == "now" else "YYYY-MM-DD HH:MM",
            "number": question.get("unit", {}).get(lang, ""),
            "choice": f"1-{len(question.get('answers', []))}",
        }[question["kind"]]
        reply = _read(f"   [{hint}] > ")
        if reply is None or reply == "q":
            return 0
        if reply == "b":
            if history:
                answers.pop(history.pop(), None)
            continue
        if reply == "r":
            answers, history = {}, []
            continue
        value = _interpret(question, reply)
        try:
            normalise_answer(question, value)
        except AnswerError as error:
            print(f"   ! {error.shown(lang)}")
            continue
        answers[question["id"]] = value
        history.append(question["id"])


def _interpret(question, reply):
    """Turn what was typed into an answer: a choice number, or an empty line for today/now."""
    if question["kind"] == "choice":
        number, _ = parse_number(reply)
        if isinstance(number, int) and 1 <= number <= len(question["answers"]):
            return question["answers"][number - 1]["value"]
    now = _now()
    if reply == "" and question.get("default") == "today":
        return now.date().isoformat()
    if reply == "" and question.get("default") == "now":
        return now.strftime("%Y-%m-%dT%H:%M")
    return reply


def _now():
    """This computer's local date and time: the CLI's "today" for defaults and checks."""
    return datetime.datetime.now()


def _read(prompt):
    if sys.stdin is None:  # started with its input closed (`<&-`): nothing more will come
        print()
        return None
    try:
        return input(prompt).strip()
    except EOFError:
        print()
        return None
