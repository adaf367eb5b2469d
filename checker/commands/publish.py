"""Build MkDocs sites and publish them whole:
`python -m checker.commands.publish CONFIG SITE_DIR [CONFIG SITE_DIR ...]` (and write one file
whole, for `compile --out`).

The sites of one call are built from one copy of the rules folder taken when the call starts
(both sites, both languages): a rules file saved during the build reaches all of them or none.
All are published, or none is.

Each build goes into its own fresh folder under build/, so two builds at once never
delete each other's output; the swap into SITE_DIR happens under a lock (build/publish.lock,
flock), and the whole build holds it, so a second build waits for the first. A failed build
leaves the published site as it was, and no folder of its own behind: a build that was
killed outright leaves one, and the next build clears it.

Exit status: 0 published; 1 the build failed (its messages say why); 74 the system refused
a write (a full disk, a file-size limit); 130 interrupted (Ctrl-C); 143 stopped (SIGTERM,
SIGHUP). The messages are one line each, in the language the site is built in.
"""

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from ..errors import UsageError, os_reason, say
from ..resources import SNAPSHOT_ENV

LOCK = "publish.lock"
IO_ERROR, INTERRUPTED, STOPPED = 74, 130, 143
_BUILD_ONLY = "--build-only"


def publish(config, site_dir, work=Path("build")):
    """Build ``config`` and swap the result in at ``site_dir``; return the exit status."""
    return publish_all([(config, site_dir)], work)


