// SC003 acceptance-criteria-measurable on ../shared/eval/acceptance-criteria.tsv:
// each row becomes a one-criterion PRD linted with the built suite; a finding
// means "predicted vague". Positive class: V (vague).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import suite from "../../dist/index.js";

export const name = "SC003";
const TARGET = { precision: 0.95, recall: 0.9 };
const FILE = "specs/active/eval/prd.md";
// Only the rule under evaluation, so another rule's state cannot break the score.
const rules = suite.filter((r) => r.names[0] === name);

/** Rows of a TSV with a header "label<TAB>criterion". */
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

/** The SC003 findings for one criterion. */
function judge(criterion) {
  const markdown = `## Acceptance Criteria\n\n- [ ] **AC1**: ${criterion}\n`;
  const result = lint({ strings: { [FILE]: markdown }, config: { default: false, SC003: true }, customRules: rules });
  return (result[FILE] ?? []).filter((e) => e.ruleNames[0] === "SC003");
}

export function run(evalDir) {
  const rows = readRows(join(evalDir, "acceptance-criteria.tsv"));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const misses = [];
  for (const { label, text } of rows) {
    const found = judge(text);
    const predictedVague = found.length > 0;
    const vague = label === "V";
    if (predictedVague && vague) tp++;
    else if (predictedVague) {
      fp++;
      misses.push(`FP (labelled M): ${text} -> ${found[0].errorDetail}`);
    } else if (vague) {
      fn++;
      misses.push(`FN (labelled V): ${text}`);
    } else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    rule: "SC003",
    set: "acceptance-criteria.tsv",
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
