#!/usr/bin/env node
// Print the suite's findings on a folder of Markdown files, one per line:
// rule <TAB> file <TAB> line <TAB> detail <TAB> the line's text.
// Usage: node scripts/corpus-findings.mjs <folder> [config.json]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { folderFindings } from "./folder-findings.mjs";

const root = resolve(process.argv[2]);
const config = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], "utf8")) : { default: false, "spec-contract": true };
const out = folderFindings(root, config).map((f) => [f.rule, f.file, f.line, f.detail, f.text.trim().slice(0, 200)].join("\t"));
out.sort();
process.stdout.write(out.join("\n") + "\n");
