"""Per-event work on worker processes and on a Dask cluster gives the same report, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from srccompare import Options, compare, load
from srccompare.compare.execute import NEUTRAL_ID, decode, encode
from tests.conftest import CORPUS, SHARED

ECB = SHARED / "bench" / "ecbplus" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seed corpus, plus 60 ECB+ articles (many events) when ../shared is there."""
    root = tmp_path_factory.mktemp("scale")
    shutil.copytree(CORPUS, root / "seeds")
    if ECB.is_dir():
        (root / "ecb").mkdir()
        for path in sorted(ECB.glob("*.txt"))[:60]:
            shutil.copy(path, root / "ecb" / path.name)
    return root


def _json(run, *args):
    result = run("compare", *args, "--format", "json", "--no-cache")
    assert result.exit_code in (0, 1), result.stderr  # 1: two ECB+ files have no article text
    return result.stdout


def test_worker_processes_give_the_same_report_as_one_process(run, corpus, monkeypatch):
    # The seed corpus alone (without ../shared) must reach the workers too.
    monkeypatch.setattr("srccompare.engine.CLEAN_HERE_BELOW", 2)
    monkeypatch.setattr("srccompare.engine.COMPARE_HERE_BELOW", 2)
    one = _json(run, str(corpus), "--jobs", "1")
    two = _json(run, str(corpus), "--jobs", "2")
    assert one == two
    assert one.count('"relation": "divergent"') > 0


