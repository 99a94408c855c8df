"""The command line: parse options into one Options object, call the library, pick a renderer.

Errors from the core are translated to messages and exit codes in exactly one place: ``main``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .environment import MIN_WIDTH, Environment
from .errors import InputError, SrcCompareError, UsageError
from .model import Article, Problem
from .options import DEFAULT_EVENT_WINDOW, DEFAULT_MAX_BYTES, Options
from .status import ExitStatus
from .web.options import DEFAULT_FETCH_OPTIONS as _FETCH

if TYPE_CHECKING:
    from .output import Text

# Progress bars only pay for themselves on larger batches.
PROGRESS_MIN_FILES = 20


def _paths_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.argument("paths", nargs=-1, required=True, metavar="PATH...")(f)


def input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads articles."""
    f = click.option("--no-manifest", is_flag=True, help="Ignore manifest.toml; detect all metadata from the text.")(f)
    f = click.option(
        "--follow-links",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Read files that links in a corpus folder lead to outside it (skipped, and named, by default).",
    )(f)
    f = click.option(
        "--no-cache",
        is_flag=True,
        help="Clean every file again instead of reusing cleaned articles from the cache "
        "($SRCCOMPARE_CACHE_DIR or ~/.cache/srccompare).",
    )(f)
    f = click.option(
        "--max-size",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_BYTES // (1024 * 1024),
        show_default=True,
        metavar="MB",
        help="Refuse inputs larger than this many megabytes.",
    )(f)
    return _paths_argument(f)


def output_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
        default=None,
        callback=_dash_is_stdout,
        help="Write to this file (atomically) instead of stdout ('-': stdout).",
    )(f)


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> None:
    """Options every reading command shares but none handles itself: kept for make_options."""
    ctx.meta[f"srccompare.{param.name}"] = value


def _dash_is_stdout(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return None if value == "-" else value


def terminal_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--width", type=click.IntRange(min=MIN_WIDTH), default=None, help="Terminal width (default: detect)."
    )(f)
    return click.option("--color/--no-color", default=None, help="Force colour on or off (NO_COLOR is honoured).")(f)


def engine_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Where cleaning and the per-event comparison run (compare and check); see docs/scale.md."""
    f = click.option(
        "--scheduler", default=None, metavar="ADDRESS", help="The Dask scheduler for --engine dask (tcp://HOST:8786)."
    )(f)
    f = click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: worker processes here; dask: a dask.distributed cluster (pip install 'srccompare[dask]').",
    )(f)
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        metavar="N",
        help="Worker processes for the local engine (default 0: one per core; 1: no workers).",
    )(f)


def view_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """What the terminal and Markdown reports show: the bundle of --outlet, --kind, --limit, --full."""
    f = click.option(
        "--pager/--no-pager",
        default=None,
        help="Page the terminal report through $PAGER (default: on a terminal, as git does).",
    )(f)
    f = click.option("--full", is_flag=True, help="Show every fact, quote and background link.")(f)
    f = click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=None,
        metavar="N",
        help="Facts told differently shown per event (default 5).",
    )(f)
    f = click.option(
        "--kind",
        "kinds",
        default=None,
        metavar="KIND,...",
        help="Only facts with these kinds of difference (number, source_cited, quote, hedge, ...).",
    )(f)
    return click.option(
        "--outlet",
        default=None,
        metavar="NAME",
        help="What this outlet added, omitted and told differently against the rest.",
    )(f)


def make_view(outlet: str | None, kinds: str | None, limit: int | None, full: bool) -> Any:
    from .render.view import DEFAULT_LIMIT, KIND_RANK, View

    chosen = frozenset(k.strip().lower() for k in (kinds or "").split(",") if k.strip())
    unknown = sorted(chosen - set(KIND_RANK))
    if unknown:
        raise UsageError(f"unknown difference kind {unknown[0]!r} in --kind (the kinds: {', '.join(KIND_RANK)})")
    return View(outlet=outlet, kinds=chosen, limit=DEFAULT_LIMIT if limit is None else limit, full=full)


def grouping_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--one-event",
        is_flag=True,
        help="The articles all report one event (you chose them): compare them as one, without grouping.",
    )(f)
    return click.option(
        "--event-window",
        type=click.IntRange(min=0),
        default=DEFAULT_EVENT_WINDOW,
        show_default=True,
        metavar="DAYS",
        help="Articles whose dates lie further apart than this are never one event.",
    )(f)


def make_options(
    no_manifest: bool,
    max_size: int,
    no_cache: bool,
    paths: Iterable[str] = (),
    config: str | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    settings: Any = None,
) -> Options:
    """The one place where command-line options and the user's configuration become Options
    (``settings``: the configuration when the caller has read it already)."""
    from .config import load_config
    from .store import default_cache_dir

    settings = settings or load_config(config, paths)
    ctx = click.get_current_context(silent=True)
    return Options(
        max_bytes=max_size * 1024 * 1024,
        use_manifest=not no_manifest,
        outlets=dict(settings.outlets),
        furniture=settings.furniture,
        cache_dir=None if no_cache else default_cache_dir(),
        jobs=jobs or None,
        engine=engine,
        scheduler=scheduler,
        follow_links=bool(ctx and ctx.meta.get("srccompare.follow_links")),
        config_files=(settings.path,) if settings.path else (),
    )


def say(env: Environment, message: str) -> None:
    """One line on stderr. Reasons quote manifests, configuration and article text: shown escaped."""
    from .render.safe import escape_controls

    click.echo(f"srccompare: {escape_controls(message)}", file=env.stderr)


def env_of(ctx: click.Context) -> Environment:
    obj = ctx.find_object(Environment)
    if obj is None:
        obj = ctx.ensure_object(Environment)
    return obj


def shown(path: str) -> str:
    from .ingest.read import display_name

    return display_name(path)


class Outcome:
    """What a command did: its problems decide the exit code."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.problems: list[Problem] = []

    def report(self, problem: Problem) -> None:
        self.problems.append(problem)
        say(self.env, f"{shown(problem.path)}: {problem.reason}")

    def status(self, used: int) -> ExitStatus:
        if self.problems and used == 0:
            return ExitStatus.USAGE
        return ExitStatus.FINDINGS if self.problems else ExitStatus.OK


