"""The tool as a shop gets it: the wheel, installed into a fresh virtual environment outside this
repository, with no node_modules and no network. `policy-checker new` makes a shop that validates,
passes its golden cases, and builds both sites in both languages; so does a copy of the example
shop. The other packages (MkDocs, Material, ...) come from the test environment, read-only."""

import http.client
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from test_readme import code_blocks, section


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the fresh environment's bin folder, an environment to run it in)."""
    base = tmp_path_factory.mktemp("installed")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(base / "dist"), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    [wheel] = (base / "dist").glob("policy_checker-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bin_dir = venv / "bin"
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True, timeout=300
    )
    site = subprocess.run(
        [bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    )
    Path(site.stdout.strip(), "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # the dependencies' commands, as pip writes them when it installs them with the tool
    (bin_dir / "mkdocs").write_text(f"#!{bin_dir / 'python'}\nfrom mkdocs.__main__ import cli\ncli()\n", encoding="utf-8")
    (bin_dir / "mkdocs").chmod(0o755)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{bin_dir}:/usr/bin:/bin", NO_MKDOCS_2_WARNING="1")
    return bin_dir, env


def run(installed, *args, cwd):
    bin_dir, env = installed
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


def builds_both_sites(installed, shop):
    """Both sites of ``shop`` in both languages, from the installed tool only."""
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.public.yml", "site-public")):
        run(installed, "python", "-m", "mkdocs", "build", "--strict", "-q", "-f", config, cwd=shop)
        for page in ("index.html", "en/index.html", "checker/index.html", "en/checker/index.html"):
            assert (shop / site / page).is_file(), f"{site}/{page}"
        assert (shop / site / "assets/vendor/micropython/micropython.wasm").is_file()
        assert (shop / site / "assets/vendor/minisearch.js").is_file()
    assert (shop / "site/assets/vendor/mermaid/mermaid.mjs").is_file()
    assert list((shop / "site/assets/vendor/mermaid/chunks").glob("*/flowDiagram-*.mjs")), "the chunks a flowchart imports"


def test_the_installed_tool_is_the_wheel_and_carries_no_path_into_the_repository(installed, tmp_path):
    where = run(
        installed,
        "python",
        "-c",
        "import checker, checker.resources as r; print(checker.__file__); print(r.schema_path())",
        cwd=tmp_path,
    )
    module, schema = where.stdout.split()
    assert str(ROOT) not in module and str(ROOT) not in schema, where.stdout
    assert module.startswith(str(installed[0].parent)), module  # the fresh environment's copy


def status(port):
    """The HTTP status of the home page on ``port``, or None while nothing answers there."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        connection.close()


def serves_both_sites(installed, shop):
    """`policy-checker serve` answers on both ports, then stops on Ctrl-C."""
    bin_dir, env = installed
    log = shop / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen(["policy-checker", "serve", "--port", "8731"], cwd=shop, env=env, stdout=output, stderr=output)
    try:
        for port in (8731, 8732):
            deadline = time.monotonic() + 120
            while status(port) != 200:
                assert server.poll() is None and time.monotonic() < deadline, log.read_text(encoding="utf-8", errors="replace")
                time.sleep(0.5)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)


def test_the_readmes_shop_commands_work_from_the_installed_tool(installed, tmp_path):
    """The README's block, line by line after the install and activate lines the fixture did."""
    [block] = code_blocks(section("A shop's own rules folder"), "sh")
    folder = tmp_path
    for line in block.splitlines():
        command = line.split(" #", 1)[0].strip()
        if not command or command.startswith(("python3 -m venv", ". .venv")):
            continue
        if command.startswith("cd "):
            folder = folder / command[3:]
        elif command == "policy-checker serve":
            serves_both_sites(installed, folder)
        else:
            run(installed, *command.split(), cwd=folder)
    shop = tmp_path / "my-shop"
    assert (shop / "site/index.html").is_file() and (shop / "site/en/index.html").is_file()


def test_new_makes_a_shop_that_validates_tests_and_builds(installed, tmp_path):
    made = run(installed, "policy-checker", "new", "my-shop", "--lang", "en", cwd=tmp_path)
    assert (
        "policy-checker validate" in made.stdout
        and "policy-checker serve" in made.stdout
        and "policy-checker test" in made.stdout
    )
    shop = tmp_path / "my-shop"
    assert (shop / "rules/schema/rules.schema.json").is_file()
    assert (
        (shop / "rules/returns.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=schema/rules.schema.json")
    )
    assert " OK" in run(installed, "policy-checker", "validate", "--lang", "en", cwd=shop).stdout
    tested = run(installed, "policy-checker", "test", "--lang", "en", cwd=shop).stdout
    assert tested.strip().splitlines()[-1].startswith(f"{len(list((shop / 'cases').glob('*/*.yaml')))} passed, 0 failed")
    builds_both_sites(installed, shop)
    run(installed, "policy-checker", "generate", "--out", tmp_path / "tree", cwd=shop)
    run(installed, "python", "-m", "mkdocs", "build", "--strict", "-q", "-f", tmp_path / "tree/mkdocs.yml", cwd=tmp_path)


def test_a_copy_of_the_example_shop_builds_from_the_installed_tool(installed, tmp_path):
    shop = tmp_path / "office-equipment"
    shutil.copytree(EXAMPLES / "office-equipment", shop, ignore=shutil.ignore_patterns("site", "site-public"))
    assert "../.." not in "".join(path.read_text(encoding="utf-8") for path in shop.glob("mkdocs*.yml"))
    builds_both_sites(installed, shop)
