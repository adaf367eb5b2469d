"""The command line: right answers, stable JSON, one-line errors with exit status 2, no tracebacks."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import CASES, ROOT

RETURNS_CASE = CASES / "returns" / "27-washed-sweater-day-5.yaml"
COMPLAINT_CASE = CASES / "complaints" / "03-rude-agent-friday-before-qingming.yaml"


def run(*args, stdin=None, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k != "POLICY_CHECKER_DEBUG"}
    env["PYTHONPATH"] = str(ROOT)  # this checkout's checker, whatever the working folder
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=60
    )


def write_case(tmp_path, body, name="case.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_validate_reports_ok_on_the_repository_rules():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("OK")
    assert " 条规则，" in result.stdout  # Chinese unless asked otherwise
    english = run("validate", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert " rules in " in english.stdout and english.stdout.strip().endswith("OK")


def test_validate_lists_problems_and_exits_1(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("kind: area\narea: x\norder: 1\n", encoding="utf-8")
    result = run("--rules", str(rules), "validate")
    assert result.returncode == 1
    assert "bad.yaml:1:1: 这个文件缺少 'title'；请加上" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("规则里有 ")
    assert "Traceback" not in result.stderr
    english = run("--rules", str(rules), "validate", "--lang", "en")
    assert english.returncode == 1
    assert "bad.yaml:1:1: the file is missing 'title'; add it" in english.stderr
    assert english.stderr.splitlines()[-1].endswith("problem(s) in the rules; fix them and run again.")
    assert [line.split(": ", 1)[0] for line in english.stderr.splitlines()[:-1]] == [
        line.split(": ", 1)[0] for line in result.stderr.splitlines()[:-1]
    ]  # the same problems at the same places, in the same order


def test_decide_prints_the_verdict_in_chinese_by_default():
    result = run("decide", "returns", str(RETURNS_CASE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "判定: 不符合 · 商品不可二次销售，不予退换"
    assert "RET-CONDITION" in result.stdout


def test_decide_json_has_the_documented_shape():
    result = run("decide", "complaints", str(COMPLAINT_CASE), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["version"] == 1
    decision = document["decision"]
    assert set(decision) == {
        "flow",
        "outcome",
        "status",
        "steps",
        "compared",
        "title",
        "say",
        "resolution",
        "postage",
        "price_difference",
        "flag",
        "category",
        "department",
        "deadlines",
        "follow_up",
        "escalation",
        "answers",
        "facts",
        "trace",
        "rules",
        "warnings",
        "versions",
    }
    assert decision["deadlines"] == [
        {"rule": "CMP-FIRST-REPLY", "due": "2026-04-05T20:00", "weekday": "sun"},
        {"rule": "CMP-RESOLVE", "due": "2026-04-15T18:30", "weekday": "wed"},
    ]
    assert decision["escalation"] == {"to": "cs_supervisor", "reasons": [{"to": "cs_supervisor", "rule": "CMP-ESC-AGENT"}]}
    assert [step["step"] for step in decision["trace"]][:3] == ["received_at", "channel", "category"]


BAD_INPUTS = {
    "unknown answer": (
        "answers:\n  dispute: maybe\n",
        "case.yaml:2:12: 「买家是否已发起平台维权？」：“maybe”不是可选的答案；请选择：是 (yes)、否 (no)",
    ),
    "unknown question": (
        "answers:\n  disput: 'no'\n",
        "case.yaml:2:3: 'disput' 不是流程 'returns' 的问题；是不是想写 'dispute'？",
    ),
    "missing answer": (
        "answers:\n  dispute: 'no'\n",
        "case.yaml: 缺少 'sold_by_us' 的回答（可选：yes、no）：商品是本店售出的吗？",
    ),
    "negative day count": (
        "answers:\n  dispute: 'no'\n  sold_by_us: 'yes'\n  reason: size\n  signed_on: 2026-03-05\n  requested_on: 2026-03-01\n",
        "case.yaml:6:17: 「买家哪天提出退换货？」的答案（2026-03-01）早于「包裹哪天签收？」的答案（2026-03-05）；请检查这两个日期",
    ),
    "negative hours": (
        "answers:\n  dispute: 'no'\n  sold_by_us: 'yes'\n  reason: missing_item\n  missing_hours: -2\n",
        "case.yaml:5:18: 「买家在签收后多少小时反馈少件？」：至少为 0，不能是 -2",
    ),
    "malformed date": (
        "answers:\n  dispute: 'no'\n  sold_by_us: 'yes'\n  reason: size\n  signed_on: 2026-3-5\n",
        "case.yaml:5:14: 「包裹哪天签收？」：“2026-3-5”不是日期；请写成 YYYY-MM-DD",
    ),
    "year no one means": (
        "answers:\n  dispute: 'no'\n  sold_by_us: 'yes'\n  reason: size\n  signed_on: 0000-03-05\n",
        "case.yaml:5:14: 「包裹哪天签收？」：0000-03-05 不在店铺日历覆盖的年份内（2026–2027）；请检查年份",
    ),
    "not a mapping": ("- dispute\n", "case.yaml:1:1: 案例文件应是带 'answers:' 的映射；见 README 的 “Case files”"),
    "duplicate key": (
        "answers:\n  dispute: 'no'\n  dispute: 'yes'\n",
        "case.yaml:3:3: 键 'dispute' 重复了（第一次在第 2 行）；只保留其中一个",
    ),
    "yaml syntax": (
        "answers: {dispute: 'no'\n",
        "case.yaml:1:24: 第 1 行第 10 列的 '{' 没有闭合；请在这一项的末尾补上 '}'，各项之间用半角逗号 ','",
    ),
}


@pytest.mark.parametrize("body,message", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_case_input_gets_one_line_and_exit_2(tmp_path, body, message):
    write_case(tmp_path, body)
    result = run("decide", "returns", "case.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"错误：{message}\n"


ENGLISH = {
    "unknown question": "case.yaml:2:3: 'disput' is not a question of flow 'returns'; did you mean 'dispute'?",
    "missing answer": "case.yaml: missing answer for 'sold_by_us' (one of: yes, no): Was the item sold by this shop?",
    "not a mapping": "case.yaml:1:1: a case file is a mapping with 'answers:'; see README 'Case files'",
}


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_bad_case_input_in_english_on_request(tmp_path, name):
    write_case(tmp_path, BAD_INPUTS[name][0])
    result = run("decide", "returns", "case.yaml", "--lang", "en", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"error: {ENGLISH[name]}\n")


SIGNED_AFTER_TODAY = "answers:\n  dispute: 'no'\n  sold_by_us: 'yes'\n  reason: size\n  signed_on: 2026-11-12\n"


@pytest.mark.parametrize(
    "lang,message",
    [
        ("zh", "「包裹哪天签收？」：2026-11-12 晚于今天（2026-11-10）；这件事应已发生，请检查日期"),
        (
            "en",
            '"On what date was the parcel signed for?": 2026-11-12 is after today (2026-11-10); this has already happened, so check the date',
        ),
    ],
)
def test_decide_refuses_a_sign_off_after_today_in_the_chosen_language(tmp_path, lang, message):
    write_case(tmp_path, SIGNED_AFTER_TODAY)
    result = run("decide", "returns", "case.yaml", "--today", "2026-11-10", "--lang", lang, cwd=tmp_path)
    prefix = "错误：" if lang == "zh" else "error: "
    assert (result.returncode, result.stderr) == (2, f"{prefix}case.yaml:5:14: {message}\n")
    later = run("decide", "returns", "case.yaml", "--today", "2026-11-12", cwd=tmp_path)
    assert "缺少 'requested_on' 的回答" in later.stderr  # on the day itself it is accepted


def test_today_must_be_a_real_date():
    result = run("decide", "returns", str(RETURNS_CASE), "--today", "2026-02-30")
    assert result.returncode == 2
    assert "'2026-02-30' is not a date; write it as YYYY-MM-DD" in result.stderr


def test_walk_asks_again_for_a_date_after_today():
    replies = "2\n1\n5\n2026-11-12\n2026-11-09\nq\n"
    result = run("walk", "returns", "--today", "2026-11-10", stdin=replies)
    assert result.returncode == 0, result.stderr
    assert "! 「包裹哪天签收？」：2026-11-12 晚于今天（2026-11-10）" in result.stdout
    assert result.stdout.count("包裹哪天签收？") == 3  # asked, refused (named in the message), asked again
    assert "买家哪天提出退换货？" in result.stdout


def test_unreadable_case_file(tmp_path):
    result = run("decide", "returns", str(tmp_path / "nowhere.yaml"))
    assert (result.returncode, result.stderr) == (2, f"错误：{tmp_path / 'nowhere.yaml'}：没有这个案例文件\n")
    (tmp_path / "latin1.yaml").write_bytes(b"answers:\n  reason: \xe9\n")
    result = run("decide", "returns", str(tmp_path / "latin1.yaml"))
    assert (result.returncode, result.stderr) == (
        2,
        f"错误：{tmp_path / 'latin1.yaml'}：不是 UTF-8 文本；请把案例文件存为 UTF-8\n",
    )


def test_unknown_flow_and_bad_arguments_exit_2():
    result = run("decide", "refunds", str(RETURNS_CASE))
    assert (result.returncode, result.stderr) == (2, "错误：没有流程 'refunds'；请选择：complaints、returns\n")
    result = run("decide", "refunds", str(RETURNS_CASE), "--lang", "en")
    assert (result.returncode, result.stderr) == (2, "error: unknown flow 'refunds'; choose one of: complaints, returns\n")
    result = run("frobnicate")
    assert result.returncode == 2 and result.stderr.startswith(
        "错误：python -m checker：命令行有误（argument command: invalid choice"
    )
    result = run("frobnicate", "--lang", "en")
    assert result.returncode == 2 and result.stderr.startswith("error: python -m checker: argument command: invalid choice")


def test_compile_writes_the_bundle_and_nothing_when_rules_are_broken(tmp_path):
    out = tmp_path / "site" / "rules.json"
    assert run("compile", "--out", str(out)).returncode == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["flows"]["returns"]["start"] == "dispute"
    before = out.read_bytes()
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("kind: nonsense\n", encoding="utf-8")
    result = run("--rules", str(rules), "compile", "--out", str(out))
    assert result.returncode == 1
    assert out.read_bytes() == before
    assert [p.name for p in out.parent.iterdir()] == ["rules.json"]


def test_walk_asks_one_question_at_a_time_and_supports_back():
    keys = "2\n1\n6\n2026-03-01\n2026-03-05\nb\n2026-03-12\n2\n"
    result = run("walk", "returns", "--lang", "en", stdin=keys)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("On what date did the buyer ask") == 2  # asked again after 'b'
    assert "Why this is asked: RET-WINDOW Return window — A return or exchange must be requested within 7 calendar days" in out
    assert "Does the buyer refuse every option" in out
    assert "Decision: Not eligible · Past the return window: not eligible" in out


def test_walk_rejects_a_bad_answer_inline_and_asks_again():
    result = run("walk", "complaints", "--lang", "en", stdin="2026-02-30 10:00\nq\n")
    assert result.returncode == 0
    assert (
        '! "When was the complaint received?": "2026-02-30 10:00" is not a date and time; write it as YYYY-MM-DDTHH:MM'
        in result.stdout
    )
    assert result.stdout.count("When was the complaint received?") == 3  # asked, named in the message, asked again


@pytest.mark.parametrize(
    "old,new,message",
    [
        (
            '      public_answer: "no"\n      kind: choice\n',
            "not_after: today",
            "not_after 'today' needs a date or datetime question",
        ),
        ("      kind: date\n      not_after: today\n      next: requested_on\n", "not_after: tomorrow", "tomorrow"),
    ],
    ids=["on a choice", "not today"],
)
def test_not_after_is_only_today_and_only_on_dates(tmp_path, old, new, message):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    text = (rules / "returns.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, old.replace("      not_after: today\n", "") + "      " + new + "\n")
    (rules / "returns.yaml").write_text(text, encoding="utf-8")
    result = run("--rules", str(rules), "validate", "--lang", "en")
    assert result.returncode == 1
    line = text.splitlines().index("      " + new) + 1
    [problem] = [p for p in result.stderr.splitlines() if f"returns.yaml:{line}:18:" in p]
    assert message in problem
