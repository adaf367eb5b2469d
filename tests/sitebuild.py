"""Build the staff or public site into a folder with MkDocs' own API, strictly."""

import gzip
import html
import json
import logging
import re
import shutil
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


class BuildFailed(Exception):
    """The build stopped; ``messages`` are what MkDocs logged as warnings and errors."""

    def __init__(self, messages):
        super().__init__("\n".join(messages))
        self.messages = messages


def build_site(site_dir, config_name="mkdocs.yml", project=ROOT):
    """Build strictly into site_dir; return the warnings MkDocs logged (there should be none)."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(project / config_name), site_dir=str(site_dir), strict=True)
        build(config)
    except Abort:
        raise BuildFailed([record.getMessage() for record in handler.records]) from None
    finally:
        logger.removeHandler(handler)
    return [record.getMessage() for record in handler.records]


def copy_project(destination):
    """A copy of what a site build reads (configs, docs, rules), to change a rule in."""
    destination.mkdir(parents=True)
    for name in ("mkdocs.yml", "mkdocs.public.yml"):
        shutil.copy(ROOT / name, destination / name)
    shutil.copytree(ROOT / "docs", destination / "docs")
    shutil.copytree(ROOT / "rules", destination / "rules")
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    (destination / "checker").symlink_to(ROOT / "checker")
    return destination


def flowchart_source(page_html):
    """The Mermaid sources embedded in a built flow page, one per chart."""
    return [html.unescape(source) for source in re.findall(r'<pre class="policy-flowchart__source">(.*?)</pre>', page_html, re.S)]


def site_text(site_dir):
    """Every file of a built site as text, with HTML entities and JSON escapes undone."""
    texts = {}
    for path in sorted(Path(site_dir).rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            raw = data.decode("utf-8", errors="replace")
            if path.suffix == ".json":
                raw = json.dumps(json.loads(raw), ensure_ascii=False)
            texts[str(path.relative_to(site_dir))] = html.unescape(raw)
    return texts


def variant_config(folder, runtime, audience="staff"):
    """A config file in ``folder`` that builds this project's site with another runtime."""
    base = "mkdocs.yml" if audience == "staff" else "mkdocs.public.yml"
    docs = "docs" if audience == "staff" else "docs/public"
    text = "\n".join(
        [
            f"INHERIT: {ROOT / base}",
            f"docs_dir: {ROOT / docs}",
            f"watch: [{ROOT / 'rules'}]",
            "theme:",
            f"  custom_dir: {ROOT / 'checker/site/templates'}",
            "plugins:",
            "  - search:",
            "      lang: zh",
            "  - policy/handbook:",
            f"      audience: {audience}",
            f"      runtime: {runtime}",
            f"      rules: {ROOT / 'rules'}",
            f"      node_modules: {ROOT / 'node_modules'}",
            f"      mermaid: {ROOT / 'node_modules/mermaid/dist/mermaid.min.js'}",
            "",
        ]
    )
    path = folder / f"mkdocs.{audience}.{runtime}.yml"
    path.write_text(text, encoding="utf-8")
    return path
