"""A Ctrl-C at any moment, answered in one line in the language asked for: light enough to
import before the rest of the command line (checker/__main__.py), and used by it too."""

import contextlib
import sys

__all__ = ["INTERRUPTED_STATUS", "asked_lang", "interrupted"]

INTERRUPTED_STATUS = 130  # 128 + SIGINT, as shells report it


def asked_lang(argv=None):
    """The --lang on the command line, before (or without) argparse."""
    words = list(sys.argv[1:] if argv is None else argv)
    for index, item in enumerate(words):
        if item == "--lang=en" or (item == "--lang" and words[index + 1 : index + 2] == ["en"]):
            return "en"
    return "zh"


def interrupted(lang):
    """Ctrl-C: end the line being typed on, say so in one line, exit 130."""
    from ..wording import word  # a table and nothing else: quick to import even now

    for stream, text in ((sys.stdout, ""), (sys.stderr, word("cli.interrupted")[lang])):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            print(text, file=stream, flush=True)
    return INTERRUPTED_STATUS
