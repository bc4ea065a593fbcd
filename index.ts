/**
 * markdownlint-spec-contract: custom markdownlint rules that turn a specs
 * tree's quality contract into lint errors. The default export is the array
 * of all rules, as markdownlint-cli2's `customRules` expects.
 */
import type { CommonOptions } from "./lib/core/rule.js";
import rules from "./rules/index.js";

export { rules };
export default rules;

export type { CommonOptions, SpecRule } from "./lib/core/rule.js";
export type { CountMode } from "./lib/text/words.js";

/**
 * What a configuration may set for one rule: `true` / `false`, or an object
 * with any of its options (the others keep the contract's defaults), e.g.
 * `const sc002: RuleConfig<SC002Options> = { minimum: 10 }`.
 */
export type RuleConfig<O> = boolean | Partial<O & CommonOptions & (O extends { documents: unknown } ? TableOptions : unknown)>;

/**
 * What rules with a per-file `documents` table (SC001, SC012) take besides:
 * `replaceDefaults: true` makes the given table replace the default one
 * instead of merging with it entry by entry.
 */
export interface TableOptions {
  replaceDefaults: boolean;
}

// The options of every rule (one line per rule file, in ID order).
export type { DocumentBudget, SC001Options } from "./rules/SC001-section-word-budget.js";
export type { SC002Options } from "./rules/SC002-acceptance-criteria-count.js";
export type { SC003Options } from "./rules/SC003-acceptance-criteria-measurable.js";
export type { SC004Options } from "./rules/SC004-code-fence-verified.js";
export type { SC005Options } from "./rules/SC005-ascii-diagram.js";
export type { SC006Options, VaguePattern, VaguePhrase } from "./rules/SC006-no-vague-phrasing.js";
export type { MarketingCategory, SC007Options } from "./rules/SC007-no-marketing-language.js";
export type { SC008Options } from "./rules/SC008-code-fence-syntax.js";
export type { SC009Options } from "./rules/SC009-verified-reference.js";
export type { ClaimForm, Measure, SC010Options } from "./rules/SC010-declared-metrics.js";
export type { SC011Options } from "./rules/SC011-no-template-placeholders.js";
export type { RequiredSection, RequiredSections, SC012Options } from "./rules/SC012-required-sections.js";
export type { SC013Options, WorkspaceLocation } from "./rules/SC013-workspace-complete.js";
export type { SC014Options } from "./rules/SC014-task-ids.js";
export type { SC015Options } from "./rules/SC015-no-mojibake.js";
export type { SC016Options } from "./rules/SC016-traceability.js";
