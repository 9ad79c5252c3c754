"""A run's counts and problems, kept as it goes: in the database for the admin's report page,
and handed to whoever prints them (the command)."""

from collections import Counter
from collections.abc import Callable

from masthead.importers.models import ImportProblem, ImportRun

FLUSH_EVERY = 500
COUNTS = ("items", "articles", "pages", "authors", "images", "redirects", "drafts", "skipped")


class Report:
    def __init__(self, run: ImportRun | None = None, echo: Callable[[str], None] | None = None):
        self.run = run
        self.echo = echo
        self.counts: Counter[str] = Counter({name: 0 for name in COUNTS})
        self.changes: Counter[str] = Counter()  # created, updated, unchanged, kept
        self.problem_count = 0
        self.pending: list[ImportProblem] = []

    def add(self, kind: str, message: str, where: str = "", page_id: int | None = None) -> None:
        if kind == ImportProblem.PROBLEM:
            self.problem_count += 1
        if self.echo:
            label = dict(ImportProblem.KINDS)[kind].lower()
            self.echo(f"{label}: {where}: {message}" if where else f"{label}: {message}")
        if self.run is not None:
            self.pending.append(
                ImportProblem(
                    run=self.run, kind=kind, where=where[:400], message=message, page_id=page_id
                )
            )
            if len(self.pending) >= FLUSH_EVERY:
                self.flush()

    def problem(self, message: str, where: str = "", page_id: int | None = None) -> None:
        self.add(ImportProblem.PROBLEM, message, where, page_id)

    def flush(self) -> None:
        if self.pending:
            ImportProblem.objects.bulk_create(self.pending)
            self.pending = []

    def line(self, seconds: float) -> str:
        counts = " ".join(f"{name}={self.counts[name]}" for name in COUNTS)
        return f"import: {counts} problems={self.problem_count} seconds={seconds:.1f}"
