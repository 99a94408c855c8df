"""The HTML export without a browser: structure, escaping of hostile text, self-containment, size."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from srccompare.render.html import render_html
from srccompare.render.labels import member_lead

from .conftest import CORPUS, DATA
from .html_sample import HOSTILE, PAYLOADS, hostile_report, sample_report

HOSTILE_DIR = DATA / "hostile"
ESCAPED = (
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&lt;img src=x onerror=alert(1)&gt;",
    "&#34;&gt;&lt;svg onload=alert(1)&gt;",
)


def parse(html: str):
    import lxml.html

    return lxml.html.document_fromstring(html)


@pytest.fixture(scope="module")
def sample():
    report = sample_report()
    html = render_html(report)
    return report, html, parse(html)


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def assert_inert(html: str) -> None:
    """Hostile strings are shown as text and never become an element, an attribute or a link."""
    for raw in PAYLOADS:
        assert raw not in html
    doc = parse(html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert(1)" not in (scripts[0].text or "")
    assert not doc.xpath("//img | //svg | //iframe | //object | //embed")
    for el in doc.iter():
        if isinstance(el.tag, str):
            assert not [a for a in el.attrib if a.lower().startswith("on")], el.tag
    for href in doc.xpath("//@href | //@src | //@action"):
        assert not href.strip().lower().startswith(("javascript:", "data:text", "vbscript:")), href
    page_text = doc.text_content()
    assert all(p in page_text for p in PAYLOADS), "the payloads are shown to the reader, as text"


def test_page_has_timeline_events_and_columns_in_story_order(sample):
    report, _html, doc = sample
    assert [li.xpath(".//a[@class='what']")[0].get("href") for li in doc.xpath("//ol[@class='timeline']/li")] == [
        "#E1",
        "#E2",
    ]
    sections = doc.xpath("//section[contains(@class,'event')]")
    assert [s.get("id") for s in sections] == ["E1", "E2"]
    headers = [text_of(th) for th in sections[0].xpath(".//table[contains(@class,'facts')]/thead//th")]
    assert headers == ["Fact", "AsiaNews", "Yonhap"]
    timeline = text_of(doc.xpath("//ol[@class='timeline']")[0])
    assert "AsiaNews" in timeline and "Yonhap" in timeline and "BBC" in timeline


def test_every_fact_is_one_aligned_row_with_a_cell_per_outlet(sample):
    report, _html, doc = sample
    for event in report.events:
        rows = doc.xpath(f"//section[@id='{event.id}']//tr[contains(@class,'fact')]")
        assert len(rows) == len(event.facts)
        for row, fact in zip(rows, event.facts):
            assert row.get("id") == fact.id
            assert row.xpath(".//a[@class='anchor']")[0].get("href") == f"#{fact.id}"
            cells = row.xpath("./td")
            assert len(cells) == len(event.articles)
            assert f"rel-{fact.relation}" in row.get("class")
            # members sit in their own outlet's column, with their text intact
            for col, aid in enumerate(event.articles):
                texts = [text_of(p) for p in cells[col].xpath(".//p[@class='sent']")]
                # each sentence after its lead (labels.member_lead: an ellipsis before a clause, the attached mark)
                assert texts == [" ".join((member_lead(m) + m.text).split()) for m in fact.members if m.article == aid]


def test_omitted_and_missing_facts_get_a_labelled_empty_cell(sample):
    _report, _html, doc = sample
    row = doc.get_element_by_id("E1-F6")  # the 7,000 containers: only AsiaNews
    asia, yonhap = row.xpath("./td")
    assert "st-added" in asia.get("class") and "added" in text_of(asia)
    assert "st-omitted" in yonhap.get("class")
    assert not yonhap.xpath(".//p[@class='sent']") and "omitted" in text_of(yonhap)


def test_changed_words_are_highlighted_without_touching_the_text(sample):
    _report, _html, doc = sample
    asia, yonhap = doc.get_element_by_id("E1-F1").xpath("./td")
    assert [m.text for m in asia.xpath(".//mark")] == ["greatly"]
    assert [m.text for m in yonhap.xpath(".//mark")] == ["Wednesday", "highly"]
    polarity = doc.get_element_by_id("E1-F3").xpath("./td")[0]
    marks = [m.text for m in polarity.xpath(".//mark")]
    assert "issue is unlikely" in marks  # neighbouring changed words form one mark
    bracket = doc.get_element_by_id("E1-F4").xpath("./td")[0].xpath(".//mark")
    assert [m.text for m in bracket] == ["(South)"]


def test_difference_kinds_are_labels_and_filters(sample):
    report, _html, doc = sample
    row = doc.get_element_by_id("E1-F3")
    assert [text_of(k) for k in row.xpath(".//span[contains(@class,'kind')]")] == ["polarity", "attribution", "hedge"]
    assert row.get("data-kinds") == "attribution hedge polarity"
    kinds = {d.kind for e in report.events for f in e.facts for d in f.differences}
    assert {i.get("data-kind") for i in doc.xpath("//input[@data-kind]")} == kinds
    assert doc.get_element_by_id("diff-only").get("type") == "checkbox"
    equivalent = doc.get_element_by_id("E1-F1")
    assert "is-diff" not in equivalent.get("class")
    assert "is-diff" in doc.get_element_by_id("E1-F6").get("class")
    # A lone outlet has nothing to differ from.
    assert "is-diff" not in doc.get_element_by_id("E2-F1").get("class")


def test_legend_uses_colour_and_words(sample):
    _report, _html, doc = sample
    legend = doc.xpath("//section[@class='legend']")[0]
    labels = [text_of(b) for b in legend.xpath(".//span[contains(@class,'badge')]")]
    assert labels[:4] == ["shared", "added", "omitted", "framed"]


def test_quote_tracker_gives_every_outlet_a_form(sample):
    _report, _html, doc = sample
    table = doc.xpath("//section[@id='E1']//table[@class='quotes']")[0]
    rows = table.xpath("./tbody/tr")
    assert len(rows) == 3
    forms = [[text_of(td.xpath(".//span[contains(@class,'badge')]")[0]) for td in r.xpath("./td")[2:]] for r in rows]
    assert forms == [["verbatim", "verbatim"], ["bracketed", "verbatim"], ["absent", "verbatim"]]
    # Each form cell names its outlet, for the phone layout where the column headers are hidden.
    assert [text_of(td.xpath(".//span[@class='stack-label']")[0]) for td in rows[0].xpath("./td")[2:]] == [
        "AsiaNews",
        "Yonhap",
    ]
    assert [text_of(r.xpath("./td")[1]) for r in rows] == ["Vladimir Putin"] * 3
    assert rows[0].xpath(".//a")[0].get("href") == "#E1-F2"


def test_outlet_summary_counts_link_to_the_outlets_rows(sample):
    report, _html, doc = sample
    table = doc.xpath("//section[@id='E1']//table[contains(@class,'outlet-summary')]")[0]
    asia = table.xpath("./tbody/tr")[0]
    cells = asia.xpath("./td")
    assert [c.xpath(".//span[@class='num']")[0].text for c in cells] == ["2", "1", "1", "3"]
    assert [a.get("href") for a in cells[3].xpath(".//a")] == ["#E1-F3", "#E1-F4", "#E1-F5"]


def test_internal_links_all_resolve_and_ids_are_unique(sample):
    _report, html, doc = sample
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in doc.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_article_headers_show_metadata_source_link_and_cleaning():
    articles = [a for a in __import__("srccompare").load([str(CORPUS)])]
    afp = next(a for a in articles if a.url)
    report = sample_report()
    from dataclasses import replace

    report = replace(report, articles=report.articles[:2] + (replace(report.articles[2], url=afp.url),))
    doc = parse(render_html(report))
    card = doc.xpath("//section[@id='E2']//td[contains(@class,'article-card')]")[0]
    link = card.xpath(".//a[starts-with(@href,'http')]")[0]
    assert link.get("href") == afp.url
    assert set(link.get("rel").split()) == {"noopener", "noreferrer"}
    meta = {text_of(d.xpath("./dt")[0]): text_of(d.xpath("./dd")[0]) for d in card.xpath(".//dl/div")}
    assert meta["Outlet"] == "BBC" and meta["Published"] == report.articles[2].published
    dropped = card.xpath(".//details[@class='cleaning']//ol/li")
    assert len(dropped) == len(report.articles[2].dropped) > 0
    first = report.articles[2].dropped[0]
    assert first.text in text_of(dropped[0]) or " ".join(first.text.split()) in text_of(dropped[0])


def test_self_contained_with_a_strict_content_security_policy(sample):
    _report, html, doc = sample
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    script, style = doc.xpath("//script")[0], doc.xpath("//style")[0]
    for tag, el in (("script-src", script), ("style-src", style)):
        digest = base64.b64encode(hashlib.sha256(el.text.encode()).digest()).decode()
        assert f"{tag} 'sha256-{digest}'" in csp
    assert not doc.xpath("//*[@src] | //link[@rel='stylesheet'] | //iframe | //object")
    assert not doc.xpath("//*[@style]")
    external = [u for u in doc.xpath("//@href") if not u.startswith("#") and u != "data:,"]
    assert external == []  # the sample has no source urls
    assert "@import" not in style.text and "url(" not in style.text


def test_script_never_builds_markup(sample):
    _report, _html, doc = sample
    js = doc.xpath("//script")[0].text
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "Function(",
        "createElement",
        "fetch(",
        "XMLHttpRequest",
    ):
        assert sink not in js


def test_css_has_dark_print_and_phone_layouts(sample):
    _report, _html, doc = sample
    css = doc.xpath("//style")[0].text
    assert "@media screen and (prefers-color-scheme: dark)" in css  # print keeps the light palette
    assert "@media print" in css
    assert re.search(r"@media screen and \(max-width: \d+px\)", css)


def test_hostile_strings_in_every_field_stay_text():
    html = render_html(hostile_report())
    assert_inert(html)
    for escaped in ESCAPED:
        assert escaped in html
    doc = parse(html)
    # The javascript: url is shown, struck through, but is not a link.
    assert doc.xpath("//span[@class='bad-url']")[0].text == "javascript:alert(1)"
    assert not doc.xpath("//*[@lang and contains(@lang, '<')]")


def test_hostile_article_through_the_cli(run, tmp_path):
    out = tmp_path / "out.html"
    result = run("compare", str(HOSTILE_DIR), str(next(CORPUS.glob("000_*"))), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert_inert(html)
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    doc = parse(html)
    titles = [text_of(h) for h in doc.xpath("//h3[@class='a-title']")]
    assert f"Putin {PAYLOADS[0]} praises Seoul {PAYLOADS[1]} {PAYLOADS[2]}" in titles
    # The saved HTML page: its escaped markup decodes to text that must stay text.
    assert f"Seoul {PAYLOADS[0]} weighs its reply {PAYLOADS[1]}" in titles
    assert "reach the report" not in html  # the page's own script is not article text
    assert HOSTILE.split()[0] in doc.text_content()


@pytest.mark.parametrize("name", ["report.html", "REPORT.HTM"])
def test_format_is_inferred_from_the_output_name(run, tmp_path, name):
    out = tmp_path / name
    result = run("compare", str(next(CORPUS.glob("000_*"))), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_corpus_report_is_small_and_names_every_outlet(run, tmp_path):
    out = tmp_path / "corpus.html"
    result = run("compare", str(CORPUS), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    size = out.stat().st_size
    assert size < 1_000_000, size
    doc = parse(out.read_text(encoding="utf-8"))
    headers = {text_of(th) for th in doc.xpath("//table[contains(@class,'facts')]/thead//th")}
    assert {"AsiaNews", "Yonhap", "BBC", "AFP", "IANS"} <= headers
    assert len(doc.xpath("//ol[@class='timeline']/li")) == len(doc.xpath("//section[contains(@class,'event')]"))


def test_html_to_stdout(run):
    result = run("compare", str(next(CORPUS.glob("001_*"))), "--format", "html")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!doctype html>") and result.stdout.rstrip().endswith("</html>")


def test_template_files_ship_with_the_package():
    from importlib import resources

    folder = resources.files("srccompare").joinpath("render", "templates")
    assert {p.name for p in folder.iterdir()} >= {"report.html.j2", "report.css", "report.js"}
    assert Path(str(folder)).is_dir()


def test_corpus_page_shows_exactly_what_the_report_says():
    import srccompare
    from srccompare.render.html import build_page

    report = srccompare.compare(srccompare.load([str(CORPUS)]))
    doc = parse(render_html(report))
    page = build_page(report)
    sections = doc.xpath("//section[contains(@class,'event')]")
    assert [s.get("id") for s in sections] == [v.anchor for v in page.events]
    by_id = {e.id: e for e in report.events}
    assert [by_id[v.id].id for v in page.events] == list(report.story.events)
    for view, section in zip(page.events, sections):
        event = by_id[view.id]
        rows = section.xpath(".//tr[contains(@class,'fact')]")
        assert len(rows) == len(event.facts)
        for row, fact in zip(rows, event.facts):
            cells = row.xpath("./td")
            assert len(cells) == len(event.articles)
            for col, aid in zip(cells, event.articles):
                texts = [text_of(p) for p in col.xpath(".//p[@class='sent']")]
                assert texts == [" ".join((member_lead(m) + m.text).split()) for m in fact.members if m.article == aid]
                facts = event.outlets.get(aid)
                omitted = bool(facts and fact.id in facts.omitted)
                assert ("st-omitted" in col.get("class")) == omitted, (fact.id, aid)
            assert [text_of(k) for k in row.xpath(".//span[contains(@class,'kind')]")] == [
                d.kind.replace("_", " ") for d in fact.differences
            ]
        quotes = section.xpath(".//table[@class='quotes']/tbody/tr")
        assert len(quotes) == len(event.quotes)
    multi = [e for e in report.events if len(e.articles) > 1]
    assert multi, "the corpus has an event told by two outlets"
    assert any(f.relation == "equivalent" for f in multi[0].facts)
    assert any(f.relation == "divergent" for f in multi[0].facts)


def test_two_articles_of_one_outlet_get_distinct_column_headers():
    from dataclasses import replace

    report = sample_report()
    asia, yonhap = report.articles[:2]
    report = replace(report, articles=(asia, replace(yonhap, outlet="AsiaNews")) + report.articles[2:])
    doc = parse(render_html(report))
    headers = [text_of(th) for th in doc.xpath("//section[@id='E1']//table[contains(@class,'facts')]/thead//th")][1:]
    assert len(set(headers)) == 2 and all(h.startswith("AsiaNews · ") for h in headers)


def test_highlighted_words_name_the_differences_that_cite_them(sample):
    _report, _html, doc = sample
    asia, yonhap = doc.get_element_by_id("E1-F3").xpath("./td")
    titles = {m.text: m.get("title") for m in asia.xpath(".//mark")}
    assert titles["issue is unlikely"] == "polarity, hedge"
    assert titles["suggested that"] is None  # the attribution difference cites no words
    assert {m.text: m.get("title") for m in yonhap.xpath(".//mark")}["North Korean nuclear issue will"] == "polarity"


def test_differences_only_keeps_a_fact_one_of_three_outlets_omits():
    """Three harbour reports: a fact two outlets tell alike and the third leaves out is a difference
    (an omission); the facts told alike by all who report them and omitted by none are not."""
    import srccompare

    report = srccompare.compare(srccompare.load([str(DATA / "align")]))
    (event,) = report.events
    omitted = {f for o in event.outlets.values() for f in o.omitted}
    classes = {anchor: cls for cls, anchor in re.findall(r'<tr class="fact ([^"]*)" id="([^"]+)"', render_html(report))}
    equivalent = [f for f in event.facts if f.relation == "equivalent"]
    assert any(f.id in omitted for f in equivalent)
    for f in equivalent:
        assert ("is-diff" in classes[f.id.replace(".", "-")]) == (f.id in omitted), f.id


def test_a_number_named_elsewhere_links_to_the_fact_that_shows_it():
    """ECB+ T20b (the 2005 Qeshm quake): a toll repeated in several facts is shown in one; the others' rows link there."""
    import json

    import srccompare

    from .conftest import SHARED

    articles = SHARED / "bench" / "ecbplus" / "articles"
    if not articles.is_dir():
        pytest.skip("needs ../shared/bench/ecbplus")
    names = json.loads((DATA / "facts" / "T20b.json").read_text(encoding="utf-8"))["files"]
    report = srccompare.compare(srccompare.load([articles / n for n in names]))
    doc = parse(render_html(report))
    links = doc.xpath('//ul[@class="diffs"]//a[@class="anchor"]')
    assert links
    ids = set(doc.xpath("//@id"))
    for a in links:
        assert a.get("href")[1:] in ids
        assert re.fullmatch(r"#\u200b[\w ]+: F\d+", text_of(a)), text_of(a)
    named = sum(len(d.elsewhere) for e in report.events for f in e.facts for d in f.differences)
    assert len(links) == named
