"""Case files: the answers to a flow's questions, as YAML, checked before the engine sees them.

name: a washed sweater returned on day 5   # optional
answers:
  reason: size
  signed_on: 2026-03-01
"""

from ..errors import UsageError, hint, listing, say
from .yamlsource import MarkedDict, load_yaml_text, read_text_file

__all__ = ["load_case", "read_case_file", "CASE_KEYS"]

CASE_KEYS = ("name", "flow", "answers", "rules", "expect", "story", "notes")


def load_case(path, flow, lang="zh"):
    """Read a case file for ``flow`` (an engine Flow); return (answers, marks by question id).

    A file YAML cannot read is reported in ``lang``, like the answers' messages."""
    answers = read_case_file(path, flow)["answers"]
    return dict(answers), {qid: answers.value_mark(qid) for qid in answers}


def read_case_file(path, flow):
    """The whole case file (answers, expect, ...), checked as ``load_case`` checks it."""
    try:
        text = read_text_file(path, say("案例文件", "case file"))
    except FileNotFoundError:
        raise UsageError(say(f"{path}：没有这个案例文件", f"{path}: no such case file")) from None
    except ValueError as error:
        raise UsageError(say(f"{path}：", f"{path}: ") + error.args[0]) from None
    except OSError as error:
        raise UsageError(
            say(f"{path}：读不了这个案例文件（{error.strerror}）", f"{path}: cannot read the case file ({error.strerror})")
        ) from None
    data, problem = load_yaml_text(text, path)
    if problem:
        raise UsageError(say(problem.render("zh"), problem.render("en")))
    if not isinstance(data, MarkedDict):
        raise UsageError(
            say(
                f"{path}:1:1: 案例文件应是带 'answers:' 的映射；见 README 的 “Case files”",
                f"{path}:1:1: a case file is a mapping with 'answers:'; see README 'Case files'",
            )
        )
    for key in data:
        if key not in CASE_KEYS:
            allowed = listing(CASE_KEYS)
            tip = hint(key, CASE_KEYS, say(f"；可用的键：{allowed.zh}", f"; allowed: {allowed.en}"))
            raise UsageError(say(f"{data.key_mark(key)}: 不认识的键 '{key}'", f"{data.key_mark(key)}: unknown key '{key}'") + tip)
    if "flow" in data and data["flow"] != flow.id:
        where, named = data.value_mark("flow"), data["flow"]
        raise UsageError(
            say(
                f"{where}: 这个案例属于流程 '{named}'，不是 '{flow.id}'",
                f"{where}: this case is for flow '{named}', not '{flow.id}'",
            )
        )
    answers = data.get("answers")
    if not isinstance(answers, MarkedDict):
        where = data.value_mark("answers") if "answers" in data else data.mark
        raise UsageError(
            say(f"{where}: 'answers' 应是“问题 id: 回答”的映射", f"{where}: 'answers' must be a mapping of question id to answer")
        )
    for qid, value in answers.items():
        if qid not in flow.questions:
            where = answers.key_mark(qid)
            raise UsageError(
                say(f"{where}: '{qid}' 不是流程 '{flow.id}' 的问题", f"{where}: '{qid}' is not a question of flow '{flow.id}'")
                + hint(qid, flow.questions)
            )
        if isinstance(value, (dict, list)) or value is None:
            where = answers.value_mark(qid)
            raise UsageError(
                say(f"{where}: '{qid}' 的回答只能是一个值", f"{where}: the answer to '{qid}' must be a single value")
            )
    return data
