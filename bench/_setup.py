"""Shared set-up for benchmarks: a throwaway database of either kind, Django configured for it."""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
POSTGRES_ADMIN_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)


def configure(name: str, db: str, *, reuse: bool = False) -> bool:
    """Point Django at a database called `name` (SQLite file or PostgreSQL database).

    A fresh one, unless `reuse` is set and it exists; returns whether it was kept.
    """
    kept = False
    sys.path.insert(0, str(ROOT))
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "masthead.settings.dev"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["MEDIA_ROOT"] = str(VAR / "media")
    os.environ["LOG_LEVEL"] = "WARNING"
    if db == "sqlite":
        path = VAR / f"{name}.sqlite3"
        kept = reuse and path.exists()
        for suffix in ("", "-wal", "-shm") if not kept else ():
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(path)
    elif db == "postgresql":
        import psycopg

        with psycopg.connect(
            POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True
        ) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            kept = bool(reuse and exists)
            if not kept:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    else:
        raise SystemExit(f"--db must be sqlite or postgresql, not {db!r}")
    # The one-machine cache lives on disk and outlives the run: a fresh database with the last
    # run's cache would find renditions, pages and settings that are not in it (a send would
    # skip the photo work a real one does first). Either kind of database gets its own.
    cache = VAR / f"{name}-cache"
    if not kept:
        shutil.rmtree(cache, ignore_errors=True)
    os.environ["CACHE_DIR"] = str(cache)
    import django

    django.setup()
    return kept


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]
