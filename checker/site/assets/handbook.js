// The handbook's page scripts: the language selector that keeps the page, flowcharts, search input,
// wide tables a keyboard can scroll, the offline copy of the site.
(function () {
  "use strict";
  var script = document.currentScript;

  // The language selector's links point at this page in each language (partials/alternate.html),
  // or at each home page on the page-not-found page, which is served at any address. Both sites
  // have the same paths and rule-id anchors, so carry what follows this site's link in the address
  // (the anchor; on a missing page, the path) over to the other site's link.
  function keepPage() {
    var links = document.querySelectorAll("a.md-select__link[hreflang]");
    var here = document.documentElement.lang;
    var own = Array.prototype.filter.call(links, function (link) { return link.hreflang === here; })[0];
    if (!own || location.href.indexOf(own.href) !== 0) { return; }
    var root = own.href;
    var roots = {};
    Array.prototype.forEach.call(links, function (link) { roots[link.hreflang] = link.href; });
    function target(lang) { return roots[lang] + location.href.slice(root.length); }
    Array.prototype.forEach.call(links, function (link) { link.href = target(link.hreflang); });
    // Material sends a click on these links to the other site's home page once it has read its
    // sitemap (which lists one language only): take the click first and keep it from Material.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link || !roots[link.hreflang]) { return; }
      event.preventDefault();
      event.stopPropagation();
      location.href = target(link.hreflang);
    }, true);
  }

  // Flowcharts: load the site's own pinned Mermaid only on pages that have one. It is Mermaid's
  // ES module build: a small entry that imports, from the site, only the chunks a flowchart needs
  // (about a quarter of the whole library).
  var SCRIPT = document.currentScript && document.currentScript.src;

  function loadMermaid() {
    return import(SCRIPT.replace(/handbook\.js(\?.*)?$/, "vendor/mermaid/mermaid.mjs")).then(function (module) {
      return module.default;
    });
  }

  // Every chart is drawn at its own size, shrunk to its box only so far that the smallest
  // text (the English line, 0.8 of 16 px) stays at least 12 px; wider charts scroll in their box.
  var MIN_SCALE = 0.95;

  function fit(chart, svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    if (!box || !box.width) { return; }
    var scale = Math.max(Math.min(1, (chart.clientWidth - 2) / box.width), MIN_SCALE);
    svg.removeAttribute("height");
    svg.setAttribute("width", String(Math.floor(box.width * scale)));
    svg.style.maxWidth = "none";
  }

  // Rules text is escaped by the page builder; Mermaid is also told to refuse every setting a
  // %%{init}%% directive could change, so no chart can restyle the page or load from elsewhere.
  var LOCKED = ["secure", "securityLevel", "startOnLoad", "maxTextSize", "maxEdges", "suppressErrorRendering",
    "theme", "themeCSS", "themeVariables", "fontFamily", "altFontFamily", "fontSize", "darkMode", "htmlLabels",
    "flowchart", "look", "layout", "elk", "handDrawnSeed", "markdownAutoWrap", "wrap", "dompurifyConfig",
    "legacyMathML", "forceLegacyMathML", "deterministicIds", "deterministicIDSeed", "arrowMarkerAbsolute", "logLevel"];

  // A flow page's charts sit in a panel (details.policy-flowcharts) that a wide screen opens at
  // once. No chart of a real flow fits a phone with readable text (its branches sit side by
  // side), so a phone shows the numbered steps first and loads Mermaid only when the reader
  // opens the panel; its charts are drawn with narrower boxes and gaps (about a third less to
  // scroll) and scrolled to their first step. Charts outside a panel draw at once.
  var WIDE = "(min-width: 45em)";  /* the same width as in handbook.css and flows.py */
  var PHONE = { useMaxWidth: false, wrappingWidth: 110, nodeSpacing: 12, rankSpacing: 30, padding: 6 };
  function narrow() { return !(window.matchMedia && window.matchMedia(WIDE).matches); }

  // A chart wider than its box scrolls inside it: start with the chart's first step in view.
  // Mermaid lays charts out top-down, so the first step is the topmost node.
  function showFirstStep(chart, svg) {
    var nodes = svg.querySelectorAll("g.node");
    if (!nodes.length || chart.scrollWidth <= chart.clientWidth) { return; }
    var first = Array.prototype.reduce.call(nodes, function (top, node) {
      return node.getBoundingClientRect().top < top.getBoundingClientRect().top ? node : top;
    });
    var step = first.getBoundingClientRect(), box = chart.getBoundingClientRect();
    chart.scrollLeft += step.left + step.width / 2 - (box.left + box.width / 2);
  }

  // Charts are drawn one after the other (Mermaid draws one at a time), in the order asked.
  var queue = null, drawn = 0;

  function startMermaid() {
    queue = queue || loadMermaid().then(function (mermaid) {
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict", secure: LOCKED,
        flowchart: narrow() ? PHONE : { useMaxWidth: false } });
      return mermaid;
    });
    queue.catch(function () { /* no Mermaid: the source and the numbered steps stay readable */ });
  }

  function draw(charts) {
    if (!charts.length || !SCRIPT) { return; }
    startMermaid();
    charts.forEach(function (chart) {
      chart.classList.add("is-drawing");
      queue = queue.then(function (mermaid) {
        var source = chart.querySelector(".policy-flowchart__source").textContent;
        drawn += 1;
        return mermaid.render("policy-flowchart-" + drawn, source).then(function (result) {
          var holder = document.createElement("div");
          holder.className = "policy-flowchart__svg";
          holder.innerHTML = result.svg;
          chart.appendChild(holder);
          chart.classList.add("is-drawn");
          var svg = holder.querySelector("svg");
          if (svg) { fit(chart, svg); showFirstStep(chart, svg); }
        }).catch(function (error) {
          chart.setAttribute("data-error", String(error && error.message || error));
        }).then(function () { return mermaid; });
      });
    });
    queue.catch(function () {});  // as in startMermaid
  }

  function drawFlowcharts() {
    var waiting = function (scope) {
      return Array.prototype.filter.call(scope.querySelectorAll(".policy-flowchart:not(.is-drawing)"), function (chart) {
        return !chart.closest("details:not([open])");
      });
    };
    var panels = document.querySelectorAll("details.policy-flowcharts");
    var wide = window.matchMedia && window.matchMedia(WIDE);
    function openOnWide() {
      if (wide && wide.matches) { panels.forEach(function (panel) { panel.open = true; }); }
    }
    panels.forEach(function (panel) {
      panel.addEventListener("toggle", function () { if (panel.open) { draw(waiting(panel)); } });
    });
    openOnWide();
    if (panels.length && wide && wide.addEventListener) { wide.addEventListener("change", openOnWide); }  // a phone turned
    draw(waiting(document));
  }

  // Material's search box reads its field only on keyup, on focus and when the index is ready.
  // Text that arrives without a key release (a Chinese input method's commit, a paste from the
  // menu, autofill) was never searched; on a small site the index is ready before the words
  // arrive, so the box kept "键入以开始搜索". Tell Material about every finished input.
  function searchOnInput() {
    var box = document.querySelector("input.md-search__input");
    if (!box) { return; }
    box.addEventListener("input", function (event) {
      if (!event.isComposing) { box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true })); }
    });
    box.addEventListener("compositionend", function () {
      box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  function english() { return (document.documentElement.lang || "").indexOf("en") === 0; }

  // Material's search panel is a dialog without a name; screen readers announce this one.
  function nameSearchDialog() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", english() ? "Search" : "搜索");
    });
    // A wide flowchart scrolls sideways: keyboard users must be able to reach and scroll it.
    document.querySelectorAll(".policy-flowchart:not([tabindex])").forEach(function (chart) { chart.tabIndex = 0; });
  }

  // Material wraps every table in a box that scrolls sideways when the table is wider than the
  // screen (a phone). A keyboard user can only scroll a box that takes the focus: while its table
  // overflows, the box is a focusable group named in the page's language; once the table fits (a
  // wider screen, a phone turned on its side, a box that grew), the box is no stop.
  function reachable(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", english() ? "Table, scrolls sideways" : "表格，可左右滚动");
    } else if (box.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name); });
    }
  }

  function watchWideTables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    if (!window.ResizeObserver) { Array.prototype.forEach.call(boxes, reachable); return; }
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { reachable(entry.target.closest(".md-typeset__scrollwrap")); });
    });
    Array.prototype.forEach.call(boxes, function (box) {
      observer.observe(box);  // the screen's width
      if (box.firstElementChild) { observer.observe(box.firstElementChild); }  // the table's
    });
  }

  // The site's service worker (sw.js at the site's root, beside assets/): once the page has loaded,
  // it is registered and told every page this one links to and every file it loaded (a flow page:
  // Mermaid's modules too), so the next visit opens any page and the checker without a network.
  // <html data-offline="ready"> says so.
  // On a first visit the page is not the worker's until the worker claims it: a file fetched
  // before then bypasses it. So the list is made once the page is the worker's (or after a few
  // seconds, if it never becomes so: a hard reload), when every such file is in the page's record.
  function controlled() {
    var worker = navigator.serviceWorker;
    if (worker.controller) { return Promise.resolve(); }
    return new Promise(function (done) {
      worker.addEventListener("controllerchange", done, { once: true });
      setTimeout(done, 3000);
    });
  }

  function keepOffline() {
    if (!("serviceWorker" in navigator) || !window.isSecureContext || !script || !script.src) { return; }
    var root = new URL("../", script.src).href;
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return controlled().then(function () { return registration; });
    }).then(function (registration) {
      // Material's search index is fetched by its search worker, whose requests the page's record
      // never lists (and which bypass the worker if they start before it claims the page).
      var urls = [location.href.split("#")[0], root + "search/search_index.json"];
      Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (link) { urls.push(link.href.split("#")[0]); });
      performance.getEntriesByType("resource").forEach(function (entry) { urls.push(entry.name.split("#")[0]); });
      urls = urls.filter(function (url, index) { return url.indexOf(location.origin + "/") === 0 && urls.indexOf(url) === index; });
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { document.documentElement.setAttribute("data-offline", "ready"); };
      registration.active.postMessage({ keep: urls }, [channel.port2]);
    }).catch(function () {});
  }

  // A wide screen draws a flow page's charts at once: start fetching Mermaid now, while the
  // theme's own scripts start, rather than when the page has finished loading them.
  if (SCRIPT && !narrow() && document.querySelector(".policy-flowchart")) { startMermaid(); }

  function ready() {
    keepPage(); drawFlowcharts(); searchOnInput(); nameSearchDialog();
    // Material's own hook for page scripts: it emits once Material has wrapped the tables.
    if (window.document$ && window.document$.subscribe) { window.document$.subscribe(watchWideTables); } else { watchWideTables(); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  if (document.readyState === "complete") { keepOffline(); } else { window.addEventListener("load", keepOffline); }
})();
