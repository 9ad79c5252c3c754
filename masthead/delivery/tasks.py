from django_tasks import task

from masthead.delivery.purge import ban_in_shared_caches


@task(priority=50)  # ahead of long jobs such as a newsletter send
def purge_tags_task(tags: list[str], names: list[str]) -> None:
    """Ban the tags in the shared caches that missed them; banning twice is harmless."""
    missed = [name for name, ok in ban_in_shared_caches(tags, names).items() if not ok]
    if missed:
        raise RuntimeError(f"Varnish did not answer the ban: {', '.join(missed)}")
