// Shared by the binary-label eval modules in scripts/eval/ (SC003, SC006,
// SC007): read a labelled TSV, lint each row as a small document with only
// the rule under evaluation, and score "has a finding" against the label.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import suite from "../dist/index.js";

/** Rows of a TSV with a header "label<TAB>text". */
function readRows(path) {
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const tab = l.indexOf("\t");
      return { label: l.slice(0, tab).trim(), text: l.slice(tab + 1) };
    });
}

/**
 * Precision and recall of `rule` on `set`, the positive class being
 * `positive` (the other label is `negative`). Each row's text is placed in a
 * document by `wrap` and linted as `file`.
 */
export function scoreBinary({ evalDir, rule, set, file, positive, negative, wrap, target }) {
  // Only the rule under evaluation, so another rule's state cannot break the score.
  const rules = suite.filter((r) => r.names[0] === rule);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses = [];
  for (const { label, text } of readRows(join(evalDir, set))) {
    const result = lint({ strings: { [file]: wrap(text) }, config: { default: false, [rule]: true }, customRules: rules });
    const found = (result[file] ?? []).filter((e) => e.ruleNames[0] === rule);
    const predicted = found.length > 0;
    const isPositive = label === positive;
    if (predicted && isPositive) tp++;
    else if (predicted) {
      fp++;
      misses.push(`FP (labelled ${negative}): ${text} -> ${found[0].errorDetail}`);
    } else if (isPositive) {
      fn++;
      misses.push(`FN (labelled ${positive}): ${text}`);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    rule,
    set,
    precision,
    recall,
    tp,
    fp,
    fn,
    tn,
    misses,
    target: `precision ≥ ${target.precision}, recall ≥ ${target.recall}`,
    ok: precision >= target.precision && recall >= target.recall,
  };
}
