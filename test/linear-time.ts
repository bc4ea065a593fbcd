/**
 * The linear-time test (issue 23), shared by test/linear-time-*.test.ts,
 * which split the document kinds so that test workers run them side by
 * side: no line can make a rule super-linear.
 *
 * Every regular expression the suite runs on document text is found
 * (test/adversarial.ts: the literals of dist/ and the expressions executed
 * while the bundled Markdown is linted), and each character or class any of
 * them uses becomes an adversarial line: a run of 5,000 and of 10,000 of
 * that character, ending in a character no pattern names, so that a match
 * that needs more fails at the end. Each line is put in every Markdown
 * context (fence, Python fence, paragraph, list or task item, table cell,
 * heading) of a document, which every rule of the suite then reads as each
 * kind of document (prd.md, tasks.md, research plan and analysis,
 * recovery.md, a guide). The suite's own time (markdownlint's parse left
 * out: its cost is not ours, and is itself super-linear on some inputs)
 * must not grow more than ×3 from the short run to the long one: linear
 * time doubles, quadratic time quadruples. Ratios, not wall-clock limits,
 * so a slow or busy machine does not fail it; a ratio over the limit is
 * measured again on new parses, each after a full collection, the fastest
 * of several rounds kept, and if it is still over, at 20,000 and 40,000.
 *
 * markdownlint parses each document once and the rules run on that parse
 * for every kind (as markdownlint calls them), which keeps the test to
 * about a minute of CPU per file: the parse of these lines costs five
 * times what the rules do.
 */
import type { Rule } from "markdownlint";
import { expect, it } from "vitest";
import registry from "../dist/index.js";
import {
  bundledMarkdown,
  characterPool,
  executedPatterns,
  type KindName,
  LIMIT,
  literalPatterns,
  superLinearCases,
  uniquePatterns,
} from "./adversarial.js";

const SUITE = registry as unknown as Rule[];

export function linearTimeTest(kinds: KindName[]) {
  it(`no line makes the suite super-linear: ${kinds.join(", ")} × every context × every character of every pattern`, { timeout: 1_800_000 }, () => {
    const patterns = uniquePatterns([...literalPatterns(), ...executedPatterns(bundledMarkdown())]);
    // The finder sees both literals and patterns built at run time (the box edges are built from glyph lists).
    expect(patterns.length).toBeGreaterThan(200);
    expect(patterns.some((p) => p.source.startsWith("[┌╭╔┏╒╓┍┎]"))).toBe(true);
    // …and the expressions the rules build from their option lists when they run (the phrase matcher of SC003, SC006 and SC007, lib/text/phrases.ts).
    expect(patterns.some((p) => p.where.startsWith("lib/text/phrases") && p.source.startsWith("(?<![\\p{L}\\p{N}])(?:("))).toBe(true);
    const pool = characterPool(patterns);
    const started = performance.now();
    const { cases, retried, slow } = superLinearCases(SUITE, kinds, pool);
    if (process.env.LINEAR_TIME_REPORT) console.log(`${kinds.join(", ")}: ${patterns.length} patterns, ${pool.length} characters, ${cases} cases, ${retried} linted again, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    expect(cases).toBe(kinds.length * 6 * pool.length);
    const shown = slow.map((s) => `${s.kind} ${s.context} ${JSON.stringify(s.character)}: ${s.ms.map((t) => t.toFixed(1)).join(" → ")} ms at ${s.sizes.join(" → ")} (×${s.ratio.toFixed(1)}, limit ×${LIMIT})`);
    expect(shown).toEqual([]);
  });
}
