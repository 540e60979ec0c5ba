"""The `factdesk` command line. Every verb calls the same functions the window will call."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from factdesk import __version__


class CliError(Exception):
    """A one-line human message; the command exits with status 2."""


def _cmd_extract(args: argparse.Namespace) -> int:
    from factdesk.extract import extract
    from factdesk.extract.render import extraction_to_json, extraction_to_table
    from factdesk.text.decoding import DecodingError, read_text_file

    path = Path(args.file)
    try:
        decoded = read_text_file(path)
    except DecodingError as exc:
        raise CliError(str(exc)) from None
    result = extract(decoded.text, args.language)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        json.dump(extraction_to_json(result, path.name), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(extraction_to_table(result, path.name, sys.stdout))
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from factdesk.extract.evaluate import GoldError, evaluate_paths, format_report

    try:
        report = evaluate_paths([Path(p) for p in args.gold])
    except GoldError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report, per_file=args.per_file, misses=args.misses))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="FactDesk: find, tag and verify quotes and numeric claims in news articles.",
    )
    parser.add_argument("--version", action="version", version=f"factdesk {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the window offscreen on the demo desk, print what it loaded, exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("app", help="open the desktop window (also: factdesk with no command)")
    p.add_argument("--db", metavar="PATH-or-URL", help="database (default: your desk)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="the demo desk (seed article; created if missing; default demo.db beside your desk)",
    )
    p.add_argument("--lang", choices=["ar", "en"], help="UI language for this run")
    p.set_defaults(func=lambda a: __import__("factdesk.ui.app", fromlist=["cli"]).cli(a))

    p = sub.add_parser("extract", help="list the quotes, statements and numeric claims of a file")
    p.add_argument("file", help="a text file (UTF-8/16, Windows-1256, ISO-8859-6, cp1252)")
    p.add_argument("--format", choices=["json", "table"], help="default: table on a terminal")
    p.add_argument("--language", choices=["ar", "en"], help="default: detected from the text")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("eval", help="score the engine against gold files or folders of them")
    p.add_argument("gold", nargs="+", help="*.gold.json files or folders holding them")
    p.add_argument("--per-file", action="store_true", help="also print a line per file")
    p.add_argument("--misses", action="store_true", help="also list every miss and mismatch")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=_cmd_eval)

    # Desk verbs (import, claims, tag, status, note, export, demo) register here.
    __import__("factdesk.desk_cli", fromlist=["register"]).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke:
        from factdesk.ui.app import smoke

        return smoke(getattr(args, "db", None))
    if not getattr(args, "func", None):
        from factdesk.ui.app import run  # no command: the window

        return run()
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"factdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
