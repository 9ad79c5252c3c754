// Counts this view, and how far an article was read, with nothing kept in the browser: no
// cookie, no storage. Readers who ask not to be tracked (Do Not Track, Global Privacy Control)
// send nothing; a page prerendered but never shown sends nothing either.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) return;
  if (navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl) return;
  var page = script.getAttribute("data-page") || "0";
  var query = new URLSearchParams(location.search);
  var source = query.get("utm_source") || query.get("ref") || "";

  function send(fields) {
    var body = new URLSearchParams(fields);
    body.set("p", page);
    navigator.sendBeacon("/a/hit", body);
  }

  function depths(text) {
    var sent = {};
    var waiting = false;
    function measure() {
      waiting = false;
      var box = text.getBoundingClientRect();
      var read = box.height > 0 ? ((window.innerHeight - box.top) / box.height) * 100 : 0;
      [25, 50, 75, 100].forEach(function (depth) {
        if (read >= depth && !sent[depth]) {
          sent[depth] = true;
          send({ k: "r", d: String(depth) });
        }
      });
    }
    window.addEventListener("scroll", function () {
      if (!waiting) {
        waiting = true;
        window.requestAnimationFrame(measure);
      }
    }, { passive: true });
    measure();
  }

  function counted() {
    send({ k: "v", r: document.referrer, s: source });
    var text = document.querySelector("[data-read-depth]");
    if (text) depths(text);
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", counted, { once: true });
  } else {
    counted();
  }
})();
