#!/usr/bin/env node
// Draw a seeded random sample of the suite's findings on a folder of
// Markdown files, for blind judging: up to N findings per SC rule and per
// top-level folder of the corpus (a workflow: spec-kit, kiro), one TSV per
// folder with the columns rule, file (relative to the corpus), line,
// detail, and the line's text.
// Usage: node scripts/sample-findings.mjs <corpus> <config.json> <out-prefix> [seed] [per-rule]
// e.g. node scripts/sample-findings.mjs ../shared/corpus-sdd recommended.json ../judging/r1-sdd- 21 30
// writes ../judging/r1-sdd-spec-kit.tsv and ../judging/r1-sdd-kiro.tsv.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { folderFindings } from "./folder-findings.mjs";

const [corpusArg, configArg, prefix, seedArg = "21", perArg = "30"] = process.argv.slice(2);
if (!corpusArg || !configArg || !prefix) {
  console.error("Usage: node scripts/sample-findings.mjs <corpus> <config.json> <out-prefix> [seed] [per-rule]");
  process.exit(2);
}
const root = resolve(corpusArg);
const config = JSON.parse(readFileSync(configArg, "utf8"));
const perRule = Number(perArg);

// mulberry32: a small seeded generator, so the same seed draws the same sample.
let state = Number(seedArg) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const all = folderFindings(root, config)
  .filter((f) => /^SC\d{3}$/.test(f.rule))
  .map((f) => ({
    group: f.file.includes("/") ? f.file.split("/")[0] : "(root)",
    row: [f.rule, f.file, f.line, f.detail, f.text.trim().replace(/\t/g, " ").slice(0, 300)],
  }));
all.sort((a, b) => a.row.join("\t").localeCompare(b.row.join("\t")));
const groups = [...new Set(all.map((f) => f.group))].sort();
for (const group of groups) {
  const out = ["rule\tfile\tline\tdetail\ttext"];
  const summary = [];
  for (const rule of [...new Set(all.filter((f) => f.group === group).map((f) => f.row[0]))].sort()) {
    const pool = all.filter((f) => f.group === group && f.row[0] === rule);
    // Fisher-Yates on a copy, then the first N, shown in file order.
    const shuffled = [...pool];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const drawn = shuffled.slice(0, perRule).sort((a, b) => a.row.join("\t").localeCompare(b.row.join("\t")));
    for (const f of drawn) out.push(f.row.join("\t"));
    summary.push(`${rule} ${drawn.length}/${pool.length}`);
  }
  const path = `${prefix}${group}.tsv`;
  writeFileSync(path, `${out.join("\n")}\n`);
  console.log(`${path}: ${summary.join(", ")}`);
}
