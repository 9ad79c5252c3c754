from wagtail import hooks

from masthead.delivery import tags


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    """Pages from the tree are cacheable, and purged when they or what they show change."""
    tags.add(tags.page(page.pk))
