/**
 * Print, as JSON, the regular expressions the suite's code (dist/) executes
 * while it lints the given Markdown files: `[{ source, flags, where }]`.
 * test/adversarial.ts runs this in a child process: wrapping
 * `RegExp.prototype.exec` turns V8's fast paths for regular expressions off
 * for the rest of the process (even once the original is put back), and
 * the linear-time test must measure with them on.
 *
 *     node test/executed-patterns.mjs FILE.md …
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lint } from "markdownlint/sync";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const { default: rules } = await import(new URL("../dist/index.js", import.meta.url).href);
const files = process.argv.slice(2);
const seen = new Map();
const exec = RegExp.prototype.exec;
Error.stackTraceLimit = 200;
RegExp.prototype.exec = function (input) {
  const key = `${this.flags}/${this.source}`;
  if (!seen.has(key)) {
    // The suite's own call sites, and what the libraries it calls run on document text (the Python parser).
    // compiledNow (lib/core/regex.ts) runs an expression first for its caller: name the caller.
    const ours = (new Error().stack ?? "").split("\n").find((f) => f.includes(dist) && !f.includes("compiledNow"));
    seen.set(key, ours ? { source: this.source, flags: this.flags, where: ours.trim().replace(/^.*\/dist\//, "").replace(/\)$/, "") } : null);
  }
  return exec.call(this, input);
};
for (let i = 0; i < files.length; i += 100) {
  lint({ files: files.slice(i, i + 100), config: { default: false, "spec-contract": true }, customRules: rules });
}
RegExp.prototype.exec = exec;
process.stdout.write(JSON.stringify([...seen.values()].filter(Boolean)));
