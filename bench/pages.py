"""Page delivery: the article, front, region and RSS pages uncached, cached by the app, through
Varnish, and nginx serving the article as a static file, all measured with wrk in one run.

    python bench/pages.py --articles 10000 [--db postgresql|sqlite] [--reuse] [--seconds 10]

Production settings, granian (deploy/app-server), Redis as the cache, the shipped
Varnish configuration (deploy/varnish/default.vcl). "Uncached" is an app with the full-page
cache off (PAGE_CACHE=0); fragment caches stay on. Needs Debian's wrk, varnish and nginx.
"""

import argparse
import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import _setup

ROOT = _setup.ROOT
CONNECTIONS = 32
PAIRS = 7  # nginx and Varnish back to back, for the ratio
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")


def production_env(redis_url: str, **extra: str) -> dict:
    """The environment the app servers of a benchmark run in: production settings on this
    machine's addresses, without HTTPS, over the Redis at `redis_url`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masthead.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": redis_url,
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"{url} did not answer within {seconds:.0f} s") from None
            time.sleep(0.3)


def wrk(url: str, seconds: int, connections: int = CONNECTIONS) -> dict:
    """req/s, p50 and p99 in ms, from wrk's --latency report."""
    threads = min(2, connections)
    out = subprocess.run(
        # As every browser does: Varnish keeps pages gzipped, nginx has the file gzipped beside it.
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
        + ["-H", "Accept-Encoding: gzip", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = read_wrk(url, out)

    def ms(label):
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {"rps": figures["rps"], "p50": ms("50"), "p99": ms("99")}


def read_wrk(url: str, out: str) -> dict:
    """req/s and the count of requests from wrk's report; a run with error answers stops."""
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non_2xx:
        raise SystemExit(f"{url}: {non_2xx.group(1)} error responses under load\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


class Servers:
    """The app (granian) with the page cache and without, Varnish in front, and nginx."""

    def __init__(self, workdir: Path, env: dict):
        self.workdir, self.env, self.procs = workdir, env, []
        self.cached, self.uncached = free_port(), free_port()
        self.varnish, self.nginx = free_port(), free_port()

    def start(self, article_html: bytes) -> None:
        for port, page_cache in ((self.cached, "1"), (self.uncached, "0")):
            env = {**self.env, "PAGE_CACHE": page_cache, "APP_BIND": f"127.0.0.1:{port}"}
            self.spawn(["deploy/app-server"], {**env, "PYTHON": sys.executable}, f"app-{port}")
        vcl = self.workdir / "varnish"
        vcl.mkdir()
        self.workdir.chmod(0o755)  # varnishd and nginx read their files as their own users
        shutil.copy(ROOT / "deploy/varnish/default.vcl", vcl)
        (vcl / "site.vcl").write_text(
            "import directors;\n"
            f'backend app1 {{ .host = "127.0.0.1"; .port = "{self.cached}"; }}\n'
            "sub vcl_init { new app = directors.round_robin(); app.add_backend(app1); }\n"
            'acl purgers { "127.0.0.1"; }\n'
        )
        self.spawn(  # the shipped way to run it: deploy/varnish-server
            ["deploy/varnish-server", "-n", str(vcl / "state")],
            {
                **self.env,
                "VARNISH_STORAGE": "malloc,256m",
                "VARNISH_VCL_DIR": str(vcl),
                "VARNISH_LISTEN": f"127.0.0.1:{self.varnish}",
                "VARNISHD": shutil.which("varnishd") or "/usr/sbin/varnishd",
            },
            "varnish",
        )
        docroot = self.workdir / "static"
        docroot.mkdir()
        (docroot / "article.html").write_bytes(article_html)
        conf = self.workdir / "nginx.conf"
        conf.write_text(
            f"worker_processes 2; daemon off; pid {self.workdir}/nginx.pid;\n"
            f"error_log {self.workdir}/nginx-error.log;\n"
            "events { worker_connections 1024; }\n"
            "http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;\n"
            "  gzip_static on;\n"
            f"  client_body_temp_path {self.workdir}; proxy_temp_path {self.workdir};\n"
            f"  fastcgi_temp_path {self.workdir}; uwsgi_temp_path {self.workdir};\n"
            f"  scgi_temp_path {self.workdir};\n"
            f"  server {{ listen 127.0.0.1:{self.nginx}; root {docroot};\n"
            "    default_type text/html; } }\n"
        )
        self.spawn(["nginx", "-c", str(conf)], self.env, "nginx")
        try:
            for port in (self.cached, self.uncached, self.varnish):
                wait_for(f"http://127.0.0.1:{port}/robots.txt")
            wait_for(f"http://127.0.0.1:{self.nginx}/article.html")
        except SystemExit:
            for log in sorted(self.workdir.glob("*.log")):
                print(f"--- {log.name}", log.read_text(errors="replace")[-2000:], sep="\n")
            raise

    def spawn(self, command, env, name) -> None:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        self.procs.append(
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        )

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def sql_queries(paths: dict) -> dict:
    """Queries per uncached render, counted in this process with the page cache off."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    counts = {}
    with override_settings(PAGE_CACHE=False, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
        client = Client()
        for name, path in paths.items():
            client.get(path)  # renditions and counts in place, as on a running site
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            counts[name] = len(queries)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="postgresql")
    parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the archive a previous run generated, if any"
    )
    args = parser.parse_args()
    for tool in ("wrk", "varnishd", "nginx"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            raise SystemExit(f"{tool} is missing: apt-get install wrk varnish nginx-light")
    kept = _setup.configure(f"masthead_bench_pages_{args.articles}", args.db, reuse=args.reuse)

    from django.core.management import call_command
    from generate import generate_articles

    from masthead.newsroom import queries

    call_command("migrate", verbosity=0)
    if kept:
        print("reusing the archive of an earlier run")
    else:
        started = time.perf_counter()
        generate_articles(args.articles, log=lambda m: None)
        print(f"generated {args.articles:,} articles in {time.perf_counter() - started:.0f} s")

    middle = queries.stories()[args.articles // 2]
    region = queries.live_sections()[0]
    paths = {"article": middle.url, "front": "/", "region": region.url, "rss": "/feed/"}
    queries_per_page = sql_queries(paths)

    env = production_env(REDIS_URL)
    import redis

    subprocess.run(  # the manifest that production settings read
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    redis.Redis.from_url(REDIS_URL).flushdb()
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as tmp:
        servers = Servers(Path(tmp), env)
        try:
            servers.start(b"")
            html = {name: fetch(servers.uncached, path) for name, path in paths.items()}
            static = Path(tmp) / "static"
            (static / "article.html").write_bytes(html["article"])
            (static / "article.html.gz").write_bytes(gzip.compress(html["article"], 6))
            rows, single, ratios = measure(servers, paths, args.seconds)
            wire = {name: len(fetch(servers.varnish, p, gzipped=True)) for name, p in paths.items()}
        finally:
            servers.stop()
    css = sum(p.stat().st_size for p in (ROOT / "masthead" / "static" / "css").glob("*.css"))
    report(args, rows, single, ratios, queries_per_page, html, css, wire)


def fetch(port: int, path: str, *, gzipped: bool = False) -> bytes:
    """The body as sent (urllib does not unpack it)."""
    headers = {"Accept-Encoding": "gzip"} if gzipped else {}
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda figures: figures["rps"])[len(runs) // 2]


def measure(servers: Servers, paths: dict, seconds: int):
    rows = []
    for name, path in paths.items():
        for mode, port in (
            ("uncached (app)", servers.uncached),
            ("cached (app)", servers.cached),
            ("through Varnish", servers.varnish),
        ):
            url = f"http://127.0.0.1:{port}{path}"
            for _ in range(3):  # renditions, counts and cached copies in place
                fetch(port, path)
            paired = (name, port) == ("article", servers.varnish)  # measured below, with nginx
            rows.append((name, mode, None if paired else wrk(url, seconds)))
    # The ratio that matters most, on a shared machine whose speed drifts from one run to the
    # next: nginx and Varnish serving the article back to back, in pairs (which one goes first
    # alternates), each pair giving one ratio; the median run of each and the median ratio kept.
    static, varnish = [], []
    pair_seconds = max(2, seconds // 2)
    for number in range(PAIRS):
        pair = [
            (static, f"http://127.0.0.1:{servers.nginx}/article.html"),
            (varnish, f"http://127.0.0.1:{servers.varnish}{paths['article']}"),
        ]
        for runs, url in pair if number % 2 == 0 else reversed(pair):
            runs.append(wrk(url, pair_seconds))
    rows = [("article", "nginx static file", median_run(static))] + [
        (name, mode, figures or median_run(varnish)) for name, mode, figures in rows
    ]
    ratios = sorted(v["rps"] / n["rps"] for n, v in zip(static, varnish, strict=True))
    single = {
        name: wrk(f"http://127.0.0.1:{servers.uncached}{paths[name]}", seconds, connections=1)
        for name in ("article", "front")
    }
    return rows, single, ratios


def report(args, rows, single, ratios, queries_per_page, html, css, wire) -> None:
    nginx = rows[0][2]["rps"]
    print()
    print(f"pages over {args.articles:,} articles ({args.db}), wrk {CONNECTIONS} connections")
    print(
        f"{'page':9}{'served by':20}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'HTML KB':>9}{'SQL':>5}{'÷ nginx':>9}"
    )
    for name, mode, figures in rows:
        sql = str(queries_per_page[name]) if mode.startswith("uncached") else ""
        print(
            f"{name:9}{mode:20}{figures['rps']:>10.0f}{figures['p50']:>9.2f}{figures['p99']:>9.2f}"
            f"{len(html[name]) / 1024:>9.1f}{sql:>5}{figures['rps'] / nginx:>9.3f}"
        )
    for name, figures in single.items():
        print(
            f"{name} uncached, one connection: "
            f"p50 {figures['p50']:.2f} ms, {figures['rps']:.0f} req/s"
        )
    by = {(name, mode): figures for name, mode, figures in rows}
    article_kb = (len(html["article"]) + css) / 1024
    print(
        f"article page weight: HTML {len(html['article']) / 1024:.1f} KB"
        f" + CSS {css / 1024:.1f} KB, no JS"
    )
    print(
        "over the wire from Varnish (gzip): "
        + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in wire.items())
    )
    varnish = by[("article", "through Varnish")]["rps"]
    ratio = ratios[len(ratios) // 2]
    print(
        f"article through Varnish ÷ nginx, {len(ratios)} pairs of runs: median {ratio:.2f}"
        f" (from {ratios[0]:.2f} to {ratios[-1]:.2f})"
    )
    print(
        f"pages: articles={args.articles} nginx_rps={nginx:.0f} varnish_article_rps={varnish:.0f} "
        f"varnish_ratio={ratio:.2f} "
        f"app_cached_rps={by[('article', 'cached (app)')]['rps']:.0f} "
        f"uncached_article_rps={by[('article', 'uncached (app)')]['rps']:.0f} "
        f"uncached_article_p50_ms={single['article']['p50']:.1f} "
        f"uncached_front_p50_ms={single['front']['p50']:.1f} "
        f"article_sql={queries_per_page['article']} article_kb={article_kb:.1f}"
    )


if __name__ == "__main__":
    main()
