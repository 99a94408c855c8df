"""Scale: wall time, peak memory and event B-cubed on synthetic corpora of 10 outlets per event.

The corpora come from bench/synthetic.py (real extraction ground-truth bodies, renamed per event,
told by each outlet with dropped, added, moved and reworded sentences and page furniture). Each size
runs `srccompare compare DIR --format json` as a subprocess, with a cold store (sampled for memory and
CPU; the wall time is the median of COLD_RUNS more cold runs, unsampled), then again with the warm
store; then 10 articles (one new event) are added and `check` runs on the warm store. The same
corpus goes through a 2-worker Dask LocalCluster (when Dask is installed), whose report must be
byte-identical. Memory is the peak of the summed PSS (proportional set size: shared pages counted
once) of the run and all its worker processes, sampled every SAMPLE_S seconds.

    python -m bench.scale DATA [--sizes 1000 10000] [--jobs 2] [--no-dask] [--through-grouping 100000] [--cold-runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .basil import bcubed
from .common import need
from .synthetic import write

OUTLETS = 10
SIZES = (1000, 10000)
JOBS = 2
# Unsampled cold runs per size, for the wall time (their median is reported).
COLD_RUNS = 3
# Seconds between two samples of the runs' memory (the peak of a run of seconds is kept all the same).
SAMPLE_S = 0.5


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for t in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{t}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            continue
    return out


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total / 1024


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of one process so far (None when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Peak:
    """The peak summed PSS of a process tree (and of extra processes, e.g. Dask workers), and the CPU
    seconds its processes used: sampled, since the workers are the fork server's children, whose
    time never reaches this process's RUSAGE_CHILDREN."""

    def __init__(self, pid: int, extra: tuple[int, ...] = ()) -> None:
        self.pid, self.extra, self.peak = pid, extra, 0.0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            pids = _tree(self.pid) + [q for p in self.extra for q in _tree(p)]
            self.peak = max(self.peak, _pss_mb(pids))
            for p in pids:
                seconds = _cpu_seconds(p)
                if seconds is not None:
                    self.cpu[p] = max(self.cpu.get(p, 0.0), seconds)
            # Reading smaps_rollup walks a process's page tables under its memory lock: sampled ten
            # times a second it cost the 1,000-article run about 1.5 s of its wall time on 2 cores.
            time.sleep(SAMPLE_S)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


CPU: list[float] = [0.0]  # CPU seconds (user + system) of the last run and its worker processes


def measure(
    args: list[str], cache: Path | None, extra: tuple[int, ...] = (), sample: bool = True
) -> tuple[float, float, int]:
    """Wall seconds, peak MB and exit code of one srccompare run (its CPU seconds go to CPU[0]).
    ``sample=False``: no memory or CPU sampled (peak 0), the wall time undisturbed."""
    env = {**os.environ, "SRCCOMPARE_CACHE_DIR": str(cache or "")}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "srccompare", *args], env=env, stderr=subprocess.PIPE)
    peak = Peak(proc.pid, extra) if sample else None
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    mb = 0.0
    if peak is not None:
        mb = peak.stop()
        CPU[0] = sum(peak.cpu.values())  # the last sample of each process: a tenth of a second short at most
    if proc.returncode not in (0, 1):
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return wall, mb, proc.returncode


def accuracy(report_path: Path, gold: dict[str, str]) -> tuple[float, float, float, int]:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    predicted = {a: e["id"] for e in report["events"] for a in e["articles"]}
    items = {a: predicted.get(a, f"none:{a}") for a in gold}
    p, r, f = bcubed(items, gold)
    return p, r, f, len(report["events"])


def _row(what: str, n: int, wall: float, mb: float, extra: str = "") -> str:
    cpu = f"{CPU[0]:.1f} s" if "dask" not in what else "(on the workers)"
    row = f"| {what} | {n:,} | {wall:.1f} s | {1000 * wall / n:.1f} ms | {cpu} | {mb:,.0f} MB | {extra} |"
    print(row, file=sys.stderr, flush=True)  # a long run shows its figures as they come
    return row


