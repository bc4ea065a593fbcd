/**
 * The ordered registry of the suite's rules: the single source of truth for
 * the package's default export, the docs index and the presets' tests.
 */
import type { SpecRule } from "../lib/core/rule.js";
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
import SC016 from "./SC016-traceability.js";

export const rules: SpecRule[] = [
  SC001,
  SC002,
  SC003,
  SC004,
  SC005,
  SC006,
  SC007,
  SC008,
  SC009,
  SC010,
  SC011,
  SC012,
  SC013,
  SC014,
  SC015,
  SC016,
];

export default rules;
