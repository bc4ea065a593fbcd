#!/usr/bin/env node
// Print the suite's findings on a folder of Markdown files, one per line:
// rule <TAB> file <TAB> line <TAB> detail <TAB> the line's text.
// Usage: node scripts/corpus-findings.mjs <folder> [config.json]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { lint } from "markdownlint/sync";
import rules from "../dist/index.js";

const root = resolve(process.argv[2]);
const config = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], "utf8")) : { default: false, "spec-contract": true };
const walk = (dir) =>
  readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : e.endsWith(".md") ? [p] : [];
  });
const files = walk(root).sort();
const out = [];
for (let i = 0; i < files.length; i += 200) {
  const res = lint({ files: files.slice(i, i + 200), config, customRules: rules });
  for (const [file, errors] of Object.entries(res)) {
    const lines = readFileSync(file, "utf8").split(/\r\n|\r|\n/);
    for (const e of errors)
      out.push([e.ruleNames[0], relative(root, file), e.lineNumber, (e.errorDetail ?? "").replace(/\s+/g, " "), (lines[e.lineNumber - 1] ?? "").trim().slice(0, 200)].join("\t"));
  }
}
out.sort();
process.stdout.write(out.join("\n") + "\n");
