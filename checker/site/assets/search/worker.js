// The sites' search, in the worker Material's search box talks to (same messages: set up,
// ready, query, result). One result per rule, titled by the rule, its text as the snippet;
// questions typed as sentences are understood by words and pairs of characters, without the
// filler the rules file lists (还能, 吗, can I), and the ways people ask about each rule
// (rule `asked`, site `search: synonyms`) count with its title. Ranking is MiniSearch's
// (BM25), from the pinned npm package. The rules' entries come from rules.json beside this
// file; the theme's own entries still serve the hand-written pages.
/* global MiniSearch */
"use strict";

importScripts("../vendor/minisearch.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var HAN = /\p{Script=Han}/u;
var RUNS = /\p{Script=Han}+|[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
var LETTER = /[\p{L}\p{N}]/u;
var MAX_GROUPS = 10;

var state = null;

function normal(text) {
  return String(text || "").normalize("NFKC").toLowerCase().replace(/\u200b/g, "");
}

// Latin words lose a plural or possessive ending, so "refunds" finds "refund".
function stem(word) {
  word = word.replace(/['’]s$/, "");
  if (word.length > 3 && /[^s]s$/.test(word)) { return word.slice(0, -1); }
  return word;
}

// A Chinese run becomes its pairs of characters (a lone character stays whole): words need
// no dictionary, and 洗过 finds a text that says 洗过 wherever it stands.
function tokens(text) {
  var found = [];
  (normal(text).match(RUNS) || []).forEach(function (run) {
    if (!HAN.test(run)) { found.push(stem(run.replace(/[’-]/g, "'"))); return; }
    if (run.length === 1) { found.push(run); return; }
    for (var i = 0; i + 1 < run.length; i++) { found.push(run.slice(i, i + 2)); }
  });
  return found;
}

// A question loses its filler before it is cut: longer Chinese filler wherever it stands,
// a single character only where the browser's word segmenter finds it standing alone (so 会
// goes from 会退吗 but stays in 会员), Latin filler as whole words. Each gap ends a run, so no
// pair of characters spans it.
var WORDS = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

function withoutFiller(text, filler) {
  var cut = normal(text);
  filler.phrases.forEach(function (phrase) { cut = cut.split(phrase).join(" "); });
  if (WORDS) {
    cut = Array.from(WORDS.segment(cut), function (part) {
      return filler.single.has(part.segment) ? " " : part.segment;
    }).join("");
  }
  cut = cut.replace(/[^\p{L}\p{N}'’\-\s]+/gu, " ");  // punctuation ends a word: "it," is "it"
  return cut.split(/\s+/).filter(function (word) { return !filler.latin.has(stem(word)); }).join(" ");
}

function question(text, filler) {
  var kept = tokens(withoutFiller(text, filler));
  return kept.length ? kept : tokens(text);
}

function fillerOf(words) {
  var phrases = [], single = new Set(), latin = new Set();
  words.map(normal).forEach(function (word) {
    if (!HAN.test(word)) { tokens(word).forEach(function (t) { latin.add(t); }); } else if (word.length > 1) { phrases.push(word); } else { single.add(word); }
  });
  phrases.sort(function (a, b) { return b.length - a.length; });
  return { phrases: phrases, single: single, latin: latin };
}

// A Latin term stands alone: no letter before it, and after it none, or a plural "s" alone.
function atWordEdges(text, start, end) {
  var after = text.charAt(end) === "s" ? end + 1 : end;
  return !LETTER.test(text.charAt(start - 1)) && !LETTER.test(text.charAt(after));
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[ch];
  });
}

// The text with every matched word or pair marked; escaped.
function marked(text, terms) {
  var plain = String(text || ""), lower = normal(plain);
  if (lower.length !== plain.length) { return escape(plain); }
  var hit = new Array(plain.length).fill(false);
  terms.forEach(function (term) {
    if (!term) { return; }
    var whole = !HAN.test(term);  // a Latin word is marked only as a whole word ("it" not in "write")
    for (var at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + 1)) {
      if (whole && !atWordEdges(lower, at, at + term.length)) { continue; }
      for (var i = at; i < at + term.length; i++) { hit[i] = true; }
    }
  });
  var html = "", open = false;
  for (var i = 0; i < plain.length; i++) {
    if (hit[i] !== open) { html += hit[i] ? "<mark>" : "</mark>"; open = hit[i]; }
    html += escape(plain[i]);
  }
  return open ? html + "</mark>" : html;
}

function setup(data, rules) {
  var replaced = new Set(rules.replaced), pageOnly = new Set(rules.page_only);
  var pageOf = function (location) { return location.split("#")[0]; };
  var docs = [], pages = {};
  data.docs.forEach(function (doc) {
    var page = pageOf(doc.location);
    if (page === doc.location) { pages[page] = doc.title.replace(/\u200b/g, ""); }
    if (replaced.has(page) || (pageOnly.has(page) && page !== doc.location)) { return; }
    docs.push({ id: "page:" + doc.location, kind: "page", location: doc.location, page: page,
      title: doc.title.replace(/\u200b/g, ""),
      text: String(doc.text || "").replace(/<[^>]*>/g, " ").replace(/\u200b/g, ""), asked: "" });
  });
  rules.rules.forEach(function (rule) {
    docs.push({ id: "rule:" + rule.id, kind: "rule", location: rule.location, page: rule.page,
      page_title: rule.page_title, title: rule.title, text: rule.text, asked: rule.asked.join(" | "),
      flow: rule.flow });
  });
  // A question typed exactly as a rule's `asked` phrasing (filler aside) puts that rule first.
  var phrasings = {};
  rules.rules.forEach(function (rule) {
    rule.asked.forEach(function (words) { (phrasings[compact(words)] = phrasings[compact(words)] || []).push("rule:" + rule.id); });
  });
  var index = new MiniSearch({
    fields: ["title", "asked", "text"],
    storeFields: ["kind", "location", "page", "page_title", "title", "text", "flow"],
    tokenize: tokens,
    processTerm: function (term) { return term; },
  });
  index.addAll(docs);
  return { index: index, pages: pages, flows: rules.flows, filler: fillerOf(rules.filler), phrasings: phrasings };
}

function compact(text) {
  return normal(text).replace(/[\s\p{P}]+/gu, "");
}

function search(query) {
  var terms = question(query, state.filler);
  var exact = new Set((state.phrasings[compact(query)] || []).concat(state.phrasings[compact(withoutFiller(query, state.filler))] || []));
  var hits = state.index.search(terms.join(" "), {
    tokenize: function (text) { return text.split(" "); },
    boost: { title: 3, asked: 3, text: 1 },
    combineWith: "OR",
    // A lone Chinese character (退) finds the pairs it starts; a longer Latin word forgives a typo.
    prefix: function (term) { return term.length === 1 && HAN.test(term) || !HAN.test(term) && term.length > 3; },
    fuzzy: function (term) { return !HAN.test(term) && term.length > 4 ? 0.2 : false; },
    boostDocument: function (id, term, stored) { return exact.has(id) ? 3 : stored && stored.kind === "rule" ? 1 : 0.5; },
  });
  var groups = [], byPage = {};
  hits.forEach(function (hit) {
    if (groups.length >= MAX_GROUPS && !(hit.kind === "page" && byPage[hit.page])) { return; }
    var matched = hit.terms;
    // The theme marks these words on the page a result opens (its search.highlight feature).
    var shown = {};
    matched.forEach(function (term) { if (term.length > 1) { shown[term] = true; } });
    var item = { location: hit.location, title: marked(hit.title, matched), text: hit.kind === "rule" ? "<p>" + marked(hit.text, matched) + "</p>" : marked(hit.text, matched),
      score: hit.score, terms: shown };
    if (hit.kind === "rule") {
      var group = [{ location: hit.page, title: escape(hit.page_title), text: "", score: hit.score, terms: {} }, item];
      var flow = hit.flow && state.flows[hit.flow];
      if (flow) { group.push({ location: flow.location, title: escape(flow.title), text: "", score: hit.score, terms: {} }); }
      groups.push(group);
      return;
    }
    if (!byPage[hit.page]) {  // the theme's entries group by page, the page first
      byPage[hit.page] = [{ location: hit.page, title: escape(state.pages[hit.page] || hit.title), text: "", score: hit.score, terms: {} }];
      groups.push(byPage[hit.page]);
    }
    if (hit.location === hit.page) { byPage[hit.page][0] = item; } else { byPage[hit.page].push(item); }
  });
  return { items: groups };
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    var none = { rules: [], flows: {}, replaced: [], page_only: [], filler: [] };
    fetch("rules.json").then(function (response) { return response.ok ? response.json() : none; })
      .catch(function () { return none; })  // without the rules' entries, the pages are still searched
      .then(function (rules) {
        state = setup(message.data, rules);
        postMessage({ type: READY });
      });
  } else if (message.type === QUERY && state) {
    postMessage({ type: RESULT, data: search(message.data) });
  }
});
