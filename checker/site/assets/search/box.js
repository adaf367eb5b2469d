// The header's search box on a page without Material's bundle (the checker page, which leaves
// it out to start faster): the same worker and the same results as every other page, drawn in
// the theme's own result list. The worker starts at the first focus, not with the page; Enter
// opens the first result, Escape closes the list.
(function () {
  "use strict";
  var form = document.forms.namedItem("search");
  var script = document.currentScript && document.currentScript.src;
  if (!form || !script) { return; }
  var box = form.querySelector("input");
  var toggle = document.getElementById("__search");
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var words = config.translations || {};
  var base = new URL(config.base || "..", location.href);
  var worker = null, ready = false, waiting = null;

  function start() {
    if (worker) { return; }
    worker = new Worker(script.replace(/box\.js(\?.*)?$/, "worker.js"));
    worker.addEventListener("message", function (event) {
      if (event.data.type === 1) { ready = true; if (waiting !== null) { ask(waiting); } }
      if (event.data.type === 3) { show(event.data.data.items); }
    });
    fetch(new URL("search/search_index.json", base.href.replace(/\/?$/, "/")))
      .then(function (response) { return response.ok ? response.json() : { docs: [] }; })
      .catch(function () { return { docs: [] }; })
      .then(function (index) { worker.postMessage({ type: 0, data: { config: index.config || {}, docs: index.docs || [], options: {} } }); });
  }

  function ask(query) {
    waiting = query;
    if (!ready) { return; }
    waiting = null;
    if (query.trim()) { worker.postMessage({ type: 2, data: query }); } else { show(null); }
  }

  function entry(item, parent) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(item.location, base.href.replace(/\/?$/, "/")).href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    // title and text come from the worker, escaped and marked there
    article.innerHTML = (parent ? '<div class="md-search-result__icon md-icon"></div><h1>' : "<h2>") +
      item.title + (parent ? "</h1>" : "</h2>") + (item.text || "");
    link.appendChild(article);
    return link;
  }

  function show(groups) {
    list.textContent = "";
    if (!groups) { meta.textContent = words["search.result.placeholder"] || ""; return; }
    var count = groups.length;
    meta.textContent = count === 0 ? words["search.result.none"] || ""
      : count === 1 ? words["search.result.one"] || "" : (words["search.result.other"] || "#").replace("#", count);
    groups.forEach(function (group) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      group.forEach(function (doc, index) { item.appendChild(entry(doc, index === 0)); });
      list.appendChild(item);
    });
  }

  box.addEventListener("focus", function () { toggle.checked = true; start(); });
  box.addEventListener("input", function () { start(); ask(box.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a.md-search-result__link[href*='#']") || list.querySelector("a");
    if (first) { location.href = first.href; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) { toggle.checked = false; box.blur(); }
  });
})();
