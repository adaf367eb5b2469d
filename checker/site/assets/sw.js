// The site's copy for offline repeat visits (a service worker, registered by handbook.js on every
// page). The build writes its version and the files it generated: a new build gives a new
// sw.js, which the browser installs on the next visit, and it replaces this build's cache.
// Installing keeps what a page needs to open offline; the heavy optional files (LATER: Mermaid,
// the PyScript modules the checker never loads) are kept in the same cache when first fetched.
// Pages are fetched from the network first (so an online reader gets the new text) and from the
// cache when the network is gone; the build's own files come from the cache; any other file of
// the origin (the other language's sitemap too) is served from the cache and refreshed behind it.
// Only the site's own origin is touched.
"use strict";
var VERSION = "__VERSION__";
var FILES = __FILES__;
var LATER = __LATER__;
var PREFIX = "policy-site:" + self.registration.scope + ":";
var CACHE = PREFIX + VERSION;
function here(path) { return new URL(path, self.registration.scope).href; }
var OWN = FILES.map(here);
var AT_ONCE = FILES.filter(function (path) { return LATER.indexOf(path) < 0; }).map(here);

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(AT_ONCE); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key.indexOf(PREFIX) === 0 && key !== CACHE; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

function keep(url, response) {
  if (response && response.ok && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(url, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) { return; }
  var url = request.url.split("#")[0];
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) { return keep(url, response); }).catch(function () {
      return caches.match(url, { ignoreSearch: true }).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) { return cache.match(url); }).then(function (hit) {
    if (hit && OWN.indexOf(url) >= 0) { return hit; }  // this build's own file: the cache is right
    var fresh = fetch(request).then(function (response) { return keep(url, response); });  // and kept from now on
    if (hit) { fresh.catch(function () {}); return hit; }  // refreshed behind the cached copy
    return fresh;
  }));
});

// A page sends the addresses it links to and the files it loaded: every page of the site is then
// kept, so a page never opened before still opens offline. The answer tells the page it is done.
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.keep) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.filter(function (url) { return new URL(url).origin === self.location.origin; }).map(function (url) {
      return cache.match(url).then(function (hit) { return hit || cache.add(url).catch(function () {}); });
    }));
  }).then(function () { if (event.ports[0]) { event.ports[0].postMessage({ kept: urls.length, version: VERSION }); } }));
});
