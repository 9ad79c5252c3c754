"""Accessibility (axe-core) and HTML validity (Nu Html Checker) of every public page type."""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from e2e.conftest import DEMO_LIMIT, REPO_ROOT
from masthead.core.demo.content import articles
from masthead.newsroom.views import PER_PAGE

ARTICLES = articles()

pytestmark = [pytest.mark.browser]

AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
JAVA = shutil.which("java") or "/usr/bin/java"
VNU = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

DEMO = ARTICLES[:DEMO_LIMIT]
STALINGRAD = next(a for a in DEMO if a["slug"] == "stalingrad-and-bakhmut-battles-of-attrition")
TOPIC = STALINGRAD["topics"][0]
STORIES = sum(1 for a in DEMO if a["type"] != "brief")  # /latest/ lists everything but briefs

# name -> (path, expected status): one URL of each public page type.
PAGES = {
    "front": ("/", 200),
    "article": (f"/{STALINGRAD['region']}/{STALINGRAD['slug']}/", 200),
    "region": ("/europe/", 200),
    "type": ("/type/analysis/", 200),
    "topic": (f"/topics/{TOPIC}/", 200),
    "author": ("/authors/james-whitfield/", 200),
    "latest": ("/latest/", 200),
    "briefs": ("/briefs/", 200),
    "plain": ("/about/", 200),
    "search": ("/search/?q=attrition&region=europe", 200),
    "search-empty": ("/search/?q=zeppelin", 200),
    "not-found": ("/no-such-page/", 404),
}
if STORIES > PER_PAGE:  # a second page of LATEST exists only when the demo fills more than one
    PAGES["latest-page-2"] = ("/latest/?page=2", 200)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_accessibility_violations(new_context, name):
    path, status = PAGES[name]
    page = new_context(bypass_csp=True).new_page()  # the strict CSP would block the axe script
    response = page.goto(path)
    assert response is not None and response.status == status
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run()")
    violations = result["violations"]
    report = "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    at {' '.join(node['target'])}" for node in v["nodes"][:3])
        + (f"\n    … and {len(v['nodes']) - 3} more" if len(v["nodes"]) > 3 else "")
        for v in violations
    )
    assert violations == [], f"axe found violations on {path}:\n{report}"


@pytest.fixture(scope="session")
def nu_errors(server, tmp_path_factory):
    """Validate every page with one Nu Html Checker run; errors by page name."""
    folder = tmp_path_factory.mktemp("nu")
    files = {}
    for name, (path, status) in PAGES.items():
        got, body = fetch(server.url(path))
        assert got == status, f"{path} answered {got}, expected {status}"
        files[name] = folder / f"{name}.html"
        files[name].write_bytes(body)
    completed = subprocess.run(
        [
            JAVA,
            "-Dnu.validator.servlet.allow-forbidden-hosts=true",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            *map(str, files.values()),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.stdout, f"the Nu Html Checker produced no report: {completed.stderr}"
    by_file = {file.name: name for name, file in files.items()}
    errors = {name: [] for name in files}
    for message in json.loads(completed.stdout)["messages"]:
        if message.get("type") == "info":  # warnings and notes are allowed
            continue
        # "error", or "non-document-error" when a file could not be checked at all
        file_name = Path(message.get("url", "").removeprefix("file:")).name
        assert file_name in by_file, f"unexpected Nu Html Checker message: {message}"
        errors[by_file[file_name]].append(message)
    return errors


@pytest.mark.parametrize("name", PAGES)
def test_nu_html_checker_finds_no_errors(nu_errors, name):
    path, _ = PAGES[name]
    errors = nu_errors[name]
    report = "\n".join(
        f"  {name}.html:{e.get('lastLine', '?')}: {e['message']}"
        + (f"\n    {e['extract'].strip()!r}" if e.get("extract") else "")
        for e in errors
    )
    assert errors == [], f"Nu Html Checker errors on {path}:\n{report}"
