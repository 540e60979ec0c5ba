"""The desk's CLI verbs (import, claims, show, tag, status, note, evidence, tags, merge, history,
statuses, entities, export, demo). Each parses arguments, calls one service, prints the result.

Human output is shaped for a terminal (Arabic joined and ordered by factdesk.text.terminal);
when stdout is a pipe or file, Arabic stays logical Unicode and the default format is TSV.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factdesk.cli import CliError

if TYPE_CHECKING:  # imported lazily at run time: `factdesk --help` stays fast
    from factdesk.services import ClaimFilter
    from factdesk.store import Database

DEMO_SEED = "white-house-summit.ar.txt"
DEMO_TITLE = "ترامب يعلن عن قمة بين رئيسي روسيا وأوكرانيا"


def _out(line: str = "", stream: Any = None) -> None:
    from factdesk.text.terminal import for_output

    stream = stream or sys.stdout
    stream.write(for_output(line, stream) + "\n")


@contextmanager
def _errors() -> Iterator[None]:
    """Every failure the desk knows becomes one line on stderr (exit 2), never a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from factdesk.reports import ReportError
    from factdesk.services import ServiceError
    from factdesk.store import StoreError
    from factdesk.text.decoding import DecodingError

    try:
        yield
    except (StoreError, ServiceError, ReportError, DecodingError) as exc:
        raise CliError(str(exc)) from None
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise CliError(f"database error: {first[0] if first else type(exc).__name__}") from None


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    from factdesk.services.maintenance import open_desk

    return open_desk(
        args.db, create=create, notice=lambda line: print(f"factdesk: {line}", file=sys.stderr)
    )


def _analyst(args: argparse.Namespace) -> str:
    from factdesk.services import default_analyst

    return args.analyst or default_analyst()


def _filters(args: argparse.Namespace) -> ClaimFilter:
    from factdesk.services import ClaimFilter

    def ref(v: str | None) -> str | int | None:
        return int(v) if v is not None and v.isdigit() else v

    return ClaimFilter(
        kind=args.kind,
        status=args.status_filter,
        speaker=ref(args.speaker_filter),
        source=ref(args.source_filter),
        article=args.article,
        tag=args.tag,
        has_notes=True if args.has_notes else (False if args.no_notes else None),
        search=args.search,
    )


def _claim_id(value: str) -> int:
    v = value.lstrip("#")
    if not v.isdigit():
        raise argparse.ArgumentTypeError(f"a claim id is a number, not {value!r}")
    return int(v)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


# --- verbs ---------------------------------------------------------------------------------


def _list_feed(source: str) -> int:
    """Print a feed's items, numbered for --item; broken ones say why."""
    from factdesk.services import ServiceError, list_feed

    try:
        feed = list_feed(source)
    except ServiceError as exc:
        print(f"factdesk: {exc}", file=sys.stderr)
        return 1
    _out(feed.title or source)
    for item in feed.items:
        when = item.published.isoformat() if item.published else "----------"
        if item.problem:
            _out(f"{item.number:>4}  {when}  [broken] {item.problem}")
        else:
            _out(f"{item.number:>4}  {when}  {item.title or '(no title)'}  {item.link or ''}")
    print(
        "import with: factdesk import --feed SOURCE --item N [--item N …] (or --all)",
        file=sys.stderr,
    )
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from factdesk.services import ArticleMeta, import_feed, import_paths, import_texts
    from factdesk.text.decoding import decode_bytes

    if args.feed and not (args.item or args.all_items):
        return _list_feed(args.feed)
    if not args.paths and not args.feed:
        print("factdesk: give files, folders, URLs, - (standard input) or --feed", file=sys.stderr)
        return 2
    meta = ArticleMeta(args.title, args.outlet, args.url, args.published, args.language)
    show = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int) -> None:
        if show:
            sys.stderr.write(f"\rimporting {done}/{total}")
            sys.stderr.flush()

    with _errors():
        db = _open(args, create=True)
        try:
            if args.feed:
                numbers = None if args.all_items else args.item
                report = import_feed(
                    db,
                    args.feed,
                    numbers,
                    meta=meta,
                    analyst=_analyst(args),
                    progress=progress,
                    fetch_pages=args.fetch_pages,
                )
            elif args.paths == ["-"]:
                decoded = decode_bytes(sys.stdin.buffer.read(), "standard input")
                report = import_texts(
                    db, [(decoded.text, meta)], analyst=_analyst(args), source="standard input"
                )
            else:
                report = import_paths(
                    db,
                    args.paths,
                    meta=meta,
                    analyst=_analyst(args),
                    progress=progress,
                    workers=args.workers,
                )
        finally:
            db.close()
    if show:
        sys.stderr.write("\r\033[K")
    for a in report.imported:
        _out(f"#{a.article_id}  {a.title}  ({a.claims} claims)")
    for a in report.duplicates:
        _out(f"#{a.article_id}  {a.title}  (already in the desk: {a.source})")
    for _source, reason in report.failed:
        print(f"factdesk: {reason}", file=sys.stderr)
    for _source, note in report.warnings:
        print(f"factdesk: warning: {note}", file=sys.stderr)
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def _row_dict(r: Any) -> dict[str, Any]:
    return {
        "id": r.id,
        "article_id": r.article_id,
        "article": r.article_title,
        "kind": r.kind,
        "status": r.status,
        "speaker": r.speaker,
        "speaker_by": r.speaker_by,
        "source": r.source,
        "source_by": r.source_by,
        "value": r.value,
        "value_to": r.value_to,
        "unit": r.unit,
        "approx": r.approx,
        "text": r.text,
        "updated_at": r.updated_at.isoformat() if r.updated_at else None,
        "updated_by": r.updated_by,
    }