def load_articles(paths: Iterable[str], options: Options, outcome: Outcome, after: Any = None) -> list[Article]:
    """The cleaned articles; ``after``: what the cleaning workers also make of each (ingest.After)."""
    from .ingest import iter_articles

    paths = list(paths)
    articles: list[Article] = []
    items: Iterable[Article | Problem] = iter_articles(paths, options, after)
    if outcome.env.progress_enabled() and _count_inputs(paths) >= PROGRESS_MIN_FILES:
        items = _with_progress(items, _count_inputs(paths), outcome.env)
    for item in items:
        if isinstance(item, Problem):
            outcome.report(item)
        else:
            articles.append(item)
    return articles


def within_budget(articles: list[Article], options: Options, outcome: Outcome) -> list[Article]:
    """The articles short enough to compare; each longer one gets its line (options.py says why)."""
    limit = options.max_compared_sentences
    kept = []
    for article in articles:
        if len(article.sentences) > limit:
            outcome.report(
                Problem(
                    article.path,
                    f"too long to compare as one article ({len(article.sentences):,} sentences; "
                    f"the limit is {limit:,}); `srccompare clean` shows it",
                    "SC001",
                )
            )
        else:
            kept.append(article)
    return kept


def _count_inputs(paths: list[str]) -> int:
    from .ingest.read import iter_paths

    return sum(1 for _ in iter_paths(paths))


def _with_progress(items: Iterable[Any], total: int, env: Environment) -> Iterable[Any]:
    from rich.progress import Progress

    with Progress(console=env.console(env.stderr), transient=True) as progress:
        task = progress.add_task("Cleaning", total=total)
        for item in items:
            progress.advance(task)
            yield item


