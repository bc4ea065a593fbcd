#!/usr/bin/env node
/**
 * The suite's own cost on parses held in memory: markdownlint parses every
 * Nth file of the bench corpus once (bench/out/corpus, made by
 * `npm run bench`), then for each round and file the shared model is built
 * and every rule run, each timed in process CPU time. Run it with
 * `--single-threaded` so the CPU time is the main thread's (no concurrent
 * GC or compiler threads):
 *
 *   node --single-threaded --max-old-space-size=8000 bench/held-parse.mjs [every=4] [rounds=5] [SC001,SC008]
 *
 * Prints the first round (cold: what one markdownlint-cli2 run pays) and
 * the median of the rounds. DIST=path/to/dist/ (relative to this file, with
 * a final slash) times another build of the suite, e.g. a copy of an older
 * commit's dist/ under bench/out/.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const dist = new URL(process.env.DIST ?? "../dist/", import.meta.url);
const { default: rules } = await import(new URL("index.js", dist).href);
const { getModel } = await import(new URL("lib/model.js", dist).href);
const every = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 5);
const only = process.argv[4] ? new Set(process.argv[4].split(",")) : null;

const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((e) => walk(join(p, e))) : p.endsWith(".md") ? [p] : []);
const files = walk(new URL("out/corpus", import.meta.url).pathname).filter((_, i) => i % every === 0);
const held = [];
const capture = { names: ["bench-capture"], description: "holds params", tags: ["bench"], parser: "micromark", function: (params) => held.push(params) };
const names = files.map((f) => f.replace(/.*\/corpus\//, ""));
const texts = new Map(files.map((f, i) => [names[i], readFileSync(f, "utf8")]));
// lint({ strings }) overflows the stack near 2,000 strings: lint in chunks.
for (let i = 0; i < names.length; i += 400) {
  const strings = Object.fromEntries(names.slice(i, i + 400).map((n) => [n, texts.get(n)]));
  lint({ strings, config: { default: false, "bench-capture": true }, customRules: [capture] });
}

const byPart = {};
for (let r = 0; r < rounds; r++) {
  const row = { model: 0 };
  for (const params of held) {
    let t0 = cpuNow();
    getModel(params);
    row.model += cpuNow() - t0;
    for (const rule of rules) {
      if (only && !only.has(rule.names[0])) continue;
      t0 = cpuNow();
      rule.function({ ...params, config: {} }, () => {});
      row[rule.names[0]] = (row[rule.names[0]] ?? 0) + cpuNow() - t0;
    }
  }
  for (const [k, v] of Object.entries(row)) (byPart[k] ??= []).push(v);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const show = (pick) => Object.fromEntries(Object.entries(byPart).map(([k, v]) => [k, Math.round(pick(v))]));
const total = (o) => Object.values(o).reduce((a, b) => a + b, 0);
const first = show((v) => v[0]);
const med = show(median);
console.log(`${held.length} files; ms of CPU time per part`);
console.log(`first round (total ${total(first)}): ${JSON.stringify(first)}`);
console.log(`median of ${rounds} (total ${total(med)}): ${JSON.stringify(med)}`);
