"""End to end: `srccompare compare` on awkward corpora and its output options, as a user runs it."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CORPUS, DATA, ROOT

E2E = DATA / "e2e"
ASIANEWS = CORPUS / "000_a67b68c824396ff8.txt"
YONHAP = CORPUS / "001_3dbf73fb56b3fa01.txt"
ESC = "\x1b["


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def compare_json(run, *args: str, input: bytes | None = None) -> tuple[dict, object]:
    result = run("compare", *args, "--format", "json", input=input)
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout), result


def notices(report: dict, kind: str) -> list[dict]:
    return [n for n in report["notices"] if n["kind"] == kind]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))


def validate(report: dict, schema: dict) -> None:
    import jsonschema

    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)


def test_single_article(run, schema):
    report, result = compare_json(run, str(YONHAP))
    assert result.exit_code == 0 and result.stderr == ""
    validate(report, schema)
    [note] = notices(report, "single_article")
    assert note["articles"] == [str(YONHAP)]
    [event] = report["events"]
    assert event["articles"] == [str(YONHAP)]
    assert {f["relation"] for f in event["facts"]} == {"single"}
    assert not any(f["differences"] for f in event["facts"])
    terminal = run("compare", str(YONHAP))
    assert terminal.exit_code == 0
    assert "only one article" in terminal.stdout


def test_single_outlet(run, tmp_path, schema):
    # Two Yonhap articles: the same outlet (named in the manifest) on two different days.
    shutil.copy(YONHAP, tmp_path / "a.txt")
    shutil.copy(E2E / "text_as.html", tmp_path / "b.txt")
    (tmp_path / "manifest.toml").write_text(
        '[files."a.txt"]\noutlet = "Yonhap"\n\n[files."b.txt"]\noutlet = "Yonhap"\n', encoding="utf-8"
    )
    report, result = compare_json(run, str(tmp_path))
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    assert {a["outlet"] for a in report["articles"]} == {"Yonhap"}
    [note] = notices(report, "single_outlet")
    assert "Yonhap" in note["message"]
    assert sorted(note["articles"]) == sorted(a["id"] for a in report["articles"])
    # Two articles, one outlet: the headline counts outlets, not articles.
    assert "2 articles, 1 outlet, " in run("compare", str(tmp_path)).stdout.splitlines()[0]
    assert "2 articles, 1 outlet, " in run("compare", str(tmp_path), "--format", "markdown").stdout


def test_identical_duplicates_are_not_agreement(run, tmp_path, schema):
    shutil.copy(YONHAP, tmp_path / "yonhap.txt")
    shutil.copy(YONHAP, tmp_path / "yonhap_copy.txt")
    shutil.copy(ASIANEWS, tmp_path / "asianews.txt")
    report, result = compare_json(run, str(tmp_path))
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    original, copy = str(tmp_path / "yonhap.txt"), str(tmp_path / "yonhap_copy.txt")
    [dup] = notices(report, "duplicate")
    assert dup["articles"] == [original, copy]
    assert len(report["articles"]) == 3
    # The copy agrees with nothing: it sits in no event and no fact group.
    for event in report["events"]:
        assert copy not in event["articles"] and copy not in event["outlets"]
        for fact in event["facts"]:
            members = {m["article"] for m in fact["members"]}
            assert copy not in members
            if fact["relation"] == "equivalent":
                assert members != {original}
    alone, _ = compare_json(run, str(YONHAP), str(ASIANEWS))
    counts = [(len(e["facts"]), sorted(f["relation"] for f in e["facts"])) for e in alone["events"]]
    assert [(len(e["facts"]), sorted(f["relation"] for f in e["facts"])) for e in report["events"]] == counts


def test_two_copies_of_the_corpus(run, tmp_path, schema):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        for p in CORPUS.glob("*.txt"):
            shutil.copy(p, tmp_path / name / p.name)
    report, result = compare_json(run, str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    dups = notices(report, "duplicate")
    assert len(dups) == 5
    for n in dups:
        first, copy = n["articles"]
        assert Path(first).parent.name == "a" and Path(copy).parent.name == "b"
        assert Path(first).name == Path(copy).name
    single, _ = compare_json(run, str(tmp_path / "a"))
    assert len(report["events"]) == len(single["events"])
    assert [sorted(Path(a).name for a in e["articles"]) for e in report["events"]] == [
        sorted(Path(a).name for a in e["articles"]) for e in single["events"]
    ]


def test_non_english_articles_kept_marked_and_not_aligned(run, schema):
    paths = [str(YONHAP), str(ASIANEWS), str(E2E / "french.txt"), str(E2E / "german.txt")]
    report, result = compare_json(run, *paths)
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    languages = {Path(a["id"]).name: a["language"] for a in report["articles"]}
    assert languages["french.txt"] == "fr" and languages["german.txt"] == "de"
    assert languages[YONHAP.name] == "en" and languages[ASIANEWS.name] == "en"
    marked = {Path(n["articles"][0]).name for n in notices(report, "language")}
    assert marked == {"french.txt", "german.txt"}
    foreign = {paths[2], paths[3]}
    for event in report["events"]:
        for fact in event["facts"]:
            members = {m["article"] for m in fact["members"]}
            if members & foreign:
                assert len(members) == 1, fact
    terminal = run("compare", *paths)
    assert terminal.exit_code == 0
    assert "french.txt is in fr" in terminal.stdout.replace("\n", " ") or "fr" in terminal.stdout


def test_french_and_german_alone(run, schema):
    # Without English articles, the main language is one of theirs and nothing is marked exact-only wrongly.
    report, result = compare_json(run, str(E2E / "french.txt"), str(E2E / "german.txt"))
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    assert sorted(a["language"] for a in report["articles"]) == ["de", "fr"]


def test_identical_sentence_aligns_across_languages(run, tmp_path):
    # "not aligned with English ones unless identical": an English sentence quoted verbatim in a French dump.
    shared = (
        "Russian President Vladimir Putin said Wednesday he highly appreciates South Korea's position not "
        "to directly supply weapons to Ukraine, and that Moscow is ready to restore relations with Seoul."
    )
    french = (E2E / "french.txt").read_text(encoding="utf-8")
    rows = french.splitlines()
    rows.insert(6, shared)
    (tmp_path / "fr.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    report, result = compare_json(run, str(YONHAP), str(tmp_path / "fr.txt"))
    assert result.exit_code == 0, result.stderr
    fr = str(tmp_path / "fr.txt")
    assert {a["id"]: a["language"] for a in report["articles"]}[fr] == "fr"
    for event in report["events"]:
        for fact in event["facts"]:
            members = {m["article"] for m in fact["members"]}
            if fr in members and len(members) > 1:
                assert all(m["text"] == shared for m in fact["members"] if m["article"] == fr)


def test_article_with_no_sentences(run, tmp_path):
    (tmp_path / "menu.txt").write_text("Home\nWorld\nSport\nSubscribe now\nMost Popular\n", encoding="utf-8")
    result = run("compare", str(YONHAP), str(ASIANEWS), str(tmp_path / "menu.txt"), "--format", "json")
    assert result.exit_code == 1
    errs = lines(result.stderr)
    assert len(errs) == 1 and "menu.txt" in errs[0] and "no article text" in errs[0]
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_library_article_with_no_sentences_is_a_notice(schema):
    from dataclasses import replace

    from srccompare import clean_text, compare

    a = clean_text(YONHAP.read_text(encoding="utf-8"), "a.txt")
    b = clean_text(ASIANEWS.read_text(encoding="utf-8"), "b.txt")
    empty = replace(clean_text(YONHAP.read_text(encoding="utf-8"), "c.txt"), sentences=())
    report = compare([a, b, empty])
    data = report.to_dict()
    validate(data, schema)
    [note] = notices(data, "no_sentences")
    assert note["articles"] == ["c.txt"]
    assert not any("c.txt" in e["articles"] for e in data["events"])


def test_library_compare_of_nothing(schema):
    from srccompare import compare

    data = compare([]).to_dict()
    validate(data, schema)
    assert data["events"] == [] and data["articles"] == []


# output formats


def test_json_validates_against_the_schema(run, schema, tmp_path):
    report, result = compare_json(run, str(CORPUS))
    assert result.exit_code == 0
    validate(report, schema)
    with_html, _ = compare_json(run, str(CORPUS), str(E2E / "unclosed.html"), str(E2E / "french.txt"))
    validate(with_html, schema)


@pytest.mark.parametrize(
    "suffix,check",
    [
        (".json", lambda text: json.loads(text)["schema_version"] == 2),
        (".md", lambda text: text.lstrip().startswith("#") and "<html" not in text and ESC not in text),
        (".markdown", None),
        (".html", lambda text: text.lstrip().lower().startswith("<!doctype html") and ESC not in text),
        (".HTML", lambda text: text.lstrip().lower().startswith("<!doctype html")),
        (".txt", lambda text: "Story timeline" in text and ESC not in text),
    ],
)
def test_output_format_inferred_from_extension(run, tmp_path, suffix, check):
    out = tmp_path / f"report{suffix}"
    result = run("compare", str(CORPUS), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    text = out.read_text(encoding="utf-8")
    if check is None:  # an unknown extension gets the terminal report as plain text
        check = lambda t: "Story timeline" in t and ESC not in t  # noqa: E731
    assert check(text), text[:300]
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_explicit_format_wins_over_extension(run, tmp_path):
    out = tmp_path / "report.html"
    result = run("compare", str(CORPUS), "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 2


class _Terminal(io.StringIO):
    """A stdout that says it is a terminal, so that colour is decided as on a real one."""

    def isatty(self) -> bool:
        return True


def _terminal_run(*args: str, env: dict[str, str] | None = None) -> str:
    from srccompare.cli import cli
    from srccompare.environment import Environment

    out = _Terminal()
    result = CliRunner().invoke(cli, list(args), obj=Environment(out=out, width=100), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out.getvalue()


def test_colour_on_a_terminal_and_its_switches():
    assert ESC in _terminal_run("compare", str(CORPUS), env={"NO_COLOR": None})
    assert ESC not in _terminal_run("compare", str(CORPUS), env={"NO_COLOR": "1"})
    assert ESC not in _terminal_run("compare", str(CORPUS), "--no-color", env={"NO_COLOR": None})
    assert ESC in _terminal_run("compare", str(CORPUS), "--color", env={"NO_COLOR": None})


def test_no_color_through_the_fixture(run):
    result = run("compare", str(CORPUS), "--no-color")
    assert result.exit_code == 0 and ESC not in result.stdout
    assert ESC not in run("compare", str(CORPUS), "--no-color", "--format", "markdown").stdout


def test_colour_never_reaches_a_file(tmp_path):
    out = tmp_path / "report.txt"
    _terminal_run("compare", str(CORPUS), "--color", "-o", str(out), env={"NO_COLOR": None})
    assert ESC not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [40, 60, 80])
def test_width_is_respected(run, width):
    from rich.cells import cell_len

    paths = [str(CORPUS), str(E2E / "french.txt"), str(E2E / "unclosed.html")]
    result = run("compare", *paths, "--width", str(width), "--no-color")
    assert result.exit_code == 0, result.stderr
    too_wide = [line for line in result.stdout.splitlines() if cell_len(line) > width]
    assert not too_wide, too_wide[:5]


def test_width_below_minimum_is_a_usage_error(run):
    result = run("compare", str(CORPUS), "--width", "10")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_compare_from_stdin_only(run, schema):
    report, result = compare_json(run, "-", input=YONHAP.read_bytes())
    assert result.exit_code == 0, result.stderr
    validate(report, schema)
    assert [a["id"] for a in report["articles"]] == ["-"]


def _with_title(tmp_path: Path, title: str) -> Path:
    rows = YONHAP.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "titled.txt"
    path.write_text("\n".join([title, *rows[1:]]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("prefix", ["[video] ", "[/] ", "[bold red]Live:[/] "])
def test_title_with_square_brackets_survives_every_format(run, tmp_path, prefix):
    title = prefix + "Putin says he appreciates Korea's position of not directly supplying weapons to Ukraine"
    path = _with_title(tmp_path, title)
    cleaned = json.loads(run("clean", str(path), "--format", "json").stdout)[0]
    assert cleaned["title"] == title
    assert json.loads(run("compare", str(path), "--format", "json").stdout)["events"][0]["title"] == title
    markdown = run("compare", str(path), "--format", "markdown").stdout
    assert title.replace("[", "\\[").replace("]", "\\]") in markdown or title in markdown


@pytest.mark.parametrize("prefix", ["[video] ", "[/] "])
def test_terminal_shows_a_bracketed_title_as_written(run, tmp_path, prefix):
    title = prefix + "Putin says he appreciates Korea's position of not directly supplying weapons to Ukraine"
    path = _with_title(tmp_path, title)
    result = run("compare", str(path), "--width", "200")
    assert result.exit_code == 0
    assert prefix.strip() + " Putin says" in result.stdout


def test_broken_manifest_is_one_line_and_files_still_read(run, tmp_path):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    shutil.copy(ASIANEWS, tmp_path / "b.txt")
    (tmp_path / "manifest.toml").write_text('[files."a.txt"\noutlet = "Yonhap"\n', encoding="utf-8")
    for command in ("clean", "compare"):
        result = run(command, str(tmp_path), "--format", "json")
        assert result.exit_code == 1
        errs = lines(result.stderr)
        assert len(errs) == 1 and "manifest.toml" in errs[0] and "malformed manifest" in errs[0]
        data = json.loads(result.stdout)
        assert len(data if command == "clean" else data["articles"]) == 2
    check = run("check", str(tmp_path))
    assert check.exit_code == 1
    assert sum("manifest.toml" in line and "malformed manifest" in line for line in lines(check.stdout)) == 1


@pytest.mark.parametrize(
    "content,reason",
    [
        (None, "cannot read baseline"),
        ("not json", "is not JSON"),
        ('{"schema_version": 1}', "is not a `srccompare compare --format json` report"),
    ],
)
def test_bad_baseline_is_a_usage_error(run, tmp_path, content, reason):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = run("check", str(CORPUS), "--baseline", str(baseline))
    assert result.exit_code == 2
    errs = lines(result.stderr)
    assert len(errs) == 1 and str(baseline) in errs[0] and reason in errs[0], errs


def test_broken_configuration_is_a_usage_error(run, tmp_path):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    (tmp_path / "srccompare.toml").write_text("select = [\n", encoding="utf-8")
    for command in ("clean", "compare", "check"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 2
        errs = lines(result.stderr)
        assert len(errs) == 1 and "srccompare.toml" in errs[0] and "configuration" in errs[0], errs


def test_long_unbreakable_word_fits_the_width(run, tmp_path):
    from rich.cells import cell_len

    rows = YONHAP.read_text(encoding="utf-8").splitlines()
    url = "https://www.example.com/" + "very-long-path-segment-" * 8 + "index.html"
    rows.insert(5, f"The full text is at {url} and was read by Putin aides.")
    (tmp_path / "url.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("compare", str(tmp_path / "url.txt"), str(ASIANEWS), "--width", "40", "--no-color")
    assert result.exit_code == 0
    assert all(cell_len(line) <= 40 for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    "manifest,reason",
    [
        ("files = 3\n", "files must be a table"),
        ('files = ["a.txt"]\n', "files must be a table"),
        ('outlets = "Yonhap"\n', "outlets must be a table"),
        ("[outlets]\nYonhap = 3\n", "outlets.Yonhap must be a name or a list of names"),
        ('[files."a.txt"]\npublished = "yesterday"\n', "is not a date"),
        ('[files."a.txt"]\noutlet = 42\n', "must be text, not int"),
        ('[files."a.txt"]\nurl = ["https://example.com"]\n', "must be text, not list"),
    ],
)
def test_manifest_of_the_wrong_shape_is_one_line(run, tmp_path, manifest, reason, schema):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    shutil.copy(ASIANEWS, tmp_path / "b.txt")
    (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    result = run("compare", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    errs = lines(result.stderr)
    assert len(errs) == 1 and "manifest.toml" in errs[0] and reason in errs[0], errs
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 2
    validate(report, schema)


def test_manifest_datetime_string_becomes_a_date(run, tmp_path, schema):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    (tmp_path / "manifest.toml").write_text(
        '[files."a.txt"]\npublished = "2024-06-05T10:00:00+09:00"\n', encoding="utf-8"
    )
    report, result = compare_json(run, str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert report["articles"][0]["published"] == "2024-06-05"
    validate(report, schema)


@pytest.mark.parametrize(
    "setting,name",
    [
        ("select = 3", "select"),
        ('min-words = "many"', "min-words"),
        ("[outlets]\nX = 3", "outlets"),
        ("[outlets]\nX = [1, 2]", "outlets"),
        ("furniture = 5", "furniture"),
    ],
)
def test_configuration_of_the_wrong_shape_is_a_usage_error(run, tmp_path, setting, name):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    (tmp_path / "srccompare.toml").write_text(setting + "\n", encoding="utf-8")
    for command in ("clean", "compare", "check"):
        result = run(command, str(tmp_path))
        assert result.exit_code == 2
        errs = lines(result.stderr)
        assert len(errs) == 1 and "srccompare.toml" in errs[0] and repr(name) in errs[0], errs


def test_unknown_rule_code_in_the_configuration(run, tmp_path):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    (tmp_path / "srccompare.toml").write_text('select = ["SC0", "XYZ"]\n', encoding="utf-8")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    errs = lines(result.stderr)
    assert len(errs) == 1 and "srccompare.toml" in errs[0] and "'XYZ'" in errs[0]


def test_library_compare_of_unnamed_articles(schema):
    # clean_text() without a name calls every article '-': they must not merge into one outlet.
    from srccompare import clean_text, compare

    a = clean_text(ASIANEWS.read_text(encoding="utf-8"))
    b = clean_text(YONHAP.read_text(encoding="utf-8"))
    assert a.id == b.id == "-"
    data = compare([a, b]).to_dict()
    validate(data, schema)
    assert [x["id"] for x in data["articles"]] == ["-", "-#2"]
    [event] = data["events"]
    assert set(event["outlets"]) == {"-", "-#2"}
    assert any(f["relation"] == "equivalent" for f in event["facts"])
    assert not data["notices"]


@pytest.mark.parametrize("columns,expected", [("10", 40), ("132", 132)])
def test_detected_width_has_a_floor(columns, expected):
    from rich.cells import cell_len

    from srccompare.cli import cli
    from srccompare.environment import Environment

    result = CliRunner().invoke(
        cli, ["compare", str(CORPUS)], obj=Environment(color=False), env={"COLUMNS": columns}, catch_exceptions=False
    )
    assert result.exit_code == 0
    widths = [cell_len(line) for line in result.stdout.splitlines()]
    assert max(widths) == expected


def test_terminal_shows_bracketed_file_names_as_written(run, tmp_path):
    drop = {"[red]x.txt": (YONHAP, "Yonhap"), "[link=y]y.txt": (ASIANEWS, "AsiaNews")}
    for name, (source, outlet) in drop.items():
        rows = [r for r in source.read_text(encoding="utf-8").splitlines() if outlet not in r]
        (tmp_path / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run("compare", str(tmp_path), "--no-manifest", "--width", "160")
    assert result.exit_code == 0
    timeline = result.stdout.split("\nE1: ")[0]
    # Each article's label (here the file's stem, or a publisher found in the text) as written: rich
    # must not read "[link=y]" as markup.
    labels = [
        a["label"]
        for a in json.loads(run("compare", str(tmp_path), "--no-manifest", "--format", "json").stdout)["articles"]
    ]
    assert "[link=y]y" in labels
    assert all(label in timeline for label in labels)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_format_says_a_duplicate_is_a_copy(run, tmp_path, fmt):
    shutil.copy(YONHAP, tmp_path / "a.txt")
    shutil.copy(YONHAP, tmp_path / "b.txt")
    shutil.copy(ASIANEWS, tmp_path / "c.txt")
    result = run("compare", str(tmp_path), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("identical copy") == 1


def test_unusable_inputs_are_named_in_the_report(run, tmp_path, schema):
    shutil.copy(YONHAP, tmp_path / "yonhap.txt")
    shutil.copy(ASIANEWS, tmp_path / "asianews.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    report, result = compare_json(run, str(tmp_path))
    assert result.exit_code == 1
    validate(report, schema)
    [note] = notices(report, "unusable_input")
    assert note["message"] == f"{tmp_path / 'empty.txt'}: empty file" and note["articles"] == []
    assert len(report["articles"]) == 2
    # The library says the same when given the problems load() collected.
    import srccompare

    problems: list = []
    articles = srccompare.load([str(tmp_path)], problems=problems)
    library = srccompare.compare(articles, problems=problems).to_dict()
    assert [n for n in library["notices"] if n["kind"] == "unusable_input"] == [note]