def publish_all(sites, work=Path("build")):
    """Build every (config, site folder) from one copy of the rules, then swap them all in;
    return the first failing build's exit status, or 0."""
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    with open(work / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _clear_leftovers(work)
        rules = Path(tempfile.mkdtemp(dir=work, prefix="rules.new."))
        fresh = [Path(tempfile.mkdtemp(dir=work, prefix=f"{Path(site).name}.new.")) for _, site in sites]
        try:
            snapshot = _snapshot(sites[0][0], rules)
            for (config, _), folder in zip(sites, fresh, strict=True):
                status = _build(config, folder, lock, snapshot)
                if status:
                    return status
            for (_, site_dir), folder in zip(sites, fresh, strict=True):
                os.chmod(folder, 0o777 & ~_umask())
                _swap(folder, Path(site_dir), work)
            return 0
        finally:
            for folder in [*fresh, rules]:
                shutil.rmtree(folder, ignore_errors=True)


def _snapshot(config, into):
    """A copy of the rules folder ``config``'s plugin reads, under ``into``, same name; None
    for a site without our plugin."""
    options = _plugin_options(config)
    if options is None:
        return None
    folder = Path(config).resolve().parent / (options.get("rules") or "rules")
    copy = into / folder.name
    shutil.copytree(folder, copy, symlinks=True)
    return copy


def _build(config, folder, lock, snapshot):
    command = [sys.executable, "-m", "checker.commands.publish", _BUILD_ONLY, str(config), str(folder.resolve())]
    # The build holds the lock too: if this process is killed outright, the next build waits
    # for the orphaned one to end before it clears the leftovers. It runs in a session of its
    # own, so a Ctrl-C reaches only this process (even while the build is still starting
    # up), which stops it. It reads the rules from the snapshot (the plugin's SNAPSHOT_ENV).
    environment = dict(os.environ, **({SNAPSHOT_ENV: str(snapshot)} if snapshot else {}))
    build = subprocess.Popen(command, pass_fds=(lock.fileno(),), start_new_session=True, env=environment)
    try:
        return build.wait()
    finally:
        if build.poll() is None:
            build.terminate()
            build.wait()


def write_whole(out, text):
    """`compile --out`: write the whole file or nothing, as a site is published: a temporary
    file renamed into place, with the permissions a new file gets from the umask (mkstemp's
    own are owner-only)."""
    if not out:
        raise UsageError(say("--out 需要一个文件名，比如 build/bundle.json", "--out needs a file name, like build/bundle.json"))
    path = Path(out)
    if path.is_dir():
        example = path / "bundle.json"
        raise UsageError(
            say(
                f"--out {out}：这是一个文件夹；请给出其中的文件名，比如 {example}",
                f"--out {out}: is a folder; give a file name inside it, like {example}",
            )
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:
        raise UsageError(
            say(
                f"--out {out}：不能在 {path.parent} 里写文件（{os_reason(error).zh}）",
                f"--out {out}: cannot write in {path.parent} ({os_reason(error).en})",
            )
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException as error:
        os.unlink(temporary)
        if isinstance(error, OSError):  # a full disk or a size limit: the world's fault, exit 74
            raise OSError(error.errno, error.strerror, out) from None
        raise


def _clear_leftovers(work):
    """Remove the folders of builds that were killed (SIGKILL, a power cut) before they could.

    Called under the lock, so no other build is running and every such folder is stale."""
    for folder in work.iterdir():
        if (".new." in folder.name or ".old." in folder.name) and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def _swap(fresh, site_dir, work):
    """Put ``fresh`` at ``site_dir``; the old site is moved aside first and then removed."""
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(dir=work, prefix=f"{site_dir.name}.old.")) / "site"
        os.rename(site_dir, old)
    os.rename(fresh, site_dir)
    if old is not None:
        shutil.rmtree(old.parent, ignore_errors=True)


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _build_only(config, folder):
    """MkDocs' own `build --strict -q` into ``folder``, with a full disk or a size limit
    told in one line instead of a traceback."""
    from mkdocs.__main__ import cli

    try:
        cli.main(["build", "--strict", "-q", "-f", config, "-d", folder], prog_name="mkdocs")
    except OSError as error:
        where, reason = os.path.relpath(error.filename2 or error.filename or folder), os_reason(error)
        _tell(
            config,
            say(
                f"站点没有建成，已发布的站点保持不变：写不了 {where}（{reason.zh}）；请腾出磁盘空间或放宽文件大小限制后再建",
                f"the site was not built and the published one is unchanged: cannot write {where} ({reason.en}); "
                "free some disk space or raise the file-size limit and build again",
            ),
        )
        return IO_ERROR
    return 0


def _tell(config, message):
    print(message[_language(config)], file=sys.stderr, flush=True)


class _AnyTag(yaml.SafeLoader):
    """Reads a MkDocs config with its `!!python/name:` and `!ENV` tags as nothing."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def _plugin_options(config):
    """Our plugin's options in a config file ({} when they cannot be read, None without it)."""
    try:
        with open(config, encoding="utf-8") as file:
            settings = yaml.load(file, Loader=_AnyTag) or {}
        plugins = [p for p in settings.get("plugins", []) if isinstance(p, dict) and "policy-checker" in p]
        return (plugins[0]["policy-checker"] or {}) if plugins else None
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        return {}


def _language(config):
    """The language the site speaks (the plugin's `language`; `both` and anything unreadable
    read Chinese first)."""
    return "en" if (_plugin_options(config) or {}).get("language") == "en" else "zh"


def _stop(signum, frame):
    raise SystemExit(STOPPED)


def main(argv):
    if len(argv) == 3 and argv[0] == _BUILD_ONLY:
        return _build_only(argv[1], argv[2])
    if not argv or len(argv) % 2:
        return "usage: python -m checker.commands.publish CONFIG SITE_DIR [CONFIG SITE_DIR ...]"
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _stop)
    try:
        return publish_all(list(zip(argv[::2], argv[1::2], strict=True)))
    except KeyboardInterrupt:
        _tell(argv[0], say("已中断；已发布的站点保持不变。", "interrupted; the published site is unchanged."))
        return INTERRUPTED
    except OSError as error:
        reason = os_reason(error)
        where = error.filename or argv[1]
        _tell(
            argv[0],
            say(f"站点没有发布：{where}（{reason.zh}）", f"the site was not published: {where} ({reason.en})"),
        )
        return IO_ERROR


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
