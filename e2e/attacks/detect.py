"""How the browser tells that a payload ran, or could run, on a page Chromium loaded.

Five witnesses, any of which fails the test:
- the marker: `window.__xss(N)`, installed before any of the page's own scripts (an init
  script), and reported to Python through an exposed binding, from any frame;
- a dialog (`alert`, `confirm`, `prompt`), a console error or an uncaught exception;
- a Content Security Policy violation: `securitypolicyviolation` events, and any CSP report
  the browser sends (the site's policy names no report-uri today; one added later counts);
- a request to `/xss-beacon/…`, which only markup that became live would make;
- the DOM itself (`AUDIT`): an element or attribute that no page of ours contains and that
  would run or load something (a script that is not our JSON-LD, an event handler, a
  `javascript:` link, a frame, a `<base>`, a meta refresh, an inline style…), which catches a
  payload that waits for a hover or a click as surely as one that fires on load.
"""

import html
import re
from dataclasses import dataclass, field

INIT_SCRIPT = r"""
(() => {
  const report = (kind, detail) => {
    try { window.__xssSeen(kind, String(detail)); } catch (error) {}
  };
  Object.defineProperty(window, '__xss', {
    value: (n) => report('marker', n), writable: false, configurable: false,
  });
  document.addEventListener('securitypolicyviolation', (event) => report(
    'csp', `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`
  ), true);
})();
"""

AUDIT = r"""
(options) => {
  const found = [];
  const say = (what, el) => found.push(`${what}: ${(el.outerHTML || '').slice(0, 160)}`);
  // What browsers ignore in a URL's scheme: controls, spaces, invisible characters.
  const IGNORED = new RegExp('[\\u0000-\\u0020\\u007f-\\u00a0\\u00ad\\u1680\\u180e'
    + '\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u206f\\u3000\\ufeff]', 'g');
  const bare = (v) => (v || '').replace(IGNORED, '').toLowerCase();
  const SCRIPT_SCHEME = /^(javascript|vbscript|livescript|mocha|data):/;
  const URLS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
    'background', 'ping', 'codebase', 'cite', 'dynsrc', 'lowsrc', 'archive', 'longdesc',
    'usemap', 'manifest', 'icon', 'profile', 'classid', 'srcset']);
  const NEVER = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'applet', 'portal', 'base', 'svg', 'math', 'textarea', 'xmp', 'plaintext', 'noembed',
    'noscript', 'listing', 'template', 'marquee', 'video', 'audio', 'isindex', 'keygen',
    'bgsound', 'layer', 'ilayer', 'set', 'animate', 'handler', 'foreignobject']);
  const PLAYERS = /^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//;
  const ours = (url) => {
    try {
      return new URL(url, location.href).origin === location.origin;
    } catch (e) {
      return false;
    }
  };
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (tag === 'script' && el.type === 'application/ld+json'
        && el.parentElement === document.head) {
      // JSON-LD: data, never run. Checked as JSON from the page's source.
    } else if (tag === 'script' && el.src && ours(el.src)
               && new URL(el.src).pathname.startsWith('/static/')) {
      // our own script files
    } else if (tag === 'noscript' && el.parentElement === document.body
               && /^<img class="beacon" src="\/a\/hit\.gif\?p=\d+" alt="" width="1" height="1">$/
                 .test(el.textContent.trim())) {
      // the readership beacon's image, for readers without JavaScript
    } else if (tag === 'iframe' && PLAYERS.test(el.src) && !el.hasAttribute('srcdoc')) {
      // a video player the site allows (an embed block)
    } else if (NEVER.has(tag) || tag.includes(':')) {
      say(`<${tag}> element`, el);
    }
    if (options.page) {
      if (tag === 'meta' && (el.httpEquiv || el.parentElement !== document.head)) say('<meta>', el);
      const LINKS = ['stylesheet', 'alternate', 'canonical', 'icon', 'apple-touch-icon',
        'manifest'];
      if (tag === 'link' && (el.parentElement !== document.head || !LINKS.includes(el.rel)
          || (el.rel !== 'alternate' && el.rel !== 'canonical' && !ours(el.href)))) {
        say('<link>', el);
      }
      if (tag === 'title' && el.parentElement !== document.head) say('<title> in the body', el);
      if (tag === 'form' && el.hasAttribute('action') && !ours(el.getAttribute('action'))) {
        say('a form that posts elsewhere', el);
      }
    }
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) say(`${name} handler`, el);
      if (name === 'srcdoc' || name === 'formaction') say(`${name} attribute`, el);
      if (name === 'style') {
        const safe = options.page
          ? tag === 'div' && /^padding-bottom:\s*[\d.]+%;?$/.test(value.trim())  // an embed's box
          : options.styles
            && !/url\s*\(|expression|javascript|behavior|binding|@import|\\/i.test(value);
        if (!safe) say('style attribute', el);
      }
      if ((name === 'id' || name === 'name') && value.includes('__xss')) {
        say('clobbers the marker', el);
      }
      if (URLS.has(name)) {
        const parts = name === 'srcset' || name === 'ping' ? value.split(/[\s,]+/) : [value];
        for (const part of parts) {
          const v = bare(part);
          const image = v.startsWith('data:image/') && (tag === 'img' || tag === 'source');
          if (SCRIPT_SCHEME.test(v) && !image) say(`${name}=${v.slice(0, 40)}`, el);
          try {
            if (new URL(part.trim(), location.href).pathname.includes('/xss-beacon/')) {
              say(`${name} to a beacon`, el);
            }
          } catch (e) {}
        }
      }
    }
  }
  if (document.title.startsWith('pwned-')) found.push(`document.title was set: ${document.title}`);
  if (options.page) {
    if (document.querySelectorAll('footer.site-footer').length !== 1) {
      found.push('the site footer is missing or doubled: markup swallowed the rest of the page');
    }
    if (document.querySelectorAll('main#main').length !== 1) found.push('the <main> is missing');
  }
  return found;
}
"""