def guard_output(output: str | None, paths: Iterable[str]) -> None:
    """Refuse an output file that is one of the inputs, or the corpus's manifest or configuration:
    input files are never modified, and a report written as srccompare.toml would be read back."""
    if not output or output == "-":
        return
    from .ingest.read import CONFIG_NAMES

    target = Path(output).resolve()
    if target.name in CONFIG_NAMES:
        # The manifest and configuration are read with the corpus but never listed as inputs.
        for raw in paths:
            if raw == "-":
                continue
            base = Path(raw).resolve()
            base = base if base.is_dir() else base.parent
            if target.parent == base or target.parent in base.parents:
                raise UsageError(f"-o {output} is the configuration of the input {raw}; refusing to overwrite it")
    try:
        written = os.stat(target)
    except OSError:
        return
    from .ingest.read import iter_inputs, own_output

    for display, path, folder, _ in iter_inputs(paths):
        # The same file by device and inode (a link or a second hard link to it too): one stat an
        # input, where resolving each path cost a second on a corpus of 10,000 files.
        if path is not None and _same_file(path, written):
            if folder is not None and _is_own_output(target, own_output):
                continue  # an earlier report in the corpus folder: not an input, so it may be replaced
            raise UsageError(f"-o {output} is an input file ({display}); refusing to overwrite it")


def _same_file(path: Path, written: os.stat_result) -> bool:
    try:
        return os.path.samestat(os.stat(path), written)
    except OSError:
        return False


def _is_own_output(path: Path, own_output: Callable[[bytes], str | None]) -> bool:
    if not path.is_file():
        return False  # a FIFO or a device: never opened here
    try:
        with path.open("rb") as fh:
            return own_output(fh.read(4096)) is not None
    except OSError:
        return False


def emit(env: Environment, text: Text, output: str | None) -> None:
    if output:
        from .output import write_atomic

        try:
            write_atomic(output, text)
        except OSError as exc:
            raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        from .output import text_pieces

        for piece in text_pieces(text):
            env.stdout.write(piece)
        env.stdout.flush()


def _drop_stdout() -> None:
    """Point the standard output at /dev/null, so that Python's flush at exit does not fail again
    on the text still buffered and print a traceback of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class SrcCompareGroup(click.Group):
    """The only place where core errors become messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            say(env_of(ctx), f"{shown(exc.path)}: {exc.reason}")
            ctx.exit(ExitStatus.USAGE)
        except SrcCompareError as exc:
            say(env_of(ctx), str(exc))
            ctx.exit(ExitStatus.USAGE)
        except BrokenPipeError:
            ctx.exit(ExitStatus.FINDINGS)
        except OSError as exc:
            # Inputs and -o files fail as InputError or UsageError above; what is left is the
            # standard output itself (a full disk, a closed terminal).
            where = exc.filename or "standard output"
            say(env_of(ctx), f"cannot write to {where}: {exc.strerror or exc}")
            _drop_stdout()
            ctx.exit(ExitStatus.USAGE)
        finally:
            # Worker pools and cluster connections end with the command that opened them.
            if "srccompare.engine" in sys.modules:
                sys.modules["srccompare.engine"].close_all()


@click.group(cls=SrcCompareGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="srccompare", prog_name="srccompare")
def cli() -> None:
    """Compare how several outlets reported the same events.

    Feed it raw article dumps (text pasted from a browser, or saved HTML) from several outlets:
    it cleans them, groups them into events, aligns their facts and shows what each outlet
    added, left out or told differently.

    \b
    Example:
        srccompare compare corpus/
    """


@cli.command()
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for reading, json for scripts (a list of Article objects).",
)
@output_option
@click.pass_context
def clean(
    ctx: click.Context,
    paths: tuple[str, ...],
    no_manifest: bool,
    no_cache: bool,
    max_size: int,
    fmt: str,
    output: str | None,
) -> None:
    """Strip page furniture from article dumps and print the cleaned articles.

    Every dropped line is kept, with the reason, under "dropped" in the JSON output.

    \b
    Example:
        srccompare clean corpus/ --format json -o clean.json

    Exit status: 0 every input was cleaned; 1 some inputs could not be used (named on stderr);
    2 usage error or no usable input.
    """
    env = env_of(ctx)
    guard_output(output, paths)
    outcome = Outcome(env)
    articles = load_articles(paths, make_options(no_manifest, max_size, no_cache, paths), outcome)
    if fmt == "json":
        from .render.json import dumps

        text = dumps([a.to_dict() for a in articles])
    else:
        from .render.text import render_articles

        text = render_articles(articles)
    # With nothing usable, stdout still gets a valid (empty) JSON list, but an old -o file is kept.
    if articles or (fmt == "json" and not output):
        emit(env, text, output)
    ctx.exit(outcome.status(len(articles)))


