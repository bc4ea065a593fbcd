#!/usr/bin/env node
/**
 * Time spent in each regular expression while the suite alone lints the
 * bench corpus in-process (markdownlint's parse included, so its own
 * expressions show up too):
 *
 *   npm run build && npm run bench   # any bench run leaves the corpus in bench/out/corpus
 *   node bench/regex-audit.mjs [--top 30] [--dist DIR] [folder]
 *
 * `RegExp.prototype.exec` is wrapped (test, match, matchAll, replace and
 * split all go through it once it is replaced), and the time of each call
 * is added to its expression's source and flags. The wrapper costs about
 * 0.1 µs a call, so expressions called millions of times on one character
 * (micromark's) look slower than they are; compare the suite's expressions
 * with each other. This is how the slow `\b` under the `i` and `u` flags
 * was found (docs/performance.md).
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { lint } from "markdownlint/sync";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const positional = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));
const dist = resolve(opt("dist", join(here, "..", "dist")));
const folder = resolve(positional[0] ?? join(here, "out", "corpus"));
const top = Number(opt("top", "30"));

const { default: rules } = await import(pathToFileURL(join(dist, "index.js")).href);
const walk = (dir) =>
  readdirSync(dir).flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? walk(path) : e.endsWith(".md") ? [path] : [];
  });
const files = walk(folder);

const stats = new Map();
const exec = RegExp.prototype.exec;
let depth = 0;
RegExp.prototype.exec = function (input) {
  if (depth > 0) return exec.call(this, input);
  depth++;
  const start = performance.now();
  try {
    return exec.call(this, input);
  } finally {
    const ms = performance.now() - start;
    depth--;
    const key = `/${this.source.slice(0, 110)}/${this.flags}`;
    const entry = stats.get(key) ?? stats.set(key, { ms: 0, calls: 0 }).get(key);
    entry.ms += ms;
    entry.calls++;
  }
};

const config = { default: false };
for (const rule of rules) config[rule.names[0]] = true;
// lint({ files }) in chunks: one call per file list keeps every result until it returns.
for (let i = 0; i < files.length; i += 200) lint({ files: files.slice(i, i + 200), customRules: rules, config });
RegExp.prototype.exec = exec;

let total = 0;
for (const { ms } of stats.values()) total += ms;
console.log(`${files.length} files; ${total.toFixed(0)} ms in ${stats.size} regular expressions`);
console.log("    ms      calls  expression");
for (const [key, { ms, calls }] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) {
  console.log(`${ms.toFixed(0).padStart(6)} ${String(calls).padStart(10)}  ${key}`);
}
