#!/usr/bin/env node
// npm run eval: scores the judgement rules on the hand-labelled sets (the
// working folder ../shared/eval/ beside the clone, or SPEC_CONTRACT_EVAL_DIR).
// The sets are not part of the repository: they carry no licence of their own
// and a held-out twin of them is kept apart so that no one tunes the rules to
// them. In a plain clone the script says so and exits 0 without a score.
// Each module in scripts/eval/ exports `name` and `run(evalDir)` returning
// { rule, precision, recall, tp, fp, fn, tn, misses: [text] } or { rule, agree, total, misses }.
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(process.env.SPEC_CONTRACT_EVAL_DIR || join(here, "..", "..", "shared", "eval"));
const verbose = process.argv.includes("--verbose");
if (!existsSync(evalDir)) {
  if (process.env.SPEC_CONTRACT_EVAL_DIR) {
    console.error(`npm run eval: SPEC_CONTRACT_EVAL_DIR is ${evalDir}, which does not exist.`);
    process.exit(1);
  }
  console.log(
    `npm run eval: the labelled sets are absent (looked for ${evalDir}); nothing scored.\n` +
      "They are kept beside the project's clone, not in the repository; set SPEC_CONTRACT_EVAL_DIR to a folder that holds them.",
  );
  process.exit(0);
}
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
