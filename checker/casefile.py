"""Case files: the answers to a flow's questions, as YAML, checked before the engine sees them.

name: a washed sweater returned on day 5   # optional
answers:
  reason: size
  signed_on: 2026-03-01
"""

import difflib

from .errors import UsageError
from .yamlsource import MarkedDict, load_yaml_text, read_text_file

__all__ = ["load_case", "CASE_KEYS"]

CASE_KEYS = ("name", "flow", "answers", "rules", "expect", "story", "notes")


def load_case(path, flow, lang="zh"):
    """Read a case file for ``flow`` (an engine Flow); return (answers, marks by question id).

    A file YAML cannot read is reported in ``lang``, like the answers' messages."""
    try:
        text = read_text_file(path, "case file")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such case file") from None
    except ValueError as error:
        raise UsageError(f"{path}: {error}") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the case file ({error.strerror})") from None
    data, problem = load_yaml_text(text, path)
    if problem:
        raise UsageError(problem.render(lang))
    if not isinstance(data, MarkedDict):
        raise UsageError(f"{path}:1:1: a case file is a mapping with 'answers:'; see README 'Case files'")
    for key in data:
        if key not in CASE_KEYS:
            hint = difflib.get_close_matches(key, CASE_KEYS, n=1)
            tip = f"; did you mean '{hint[0]}'?" if hint else f"; allowed: {', '.join(CASE_KEYS)}"
            raise UsageError(f"{data.key_mark(key)}: unknown key '{key}'{tip}")
    if "flow" in data and data["flow"] != flow.id:
        raise UsageError(f"{data.value_mark('flow')}: this case is for flow '{data['flow']}', not '{flow.id}'")
    answers = data.get("answers")
    if not isinstance(answers, MarkedDict):
        where = data.value_mark("answers") if "answers" in data else data.mark
        raise UsageError(f"{where}: 'answers' must be a mapping of question id to answer")
    for qid, value in answers.items():
        if qid not in flow.questions:
            hint = difflib.get_close_matches(qid, list(flow.questions), n=1)
            tip = f"; did you mean '{hint[0]}'?" if hint else ""
            raise UsageError(f"{answers.key_mark(qid)}: '{qid}' is not a question of flow '{flow.id}'{tip}")
        if isinstance(value, (dict, list)) or value is None:
            raise UsageError(f"{answers.value_mark(qid)}: the answer to '{qid}' must be a single value")
    return dict(answers), {qid: answers.value_mark(qid) for qid in answers}
