"""The rendition sizes each place on a page uses; templates and the pre-renderer share them."""

SIZES = {
    # name: (filter specs, smallest first; the `sizes` attribute for the browser)
    "hero": (["width-640", "width-1000", "width-1400"], "(min-width: 1100px) 1000px, 100vw"),
    "lead": (["fill-640x360", "fill-1000x563"], "(min-width: 1100px) 640px, 100vw"),
    "teaser": (["fill-400x225", "fill-800x450"], "(min-width: 700px) 320px, 100vw"),
    "inline": (["width-640", "width-1000"], "(min-width: 800px) 720px, 100vw"),
    "avatar": (["fill-160x160"], "80px"),
}


def prerender(image) -> None:
    """Generate every rendition a page could ask for, so no reader waits for one."""
    for specs, _ in SIZES.values():
        image.get_renditions(*specs)
