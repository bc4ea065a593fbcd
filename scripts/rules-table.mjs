#!/usr/bin/env node
// Regenerates the README's rules table from the registry (dist/index.js).
// `node scripts/rules-table.mjs --check` exits 1 when the README is stale.
import { readFileSync, writeFileSync } from "node:fs";
import rules from "../dist/index.js";

const readme = new URL("../README.md", import.meta.url);
const text = readFileSync(readme, "utf8");
const start = "<!-- rules-table:start -->";
const end = "<!-- rules-table:end -->";

export function rulesTable() {
  const rows = rules.map((rule) => {
    const [id, slug] = rule.names;
    const fixable = rule.spec?.fixable ? "yes" : "";
    return `| [${id}](docs/rules/${id}-${slug}.md) | ${slug} | ${rule.description} | ${fixable} |`;
  });
  return ["| ID | slug | what it checks | --fix |", "|---|---|---|---|", ...rows].join("\n");
}

const next = text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${rulesTable()}\n${end}`);
if (process.argv.includes("--check")) {
  if (next !== text) {
    console.error("README.md rules table is stale: run `node scripts/rules-table.mjs`");
    process.exit(1);
  }
} else {
  writeFileSync(readme, next);
}
