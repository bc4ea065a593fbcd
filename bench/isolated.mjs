#!/usr/bin/env node
/**
 * Time rules on one generated document outside the garbage collector's
 * pauses: markdownlint parses it once, then inside a custom rule each named
 * rule runs three times (REPS=N: N times) on the same parse, each after a
 * full collection, and the fastest and the median run are printed. The patho section's times include GC pauses in
 * markdownlint's own multi-GB heap; this separates the rules' own work.
 *
 *   npm run build
 *   REPS=15 node --expose-gc --max-old-space-size=16384 bench/isolated.mjs longTasks 100000 SC011,SC012,SC014
 */
import { lint } from "markdownlint/sync";
import * as generators from "./generate.mjs";

const [generator = "longTasks", sizeArg = "25000", names = "SC011,SC012,SC014"] = process.argv.slice(2);
if (typeof global.gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}
const { default: rules } = await import(new URL("../dist/index.js", import.meta.url).href);
const { getModel } = await import(new URL("../dist/lib/model.js", import.meta.url).href);
const wanted = new Set(names.split(","));
const reps = Number(process.env.REPS ?? 3);
const docName = generators.PATHO_DOCS[generator].name;
const times = {};
const medians = {};
const probe = {
  names: ["bench-isolated"],
  description: "times rules on one parse",
  tags: ["bench"],
  parser: "micromark",
  function: (params) => {
    getModel(params);
    for (const rule of rules.filter((r) => wanted.has(r.names[0]))) {
      const runs = [];
      for (let i = 0; i < reps; i++) {
        global.gc();
        const t0 = performance.now();
        rule.function({ ...params, config: {} }, () => {});
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      times[rule.names[0]] = runs[0];
      medians[rule.names[0]] = runs[runs.length >> 1];
    }
  },
};
lint({ strings: { [docName]: generators[generator](Number(sizeArg)) }, config: { default: false, "bench-isolated": true }, customRules: [probe] });
console.log(JSON.stringify({ generator, size: Number(sizeArg), ms: times, medianMs: medians }));
