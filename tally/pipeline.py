"""Documents -> claims -> database, serial or over a Dask cluster, a bounded batch at a time.

    for document, claims in run(read_paths(paths, report), PipelineSettings(workers=2)):
        ...
    result = ingest(read_paths(paths, report), store, report, PipelineSettings(workers=2))

Serial, everything runs in this process. With `workers` a dask.distributed LocalCluster
of that many single-threaded processes does the extraction; with `scheduler` an existing
cluster does. Each worker process loads the spaCy models once (`_extractor` is cached per
process); documents travel a batch per task, and at most `in_flight` batches are on the
cluster at once, so memory stays flat however long the input is. Results come back in
input order: what is stored is the same as a serial run's. On SQLite this process writes
every batch (one writer at a time); on PostgreSQL the workers write their batches
themselves.
"""
from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field, replace

from .errors import InputError
from .extract import Extractor, Settings
from .models import Claim, Document
from .report import Report
from .store import IngestResult, IngestSettings, Store
from .store import ingest as store_ingest
from .store.ingest import Extracted, extract_batch, ingest_batch, ingest_by_workers, read_batches

__all__ = ["PipelineSettings", "run", "ingest", "cluster"]

log = logging.getLogger(__name__)


@dataclass
class PipelineSettings:
    """Where the work runs and in what batches.

    workers: 0 runs in this process, N starts a local cluster of N processes;
    scheduler: the address (tcp://host:port) of a running cluster, instead of workers.
    """

    workers: int = 0
    scheduler: str | None = None
    batch_size: int = 20  # documents a task and a transaction
    in_flight: int | None = None  # batches on the cluster at once (default: 2 per worker)
    extract: Settings = field(default_factory=Settings)
    ingest: IngestSettings = field(default_factory=IngestSettings)

    @property
    def distributed(self) -> bool:
        return bool(self.workers or self.scheduler)


def run(documents: Iterable[Document], settings: PipelineSettings | None = None,
        report: Report | None = None, extractor: Extractor | None = None
        ) -> Iterator[tuple[Document, list[Claim]]]:
    """(document, claims) for each document that could be extracted, in input order.

    Failures go to `report`. Documents are read lazily: only the batches in flight
    are in memory. `extractor` serves the serial run (default: one cached per settings).
    """
    settings = settings or PipelineSettings()
    report = report if report is not None else Report()
    # 1. Documents in batches, read lazily.
    batches = read_batches(documents, settings.batch_size)
    window: deque[list[Document]] = deque()

    def tracked() -> Iterator[list[Document]]:
        for batch in batches:
            window.append(batch)
            yield batch

    with _extract_batches(settings, extractor) as extract_batches:
        # 2. Extraction, here or on the cluster; 3. results in input order.
        for extracted in extract_batches(tracked()):
            batch = window.popleft()
            _tell(extracted, report)
            for document, claims in zip(batch, extracted.claims, strict=True):
                if claims is not None:
                    yield document, claims


def ingest(documents: Iterable[Document], store: Store, report: Report,
           settings: PipelineSettings | None = None, paths: Iterable[str] = (),
           on_progress=None, extractor: Extractor | None = None) -> IngestResult:
    """Store the documents and their claims (see tally.store.ingest); returns the counts.

    The stages, a batch at a time: 1. dedupe against the database (content hash,
    MinHash), 2. extract (here or on the workers), 3. commit in input order.
    """
    settings = settings or PipelineSettings()
    ingest_settings = replace(settings.ingest, batch_size=settings.batch_size)
    extractor = extractor or _extractor(_key(settings.extract))
    if settings.distributed and not store.is_sqlite:
        # PostgreSQL takes concurrent writers: each worker commits its own batches.
        with _client(settings) as client:
            committer = _worker_committer(client, settings, store.url)
            return ingest_by_workers(documents, store, report, committer, ingest_settings,
                                     paths, on_progress)
    with _extract_batches(settings, extractor) as extract_batches:
        return store_ingest(documents, store, extractor, report, ingest_settings, paths,
                            on_progress, extract_batches=extract_batches)


