/**
 * SC011 no-template-placeholders: a spec written from a template has its
 * placeholders filled in (seed 002's templates carry `{slug}`, `{count}`,
 * `{date}`, `[Feature Name]`, `[Specific, measurable, testable criterion]`,
 * `[List adapters]`; generated pattern guides carry `{Auto-generated from
 * existing adapters}`).
 *
 * Only prose is searched (`model.masked`: code spans, fences, HTML and link
 * targets are blanked). A bracket that micromark read as a link, a
 * reference, an image or a footnote is not a placeholder, and neither is a
 * task checkbox (`model.inlineSpans`).
 *
 * Words that are content are not placeholders: a status in brackets
 * ("[Pending]"), "TBD" for an open question (unfinished-work words are
 * reported only when configured), a section that deliberately holds
 * templates ("## Templates for Research Findings", a ```markdown fence whose
 * nested fences closed it early), a MyST role (`{doc}`), and in a guide a
 * path pattern ("specs/active/{slug}/").
 */
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { KIRO_FILES, SPEC_KIT_FILES } from "../lib/core/workflows.js";
import { type SC011Options, SC011Defaults } from "../lib/rules/SC011-options.js";
import { FILES, checkPlaceholders } from "../lib/rules/SC011-placeholders.js";

export { type SC011Options, SC011Defaults } from "../lib/rules/SC011-options.js";

export default defineRule<SC011Options>({
  id: "SC011",
  slug: "no-template-placeholders",
  description: "Template placeholders should be filled in",
  category: "templates",
  files: FILES,
  defaults: SC011Defaults,
  // Every document of a spec-kit or Kiro feature, and Kiro's steering files.
  profiles: [
    { name: "spec-kit", files: SPEC_KIT_FILES, options: {} },
    { name: "kiro", files: KIRO_FILES, options: {} },
  ],
  schema: {
    words: is.strings(),
    mentions: is.strings(),
    braces: is.boolean(),
    brackets: is.boolean(),
    allow: is.strings(),
    labels: is.strings(),
    templateHeadings: is.strings(),
    markers: is.regexes("u"),
  },
  run: checkPlaceholders,
});
