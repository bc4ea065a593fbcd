// SC005 ascii-diagram on ../shared/eval/diagrams/*.md: each file is a small
// PRD, linted as specs/active/<name>/prd.md with the built rule (contract
// defaults: a diagram anywhere in the document). A file agrees when SC005
// reports it exactly when its name starts with "no-" (no ASCII diagram).
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { lint } from "markdownlint/sync";
import suite from "../../dist/index.js";

export const name = "SC005";
// Only the rule under evaluation, so another rule's state cannot break the score.
const rules = suite.filter((r) => r.names[0] === name);

/** The SC005 findings for one document. */
function judge(markdown, file) {
  const result = lint({ strings: { [file]: markdown }, config: { default: false, SC005: true }, customRules: rules });
  return (result[file] ?? []).filter((e) => e.ruleNames[0] === "SC005");
}

export function run(evalDir) {
  const dir = join(evalDir, "diagrams");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && (f.startsWith("yes-") || f.startsWith("no-")))
    .sort();
  let agree = 0;
  const misses = [];
  for (const f of files) {
    const file = `specs/active/${basename(f, ".md")}/prd.md`;
    const found = judge(readFileSync(join(dir, f), "utf8"), file);
    const expectedMissing = f.startsWith("no-");
    if ((found.length > 0) === expectedMissing) agree++;
    else if (expectedMissing) misses.push(`${f}: no finding, but the file holds no ASCII diagram`);
    else misses.push(`${f}: ${found[0].errorDetail}`);
  }
  return {
    rule: "SC005",
    set: "diagrams/",
    agree,
    total: files.length,
    misses,
    target: `${files.length}/${files.length}`,
    ok: files.length > 0 && agree === files.length,
  };
}
