/**
 * SC003 acceptance-criteria-measurable: each acceptance criterion can be
 * checked pass/fail by someone else without asking the author (the
 * contract's "specific and measurable").
 *
 * A criterion (lib/text/criteria.ts: a list item, a table row or a
 * Given/When/Then scenario) is reported when
 *
 * - it rests on **vague wording** ("works correctly", "fast", "gracefully",
 *   "clear", "proper") that no threshold pins down and no clause explains
 *   ("HMR works correctly (changes trigger a browser reload)" is explained),
 *   or
 * - it **names nothing to check**: every word is generic ("Tests pass",
 *   "Documentation updated", "No regressions in existing tests").
 *
 * A yes/no check that names what to look at ("Admin nav link visible only
 * to superusers", "Pre-deploy runs database migrations automatically") is
 * measurable. A list item that only labels its nested items is no
 * criterion; its items are. Nested items refine their parent: a vague
 * parent whose nested items are all measurable is refined, and each nested
 * item is judged on its own, so a measurable one cannot hide a vague one.
 *
 * In a PRD's acceptance criteria this rule owns vague wording (SC006 leaves
 * it to this rule): one finding per criterion.
 */
import { KIRO_CRITERIA, SPEC_KIT_CRITERIA, WORKFLOW_FILES } from "../lib/core/workflows.js";
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { unmeasurable } from "../lib/rules/SC003-judge.js";
import { SC003Defaults, type SC003Options } from "../lib/rules/SC003-options.js";

export { SC003Defaults, type SC003Options } from "../lib/rules/SC003-options.js";
export { headingTerms, judgeCriterion, type Judgement } from "../lib/rules/SC003-judge.js";

const strings = is.strings();
// Each list is validated with the flags it is compiled with (lib/rules/SC003-judge.ts).
const vagueRegexes = is.regexes("iu");
const thresholdRegexes = is.regexes("iu");

export default defineRule<SC003Options>({
  id: "SC003",
  slug: "acceptance-criteria-measurable",
  description: "Acceptance criteria should be specific and measurable",
  category: "acceptance-criteria",
  files: [...KIND_FILES.prd],
  defaults: SC003Defaults,
  profiles: [
    { name: "spec-kit", files: WORKFLOW_FILES["spec-kit spec"], options: { ...SPEC_KIT_CRITERIA, definedElsewhere: true } },
    { name: "kiro", files: WORKFLOW_FILES["kiro requirements"], options: { ...KIRO_CRITERIA } },
  ],
  schema: {
    headings: strings,
    scenarioHeadings: strings,
    responseWords: strings,
    definedElsewhere: is.boolean(),
    labelPattern: is.regex("u"),
    vaguePhrases: strings,
    vaguePatterns: vagueRegexes,
    notVague: is.regexes("iu"),
    comparisons: strings,
    units: strings,
    thresholdPatterns: thresholdRegexes,
    numberWords: strings,
    zeroQuantifiers: strings,
    genericWords: strings,
  },
  run({ model, options, report }) {
    for (const finding of unmeasurable(model, options)) report(finding);
  },
});
