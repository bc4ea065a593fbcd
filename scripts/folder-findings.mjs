// The suite's findings on every Markdown file under a folder, linted in
// chunks of 200 files (markdownlint's `lint({ files })` from
// markdownlint/sync): { rule, file (relative to the folder, with "/"),
// line, detail (white space collapsed), text (the line as written) }.
// Shared by scripts/corpus-findings.mjs and scripts/sample-findings.mjs.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { lint } from "markdownlint/sync";
import rules from "../dist/index.js";

const walk = (dir) =>
  readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : e.endsWith(".md") ? [p] : [];
  });

export function folderFindings(root, config) {
  const files = walk(root).sort();
  const found = [];
  for (let i = 0; i < files.length; i += 200) {
    const res = lint({ files: files.slice(i, i + 200), config, customRules: rules });
    for (const [file, errors] of Object.entries(res)) {
      const lines = readFileSync(file, "utf8").split(/\r\n|\r|\n/);
      const rel = relative(root, file).split("\\").join("/");
      for (const e of errors) {
        found.push({ rule: e.ruleNames[0], file: rel, line: e.lineNumber, detail: (e.errorDetail ?? "").replace(/\s+/g, " "), text: lines[e.lineNumber - 1] ?? "" });
      }
    }
  }
  return found;
}
