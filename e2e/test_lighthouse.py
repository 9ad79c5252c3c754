"""Lighthouse scores 100 for accessibility and best practices on every public page type.

Outside checkers run Lighthouse on a publication before anything else. One Node process
(`e2e/lighthouse.mjs`) audits every page in one Chromium; each page type is then a test of
its own that names the audits it failed. The 404 page is left out: Lighthouse refuses to audit
a page that answers 404 (test_quality.py checks it with axe and the Nu Html Checker).
"""

import json
import subprocess

import pytest

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT
from e2e.test_newsletter import shell
from e2e.test_quality import PAGES

pytestmark = [pytest.mark.browser]

RUNNER = REPO_ROOT / "e2e" / "lighthouse.mjs"
SECONDS_PER_PAGE = 60  # a generous bound for one audit on a shared 2-core machine
# Page types test_quality.py does not list, and the sent issue this module makes.
MORE_PAGES = {
    "corrections": "/corrections/",
    "privacy": "/privacy/",
    "newsletter-signup": "/newsletter/",
    "newsletter-check-email": "/newsletter/check-your-email/",
}
ISSUE = "newsletter-issue"
NAMES = [name for name, (_, status) in PAGES.items() if status == 200] + [*MORE_PAGES, ISSUE]

# A round-up as the web archive shows it once sent: the newsletter's page type of its own.
SENT_ISSUE = """
import datetime, json
from django.utils import timezone
from masthead.newsletter.models import Issue, IssueItem
from masthead.newsletter.site import default_newsletter
from masthead.newsroom.models import ArticlePage
issue = Issue.objects.create(
    newsletter=default_newsletter(), subject="The week in review, audited", slug="lighthouse-audit",
    introduction="Three pieces worth your time.", state=Issue.State.SENT,
    week_of=datetime.date(2020, 1, 6), sent_at=timezone.now() - datetime.timedelta(days=2000),
)
for order, article in enumerate(ArticlePage.objects.live().order_by("-first_published_at")[:3]):
    IssueItem.objects.create(issue=issue, article=article, sort_order=order)
print("RESULT " + json.dumps(issue.get_absolute_url()))
"""


@pytest.fixture(scope="module")
def audited(server):
    """Lighthouse's findings for each page type, by name."""
    pages = {name: PAGES[name][0] for name in NAMES if name in PAGES}
    pages |= MORE_PAGES | {ISSUE: shell(server, SENT_ISSUE)}
    urls = {name: server.url(path) for name, path in pages.items()}
    done = subprocess.run(
        ["node", str(RUNNER), CHROMIUM, json.dumps(CHROMIUM_ARGS), *urls.values()],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS_PER_PAGE * len(urls),
    )
    assert done.returncode == 0, f"Lighthouse failed:\n{done.stderr[-3000:]}"
    results = json.loads(done.stdout)
    return {name: (pages[name], results[url]) for name, url in urls.items()}


@pytest.mark.parametrize("name", NAMES)
def test_lighthouse_scores_100_for_accessibility_and_best_practices(audited, name):
    path, result = audited[name]
    assert result["error"] is None, f"Lighthouse could not audit {path}: {result['error']}"
    report = "\n".join(
        f"  {category}: {audit['id']} ({audit['title']})"
        + "".join(f"\n    {found}" for found in audit["found"] if found)
        for category, audits in result["failing"].items()
        for audit in audits
    )
    assert result["scores"] == {"accessibility": 1, "best-practices": 1}, (
        f"Lighthouse on {path}: {result['scores']}\n{report}"
    )