def _infer_format(fmt: str | None, output: str | None, default: str, by_suffix: dict[str, str]) -> str:
    if fmt:
        return fmt
    if output:
        return by_suffix.get(Path(output).suffix.lower(), default)
    return default


@cli.command()
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json", "html", "markdown"]),
    default=None,
    help="Output format (default: terminal, or inferred from -o's extension).",
)
@output_option
@terminal_options
@view_options
@engine_options
@grouping_options
@click.pass_context
def compare(
    ctx: click.Context,
    paths: tuple[str, ...],
    no_manifest: bool,
    no_cache: bool,
    max_size: int,
    event_window: int,
    one_event: bool,
    fmt: str | None,
    output: str | None,
    color: bool | None,
    width: int | None,
    outlet: str | None,
    kinds: str | None,
    limit: int | None,
    full: bool,
    pager: bool | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
) -> None:
    """Group articles into events and show, per event, what each outlet shared, added, omitted or framed.

    \b
    Example:
        srccompare compare corpus/
        srccompare compare corpus/ -o report.html
        srccompare compare corpus/ --format json -o baseline.json
        srccompare compare corpus/ --outlet Yonhap --kind number,quote --full
        srccompare compare coverage/ --one-event

    Exit status: 0 the report was made (differences between outlets are its content, not
    errors); 1 some inputs could not be used (named on stderr); 2 usage error or no usable input.
    """
    env = env_of(ctx)
    view = make_view(outlet, kinds, limit, full)
    if color is not None:
        env.color = color
    if width is not None:
        env.width = width
    fmt = _infer_format(fmt, output, "terminal", {".html": "html", ".htm": "html", ".json": "json", ".md": "markdown"})
    guard_output(output, paths)
    options = replace(
        make_options(no_manifest, max_size, no_cache, paths, None, jobs, engine, scheduler),
        event_window=event_window,
        one_event=one_event,
    )
    outcome = Outcome(env)
    from .compare.features import AFTER_CLEANING

    # The workers that clean also make what grouping reads of each article (compare/features.py).
    articles = within_budget(load_articles(paths, options, outcome, AFTER_CLEANING), options, outcome)
    if not articles:
        ctx.exit(outcome.status(0))
    report = _compare_with_status(articles, options, env, outcome.problems)
    if fmt == "terminal" and not output and env.want_pager(pager):
        import shutil

        from .pager import page

        width = env.width or shutil.get_terminal_size().columns
        text = render_report(report, fmt, Environment(color=env.want_color(), width=width), "-", view)
        from .output import text_pieces

        page("".join(text_pieces(text)), env)
    else:
        emit(env, render_report(report, fmt, env, output, view), output)
    ctx.exit(outcome.status(len(articles)))


def _compare_with_status(articles: list[Article], options: Options, env: Environment, problems: list[Problem]) -> Any:
    """Grouping and alignment can take seconds on big corpora: say so on a terminal's stderr."""
    from .compare.report import build_report

    if not env.progress_enabled() or len(articles) < PROGRESS_MIN_FILES:
        return build_report(articles, options, problems)
    with env.console(env.stderr).status(f"Comparing {len(articles)} articles…"):
        return build_report(articles, options, problems)


def render_report(report: Any, fmt: str, env: Environment, output: str | None, view: Any = None) -> Text:
    if fmt == "json":
        from .render.json import iter_report

        return iter_report(report)
    if fmt == "html":
        from .render.html import render_html

        return render_html(report)
    if fmt == "markdown":
        from .render.markdown import render_markdown

        return render_markdown(report, view)
    from .render.terminal import render_terminal

    if output == "-":  # for the pager: the text the terminal would have shown
        return render_terminal(report, env, view=view)
    if output:
        from .render.safe import escape_controls

        # A file gets plain text at a fixed width: no escape codes in a saved report.
        return escape_controls(
            render_terminal(report, Environment(color=False, width=env.width or 120), view=view), lines=True
        )
    render_terminal(report, env, to_stdout=True, view=view)
    return ""


