// SC007 no-marketing-language on ../shared/eval/guide-sentences.tsv: each row
// is a paragraph of a guide linted as docs/guides/eval.md with the built
// rule; a finding means "predicted marketing or prescriptive". Positive
// class: K.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import suite from "../../dist/index.js";

export const name = "SC007";
const TARGET = { precision: 0.95, recall: 0.9 };
const FILE = "docs/guides/eval.md";
// Only the rule under evaluation, so another rule's state cannot break the score.
const rules = suite.filter((r) => r.names[0] === name);

/** Rows of a TSV with a header "label<TAB>sentence". */
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

/** The SC007 findings for one sentence. */
function judge(sentence) {
  const markdown = `# Eval guide\n\n${sentence}\n`;
  const result = lint({ strings: { [FILE]: markdown }, config: { default: false, [name]: true }, customRules: rules });
  return (result[FILE] ?? []).filter((e) => e.ruleNames[0] === name);
}

export function run(evalDir) {
  const rows = readRows(join(evalDir, "guide-sentences.tsv"));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses = [];
  for (const { label, text } of rows) {
    const found = judge(text);
    const predicted = found.length > 0;
    const marketing = label === "K";
    if (predicted && marketing) tp++;
    else if (predicted) {
      fp++;
      misses.push(`FP (labelled G): ${text} -> ${found[0].errorDetail}`);
    } else if (marketing) {
      fn++;
      misses.push(`FN (labelled K): ${text}`);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    rule: name,
    set: "guide-sentences.tsv",
    precision,
    recall,
    tp,
    fp,
    fn,
    tn,
    misses,
    target: `precision ≥ ${TARGET.precision}, recall ≥ ${TARGET.recall}`,
    ok: precision >= TARGET.precision && recall >= TARGET.recall,
  };
}
