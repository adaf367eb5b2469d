"""Pages of a PDF printed by Chromium: how many, their text, and how far down each is inked.

Counting reads the PDF's page objects; text and ink use poppler-utils (`pdftotext`,
`pdftoppm`), which `make test` installs with Chromium.
"""

import re
import shutil
import subprocess

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf):
    """The number of page objects in the PDF bytes."""
    return len(PAGE_OBJECT.findall(pdf))


def _tool(name):
    path = shutil.which(name)
    assert path, f"{name} is missing: `make test` installs Debian's poppler-utils"
    return path


def page_texts(pdf_path):
    """The text of each page, in order (pdftotext separates pages with a form feed)."""
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf_path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:-1]


def ink_extents(pdf_path, folder):
    """For each page, how far down (0 to 1) its last non-white pixel row lies."""
    subprocess.run([_tool("pdftoppm"), "-r", "20", "-gray", str(pdf_path), str(folder / "page")], check=True)
    extents = []
    for image in sorted(folder.glob("page-*.pgm")):
        data = image.read_bytes()
        magic, width, height, _, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        width, height = int(width), int(height)
        rows = [pixels[y * width : (y + 1) * width] for y in range(height)]
        inked = [y for y, row in enumerate(rows) if min(row) < 200]
        extents.append((inked[-1] + 1) / height if inked else 0.0)
    return extents
