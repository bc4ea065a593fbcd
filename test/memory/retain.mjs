// Child process of test/memory.test.ts (run with --expose-gc): lints a tree
// of files with unique text, keeps the results as markdownlint-cli2 does,
// collects garbage and prints how much heap is still in use.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "markdownlint/promise";

const count = Number(process.argv[2]);
const dir = mkdtempSync(join(tmpdir(), "spec-contract-retain-"));
const files = [];
let bytes = 0;
for (let i = 0; i < count; i++) {
  const ws = join(dir, "specs", "active", `feature-${i}`);
  mkdirSync(ws, { recursive: true });
  const unique = (n) => `word${i}x${n}`;
  const filler = Array.from({ length: 3000 }, (_, n) => unique(n)).join(" ");
  const text = [
    `# Feature ${i} ${filler.slice(0, 60)}`,
    "",
    `## Overview of ${unique(1)} (300+ words)`,
    "",
    `${filler} TBD and it should be fast where appropriate.`,
    "",
    `## Acceptance Criteria for ${unique(2)}`,
    "",
    `- [ ] The ${unique(3)} works correctly`,
    `- [ ] Handles ${unique(4)} properly`,
    "",
    "```python",
    `def f_${i}(:`,
    "```",
    "",
    filler,
    "",
  ].join("\n");
  const file = join(ws, "prd.md");
  writeFileSync(file, text);
  bytes += text.length;
  files.push(file);
}
const customRules = (await import("../../dist/index.js")).default;
const results = await lint({ files, customRules, config: { default: false, "spec-contract": true } });
rmSync(dir, { recursive: true, force: true });
for (let i = 0; i < 3; i++) global.gc();
const findings = Object.values(results).reduce((n, r) => n + r.length, 0);
console.log(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, findings, bytes }));
