"""What outside checkers measured of the layout, measured again in Chromium: the main navigation's
targets on phones and its single line on laptop screens, and no gap under the front page's lead
story on wide ones."""

import pytest

pytestmark = [pytest.mark.browser]

NAV_LINKS = """() => [...document.querySelectorAll('.site-nav a')].map(a => {
  const r = a.getBoundingClientRect();
  return {text: a.textContent, top: r.top, left: r.left, width: r.width, height: r.height};
})"""


def front(new_context, width: int):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/")
    return page


@pytest.mark.parametrize("width", [1280, 1366, 1920])
def test_the_main_navigation_keeps_to_one_line_on_a_laptop_screen(new_context, width):
    links = front(new_context, width).evaluate(NAV_LINKS)
    assert len(links) >= 10
    rows = {round(link["top"]) for link in links}
    assert len(rows) == 1, [(link["text"], round(link["top"])) for link in links]


@pytest.mark.parametrize("width", [320, 375, 768])
def test_every_navigation_link_is_a_large_enough_target_on_a_phone(new_context, width):
    links = front(new_context, width).evaluate(NAV_LINKS)
    for link in links:  # WCAG 2.2, 2.5.8: at least 24 by 24 CSS pixels
        assert link["width"] >= 24 and link["height"] >= 24, link
    for one in links:  # and no two targets overlap
        for other in links:
            if one is not other:
                apart_x = one["left"] + one["width"] <= other["left"] or (
                    other["left"] + other["width"] <= one["left"]
                )
                apart_y = one["top"] + one["height"] <= other["top"] or (
                    other["top"] + other["height"] <= one["top"]
                )
                assert apart_x or apart_y, (one, other)


@pytest.mark.parametrize("width", [1024, 1366, 1920])
def test_the_front_page_leaves_no_gap_under_the_lead_story(new_context, width):
    page = front(new_context, width)
    box = page.evaluate(
        """() => Object.fromEntries(['.front__lead .teaser', '.front__secondary', '.front__latest']
            .map(s => [s, document.querySelector(s).getBoundingClientRect().toJSON()]))"""
    )
    lead, more = box[".front__lead .teaser"], box[".front__secondary"]
    latest = box[".front__latest"]
    assert latest["left"] > lead["right"]  # LATEST beside the lead, not under it
    # The next stories follow the lead in its column, however long LATEST runs beside it.
    assert 0 <= more["top"] - lead["bottom"] < 60, (lead, more, latest)
    assert more["left"] == pytest.approx(lead["left"], abs=1)
