"""The world's faults: a full disk, a file-size limit, a closed output, an unreadable rules
folder, Ctrl-C at any moment. Each gets one line in the command's language and the exit
status the README documents, never a traceback or the internal-error status 70."""

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CASES, ROOT

from checker.commands import cli
from checker.errors import RulesError
from checker.loader import load_rules

CASE = CASES / "returns" / "27-washed-sweater-day-5.yaml"
ENV = dict({k: v for k, v in os.environ.items() if k != "POLICY_CHECKER_DEBUG"}, PYTHONPATH=str(ROOT))


def checker(*args, **options):
    return subprocess.Popen(
        [sys.executable, "-m", "checker", *args], cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True, **options
    )


def finished(process, timeout=60):
    _, err = process.communicate(timeout=timeout)
    assert "Traceback" not in err, err
    return process.returncode, err.splitlines()


@pytest.mark.parametrize("lang, words", [("zh", "磁盘已满"), ("en", "the disk is full")])
def test_decide_onto_a_full_disk_says_so_and_exits_74(lang, words):
    with open("/dev/full", "w") as full:
        status, err = finished(checker("decide", "returns", str(CASE), "--lang", lang, stdout=full))
    assert status == 74
    assert len(err) == 1 and words in err[0], err


def test_a_closed_output_says_so_and_exits_74():
    closed = subprocess.Popen(
        ["sh", "-c", f'exec "{sys.executable}" -m checker validate --lang en >&-'],
        cwd=ROOT,
        env=ENV,
        stderr=subprocess.PIPE,
        text=True,
    )
    status, err = finished(closed)
    assert status == 74
    assert err == [
        "error: could not read or write (the output is closed); check disk space, file-size limits, permissions and where the output goes"
    ]


def test_walk_with_its_input_closed_ends_as_at_the_end_of_the_input():
    command = f'exec "{sys.executable}" -m checker walk returns <&-'
    closed = subprocess.Popen(["sh", "-c", command], cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    status, err = finished(closed)
    assert (status, err) == (0, [])


def test_compile_over_the_file_size_limit_leaves_nothing_and_exits_74(tmp_path):
    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))

    out = tmp_path / "bundle.json"
    status, err = finished(checker("compile", "--out", str(out), preexec_fn=small_files))
    assert status == 74
    assert len(err) == 1 and err[0].startswith(f"错误：{out}: ") and "超过了文件大小限制" in err[0], err
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_rules_folder_is_a_problem_at_the_folder(tmp_path, monkeypatch):
    # The tests may run as root, whom permissions do not stop: the folder refuses to be listed.
    rules = tmp_path / "rules"
    rules.mkdir()
    listing = Path.iterdir

    def refuse(path):
        if path == rules:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(Path, "iterdir", refuse)
    with pytest.raises(RulesError) as caught:
        load_rules(rules)
    assert [p.render("en") for p in caught.value.problems] == [
        f"{os.path.relpath(rules)}:1:1: cannot read the rules folder (permission denied); check its permissions"
    ]
    assert cli.main(["--rules", str(rules), "validate"]) == 1


def test_a_folder_or_a_device_named_like_a_rules_file_is_reported(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "shop.yaml").write_bytes((ROOT / "rules" / "shop.yaml").read_bytes())
    (rules / "x.yaml").mkdir()
    (rules / "zero.yaml").symlink_to("/dev/zero")
    (rules / "gone.yml").symlink_to(tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RulesError) as caught:
        load_rules(Path("rules"))
    not_a_file = "named like a rules file but not a regular file (a folder, a device or a broken link); rename or remove it"
    assert [p.render("en") for p in caught.value.problems] == [
        f"rules/{name}:1:1: {not_a_file}" for name in ("gone.yml", "x.yaml", "zero.yaml")
    ]


def interrupt_while(module):
    """A Python program that runs the CLI as `python -m checker walk returns` does and is
    interrupted (as by Ctrl-C) while ``module`` is being imported, deterministically."""
    return f"""
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
from checker.__main__ import run
sys.exit(run(sys.argv[1:]))
"""


@pytest.mark.parametrize("module", ["checker.commands.cli", "checker.loader", "checker.engine.graph", "yaml"])
@pytest.mark.parametrize("lang, words", [("zh", "已中断。"), ("en", "interrupted.")])
def test_ctrl_c_while_the_checker_starts_is_one_line_and_exit_130(module, lang, words):
    program = [sys.executable, "-c", interrupt_while(module), "walk", "returns", "--lang", lang]
    process = subprocess.Popen(
        program, cwd=ROOT, env=ENV, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert (process.returncode, err) == (130, words + "\n")


def test_ctrl_c_at_a_question_is_one_line_and_exit_130():
    process = checker("walk", "returns", stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    first = process.stdout.readline()  # the flow's title: the walk has started
    assert first.strip()
    process.send_signal(signal.SIGINT)
    status, err = finished(process)
    assert (status, err) == (130, ["已中断。"])


def test_the_console_script_starts_where_ctrl_c_is_answered():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'policy-checker = "checker.__main__:run"' in text
