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
    return destination


def flowchart_source(page_html):
    """The Mermaid source embedded in a built flow page."""
    match = re.search(r'<pre class="policy-flowchart__source">(.*?)</pre>', page_html, re.S)
    return html.unescape(match.group(1)) if match else ""


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
