"""No module in checker/ is over 400 lines: one subject per module, small enough to read."""

from conftest import ROOT

LIMIT = 400


def test_no_module_over_the_limit():
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "checker").rglob("*.py")
    }
    assert len(sizes) > 20  # the package was found
    assert {path: lines for path, lines in sizes.items() if lines > LIMIT} == {}
