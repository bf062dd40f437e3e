/* A background job's page (a theme search, a history import) while the job runs: ask the
   server every few seconds and update the progress bar and the status line in place
   (role="status": read out politely, focus never moves). When the job ends, each
   [data-live-part] is replaced by the finished page's, once. Without JavaScript the page
   refreshes itself (<noscript>). Markup: one element with data-live-poll="URL" holding a
   [role=status] line, optional <progress data-live-progress> and [data-live-part="name"]. */
(function () {
  "use strict";
  var EVERY_MS = 3000;
  var MAX_POLLS = 1200; // an hour; reloading the page still works after that
  var polls = 0;

  function update(root, html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById(root.id);
    if (!fresh) return false;
    var status = root.querySelector('[role="status"]');
    var freshStatus = fresh.querySelector('[role="status"]');
    if (status && freshStatus && status.textContent !== freshStatus.textContent) {
      status.textContent = freshStatus.textContent;
    }
    var bar = root.querySelector("progress[data-live-progress]");
    var freshBar = fresh.querySelector("progress[data-live-progress]");
    if (bar && freshBar) {
      bar.value = freshBar.value;
      bar.textContent = freshBar.textContent;
    }
    if (fresh.getAttribute("data-live-poll")) return true;
    root.removeAttribute("data-live-poll");
    root.querySelectorAll("[data-live-part]").forEach(function (part) {
      var name = part.getAttribute("data-live-part");
      var freshPart = fresh.querySelector('[data-live-part="' + name + '"]');
      part.innerHTML = freshPart ? freshPart.innerHTML : "";
    });
    return false;
  }

  function poll() {
    var root = document.querySelector("[data-live-poll]");
    if (!root || polls++ >= MAX_POLLS) return;
    fetch(root.getAttribute("data-live-poll"), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        if (update(root, html)) window.setTimeout(poll, EVERY_MS);
      })
      .catch(function () {
        window.setTimeout(poll, EVERY_MS * 5); // offline for a moment: try again, slower
      });
  }

  if (document.querySelector("[data-live-poll]")) window.setTimeout(poll, EVERY_MS);
})();
