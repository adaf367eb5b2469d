"""`python -m checker` and the `policy-checker` command.

The CLI takes half a second to import; a Ctrl-C in that time is answered here, in the
language asked for, like one later on (cli.main), instead of with a traceback."""

import sys

from .commands.interrupt import asked_lang, interrupted


def run(argv=None):
    try:
        from .commands.cli import main
    except KeyboardInterrupt:
        return interrupted(asked_lang(argv))
    return main(argv)


if __name__ == "__main__":
    sys.exit(run())