def test_library_jobs_and_store_give_the_same_report(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("srccompare.engine.CLEAN_HERE_BELOW", 2)
    monkeypatch.setattr("srccompare.engine.COMPARE_HERE_BELOW", 2)
    articles = load([str(corpus)], problems=[])
    serial = compare(articles).to_dict()
    assert load([str(corpus)], Options(jobs=2), problems=[]) == articles
    # The workers go once a stage is done (their memory would add to the next stage's peak) and
    # come back, forked afresh, for the next one: the same report.
    from srccompare.engine import get_engine

    assert get_engine("local", 2)._pool is None  # type: ignore[attr-defined]
    assert compare(articles, Options(jobs=2)).to_dict() == serial
    assert get_engine("local", 2)._pool is None  # type: ignore[attr-defined]
    stored = Options(jobs=2, cache_dir=str(tmp_path / "store"))
    assert compare(articles, stored).to_dict() == serial  # cold: computed and written
    assert compare(articles, stored).to_dict() == serial  # warm: read back
    # Fresh workers every few events (a worker grows with the events it has compared): the same report.
    from srccompare.engine import LocalPool

    pools = []
    started = LocalPool.map

    def counted(self, fn, items, *args):
        pools.append(self._pool is None)
        return started(self, fn, items, *args)

    monkeypatch.setattr("srccompare.engine.EVENTS_PER_WORKERS", 3)
    monkeypatch.setattr(LocalPool, "map", counted)
    events = len(serial["events"])
    assert compare(articles, Options(jobs=2)).to_dict() == serial
    assert sum(pools) >= min(events // 3, 2)  # each run of three events on workers of its own


def test_an_event_keeps_its_content_under_any_number():
    articles = load([str(CORPUS)])
    report = compare(articles)
    from srccompare.compare.execute import _compare_one

    event = report.events[0]
    group = tuple(a for a in articles if a.id in event.articles)
    ordered = tuple(sorted(group, key=lambda a: event.articles.index(a.id)))
    blob = _compare_one((event.title, event.dates, ordered, frozenset()))
    plain, links, words = decode(blob, event.id)
    assert plain.facts and all(f.id.startswith(f"{event.id}.F") for f in plain.facts)
    renumbered, _, renumbered_words = decode(blob, "E42")
    assert [f.id for f in renumbered.facts] == [f.id.replace(event.id, "E42", 1) for f in plain.facts]
    assert not any(NEUTRAL_ID in f.id for f in renumbered.facts)
    # The words read for background linking name the event's facts under its number too.
    told = {fact for _, _, facts, _ in renumbered_words.paragraphs for fact in facts}
    assert told and told <= {f.id for f in renumbered.facts}
    assert words.vocabulary == renumbered_words.vocabulary
    assert decode(encode((plain, links, words)), "E7") == (plain, links, words)  # another id is kept as it is


def test_a_worker_empties_its_sentence_caches_once_they_have_grown(monkeypatch):
    """A worker comparing thousands of events does not keep all their sentences (nlp/memo.py): past
    RELIEVE_ABOVE answers the caches are emptied after the event, and an event compared again with
    the caches cold comes out the same."""
    from srccompare.compare.execute import _compare_one
    from srccompare.nlp import memo, semantic, tokens

    articles = load([str(CORPUS)])
    report = compare(articles)
    event = max(report.events, key=lambda e: len(e.articles))
    ordered = tuple(sorted((a for a in articles if a.id in event.articles), key=lambda a: event.articles.index(a.id)))
    task = (event.title, event.dates, ordered, frozenset())
    warm = _compare_one(task)
    assert tokens.aligned_words.cache_info().currsize > 0  # under the limit: kept for the next event
    monkeypatch.setattr(memo, "RELIEVE_ABOVE", 0)
    again = _compare_one(task)
    assert tokens.aligned_words.cache_info().currsize == 0
    assert tokens.normalise.cache_info().currsize == 0
    assert not semantic._CACHE
    assert decode(_compare_one(task), event.id) == decode(again, event.id) == decode(warm, event.id)


def test_dask_needs_a_scheduler_and_says_so(run):
    result = run("compare", str(CORPUS), "--engine", "dask")
    assert result.exit_code == 2
    assert "--scheduler" in result.stderr


def test_dask_local_cluster_gives_the_same_report(run, corpus):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    local = _json(run, str(corpus), "--jobs", "2")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
    ) as cluster:
        remote = _json(run, str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address)
        check = run("check", str(corpus), "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert remote == local
    assert check.exit_code in (0, 1) and "Traceback" not in check.output


def test_help_does_not_import_dask():
    code = (
        "import sys; from srccompare.cli import main\n"
        "try:\n    main(['compare', '--help'])\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('dask', 'distributed', 'sqlite3', 'concurrent.futures.process') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_streamed_json_is_the_json_of_the_report(corpus):
    import json

    from srccompare.render.json import dumps, iter_report

    report = compare(load([str(corpus)], problems=[]))
    streamed = b"".join(iter_report(report)).decode("utf-8")
    assert streamed == dumps(report.to_dict())
    assert json.loads(streamed)["events"] == [e.to_dict() for e in report.events]


def test_the_fast_encoder_writes_what_json_dumps_writes():
    from srccompare.render.json import _nested, dumps

    tricky = {
        "text": 'a "quote" \\ back\tslash\n\x00\x1f\x7f\x85\x9f \u2028 \u00e9 \U0001f600 </script>',
        "numbers": [0, -1, 2**40, 0.1, 1.5, 1e-7, 123456789.125, True, False, None],
        "nested": {"ü": [], "": {}, "k": [{"x": "y"}]},
    }
    assert _nested(tricky, 0).decode("utf-8") + "\n" == dumps(tricky)
    # Every character escape_json escapes, in orjson's bytes as in json's text.
    unsafe = {"all": "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFFFE, 0xFFFF, 0xE9]))}
    assert _nested(unsafe, 1).decode("utf-8") == dumps(unsafe)[:-1].replace("\n", "\n  ")


def test_a_few_items_run_here_without_starting_workers(corpus):
    """Ten new files on a warm re-run are cleaned here: starting the worker processes would cost more."""
    from srccompare.engine import CLEAN_HERE_BELOW, LocalPool
    from srccompare.ingest import _clean_or_problem
    from srccompare.ingest.read import read_documents

    docs = [d for d in read_documents([str(CORPUS)]) if not hasattr(d, "reason")][: CLEAN_HERE_BELOW - 1]
    pool = LocalPool(2)
    cleaned = list(pool.map(_clean_or_problem, [(d, Options()) for d in docs], CLEAN_HERE_BELOW))
    assert pool._pool is None
    assert [a.id for a in cleaned] == [d.id for d in docs]
    assert all(a.sentences for a in cleaned)


def test_the_workers_fork_server_is_started_early_only_for_inputs_that_will_need_it(monkeypatch, tmp_path):
    # Its loading (0.7 s of CPU) overlaps the reading of the inputs, but only when there are enough
    # files for the cleaning to go to the workers at all.
    from srccompare import engine
    from srccompare.ingest import iter_loaded
    from srccompare.ingest.read import holds_at_least

    assert holds_at_least([str(CORPUS)], 6)  # five articles and the manifest
    assert not holds_at_least([str(CORPUS)], 7)
    assert holds_at_least([str(CORPUS / "000_a67b68c824396ff8.txt")] * 3, 3)
    warmed: list[int] = []
    monkeypatch.setattr(engine.LocalPool, "warm", lambda self: warmed.append(self.workers))
    serial = [a for _, a in iter_loaded([str(CORPUS)], Options(jobs=2))]
    assert warmed == []
    monkeypatch.setattr(engine, "CLEAN_HERE_BELOW", 5)
    try:
        assert [a for _, a in iter_loaded([str(CORPUS)], Options(jobs=2))] == serial
        assert warmed == [2]
        # A store already holding articles of this code: a re-run, whose inputs mostly come from it.
        stored = Options(jobs=2, cache_dir=str(tmp_path / "cache"))
        assert [a for _, a in iter_loaded([str(CORPUS)], stored)] == serial
        assert warmed == [2, 2]  # an empty store: everything is cleaned
        assert [a for _, a in iter_loaded([str(CORPUS)], stored)] == serial
        assert warmed == [2, 2]
    finally:
        engine.close_all()


def test_a_report_is_written_while_rendered_and_a_failure_on_either_side_is_raised(tmp_path):
    """The JSON report's pieces are written on a thread while the next are made: the file holds them all,
    in order; a failed write stops the rendering, and a failed rendering stops the writing, with the
    error raised to the caller and no writer left behind."""
    import threading

    from srccompare.output import WRITE_AHEAD, _write_behind, write_atomic
    from srccompare.render.json import dumps, iter_report

    report = compare(load([str(CORPUS)], problems=[]))
    out = tmp_path / "report.json"
    write_atomic(out, iter_report(report))
    assert out.read_text(encoding="utf-8") == dumps(report.to_dict())

    made = []

    def pieces():
        for k in range(10 * WRITE_AHEAD):
            made.append(k)
            yield b"x"

    class Full:
        written = 0

        def write(self, piece):
            if self.written == 3:
                raise OSError(28, "No space left on device")
            self.written += 1

    with pytest.raises(OSError, match="No space left"):
        _write_behind(Full(), pieces())
    assert len(made) < 10 * WRITE_AHEAD  # the rendering stopped soon after the failed write

    def broken():
        yield b"x"
        raise ValueError("cannot render")

    with pytest.raises(ValueError, match="cannot render"):
        _write_behind(Full(), broken())
    assert not any(t.name == "srccompare-write" for t in threading.enumerate())
