#!/usr/bin/env node
/**
 * Machine code of each regular expression the suite runs:
 *
 *   npm run build && npm run bench   # any bench run leaves the corpus in bench/out/corpus
 *   node bench/regex-code.mjs [--every 3] [--top 25] [--rounds 3]
 *
 * First the suite alone lints every Nth file of the bench corpus in-process
 * with `RegExp.prototype.exec` wrapped, which records each expression
 * (source and flags) and a text it ran on. Then, in fresh processes, each
 * expression is compiled and run three times (V8 compiles an expression to
 * machine code on its second run) and the growth of V8's code space is
 * taken as its size; the median over `--rounds` processes is printed.
 * Code space is compacted while it is measured, so small figures move by
 * tens of kB between rounds: read the large ones.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const here = dirname(fileURLToPath(import.meta.url));

if (opt("measure")) {
  // Child: measure every expression listed in the file, once each.
  const list = JSON.parse(readFileSync(opt("measure"), "utf8"));
  const code = () => v8.getHeapSpaceStatistics().filter((s) => s.space_name.startsWith("code")).reduce((n, s) => n + s.space_used_size, 0);
  const settle = () => {
    for (let i = 0; i < 3; i++) globalThis.gc();
  };
  const keep = [];
  const sizes = [];
  for (const { source, flags, sample } of list) {
    settle();
    const before = code();
    const re = new RegExp(source, flags);
    for (let i = 0; i < 3; i++) {
      re.lastIndex = 0;
      re.exec(`${sample} x`);
    }
    keep.push(re);
    settle();
    sizes.push(code() - before);
  }
  process.stdout.write(JSON.stringify(sizes));
} else {
  const { lint } = await import("markdownlint/sync");
  const { default: rules } = await import(new URL("../dist/index.js", import.meta.url).href);
  const corpus = join(here, "out", "corpus");
  const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((e) => walk(join(p, e))) : p.endsWith(".md") ? [p] : []);
  const every = Number(opt("every", "3"));
  const files = walk(corpus).filter((_, i) => i % every === 0);
  const held = [];
  const capture = { names: ["bench-capture"], description: "holds params", tags: ["bench"], parser: "micromark", function: (p) => held.push(p) };
  // lint({ strings }) overflows the stack near 2,000 strings: lint in chunks.
  for (let i = 0; i < files.length; i += 400) {
    const strings = Object.fromEntries(files.slice(i, i + 400).map((f) => [f, readFileSync(f, "utf8")]));
    lint({ strings, config: { default: false, "bench-capture": true }, customRules: [capture] });
  }
  const seen = new Map();
  const exec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (text) {
    const key = `${this.flags}/${this.source}`;
    if (!seen.has(key)) seen.set(key, { source: this.source, flags: this.flags, sample: String(text).slice(0, 2000) });
    return exec.call(this, text);
  };
  for (const params of held) for (const rule of rules) rule.function({ ...params, config: {} }, () => {});
  RegExp.prototype.exec = exec;
  const list = [...seen.values()];
  const listFile = join(here, "out", "regex-code-list.json");
  writeFileSync(listFile, JSON.stringify(list));
  const rounds = [];
  for (let r = 0; r < Number(opt("rounds", "3")); r++) {
    const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--measure", listFile], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(child.stderr);
    rounds.push(JSON.parse(child.stdout));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const rows = list.map((e, i) => ({ ...e, bytes: median(rounds.map((r) => r[i])) })).sort((a, b) => b.bytes - a.bytes);
  const kb = (b) => (b / 1024).toFixed(1).padStart(7);
  console.log(`${list.length} expressions on ${held.length} files; total ${kb(rows.reduce((n, r) => n + r.bytes, 0))} kB (median of ${rounds.length} rounds each)`);
  for (const r of rows.slice(0, Number(opt("top", "25")))) console.log(`${kb(r.bytes)} kB  ${r.flags.padEnd(4)} ${r.source.slice(0, 110)}`);
}
