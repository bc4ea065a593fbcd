// SC006 no-vague-phrasing on ../shared/eval/prd-sentences.tsv: each row is
// put in the "## Requirements" section of a PRD linted as
// specs/active/eval/prd.md; a finding means "predicted vague". Positive
// class: V (vague).
import { scoreBinary } from "../eval-binary.mjs";

export const name = "SC006";

export function run(evalDir) {
  return scoreBinary({
    evalDir,
    rule: name,
    set: "prd-sentences.tsv",
    file: "specs/active/eval/prd.md",
    positive: "V",
    negative: "S",
    wrap: (sentence) => `# Eval\n\n## Requirements\n\n${sentence}\n`,
    target: { precision: 0.9, recall: 0.85 },
  });
}
