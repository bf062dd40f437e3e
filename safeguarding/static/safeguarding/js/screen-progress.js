/* A screen of a file in progress: ask the server every few seconds and update the progress
   bar and the status line in place (role="status": read out politely, focus never moves).
   When it finishes, the summary and the download appear. Without JavaScript the page
   refreshes itself (<noscript>) and has a "Check progress now" link. */
(function () {
  "use strict";
  var EVERY_MS = 3000;
  var MAX_POLLS = 1200; // an hour: after that, the link still works
  var polls = 0;

  function update(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("screen-job");
    var here = document.getElementById("screen-job");
    if (!fresh || !here) return false;
    var bar = document.getElementById("screen-progress");
    var freshBar = doc.getElementById("screen-progress");
    if (bar && freshBar) {
      bar.value = freshBar.value;
      bar.textContent = freshBar.textContent;
    }
    var status = document.getElementById("screen-status");
    var freshStatus = doc.getElementById("screen-status");
    if (status && freshStatus && status.textContent !== freshStatus.textContent) {
      status.textContent = freshStatus.textContent;
    }
    var running = fresh.getAttribute("data-running") === "true";
    if (!running) {
      var outcome = document.getElementById("screen-outcome");
      var freshOutcome = doc.getElementById("screen-outcome");
      if (outcome && freshOutcome) outcome.innerHTML = freshOutcome.innerHTML;
      if (!freshStatus) here.innerHTML = fresh.innerHTML; // deleted meanwhile
    }
    return running;
  }

  function poll() {
    var here = document.getElementById("screen-job");
    if (!here || polls++ >= MAX_POLLS) return;
    fetch(here.getAttribute("data-poll-url"), {
      credentials: "same-origin",
      headers: { "X-Requested-With": "XMLHttpRequest" },
    })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        if (update(html)) window.setTimeout(poll, EVERY_MS);
      })
      .catch(function () {
        window.setTimeout(poll, EVERY_MS * 5); // offline for a moment: try again, slower
      });
  }

  var start = document.getElementById("screen-job");
  if (start && start.getAttribute("data-running") === "true") window.setTimeout(poll, EVERY_MS);
})();
