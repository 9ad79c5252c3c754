"""The processes of a running shape (app servers, workers, the clock, Varnish) and plain HTTP."""

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from e2e.conftest import REPO_ROOT

START_TIMEOUT = 90  # seconds, for each server to answer on a shared 2-core machine


def get(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "masthead-shape-test", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass
class Processes:
    """Management commands and long-lived processes sharing one environment; each process logs
    to `<workdir>/<name>.log`."""

    env: dict = field(repr=False)
    workdir: Path
    procs: dict = field(default_factory=dict, repr=False)

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(
                f"manage.py {args[0]}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
            )
        return result.stdout

    def prepare(self, *, articles: int, editor: str) -> None:
        """A migrated site with its static files, the first `articles` demo pieces and a
        superuser `editor` (password from DJANGO_SUPERUSER_PASSWORD in the environment)."""
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_demo", "--limit", str(articles), "--no-editor")
        self.manage(
            "createsuperuser", "--noinput", "--username", editor, "--email", f"{editor}@example.com"
        )

    def spawn_app_server(self, name: str, port: int) -> None:
        self.spawn(name, ["deploy/app-server"], APP_BIND=f"127.0.0.1:{port}", PYTHON=sys.executable)

    def spawn_background(self, *, clock_every: int, workers: int = 2) -> None:
        """The task workers and the clock, as the shape runs them beside its app servers."""
        for i in range(workers):
            self.spawn(f"worker{i}", [sys.executable, "manage.py", "db_worker"])
        self.spawn("clock", [sys.executable, "manage.py", "clock", "--every", str(clock_every)])

    def spawn(self, name: str, command: list[str], **extra_env: str) -> None:
        log = (self.workdir / f"{name}.log").open("wb")
        self.procs[name] = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**self.env, **extra_env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_up(self, url: str) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{name} exited early:\n{self.log(name)}")
            try:
                if get(url)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{url} did not answer within {START_TIMEOUT} s:\n{self.logs()}")

    def stop(self, name: str) -> None:
        proc = self.procs[name]
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def log(self, name: str) -> str:
        return (self.workdir / f"{name}.log").read_text(errors="replace")[-3000:]

    def logs(self) -> str:
        return "\n".join(f"--- {name}\n{self.log(name)}" for name in self.procs)
