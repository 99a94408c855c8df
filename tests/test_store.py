"""The embedded store: same results as computing afresh, invalidated by any input that matters,
usable after two runs at once and after a run killed half way."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

from srccompare import Options, compare, load
from srccompare import store as store_mod
from srccompare.model import Article
from tests.conftest import CORPUS


def _rows(cache_dir, table: str) -> int:
    db = sqlite3.connect(str(store_mod.store_path(str(cache_dir))))
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_article_round_trips_through_dict():
    for article in load([str(CORPUS)]):
        data = article.to_dict()
        data["paragraph_lines"] = [list(x) for x in article.paragraph_lines]
        assert Article.from_dict(json.loads(json.dumps(data))) == article


def test_stored_articles_and_events_equal_fresh_ones(tmp_path):
    options = Options(cache_dir=str(tmp_path / "cache"))
    fresh = load([str(CORPUS)], Options())
    first = load([str(CORPUS)], options)
    assert _rows(tmp_path / "cache", "articles") == 5
    second = load([str(CORPUS)], options)
    assert fresh == first == second
    report = compare(fresh).to_dict()
    assert compare(second, options).to_dict() == report
    assert _rows(tmp_path / "cache", "events") == len(report["events"])
    # The background links (the seeds tell one standing fact in two events) and the grouping are
    # kept too, and read back the same.
    assert any(f.get("background") for e in report["events"] for f in e["facts"])
    assert _rows(tmp_path / "cache", "background") == 1 and _rows(tmp_path / "cache", "groups") == 1
    assert compare(second, options).to_dict() == report


def test_adding_an_article_recomputes_only_the_events_it_touches(tmp_path, monkeypatch):
    options = Options(cache_dir=str(tmp_path / "cache"))
    articles = load([str(CORPUS)], options)
    before = compare(articles[:4], options)
    from srccompare.compare import report as report_mod

    made: list[tuple[str, ...]] = []
    real = report_mod.build_event

    def counting(event_id, title, dates, arts, *args, **kwargs):
        made.append(tuple(a.id for a in arts))
        return real(event_id, title, dates, arts, *args, **kwargs)

    monkeypatch.setattr(report_mod, "build_event", counting)
    after = compare(articles, options)
    seen = {(e.title, e.dates, e.articles) for e in before.events}
    touched = [e.articles for e in after.events if (e.title, e.dates, e.articles) not in seen]
    assert made == touched and len(made) < len(after.events)
    assert any(articles[4].id in e for e in made)
    monkeypatch.setattr(report_mod, "build_event", real)
    assert after.to_dict() == compare(articles).to_dict()


def test_changes_invalidate(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    options = Options(cache_dir=str(tmp_path / "cache"))
    before = {a.id: a for a in load([str(root)], options)}
    target = root / "003_cf32fd44ea05852b.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("Kulik", "Kulikov"), encoding="utf-8")
    (root / "manifest.toml").write_text((root / "manifest.toml").read_text().replace('"BBC"', '"BBC News"'))
    after = {a.id: a for a in load([str(root)], options)}
    assert "Kulikov" in after[str(target)].body and "Kulikov" not in before[str(target)].body
    assert [a.publisher for a in after.values()] == [a.publisher for a in before.values()]
    furniture = Options(cache_dir=options.cache_dir, furniture=("Copyright",))
    assert load([str(root)], furniture) == load([str(root)], Options(furniture=("Copyright",)))


def test_unwritable_store_is_ignored(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    articles = load([str(CORPUS)], Options(cache_dir=str(blocker / "cache")))
    assert len(articles) == 5


def test_a_file_that_is_no_database_is_ignored(tmp_path):
    (tmp_path / "cache").mkdir()
    store_mod.store_path(str(tmp_path / "cache")).write_text("this is not SQLite " * 100)
    assert load([str(CORPUS)], Options(cache_dir=str(tmp_path / "cache"))) == load([str(CORPUS)])


def test_an_older_schema_is_emptied_not_misread(tmp_path):
    options = Options(cache_dir=str(tmp_path / "cache"))
    fresh = load([str(CORPUS)], options)
    db = sqlite3.connect(str(store_mod.store_path(options.cache_dir)))
    db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    db.execute("UPDATE articles SET data = x'00'")
    db.commit()
    db.close()
    store_mod._OPEN.clear()
    assert load([str(CORPUS)], options) == fresh
    assert _rows(tmp_path / "cache", "articles") == 5


def test_a_damaged_value_is_a_miss(tmp_path):
    options = Options(cache_dir=str(tmp_path / "cache"))
    fresh = load([str(CORPUS)], options)
    report = compare(fresh, options).to_dict()
    db = sqlite3.connect(str(store_mod.store_path(options.cache_dir)))
    for table in ("articles", "events", "features", "groups", "background"):
        db.execute(f"UPDATE {table} SET data = x'789c4b04000062006200'")  # zlib of 'a': no pickle
    db.commit()
    db.close()
    assert load([str(CORPUS)], options) == fresh
    assert compare(fresh, options).to_dict() == report


def test_cli_no_cache_flag_and_cache_commands(run, tmp_path, monkeypatch):
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    assert run("clean", str(CORPUS), "--no-cache", "--format", "json").exit_code == 0
    assert not (tmp_path / "c").exists()
    empty = run("cache", "info")
    assert empty.exit_code == 0 and "none yet" in empty.output
    assert run("compare", str(CORPUS), "--format", "json", "--jobs", "1").exit_code == 0
    assert _rows(tmp_path / "c", "articles") == 5
    info = run("cache", "info")
    assert info.exit_code == 0 and "articles: 5 (5 from this code version)" in info.output, info.output
    assert "events: " in info.output and "schema: 1" in info.output
    db = sqlite3.connect(str(store_mod.store_path(str(tmp_path / "c"))))
    db.execute("UPDATE articles SET code = 'older' WHERE rowid <= 2")
    db.commit()
    db.close()
    stale = run("cache", "clear", "--stale")
    assert stale.exit_code == 0 and "freed 2 stale entries" in stale.output
    assert _rows(tmp_path / "c", "articles") == 3
    cleared = run("cache", "clear")
    assert cleared.exit_code == 0 and "freed" in cleared.output
    assert not store_mod.store_path(str(tmp_path / "c")).exists()
    assert "Example:" in run("cache", "--help").output


_WRITER = """
import sys
from srccompare import Options, load
load([sys.argv[1]], Options(cache_dir=sys.argv[2]))
"""

# Writes one big transaction after another, so that a SIGKILL lands inside a write.
_HAMMER = """
import sys, time
from srccompare import store
from srccompare.options import Options
options = Options(cache_dir=sys.argv[1])
n = 0
print("ready", flush=True)
while True:
    store.put_event_blobs([(f"k{n}-{i}", b"x" * 1000) for i in range(2000)], options)
    n += 1
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(CORPUS.parent)}


