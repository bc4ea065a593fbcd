#!/usr/bin/env node
/**
 * In-process measurement of the suite's own cost, one child process per job
 * (so peak memory belongs to the job):
 *
 *   node bench/instrument.mjs job.json   → JSON on stdout
 *
 * A job is { files: [absolute paths] } or { doc: { generator, size, name } }
 * (generators from bench/generate.mjs), plus `rounds`. Each round lints the
 * same strings twice with markdownlint's library API (no I/O in the timing):
 *
 * - "noop": only a no-op micromark custom rule (markdownlint's parse, token
 *   freezing and its per-rule overhead: the floor of any custom rule);
 * - "suite": a rule that builds the shared model first ("model"), then every
 *   registered rule, each wrapped to time its own function.
 *
 * It prints the medians over rounds: noop ms, suite ms, model ms and ms per
 * rule (main-thread wall time, see `time` below), and the process's peak RSS.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { lint } from "markdownlint/sync";
import { hugePrd, longTasks, manyFences } from "./generate.mjs";

// The build to time: the job's `dist` (run.mjs --dist), else ../dist/.
const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const dist = job.dist ? pathToFileURL(`${job.dist.replace(/\/$/, "")}/`) : new URL("../dist/", import.meta.url);
const { default: rules } = await import(new URL("index.js", dist).href);
const { getModel } = await import(new URL("lib/core/model.js", dist).href);

const rounds = job.rounds ?? 3;

/** @type {Record<string, string>} */
const strings = {};
if (job.files) {
  for (const f of job.files) strings[f] = readFileSync(f, "utf8");
} else {
  const gen = { hugePrd, longTasks, manyFences }[job.doc.generator];
  strings[job.doc.name] = gen(job.doc.size);
}
const bytes = Object.values(strings).reduce((n, s) => n + Buffer.byteLength(s), 0);
const lines = Object.values(strings).reduce((n, s) => n + s.split("\n").length, 0);

// A rule's time is the main-thread time it blocks (performance.now): that is
// what it adds to a run's wall time. process.cpuUsage() would be wrong here:
// it counts every thread of the process, so V8's concurrent garbage
// collection of markdownlint's own tokens was billed to whichever rule was
// running (about twice the rules' real cost, measured against --cpu-prof).
// Run the benchmark on a quiet machine; the lint totals below are still
// given as CPU time, beside wall time.
const acc = new Map();
const time = (key, fn) => {
  const t0 = performance.now();
  try {
    fn();
  } finally {
    acc.set(key, (acc.get(key) ?? 0) + performance.now() - t0);
  }
};
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

// lint({ strings }) overflows the stack near 2,000 strings: lint in chunks.
const CHUNK = 500;
const names = Object.keys(strings);
function lintAll(options) {
  const out = {};
  for (let i = 0; i < names.length; i += CHUNK) {
    const part = {};
    for (const n of names.slice(i, i + CHUNK)) part[n] = strings[n];
    Object.assign(out, lint({ ...options, strings: part }));
  }
  return out;
}

const noop = { names: ["bench-noop"], description: "no-op", tags: ["bench"], parser: "micromark", function: () => {} };
const model = {
  names: ["bench-model"],
  description: "builds the shared model",
  tags: ["bench"],
  parser: "micromark",
  function: (params) => time("model", () => getModel(params)),
};
const only = job.rules ? new Set(job.rules) : undefined;
const wrapped = rules
  .filter((r) => !only || only.has(r.names[0]))
  .map((r) => ({ ...r, function: (params, onError) => time(r.names[0], () => r.function(params, onError)) }));

// Optional: default rules (A) against default rules + suite (B), in-process, pairs in alternating order.
const pairs = [];
if (job.defaults) {
  const suiteConfig = { default: true };
  for (let i = 0; i < (job.pairRounds ?? rounds); i++) {
    const pair = {};
    const order = [["A", "B", "E"], ["B", "E", "A"], ["E", "A", "B"]][i % 3];
    for (const side of order) {
      const t0 = performance.now();
      const c0 = cpuNow();
      lintAll({ config: side === "B" ? suiteConfig : { default: true }, customRules: side === "A" ? [] : side === "B" ? rules : [noop] });
      pair[side] = { wallMs: performance.now() - t0, cpuMs: cpuNow() - c0 };
    }
    pairs.push(pair);
  }
}

const runs = [];
let findings = 0;
let internal = 0;
for (let i = 0; i < (job.defaults && job.pairsOnly ? 0 : rounds); i++) {
  acc.clear();
  let t0 = performance.now();
  if (job.noop !== false) lintAll({ config: { default: false, "bench-noop": true }, customRules: [noop] });
  const noopMs = job.noop === false ? NaN : performance.now() - t0;
  const config = { default: false, "bench-model": true };
  for (const r of wrapped) config[r.names[0]] = true;
  t0 = performance.now();
  const result = lintAll({ config, customRules: [model, ...wrapped] });
  const suiteMs = performance.now() - t0;
  const all = Object.values(result).flat();
  findings = all.length;
  internal = all.filter((e) => (e.errorDetail ?? "").startsWith("Internal error in")).length;
  runs.push({ noopMs, suiteMs, parts: Object.fromEntries(acc) });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const keys = ["model", ...wrapped.map((r) => r.names[0])];
process.stdout.write(
  JSON.stringify({
    files: Object.keys(strings).length,
    bytes,
    lines,
    findings,
    internalErrors: internal,
    pairs,
    pairCpuRatio: pairs.length ? median(pairs.map((p) => p.B.cpuMs / p.A.cpuMs)) : undefined,
    pairWallRatio: pairs.length ? median(pairs.map((p) => p.B.wallMs / p.A.wallMs)) : undefined,
    floorCpuRatio: pairs.length ? median(pairs.map((p) => p.E.cpuMs / p.A.cpuMs)) : undefined,
    noopMs: median(runs.map((r) => r.noopMs)),
    suiteMs: median(runs.map((r) => r.suiteMs)),
    parts: Object.fromEntries(keys.map((k) => [k, runs.length ? median(runs.map((r) => r.parts[k] ?? 0)) : NaN])),
    // The first round is what one markdownlint-cli2 run pays (cold caches, code not yet optimised).
    firstRound: runs[0] ? { noopMs: runs[0].noopMs, suiteMs: runs[0].suiteMs, parts: Object.fromEntries(keys.map((k) => [k, runs[0].parts[k] ?? 0])) } : undefined,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
