#!/usr/bin/env node
/**
 * Summarise a V8 CPU profile (from `node --cpu-prof`): self time per
 * function and inclusive time per function, optionally only functions whose
 * script URL contains a filter (e.g. `dist/`).
 *
 *   node bench/profile-summary.mjs .tmp/prof/CPU.*.cpuprofile [--filter dist/] [--top 25]
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const filter = opt("filter", "");
const top = Number(opt("top", "25"));

const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample counts → time per node (µs), using the time deltas.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const label = (n) => {
  const f = n.callFrame;
  const url = f.url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules|dist|bench)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${url}:${f.lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  total += us;
  const n = nodes.get(id);
  const key = label(n);
  self.set(key, (self.get(key) ?? 0) + us);
  // Inclusive: every distinct frame on the stack gets the sample once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = label(nodes.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
}
const show = (title, map) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  [...map]
    .filter(([k]) => !filter || k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, us]) => console.log(`${(us / 1000).toFixed(1).padStart(10)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`));
};
show("self time", self);
show("inclusive time", inclusive);
