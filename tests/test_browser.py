"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

`make test` installs chromium as root (scripts/install-browser.sh); where it is missing or cannot start,
the whole module skips with the reason. A screenshot of the corpus report lands in tests/artifacts/.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from srccompare.model import Difference
from srccompare.render.html import render_html

from .conftest import CORPUS, DATA, ROOT
from .html_sample import PAYLOADS, hostile_report, sample_report

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("SRCCOMPARE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "tests" / "artifacts"
OUTLETS = ("AsiaNews", "Yonhap", "BBC", "AFP", "IANS")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: run `make browser` as root to install Debian's chromium", allow_module_level=True
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A fresh profile each run, so no state or extension of anyone's leaks in."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        try:
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=str(CHROMIUM),
                headless=True,
                args=FLAGS,
                viewport={"width": 1280, "height": 900},
                service_workers="block",
            )
        except Exception as exc:  # any launch failure means "no usable browser here"
            pytest.skip(f"{CHROMIUM} cannot start: {str(exc).splitlines()[0]}")
        yield context
        context.close()


class Loaded:
    """A page plus everything it did while loading: console messages, errors, requests and dialogs."""

    def __init__(self, context, path: Path, **emulate):
        self.url = path.resolve().as_uri()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        if emulate:
            self.page.emulate_media(**emulate)
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.console.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.page.close()


