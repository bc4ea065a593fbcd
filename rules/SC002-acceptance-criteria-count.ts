/**
 * SC002 acceptance-criteria-count: a PRD states at least N acceptance
 * criteria (the PRD template: "Acceptance Criteria (MINIMUM 8 - ALL MUST BE
 * SPECIFIC & MEASURABLE)"). What a criterion is (a list item, a table row,
 * a Given/When/Then scenario) is lib/criteria.ts's.
 */
import { CRITERIA_HEADINGS, criteriaIn, criteriaSections } from "../lib/criteria.js";
import { KIND_FILES } from "../lib/files.js";
import { is } from "../lib/options.js";
import { defineRule } from "../lib/rule.js";

export interface SC002Options {
  /** Minimum number of acceptance criteria. */
  minimum: number;
  /**
   * Headings of the acceptance criteria section, in order of preference:
   * the first one the document holds is used (matched as headings are:
   * case, numbering, emoji and a trailing parenthetical ignored). Every
   * section with that heading counts, subsections included.
   */
  headings: string[];
}

export const SC002Defaults: SC002Options = {
  minimum: 8,
  headings: [...CRITERIA_HEADINGS],
};

export default defineRule<SC002Options>({
  id: "SC002",
  slug: "acceptance-criteria-count",
  description: "PRDs should state enough acceptance criteria",
  category: "acceptance-criteria",
  files: [...KIND_FILES.prd],
  defaults: SC002Defaults,
  schema: { minimum: is.integer(0), headings: is.strings() },
  run({ model, options, report }) {
    const sections = criteriaSections(model, options.headings);
    const expected = `Expected: at least ${options.minimum} acceptance criteria`;
    if (sections.length === 0) {
      if (options.minimum > 0) {
        const name = options.headings[0] ?? "Acceptance Criteria";
        report({ line: 1, detail: `Section "${name}" is missing: ${expected}; Actual: 0` });
      }
      return;
    }
    const count = criteriaIn(model, sections).length;
    if (count < options.minimum) {
      const first = sections[0];
      report({
        line: first.line,
        detail: `Section "${first.title}": ${expected}; Actual: ${count}`,
        context: model.lines[first.line - 1],
      });
    }
  },
});
