"""Build a MkDocs site and publish it whole: `python -m checker.publish CONFIG SITE_DIR`.

Each build goes into its own fresh folder under build/, so two builds at once never
delete each other's output; the swap into SITE_DIR happens under a lock (build/publish.lock,
flock), and the whole build holds it, so a second build waits for the first. A failed build
leaves the published site as it was.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LOCK = "publish.lock"


def publish(config, site_dir, work=Path("build")):
    """Build ``config`` and swap the result in at ``site_dir``; return mkdocs' exit status."""
    site_dir, work = Path(site_dir), Path(work)
    work.mkdir(parents=True, exist_ok=True)
    with open(work / LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        fresh = Path(tempfile.mkdtemp(dir=work, prefix=f"{site_dir.name}.new."))
        try:
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(fresh.resolve())]
            status = subprocess.run(command).returncode
            if status == 0:
                os.chmod(fresh, 0o777 & ~_umask())
                _swap(fresh, site_dir, work)
            return status
        finally:
            shutil.rmtree(fresh, ignore_errors=True)


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


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m checker.publish CONFIG SITE_DIR")
    sys.exit(publish(sys.argv[1], sys.argv[2]))
