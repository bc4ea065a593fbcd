#!/usr/bin/env node
/**
 * Is a rule's time linear in one document's size? Times rules on one
 * generated document at several sizes in one process, on the same heap:
 * markdownlint parses every size first and the parses are all held, then
 * each round runs every rule once on every size (interleaved, so the
 * machine's drift and the JIT's warm-up fall on every size alike), each
 * run after a full collection. Separate processes per size (the patho
 * section) compare heaps of 0.6 and 3.3 GB, whose
 * cache misses and collector pauses differ more than the rules' work does.
 *
 *   npm run build
 *   node --expose-gc --max-old-space-size=16384 bench/linear.mjs longTasks 12500,25000,50000,100000 SC010,SC011,SC012,SC014|all [rounds=9]
 *
 * Prints each rule's median ms per size and the ratio of each size's median
 * to the smallest's, next to the ratio of the sizes (linear: equal).
 *
 * Memos that outlive a file (SC008's last 128 snippets, normalizeHeading's
 * last 1,024 headings) are hit across rounds, and the generators' larger sizes
 * begin with the smaller ones' content: for SC008 on manyFences the patho
 * section's single run per process is the fair figure.
 */
import { lint } from "markdownlint/sync";
import * as generators from "./generate.mjs";

const [generator = "longTasks", sizesArg = "12500,25000,50000,100000", names = "SC010,SC011,SC012,SC014", roundsArg = "9"] = process.argv.slice(2);
if (typeof global.gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}
const { default: rules } = await import(new URL("../dist/index.js", import.meta.url).href);
const { getModel } = await import(new URL("../dist/lib/core/model.js", import.meta.url).href);
const sizes = sizesArg.split(",").map(Number);
// "all": every rule of the suite.
const wanted = names === "all" ? rules : rules.filter((r) => names.split(",").includes(r.names[0]));
const docName = generators.PATHO_DOCS[generator].name;
const held = [];
const capture = { names: ["bench-linear"], description: "holds params", tags: ["bench"], parser: "micromark", function: (params) => held.push(params) };
for (const size of sizes) {
  lint({ strings: { [docName]: generators[generator](size) }, config: { default: false, "bench-linear": true }, customRules: [capture] });
}
const times = new Map(wanted.map((r) => [r.names[0], sizes.map(() => [])]));
for (let round = 0; round < Number(roundsArg); round++) {
  held.forEach((params, i) => {
    for (const rule of wanted) {
      // The model is built outside the timing (the model has its own line below).
      getModel(params);
      global.gc();
      const t0 = performance.now();
      rule.function({ ...params, config: {} }, () => {});
      times.get(rule.names[0])[i].push(performance.now() - t0);
    }
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`${generator}, sizes ${sizes.join(" / ")} (×${sizes.map((s) => (s / sizes[0]).toFixed(0)).join(" / ×")}), ${roundsArg} rounds, one heap`);
const rows = [];
for (const [rule, perSize] of times) {
  const med = perSize.map(median);
  rows.push({ rule, medianMs: med });
  console.log(`  ${rule.padEnd(6)} median ms ${med.map((m) => m.toFixed(1)).join(" / ")}  ratio ×${med.map((m) => (m / med[0]).toFixed(2)).join(" / ×")}`);
}
if (process.env.LINEAR_JSON) console.log(`JSON ${JSON.stringify({ generator, sizes, rounds: Number(roundsArg), rows })}`);
