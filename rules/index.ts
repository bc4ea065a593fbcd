/**
 * The ordered registry of the suite's rules: the single source of truth for
 * the package's default export, the docs index and the presets' tests.
 */
import type { SpecRule } from "../lib/rule.js";
import SC001 from "./SC001-section-word-budget.js";

export const rules: SpecRule[] = [SC001 as unknown as SpecRule];

export default rules;
