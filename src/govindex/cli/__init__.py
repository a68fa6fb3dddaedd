"""The ``govindex`` command line: a thin layer over :mod:`govindex.cli.pipeline`.

Every refused input, argparse's own usage errors included, ends with exit
status 2 and a one-line message in the chosen language (Vietnamese unless
``--lang en``) that names the file, line, agency and node; never a
traceback. Only the chosen sub-command is imported.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

from govindex import __version__
from govindex.catalogue import DEFAULT_LANG, LANGS
from govindex.catalogue.cli import Cli, Parsing
from govindex.catalogue.help import Help
from govindex.catalogue.hostile import system_reason
from govindex.cli.commands import COMMANDS
from govindex.cli.commands._options import say, set_lang
from govindex.errors import GovIndexError

__all__ = ["build_parser", "main"]

#: argparse's messages (its ``msgid``) and their entries in the catalogue.
_ARGPARSE: dict[str, Parsing] = {entry.en: entry for entry in Parsing}


class _Usage(Exception):
    """A usage error argparse found, its message already worded."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports usage errors in the catalogue's words instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise _Usage(message)


def _translated(lang: str) -> Callable[[str], str]:
    def gettext(message: str) -> str:
        entry = _ARGPARSE.get(message)
        return message if entry is None else str(entry.template(lang))

    return gettext


@contextlib.contextmanager
def _argparse_words(lang: str) -> Iterator[None]:
    """argparse's own words (usage, options, its errors) in ``lang`` while the command line is parsed."""
    gettext = _translated(lang)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _lang_in(argv: Sequence[str]) -> str:
    """The language ``--lang`` asks for (looked for before parsing, so that parsing speaks it too)."""
    for index, token in enumerate(argv):
        if token == "--":
            break
        value = None
        if token == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif token.startswith("--lang="):
            value = token.partition("=")[2]
        if value in LANGS:
            return value
    return DEFAULT_LANG


def _command_in(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (the first word that is not an option)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--lang":
            skip = True
            continue
        if not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``govindex``; only ``command``'s module is imported (all of them when ``None`` is not
    enough: the others are listed by their one-line help)."""
    parser = Parser(prog="govindex", description=say(Help.PROG), add_help=False)
    parser.add_argument("-h", "--help", action="help", help=say(Parsing.HELP))
    parser.add_argument("--version", action="version", version=f"govindex {__version__}", help=say(Help.VERSION))
    sub = parser.add_subparsers(dest="command", metavar=say(Help.COMMAND), required=True, parser_class=Parser)
    for name, (module, help_entry) in COMMANDS.items():
        if name == command:
            importlib.import_module(module).register(sub)
        else:
            sub.add_parser(name, help=say(help_entry), add_help=False)
    return parser


def _parse(argv: list[str], lang: str) -> argparse.Namespace | int:
    with _argparse_words(lang):
        parser = build_parser(_command_in(argv))
        try:
            return parser.parse_args(argv)
        except _Usage as usage:
            _error(str(usage), lang)
            return 2
        except SystemExit as done:  # --help, --version
            return done.code if isinstance(done.code, int) else 0


def _error(message: str, lang: str) -> None:
    from govindex.render.safe import visible

    with contextlib.suppress(OSError):
        sys.stderr.write(visible(Cli.ERROR.text(lang, message=message)) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status: 0 done, 1 a difference found, 2 a refused input."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_in(args_list)
    set_lang(lang)
    try:
        parsed = _parse(args_list, lang)
        if isinstance(parsed, int):
            return parsed
        lang = getattr(parsed, "lang", None) or lang
        status: int = parsed.run(parsed)
        sys.stdout.flush()
    except GovIndexError as error:
        _error(error.describe(lang), lang)
        return 2
    except BrokenPipeError:  # output piped into head: stop quietly
        _quiet_stdout()
        return 0
    except OSError as error:  # standard output on a full disk, or closed
        if error.errno not in (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EFBIG):
            raise
        _quiet_stdout()
        _error(Cli.OUTPUT_FAILED.text(lang, reason=system_reason(error)), lang)
        return 2
    except KeyboardInterrupt:
        _error(Cli.INTERRUPTED.text(lang), lang)
        return 130
    return status


def _quiet_stdout() -> None:
    """Standard output that cannot be written: point it at nothing, so the interpreter's last flush is silent."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
