// Runs a Python module on MicroPython (the runtime the browser checker uses) under Node.
// Usage: node run.mjs JOB.json
// JOB.json: {"bundle": "base64 of the checker's bundle", "files": {"/lib/m.py": "source", ...},
//            "module": "name", "input": ...}
// The bundle is unpacked into /lib by the page's own unpack.js, the files are written into
// MicroPython's file system (/lib is on sys.path); then `module.main(input)` runs and its
// result is printed as one JSON document.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const { loadMicroPython } = await import(
  path.join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs")
);

const { inflate, unpack } = await import(path.join(root, "checker/site/assets/checker/unpack.js"));
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf-8"));
const output = [];
const mp = await loadMicroPython({ stdout: (line) => output.push(line), stderr: (line) => process.stderr.write(line + "\n") });

if (job.bundle) {
  unpack(mp.FS, await inflate(new Response(Buffer.from(job.bundle, "base64"))), "/lib");
}
for (const [name, source] of Object.entries(job.files)) {
  mp.FS.mkdirTree(path.posix.dirname(name));
  mp.FS.writeFile(name, typeof source === "string" ? source : Buffer.from(source.base64, "base64"));
}
mp.FS.writeFile("/input.json", JSON.stringify(job.input));
try {
  mp.runPython(`
import sys, json
sys.path.append("/lib")
module = __import__(${JSON.stringify(job.module)})
with open("/input.json") as source:
    result = module.main(json.load(source))
print(json.dumps({"implementation": sys.implementation.name, "result": result}))
`);
} catch (error) {
  process.stderr.write(String(error.message ?? error) + "\n");  // the Python traceback, not the runtime's source
  process.exit(1);
}
process.stdout.write(output.join("\n") + "\n");