def _cli_report(tmp_path_factory, name: str, *paths: str) -> Path:
    from click.testing import CliRunner

    from srccompare.cli import cli
    from srccompare.environment import Environment

    out = tmp_path_factory.mktemp("html") / name
    result = CliRunner().invoke(
        cli, ["compare", *paths, "-o", str(out)], obj=Environment(color=False, width=100), catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    return _cli_report(tmp_path_factory, "corpus.html", str(CORPUS))


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "sample.html"
    path.write_text(render_html(sample_report()), encoding="utf-8")
    return path


@pytest.fixture()
def corpus_page(browser, corpus_file):
    loaded = Loaded(browser, corpus_file)
    yield loaded
    loaded.close()


@pytest.fixture()
def sample_page(browser, sample_file):
    loaded = Loaded(browser, sample_file)
    yield loaded
    loaded.close()


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all("tr.fact", "rows => rows.filter(r => r.checkVisibility()).map(r => r.id)")


def test_corpus_report_loads_offline_without_errors(corpus_page):
    assert corpus_page.console == []
    assert corpus_page.requests == [corpus_page.url]
    assert corpus_page.dialogs == []
    # Our script ran: the controls it reveals are showing.
    assert corpus_page.page.is_visible("#controls")


def test_every_outlet_is_named(corpus_page):
    headers = corpus_page.page.eval_on_selector_all("table.facts thead th", "ths => ths.map(t => t.innerText)")
    for outlet in OUTLETS:
        assert outlet in headers
    timeline = corpus_page.page.inner_text("ol.timeline")
    for outlet in OUTLETS:
        assert outlet in timeline


def _line_up(page, rows: list[str]) -> None:
    for row_id in rows:
        boxes = page.eval_on_selector_all(
            f"[id='{row_id}'] > td.cell",
            "cells => cells.map(c => { const r = c.getBoundingClientRect(); return [r.top, r.bottom]; })",
        )
        assert len(boxes) >= 2
        tops = {round(t) for t, _ in boxes}
        bottoms = {round(b) for _, b in boxes}
        assert len(tops) == 1 and len(bottoms) == 1, (row_id, boxes)


def _shared_quote_rows(page) -> list[str]:
    """Rows that the quote tracker points at, or that carry a quotation, and that several outlets share."""
    return page.evaluate("""() => {
        const tracked = new Set([...document.querySelectorAll('table.quotes a.anchor')]
            .map(a => a.getAttribute('href').slice(1)));
        return [...document.querySelectorAll('tr.fact')].filter(r =>
            [...r.querySelectorAll('td.cell')].filter(c => c.querySelector('p.sent')).length >= 2 &&
            (tracked.has(r.id) || /["\u201c\u201d]/.test(r.innerText))).map(r => r.id);
    }""")


def test_shared_quote_rows_line_up_in_the_sample(sample_page):
    rows = _shared_quote_rows(sample_page.page)
    assert len(rows) >= 2
    _line_up(sample_page.page, rows)
    # The two quotations sit side by side: same row, different columns.
    left, right = sample_page.page.eval_on_selector_all(
        f"[id='{rows[0]}'] p.sent", "ps => ps.map(p => p.getBoundingClientRect().left)"
    )
    assert right > left + 200


def test_shared_quote_rows_line_up_in_the_corpus(corpus_page):
    rows = _shared_quote_rows(corpus_page.page)
    assert rows, "AsiaNews and Yonhap share Putin's quotations"
    _line_up(corpus_page.page, rows)


def _rows(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "rs => rs.map(r => r.id)")


def _differences_only(loaded) -> None:
    """Equivalent rows go, labelled or not; divergent rows and omissions stay."""
    page = loaded.page
    equivalent = _rows(page, "tr.fact.rel-equivalent:not(:has(td.st-omitted))")
    omitted = _rows(page, "tr.fact.rel-equivalent:has(td.st-omitted)")
    labelled = _rows(page, "tr.fact.rel-equivalent[data-kinds~='quote']")
    divergent = _rows(page, "tr.fact.rel-divergent")
    coverage = _rows(page, "tr.fact.rel-single:has(td.st-omitted)")
    assert labelled, "an equivalent row carries a verbatim 'quote' label"
    assert divergent and coverage
    before = visible_rows(page)
    assert set(equivalent) <= set(before)
    page.click("text=differences only")
    after = visible_rows(page)
    assert not set(equivalent) & set(after)
    assert set(divergent) <= set(after)
    assert set(coverage) <= set(after)
    assert set(omitted) <= set(after)
    assert page.inner_text("#filter-status").startswith(f"{len(after)} of ")
    page.click("text=differences only")
    assert visible_rows(page) == before


def test_differences_only_hides_equivalent_rows_in_the_sample(browser, tmp_path_factory):
    """The sample's shared Italy quotation labelled verbatim, as the aligner labels such rows."""
    report = sample_report()
    e1 = report.events[0]
    verbatim = Difference("quote", "verbatim: 'Just like in our relations with Italy...'", e1.articles)
    facts = tuple(replace(f, differences=(verbatim,)) if f.id == "E1-F2" else f for f in e1.facts)
    path = tmp_path_factory.mktemp("html") / "verbatim.html"
    path.write_text(
        render_html(replace(report, events=(replace(e1, facts=facts),) + report.events[1:])), encoding="utf-8"
    )
    loaded = Loaded(browser, path)
    _differences_only(loaded)
    loaded.close()


def test_differences_only_hides_equivalent_rows_in_the_corpus(corpus_page):
    _differences_only(corpus_page)


def test_kind_filter_shows_only_rows_of_that_kind(sample_page):
    page = sample_page.page
    page.check("input[data-kind='polarity']")
    assert visible_rows(page) == ["E1-F3"]
    page.check("input[data-kind='quote']")
    assert visible_rows(page) == ["E1-F3", "E1-F4"]
    page.uncheck("input[data-kind='polarity']")
    page.uncheck("input[data-kind='quote']")
    assert len(visible_rows(page)) == page.locator("tr.fact").count()


def test_events_collapse_and_rows_have_working_links(sample_page):
    page = sample_page.page
    page.click("#collapse-all")
    assert visible_rows(page) == []
    page.click("#E2 summary")
    assert visible_rows(page)[0].startswith("E2-")
    # A link to a fact in a collapsed event opens the event and targets the row.
    page.evaluate("location.hash = '#E1-F4'")
    assert page.is_visible("[id='E1-F4']")
    assert page.evaluate("document.querySelector(':target').id") == "E1-F4"


def test_hostile_article_stays_inert(browser, tmp_path_factory):
    files = [
        _cli_report(tmp_path_factory, "hostile-cli.html", str(DATA / "hostile"), str(next(CORPUS.glob("000_*")))),
    ]
    lib = tmp_path_factory.mktemp("html") / "hostile-lib.html"
    lib.write_text(render_html(hostile_report()), encoding="utf-8")
    files.append(lib)
    for path in files:
        loaded = Loaded(browser, path)
        page = loaded.page
        page.click("#expand-all")
        for box in page.query_selector_all("details"):
            box.evaluate("d => d.open = true")
        page.wait_for_timeout(200)
        assert loaded.dialogs == []
        assert loaded.console == []
        assert loaded.requests == [loaded.url]
        assert page.evaluate("document.querySelectorAll('script').length") == 1
        assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
        assert (
            page.evaluate(
                "[...document.querySelectorAll('*')]"
                ".filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
            )
            == 0
        )
        assert page.evaluate("[...document.links].filter(a => !/^(https?|file):/.test(a.protocol)).length") == 0
        text = page.inner_text("body")
        assert PAYLOADS[0] in text and PAYLOADS[1] in text
        loaded.close()


def test_phone_width_has_no_sideways_scroll(browser, sample_file):
    loaded = Loaded(browser, sample_file)
    page = loaded.page
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    # Stacked cells name their outlet, since the column headers are gone.
    assert page.is_visible("[id='E1-F1'] td.cell .cell-outlet >> nth=0")
    loaded.close()


def test_phone_width_restacks_the_count_tables_and_the_quote_tracker(browser, corpus_file, sample_file):
    labelled = "table.counts td.num, table.outlet-summary td, table.quotes td.q-form"
    for path in (corpus_file, sample_file):
        loaded = Loaded(browser, path)
        page = loaded.page
        assert page.is_visible("table.quotes thead")
        assert not page.evaluate("[...document.querySelectorAll('.stack-label')].some(l => l.checkVisibility())")
        page.set_viewport_size({"width": 390, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # A scroll box that overflows hides its right-hand columns with no cue that they are there.
        assert (
            page.evaluate(
                "[...document.querySelectorAll('.scroll')].filter(s => s.scrollWidth > s.clientWidth + 1).length"
            )
            == 0
        )
        widths = page.eval_on_selector_all("td.q-text", "cs => cs.map(c => c.getBoundingClientRect().width)")
        assert widths and min(widths) >= 200, widths
        # With the column headers hidden, each count and quote form names its status or outlet itself.
        assert page.eval_on_selector_all(
            labelled, "cs => cs.length && cs.every(c => c.querySelector('.stack-label').checkVisibility())"
        )
        loaded.close()


def test_dark_mode_follows_the_system(browser, sample_file):
    loaded = Loaded(browser, sample_file, color_scheme="dark")
    rgb = loaded.page.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    assert max(channels) < 60, rgb
    loaded.close()


def _luminance(css: str) -> float:
    """WCAG relative luminance of an opaque 'rgb(r, g, b)' colour."""
    r, g, b = (int(c) / 255 for c in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    r, g, b = ((c / 12.92) if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_print_uses_the_light_palette_when_the_system_is_dark(browser, sample_file):
    """Printing forces dark text, so the cells behind it must be light too, whatever the screen's scheme."""
    loaded = Loaded(browser, sample_file, media="print", color_scheme="dark")
    colours = loaded.page.evaluate("""() => {
        const paint = e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; };
        const picks = ['body', 'table.facts thead th', 'th.c-fact', 'td.cell.st-shared', 'td.cell.st-added',
                       'td.cell.st-framed', 'mark.chg'];
        return Object.fromEntries(picks.map(sel => [sel, paint(document.querySelector(sel))]));
    }""")
    for sel, (fg, bg) in colours.items():
        assert "rgba" not in bg, (sel, bg)  # every pick paints its own background
        assert _luminance(bg) > 0.6, (sel, bg)
        assert _luminance(fg) < 0.05, (sel, fg)
        assert _contrast(fg, bg) >= 7, (sel, fg, bg)
    loaded.close()


def test_print_hides_the_controls_and_renders(browser, sample_file):
    loaded = Loaded(browser, sample_file, media="print")
    page = loaded.page
    assert not page.is_visible("#controls")
    page.evaluate("document.querySelector('details.event-box').open = false")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("[...document.querySelectorAll('details.event-box')].every(d => d.open)")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.querySelector('details.event-box').open")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    loaded.close()


def test_screenshot_for_a_person_to_look_at(corpus_page, sample_page):
    """Full pages, plus the first compared event's side-by-side table at 1280x900 (docs/screenshot.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = corpus_page.page
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    sample_page.page.screenshot(path=str(ARTIFACTS / "sample.png"), full_page=True)
    top = page.evaluate("""() => {
        const table = [...document.querySelectorAll('table.facts')]
            .find(t => t.querySelectorAll('thead th').length > 2);
        return table ? table.getBoundingClientRect().top + scrollY : 0;
    }""")
    page.screenshot(
        path=str(ARTIFACTS / "side-by-side.png"),
        full_page=True,
        clip={"x": 0, "y": max(0, top - 8), "width": 1280, "height": 900},
    )
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert (ARTIFACTS / "side-by-side.png").stat().st_size > 10_000


@pytest.fixture(scope="module")
def ten_outlets_file(tmp_path_factory):
    return _cli_report(tmp_path_factory, "ten.html", str(DATA / "outlets"))


def test_ten_outlets_fit_a_laptop_screen_and_each_can_be_reached_and_hidden(browser, ten_outlets_file):
    loaded = Loaded(browser, ten_outlets_file)
    page = loaded.page
    page.set_viewport_size({"width": 1366, "height": 768})
    assert loaded.console == []
    # The page itself never scrolls sideways: only the fact table's own box does.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    box = page.locator(".facts-box").first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    headers = page.locator("table.facts thead th.outlet-h")
    assert headers.count() == 10
    names = headers.all_inner_texts()
    for k in range(10):
        header = headers.nth(k)
        header.scroll_into_view_if_needed()
        rect = header.evaluate("h => h.getBoundingClientRect().toJSON()")
        frame = box.evaluate("b => b.getBoundingClientRect().toJSON()")
        # Reachable: scrolled into the box's view, right of the sticky fact column.
        assert frame["left"] <= rect["left"] and rect["right"] <= frame["right"] + 1, names[k]
    fact_column = page.locator("table.facts thead th.c-fact").first
    assert fact_column.evaluate("c => getComputedStyle(c).position") == "sticky"
    # Hiding an outlet hides its whole column: header, article card and every fact cell.
    toggle = page.locator(".outlet-toggle input[data-col='3']").first
    cells = page.locator("section.event").first.locator("table.facts [data-col='3']")
    assert cells.count() > 2 and all(cells.nth(i).is_visible() for i in range(2))
    toggle.uncheck()
    assert all(not cells.nth(i).is_visible() for i in range(cells.count()))
    assert page.locator("table.facts thead th.outlet-h:visible").count() == 9
    toggle.check()
    assert page.locator("table.facts thead th.outlet-h:visible").count() == 10
    # The event opens with its summary, as in the terminal.
    assert page.locator(".ev-summary").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "ten-outlets.png")) if ARTIFACTS.exists() else None
    loaded.close()
