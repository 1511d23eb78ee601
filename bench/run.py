"""tally's benchmarks, one command: throughput, scaling, memory, query latency, profile.

    python bench/run.py                       # everything, table into README.md
    python bench/run.py --scale 0.1           # memory runs on 1,000 and 10,000 documents
    python bench/run.py --sections memory --timeout 1500

Each section stores its numbers in bench/results.json as it finishes; the table is
written from whatever is there, so a section run alone (or cut by --timeout) updates
its own rows only. Throughput compares, over the same texts in the same process,
tally against spaCy fr_core_news_md's full pipeline (bench/extract_speed.py's corpus:
the bundled examples and the evaluation sets). "Per core" divides by the CPU seconds
the work used, which stays meaningful on a machine shared with other jobs.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as generated  # noqa: E402
import extract_speed  # noqa: E402

from tally.report import Report  # noqa: E402

RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
START, END = "<!-- bench:table:start -->", "<!-- bench:table:end -->"
SECTIONS = ("throughput", "scaling", "memory", "latency", "profile")
TALLY = str(Path(sys.executable).parent / "tally")


# --- measuring ----------------------------------------------------------------------------

def measure(repeat: int, work) -> dict:
    """The best wall and CPU seconds of `repeat` runs of work() in this process."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"wall_s": min(walls), "cpu_s": min(cpus)}


def rates(count: int, timing: dict, cores: float = 1.0) -> dict:
    """Documents per second (wall) and per CPU second, from a `measure` result."""
    return {"docs": count, "docs_per_s": round(count / timing["wall_s"], 1),
            "docs_per_cpu_s": round(count / timing["cpu_s"], 1) if timing.get("cpu_s") else None,
            "wall_s": round(timing["wall_s"], 2), "cores": cores}


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


# --- sections -----------------------------------------------------------------------------

def throughput(args) -> dict:
    """tally extract (as the command runs it, and batched) and tally ingest, against
    spaCy fr_core_news_md's full pipeline, over the same real texts."""
    import spacy

    from tally.pipeline import PipelineSettings, ingest, run
    from tally.store import open_store

    documents = extract_speed.corpus([])
    texts = [d.text for d in documents]
    from tally.pipeline import _extractor, _key, _warm
    from tally.extract import Settings

    _warm(_key(Settings()))
    extractor = _extractor(_key(Settings()))
    baseline = spacy.load("fr_core_news_md")
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    databases = iter(range(1000))

    def ingest_fresh() -> None:
        store = open_store(str(folder / f"t{next(databases)}.db"))
        try:
            ingest(iter(documents), store, Report(), PipelineSettings(), extractor=extractor)
        finally:
            store.close()

    load = time.perf_counter()
    spacy.load("fr_core_news_md")
    result = {
        "corpus": f"{len(documents)} real articles ({sum(map(len, texts)):,} characters): "
                  "examples/ and the evaluation sets",
        "load_average": load_average(),
        "model_load_s": round(time.perf_counter() - load, 2),
        "spacy": rates(len(texts), measure(args.repeat, lambda: list(baseline.pipe(texts)))),
        # As `tally extract` runs it: documents streamed through extract_many, which parses
        # the figure sentences of several documents in one call.
        "extract_command": rates(len(documents), measure(
            args.repeat, lambda: list(extractor.extract_many(iter(documents))))),
        "extract_one": rates(len(documents), measure(
            args.repeat, lambda: [extractor.extract(d) for d in documents])),
        "extract_batched": rates(len(documents), measure(
            args.repeat, lambda: list(run(iter(documents), PipelineSettings(),
                                          extractor=extractor)))),
        "ingest": rates(len(documents), measure(args.repeat, ingest_fresh)),
    }
    spacy_cpu = result["spacy"]["docs_per_cpu_s"]
    for name in ("extract_command", "extract_one", "extract_batched", "ingest"):
        result[name]["vs_spacy"] = round(result[name]["docs_per_cpu_s"] / spacy_cpu, 2)
    return result