def _cmd_claims(args: argparse.Namespace) -> int:
    from factdesk.services import count_claims, list_claims

    with _errors():
        db = _open(args)
        try:
            if args.count:
                print(count_claims(db, _filters(args)))
                return 0
            page = list_claims(
                db, _filters(args), sort=args.sort, limit=args.limit, after=args.after
            )
        finally:
            db.close()
    fmt = args.format or ("table" if sys.stdout.isatty() else "tsv")
    if fmt == "json":
        json.dump(
            {"claims": [_row_dict(r) for r in page.rows], "next": page.next_cursor},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        sys.stdout.write("\n")
    elif fmt == "tsv":
        cols = ["id", "kind", "status", "speaker", "source", "value", "unit", "text"]
        sys.stdout.write("\t".join(cols) + "\n")
        for r in page.rows:
            d = _row_dict(r)
            cells = ["" if d[c] is None else str(d[c]) for c in cols]
            sys.stdout.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
            sys.stdout.write("\n")
    else:
        for r in page.rows:
            who = r.speaker or "-"
            mark = "" if r.speaker_by == "analyst" or not r.speaker else "?"
            text = " ".join(r.text.split())
            text = text if len(text) <= 90 else text[:89] + "…"
            _out(f"#{r.id:<6} {r.kind:<9} {r.status:<12} {who}{mark} | {text}")
        if not page.rows:
            _out("no claims match")
    if page.next_cursor and fmt != "json":
        print(f"more: --after {page.next_cursor}", file=sys.stderr)
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from factdesk.services import get_claim

    with _errors():
        db = _open(args)
        try:
            d = get_claim(db, args.claim)
        finally:
            db.close()
    r = d.row
    if args.json:
        out = _row_dict(r) | {
            "start": d.start,
            "end": d.end,
            "context": d.context,
            "outlet": d.outlet,
            "url": d.article_url,
            "tags": list(d.tags),
            "notes": [
                {"text": n.text, "author": n.author, "at": n.created_at.isoformat()}
                for n in d.notes
            ],
            "evidence": [
                {
                    "url": e.url,
                    "file": e.file_ref,
                    "description": e.description,
                    "by": e.added_by,
                    "at": e.added_at.isoformat(),
                }
                for e in d.evidence
            ],
            "history": [
                {
                    "at": h.at.isoformat(),
                    "analyst": h.analyst,
                    "action": h.action,
                    "field": h.field,
                    "old": h.old_value,
                    "new": h.new_value,
                }
                for h in d.history
            ],
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    _out(f"claim #{r.id} ({r.kind}) in article #{r.article_id}: {r.article_title}")
    _out(f"  text:    {r.text}")
    _out(f"  context: {' '.join(d.context.split())}")
    _out(f"  status:  {r.status_label} ({r.status})")
    _out(
        f"  speaker: {r.speaker or '-'} ({r.speaker_by})   source: {r.source or '-'} "
        f"({r.source_by})"
    )
    if r.value is not None:
        _out(
            f"  value:   {r.value:g}{'-' + format(r.value_to, 'g') if r.value_to else ''} "
            f"{r.unit or ''}"
        )
    if d.tags:
        _out(f"  tags:    {', '.join(d.tags)}")
    for n in d.notes:
        _out(f"  note ({n.author}, {n.created_at:%Y-%m-%d %H:%M}): {n.text}")
    for e in d.evidence:
        _out(f"  evidence: {e.url or e.file_ref} {e.description}".rstrip())
    for h in d.history:
        _out(
            f"  {h.at:%Y-%m-%d %H:%M} {h.analyst}: {h.action} {h.field or ''} "
            f"{h.old_value or '-'} -> {h.new_value or '-'}"
        )
    return 0


def _cmd_tag(args: argparse.Namespace) -> int:
    from factdesk.services import change_tags, tag_claim

    if args.speaker is None and args.source is None and not args.add_tag and not args.remove_tag:
        raise CliError("give --speaker, --source, --add-tag or --remove-tag")
    with _errors():
        db = _open(args)
        try:
            if args.speaker is not None or args.source is not None:
                tag_claim(
                    db, args.claim, speaker=args.speaker, source=args.source, analyst=_analyst(args)
                )
            if args.add_tag or args.remove_tag:
                change_tags(
                    db,
                    [args.claim],
                    add=args.add_tag,
                    remove=args.remove_tag,
                    analyst=_analyst(args),
                )
        finally:
            db.close()
    _out(f"claim #{args.claim} tagged")
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    from factdesk.services import set_status

    *raw_ids, status = args.claim_and_status
    if not raw_ids:
        raise CliError("usage: factdesk status CLAIM [CLAIM ...] STATUS")
    try:
        ids = [_claim_id(v) for v in raw_ids]
    except argparse.ArgumentTypeError as exc:
        raise CliError(str(exc)) from None
    with _errors():
        db = _open(args)
        try:
            cmd = set_status(db, ids, status, analyst=_analyst(args))
        finally:
            db.close()
    _out(cmd.text)
    return 0


def _cmd_statuses(args: argparse.Namespace) -> int:
    from factdesk.services import add_status, list_statuses, rename_status

    with _errors():
        db = _open(args)
        try:
            if args.add:
                add_status(db, args.add[0], args.add[1], label_ar=args.label_ar)
            elif args.rename:
                rename_status(db, args.rename[0], label=args.rename[1], label_ar=args.label_ar)
            rows = list_statuses(db)
        finally:
            db.close()
    for s in rows:
        _out(f"{s.key:<14} {s.label:<16} {s.label_ar or ''}{'  (default)' if s.is_default else ''}")
    return 0


def _cmd_note(args: argparse.Namespace) -> int:
    from factdesk.services import add_note

    with _errors():
        db = _open(args)
        try:
            add_note(db, args.claim, " ".join(args.text), analyst=_analyst(args))
        finally:
            db.close()
    _out(f"note added to claim #{args.claim}")
    return 0


def _cmd_evidence(args: argparse.Namespace) -> int:
    from factdesk.services import add_evidence

    ref = args.ref
    is_url = "://" in ref
    file_ref = None
    if not is_url:
        path = Path(ref).expanduser()
        if not path.exists():
            raise CliError(f"{ref} is neither a URL nor an existing file")
        file_ref = str(path.resolve())
    with _errors():
        db = _open(args)
        try:
            add_evidence(
                db,
                args.claim,
                url=ref if is_url else None,
                file_ref=file_ref,
                description=args.description or "",
                analyst=_analyst(args),
            )
        finally:
            db.close()
    _out(f"evidence added to claim #{args.claim}")
    return 0


def _cmd_entities(args: argparse.Namespace) -> int:
    from factdesk.services import list_entities

    with _errors():
        db = _open(args)
        try:
            rows = list_entities(db, args.query)
        finally:
            db.close()
    for e in rows:
        also = f"  aka {', '.join(e.aliases)}" if e.aliases else ""
        _out(
            f"#{e.id:<5} {e.kind:<9} {e.name}  ({e.speaker_claims} as speaker, "
            f"{e.source_claims} as source){also}"
        )
    return 0


def _cmd_merge(args: argparse.Namespace) -> int:
    from factdesk.services import merge_entities

    with _errors():
        db = _open(args)
        try:
            cmd = merge_entities(db, args.source, args.into, analyst=_analyst(args))
        finally:
            db.close()
    _out(cmd.text)
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    from factdesk.services import claim_history

    with _errors():
        db = _open(args)
        try:
            get = claim_history(db, args.claim)
        finally:
            db.close()
    for h in get:
        _out(
            f"{h.at:%Y-%m-%d %H:%M:%S}  {h.analyst}  {h.action} {h.field or ''}: "
            f"{h.old_value or '-'} -> {h.new_value or '-'}"
        )
    if not get:
        _out(f"no changes recorded on claim #{args.claim}")
    return 0


def _cmd_source(args: argparse.Namespace) -> int:
    """What was kept about an article's source; --page writes the page exactly as fetched."""
    import base64

    from factdesk.services import saved_source

    with _errors():
        db = _open(args)
        try:
            kept = saved_source(db, args.article)
        finally:
            db.close()
    if kept is None:
        print(f"factdesk: article #{args.article} has no kept source", file=sys.stderr)
        return 1
    for key in ("kind", "author", "fetched_url", "fetched_at", "content_type", "feed"):
        if kept.get(key):
            _out(f"{key}: {kept[key]}")
    page = kept.get("page_b64")
    if args.page and not page:
        print(f"factdesk: article #{args.article} has no kept page", file=sys.stderr)
        return 1
    if args.page and isinstance(page, str):
        data = base64.b64decode(page)
        try:
            Path(args.page).write_bytes(data)
        except OSError as exc:
            print(f"factdesk: cannot write {args.page}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        _out(f"page: {len(data):,} bytes written to {args.page}")
    return 0


def _cmd_export_csv(args: argparse.Namespace) -> int:
    from factdesk.reports import write_claims_csv

    with _errors():
        db = _open(args)
        try:
            n = write_claims_csv(db, args.out, _filters(args))
        finally:
            db.close()
    print(f"wrote {n} claim(s) to {args.out}", file=sys.stderr)
    return 0


def demo_seed_path() -> Path:
    """The seed article shipped inside the package (a copy of seeds/ in the repository)."""
    return Path(__file__).parent / "services" / "demo_data" / DEMO_SEED


def _cmd_demo(args: argparse.Namespace) -> int:
    from factdesk.services import ArticleMeta, import_texts
    from factdesk.store.database import default_db_path
    from factdesk.text.decoding import read_text_file

    if args.db is None:
        args.db = str(default_db_path().with_name("demo.db"))
    with _errors():
        decoded = read_text_file(demo_seed_path())
        db = _open(args, create=True)
        try:
            report = import_texts(
                db,
                [(decoded.text, ArticleMeta(title=DEMO_TITLE, language="ar"))],
                analyst=_analyst(args),
                source=DEMO_SEED,
            )
        finally:
            db.close()
    if report.failed:
        raise CliError(report.failed[0][1])
    done = report.imported or report.duplicates
    extra = "" if report.imported else " (it was already there)"
    _out(
        f"demo desk at {args.db}: article #{done[0].article_id} with {report.claims} "
        f"claim(s){extra}"
    )
    _out(f"try: factdesk claims --db {args.db}")
    return 0


# --- parser ---------------------------------------------------------------------------------


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument(
        "--db",
        metavar="PATH-or-URL",
        help="database file or URL (default: factdesk.db in your user data folder, "
        "or $FACTDESK_DB)",
    )
    p.add_argument(
        "--analyst",
        help="name recorded in the history (default: $FACTDESK_ANALYST or your login name)",
    )
    return p


def _filter_options() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("filters")
    g.add_argument("--kind", choices=["quote", "statement", "numeric"])
    g.add_argument("--status", dest="status_filter", metavar="STATUS")
    g.add_argument(
        "--speaker",
        dest="speaker_filter",
        metavar="NAME-or-ID",
        help="any spelling of the speaker's name; '' for claims without one",
    )
    g.add_argument("--source", dest="source_filter", metavar="NAME-or-ID")
    g.add_argument("--article", type=int, metavar="ID")
    g.add_argument("--tag")
    g.add_argument("--has-notes", action="store_true")
    g.add_argument("--no-notes", action="store_true")
    g.add_argument(
        "--search",
        metavar="TEXT",
        help="Arabic-aware word search (اجتماع finds والاجتماع); end a word with * for a prefix",
    )
    return p


def default_workers() -> int:
    import os

    return max(0, (os.cpu_count() or 1) - 1)


def register(sub: Any) -> None:
    """Add the desk verbs to the `factdesk` parser's subcommands."""
    common, filt = _common(), _filter_options()

    def verb(
        name: str,
        func: Callable[[argparse.Namespace], int],
        help_: str,
        parents: list[argparse.ArgumentParser] | None = None,
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, parents=parents or [common])
        p.set_defaults(func=func)
        return p

    p = verb(
        "import",
        _cmd_import,
        "import files (.txt .md .html .docx .rss .atom), folders, URLs or stdin (-) into the desk",
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files, folders or http(s) URLs; - reads stdin"
    )
    p.add_argument(
        "--feed", metavar="URL-OR-FILE", help="an RSS/Atom feed: list its items (or import them)"
    )
    p.add_argument(
        "--item", type=int, action="append", metavar="N", help="with --feed: import item N"
    )
    p.add_argument(
        "--all", dest="all_items", action="store_true", help="with --feed: import every item"
    )
    p.add_argument(
        "--fetch-pages",
        action="store_true",
        help="with --feed: import each item's web page (full article), not the feed's summary",
    )
    p.add_argument("--title")
    p.add_argument("--outlet")
    p.add_argument("--url")
    p.add_argument("--published", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--language", choices=["ar", "en"])
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument(
        "--workers",
        type=int,
        default=default_workers(),
        metavar="N",
        help=f"engine processes for big imports (default here: {default_workers()}; 0: none)",
    )

    p = verb("claims", _cmd_claims, "list claims, filtered, searched and paged", [common, filt])
    p.add_argument("--sort", default="id", choices=["id", "-id", "updated", "-updated", "article"])
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--after", metavar="CURSOR", help="the cursor printed after a full page")
    p.add_argument("--count", action="store_true", help="print only how many match")
    p.add_argument(
        "--format",
        choices=["table", "tsv", "json"],
        help="default: table on a terminal, tsv otherwise",
    )

    p = verb("show", _cmd_show, "one claim with its context, notes, evidence and history")
    p.add_argument("claim", type=_claim_id)
    p.add_argument("--json", action="store_true")

    p = verb("tag", _cmd_tag, "set a claim's speaker/source (created if new) or free tags")
    p.add_argument("claim", type=_claim_id)
    p.add_argument("--speaker", metavar="NAME", help="'' clears it")
    p.add_argument("--source", metavar="NAME", help="'' clears it")
    p.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    p.add_argument("--remove-tag", action="append", default=[], metavar="TAG")

    p = verb("status", _cmd_status, "set the verification status of one or more claims")
    p.add_argument(
        "claim_and_status",
        nargs="+",
        metavar="CLAIM... STATUS",
        help="claim ids, then a status key or label (false, خاطئ, 'mostly true')",
    )

    p = verb("statuses", _cmd_statuses, "list (or add, or relabel) the verification statuses")
    p.add_argument("--add", nargs=2, metavar=("KEY", "LABEL"))
    p.add_argument("--rename", nargs=2, metavar=("KEY", "LABEL"))
    p.add_argument("--label-ar", metavar="LABEL")

    p = verb("note", _cmd_note, "add a note to a claim")
    p.add_argument("claim", type=_claim_id)
    p.add_argument("text", nargs="+")

    p = verb("evidence", _cmd_evidence, "attach a URL or a file as evidence to a claim")
    p.add_argument("claim", type=_claim_id)
    p.add_argument("ref", metavar="URL-or-FILE")
    p.add_argument("--description", "-m")

    p = verb("entities", _cmd_entities, "list speakers and sources with their spellings")
    p.add_argument("query", nargs="?")

    p = verb("merge", _cmd_merge, "merge one speaker/source into another (claims move)")
    p.add_argument("source", metavar="FROM", help="id or any spelling")
    p.add_argument("into", metavar="INTO", help="id or any spelling")

    p = verb("history", _cmd_history, "who changed what on a claim")
    p.add_argument("claim", type=_claim_id)

    p = verb("source", _cmd_source, "what was kept of an article's page, URL, Word file or feed")
    p.add_argument("article", type=int)
    p.add_argument("--page", metavar="OUT", help="write the page's bytes, exactly as imported")

    p = sub.add_parser("export", help="write a report of the claims")
    esub = p.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    e = esub.add_parser(
        "csv", help="CSV verification report (UTF-8 with BOM, Excel-safe)", parents=[common, filt]
    )
    e.add_argument("out", metavar="OUT.csv")
    e.set_defaults(func=_cmd_export_csv)

    verb("demo", _cmd_demo, "create a demo desk with the seed article")
