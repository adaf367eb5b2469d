"""A corpus of bad case files and arguments: each gets exit 2 and exactly one line, never 70.

The cases are generated from golden cases: every answer on the case's path is replaced by a
value an agent might mistype (YAML 1.1 numbers, superscripts, tags, huge digit strings...),
and whole files are broken in the ways people and attackers break them.
"""

import os

import pytest
from conftest import CASES, read_case, rules_bundle

from checker.commands import cli
from checker.engine import Flow, step

BASES = [CASES / "returns" / name for name in ("27-washed-sweater-day-5.yaml", "18-missing-item-in-time.yaml")]

# Written as YAML source after "question: "; none is a usable answer to any question.
BAD_VALUES = [
    "1:30",
    "0x10",
    "0o17",
    "1_000",
    "²",
    "①",
    "9" * 5000,
    "'" + "9" * 5000 + "'",
    "!!int abc",
    "!!float abc",
    "!!bool maybe",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "[1, 2]",
    "{a: 1}",
    "~",
    "''",
    "abc",
    ".inf",
    ".nan",
    "2026-13-01",
    "'٤٨:٠٠'",
    '"no\\nyes"',  # a line break inside the value: the message quoting it stays one line
    '"size\\u2028"',
]

BROKEN_FILES = {
    "empty": "",
    "a list": "- answers\n",
    "a scalar": "just text\n",
    "unknown key": "answer: {}\n",
    "answers a list": "answers: [1, 2]\n",
    "answers missing": "name: x\n",
    "wrong flow": "flow: complaints\nanswers: {dispute: 'no'}\n",
    "unknown question": "answers: {reasn: size}\n",
    "line break in a key": 'answers: {"reas\\non": size}\n',
    "duplicate key": "answers: {dispute: 'no', dispute: 'yes'}\n",
    "alias": "answers: {dispute: &a 'no', sold_by_us: *a}\n",
    "python tag": "answers: {dispute: !!python/object/apply:os.system ['true']}\n",
    "custom tag": "answers: {dispute: !shell 'no'}\n",
    "syntax": "answers: {dispute: 'no'\n",
    "tab": "answers:\n\tdispute: 'no'\n",
    "nul": "answers: {dispute: 'n\x00o'}\n",
    "bell": "answers: {dispute: no\x07}\n",
    "deep": "answers: {dispute: " + "[" * 300 + "]" * 300 + "}\n",
    "deep block": "answers:\n" + "".join("  " * i + "k:\n" for i in range(1, 300)),
    "huge": "# " + "x" * 1_100_000 + "\nanswers: {}\n",
    "missing answer": "answers: {dispute: 'no'}\n",
    "bad merge": "answers: {<<: 1}\n",
    "two documents": "answers: {}\n---\nanswers: {}\n",
    "set": "answers: !!set {dispute}\n",
    "key not text": "answers: {1: 'no'}\n",
    "not utf-8": b"answers: {dispute: '\xff\xfe'}\n",
}


def on_path(flow, answers):
    """The question ids of a complete case whose answers the decision actually uses."""
    used = []
    for qid in answers:
        others = {k: v for k, v in answers.items() if k != qid}
        result = step(flow.bundle, flow.id, others, flow=flow)
        if result["type"] == "question" and result["question"]["id"] == qid:
            used.append(qid)
    return used


def corpus():
    """(test id, case file bytes or None, extra command-line arguments)."""
    bundle = rules_bundle()
    items = []
    for base in BASES:
        answers = dict(read_case(base)["answers"])
        flow = Flow(bundle, "returns")
        for qid in on_path(flow, answers):
            for number, value in enumerate(BAD_VALUES):
                lines = [f"  {key}: {value if key == qid else repr(str(answers[key]))}" for key in answers]
                text = "answers:\n" + "\n".join(lines) + "\n"
                items.append((f"{base.stem[:2]}-{qid}-{number}", text.encode("utf-8"), ()))
    for name, text in BROKEN_FILES.items():
        items.append((f"file-{name}", text if isinstance(text, bytes) else text.encode("utf-8"), ()))
    return items


ARGUMENTS = [
    ("decide", "nowhere", "{case}"),
    ("decide", "returns", "{missing}"),
    ("decide", "returns", "{broken_line}"),
    ("decide", "returns", "{folder}"),
    ("decide", "returns", "{fifo}"),
    ("decide", "returns", "/dev/zero"),
    ("decide", "returns", ""),
    ("decide", "returns"),
    ("decide", "returns", "{case}", "--lang", "fr"),
    ("decide", "returns", "{case}", "--colour"),
    ("explode",),
    ("walk",),
    ("walk", "nowhere"),
    ("compile",),
    ("compile", "--out", ""),
    ("compile", "--out", "{folder}"),
    ("compile", "--out", "{case}/x.json"),
]


@pytest.fixture
def cli_run(monkeypatch, capsys):
    """Run the CLI in this process on the repository's rules (loaded once): (status, stderr lines)."""
    monkeypatch.setattr(cli, "load_rules", lambda path, warnings=None: rules_bundle())

    def run(*argv):
        status = cli.main(list(argv))
        return status, capsys.readouterr().err.splitlines()

    return run


def assert_one_line_exit_2(status, err):
    assert status == 2, err
    assert len(err) == 1 and err[0].startswith(("错误：", "error: ")), err


def test_the_corpus_has_at_least_100_entries():
    assert len(corpus()) + len(ARGUMENTS) >= 100


@pytest.mark.parametrize("name, data, extra", corpus(), ids=lambda item: item if isinstance(item, str) else "")
def test_a_bad_case_file_gets_one_line_and_exit_2(name, data, extra, cli_run, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_bytes(data)
    assert_one_line_exit_2(*cli_run("decide", "returns", str(case), *extra))


@pytest.mark.parametrize("argv", ARGUMENTS, ids=" ".join)
def test_bad_arguments_get_one_line_and_exit_2(argv, cli_run, tmp_path):
    case = tmp_path / "case.yaml"
    case.write_text("answers: {dispute: 'no'}\n", encoding="utf-8")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    broken_line = tmp_path / "two\nlines" / "case.yaml"  # a path with a line break, and a bad answer in it
    broken_line.parent.mkdir()
    broken_line.write_text("answers: {dispute: maybe}\n", encoding="utf-8")
    places = {"case": case, "missing": tmp_path / "missing.yaml", "folder": tmp_path, "fifo": fifo, "broken_line": broken_line}
    assert_one_line_exit_2(*cli_run(*(arg.format(**places) for arg in argv)))
