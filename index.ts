/**
 * markdownlint-spec-contract: custom markdownlint rules that turn a specs
 * tree's quality contract into lint errors. The default export is the array
 * of all rules, as markdownlint-cli2's `customRules` expects.
 */
import rules from "./rules/index.js";

export { rules };
export default rules;
