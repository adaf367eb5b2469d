"""`policy-checker generate`: the site as a plain docs tree with its own mkdocs.yml and no plugin
of ours, which MkDocs (with Material) and ProperDocs both build into the same pages as the
plugin build: the handbook can leave MkDocs' plugin system behind."""

import json
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from test_cli import run

GENERATOR = re.compile(r'<meta name="generator"[^>]*>')


def generated(tmp_path, config):
    out = tmp_path / "tree"
    result = run("generate", "--config", config, "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("generated ") and str(out) in result.stdout
    return out


def build(tool, tree, site):
    command = [sys.executable, "-m", tool, "build", "--strict", "-q", "-f", str(tree / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert result.returncode == 0, result.stderr


def pages(site, skip=None):
    """{path: HTML} of a built site (without the other language's folder), generator tag aside."""
    return {
        path.relative_to(site).as_posix(): GENERATOR.sub("", path.read_text(encoding="utf-8"))
        for path in site.rglob("*.html")
        if not (skip and path.relative_to(site).as_posix().startswith(skip))
    }


def search_docs(site):
    return sorted(json.dumps(doc, sort_keys=True) for doc in json.loads((site / "search/search_index.json").read_text())["docs"])


@pytest.mark.parametrize(
    "config,tool", [("mkdocs.yml", "mkdocs"), ("mkdocs.yml", "properdocs"), ("mkdocs.public.en.yml", "mkdocs")]
)
def test_the_generated_tree_builds_the_same_pages_as_the_plugin(built, tmp_path, config, tool):
    plugin_site = built(config) if not config.endswith(".en.yml") else built(config.replace(".en.yml", ".yml")) / "en"
    tree = generated(tmp_path, str(ROOT / config))
    plain = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert not [p for p in plain["plugins"] if "policy-checker" in (p if isinstance(p, dict) else {p: 0})]
    assert plain["theme"]["custom_dir"] == "overrides" and "INHERIT" not in plain
    site = tmp_path / "site"
    build(tool, tree, site)
    expected = pages(plugin_site, skip="en/" if not config.endswith(".en.yml") else None)
    assert sorted(pages(site)) == sorted(expected)
    different = [path for path, html in pages(site).items() if html != expected[path]]
    assert different == [], different
    assert search_docs(site) == search_docs(plugin_site)
    assert (site / "assets/search/rules.json").read_bytes() == (plugin_site / "assets/search/rules.json").read_bytes()


def test_the_tree_holds_every_generated_page_and_no_excluded_hand_written_one(tmp_path):
    tree = generated(tmp_path, str(ROOT / "mkdocs.yml"))
    docs = tree / "docs"
    for page in ("policies/returns.md", "flows/returns.md", "reference/quick.md", "reference/print.md", "checker.md"):
        assert (docs / page).is_file(), page
    assert (docs / "assets/vendor/micropython/micropython.wasm").is_file()
    assert not (docs / "en").exists() and not (docs / "public").exists()  # mkdocs.yml's exclude_docs
    assert (tree / "overrides/main.html").is_file()


@pytest.mark.parametrize("out", [".", "docs", "docs/en"])
def test_generate_refuses_to_write_over_the_sites_own_files(tmp_path, out):
    shop = tmp_path / "shop"
    shutil.copytree(ROOT / "examples" / "office-equipment", shop, ignore=shutil.ignore_patterns("site", "site-public"))
    before = {path: path.read_bytes() for path in shop.rglob("*") if path.is_file()}
    result = run("generate", "--out", out, "--lang", "en", cwd=shop)
    assert result.returncode == 2 and "give a folder of its own" in result.stderr, result.stderr
    assert {path: path.read_bytes() for path in shop.rglob("*") if path.is_file()} == before
