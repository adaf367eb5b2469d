// Before the Python runtime is ready, the checker's first screen is plain HTML rendered at
// build time. This keeps every click or form made in that moment, so that app.py can replay
// them once it starts: nothing the user does is lost. It holds no policy logic.
(function () {
  "use strict";
  window.__pcQueue = window.__pcQueue || [];

  var root = document.getElementById("policy-checker");
  if (!root) { return; }

  function waiting() {
    var note = root.querySelector(".pc-loading");
    if (note) { note.hidden = false; }
    root.setAttribute("aria-busy", "true");
  }

  root.addEventListener("click", function (event) {
    if (window.__pcReady) { return; }
    var target = event.target.closest("[data-action]");
    if (!target || target.tagName === "FORM") { return; }
    event.preventDefault();
    window.__pcQueue.push({ action: target.dataset.action, question: target.dataset.question || null,
                            value: target.dataset.value || null, copy: target.dataset.copy || null });
    waiting();
  });

  root.addEventListener("submit", function (event) {
    if (window.__pcReady) { return; }
    var form = event.target.closest("form[data-action]");
    if (!form) { return; }
    event.preventDefault();
    window.__pcQueue.push({ action: "submit", question: form.dataset.question, value: form.querySelector("input").value,
                            copy: null });
    waiting();
  });
})();
