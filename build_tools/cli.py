"""Command line for authors and maintainers: `python -m build_tools --help` lists the commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from .audit import audit, figures
from .catalogue import Catalogue, load_catalogue
from .coverage import coverage, format_coverage
from .diagnostics import format_all
from .front_end import FACTS_PATH, facts_module
from .render import DEFAULT_PREFIX, render_pages
from .review import agreement, format_agreement, packet
from .scaffold import ScaffoldError, article_or_error, scaffold
from .schema import SCHEMA_DIR, SCHEMAS, schema_text


def _validate(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.root, args.paths or None)
    if catalogue.diagnostics:
        print(format_all(catalogue.diagnostics, relative_to=Path.cwd()), file=sys.stderr)
        print(f"{len(catalogue.diagnostics)} problem(s) found", file=sys.stderr)
        return 1
    forms = f" and {len(catalogue.check_ups)} check-up form(s)" if catalogue.check_ups else ""
    print(
        f"ok: {len(catalogue.exercises)} exercise(s) on {len(catalogue.articles)} article(s)"
        f"{forms}, no problems"
    )
    return 0


def _coverage(args: argparse.Namespace) -> int:
    catalogue = _loaded_or_report(args.root)
    if catalogue is None:
        return 1
    results = coverage(catalogue)
    print(format_coverage(results))
    short = [r for r in results if r.share * 100 < args.fail_under]
    return 1 if short else 0


def _audit(args: argparse.Namespace) -> int:
    catalogue = _loaded_or_report(args.root)
    if catalogue is None:
        return 1
    print("\n".join(figures(catalogue)))
    broken = audit(catalogue)
    for rule, problems in broken.items():
        print(f"\n{rule}:", file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
    if broken:
        print(f"\n{len(broken)} rule(s) of the standard broken", file=sys.stderr)
        return 1
    print("ok: the answer key keeps every rule of the standard across the set")
    return 0


def _loaded_or_report(root: Path) -> Catalogue | None:
    catalogue = load_catalogue(root)
    if catalogue.diagnostics:
        print(format_all(catalogue.diagnostics, relative_to=Path.cwd()), file=sys.stderr)
        print("fix these problems first", file=sys.stderr)
        return None
    return catalogue


def _sentences_around(value: str) -> int:
    """argparse type for --around: a whole number of sentences, 0 to 10."""
    if not value.strip().isdigit() or int(value) > 10:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of sentences from 0 to 10")
    return int(value)


def _words(value: str) -> str:
    """argparse type for --quote: some words, not only spaces."""
    if not value.strip():
        raise argparse.ArgumentTypeError("give some words of the article, copied exactly")
    return value


def _new(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.root)
    try:
        article = article_or_error(catalogue.articles, args.article)
        made = scaffold(article, article.path.parent, args.quote, args.around, args.id)
    except ScaffoldError as error:
        print(f"error: {error.message}", file=sys.stderr)
        if error.hint:
            print("\n".join(f"  hint: {line}" for line in error.hint.splitlines()), file=sys.stderr)
        return 1
    made.path.write_text(made.text, encoding="utf-8")
    print(f"wrote {made.path}")
    print(
        "next: fill in the title and the answers, then run "
        "'.venv/bin/python -m build_tools validate'"
    )
    return 0


def _render(args: argparse.Namespace) -> int:
    catalogue = _loaded_or_report(args.root)
    if catalogue is None:
        return 1
    pages = render_pages(catalogue, args.pages_dir)
    for uri, content in pages.items():
        target = args.out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"wrote {len(pages)} pages under {args.out}")
    return 0


def _review_packet(args: argparse.Namespace) -> int:
    catalogue = _loaded_or_report(args.root)
    if catalogue is None:
        return 1
    print(packet(catalogue))
    return 0


def _agreement(args: argparse.Namespace) -> int:
    catalogue = _loaded_or_report(args.root)
    if catalogue is None:
        return 1
    try:
        key = yaml.safe_load(args.key.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        print(f"{args.key}: error: cannot read the key: {error}", file=sys.stderr)
        return 1
    if not isinstance(key, dict) or not isinstance(key.get("exercises"), dict):
        print(f"{args.key}: error: the key needs an 'exercises' mapping", file=sys.stderr)
        return 1
    print(format_agreement(agreement(catalogue, key)))
    return 0


def _schema(args: argparse.Namespace) -> int:
    stale = []
    generated = [(args.out / name, schema_text(name)) for name in SCHEMAS]
    generated.append((FACTS_PATH, facts_module()))
    for path, text in generated:
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    for path in stale:
        print(f"{path} is out of date: run 'python -m build_tools schema'", file=sys.stderr)
    if args.check and not stale:
        print("the JSON Schemas and the front end's facts are up to date")
    return 1 if stale else 0


def _path(text: str) -> Path:
    """A path argument; an empty one would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path: give a file or a folder")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools", description="Spot the Claim content tools."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate", help="check articles and exercises; print every problem as path:line:col"
    )
    validate.add_argument(
        "paths", nargs="*", type=_path, help="exercise files or folders (default: all of --root)"
    )
    validate.add_argument(
        "--root", type=_path, default=Path("exercises"), help="content folder (default: exercises)"
    )
    validate.set_defaults(run=_validate)

    cover = commands.add_parser(
        "coverage", help="per article, the sentences that no exercise passage uses yet"
    )
    cover.add_argument("--root", type=_path, default=Path("exercises"))
    cover.add_argument(
        "--fail-under",
        type=float,
        default=0,
        metavar="PERCENT",
        help="exit 1 if any article's share of used sentences is below this",
    )
    cover.set_defaults(run=_coverage)

    check_set = commands.add_parser(
        "audit",
        help="the standard's rules across the whole answer key: balance of verdicts, plain "
        "language, 'What checking finds' notes, one verdict per sentence",
    )
    check_set.add_argument("--root", type=_path, default=Path("exercises"))
    check_set.set_defaults(run=_audit)

    new = commands.add_parser("new", help="start an exercise file from a quotation of an article")
    new.add_argument("--article", required=True, help="the article's id (its folder name)")
    new.add_argument(
        "--quote", required=True, type=_words, help="words of the article, copied exactly"
    )
    new.add_argument("--id", help="the exercise's id (default: from the quotation's first words)")
    new.add_argument(
        "--around",
        type=_sentences_around,
        default=1,
        help="sentences of context either side, 0 to 10 (default: 1)",
    )
    new.add_argument("--root", type=_path, default=Path("exercises"))
    new.set_defaults(run=_new)

    render = commands.add_parser(
        "render",
        help="write the generated pages to a folder (for engines that run no MkDocs plugins)",
    )
    render.add_argument("--out", type=_path, required=True, help="usually the docs folder")
    render.add_argument("--root", type=_path, default=Path("exercises"))
    render.add_argument("--pages-dir", default=DEFAULT_PREFIX, help="as the plugin's pages_dir")
    render.set_defaults(run=_render)

    review = commands.add_parser(
        "review-packet", help="print the exercises' passages without answers, for a blind review"
    )
    review.add_argument("--root", type=_path, default=Path("exercises"))
    review.set_defaults(run=_review_packet)

    agree = commands.add_parser(
        "agreement", help="compare an independent reviewer's key with the answer key"
    )
    agree.add_argument("key", type=_path, help="the reviewer's key (YAML)")
    agree.add_argument("--root", type=_path, default=Path("exercises"))
    agree.set_defaults(run=_agreement)

    schema = commands.add_parser(
        "schema", help="write the JSON Schemas (exercise files for editors, results files)"
    )
    schema.add_argument("--out", type=_path, default=SCHEMA_DIR, help="folder (default: schema)")
    schema.add_argument("--check", action="store_true", help="fail if the file is out of date")
    schema.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.run(args))