def run_size(data: Path, work: Path, n: int, jobs: int, cold_runs: int = COLD_RUNS) -> list[str]:
    """The local rows of one size (no Dask cluster running beside them: its scheduler and workers
    took CPU from the 1,000-article runs)."""
    events = n // OUTLETS
    root = work / f"c{n}"
    gold = write(data, root, events, OUTLETS)
    corpus = str(root / "corpus")
    cache = work / f"store{n}"
    rows = []
    out = work / f"r{n}.json"
    # The cold run is sampled (memory, CPU); reading every process's page tables every SAMPLE_S took
    # about 3% of the 1,000-article run's wall time, so the wall time is the median of COLD_RUNS more
    # cold runs (each with a new store) that nothing samples. Cold runs vary by a few percent.
    sampled, mb, code = measure(["compare", corpus, "--format", "json", "-o", str(out), "--jobs", str(jobs)], cache)
    cpu = CPU[0]
    walls, same = [], True
    for k in range(cold_runs):
        store, path = work / f"store{n}.{k}", work / f"r{n}.{k}.json"
        args = ["compare", corpus, "--format", "json", "-o", str(path), "--jobs", str(jobs)]
        walls.append(measure(args, store, sample=False)[0])
        same = same and path.read_bytes() == out.read_bytes()
        shutil.rmtree(store, ignore_errors=True)
        path.unlink()
    wall = sorted(walls)[len(walls) // 2] if walls else sampled
    CPU[0] = cpu
    p, r, f, found = accuracy(out, gold)
    spread = ", ".join(f"{w:.1f}" for w in walls)
    rows.append(
        _row(
            f"local, {jobs} jobs, cold store",
            n,
            wall,
            mb,
            f"B³ F1 {f:.3f} (P {p:.3f} R {r:.3f}), {found} events; "
            + (
                f"wall: median of {len(walls)} unsampled cold runs ({spread} s; reports identical: {same}); "
                f"the sampled run {sampled:.1f} s"
                if walls
                else "wall: the sampled run"
            ),
        )
    )
    warm = work / f"w{n}.json"
    wall, mb, code = measure(["compare", corpus, "--format", "json", "-o", str(warm), "--jobs", str(jobs)], cache)
    same = warm.read_bytes() == out.read_bytes()
    rows.append(_row(f"local, {jobs} jobs, warm store", n, wall, mb, f"report identical: {same}"))
    wall, mb, code = measure(["check", corpus, "--jobs", str(jobs), "-o", str(work / "check.txt")], cache)
    rows.append(_row("check, warm store", n, wall, mb, f"exit {code}"))
    write(data, root, 1, OUTLETS, first=events)
    wall, mb, code = measure(["check", corpus, "--jobs", str(jobs), "-o", str(work / "check.txt")], cache)
    rows.append(_row("check, warm store + 10 new articles", n + OUTLETS, wall, mb, f"exit {code}"))
    return rows


def dask_row(work: Path, n: int, jobs: int, dask: str, workers: tuple[int, ...]) -> str:
    """The corpus of ``run_size`` (with its 10 new articles) on the Dask cluster, against the local report."""
    corpus = str(work / f"c{n}" / "corpus")
    local = work / f"l{n}.json"
    measure(["compare", corpus, "--format", "json", "-o", str(local), "--jobs", str(jobs)], work / f"store{n}")
    remote = work / f"d{n}.json"
    args = ["compare", corpus, "--format", "json", "-o", str(remote), "--engine", "dask", "--scheduler", dask]
    wall, mb, code = measure(args, None, workers)
    same = remote.read_bytes() == local.read_bytes()
    return _row("dask LocalCluster, 2 workers, no store", n + OUTLETS, wall, mb, f"same report as local: {same}")


_THROUGH_GROUPING = """
import json, resource, sys, time
from srccompare import Options, load
from srccompare.compare import group


def main():
    corpus, jobs, scheduler = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    options = Options(engine="dask", scheduler=scheduler) if scheduler else Options(jobs=jobs)
    clock = time.perf_counter()
    articles = load([corpus], options)
    clean = time.perf_counter() - clock
    held = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    clock = time.perf_counter()
    events = group.group_events(articles)
    print(json.dumps([clean, time.perf_counter() - clock, len(articles), len(events), held]))


if __name__ == "__main__":
    main()
"""


def through_grouping(
    data: Path, work: Path, n: int, jobs: int, scheduler: str | None = None, workers: tuple[int, ...] = ()
) -> str:
    """Cleaning and grouping only, for sizes too big to compare here in the time a bench has: locally
    with ``jobs`` worker processes, or on the Dask cluster at ``scheduler`` (cleaning on its workers,
    grouping in the client)."""
    root = work / f"g{n}"
    if not (root / "gold.json").exists():
        write(data, root, n // OUTLETS, OUTLETS)
    script = work / "through_grouping.py"
    script.write_text(_THROUGH_GROUPING, encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(script), str(root / "corpus"), str(jobs), scheduler or ""],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peak = Peak(proc.pid, workers)
    out, err = proc.communicate()
    mb = peak.stop()
    where = "2-worker Dask LocalCluster" if scheduler else f"local, {jobs} jobs"
    if proc.returncode:
        return f"| {n:,} | {where} | failed after {time.perf_counter() - start:.0f} s: {err.decode()[-300:]!r} | | | |"
    clean_s, group_s, articles, events, held = json.loads(out)
    return (
        f"| {articles:,} | {where} | {clean_s:.0f} s ({1000 * clean_s / articles:.1f} ms/article) | "
        f"{group_s:.0f} s ({1000 * group_s / articles:.1f} ms/article), {events:,} events | {held:,.0f} MB | {mb:,.0f} MB |"
    )


def _cluster():
    """A 2-worker Dask LocalCluster on loopback, or None without Dask."""
    try:
        from dask.distributed import LocalCluster
    except ImportError:
        return None
    return LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0")


def run(
    data: Path,
    sizes=SIZES,
    jobs: int = JOBS,
    use_dask: bool = True,
    grouping: int | None = None,
    cold_runs: int = COLD_RUNS,
) -> str:
    need(data / "extraction" / "ground-truth.json")
    rows, extra = [], []
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        for n in sizes:
            rows += run_size(data, Path(tmp), n, jobs, cold_runs)
        if grouping:
            extra = [
                "Cleaning (cold, no store) and grouping only; memory: the client's peak RSS once the articles "
                "are loaded, and the peak summed PSS of the client and its workers.",
                "",
                "| articles | engine | cleaning | grouping | client after cleaning | peak memory |",
                "|---|---|---|---|---|---|",
                through_grouping(data, Path(tmp), grouping, jobs),
            ]
        cluster = _cluster() if use_dask else None
        if cluster is not None:
            address = cluster.scheduler_address
            workers = tuple(p.pid for p in cluster.workers.values() if hasattr(p, "pid") and p.pid)
            try:
                rows += [dask_row(Path(tmp), n, jobs, address, workers) for n in sizes]
                if grouping:
                    extra.append(through_grouping(data, Path(tmp), grouping, jobs, address, workers))
            finally:
                cluster.close()
    return "\n".join(
        [
            "## Scale",
            "",
            f"Synthetic corpora, {OUTLETS} outlets per event (`python -m bench.synthetic`), `srccompare compare --format json` "
            f"end to end (cleaning included) as a subprocess on {os.cpu_count()} cores; memory is the peak summed PSS of the "
            "run and its workers. B³ is event B-cubed against the generator's gold. CPU is user + system time of "
            "the run and its worker processes: on a shared machine it says more than the wall time. Memory is "
            f"sampled every {SAMPLE_S:g} s, and the local rows run before the Dask cluster is started. A cold row's "
            f"wall time is the median of {cold_runs} more cold runs (each with a new store) that nothing samples; "
            "its memory and CPU come from the sampled run.",
            "",
            "| run | articles | wall | wall per article | CPU (all processes) | peak memory | notes |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            *extra,
            "",
            "Command: `python -m bench.scale DATA` (or `python -m bench DATA --only scale`)",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__)
    parser.add_argument("data", nargs="?", default="../shared/bench")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--jobs", type=int, default=JOBS)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--through-grouping", type=int, default=None)
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS, help="unsampled cold runs per size (their median)")
    args = parser.parse_args(argv)
    print(run(Path(args.data), args.sizes, args.jobs, not args.no_dask, args.through_grouping, args.cold_runs))


if __name__ == "__main__":
    main()
