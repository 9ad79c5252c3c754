// Lighthouse's accessibility and best-practices audits of several pages, in one Chromium.
//
//     node e2e/lighthouse.mjs CHROMIUM FLAGS URL...
//
// FLAGS is a JSON list of Chromium's command-line flags (e2e/conftest.py's CHROMIUM_ARGS).
//
// Prints one JSON object: for each URL, each category's score (0 to 1) and the audits that
// did not pass, with a few of the elements they found. Used by e2e/test_lighthouse.py.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["accessibility", "best-practices"];

function failures(lhr, category) {
  return lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      found: (audit.details?.items ?? [])
        .slice(0, 3)
        .map((item) => item.node?.snippet ?? item.description ?? item.source?.url ?? item.url ?? ""),
    }));
}

const [chromePath, flags, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: JSON.parse(flags) });
const results = {};
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: CATEGORIES,
      logLevel: "error",
      output: "json",
      disableFullPageScreenshot: true, // not needed for these audits, and slow
    });
    results[url] = {
      error: lhr.runtimeError?.message ?? null,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score])),
      failing: Object.fromEntries(CATEGORIES.map((c) => [c, failures(lhr, c)])),
    };
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(results));