def scaling(args) -> dict:
    """tally ingest on a LocalCluster of 1, then 2 workers (models loaded before timing)."""
    from dask.distributed import Client

    from tally.pipeline import PipelineSettings, cluster, ingest, run
    from tally.store import open_store

    count = max(200, int(4000 * args.scale))
    documents = list(generated.generate(count, seed=11))
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    result = {"docs": count, "load_average_before": load_average()}
    for workers in (1, 2):
        with cluster(workers) as address:
            settings = PipelineSettings(scheduler=address)
            store = open_store(str(folder / f"w{workers}.db"))
            try:
                # Warm: the first batches also load each worker's models.
                list(run(iter(documents[:40]), settings))
                with Client(address) as client:
                    before = sum(client.run(time.process_time).values())
                    start, own = time.perf_counter(), time.process_time()
                    ingest(iter(documents), store, Report(), settings)
                    wall = time.perf_counter() - start
                    own = time.process_time() - own
                    used = sum(client.run(time.process_time).values()) - before
            finally:
                store.close()
        # CPU seconds of the workers and of this process (dedupe, commits): on a shared
        # machine, wall time alone says more about the neighbours than about tally.
        result[f"workers_{workers}"] = {"wall_s": round(wall, 2),
                                        "docs_per_s": round(count / wall, 1),
                                        "worker_cpu_s": round(used, 1),
                                        "client_cpu_s": round(own, 1)}
    result["speedup"] = round(result["workers_1"]["wall_s"] / result["workers_2"]["wall_s"], 2)
    result["load_average_after"] = load_average()
    return result


def memory(args) -> dict:
    """Peak RSS of `tally ingest` (a process of its own) on a small then a large corpus."""
    small, large = int(10_000 * args.scale), int(100_000 * args.scale)
    work = Path(args.workdir)
    result = {"scale": args.scale, "runs": []}
    for count in (small, large):
        folder = work / f"corpus-{count}"
        if not folder.exists():
            generated.write(count, folder)
        db = work / f"ingest-{count}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        run = _ingest_process(folder, db, args.timeout)
        run.update(docs=count)
        result["runs"].append(run)
        _save({"memory": result})
        if run["timed_out"]:
            break
    runs = result["runs"]
    if len(runs) == 2 and not runs[1]["timed_out"]:
        result["ratio"] = round(runs[1]["peak_rss_mb"] / runs[0]["peak_rss_mb"], 3)
    return result


