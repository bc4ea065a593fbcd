/**
 * The scorecard bin (dist/cli/scorecard.js, `markdownlint-spec-contract-scorecard`)
 * on a specs tree built here: a passing PRD, a failing PRD, its tasks list,
 * a research plan and a guide, in a project that uses the package by name.
 * The bin runs the real markdownlint-cli2 in-process with the project's
 * configuration; the rows are compared exactly, in all three formats, and
 * against the findings of the same configuration run through the CLI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scorecard, ScorecardRow } from "../dist/cli/scorecard-rows.js";
import { cleanup, cli2, linkedProject, ROOT, run } from "./integration.js";

const BIN = join(ROOT, "dist", "cli", "scorecard.js");

const SENTENCE = "The export service writes one file per tenant and records the row count in the audit log".split(" ");
/** Exactly `n` words of plain prose (17-word sentences). */
function prose(n: number): string {
  const words = Array.from({ length: n }, (_, i) => SENTENCE[i % SENTENCE.length]);
  return `${words.join(" ")}.`.replace(/ log (?!\.)/g, " log. ");
}

const DIAGRAM = ["```text", "+--------+     +---------+", "| client | --> | service |", "+--------+     +---------+", "```"].join("\n");
const VERIFIED = ["```python", "# VERIFIED: src/export.py:10-20", "rows = export(tenant)", "```"].join("\n");
const UNVERIFIED = ["```python", "rows = export(tenant)", "```"].join("\n");

const MEASURABLE = [
  "Processes 1M rows in under 5 minutes on one vCPU",
  "Query count is at most 2 per offload operation",
  "Coverage is at least 90% for modified modules",
  "The export endpoint returns HTTP 200 for a tenant with 0 rows",
  "p95 latency of `GET /exports` is below 300 ms at 50 rps",
  "Memory use stays under 512 MB while exporting 10M rows",
  "A failed upload is retried at most 3 times, 30 seconds apart",
  "The audit log holds exactly 1 entry per export run",
];

// Words: headings count toward their parent section; the numbers below are what the budget columns must show.
const GOOD_PRD = `# PRD: Tenant Export

## Overview

### Problem Statement

${prose(200)}

### Solution Summary

${prose(100)}

## Architecture

${DIAGRAM}

### Current State

${prose(200)}

### Proposed Changes

${prose(400)}

${VERIFIED}

## Implementation Details

${prose(400)}

## Testing Strategy

${prose(400)}

## Acceptance Criteria

${MEASURABLE.map((c) => `- ${c}`).join("\n")}

## Risks & Mitigation

${prose(100)}

## Dependencies

${prose(100)}
`;

const BAD_PRD = `# PRD: Tenant Import

## Overview (300+ words)

${prose(120)}

${UNVERIFIED}

## Acceptance Criteria

- Performance is good
- Imports 1M rows in under 5 minutes
- Coverage is at least 90% for modified modules
`;

const TASKS = `# Tasks: Tenant Import

## Phase 1: Planning & Research

- [x] Read the import code
- [ ] Write the PRD
`;

const PLAN = `# Research Plan: Tenant Import

## Internal Patterns (600+ words)

${prose(610)}

${VERIFIED}

${UNVERIFIED}
`;

const GUIDE = `# Rotating the Export Signing Key

${prose(40)}
`;

const CONFIG = `{
  "customRules": ["markdownlint-spec-contract"],
  // The scorecard's own rules only, so every finding counted here is one of theirs.
  "config": { "default": false, "SC001": true, "SC002": true, "SC003": true, "SC004": true, "SC005": true }
}
`;

const TREE: Record<string, string> = {
  ".markdownlint-cli2.jsonc": CONFIG,
  "specs/active/tenant-export/prd.md": GOOD_PRD,
  "specs/active/tenant-import/prd.md": BAD_PRD,
  "specs/active/tenant-import/tasks.md": TASKS,
  "specs/active/tenant-import/research/plan.md": PLAN,
  "specs/guides/rotate-signing-key.md": GUIDE,
};

const section = (heading: string, line: number, words: number, budget: number) => ({ heading, line, words, budget, met: words >= budget });

/** The rows the tree must give, worked out from the text above. */
const EXPECTED: ScorecardRow[] = [
  {
    file: "specs/active/tenant-export/prd.md",
    kind: "prd",
    // 1900 words of prose, the 8 criteria (83 words), the headings below the title (19 words) and the title (3).
    words: { count: "prose", actual: 2005, minimum: 2000 },
    sections: [
      section("Overview", 3, 304, 300),
      section("Problem Statement", 5, 200, 200),
      section("Solution Summary", 9, 100, 100),
      section("Architecture", 13, 604, 600),
      section("Current State", 21, 200, 200),
      section("Proposed Changes", 25, 400, 400),
      section("Implementation Details", 34, 400, 400),
      section("Testing Strategy", 38, 400, 400),
      section("Risks & Mitigation", 53, 100, 100),
      section("Dependencies", 57, 100, 100),
    ],
    criteria: { count: 8, minimum: 8, measurable: 8 },
    pythonFences: { total: 1, verified: 1 },
    diagrams: { count: 1, minimum: 1 },
    findings: 0,
    warnings: 0,
    pass: true,
  },
  {
    file: "specs/active/tenant-import/prd.md",
    kind: "prd",
    words: { count: "prose", actual: 146, minimum: 2000 },
    sections: [section("Overview (300+ words)", 3, 120, 300)],
    criteria: { count: 3, minimum: 8, measurable: 2 },
    pythonFences: { total: 1, verified: 0 },
    diagrams: { count: 0, minimum: 1 },
    // SC001 document + section, SC002, SC003 (1 criterion), SC004 fence + totals, SC005.
    findings: 6,
    warnings: 0,
    pass: false,
  },
  {
    file: "specs/active/tenant-import/research/plan.md",
    kind: "research",
    words: { count: "prose", actual: 618, minimum: 2000 },
    sections: [section("Internal Patterns (600+ words)", 3, 610, 600)],
    criteria: null,
    pythonFences: { total: 2, verified: 1 },
    diagrams: null,
    // SC001 document, SC004 fence + totals.
    findings: 2,
    warnings: 0,
    pass: false,
  },
  {
    file: "specs/active/tenant-import/tasks.md",
    kind: "tasks",
    // Headings 3 + 4 words ("&" is no word), items 4 + 3 (a task box is no word).
    words: { count: "prose", actual: 14, minimum: null },
    sections: [],
    criteria: null,
    pythonFences: null,
    diagrams: null,
    findings: 0,
    warnings: 0,
    pass: true,
  },
  {
    file: "specs/guides/rotate-signing-key.md",
    kind: "guide",
    words: { count: "prose", actual: 45, minimum: null },
    sections: [],
    criteria: null,
    pythonFences: null,
    diagrams: null,
    findings: 0,
    warnings: 0,
    pass: true,
  },
];

