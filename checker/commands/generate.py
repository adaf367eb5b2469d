"""``policy-checker generate --config mkdocs.yml --out DIR``: the site as a plain docs tree.

DIR gets ``docs/`` (the hand-written pages and every file the rules make: pages, checker,
search index, scripts, runtimes), ``overrides/`` (our page templates) and a ``mkdocs.yml``
without our plugin. Any builder that reads mkdocs.yml builds it as it is: MkDocs 1.6 with
Material, or ProperDocs (tests/test_generate.py builds it with both). Generation needs no
build, so a site can leave MkDocs' plugin system behind. One site and one language per call:
run it again with the other language's config (mkdocs.en.yml) for that site.
"""

import html
import shutil
from pathlib import Path

import yaml

from ..errors import UsageError, say
from ..loader import load_rules
from ..resources import node_modules
from ..site.tree import TEMPLATES, markdown_options, site_files, site_nav

__all__ = ["generate"]

PLUGIN = "policy-checker"


def _read_config(config_file):
    """(the config as MkDocs reads it, INHERIT resolved; our plugin's options)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config_file, "rb") as source:
            raw = yaml_load(source)
        config = load_config(str(config_file))
    except (OSError, ConfigurationError, yaml.YAMLError) as error:
        raise UsageError(
            say(
                f"{config_file}：读不了这个配置（{error}）；请先用 mkdocs build 检查它",
                f"{config_file}: cannot read this config ({error}); check it with mkdocs build first",
            )
        ) from None
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise UsageError(
            say(
                f"{config_file} 没有用 {PLUGIN} 插件；请在 plugins 下加上 `- {PLUGIN}`，或给出用它的配置",
                f"{config_file} does not use the {PLUGIN} plugin; add `- {PLUGIN}` under plugins, or give a config that does",
            )
        )
    return raw, config, plugin.config


def _refuse_own_folder(config, out):
    """``out`` must be a folder of its own: not the site's folder, nor its docs or inside them
    (generate replaces out/docs and writes out/mkdocs.yml)."""
    out, config_file = out.resolve(), Path(config.config_file_path).resolve()
    docs = Path(config.docs_dir).resolve()
    if out in (config_file.parent, docs) or out / "docs" == docs or docs in out.parents or out / config_file.name == config_file:
        raise UsageError(
            say(
                f"--out {out} 会覆盖这个网站自己的文件（docs/ 或 mkdocs.yml）；请给一个单独的文件夹，比如 build/tree",
                f"--out {out} would overwrite this site's own files (docs/ or mkdocs.yml); give a folder of its own, like build/tree",
            )
        )


def _plain_config(raw, nav, extra_css, extra_js):
    """The config for the generated tree: our plugin, INHERIT and the folders' settings gone."""
    out = {key: value for key, value in raw.items() if key not in ("INHERIT", "watch", "exclude_docs", "docs_dir", "site_dir")}
    out["docs_dir"], out["site_dir"] = "docs", "site"
    theme = dict(out.get("theme") or {})
    theme["custom_dir"] = "overrides"
    out["theme"] = theme
    plugins = []
    for entry in out.get("plugins", []):
        name = next(iter(entry)) if isinstance(entry, dict) else entry
        if name != PLUGIN:
            plugins.append(entry)
    out["plugins"] = plugins
    out["nav"] = nav
    out["extra_css"] = [*out.get("extra_css", []), *extra_css]
    out["extra_javascript"] = [*out.get("extra_javascript", []), *extra_js]
    return out


def _with_options(extensions, options):
    """The config's markdown_extensions list with ``options`` ({extension: settings}) merged in."""
    merged, seen = [], set()
    for entry in extensions:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name in options:
            settings = {**(settings or {}), **options[name]}
            seen.add(name)
        merged.append({name: settings} if settings else name)
    return merged + [{name: settings} for name, settings in options.items() if name not in seen]


def generate(config_file, out):
    """Write the tree for ``config_file``'s site into ``out``; return the number of files."""
    from mkdocs.structure.files import get_files

    raw, config, options = _read_config(config_file)
    root = Path(config.config_file_path).resolve().parent
    bundle = load_rules(root / options["rules"], base=root)
    generated = site_files(
        bundle,
        options["audience"],
        options["language"],
        name=config.site_name,
        runtime=options["runtime"],
        checker=options["checker"],
        node_modules=node_modules(root / options["node_modules"]),
        mermaid=root / options["mermaid"] if options["mermaid"] else None,
    )
    out = Path(out)
    _refuse_own_folder(config, out)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for page in get_files(config):  # the hand-written pages, as the site's exclude_docs leaves them
        if page.abs_src_path and not page.inclusion.is_excluded():
            target = docs / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page.abs_src_path, target)
    for path, content in generated.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        elif isinstance(content, bytes):  # the checker's archive
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    overrides = out / "overrides"
    if config.theme.custom_dir:  # the site's own overrides first, ours on top (as the plugin orders them)
        shutil.copytree(config.theme.custom_dir, overrides, dirs_exist_ok=True)
    shutil.copytree(TEMPLATES, overrides, dirs_exist_ok=True)
    nav = None
    if raw.get("nav") is not None:
        nav = site_nav(bundle, options["audience"], options["language"], raw["nav"], checker=options["checker"], mark=html.escape)
    plain = _plain_config(raw, nav, ["assets/handbook.css"], ["assets/handbook.js"])
    plain["markdown_extensions"] = _with_options(plain.get("markdown_extensions", []), markdown_options(options["language"]))
    header = "# Generated by `policy-checker generate` from the rules and " + Path(config_file).name + "; do not edit.\n"
    try:
        text = yaml.safe_dump(plain, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:  # a `!!python/name:` value, say: it has no plain YAML form
        raise UsageError(
            say(
                f"{config_file} 里有 generate 无法照抄的 YAML 标签（如 !!python/name）；请把这一项移到生成后的 mkdocs.yml 里手工加上",
                f"{config_file} holds a YAML tag generate cannot copy (such as !!python/name); add that setting to the generated mkdocs.yml by hand",
            )
        ) from None
    (out / "mkdocs.yml").write_text(header + text, encoding="utf-8")
    return len(generated)


def run_generate(args):
    """The ``generate`` command."""
    count = generate(args.config, args.out)
    shown = say(
        f"已生成 {count} 个文件到 {args.out}；用 mkdocs build -f {args.out}/mkdocs.yml 构建",
        f"generated {count} files into {args.out}; build with mkdocs build -f {args.out}/mkdocs.yml",
    )
    print(shown[args.lang])
    return 0
