// Language switch for the handbook: 中文, 中英 (both) or English, remembered in this browser.
(function () {
  "use strict";
  var KEY = "handbook-lang";
  var CHOICES = [["zh", "中文", "只显示中文"], ["both", "中/EN", "中英对照 · Chinese and English"], ["en", "EN", "English only"]];

  function stored() {
    try { return localStorage.getItem(KEY) || "both"; } catch (error) { return "both"; }
  }

  function apply(choice) {
    document.documentElement.setAttribute("data-handbook-lang", choice);
    var buttons = document.querySelectorAll(".handbook-lang button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].value === choice));
    }
  }

  function mount() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".handbook-lang")) { apply(stored()); return; }
    var group = document.createElement("div");
    group.className = "handbook-lang";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "语言 · Language");
    CHOICES.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.value = choice[0];
      button.textContent = choice[1];
      button.title = choice[2];
      button.addEventListener("click", function () {
        try { localStorage.setItem(KEY, choice[0]); } catch (error) { /* private mode: not remembered */ }
        apply(choice[0]);
      });
      group.appendChild(button);
    });
    var search = header.querySelector(".md-search");
    header.insertBefore(group, search || null);
    apply(stored());
  }

  // Flowcharts: load the site's own pinned Mermaid only on pages that have one.
  var SCRIPT = document.currentScript && document.currentScript.src;

  function loadMermaid() {
    if (window.mermaid) { return Promise.resolve(window.mermaid); }
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = SCRIPT.replace(/handbook\.js(\?.*)?$/, "vendor/mermaid.min.js");
      tag.onload = function () { resolve(window.mermaid); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function toolbar(chart) {
    var tools = document.createElement("div");
    tools.className = "policy-flowchart__tools";
    tools.setAttribute("role", "group");
    tools.setAttribute("aria-label", "流程图大小 · Flowchart size");
    [["fit", "适应宽度 · Fit"], ["actual", "原始大小 · Actual size"]].forEach(function (mode) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = mode[1];
      button.setAttribute("aria-pressed", String(mode[0] === "actual"));
      button.addEventListener("click", function () {
        chart.classList.toggle("is-fit", mode[0] === "fit");
        var all = tools.querySelectorAll("button");
        for (var i = 0; i < all.length; i++) { all[i].setAttribute("aria-pressed", String(all[i] === button)); }
      });
      tools.appendChild(button);
    });
    chart.parentNode.insertBefore(tools, chart);
  }

  function drawFlowcharts() {
    var charts = document.querySelectorAll(".policy-flowchart:not(.is-drawn)");
    if (!charts.length || !SCRIPT) { return; }
    loadMermaid().then(function (mermaid) {
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict", flowchart: { useMaxWidth: false } });
      Array.prototype.forEach.call(charts, function (chart, index) {
        var source = chart.querySelector(".policy-flowchart__source").textContent;
        mermaid.render("policy-flowchart-" + index, source).then(function (result) {
          var holder = document.createElement("div");
          holder.className = "policy-flowchart__svg";
          holder.innerHTML = result.svg;
          chart.appendChild(holder);
          chart.classList.add("is-drawn");
          toolbar(chart);
          var first = holder.querySelector("g.node");  // the flow's first step
          if (first) {
            var box = first.getBoundingClientRect(), frame = chart.getBoundingClientRect();
            chart.scrollLeft += box.left - frame.left - (frame.width - box.width) / 2;
          }
        }).catch(function (error) {
          chart.setAttribute("data-error", String(error && error.message || error));
        });
      });
    }).catch(function () { /* the source and the numbered steps stay readable */ });
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

  // Material's search panel is a dialog without a name; screen readers announce this one.
  function nameSearchDialog() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      dialog.setAttribute("aria-label", "搜索 · Search");
    });
    // A wide flowchart scrolls sideways: keyboard users must be able to reach and scroll it.
    document.querySelectorAll(".policy-flowchart:not([tabindex])").forEach(function (chart) { chart.tabIndex = 0; });
  }

  apply(stored());
  function ready() { mount(); drawFlowcharts(); searchOnInput(); nameSearchDialog(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
