/**
 * SC006 no-vague-phrasing: requirement-bearing text (acceptance criteria,
 * success metrics, requirements, goals, constraints, definition of done)
 * says what will be checked, not "fast", "robust", "as needed" or "TBD"
 * (seed 002: "❌ BAD (vague): Offload works correctly / Performance is good /
 * Tests pass").
 *
 * A phrase is judged in its sentence. Some phrases only name a quantity or a
 * check ("fast", "minimal", "works correctly", "tests pass"): they are fine
 * when the same sentence states the measure (a number, a threshold, a named
 * artifact such as a code span, a command or a file path). Others stay vague
 * whatever surrounds them: hedges that leave the decision open ("as needed",
 * "where appropriate", "in most cases", "etc."), placeholders ("TBD") and
 * subjective qualities ("intuitive", "seamless", "gracefully"). A list item
 * is read with its nested items, which refine it.
 *
 * Configured patterns run on RE2's linear-time engine (lib/core/regex.ts), so no
 * pattern can hang a run; the defaults are this rule's own.
 */
import { KIND_FILES } from "../lib/core/files.js";
import { SPEC_KIT_FILES } from "../lib/core/workflows.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { SC006Defaults, type SC006Options } from "../lib/rules/SC006-options.js";
import { checkVagueness, nonEmpty, patternItem, phraseItem, stringOr } from "../lib/rules/SC006-vague.js";

export { isMeasured } from "../lib/rules/SC006-vague.js";
export { DEFAULT_SUGGESTION, SC006Defaults, type SC006Options, type VaguePattern, type VaguePhrase } from "../lib/rules/SC006-options.js";

export default defineRule<SC006Options>({
  id: "SC006",
  slug: "no-vague-phrasing",
  description: "Requirement-bearing text should be specific and measurable, not vague",
  category: "vague-phrasing",
  files: [...KIND_FILES.prd, ...KIND_FILES.analysis, ...KIND_FILES.research, ...KIND_FILES.tasks],
  defaults: SC006Defaults,
  profiles: [
    // A spec-kit task's "Acceptance criteria" check the requirements the task covers ("Requirements
    // covered: FR-040"): whether "expands correctly" is pinned down is up to those requirements in
    // spec.md, which the rule does not read. Judges split on such findings, so the profile searches
    // no section. A configuration that sets `sections` searches them.
    { name: "spec-kit", files: SPEC_KIT_FILES, options: { sections: [] } },
  ],
  schema: {
    phrases: is.arrayOf(stringOr(nonEmpty(), phraseItem), "phrases (strings or { phrase, suggestion, unlessMeasured })"),
    patterns: is.arrayOf(stringOr(is.regex(), patternItem), "patterns (strings or { pattern, suggestion, unlessMeasured })"),
    sections: is.strings(),
    criteriaFiles: is.globs(),
  },
  run: checkVagueness,
});
