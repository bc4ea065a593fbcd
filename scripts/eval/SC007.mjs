// SC007 no-marketing-language on ../shared/eval/guide-sentences.tsv: each row
// is a paragraph of a guide linted as docs/guides/eval.md; a finding means
// "predicted marketing or prescriptive". Positive class: K.
import { scoreBinary } from "../eval-binary.mjs";

export const name = "SC007";

export function run(evalDir) {
  return scoreBinary({
    evalDir,
    rule: name,
    set: "guide-sentences.tsv",
    file: "docs/guides/eval.md",
    positive: "K",
    negative: "G",
    wrap: (sentence) => `# Eval guide\n\n${sentence}\n`,
    target: { precision: 0.95, recall: 0.9 },
  });
}
