// Runs queries through the site's own Material search worker, the one the search box uses:
// the same index, language files and query segmentation, but many queries per page load.
// Returns, per query, one location per result in the order the search box lists them: the
// rule's (or the first section's) anchor, else the page's.
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, base));
  const next = () => new Promise((resolve) => worker.addEventListener("message", (event) => resolve(event.data), { once: true }));
  const ready = next();
  worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  await ready;
  const found = {};
  for (const query of queries) {
    const answer = next();
    worker.postMessage({ type: 2, data: query });
    const result = (await answer).data;
    found[query] = result.items.map((group) => (group.find((item) => item.location.includes("#")) || group[0]).location);
  }
  worker.terminate();
  return found;
}
