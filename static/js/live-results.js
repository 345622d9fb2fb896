// Live results. A contest page (or embed) whose count is live holds a `[data-live-results]`
// element naming the contest's API address and the poll interval in milliseconds. Every
// interval this asks the API with the last ETag (If-None-Match; the API answers 304 while
// nothing changed), writes new figures into the `[data-live-field]` cells and says what
// changed in the polite live region, so a screen reader hears it without losing its place.
// Without JavaScript the page says when its figures were updated and links to reload.
(function () {
  "use strict";

  function percent(value) {
    var number = Number(value);
    // As the page prints it (Django's floatformat:"-2"): 56 or 56.04.
    return (number % 1 === 0 ? String(number) : number.toFixed(2)) + "%";
  }

  function shown(field, value) {
    if (value === null || value === undefined) return "not reported";
    if (field === "reported_share" || field === "reporting_percent") return percent(value);
    return String(value);
  }

  var LABELS = {
    votes: "Votes",
    reported_share: "Reported share",
    delegates_won: "Delegates",
    reporting_percent: "Reporting",
  };

  function update(box, contest) {
    var changes = [];
    function write(cell, field, value, whose) {
      var text = shown(field, value);
      if (cell.textContent.trim() === text) return;
      cell.textContent = text;
      changes.push(LABELS[field] + (whose ? " for " + whose : "") + ": " + text);
    }
    box.querySelectorAll("[data-live-field]:not([data-live-candidate])").forEach(function (cell) {
      var field = cell.getAttribute("data-live-field");
      write(cell, field, contest[field], "");
    });
    (contest.results || []).forEach(function (result) {
      var slug = result.candidate.slug;
      box.querySelectorAll('[data-live-candidate="' + CSS.escape(slug) + '"]').forEach(function (cell) {
        var field = cell.getAttribute("data-live-field");
        write(cell, field, result[field], result.candidate.full_name);
      });
    });
    return changes;
  }

  function start(box) {
    var url = box.getAttribute("data-live-results");
    var interval = Number(box.getAttribute("data-live-interval")) || 30000;
    var region = box.querySelector("[data-live-announce]");
    var checked = box.querySelector("[data-live-checked]");
    var etag = null;

    function poll() {
      var headers = { Accept: "application/json" };
      if (etag) headers["If-None-Match"] = etag;
      fetch(url, { headers: headers, cache: "no-store", credentials: "omit" })
        .then(function (response) {
          if (response.status === 304 || !response.ok) return null;
          etag = response.headers.get("ETag");
          return response.json();
        })
        .then(function (contest) {
          if (checked) checked.textContent = new Date().toLocaleTimeString();
          if (!contest) return;
          var changes = update(box, contest);
          if (changes.length && region) region.textContent = "Figures updated. " + changes.join("; ") + ".";
          if (contest.count_status !== "counting") clearInterval(timer);
        })
        .catch(function () {
          // Offline or the server is busy: the next poll tries again.
        });
    }

    box.querySelectorAll("[data-live-js]").forEach(function (node) {
      node.hidden = false;
    });
    var timer = setInterval(poll, interval);
    poll();
  }

  document.querySelectorAll("[data-live-results]").forEach(start);
})();
