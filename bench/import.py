"""Moving in from WordPress: `import_content` over a generated export, then run again.

    python bench/import.py --posts 10000 [--db sqlite|postgresql] [--keep]

Generates a realistic WXR 1.2 export and its uploads folder (bench/wxr.py) under
var/bench/import-<N>/, kept and reused by later runs with the same N and seed, and timed apart.
Then, on a fresh database with the publication's frame (front page, regions, types, one demo
article: what generate.py starts from too), runs `manage.py import_content` in a subprocess,
and once more: the re-run should create nothing. Prints posts per second end to end, the split
between converting and writing that the command reports, peak memory, and the re-run; beside
them a baseline measured in the same run: generate.py's `generate_articles`, which writes
articles straight into the tables with no parsing at all (at most 10,000 of them, to keep the
run short).
Without --keep, the databases and the photos the import stored are removed at the end.
"""

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _setup  # noqa: E402
import wxr  # noqa: E402

ROOT, VAR = _setup.ROOT, _setup.VAR
BASELINE_MOST = 10_000
STDERR_TAIL = 200  # lines of a failed command's stderr to show


def generate(run_dir: Path, posts: int, seed: int) -> tuple[Path, Path, str]:
    """The export and uploads for `posts` and `seed`, made unless an earlier run left them."""
    export, uploads, stamp = run_dir / "export.xml", run_dir / "uploads", run_dir / "export.json"
    generator = hashlib.sha256(Path(wxr.__file__).read_bytes()).hexdigest()[:16]
    wanted = {"posts": posts, "seed": seed, "generator": generator}
    if stamp.exists() and export.exists():
        made = json.loads(stamp.read_text())
        if {key: made.get(key) for key in wanted} == wanted:
            return export, uploads, f"reused (generated in {made['seconds']:.1f} s by a run before)"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    started = time.perf_counter()
    wxr.write_export(export, uploads, posts, seed=seed)
    seconds = time.perf_counter() - started
    stamp.write_text(json.dumps(wanted | {"seconds": seconds}))
    return export, uploads, f"generated in {seconds:.1f} s"


def run(command: list[str], env: dict, log: Path, what: str) -> tuple[str, float]:
    """Run a manage.py command; its stdout (also kept in `log`) and wall time, or exit."""
    started = time.perf_counter()
    errors = log.with_suffix(".stderr")
    with open(log, "w") as out, open(errors, "w") as err:
        done = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, stdout=out, stderr=err
        )
    wall = time.perf_counter() - started
    if done.returncode:
        lines = errors.read_text(errors="replace").splitlines()
        sys.stderr.write("\n".join(lines[-STDERR_TAIL:]) + "\n")
        raise SystemExit(
            f"{what} failed (exit {done.returncode}); its output is in {log} and {errors}"
        )
    return log.read_text(errors="replace"), wall


def summary_lines(output: str, log: Path) -> dict[str, float]:
    """The numbers in the command's closing `detail:` and `import:` lines."""
    found: dict[str, float] = {}
    for prefix in ("detail:", "import:"):
        line = next((x for x in reversed(output.splitlines()) if x.startswith(prefix)), None)
        if line is None:
            raise SystemExit(f"import_content printed no '{prefix}' line; see {log}")
        found |= {key: float(value) for key, value in re.findall(r"(\w+)=([\d.]+)", line)}
    missing = {"created", "seconds", "peak_rss_mb"} - found.keys()
    if missing:
        raise SystemExit(f"import_content's summary lacks {', '.join(sorted(missing))}; see {log}")
    return found


