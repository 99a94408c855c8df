"""The cleaned-article cache: same results as cleaning, invalidated by any input that matters."""

from __future__ import annotations

import json
import shutil

from srccompare import Options, load
from srccompare.model import Article
from tests.conftest import CORPUS


def test_article_round_trips_through_dict():
    for article in load([str(CORPUS)]):
        data = article.to_dict()
        data["paragraph_lines"] = [list(x) for x in article.paragraph_lines]
        assert Article.from_dict(json.loads(json.dumps(data))) == article


def test_cached_articles_equal_fresh_ones(tmp_path):
    options = Options(cache_dir=str(tmp_path / "cache"))
    fresh = load([str(CORPUS)], Options())
    first = load([str(CORPUS)], options)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 5
    second = load([str(CORPUS)], options)
    assert fresh == first == second


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


def test_unwritable_cache_is_ignored(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    articles = load([str(CORPUS)], Options(cache_dir=str(blocker / "cache")))
    assert len(articles) == 5


def test_cli_no_cache_flag(run, tmp_path, monkeypatch):
    monkeypatch.setenv("SRCCOMPARE_CACHE_DIR", str(tmp_path / "c"))
    assert run("clean", str(CORPUS), "--no-cache", "--format", "json").exit_code == 0
    assert not (tmp_path / "c").exists()
    assert run("clean", str(CORPUS), "--format", "json").exit_code == 0
    assert len(list((tmp_path / "c").rglob("*.json"))) == 5


def test_a_damaged_entry_is_a_miss(tmp_path):
    options = Options(cache_dir=str(tmp_path / "cache"))
    fresh = load([str(CORPUS)], options)
    for entry in (tmp_path / "cache").rglob("*.json"):
        entry.write_text('{"a": 1}')
    assert load([str(CORPUS)], options) == fresh
