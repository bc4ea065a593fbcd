/**
 * SC002 acceptance-criteria-count: a PRD states at least N acceptance
 * criteria (the PRD template: "Acceptance Criteria (MINIMUM 8 - ALL MUST BE
 * SPECIFIC & MEASURABLE)"). What a criterion is (a list item, a table row,
 * a Given/When/Then scenario) is lib/text/criteria.ts's.
 *
 * In the workflow profiles, each unit of a spec states its own criteria:
 * every spec-kit user story at least one acceptance scenario, every Kiro
 * requirement at least one acceptance criterion (option `units`).
 */
import { CRITERIA_HEADINGS, type Criterion, criteriaSections, documentCriteria } from "../lib/text/criteria.js";
import { KIND_FILES } from "../lib/core/files.js";
import type { DocumentModel } from "../lib/core/model.js";
import { fromOptions } from "../lib/core/memo.js";
import { is, regexProblem } from "../lib/core/options.js";
import { optionRegExp } from "../lib/core/regex.js";
import { defineRule } from "../lib/core/rule.js";
import { KIRO_CRITERIA, SPEC_KIT_CRITERIA, WORKFLOW_FILES } from "../lib/core/workflows.js";

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
  /** Headings of sections whose Given/When/Then scenarios count as criteria too (their other items do not). */
  scenarioHeadings: string[];
  /** Whether a document without a criteria section is reported (off where SC012 requires the section). */
  missingSection: boolean;
  /**
   * A regular expression (case-insensitive) of the headings of a spec's
   * units ("User Story 2", "Requirement 3"): each such section must hold
   * at least `unitMinimum` of the document's criteria. "" for none.
   */
  units: string;
  /** Minimum criteria of each unit. */
  unitMinimum: number;
}

export const SC002Defaults: SC002Options = {
  minimum: 8,
  headings: [...CRITERIA_HEADINGS],
  scenarioHeadings: [],
  missingSection: true,
  units: "",
  unitMinimum: 1,
};


/** The units of each workflow's spec: spec-kit's user stories, Kiro's requirements. */
const SPEC_KIT_UNITS = String.raw`^(?:user\s+)?story\s*#?\d+\b`;
const KIRO_UNITS = String.raw`^(?:requirement|要件)\s*\d+(?!\.\d)`;
const unitDefaults = [SPEC_KIT_UNITS, KIRO_UNITS];

export default defineRule<SC002Options>({
  id: "SC002",
  slug: "acceptance-criteria-count",
  description: "PRDs should state enough acceptance criteria",
  category: "acceptance-criteria",
  files: [...KIND_FILES.prd],
  defaults: SC002Defaults,
  profiles: [
    {
      name: "spec-kit",
      files: WORKFLOW_FILES["spec-kit spec"],
      // The template sets no number: at least one measurable outcome, and one scenario per story. SC012 reports a missing section.
      options: { ...SPEC_KIT_CRITERIA, minimum: 1, missingSection: false, units: SPEC_KIT_UNITS },
    },
    {
      name: "kiro",
      files: WORKFLOW_FILES["kiro requirements"],
      options: { ...KIRO_CRITERIA, minimum: 0, missingSection: false, units: KIRO_UNITS },
    },
  ],
  schema: {
    minimum: is.integer(0),
    headings: is.strings(),
    scenarioHeadings: is.strings(),
    missingSection: is.boolean(),
    units: (v) => (typeof v === "string" ? (v === "" ? undefined : regexProblem(v, "iu")) : `a regular expression; found ${JSON.stringify(v)}`),
    unitMinimum: is.integer(1),
  },
  run({ model, options, report }) {
    const sections = criteriaSections(model, options.headings);
    const criteria = documentCriteria(model, options);
    const expected = `Expected: at least ${options.minimum} acceptance criteria`;
    if (sections.length === 0 && criteria.length === 0) {
      if (options.minimum > 0 && options.missingSection) {
        const name = options.headings[0] ?? "Acceptance Criteria";
        report({ line: 1, detail: `Section "${name}" is missing: ${expected}; Actual: 0` });
      }
    } else if (criteria.length < options.minimum && sections.length > 0) {
      const first = sections[0];
      report({
        line: first.line,
        detail: `Section "${first.title}": ${expected}; Actual: ${criteria.length}`,
        context: model.lines[first.line - 1],
      });
    }
    if (options.units !== "") checkUnits(options, model, criteria, report);
  },
});

/** A paragraph that states how a unit is tested ("**Independent Test**: …", "**Test**: …"): its own check, so the rule cannot tell. */
const TEST_LABEL = /^\s*(?:[*_]{2})(?:independent\s+)?tests?(?:[*_]{2})?\s*:|^\s*(?:[*_]{2})(?:independent\s+)?tests?\s*:/i;
/** A link to another Markdown document: the unit's criteria are there ("see requirements.md of the client library"). */
const DOCUMENT_LINK = /\]\([^)\s]*\.md(?:#[^)\s]*)?\)/i;

function checkUnits(
  options: SC002Options,
  model: DocumentModel,
  criteria: readonly Criterion[],
  report: (f: { line: number; detail: string; context?: string }) => void,
) {
  const sections = model.sections;
  const unit = fromOptions(options, "SC002 units", () => optionRegExp(options.units, "iu", unitDefaults));
  // The headings of units, outermost only (a "Requirement 1" inside "Requirement 1" is part of it).
  const units = sections.filter((s) => s.level > 0 && unit.test(s.title.replace(/^[\s*_]+/, "")));
  for (const s of units) {
    if (units.some((o) => o !== s && o.level < s.level && s.line > o.line && s.line <= o.endLine)) continue;
    const count = criteria.filter((c) => c.line > s.line && c.line <= s.endLine).length;
    const own = model.masked.slice(s.line, s.endLine);
    const raw = model.lines.slice(s.line, s.endLine);
    if (count === 0 && (own.some((l) => TEST_LABEL.test(l)) || raw.some((l, i) => DOCUMENT_LINK.test(l) && own[i].trim() !== ""))) continue;
    if (count < options.unitMinimum) {
      const noun = options.unitMinimum === 1 ? "acceptance criterion" : "acceptance criteria";
      report({ line: s.line, detail: `Section "${s.title}": Expected: at least ${options.unitMinimum} ${noun}; Actual: ${count}`, context: s.title });
    }
  }
}