def _ingest_process(folder: Path, db: Path, timeout: float) -> dict:
    """Run `tally ingest folder --db db`; its peak RSS (from wait4), time and output."""
    start = time.perf_counter()
    process = subprocess.Popen([TALLY, "ingest", str(folder), "--db", str(db), "--no-progress"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > start + timeout:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            timed_out = True
            break
        time.sleep(1)
    process.returncode = os.waitstatus_to_exitcode(status)
    output = process.stdout.read().strip() if process.stdout else ""
    wall = time.perf_counter() - start
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    return {"peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "wall_s": round(wall, 1),
            "stored": stored,
            "cpu_s": round(usage.ru_utime + usage.ru_stime, 1), "timed_out": timed_out,
            "output": output, "db": str(db), "load_average": load_average()}


def latency(args) -> dict:
    """Median time of `tally claims` with filters and of `tally series` on the largest
    database the memory section built (in process, as the commands run)."""
    from click.testing import CliRunner

    from tally.cli import cli
    from tally.store import counts, open_store

    runs = [r for r in _load().get("memory", {}).get("runs", []) if Path(r["db"]).exists()]
    if not runs:
        return {"skipped": "no database: run the memory section first"}
    db = max(runs, key=lambda r: r["docs"])["db"]
    store = open_store(db)
    try:
        size = counts(store)
    finally:
        store.close()
    queries = {
        "claims": ["claims", "--item", "drone", "--actor", "Russia", "--since", "2024-06",
                   "--until", "2024-06", "--format", "json", "--db", db],
        "series": ["series", "--item", "drone", "--event", "deliver", "--actor", "Russia",
                   "--format", "json", "--db", db],
        # The same series for one month of publication: the answer a page of it shows.
        "series_month": ["series", "--item", "drone", "--event", "deliver", "--actor", "Russia",
                         "--since", "2024-06", "--until", "2024-06", "--format", "json", "--db", db],
    }
    result = {"db": size, "load_average": load_average()}
    for name, command in queries.items():
        times, cpus, rows = [], [], 0
        for _ in range(args.latency_runs):
            start, cpu = time.perf_counter(), time.process_time()
            outcome = CliRunner().invoke(cli, command)
            times.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            assert outcome.exit_code == 0, outcome.output
            rows = len(json.loads(outcome.stdout or "[]"))
        # CPU time too: on a shared machine the wall time also counts the neighbours' jobs.
        result[name] = {"median_ms": round(statistics.median(times) * 1000, 1),
                        "median_cpu_ms": round(statistics.median(cpus) * 1000, 1),
                        "rows": rows, "command": "tally " + " ".join(command[:-2])}
    return result


def profile(args) -> dict:
    """Where serial `tally ingest` spends its time (cProfile, own time by component)."""
    from tally.extract import Settings
    from tally.pipeline import PipelineSettings, _extractor, _key, _warm, ingest
    from tally.store import open_store

    _warm(_key(Settings()))
    documents = extract_speed.corpus([]) + list(generated.generate(200, seed=5))
    folder = Path(tempfile.mkdtemp(prefix="tally-bench-"))
    store = open_store(str(folder / "p.db"))
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        ingest(iter(documents), store, Report(), PipelineSettings(),
               extractor=_extractor(_key(Settings())))
        profiler.disable()
    finally:
        store.close()
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values())
    shares: dict[str, float] = {}
    for (filename, _line, _name), row in stats.stats.items():
        shares[_component(filename)] = shares.get(_component(filename), 0.0) + row[2]
    top = sorted(shares.items(), key=lambda kv: -kv[1])[:12]
    functions = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:10]
    return {
        "docs": len(documents), "total_s": round(total, 2),
        "components": [(name, round(100 * s / total, 1)) for name, s in top],
        "functions": [(f"{Path(f).name}:{n}", round(100 * row[2] / total, 1))
                      for (f, _l, n), row in functions],
    }


_COMPONENTS = (
    ("thinc", "spaCy models (thinc)"), ("spacy", "spaCy pipeline"), ("numpy", "numpy"),
    ("tally/extract/", None), ("tally/store/", "tally.store (dedupe, rows)"),
    ("sqlalchemy", "SQLAlchemy"), ("sqlite3", "SQLite"), ("datasketch", "MinHash"),
    ("py3langid", "language detection"), ("dateparser", "dateparser"), ("regex", "regex"),
)


def _component(filename: str) -> str:
    for marker, label in _COMPONENTS:
        if marker in filename:
            if label is None:  # each extraction stage on its own
                return "tally.extract." + Path(filename).stem
            return label
    if filename.startswith("~") or filename == "":
        return "builtins (re, str, dict...)"
    return "other"


# --- results and the table ------------------------------------------------------------------

def _load() -> dict:
    return json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}


