/**
 * SC012 required-sections: each document kind holds the sections of its
 * template (the PRD agent's checkpoints and the tasks templates).
 *
 * A section is present when some heading can plausibly be it
 * (lib/rules/SC012-section-match.ts): its name or an alias in other words, with
 * qualifiers, prefixes, "&" or "and", either side of a joined name. A
 * subsection folded into its parent is present when the parent is
 * (`within`: the Solution Summary can be the paragraph under "Overview").
 * Only a section no heading can be is reported.
 */
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { SC012Defaults, type SC012Options } from "../lib/rules/SC012-options.js";
import { checkSections, entryCheck, namesBySection } from "../lib/rules/SC012-sections.js";

export { type RequiredSection, type RequiredSections, SC012Defaults, type SC012Options } from "../lib/rules/SC012-options.js";

export default defineRule<SC012Options>({
  id: "SC012",
  slug: "required-sections",
  description: "Documents should hold the sections their template requires",
  category: "structure",
  files: ["**/*.md"],
  tables: ["documents"],
  defaults: SC012Defaults,
  schema: {
    documents: is.arrayOf(entryCheck, "required-section entries"),
    aliases: namesBySection,
    within: namesBySection,
    similarity: is.number(0, 1),
  },
  run: checkSections,
});
