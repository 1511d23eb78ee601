"""Database fixtures: an SQLite file in tmp_path, and a throwaway PostgreSQL cluster.

    def test_x(db_url): ...         # runs once on SQLite, once on PostgreSQL

The PostgreSQL cluster is started once per session on loopback (initdb into a temp
dir, pg_ctl start on a free port, its socket in the temp dir) and removed at the end;
each test gets a database of its own. Tests skip PostgreSQL when it is not installed.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

_DB_NUMBERS = itertools.count(1)


def _pg_bin() -> Path | None:
    """The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    # initdb refuses to run as root: run the server tools as the postgres user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def pg_cluster():
    """(host, port, user) of a PostgreSQL server that lives for the test session."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a postgres user to run the server as")
    root = Path(tempfile.mkdtemp(prefix="tally-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
        os.chmod(root, 0o755)
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "tally")
    port = free_port()
    run = lambda *args: subprocess.run(_as_postgres(list(args)), check=True,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "--no-sync",
        "-E", "UTF8")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
        "-w", "-t", "60", "start")
    try:
        yield "127.0.0.1", port, user
    finally:
        subprocess.run(_as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                     "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_cluster):
    """A postgresql:// URL of a fresh empty database on the session's cluster."""
    import psycopg

    host, port, user = pg_cluster
    name = f"tally_test_{os.getpid()}_{next(_DB_NUMBERS)}"
    with psycopg.connect(host=host, port=port, user=user, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://{user}@{host}:{port}/{name}"
    with psycopg.connect(host=host, port=port, user=user, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """The path of a new SQLite database file in tmp_path (created on first open)."""
    return str(tmp_path / "tally.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request) -> str:
    """Each store test runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