def drop(name: str, db: str) -> None:
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{VAR / name}.sqlite3{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        url = _setup.POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://")
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(VAR / f"{name}-cache", ignore_errors=True)


def baseline(count: int, db: str, seed: int) -> None:
    """In a process of its own: generate_articles on a fresh database, timed."""
    _setup.configure(f"import_baseline_{count}", db)
    from django.core.management import call_command
    from generate import generate_articles

    call_command("migrate", verbosity=0)
    # The frame (regions, types, one article with its authors and photos): not timed.
    call_command("load_demo", limit=1, no_editor=True, stdout=io.StringIO())
    started = time.perf_counter()
    generate_articles(count, seed=seed, log=lambda message: None)
    print(f"baseline: articles={count} seconds={time.perf_counter() - started:.2f}")


def report(posts: int, db: str, first: dict, second: dict, walls: tuple, base: tuple) -> None:
    """The summary, then the one line scripts read, last."""
    (first_wall, second_wall), (measured, base_seconds) = walls, base
    rate = posts / first["seconds"]
    base_rate = measured / base_seconds
    peak = max(first["peak_rss_mb"], second["peak_rss_mb"])
    # Conversion runs in a second process beside the writes; "waiting" is what this one spent
    # waiting for it. Shares are of the run's own seconds.
    phases = {key: first.get(f"{key}_s", 0.0) for key in ("read", "write", "finish", "wait")}
    total = first["seconds"] or 1.0

    def count(numbers: dict, *keys: str) -> str:
        return ", ".join(f"{key} {int(numbers.get(key, 0)):,}" for key in keys)

    print()
    print(f"import, {posts:,} posts on {db}")
    print(
        f"  first run: {first['seconds']:.1f} s = {rate:.1f} posts/s end to end "
        f"({first_wall:.1f} s with the command's start-up)"
    )
    print(
        "    "
        + " | ".join(f"{key} {value:.1f} s ({value / total:.0%})" for key, value in phases.items())
        + f" || converting, beside them: {first.get('convert_s', 0.0):.1f} s"
    )
    print(f"    {count(first, 'items', 'articles', 'pages', 'drafts', 'skipped', 'problems')}")
    print(f"    {count(first, 'created', 'authors', 'images', 'redirects')}")
    print(
        f"    peak RSS {first['peak_rss_mb']:.0f} MB "
        f"(the body converter beside it: {first.get('converter_rss_mb', 0.0):.0f} MB)"
    )
    print(
        f"  re-run: {second['seconds']:.1f} s ({second_wall:.1f} s with start-up); "
        f"{count(second, 'created', 'updated', 'unchanged', 'kept')}; "
        f"peak RSS {second['peak_rss_mb']:.0f} MB"
    )
    note = "" if measured == posts else f" (measured at {measured:,}, not {posts:,}, to save time)"
    print(
        f"  baseline: generate_articles, straight into the tables with no parsing: "
        f"{measured:,} articles in {base_seconds:.1f} s = {base_rate:.1f} posts/s{note}"
    )
    print(f"  a post costs the import {base_rate / rate:.1f}x what it costs the baseline")
    print()
    print(
        f"import: posts={posts} db={db} posts_per_s={rate:.1f} peak_rss_mb={peak:.0f} "
        f"rerun_s={second['seconds']:.1f} rerun_new_objects={int(second['created'])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases and imported photos for a look"
    )
    parser.add_argument("--baseline", type=int, help=argparse.SUPPRESS)  # the baseline's process
    args = parser.parse_args()
    if args.baseline:
        return baseline(args.baseline, args.db, args.seed)
    posts, db = args.posts, args.db
    name = f"import_{posts}"

    run_dir = VAR / f"import-{posts}"
    export, uploads, made = generate(run_dir, posts, args.seed)
    size = export.stat().st_size / 1e6
    pages = max(1, posts // 100)
    print(f"export: {posts:,} posts, {pages:,} pages, {wxr.PHOTOS} photos, {size:,.0f} MB; {made}")
    mapping = run_dir / "mapping.json"
    mapping.write_text(json.dumps(wxr.mapping(), indent=2))

    _setup.configure(name, db)  # a fresh database; the commands below inherit its environment
    env = dict(os.environ, MEDIA_ROOT=str(VAR / f"{name}-media"))
    shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
    print("migrating a fresh database and building the publication's frame", flush=True)
    run(["migrate", "--verbosity", "0"], env, run_dir / "migrate.log", "migrate")
    # The import needs a front page; the publication's frame is the baseline's too.
    frame = ["load_demo", "--limit", "1", "--no-editor"]
    run(frame, env, run_dir / "frame.log", "load_demo")
    command = ["import_content", str(export), "--uploads", str(uploads), "--mapping", str(mapping)]
    print("importing", flush=True)
    output, first_wall = run(command, env, run_dir / "first.log", "import_content")
    first = summary_lines(output, run_dir / "first.log")
    print(f"imported in {first['seconds']:.1f} s; importing again", flush=True)
    output, second_wall = run(command, env, run_dir / "rerun.log", "import_content (re-run)")
    second = summary_lines(output, run_dir / "rerun.log")

    measured = min(posts, BASELINE_MOST)
    print(f"baseline: generate_articles({measured:,}) on a fresh database", flush=True)
    base_log = run_dir / "baseline.log"
    with open(base_log, "w") as out:
        done = subprocess.run(
            [sys.executable, __file__, "--baseline", str(measured), "--db", db]
            + ["--seed", str(args.seed)],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    text = base_log.read_text(errors="replace")
    found = re.search(r"baseline: articles=\d+ seconds=([\d.]+)", text)
    if done.returncode or not found:
        raise SystemExit(f"the baseline failed; see {base_log}\n{text[-4000:]}")
    base_seconds = float(found.group(1))

    if args.keep:
        kept = f"{name!r} and 'import_baseline_{measured}'"
        print(f"kept: databases {kept} ({db}), imported photos in {env['MEDIA_ROOT']}")
    else:
        for database in (name, f"import_baseline_{measured}"):
            drop(database, db)
        shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
    report(posts, db, first, second, (first_wall, second_wall), (measured, base_seconds))


if __name__ == "__main__":
    main()
