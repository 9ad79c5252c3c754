// The import's progress page: asks the server every two seconds how far the run has come,
// moves the bar and the counts, and opens the report once the run has finished. Without
// JavaScript the page reloads itself (a <noscript> refresh) and shows the report the same way.
(function () {
  "use strict";
  var root = document.querySelector("[data-import-progress]");
  if (!root) {
    return;
  }
  var bar = root.querySelector("[data-import-bar]");
  var items = root.querySelector("[data-import-items]");
  var status = root.querySelector("[data-import-status]");
  var noWorker = root.querySelector("[data-import-no-worker]");
  var lastStatus = null;
  var failures = 0;

  function say(text) {
    if (status.textContent !== text) {
      status.textContent = text;
    }
  }

  function show(data) {
    if (data.items_total) {
      bar.max = 100;
      bar.value = data.percent;
      bar.textContent = data.percent + "%";
      items.textContent =
        data.percent + "%: " + data.items_done + " of " + data.items_total + " items";
    } else {
      items.textContent = data.items_done + " items so far";
    }
    Object.keys(data.counts || {}).forEach(function (key) {
      var cell = root.querySelector('[data-import-made="' + key + '"]');
      if (cell) {
        cell.textContent = data.counts[key];
      }
    });
    Object.keys(data.problems || {}).forEach(function (kind) {
      var cell = root.querySelector('[data-import-count="' + kind + '"]');
      if (cell) {
        cell.textContent = data.problems[kind];
      }
    });
    if (noWorker && data.status !== "queued") {
      noWorker.hidden = true; // a worker has taken it
    }
    if (data.status !== lastStatus || data.cancel_requested) {
      lastStatus = data.status;
      if (data.cancel_requested && !data.finished) {
        say("Cancelling: the import stops when the batch it is writing is done.");
      } else if (data.status === "queued") {
        say("Queued: waiting for the task worker.");
      } else if (data.status === "running") {
        say("Running.");
      } else {
        say(data.status_label + ": opening the report…");
      }
    }
  }

  function poll() {
    fetch(root.dataset.url, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (response) {
        if (response.status === 403 || response.redirected) {
          throw new Error("signed-out");
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        failures = 0;
        show(data);
        if (data.finished) {
          window.location.assign(root.dataset.reportUrl);
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function (error) {
        if (error.message === "signed-out") {
          say("You are no longer signed in: sign in again and reload this page to follow the import.");
          return;
        }
        failures += 1;
        say("The server did not answer (" + error.message + "); trying again. The import goes on meanwhile.");
        window.setTimeout(poll, Math.min(30000, 2000 * Math.pow(2, failures)));
      });
  }

  window.setTimeout(poll, 2000);
})();
