/**
 * The ordered registry of the suite's rules: the single source of truth for
 * the package's default export, the docs index and the presets' tests.
 */
import type { SpecRule } from "../lib/rule.js";
import SC001 from "./SC001-section-word-budget.js";
import SC002 from "./SC002-acceptance-criteria-count.js";
import SC003 from "./SC003-acceptance-criteria-measurable.js";
import SC004 from "./SC004-code-fence-verified.js";
import SC005 from "./SC005-ascii-diagram.js";
import SC006 from "./SC006-no-vague-phrasing.js";
import SC007 from "./SC007-no-marketing-language.js";
import SC008 from "./SC008-code-fence-syntax.js";
import SC009 from "./SC009-verified-reference.js";
import SC010 from "./SC010-declared-metrics.js";
import SC011 from "./SC011-no-template-placeholders.js";
import SC012 from "./SC012-required-sections.js";
import SC013 from "./SC013-workspace-complete.js";
import SC014 from "./SC014-task-ids.js";
import SC015 from "./SC015-no-mojibake.js";

export const rules: SpecRule[] = [
  SC001 as unknown as SpecRule,
  SC002 as unknown as SpecRule,
  SC003 as unknown as SpecRule,
  SC004 as unknown as SpecRule,
  SC005 as unknown as SpecRule,
  SC006 as unknown as SpecRule,
  SC007 as unknown as SpecRule,
  SC008 as unknown as SpecRule,
  SC009 as unknown as SpecRule,
  SC010 as unknown as SpecRule,
  SC011 as unknown as SpecRule,
  SC012 as unknown as SpecRule,
  SC013 as unknown as SpecRule,
  SC014 as unknown as SpecRule,
  SC015 as unknown as SpecRule,
];

export default rules;