# A document's own failed load (an expected 404 or 400) is logged as a console error too, and so
# is the /favicon.ico the browser asks for by itself (the site has none).
OWN_STATUS = re.compile(r"^Failed to load resource: the server responded with a status of \d+")


# What counts on the admin's screens, which run scripts of their own and have no strict policy.
RAN = ("marker", "dialog", "beacon", "title")


@dataclass
class Finding:
    where: str
    kind: str  # marker, csp, dialog, console, exception, beacon, report, markup, title, moved
    what: str

    def __str__(self):
        return f"{self.where}: {self.what}"


@dataclass
class Watch:
    """Everything the witnesses saw, page by page, while one browser context was open."""

    findings: list[Finding] = field(default_factory=list)
    current: str = "(no page yet)"

    def attach(self, context) -> None:
        context.add_init_script(INIT_SCRIPT)
        context.expose_binding("__xssSeen", self._seen)
        context.on("page", self._page)

    def _seen(self, source, kind, detail):
        frame = source.get("frame")
        where = frame.url if frame is not None and frame.url != "about:blank" else self.current
        self.findings.append(Finding(where[:200], kind, f"{kind} {detail}"))

    def _page(self, page) -> None:
        page.on("dialog", self._dialog)
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.add("exception", f"uncaught exception: {error}"))
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.add("dialog", f"{dialog.type} dialog opened: {dialog.message[:100]}")
        dialog.dismiss()

    def _console(self, page, message) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "") if message.location else ""
        own = location.split("#")[0] == page.url.split("#")[0]
        if OWN_STATUS.match(message.text) and (own or location.endswith("/favicon.ico")):
            return  # the page's own status, or the icon the browser asks every site for
        self.add("console", f"console error: {message.text[:300]}")

    def _request(self, request) -> None:
        if "/xss-beacon/" in request.url:
            self.add("beacon", f"request to a beacon: {request.url[:200]}")
        if request.resource_type in ("cspreport", "csp_report"):
            self.add("report", f"CSP report sent: {request.post_data or ''}"[:300])

    def add(self, kind: str, what: str) -> None:
        self.findings.append(Finding(self.current[:200], kind, what))

    def audit(self, page, *, kind: str) -> None:
        """Let timers, focus and animations a payload may use fire, then read the DOM.

        `kind`: "page" (ours: strict), "email" (inline styles allowed, if inert), "feed"."""
        page.wait_for_timeout(150)
        options = {"page": kind == "page", "styles": kind == "email"}
        for what in page.evaluate(AUDIT, options):
            self.add("title" if what.startswith("document.title") else "markup", what)
        if kind == "page" and page.url.split("#")[0] != self.current.split("#")[0]:
            self.add("moved", f"the page went elsewhere: {page.url[:200]}")

    def ran(self) -> list[Finding]:
        """What shows a payload ran (not only that markup got through)."""
        return [finding for finding in self.findings if finding.kind in RAN]


def watched(browser, timeout_ms: int, **options):
    """A new browser context with the witnesses in place, and its Watch."""
    context = browser.new_context(**options)
    context.set_default_timeout(timeout_ms)
    watch = Watch()
    watch.attach(context)
    return context, watch


def document(title: str, parts: list[tuple[str, str]]) -> str:
    """An HTML page of feed fields as a feed reader shows them: ("html", markup) is put in as
    it is, ("text", words) escaped."""
    body = "\n".join(
        f"<div>{value if kind == 'html' else html.escape(value)}</div>" for kind, value in parts
    )
    head = f"<head><meta charset=utf-8><title>{html.escape(title)}</title></head>"
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>"
