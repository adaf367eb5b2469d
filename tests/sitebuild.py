"""Build the staff or public site into a folder with MkDocs' own API, strictly."""

import fcntl
import gzip
import html
import html.parser
import json
import logging
import re
import shutil
import zlib
from pathlib import Path

import yaml
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


def _key(project):
    """A shop's name in the run's cache: its folder's name and a checksum of its path."""
    return f"{project.name}-{zlib.crc32(str(project).encode()):08x}"


def made_once(cache, name, make):
    """cache/name, made by ``make(folder)`` once per test run and shared by every test and
    pytest-xdist worker (a lock file per name): read it, never change it. A ``make`` that
    raises leaves it unmade, and the next caller tries again."""
    folder = Path(cache) / name
    with open(Path(cache) / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = Path(cache) / f"{name}.done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def built_once(cache, config_name="mkdocs.yml", project=ROOT):
    """A shop's site as one of its configs builds it, strictly, built once per test run
    (``made_once``). A failed build raises BuildFailed."""
    project = Path(project).resolve()

    def build_strictly(folder):
        warnings = build_site(folder, config_name, project)
        if warnings:
            raise BuildFailed(warnings)

    return made_once(cache, f"{_key(project)}-{config_name}", build_strictly)


def copy_project(destination, project=ROOT):
    """A copy of what a shop's site build reads (configs, docs, rules), to change a rule in.
    It sits at the shop's place under ``destination`` (an example shop under examples/), next to
    links to the repository's checker/ and node_modules/, so the shop's relative paths hold.
    Returns the copy's folder."""
    project = Path(project).resolve()
    copy = destination / project.relative_to(ROOT)
    copy.mkdir(parents=True)
    for config in sorted(project.glob("mkdocs*.yml")):
        shutil.copy(config, copy / config.name)
    shutil.copytree(project / "docs", copy / "docs")
    shutil.copytree(project / "rules", copy / "rules")
    for name in ("node_modules", "checker"):
        (destination / name).symlink_to(ROOT / name)
    return copy


# Appended to every zh/en text of the rules by ``poisoned_copy``. The validator refuses what
# would break a flowchart (backticks, %%, odd quotes), so rules carrying it are valid; on a
# page it must stay text: no script runs, no request leaves the site.
HOSTILE = (
    ' </title><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
    " ![p](https://evil.example/p.png) [l](https://evil.example/) *b* <style>@import url(https://evil.example/s.css);</style>"
)


def map_texts(value, change):
    """``value`` (rules data) with ``change(pair)`` in place of every zh/en text pair in it."""
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
            return change(value)
        return {key: map_texts(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [map_texts(item, change) for item in value]
    return value


def _poison(pair):
    return dict(pair, zh=pair["zh"] + HOSTILE, en=pair["en"] + HOSTILE)


def poisoned(data):
    """Rules data with every zh/en text ending in HOSTILE. A training clue quotes its story word
    for word, so each clue becomes HOSTILE itself, which the poisoned story ends in."""
    data = map_texts(data, _poison)
    for scenario in data.get("scenarios", []) if isinstance(data, dict) else []:
        for qid in scenario.get("clues", {}):
            scenario["clues"][qid] = {"zh": HOSTILE, "en": HOSTILE}
    return data


def poisoned_copy(destination, project=ROOT):
    """A copy of the shop (``copy_project``) whose every zh/en rules text ends in HOSTILE."""
    copy = copy_project(destination, project)
    for path in sorted((copy / "rules").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poisoned(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return copy


def poisoned_once(cache, config_name="mkdocs.yml", project=ROOT):
    """The site of a shop's ``poisoned_copy``, made and built once per test run for every test
    and worker, like ``built_once``."""
    project = Path(project).resolve()
    base = made_once(cache, f"poisoned-{_key(project)}", lambda folder: poisoned_copy(folder, project))
    return built_once(cache, config_name, base / project.relative_to(ROOT))


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
            "  - policy-checker:",
            f"      audience: {audience}",
            f"      runtime: {runtime}",
            '      alternate: ""',  # this variant only: no English build next to it
            f"      rules: {ROOT / 'rules'}",
            f"      node_modules: {ROOT / 'node_modules'}",
            f"      mermaid: {ROOT / 'node_modules/mermaid/dist/mermaid.esm.min.mjs'}",
            "",
        ]
    )
    path = folder / f"mkdocs.{audience}.{runtime}.yml"
    path.write_text(text, encoding="utf-8")
    return path


_SKIPPED = {"script", "style", "pre", "template", "svg"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes a reader meets: tooltips, what a screen reader says, an image's words, a field's
# hint, and what a copy button puts on the clipboard.
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "data-copy")


class _Visible(html.parser.HTMLParser):
    """Collects what a reader sees or hears: the page's title, its text (code included), its
    tooltips and labels; no scripts, styles, hidden or display:none parts, and in a
    one-language checker (``data-lang``) none of the other language its CSS hides."""

    def __init__(self, lang):
        super().__init__(convert_charrefs=True)
        self.lang, self.stack, self.parts = lang, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        style = (attrs.get("style") or "").replace(" ", "")
        other = bool(attrs.get("lang")) and not attrs["lang"].startswith(self.lang)
        checker = attrs.get("data-lang") == self.lang or bool(self.stack and self.stack[-1][2])
        skip = (
            tag in _SKIPPED
            or "hidden" in attrs
            or "display:none" in style
            or "hreflang" in attrs  # the language selector names each language in itself
            or (other and checker)  # the checker's other language (its CSS hides it)
            or bool(self.stack and self.stack[-1][1])
        )
        if not skip:
            self.parts += [attrs[name] for name in READ_ATTRIBUTES if attrs.get(name)]
        if tag not in _VOID:
            self.stack.append((tag, skip, checker))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)


def visible_text(page_html, lang):
    """What a reader of the ``lang`` site sees or hears on a built page (or a checker screen),
    as one string."""
    parser = _Visible(lang)
    parser.feed(page_html)
    return " ".join(" ".join(parser.parts).split())


def pages_by_language(site_dir):
    """A built site's pages, and those of the other language its plugin's `alternate` built into
    site_dir/en: {"zh": zh pages, "en": en pages}, each {path: HTML} of every page."""
    site_dir = Path(site_dir)
    english = site_dir / "en"
    pages = {"zh": {}, "en": {}}
    for path in sorted(site_dir.rglob("*.html")):
        lang = "en" if english in path.parents else "zh"
        base = english if lang == "en" else site_dir
        pages[lang][path.relative_to(base).as_posix()] = path.read_text(encoding="utf-8")
    return pages
