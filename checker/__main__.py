"""`python -m checker` and the `policy-checker` command.

The CLI takes half a second to import; a Ctrl-C in that time is answered here, in the
language asked for, like one later on (cli.main), instead of with a traceback."""

import contextlib
import sys

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
    from .wording import word  # a table and nothing else: quick to import even now

    for stream, text in ((sys.stdout, ""), (sys.stderr, word("cli.interrupted")[lang])):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            print(text, file=stream, flush=True)
    return INTERRUPTED_STATUS


def run(argv=None):
    try:
        from .cli import main
    except KeyboardInterrupt:
        return interrupted(asked_lang(argv))
    return main(argv)


if __name__ == "__main__":
    sys.exit(run())
