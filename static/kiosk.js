// The kiosk's idle lock, counted from the last interaction rather than from the page load
// (web/kiosk.rs). Typing, tapping or scrolling restarts the count; an interaction that
// makes no request is reported (at most every 15 s) so the server's idle clock agrees.
// When the count runs out the Lock form is submitted, which ends the session. Without
// JavaScript the page's <noscript> meta refresh shows the lock screen instead.
(function () {
  "use strict";
  var body = document.body;
  var idleMs = Number(body.getAttribute("data-idle-seconds")) * 1000;
  var lockForm = document.getElementById("kiosk-lock");
  var seenUrl = body.getAttribute("data-seen-url");
  if (!lockForm || !(idleMs > 0)) {
    return;
  }
  var token = lockForm.querySelector("input[name=csrf_token]").value;
  var timer = null;
  var reportedAt = Date.now();

  function lock() {
    lockForm.submit();
  }

  function report() {
    var form = new URLSearchParams();
    form.set("csrf_token", token);
    fetch(seenUrl, { method: "POST", body: form, credentials: "same-origin", redirect: "manual" })
      .then(function (res) {
        // Locked on the server (idle too long elsewhere, or signed out): show the lock.
        if (res.type === "opaqueredirect" || res.status >= 300) {
          lock();
        }
      })
      .catch(function () {});
  }

  function restart() {
    window.clearTimeout(timer);
    timer = window.setTimeout(lock, idleMs);
    if (Date.now() - reportedAt > 15000) {
      reportedAt = Date.now();
      report();
    }
  }

  ["pointerdown", "keydown", "input", "touchstart", "scroll"].forEach(function (name) {
    document.addEventListener(name, restart, { passive: true, capture: true });
  });
  restart();
})();
