"""Mistaken and hostile input: numbers, dates, code spans, walk typos, compile --out, pipes."""

import datetime
import os
import subprocess
import sys

import markdown
import pytest
from conftest import ROOT, rules_bundle

from checker.engine import AnswerError, normalise_answer
from checker.engine.dates import civil, day_number, format_date, parse_date
from checker.engine.numbers import parse_number
from checker.engine.text import fill
from checker.reading import yamlsource
from checker.site.markup import code, table
from checker.site.policies import flag_legend, flag_rules

NUMBER = {"id": "hours", "kind": "number", "min": 0}


def cli(*args, stdin=None, **kwargs):
    env = {k: v for k, v in os.environ.items() if k != "POLICY_CHECKER_DEBUG"}
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, cwd=ROOT, env=env, timeout=120, **kwargs)


@pytest.mark.parametrize(
    "text, value", [("48", 48), ("٤٨", 48), ("８", 8), ("１．５", 1.5), ("۴", 4), (" 12 ", 12), ("0.5", 0.5)]
)
def test_decimal_digits_of_every_listed_script_are_numbers(text, value):
    assert parse_number(text) == (value, None)
    assert normalise_answer(NUMBER, text) == value


@pytest.mark.parametrize("text", ["²", "①", "9" * 16, "9" * 5000, "1e3", "0x10", "1:30", "1_000", "", "."])
def test_other_digits_and_long_numbers_are_refused_with_a_reason(text):
    assert parse_number(text)[0] is None
    with pytest.raises(AnswerError) as caught:
        normalise_answer(NUMBER, text)
    assert "digits" in caught.value.message or "no answer" in caught.value.message.lower()
    assert len(caught.value.message) < 200


def test_dates_round_trip_around_year_zero_like_the_standard_library():
    epoch = datetime.date(1970, 1, 1)
    for days in range(day_number(1, 1, 1), day_number(1, 1, 1) + 800):
        assert civil(days) == (lambda d: (d.year, d.month, d.day))(epoch + datetime.timedelta(days))
    for text in ("0000-01-01", "0000-02-29", "0000-12-31", "0001-01-01", "9999-12-31"):
        assert format_date(parse_date(text)) == text
    assert parse_date("0001-01-01") - parse_date("0000-12-31") == 1


def test_a_note_in_a_code_span_shows_exactly_as_written():
    bundle = rules_bundle()
    notes = [fill(rule["params"]["note"]["zh"], {}) for rule in flag_rules(bundle)]  # blanks for the agent
    html = markdown.markdown(flag_legend(bundle, {}), extensions=["tables"])
    for note in notes:
        assert f"<code>{note}" in html  # bilingual builds add the English note after it
    assert "{" not in html, "the legend shows a note as agents write it, never its template"
    hostile = "{a|b} <script>x</script> `tick` *star* &amp;"
    cell = markdown.markdown(table(["h"], [[code(hostile)]]), extensions=["tables"])
    assert "<code>{a|b} &lt;script&gt;x&lt;/script&gt; `tick` *star* &amp;amp;</code>" in cell


def test_walk_asks_again_after_typos_and_a_request_before_the_sign_off():
    typos = ["²", "①", "9" * 5000, "2", "1", "5", "2026-10-12", "2026-10-01", "q"]
    result = cli(
        "walk", "returns", "--lang", "en", "--today", "2026-10-20", stdin="\n".join(typos) + "\n", capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    complaints = [line.strip() for line in result.stdout.replace(">", "\n").splitlines() if line.strip().startswith("!")]
    assert len(complaints) == 4, complaints
    assert complaints[-1].endswith(
        'is before the answer to "On what date was the parcel signed for?" (2026-10-12); check both dates'
    )
    assert result.stderr == ""


def test_compile_out_gets_the_usual_file_mode(tmp_path):
    out = tmp_path / "bundle.json"
    old = os.umask(0o022)
    try:
        assert cli("compile", "--out", str(out)).returncode == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_a_reader_that_stops_reading_ends_the_command_quietly():
    reader, writer = os.pipe()
    os.close(reader)
    try:
        case = ROOT / "tests" / "cases" / "returns" / "27-washed-sweater-day-5.yaml"
        result = cli("decide", "returns", str(case), "--json", stdout=writer, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


def _same_with_marks(fast, slow, where=""):
    assert type(fast) is type(slow), where
    if isinstance(fast, dict):
        assert list(fast) == list(slow), where
        assert (fast.mark.line, fast.mark.column) == (slow.mark.line, slow.mark.column), where
        for key in fast:
            for marks in ("key_marks", "value_marks"):
                a, b = getattr(fast, marks)[key], getattr(slow, marks)[key]
                assert (a.line, a.column) == (b.line, b.column), f"{where}/{key}"
            _same_with_marks(fast[key], slow[key], f"{where}/{key}")
    elif isinstance(fast, list):
        assert [(m.line, m.column) for m in fast.item_marks] == [(m.line, m.column) for m in slow.item_marks], where
        for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
            _same_with_marks(a, b, f"{where}[{index}]")
    else:
        assert fast == slow, where


@pytest.mark.parametrize("path", sorted(ROOT.glob("rules/*.yaml")) + sorted(ROOT.glob("examples/*/rules/*.yaml")), ids=str)
def test_the_fast_yaml_path_reads_exactly_what_the_exact_path_reads(path, monkeypatch):
    """libyaml composes the nodes when it safely can; data and every mark must be the same."""
    text = path.read_text(encoding="utf-8")
    assert yamlsource._fast_node(text) is not None
    fast, problem = yamlsource.load_yaml_text(text, "f.yaml")
    assert problem is None
    monkeypatch.setattr(yamlsource, "_fast_node", lambda text: None)
    slow, _ = yamlsource.load_yaml_text(text, "f.yaml")
    _same_with_marks(fast, slow)