@cli.command()
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "junit"]),
    default="text",
    show_default=True,
    help="text for people; json, github annotations or junit XML for CI.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="A saved `compare --format json` report of the same corpus to compare against.",
)
@click.option("--select", default=None, metavar="CODES", help="Only these rule codes (comma-separated prefixes).")
@click.option("--ignore", default=None, metavar="CODES", help="Skip these rule codes (comma-separated prefixes).")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True),
    default=None,
    help="A srccompare.toml or pyproject.toml with [tool.srccompare] (default: found beside the corpus).",
)
@output_option
@engine_options
@grouping_options
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    no_manifest: bool,
    no_cache: bool,
    max_size: int,
    event_window: int,
    one_event: bool,
    fmt: str,
    baseline: str | None,
    select: str | None,
    ignore: str | None,
    strict: bool,
    config: str | None,
    output: str | None,
    jobs: int,
    engine: str,
    scheduler: str | None,
) -> None:
    """Check a corpus for CI: unreadable files, leftover furniture, duplicates, missing metadata.

    \b
    Example:
        srccompare check corpus/ --format github
        srccompare check corpus/ --baseline baseline.json --format junit -o check.xml

    Exit status: 0 no finding at error level (with --strict: no warning either); 1 findings at error
    level, or some inputs could not be used; 2 usage error or no usable input.
    """
    from .check import CheckRequest, run_check
    from .render.findings import render_findings

    env = env_of(ctx)
    guard_output(output, paths)
    from .config import load_config

    settings = load_config(config, paths)  # read once, for the cleaner's options and the rules
    request = CheckRequest(
        paths=tuple(paths),
        options=replace(
            make_options(no_manifest, max_size, no_cache, paths, config, jobs, engine, scheduler, settings),
            event_window=event_window,
            one_event=one_event,
        ),
        settings=settings,
        baseline=baseline,
        select=_codes(select),
        ignore=_codes(ignore),
        strict=strict,
        config=config,
    )
    result = run_check(request)
    emit(env, render_findings(result, fmt, env), output)
    ctx.exit(result.exit_status)


@cli.command()
@click.argument("urls", nargs=-1, metavar="URL...")
@click.option(
    "-i",
    "--input-file",
    type=click.File("r", encoding="utf-8"),
    default=None,
    metavar="FILE",
    help="Also fetch the URLs in this file, one a line ('#' starts a comment; '-': stdin).",
)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed: fetch every page it lists.")
@click.option("--since", default=None, metavar="DATE", help="Only feed items dated at or after DATE (2024-06-06, UTC).")
@click.option(
    "--warc", type=click.Path(dir_okay=False), default=None, help="Also write the run's pages into this WARC(.gz)."
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="The corpus folder to fill; DIR/manifest.toml gets each page's provenance.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.01),
    default=_FETCH.timeout,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a host that does not connect, or stops sending, for this long.",
)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=_FETCH.retries,
    show_default=True,
    help="Retries after a network error, 429 or 5xx, with exponential backoff.",
)
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=_FETCH.delay,
    show_default=True,
    metavar="SECONDS",
    help="Pause of each connection to a host between requests (longer if the host is slow or robots.txt asks).",
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=_FETCH.max_bytes // 2**20,
    show_default=True,
    metavar="MB",
    help="Refuse pages larger than this (counted after decompression).",
)
@click.option("--ignore-robots", is_flag=True, help="Fetch pages that robots.txt disallows (pages you may fetch).")
@click.option("--allow-other-hosts", is_flag=True, help="Follow redirects to other hosts (public addresses only).")
@click.option("--allow-private", is_flag=True, help="Let redirects and feed items reach private or local addresses.")
@click.pass_context
def fetch(
    ctx: click.Context,
    urls: tuple[str, ...],
    input_file: Any,
    feeds: tuple[str, ...],
    since: str | None,
    warc: str | None,
    out_dir: str,
    timeout: float,
    retries: int,
    delay: float,
    max_size: int,
    ignore_robots: bool,
    allow_other_hosts: bool,
    allow_private: bool,
) -> None:
    """Download web pages (and the pages of feeds) into a corpus folder, with their provenance.

    Raw HTML is kept gzipped; DIR/manifest.toml records url, final_url, fetched_at, status, sha256,
    etag and last_modified per page. A second run asks each page again conditionally. Which addresses
    are contacted, and robots.txt: docs/ingest.md.

    \b
    Example:
        srccompare fetch https://example.com/news/a https://example.org/b -o corpus/
        srccompare fetch --feed https://example.com/rss.xml --since 2024-06-01 -o corpus/

    Exit status: 0 every page was fetched (or had not changed); 1 some inputs could not be used (each
    named on stderr); 2 usage error or no usable input (no page fetched).
    """
    from dataclasses import replace

    from .web import fetch as fetch_pages
    from .web.feeds import parse_since

    env = env_of(ctx)
    listed = [line.split("#", 1)[0].strip() for line in input_file] if input_file else []
    urls = (*urls, *filter(None, listed))
    if not urls and not feeds:
        raise UsageError("nothing to fetch: give URLs, -i FILE or --feed URL")
    if since and not feeds:
        raise UsageError("--since filters feed items: give --feed URL")
    try:
        parse_since(since)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    options = replace(
        _FETCH,
        timeout=timeout,
        retries=retries,
        delay=delay,
        max_bytes=max_size * 2**20,
        robots=not ignore_robots,
        allow_other_hosts=allow_other_hosts,
        allow_private=allow_private,
    )
    result = fetch_pages(urls, out_dir, feeds=feeds, since=since, warc=warc, options=options)
    outcome = Outcome(env)
    for problem in result.problems:
        outcome.report(problem)
    older = f", {result.skipped} feed items older than --since" if result.skipped else ""
    click.echo(
        f"srccompare: {result.counts['fetched']} fetched, {result.counts['unchanged']} unchanged, "
        f"{len(result.problems)} failed{older} -> {shown(result.manifest or out_dir)}",
        file=env.stderr,
    )
    ctx.exit(outcome.status(len(result.pages)))


