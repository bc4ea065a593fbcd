// SC003 acceptance-criteria-measurable on ../shared/eval/acceptance-criteria.tsv:
// each row becomes a one-criterion PRD; a finding means "predicted vague".
// Positive class: V (vague).
import { scoreBinary } from "../eval-binary.mjs";

export const name = "SC003";

export function run(evalDir) {
  return scoreBinary({
    evalDir,
    rule: name,
    set: "acceptance-criteria.tsv",
    file: "specs/active/eval/prd.md",
    positive: "V",
    negative: "M",
    wrap: (criterion) => `## Acceptance Criteria\n\n- [ ] **AC1**: ${criterion}\n`,
    target: { precision: 0.95, recall: 0.9 },
  });
}
