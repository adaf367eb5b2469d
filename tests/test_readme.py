"""Every example in the README works as written: commands, the case file, the JSON shape,
the Makefile targets it names, and the rule change it walks through."""

import io
import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from sitebuild import build_site, copy_project

from checker.commands.cli import main
from checker.engine import step
from checker.loader import load_rules
from checker.site import generate_pages
from checker.site.flows import mermaid

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title):
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def code_blocks(text, language):
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def run(args, **kwargs):
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def readme_case(tmp_path_factory):
    [block] = code_blocks(section("Case files"), "yaml")
    path = tmp_path_factory.mktemp("readme") / "CASE.yaml"
    path.write_text(block, encoding="utf-8")
    return path


def command_lines():
    """The Commands block, each line expanded: every alternative (a|b), each option once."""
    [block] = code_blocks(section("Commands"), "sh")
    found = []
    for line in block.splitlines():
        command = line.split(" #", 1)[0].strip()
        if not command:
            continue
        assert command.startswith(".venv/bin/python -m checker "), command
        words = re.sub(r"\[--lang zh\|en\]", "[--lang=zh|en]", command).split()[3:]
        required = [w for w in words if not w.startswith("[")]
        options = [w.strip("[]").split("=", 1) for w in words if w.startswith("[")]
        alternatives = [[]]
        for word in required:
            alternatives = [a + [choice] for a in alternatives for choice in word.split("|")]
        found.extend(alternatives)
        for option in options:
            values = option[1].split("|") if len(option) == 2 else [None]
            found.extend(alternatives[0] + [option[0]] + ([value] if value else []) for value in values)
    return found


def test_every_command_in_the_readme_runs(readme_case, tmp_path, monkeypatch, capsys):
    commands = command_lines()
    assert ["walk", "complaints"] in commands and ["decide", "returns", "CASE.yaml", "--lang", "en"] in commands
    for words in commands:
        words = [
            str(readme_case)
            if w == "CASE.yaml"
            else str(tmp_path / "rules.json")
            if w == "build/rules.json"
            else str(tmp_path / "tree")
            if w == "build/tree"
            else w
            for w in words
        ]
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"q\n"), encoding="utf-8"))  # a real stdin has .buffer
        status = main(words)
        captured = capsys.readouterr()
        assert status == 0, (words, captured.err)
        assert "Traceback" not in captured.err
    assert json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))["rules"]


def test_the_validator_output_in_the_readme_is_what_it_prints(tmp_path, monkeypatch, capsys):
    """The misspelt owner of the Commands section, validated in each language as shown."""
    [block] = code_blocks(section("Commands"), "text")
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "returns.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    line = int(re.search(r"`owner: cs_supervisr` on line (\d+) of `rules/returns.yaml`", section("Commands")).group(1)) - 1
    assert lines[line].strip() == "owner: cs_supervisor"
    lines[line] = lines[line].replace("cs_supervisor", "cs_supervisr")
    path.write_text("".join(lines), encoding="utf-8")
    runs = re.findall(r"^\$ \.venv/bin/python -m checker (.*)\n((?:[^$].*\n)+)", block, re.M)
    assert [command for command, _ in runs] == ["validate", "validate --lang en"]
    monkeypatch.chdir(tmp_path)
    for command, shown in runs:
        assert main(["--rules", "rules", *command.split()]) == 1
        assert capsys.readouterr().err == shown, command


def test_the_readme_case_file_decides_as_its_name_says(readme_case):
    result = run(["checker", "decide", "returns", str(readme_case), "--json"])
    decision = json.loads(result.stdout)["decision"]
    assert decision["status"] == "not_eligible"
    assert decision["answers"]["condition"] == "washed"
    assert decision["facts"]["window_day"] == 5


def test_the_json_shape_in_the_readme_is_the_real_one(readme_case):
    [block] = code_blocks(section("JSON output (`decide --json`)"), "jsonc")
    documented = set(re.findall(r'^\s{4}"([a-z_]+)":', block, re.M)) | set(re.findall(r'"([a-z_]+)": null', block))
    decision = json.loads(run(["checker", "decide", "returns", str(readme_case), "--json"]).stdout)["decision"]
    assert documented == set(decision)


def test_every_make_target_the_readme_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    named = set(re.findall(r"`make ([a-z][a-z-]*)", README))
    assert {"serve", "test"} <= named
    assert named <= targets


def test_the_readme_rule_change_builds_and_everything_follows(tmp_path):
    """Change days: 7 under RET-WINDOW to 10, as the README says: pages, chart and checker follow."""
    text = section("Changing a rule")
    assert "change `days: 7` under\n`RET-WINDOW` in `rules/returns.yaml` to `10`" in text
    project = copy_project(tmp_path / "project")
    path = project / "rules" / "returns.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("      - id: RET-WINDOW")
    index = next(i for i in range(start, len(lines)) if lines[i].strip() == "days: 7")
    lines[index] = lines[index].replace("days: 7", "days: 10")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    bundle = load_rules(project / "rules")
    pages = generate_pages(bundle, "staff")
    assert "10 个日历天" in pages["policies/returns.md"] or "10 天" in pages["policies/returns.md"]
    assert "**10**" in pages["reference/quick.md"]
    assert "#gt; 10" in mermaid(bundle["flows"]["returns"], bundle)
    answers = yaml.safe_load(
        "{dispute: 'no', sold_by_us: 'yes', reason: size, signed_on: '2026-10-01', exchanged_before: 'no', condition: resaleable}"
    )
    day_ten = step(bundle, "returns", dict(answers, requested_on="2026-10-11"))
    assert day_ten["type"] == "question"  # still in the window: the checker goes on
    day_eleven = step(bundle, "returns", dict(answers, requested_on="2026-10-12", refuses_all="no"))
    assert day_eleven["decision"]["outcome"] != day_ten.get("decision", {}).get("outcome")
    assert day_eleven["decision"]["status"] == "not_eligible"
    for config in ("mkdocs.yml", "mkdocs.public.yml"):
        assert build_site(tmp_path / config, config, project=project) == []


def test_the_platform_sections_generate_commands_build_trees_mkdocs_reads(tmp_path, monkeypatch, capsys):
    """The two `generate` lines of "The platform, and the way off it", as written, into a
    temporary folder instead of build/; each tree's mkdocs.yml names no plugin of ours."""
    [block] = code_blocks(section("The platform, and the way off it"), "sh")
    lines = [line.split(" #", 1)[0].strip() for line in block.splitlines() if line.strip()]
    assert len(lines) == 2 and all(line.startswith(".venv/bin/python -m checker generate ") for line in lines)
    monkeypatch.chdir(ROOT)
    for line in lines:
        words = [str(tmp_path / w) if w.startswith("build/") else w for w in line.split()[3:]]
        assert main(words) == 0, capsys.readouterr().err
        out = tmp_path / line.split("--out ", 1)[1].split()[0]
        assert (out / "docs" / "policies" / "returns.md").is_file()
        plugins = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
        assert [next(iter(p)) if isinstance(p, dict) else p for p in plugins] == ["search"]
