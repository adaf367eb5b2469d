// Runs the engine from checker/engine on MicroPython (the runtime the browser checker uses)
// for a list of cases, and prints one JSON document with every result.
// Usage: node run_engine.mjs BUNDLE.json CASES.json
// CASES.json: [{"id": ..., "flow": ..., "answers": {...}}, ...]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const { loadMicroPython } = await import(
  path.join(root, "node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs")
);

const [bundlePath, casesPath] = process.argv.slice(2);
let output = "";
const mp = await loadMicroPython({ stdout: (line) => { output += line + "\n"; }, stderr: (line) => process.stderr.write(line + "\n") });

mp.FS.mkdirTree("/lib/checker/engine");
mp.FS.writeFile("/lib/checker/__init__.py", fs.readFileSync(path.join(root, "checker/__init__.py")));
for (const name of fs.readdirSync(path.join(root, "checker/engine"))) {
  if (name.endsWith(".py")) {
    mp.FS.writeFile("/lib/checker/engine/" + name, fs.readFileSync(path.join(root, "checker/engine", name)));
  }
}
mp.FS.writeFile("/bundle.json", fs.readFileSync(bundlePath));
mp.FS.writeFile("/cases.json", fs.readFileSync(casesPath));

mp.runPython(`
import sys, json
sys.path.append("/lib")
from checker.engine import step, AnswerError
bundle = json.load(open("/bundle.json"))
results = []
for case in json.load(open("/cases.json")):
    try:
        results.append({"id": case["id"], "result": step(bundle, case["flow"], case["answers"])})
    except AnswerError as error:
        results.append({"id": case["id"], "error": {"question": error.question_id, "message": error.message}})
print(json.dumps({"implementation": sys.implementation.name, "results": results}))
`);
process.stdout.write(output);
