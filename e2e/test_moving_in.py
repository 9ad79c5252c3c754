"""Old addresses of imported publications, asked of the running site: one 301, then a 200."""

import shutil
import urllib.error
import urllib.request

import pytest

from e2e.conftest import REPO_ROOT, running_server

FILES = REPO_ROOT / "masthead" / "importers" / "tests" / "files"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def ask(url: str) -> tuple[int, dict]:
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(urllib.request.Request(url), timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


@pytest.fixture(scope="module")
def server(migrated):
    """A server of its own: imported pieces (a featured one leads the front page) must not
    change the demo the other browser tests read."""
    with running_server(migrated=migrated, demo_limit=1, username="e2e-mover") as live:
        yield live


def test_old_ghost_and_substack_addresses_answer_with_one_301(server, tmp_path):
    ghost = tmp_path / "ghost"
    ghost.mkdir()
    shutil.copy(FILES / "ghost" / "ghost5_site.json", ghost)
    output = server.manage("import_content", str(ghost), "--site-url", "https://ghostly.example")
    assert output.strip().splitlines()[-1].startswith("import: items=9 ")
    server.manage(
        "import_content",
        str(FILES / "substack" / "export"),
        "--site-url",
        "https://harbourletter.substack.example",
        "--author",
        "Harbour Letter",
    )
    for old in (
        "/dawn-at-the-quay/",
        "/tag/harbour/",
        "/author/mira/feed/",
        "/p/tide-tables-explained",
    ):
        for attempt in range(2):  # again, once the first answer could have been kept
            status, headers = ask(server.url(old))
            assert status == 301, (old, attempt, status)
        target = headers["Location"]
        assert ask(server.url(target))[0] == 200, (old, target)