# --- where the work runs ----------------------------------------------------------------

@contextmanager
def _extract_batches(settings: PipelineSettings, extractor: Extractor | None = None):
    """A BatchExtractor (batches in, Extracted out in order): serial, or on the cluster."""
    key = _key(settings.extract)
    if not settings.distributed:
        local = extractor or _extractor(key)
        yield lambda batches: (extract_batch(b, local) for b in batches)
        return
    with _client(settings) as client:
        window = settings.in_flight or 2 * _worker_count(client)
        yield lambda batches: _ordered(client, functools.partial(_extract_on_worker, key),
                                       batches, window)


def _worker_committer(client, settings: PipelineSettings, url: str):
    key = _key(settings.extract)
    dedupe = (settings.ingest.near_duplicate_threshold, settings.ingest.near_duplicate_window)
    window = settings.in_flight or 2 * _worker_count(client)

    def commit_batches(run_id: int, version: str, batches):
        task = functools.partial(_ingest_on_worker, key, url, dedupe, run_id, version)
        return _ordered(client, task, batches, window)
    return commit_batches


def _ordered(client, task: Callable, batches: Iterable[list], window: int) -> Iterator:
    """task(batch) of each batch on the cluster, results in input order, at most `window`
    batches submitted and not yet given back (the input is read no further ahead)."""
    futures: deque = deque()
    try:
        for batch in batches:
            futures.append(client.submit(task, batch, pure=False))
            if len(futures) >= window:
                yield futures.popleft().result()
        while futures:
            yield futures.popleft().result()
    finally:
        if futures:
            client.cancel(list(futures))


@contextmanager
def _client(settings: PipelineSettings):
    """A dask.distributed Client: of a new LocalCluster, or of the given scheduler."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise InputError("--workers and --scheduler need Dask: pip install 'tally[dask]'"
                         ) from error
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=10)
        except OSError as error:
            raise InputError(f"{settings.scheduler}: cannot reach the Dask scheduler ({error});"
                             " is `dask scheduler` running there?") from error
        with client:
            client.run(_warm, _key(settings.extract))  # every worker loads its models now
            yield client
        return
    # One thread a process: spaCy and the rules are pure Python, threads would share a GIL.
    with LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        client.run(_warm, _key(settings.extract))
        yield client


def _worker_count(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


@contextmanager
def cluster(workers: int):
    """A LocalCluster of `workers` processes and its scheduler address, for tests and
    benchmarks: `with cluster(2) as address: run(docs, PipelineSettings(scheduler=address))`."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as local:
        yield local.scheduler_address


# --- on a worker (or here, when serial) --------------------------------------------------

def _key(settings: Settings) -> tuple:
    """Extractor settings as a hashable tuple: the cache key of a process's Extractor."""
    return astuple(settings)


@functools.lru_cache(maxsize=4)
def _extractor(key: tuple) -> Extractor:
    """The Extractor of this process for these settings: its models load once."""
    return Extractor(Settings(*key))


def _warm(key: tuple) -> None:
    """Load a worker's models before its first batch (run on every worker at start)."""
    extractor = _extractor(key)
    for lang in ("fr", "en"):
        extractor.nlp(lang)


def _extract_on_worker(key: tuple, documents: list[Document]) -> Extracted:
    return extract_batch(documents, _extractor(key))


@functools.lru_cache(maxsize=4)
def _worker_store(url: str) -> Store:
    from .store import open_store

    return open_store(url)


@functools.lru_cache(maxsize=16)
def _worker_index(url: str, dedupe: tuple):
    """This process's MinHash index of the database (topped up from it at every batch)."""
    from .store.ingest import WindowIndex

    return WindowIndex(*dedupe)


def _ingest_on_worker(key, url, dedupe, run_id, version, documents):
    return ingest_batch(documents, _worker_store(url), _extractor(key),
                        _worker_index(url, dedupe), run_id, version)


def _tell(extracted: Extracted, report: Report) -> None:
    for where, message in extracted.failures:
        report.fail(where, message)
    for where, message in extracted.warnings:
        report.warn(where, message)