@cli.group()
def cache() -> None:
    """Show or clear the store of cleaned articles and compared events.

    The store ($SRCCOMPARE_CACHE_DIR, else $XDG_CACHE_HOME/srccompare or ~/.cache/srccompare) lets a
    re-run clean only new or changed files and compare only the events they touch.

    \b
    Example:
        srccompare cache info
        srccompare cache clear
    """


@cache.command("info")
@click.pass_context
def cache_info(ctx: click.Context) -> None:
    """Where the store is, its size, and how many articles and events it holds.

    \b
    Example:
        srccompare cache info
    """
    from .store import default_cache_dir, info

    try:
        lines = info(default_cache_dir()).lines()
    except Exception as exc:  # noqa: BLE001  (a damaged store is reported, not raised)
        raise UsageError(f"cannot read the store in {default_cache_dir()}: {exc}") from None
    click.echo("\n".join(lines), file=env_of(ctx).stdout)


@cache.command("clear")
@click.option("--stale", is_flag=True, help="Only what other versions of srccompare (or edits of it) stored.")
@click.pass_context
def cache_clear(ctx: click.Context, stale: bool) -> None:
    """Delete the store (the next run cleans and compares everything again).

    \b
    Example:
        srccompare cache clear
        srccompare cache clear --stale
    """
    from .store import clear, clear_stale, default_cache_dir

    try:
        freed = clear_stale(default_cache_dir()) if stale else clear(default_cache_dir())
    except OSError as exc:
        raise UsageError(f"cannot clear the store in {default_cache_dir()}: {exc.strerror or exc}") from None
    what = f"{freed} stale entries" if stale else f"{freed / 1e6:.1f} MB"
    click.echo(f"cleared {default_cache_dir()}: freed {what}", file=env_of(ctx).stdout)


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from .check.rules import RULES

    codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
    # A typo must not turn the CI gate into a check of nothing.
    for code in codes:
        if not any(rule.startswith(code) for rule in RULES):
            raise UsageError(f"unknown rule code {code!r} in --select/--ignore (the codes are in docs/rules.md)")
    return codes


def main(argv: list[str] | None = None, env: Environment | None = None) -> None:
    """Console-script entry point; ``env`` lets embedding code and tests redirect output."""
    import gc

    from .engine import GC_THRESHOLDS

    gc.set_threshold(*GC_THRESHOLDS)
    cli.main(args=argv, prog_name="srccompare", obj=env or Environment())