def _save(update: dict) -> None:
    results = _load()
    results.update(update)
    results["machine"] = {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


def table(results: dict) -> str:
    """The markdown table (and profile) of the results."""
    lines = ["| measure | result | target |", "|---|---|---|"]
    t = results.get("throughput")
    if t:
        spacy_row = t["spacy"]
        lines.append(f"| spaCy fr_core_news_md full pipeline | {spacy_row['docs_per_s']} docs/s, "
                     f"{spacy_row['docs_per_cpu_s']} docs per CPU-s | baseline |")
        for name, label in (("extract_command", "`tally extract` (`extract_many`, as the command runs)"),
                            ("extract_one", "`Extractor.extract`, one document a call"),
                            ("extract_batched", "`tally.pipeline.run` (batches of 20 documents)"),
                            ("ingest", "`tally ingest` into SQLite (serial)")):
            if name not in t:
                continue
            row = t[name]
            lines.append(f"| {label} | {row['docs_per_s']} docs/s, {row['docs_per_cpu_s']} "
                         f"per CPU-s: **{row['vs_spacy']}x** spaCy | ≥ 5x |")
    s = results.get("scaling")
    if s:
        lines.append(f"| `tally ingest --workers` 1 → 2 ({s['docs']} generated docs) | "
                     f"{s['workers_1']['docs_per_s']} → {s['workers_2']['docs_per_s']} docs/s: "
                     f"**{s['speedup']}x** (load average {s['load_average_before']} → "
                     f"{s['load_average_after']}) | ≥ 1.7x |")
        if "worker_cpu_s" in s["workers_2"]:
            lines.append(f"| CPU seconds (workers + client), 1 → 2 workers | "
                         f"{s['workers_1']['worker_cpu_s']} + {s['workers_1']['client_cpu_s']} → "
                         f"{s['workers_2']['worker_cpu_s']} + {s['workers_2']['client_cpu_s']} | "
                         f"same work |")
    m = results.get("memory")
    if m:
        for run in m["runs"]:
            state = f" (stopped at {run['stored']:,} stored)" if run["timed_out"] else ""
            lines.append(f"| peak RSS, `tally ingest` of {run['docs']:,} generated docs{state} | "
                         f"**{run['peak_rss_mb']} MB** ({run['wall_s']} s, "
                         f"{round(run['stored'] / run['wall_s'], 1)} docs stored/s) | < 1.5 GB |")
        if "ratio" in m:
            lines.append(f"| large / small peak RSS (scale {m['scale']}) | **{m['ratio']}** | "
                         f"≤ 1.2 |")
        if m["scale"] != 1:
            lines.append(f"| (memory runs at `--scale {m['scale']}`: the 10,000 / 100,000 "
                         f"pair takes 45 min to 1.5 h on this shared machine) | | |")
    q = results.get("latency")
    if q and "claims" in q:
        size = q["db"]
        for name in ("claims", "series", "series_month"):
            if name not in q:
                continue
            cpu = (f" ({q[name]['median_cpu_ms']} ms CPU; load average {q['load_average']})"
                   if "median_cpu_ms" in q[name] else "")
            lines.append(f"| `{q[name]['command']}` on {size['documents']:,} docs / "
                         f"{size['claims']:,} claims ({q[name]['rows']} rows) | "
                         f"**{q[name]['median_ms']} ms** median{cpu} | < 200 ms |")
    p = results.get("profile")
    if p:
        lines += ["", f"Profile of serial `tally ingest` over {p['docs']} documents "
                      f"(cProfile, own time; {p['total_s']} s in all):", "",
                  "| component | share of time |", "|---|---|"]
        lines += [f"| {name} | {share}% |" for name, share in p["components"]]
        lines += ["", "| function | share of time |", "|---|---|"]
        lines += [f"| `{name}` | {share}% |" for name, share in p["functions"]]
    lines.append("")
    lines.append(f"Machine: {results.get('machine', {}).get('cores')} cores (shared), "
                 f"Python {results.get('machine', {}).get('python')}.")
    return "\n".join(lines)


def write_readme(results: dict) -> None:
    """Put the table between the markers of README.md's benchmark section (the prose stays)."""
    text = README.read_text("utf-8") if README.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    README.write_text(f"{before}{START}\n{table(results)}\n{END}{after}", "utf-8")


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="memory corpora of 10,000 and 100,000 documents times this")
    parser.add_argument("--repeat", type=int, default=2, help="timings keep the best of this many")
    parser.add_argument("--timeout", type=float, default=1500,
                        help="seconds each memory ingest may take before it is stopped")
    parser.add_argument("--latency-runs", type=int, default=15)
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "tally-bench"))
    args = parser.parse_args(argv)
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    chosen = [s.strip() for s in args.sections.split(",") if s.strip()]
    for name in chosen:
        if name not in SECTIONS:
            parser.error(f"unknown section {name!r}")
        print(f"bench: {name}...", file=sys.stderr, flush=True)
        _save({name: globals()[name](args)})
        write_readme(_load())
    results = _load()
    print(table(results))
    return results


if __name__ == "__main__":
    main()
