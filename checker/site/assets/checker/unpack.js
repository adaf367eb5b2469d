// The checker's one bundle (checker/site/pybundle.py): gzip of a first line with the JSON list
// of [name, size], then the members' bytes in that order. The browser inflates it natively
// (DecompressionStream) and writes the members into the Python runtime's file system before
// the page's Python runs (the checker page's module script, in PyScript's onReady hook).
// tests/micropython/run.mjs unpacks with these same two functions for the MicroPython tests.

export async function inflate(response) {
  if (!response.ok) { throw new Error(response.url + ": " + response.status); }
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function unpack(FS, data, folder) {
  const end = data.indexOf(10);
  const index = JSON.parse(new TextDecoder().decode(data.subarray(0, end)));
  let position = end + 1;
  for (const [name, size] of index) {
    const path = folder.replace(/\/$/, "") + "/" + name;
    FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    FS.writeFile(path, data.subarray(position, position + size));
    position += size;
  }
}
