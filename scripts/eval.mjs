#!/usr/bin/env node
// npm run eval: scores the judgement rules on ../shared/eval/ (see its README).
// Each module in scripts/eval/ exports `name` and `run(evalDir)` returning
// { rule, precision, recall, tp, fp, fn, tn, misses: [text] } or { rule, agree, total, misses }.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(process.env.SPEC_CONTRACT_EVAL_DIR ?? join(here, "..", "..", "shared", "eval"));
const verbose = process.argv.includes("--verbose");
let failed = false;
for (const file of readdirSync(join(here, "eval")).filter((f) => f.endsWith(".mjs")).sort()) {
  const mod = await import(pathToFileURL(join(here, "eval", file)).href);
  for (const r of [await mod.run(evalDir)].flat()) {
    const score =
      r.total !== undefined
        ? `agrees on ${r.agree}/${r.total}`
        : `precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn})`;
    const target = r.target ? ` target ${r.target}` : "";
    const ok = r.ok === undefined ? "" : r.ok ? " ok" : " BELOW TARGET";
    if (r.ok === false) failed = true;
    console.log(`${r.rule.padEnd(8)} ${r.set.padEnd(28)} ${score}${target}${ok}`);
    if (verbose) for (const m of r.misses ?? []) console.log(`    miss: ${m}`);
  }
}
process.exitCode = failed ? 1 : 0;
