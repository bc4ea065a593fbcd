/**
 * SC010 declared-metrics: the figures a document reports about itself (or
 * about another file of its workspace) match what is really there. Seed 002
 * asks agents to end documents with "**Total PRD Words**: {count}",
 * "**Code Snippets**: {count} (100% verified)", "**Acceptance Criteria**:
 * {count}" and recovery.md to repeat "Words: {count}" per file; real specs
 * write "**Word Count**: ~2,400 words". This rule measures and compares.
 *
 * Word claims are compared with `wc -w` counting by default: the seeds
 * produce and verify these figures with `wc -w <file>`, so an honest claim
 * equals what `wc -w` prints (the whole file, front matter included).
 * Another file is never parsed: its words are counted on its raw text, which
 * is exactly `wc -w`; claims of other kinds about another file are skipped.
 */
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { checkDeclaredMetrics, claimCheck, SC010Defaults, type SC010Options } from "../lib/rules/SC010-metrics.js";

export { SC010Defaults, type SC010Options } from "../lib/rules/SC010-metrics.js";

export type { ClaimForm, Measure } from "../lib/rules/SC010-claims.js";

export default defineRule<SC010Options>({
  id: "SC010",
  slug: "declared-metrics",
  description: "Self-reported counts should match the document",
  category: "metrics",
  fixable: true,
  files: ["**/*.md"],
  defaults: SC010Defaults,
  schema: {
    claims: is.arrayOf(claimCheck, "claim forms"),
    count: is.oneOf("prose", "wc"),
    tolerance: is.number(0),
    criteriaHeadings: is.strings(),
    taskHeadings: is.regex(),
    languages: is.strings(),
    otherFiles: is.boolean(),
    root: is.string(),
    maxFileBytes: is.integer(0),
    otherSubjectLabels: is.strings(),
  },
  run: checkDeclaredMetrics,
});
