/**
 * Property-based tests (issue 6) over every rule of the registry and the
 * whole suite: generated specs documents (test/arbitraries.ts) and mutated
 * real specs documents (test/real-docs.ts).
 *
 * Properties: no rule throws or reports an internal error; every finding's
 * line is in the document and every range in its line; every fixInfo is
 * valid; after applying all fixes nothing fixable is left and a second fix
 * pass changes nothing; findings do not depend on the order of the rules.
 *
 * Seeds and budgets:
 * - CI (`npm test`): a bounded number of cases with a fixed seed, logged.
 * - `npm run fuzz`: FUZZ_RUNS cases (default 5000) with a random seed, logged.
 * - Replay: FUZZ_SEED=<seed> [FUZZ_RUNS=<n>] npx vitest run test/property.test.ts
 * - FUZZ_COLLECT=1: do not stop at the first failure; gather every distinct
 *   kind of violation with its smallest example into .tmp/fuzz-findings.json.
 *
 * Violations of an open bug already kept under test/regressions/ (see
 * known.ts) are logged and set aside, so the run keeps looking for new ones.
 * A new failure prints a shrunk counterexample: keep it as a regression.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { corpusDoc, corpusFiles, type Doc, generatedDoc } from "./arbitraries.js";
import { allViolations, lintWith, RULE_IDS, SUITE, violations } from "./invariants.js";
import { openSignatures } from "./regressions/known.js";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0);
const COLLECT = process.env.FUZZ_COLLECT === "1";
const SEED = Number(process.env.FUZZ_SEED ?? (FUZZ_RUNS > 0 ? Date.now() % 2 ** 31 : 20_261_121));
/** Cases per property: CI's bounded numbers, or the fuzz budget shared out. */
const runs = (ci: number, share: number) => (FUZZ_RUNS > 0 ? Math.max(ci, Math.round(FUZZ_RUNS * share)) : ci);

const GENERATED = runs(100, 0.5);
const CORPUS = runs(40, 0.3);
const PER_RULE = runs(6, 0.2 / Math.max(1, RULE_IDS.length));

console.log(
  `property tests: seed ${SEED} (replay: FUZZ_SEED=${SEED}${FUZZ_RUNS ? ` FUZZ_RUNS=${FUZZ_RUNS}` : ""}); ` +
    `${GENERATED} generated + ${CORPUS} corpus cases for the suite, ${PER_RULE} per rule × ${RULE_IDS.length} rules`,
);

const show = (doc: Doc) => `linted as ${doc.name}: ${JSON.stringify(doc.markdown)}`;
const known = (problem: string) => openSignatures.some((re) => re.test(problem));
let setAside = 0;

/** Distinct kinds of violation seen in collect mode, with the smallest example of each. */
const collected = new Map<string, { count: number; problem: string; doc: Doc }>();
const kindOf = (problem: string) =>
  problem
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, "N")
    .replace(/\n[\s\S]*/, "")
    .slice(0, 140);

function record(problems: string[], doc: Doc): boolean {
  const fresh = problems.filter((p) => !known(p));
  if (fresh.length < problems.length) setAside++;
  if (fresh.length === 0) return true;
  if (!COLLECT) throw new Error(`${fresh.join("\n")}\n${show(doc)}`);
  for (const p of fresh) {
    const k = kindOf(p);
    const seen = collected.get(k);
    if (!seen) collected.set(k, { count: 1, problem: p, doc });
    else {
      seen.count++;
      if (doc.markdown.length < seen.doc.markdown.length) Object.assign(seen, { problem: p, doc });
    }
  }
  return true;
}

const timeout = FUZZ_RUNS > 0 ? 0 : 170_000;

describe("properties of the whole suite", () => {
  it(`generated documents (${GENERATED} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(generatedDoc, fc.nat(), (doc, seed) => record(allViolations(doc.markdown, doc.name, seed), doc)),
      { seed: SEED, numRuns: GENERATED },
    );
  });

  it.skipIf(corpusFiles.length === 0)(`mutated corpus files (${CORPUS} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(corpusDoc(), fc.nat(), (doc, seed) => record(allViolations(doc.markdown, doc.name, seed), doc)),
      { seed: SEED + 1, numRuns: CORPUS },
    );
  });
});

describe("properties of each rule alone", () => {
  for (const rule of SUITE) {
    const id = rule.names[0];
    it(`${id} (${PER_RULE} cases)`, { timeout }, () => {
      fc.assert(
        fc.property(fc.oneof(generatedDoc, corpusDoc(80)), (doc) => {
          let problems: string[];
          try {
            problems = violations(doc.markdown, lintWith(doc.markdown, doc.name, [rule], { default: false, [id]: true }));
          } catch (error) {
            problems = [`lint threw: ${(error as Error).stack}`];
          }
          return record(problems, doc);
        }),
        { seed: SEED + 2, numRuns: PER_RULE },
      );
    });
  }

  it("covers every registered rule", () => {
    expect(RULE_IDS.length).toBeGreaterThan(0);
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });
});

// What was set aside and collected is printed when the file's tests end (a report, not a test).
afterAll(() => {
  {
    if (setAside > 0) console.log(`property tests: ${setAside} case(s) showed only known open bugs (test/regressions/known.ts)`);
    if (COLLECT) {
      mkdirSync(".tmp", { recursive: true });
      const list = [...collected.entries()].map(([kind, v]) => ({ kind, ...v }));
      writeFileSync(".tmp/fuzz-findings.json", JSON.stringify({ seed: SEED, runs: FUZZ_RUNS, list }, null, 2));
      console.log(`fuzz: ${list.length} distinct kind(s) of violation; details in .tmp/fuzz-findings.json`);
      for (const v of list) console.log(`  ${v.count}× ${v.kind}`);
    }
  }
});
