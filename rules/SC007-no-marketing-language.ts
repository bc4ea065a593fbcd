/**
 * SC007 no-marketing-language: guides are technical reference, not
 * marketing (seed 004, "Documentation Standards": no "recommended", "best
 * for", "ideal for", "should use"; no "better", "worse", "perfect",
 * "excellent"; no "pros/cons", "trade-offs"; no ✅/❌ as recommendation
 * markers, which are allowed only for code correctness; no "Choose X
 * when…", "Use Y for…").
 *
 * What is not reported: words in code spans and code blocks, quoted
 * mentions ("avoid "blazing fast""), names of packages and fields
 * (`better-exceptions`, `best_effort`, a hyphen or underscore joins a word to
 * its neighbour), and plain instructions that name a command, an option or
 * an API in code ("Use `--fix` to apply fixes", "Use the `session` argument
 * to …"). "Use Y for <use case>" is a prescription when Y is a product or
 * library named in prose ("Use Redis for session storage"), not when Y is a
 * common noun ("Use sentence case for headings").
 *
 * Configured patterns run on RE2's linear-time engine (lib/core/regex.ts), so no
 * pattern can hang a run; the defaults are this rule's own.
 */
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { SC007Defaults, type SC007Options } from "../lib/rules/SC007-options.js";
import { categoryCheck, checkLanguage, markersCheck, nonEmptyPhrase } from "../lib/rules/SC007-language.js";

export { type MarketingCategory, type SC007Options, SC007Defaults } from "../lib/rules/SC007-options.js";

export default defineRule<SC007Options>({
  id: "SC007",
  slug: "no-marketing-language",
  description: "Guides should describe, not recommend, praise or compare",
  category: "marketing-language",
  files: [...KIND_FILES.guide],
  defaults: SC007Defaults,
  schema: {
    categories: is.record(categoryCheck, "categories ({ phrases, patterns, suggestion })"),
    allow: is.arrayOf(nonEmptyPhrase, "phrases"),
    markers: markersCheck,
    names: is.boolean(),
    conventions: is.arrayOf(nonEmptyPhrase, "phrases"),
    plans: is.strings(),
  },
  run: checkLanguage,
});
