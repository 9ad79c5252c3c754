"""A PostgreSQL server of a test's own: a new cluster (initdb) in a temporary folder, on a free
port of 127.0.0.1, that the test may stop and start again at will.

Restarting the machine's server would cut off every other test run, shell and server using it;
this one serves only the processes the test starts. It runs the same binaries as the machine's
(Debian's /usr/lib/postgresql/<version>/bin) with their defaults (fsync, synchronous commit), so a
write it acknowledged survives a restart as it would there. Run as root, it runs as `postgres`.
"""

import contextlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg

from e2e.conftest import _free_port

START_TIMEOUT = 60  # seconds for the server to accept connections


def bindir() -> Path:
    """The newest installed PostgreSQL's binaries (Debian keeps them off PATH)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.parent.name)],
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    if not found:
        raise RuntimeError("initdb not found: install Debian's postgresql package")
    return Path(found).parent


@dataclass
class PostgresServer:
    datadir: Path
    port: int
    log: Path
    as_postgres: list[str]  # the command prefix that runs a binary as the cluster's owner

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres", **kwargs) -> psycopg.Connection:
        return psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{self.port}/{database}", connect_timeout=5, **kwargs
        )

    def pg_ctl(self, *args: str) -> None:
        result = subprocess.run(
            [*self.as_postgres, str(bindir() / "pg_ctl"), "-D", str(self.datadir), *args],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT + 10,
        )
        if result.returncode:
            raise RuntimeError(f"pg_ctl {args[0]}: {result.stdout}{result.stderr}\n{self.tail()}")

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        self.pg_ctl("start", "-w", "-t", str(START_TIMEOUT), "-l", str(self.log), "-o", options)
        self.wait_until_ready()

    def stop(self) -> None:
        """The way `pg_ctlcluster restart` stops it: fast (sessions cut, transactions rolled
        back, a checkpoint), waiting until it has stopped."""
        self.pg_ctl("stop", "-m", "fast", "-w", "-t", str(START_TIMEOUT))

    def running(self) -> bool:
        return (self.datadir / "postmaster.pid").exists()

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            ready = subprocess.run(
                [str(bindir() / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"]
            )
            if ready.returncode == 0:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not come back:\n{self.tail()}")
            time.sleep(0.1)

    def tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])
        except OSError:
            return ""


@contextlib.contextmanager
def private_postgres(workdir: Path) -> Iterator[PostgresServer]:
    """A fresh cluster in `workdir` (trust authentication for 127.0.0.1, user postgres), running
    until the block ends, whatever state the test left it in; then removed."""
    workdir.mkdir(parents=True, exist_ok=True)
    as_postgres = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        as_postgres = ["runuser", "-u", "postgres", "--"]
        shutil.chown(workdir, "postgres", "postgres")
    server = PostgresServer(workdir / "data", _free_port(), workdir / "postgres.log", as_postgres)
    subprocess.run(
        [*as_postgres, str(bindir() / "initdb"), "-D", str(server.datadir), "-U", "postgres",
         "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    try:
        server.start()
        yield server
    finally:
        if server.running():
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                server.pg_ctl("stop", "-m", "immediate", "-w")
        shutil.rmtree(workdir, ignore_errors=True)
