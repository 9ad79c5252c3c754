"""A task for the worker tests: the first run waits to be killed, a later run ends."""

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def slow_task(log_path: str) -> str:
    log = Path(log_path)
    with log.open("a") as file:
        file.write(f"start {os.getpid()}\n")
    if log.read_text().count("start") == 1:
        time.sleep(300)  # the test kills the worker here
    with log.open("a") as file:
        file.write("done\n")
    return "done"
