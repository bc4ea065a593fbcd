// Print (or, with WRITE=1, rewrite) the expected-findings block of fixtures
// from what the built suite reports now. Review the diff before committing:
// a fixture states what the rules should report, not what they do.
import { readFileSync, writeFileSync } from "node:fs";
import { lint } from "markdownlint/sync";
import rules from "../dist/index.js";
for (const file of process.argv.slice(2)) {
  const md = readFileSync(file, "utf8");
  const res = lint({ strings: { [file]: md }, config: { default: false, "spec-contract": true }, customRules: rules })[file];
  const lines = res.map((e) => ({ line: e.lineNumber, rule: e.ruleNames[0], detail: e.errorDetail ?? "" }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail))
    .map((f) => `${f.line} ${f.rule} ${f.detail}`);
  const block = `<!-- expected-findings\n${lines.join("\n")}\n-->`;
  const next = /<!--\s*expected-findings\s*\n[\s\S]*?-->/.test(md) ? md.replace(/<!--\s*expected-findings\s*\n[\s\S]*?-->/, block) : md;
  if (process.env.WRITE) writeFileSync(file, next);
  else console.log(`== ${file}\n${block}`);
}
