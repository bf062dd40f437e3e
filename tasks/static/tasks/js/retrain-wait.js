/* After "Retrain now": ask the server every few seconds whether the new version is there and
   update the status line in place (role="status": read out politely, focus never moves). The
   page itself never reloads under the reader; without JavaScript it refreshes (<noscript>). */
(function () {
  "use strict";
  var EVERY_MS = 3000;

  function poll() {
    var here = document.getElementById("retrain-status");
    var next = here && here.getAttribute("data-poll-url");
    if (!next) return;
    fetch(next, { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        var fresh = new DOMParser()
          .parseFromString(html, "text/html")
          .getElementById("retrain-status");
        if (!fresh) return;
        here.className = fresh.className;
        here.innerHTML = fresh.innerHTML;
        var again = fresh.getAttribute("data-poll-url");
        if (again) {
          here.setAttribute("data-poll-url", again);
          window.setTimeout(poll, EVERY_MS);
          return;
        }
        here.removeAttribute("data-poll-url");
        if (here.getAttribute("data-done") !== null || fresh.getAttribute("data-done") !== null) {
          // The figures below are the old version's: offer the new ones, never reload.
          var p = document.createElement("p");
          var a = document.createElement("a");
          a.href = window.location.pathname;
          a.textContent = "Show the figures for the new version";
          p.appendChild(a);
          here.appendChild(p);
        }
      })
      .catch(function () {
        window.setTimeout(poll, EVERY_MS * 5); // offline for a moment: try again, slower
      });
  }

  window.setTimeout(poll, EVERY_MS);
})();
