"""``policy-checker new DIR`` (a shop's own folder, ready to validate and build) and
``policy-checker serve`` (the shop's staff and public sites side by side while its rules are edited).
"""

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from ..errors import UsageError, say
from ..resources import schema_path, starter_shop

__all__ = ["new_shop", "serve"]

_MODELINE = re.compile(r"^# yaml-language-server: \$schema=.*$", re.M)
_LEFT_OUT = shutil.ignore_patterns("site", "site-public", "build", "__pycache__")


def new_shop(folder):
    """Copy the starter shop into ``folder`` (which must not exist yet or be empty), with the
    rules schema beside its rules so editors check every file as it is typed."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(
            say(f"{folder} 已存在且不是空的；请换一个新文件夹", f"{folder} exists and is not empty; choose a new folder")
        )
    shutil.copytree(starter_shop(), folder, ignore=_LEFT_OUT, dirs_exist_ok=True)
    schema = folder / "rules" / "schema" / "rules.schema.json"
    schema.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(schema_path(), schema)
    for path in sorted((folder / "rules").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            _MODELINE.sub("# yaml-language-server: $schema=schema/rules.schema.json", text, count=1), encoding="utf-8"
        )
    return folder


def run_new(args):
    folder = new_shop(args.folder)
    shown = say(
        f"已在 {folder} 建好一个网店的规则文件夹（示例：办公设备）。接下来：\n"
        f"  cd {folder}\n"
        "  policy-checker validate   # 检查 rules/ 里的每个文件，问题会写明 文件:行:列\n"
        "  policy-checker serve      # 预览员工手册 http://127.0.0.1:8000 和公开网站 http://127.0.0.1:8001\n"
        "  policy-checker test       # 用 cases/ 里的黄金案例核对判定",
        f"Made a shop's rules folder in {folder} (the example office-equipment seller). Next:\n"
        f"  cd {folder}\n"
        "  policy-checker validate   # checks every file in rules/; problems come as file:line:col\n"
        "  policy-checker serve      # previews the staff handbook at http://127.0.0.1:8000 and the public site at :8001\n"
        "  policy-checker test       # runs the golden cases in cases/ against the rules",
    )
    print(shown[args.lang])
    return 0


def serve(folder=".", port=8000):
    """Serve the staff site (mkdocs.yml) at ``port`` and the public site (mkdocs.public.yml) at
    the next port, both rebuilding when a rules file is saved; Ctrl-C stops both."""
    folder = Path(folder)
    configs = [name for name in ("mkdocs.yml", "mkdocs.public.yml") if (folder / name).is_file()]
    if not configs:
        raise UsageError(
            say(f"{folder} 里没有 mkdocs.yml；请在网店文件夹里运行", f"no mkdocs.yml in {folder}; run this in a shop's folder")
        )
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", name, "-a", f"127.0.0.1:{port + index}"], cwd=folder
        )
        for index, name in enumerate(configs)
    ]
    try:
        return max(server.wait() for server in servers)
    except KeyboardInterrupt:
        for server in servers:
            server.send_signal(signal.SIGINT)
        for server in servers:
            server.wait()
        return 130


def run_serve(args):
    return serve(".", args.port)
