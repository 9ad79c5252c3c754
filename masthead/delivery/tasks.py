from django_tasks import task

from masthead.delivery.purge import purge_shared_cache


@task(priority=50)  # ahead of long jobs such as a newsletter send
def purge_tags_task(tags: list[str]) -> None:
    """Ban the tags in every shared cache in front; banning twice is harmless."""
    purge_shared_cache(tags)
