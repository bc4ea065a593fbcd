/**
 * The two public spec-driven workflows the suite recognises besides the
 * contract's own layout, by where their documents live:
 *
 * - GitHub spec-kit: one folder per feature, `specs/NNN-feature-name/`
 *   (a number of three or more digits, a dash, a slug), holding `spec.md`,
 *   `plan.md`, `research.md`, `data-model.md`, `quickstart.md`, `tasks.md`,
 *   `checklists/*.md` and `contracts/*.md`.
 * - Kiro: one folder per feature, `.kiro/specs/<feature>/`, holding
 *   `requirements.md` (or `bugfix.md` for a bug fix), `design.md` and
 *   `tasks.md`; project guidance in `.kiro/steering/*.md`.
 *
 * Rules apply their workflow defaults (`profiles` in lib/core/rule.ts) to the
 * files these patterns select, at any depth, so a team's documents are read
 * in their workflow's own terms whichever preset it extends. Pure data.
 */

/** A spec-kit feature folder, at any depth. */
export const SPEC_KIT_FEATURE = "**/specs/[0-9][0-9][0-9]*-*";
/** A Kiro feature folder, at any depth. */
export const KIRO_FEATURE = "**/.kiro/specs/*";

/** File patterns of each document kind of the two workflows. */
export const WORKFLOW_FILES = {
  "spec-kit spec": [`${SPEC_KIT_FEATURE}/spec.md`],
  "spec-kit plan": [`${SPEC_KIT_FEATURE}/plan.md`],
  "spec-kit research": [`${SPEC_KIT_FEATURE}/research.md`],
  "spec-kit data-model": [`${SPEC_KIT_FEATURE}/data-model.md`],
  "spec-kit quickstart": [`${SPEC_KIT_FEATURE}/quickstart.md`],
  "spec-kit tasks": [`${SPEC_KIT_FEATURE}/tasks.md`],
  "spec-kit checklist": [`${SPEC_KIT_FEATURE}/checklists/*.md`],
  "spec-kit contract": [`${SPEC_KIT_FEATURE}/contracts/*.md`],
  "kiro requirements": [`${KIRO_FEATURE}/requirements.md`, `${KIRO_FEATURE}/bugfix.md`],
  "kiro design": [`${KIRO_FEATURE}/design.md`],
  "kiro tasks": [`${KIRO_FEATURE}/tasks.md`],
  "kiro steering": ["**/.kiro/steering/*.md"],
} as const satisfies Record<string, readonly string[]>;

export type WorkflowKind = keyof typeof WORKFLOW_FILES;

/** Every Markdown file of a spec-kit feature folder, at any depth below it. */
export const SPEC_KIT_FILES: readonly string[] = [`${SPEC_KIT_FEATURE}/**/*.md`];
/** Every Markdown file of a Kiro feature folder or of Kiro's steering folder. */
export const KIRO_FILES: readonly string[] = [`${KIRO_FEATURE}/**/*.md`, "**/.kiro/steering/*.md"];

/** Where a spec-kit spec states its criteria: the measurable outcomes ("SC-001"), and the user stories' acceptance scenarios. */
export const SPEC_KIT_CRITERIA = {
  headings: ["Success Criteria", "Measurable Outcomes"],
  scenarioHeadings: ["User Scenarios & Testing", "User Scenarios", "User Stories", "Acceptance Scenarios"],
};

/** Where a Kiro requirements document states its criteria: each requirement's "Acceptance Criteria" (受入基準 in Japanese specs). */
export const KIRO_CRITERIA = { headings: ["Acceptance Criteria", "受入基準"] };