def test_two_runs_writing_at_once_both_finish_and_agree(tmp_path):
    cache = str(tmp_path / "cache")
    runs = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(CORPUS), cache], env=_env(), stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for p in runs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    assert _rows(cache, "articles") == 5
    assert load([str(CORPUS)], Options(cache_dir=cache)) == load([str(CORPUS)])


def test_a_run_killed_mid_write_leaves_the_store_usable(tmp_path):
    cache = str(tmp_path / "cache")
    fresh = load([str(CORPUS)], Options(cache_dir=cache))
    proc = subprocess.Popen([sys.executable, "-c", _HAMMER, cache], env=_env(), stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    # A normal run afterwards: reads what was committed, writes again, and the database is sound.
    store_mod._OPEN.clear()
    assert load([str(CORPUS)], Options(cache_dir=cache)) == fresh
    db = sqlite3.connect(str(store_mod.store_path(cache)))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] % 2000 == 0
    db.close()


def test_check_from_the_store_equals_a_fresh_check(run, tmp_path, monkeypatch):
    """`check` keeps each article's findings and each near-duplicate pair's ratio: a re-run, and a
    re-run with other settings, give what a run without the store gives."""
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    text = (root / "001_3dbf73fb56b3fa01.txt").read_text(encoding="utf-8")
    (root / "near-copy.txt").write_text(text.replace(" said ", " stated ", 2), encoding="utf-8")

    def check(*extra: str) -> dict:
        out = json.loads(run("check", str(root), "--format", "json", *extra).stdout)
        return {k: v for k, v in out.items() if k != "config"}

    fresh = check("--no-cache")
    assert {f["code"] for f in fresh["findings"]} >= {"SC041"}
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    assert check() == fresh
    assert _rows(tmp_path / "c", "findings") == 6 and _rows(tmp_path / "c", "scores") >= 1
    assert check() == fresh
    (root / "srccompare.toml").write_text("min-words = 100000\nnear-duplicate = 0.999\n", encoding="utf-8")
    other = check("--no-cache")
    assert other != fresh and "SC041" not in {f["code"] for f in other["findings"]}
    assert check() == other


def test_grouping_features_are_made_once_while_cleaning(run, tmp_path, monkeypatch, feature_calls):
    """compare's cleaning also makes each article's grouping features (compare/features.py): into the
    store, or without one handed to the grouping in memory; either way each is made once and the
    report is the library's."""
    from srccompare.compare import features as features_mod

    made = feature_calls
    expected = json.loads(json.dumps(compare(load([str(CORPUS)])).to_dict()))
    made.clear()
    out = run("compare", str(CORPUS), "--format", "json", "--jobs", "1", "--no-cache").stdout
    assert json.loads(out) == expected
    assert len(made) == 5 and not features_mod._HELD
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    made.clear()
    assert json.loads(run("compare", str(CORPUS), "--format", "json", "--jobs", "1").stdout) == expected
    assert len(made) == 5 and _rows(tmp_path / "c", "features") == 5


def test_article_digests_are_remembered_only_while_the_article_lives():
    """One run keys its grouping, events and findings by the same articles' digests: each is made once
    per article object, and forgotten with the article."""
    import gc

    articles = load([str(CORPUS)])
    digests = [store_mod.article_digest(a) for a in articles]
    assert [store_mod.article_digest(a) for a in articles] == digests
    assert len(set(digests)) == len(articles)
    copies = [
        Article.from_dict({**a.to_dict(), "paragraph_lines": [list(x) for x in a.paragraph_lines]}) for a in articles
    ]
    assert [store_mod.article_digest(c) for c in copies] == digests  # by content, not by object
    before = len(store_mod._DIGESTS)
    del articles, copies
    gc.collect()
    assert len(store_mod._DIGESTS) <= before - 10


def test_model_objects_pickle_as_the_dataclass_default_does():
    # The store and the workers move articles and events as pickles; the model's own (faster)
    # __getstate__/__setstate__ must keep the default's state, so that stored values and digests stay.
    import dataclasses
    import pickle

    report = compare(load([str(CORPUS)]))
    sentence = report.articles[0].sentences[0]
    fact = next(f for e in report.events for f in e.facts if f.differences and f.highlights)
    for obj in (sentence, fact, fact.members[0], fact.differences[0], fact.highlights[0][0]):
        assert obj.__getstate__() == [getattr(obj, f.name) for f in dataclasses.fields(obj)]
    assert pickle.loads(pickle.dumps(report)) == report