const TABLE = `Document                                     Kind      Words      Sections   Criteria  Measurable  Python verified  Diagram  Findings  Result
-------------------------------------------  --------  ---------  ---------  --------  ----------  ---------------  -------  --------  ------
specs/active/tenant-export/prd.md            prd       2005/2000  10/10 met  8/8       8/8         1/1              yes (1)  0         pass
specs/active/tenant-import/prd.md            prd       146/2000   0/1 met    3/8       2/3         0/1              no (0)   6         fail
specs/active/tenant-import/research/plan.md  research  618/2000   1/1 met    -         -           1/2              -        2         fail
specs/active/tenant-import/tasks.md          tasks     14         -          -         -           -                -        0         pass
specs/guides/rotate-signing-key.md           guide     45         -          -         -           -                -        0         pass

3 of 5 documents pass

Sections short of their word budget:
  specs/active/tenant-import/prd.md:3 Overview (300+ words): 120/300 words
`;

let dir: string;
const scorecard = (...args: string[]) => run(process.execPath, [BIN, ...args], { cwd: dir });

beforeAll(() => {
  dir = linkedProject("spec-contract-scorecard", TREE);
});
afterAll(() => cleanup(dir));

describe("markdownlint-spec-contract-scorecard", () => {
  it("gives one exact row per document as JSON", () => {
    const result = scorecard("--format", "json", "specs/**/*.md");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const card = JSON.parse(result.stdout) as Scorecard;
    expect(card.documents).toEqual(EXPECTED);
    expect(card.summary).toEqual({ documents: 5, passed: 3, failed: 2 });
  });

  it("prints the same rows as a terminal table, as docs/adoption.md shows it", () => {
    const result = scorecard("specs/**/*.md");
    expect(result.stdout).toBe(TABLE);
    expect(readFileSync(join(ROOT, "docs", "adoption.md"), "utf8")).toContain(TABLE);
  });

  it("writes Markdown for a job summary, appending to a file", () => {
    const summary = join(dir, "summary.md");
    expect(scorecard("--format", "markdown", "--output", summary, "--append", "specs/**/*.md").status).toBe(0);
    expect(scorecard("--format", "markdown", "--output", summary, "--append", "specs/guides/*.md").status).toBe(0);
    const markdown = readFileSync(summary, "utf8");
    expect(markdown.split("## Spec scorecard")).toHaveLength(3);
    expect(markdown).toContain(
      "| `specs/active/tenant-import/prd.md` | prd | 146/2000 | 0/1 met | 3/8 | 2/3 | 0/1 | no (0) | 6 | ❌ fail |",
    );
    expect(markdown).toContain("| `specs/guides/rotate-signing-key.md` | guide | 45 | - | - | - | - | - | 0 | ✅ pass |");
    expect(markdown).toContain("| Overview (300+ words) | 3 | 120 | 300 | no |");
    expect(markdown).toContain("| Risks & Mitigation | 53 | 100 | 100 | yes |");
    expect(markdown.match(/<details>/g)).toHaveLength(3);
  });

  it("agrees with the lint: findings per document and the sections SC001 reports", () => {
    const result = scorecard("--format", "json", "specs/**/*.md");
    expect(result.stderr).toBe("");
    const card = JSON.parse(result.stdout) as Scorecard;
    const lint = cli2(dir, ["specs/**/*.md"]);
    const lines = (lint.stdout + lint.stderr).split("\n").filter((l) => /^specs\/\S+:\d+/.test(l));
    for (const row of card.documents) {
      const own = lines.filter((l) => l.startsWith(`${row.file}:`));
      expect(own.length, row.file).toBe(row.findings);
      const sc001Sections = own
        .filter((l) => l.includes(" SC001/") && l.includes("[Section "))
        .map((l) => Number(/^[^:]+:(\d+)/.exec(l)![1]));
      expect(sc001Sections, row.file).toEqual(row.sections!.filter((s) => !s.met).map((s) => s.line));
      const documentShort = row.words!.minimum !== null && row.words!.actual < row.words!.minimum;
      expect(own.some((l) => l.includes("[Document: Expected: at least")), row.file).toBe(documentShort);
    }
  });

  it("exits 1 with --check when a document fails, 2 on bad use", () => {
    expect(scorecard("--check", "specs/**/*.md").status).toBe(1);
    expect(scorecard("--check", "specs/guides/*.md").status).toBe(0);
    expect(scorecard("--format", "xml", "specs/**/*.md").status).toBe(2);
    expect(scorecard().status).toBe(2);
  });
});
