import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { applyFixes } from "markdownlint";
import { afterAll, describe, expect, it } from "vitest";
import { findings, lintFiles, lintString } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const tasks = "specs/active/demo/tasks.md";
const notes = "docs/notes.md";
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

/** Apply every fix, re-lint: nothing fixable may be left, and a second fix must change nothing. */
function roundTrip(markdown: string, name: string, options: unknown = true): string {
  const fixed = applyFixes(markdown, lintString(markdown, name, "SC010", options));
  const again = lintString(fixed, name, "SC010", options);
  expect(again.filter((e) => e.fixInfo)).toEqual([]);
  expect(applyFixes(fixed, again)).toBe(fixed);
  return fixed;
}

describe("SC010 declared-metrics", () => {
  it("compares a word claim with wc -w of the whole file, on the claim's line with a range over the number and a fix", () => {
    // 3 words of text + the claim line's own 5 words ("**Total", "PRD", "Words**:", "2150", "(final)").
    const md = "# PRD\n\nalpha beta\n\n**Total PRD Words**: 2150 (final)\n";
    const [error] = lintString(md, prd, "SC010");
    expect([error.lineNumber, error.errorDetail, error.errorRange, error.fixInfo]).toEqual([
      5,
      'Claim "Total PRD Words": Expected: 2150 words; Actual: 9 words (wc)',
      [22, 4],
      { editColumn: 22, deleteCount: 4, insertText: "9" },
    ]);
    expect(roundTrip(md, prd)).toBe("# PRD\n\nalpha beta\n\n**Total PRD Words**: 9 (final)\n");
  });

  it("reads the forms real specs use: thousands separators, the colon inside the emphasis, list items, headings", () => {
    const md = [
      "# Stats",
      "",
      "**Word Count:** 5,847 words",
      "- Words: 4700 (minimum 4500 required)",
      "## Total Word Count: 1,000",
      "",
    ].join("\n");
    expect(findings(md, notes, "SC010")).toEqual([
      { line: 3, rule: "SC010", detail: 'Claim "Word Count": Expected: 5847 words; Actual: 17 words (wc)' },
      { line: 4, rule: "SC010", detail: 'Claim "Words": Expected: 4700 words; Actual: 17 words (wc)' },
      { line: 5, rule: "SC010", detail: 'Claim "Total Word Count": Expected: 1000 words; Actual: 17 words (wc)' },
    ]);
    // A fix keeps the separators' style; wc -w counts are unchanged by it.
    expect(roundTrip(`# Stats\n\n**Word Count**: 1,001 words\n${words(1000)}\n`, notes)).toContain("**Word Count**: 1,006 words");
  });

  it("allows a tolerance for approximate claims and reads N+ as a minimum; neither is fixed", () => {
    const body = `# Stats\n\n${words(95)}\n\n`;
    // "# Stats" (2) + 95 + the claim line's own words.
    expect(findings(`${body}**Word Count**: ~105 words\n`, notes, "SC010")).toEqual([]);
    expect(findings(`${body}**Word Count**: ~115 words\n`, notes, "SC010")).toEqual([
      { line: 5, rule: "SC010", detail: 'Claim "Word Count": Expected: about 115 words (±10%); Actual: 101 words (wc)' },
    ]);
    expect(findings(`${body}**Word Count**: ~115 words\n`, notes, "SC010", { tolerance: 20 })).toEqual([]);
    expect(findings(`${body}**Word Count**: about 100 words\n`, notes, "SC010")).toEqual([]);
    const atLeast = lintString(`${body}**Word Count**: 120+\n`, notes, "SC010");
    expect(atLeast.map((e) => [e.errorDetail, e.fixInfo])).toEqual([
      ['Claim "Word Count": Expected: at least 120 words; Actual: 100 words (wc)', null],
    ]);
    expect(findings(`${body}**Word Count**: 90+\n`, notes, "SC010")).toEqual([]);
  });

  it("counts prose words when configured, and then offers no fix (only wc -w is unambiguous)", () => {
    const md = "# PRD\n\n[alpha](https://example.com/x) `beta` gamma\n\n**Total PRD Words**: 3\n";
    expect(findings(md, prd, "SC010", { count: "prose" })).toEqual([
      // Prose: "alpha", "beta", "gamma", "Total", "PRD", "Words", "3", "PRD" (the heading).
      { line: 5, rule: "SC010", detail: 'Claim "Total PRD Words": Expected: 3 words; Actual: 8 words (prose)' },
    ]);
    expect(lintString(md, prd, "SC010", { count: "prose" })[0].fixInfo).toBeNull();
  });

  it("counts acceptance criteria as SC002 does: top-level items of the section and its subsections", () => {
    const md = [
      "# PRD",
      "",
      "## Acceptance Criteria",
      "",
      "- [ ] Imports 1M rows in under 5 minutes",
      "  - measured on the CI runner",
      "- [ ] Query count ≤2 per operation",
      "",
      "### Non-functional",
      "",
      "1. Coverage ≥90% for modified modules",
      "",
      "## Summary",
      "",
      "**Acceptance Criteria**: 10 (minimum 8 required)",
      "**Code Snippets**: 2 (100% verified)",
      "**Code Examples Verified**: 2",
      "",
      "```python",
      "# VERIFIED: src/a.py:1-2",
      "x = 1",
      "```",
      "",
      "```py",
      "y = 2  # no marker",
      "```",
      "",
      "```bash",
      "# VERIFIED: not python",
      "```",
      "",
    ].join("\n");
    expect(findings(md, prd, "SC010")).toEqual([
      { line: 15, rule: "SC010", detail: 'Claim "Acceptance Criteria": Expected: 10 acceptance criteria; Actual: 3 acceptance criteria' },
      { line: 17, rule: "SC010", detail: 'Claim "Code Examples Verified": Expected: 2 verified python fences; Actual: 1 verified python fence' },
    ]);
    // Fences are counted without interpretation and fixed; criteria depend on the layout and are not.
    const fixed = roundTrip(md, prd);
    expect(fixed).toContain("**Acceptance Criteria**: 10 (minimum 8 required)");
    expect(fixed).toContain("**Code Examples Verified**: 1\n");
  });

  it("leaves a library's entry in a documentation index alone: its Code Snippets are not this document's", () => {
    const plan = "specs/active/demo/research/plan.md";
    const md = [
      "# Research Plan",
      "",
      "## Library Documentation",
      "",
      "### Litestar",
      "",
      "- **Library ID**: `/litestar-org/litestar`",
      "- **Code Snippets**: 668",
      "- **Trust Score**: 9.3",
      "",
      "Title: SQLSpec",
      "Context7-compatible library ID: /litestar-org/sqlspec",
      "Code Snippets: 1,204",
      "",
      "### Context7 results",
      "",
      "**Code Snippets**: 250",
      "",
      "## Summary",
      "",
      "**Code Snippets**: 3 (100% verified)",
      "",
      "```python",
      "# VERIFIED: Syntax checked with py_compile",
      "x = 1",
      "```",
      "",
    ].join("\n");
    const errors = lintString(md, plan, "SC010");
    expect(errors.map((e) => [e.lineNumber, e.errorDetail, e.fixInfo])).toEqual([
      [21, 'Claim "Code Snippets": Expected: 3 python fences; Actual: 1 python fence', { editColumn: 20, deleteCount: 1, insertText: "1" }],
    ]);
  });

  it("accepts a total the line explains, and offers no fix for task counts", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `- [ ] **T${i + 1}**: step ${i + 1}`);
    const explained = (n: number) => ["# Tasks", "", ...list(n), "", "**Total Tasks**: 30 (plus 2 cleanup tasks)", ""].join("\n");
    expect(findings(explained(32), tasks, "SC010")).toEqual([]);
    expect(findings(explained(30), tasks, "SC010")).toEqual([]);
    const wrong = lintString(explained(35), tasks, "SC010");
    expect(wrong.map((e) => [e.lineNumber, e.errorDetail, e.fixInfo])).toEqual([
      [39, 'Claim "Total Tasks": Expected: 30 tasks (or 32, with the other counts on its line); Actual: 35 tasks', null],
    ]);
    const breakdown = ["# Tasks", "", ...list(32), "", "**Total Tasks**: 32 (30 implementation tasks + 2 cleanup)", ""].join("\n");
    expect(findings(breakdown, tasks, "SC010")).toEqual([]);
    const plain = lintString(["# Tasks", "", ...list(32), "", "**Total Tasks**: 30", ""].join("\n"), tasks, "SC010");
    expect(plain.map((e) => [e.errorDetail, e.fixInfo])).toEqual([['Claim "Total Tasks": Expected: 30 tasks; Actual: 32 tasks', null]]);
  });

  it("counts the numbered tasks of a spec-kit tasks file beside its other checklists", () => {
    // T001…T004 are the tasks; the checklist under them and the success criteria are checkboxes too.
    const md = [
      "# Tasks",
      "",
      "- [x] T001 Verify the arrow types",
      "- [x] T002 [P] Review the renderer",
      "- [ ] T003 Add the tests",
      "- [ ] T004 Implement the arrowheads",
      "",
      "## Definition of Done",
      "",
      "- [ ] All 4 tasks completed",
      "- [ ] `yarn test:app` passes with 0 failures",
      "- [x] SC-001: Chart published within 5 minutes",
      "",
      "**Total Tasks**: 4",
      "**Completed Tasks**: 2",
      "",
    ].join("\n");
    expect(findings(md, tasks, "SC010")).toEqual([]);
    // A total that fits no reading is still wrong, and is reported with the usual count.
    expect(findings(md.replace("**Total Tasks**: 4", "**Total Tasks**: 5"), tasks, "SC010")).toEqual([
      { line: 14, rule: "SC010", detail: 'Claim "Total Tasks": Expected: 5 tasks; Actual: 7 tasks' },
    ]);
  });

  it("does not read a bound or a share on the line as another count", () => {
    // "(minimum 8 required)" and "(100% verified)" explain nothing: the claim stands as written.
    const md = "# PRD\n\n**Code Snippets**: 2 (100% verified, minimum 8 snippets required)\n";
    expect(lintString(md, prd, "SC010").map((e) => [e.errorDetail, e.fixInfo])).toEqual([
      ['Claim "Code Snippets": Expected: 2 python fences; Actual: 0 python fences', { editColumn: 20, deleteCount: 1, insertText: "0" }],
    ]);
  });

  it("counts tasks as checkbox items, or as task headings when the file has them", () => {
    const checkboxes = [
      "# Tasks",
      "",
      "- [x] **R1**: Add the model",
      "- [ ] **R2**: Add the API",
      "  - [ ] sub-step (part of R2)",
      "- [x] **R3**: Add tests",
      "",
      "**Total Tasks**: 4",
      "- Completed: 2 tasks",
      "- Remaining: 2",
      "",
    ].join("\n");
    expect(findings(checkboxes, tasks, "SC010")).toEqual([
      { line: 8, rule: "SC010", detail: 'Claim "Total Tasks": Expected: 4 tasks; Actual: 3 tasks' },
      { line: 10, rule: "SC010", detail: 'Claim "Remaining": Expected: 2 remaining tasks; Actual: 1 remaining task' },
    ]);
    roundTrip(checkboxes, tasks);
    const headings = [
      "# Tasks",
      "",
      "### Task 1: Types",
      "- [x] a",
      "- [x] b",
      "### Task 2: Function",
      "- [x] c",
      "- [ ] d",
      "### Task 3: Docs",
      "",
      "## Summary",
      "",
      "**Total Tasks**: 3",
      "**Completed Tasks**: 2",
      "",
    ].join("\n");
    expect(findings(headings, tasks, "SC010")).toEqual([
      { line: 14, rule: "SC010", detail: 'Claim "Completed Tasks": Expected: 2 completed tasks; Actual: 1 completed task' },
    ]);
  });

  it("reads a label only where its kind is (Total Tasks in tasks.md, not in a PRD) and only at the start of a line", () => {
    expect(findings("# PRD\n\n**Total Tasks**: 40\n", prd, "SC010")).toEqual([]);
    expect(findings("# Notes\n\nThe guide says words: 4000 are needed.\n", notes, "SC010")).toEqual([]);
    expect(findings("# Notes\n\n- Completed: 2025-01-03\n- Words: 30%\n- Word Count: 12 sections\n", tasks, "SC010")).toEqual([]);
    expect(findings("# Notes\n\n`Words: 4700`\n\n    Words: 4700\n", notes, "SC010")).toEqual([]);
    expect(findings("# Notes\n\n**Word Count**: {count} words\n", notes, "SC010")).toEqual([]);
  });

  it("counts words with front matter, as wc -w does for the file", () => {
    // "---" ×2, "title: a b" (3), "# Notes" (2), the claim (3).
    const md = "---\ntitle: a b\n---\n# Notes\n\n**Word Count**: 10\n";
    expect(findings(md, notes, "SC010")).toEqual([]);
  });

  it("takes custom claim forms", () => {
    const options = { claims: [{ label: "Anzahl Wörter", measure: "words" }] };
    expect(findings("# Notiz\n\n**Anzahl Wörter**: 99\n", notes, "SC010", options)).toEqual([
      { line: 3, rule: "SC010", detail: 'Claim "Anzahl Wörter": Expected: 99 words; Actual: 5 words (wc)' },
    ]);
    expect(findings("# Notiz\n\n**Word Count**: 99\n", notes, "SC010", options)).toEqual([]);
  });

  it("reports bad options on line 1", () => {
    expect(findings("# x\n", notes, "SC010", { claims: [{ label: "Words", measure: "pages" }] })).toEqual([
      {
        line: 1,
        rule: "SC010",
        detail:
          'Invalid configuration of SC010/declared-metrics: option "claims" must be an array of claim forms; item 1: "measure" to be one of "words", "criteria", "pythonFences", "verifiedFences", "tasks", "completedTasks", "remainingTasks"; found "pages"',
      },
    ]);
    expect(findings("# x\n", notes, "SC010", { taskHeadings: "(" })[0].detail).toMatch(
      /^Invalid configuration of SC010\/declared-metrics: option "taskHeadings" must be regular expressions that compile; "\(" does not/,
    );
    expect(findings("# x\n", notes, "SC010", { tolerance: -1 })[0].detail).toBe(
      'Invalid configuration of SC010/declared-metrics: option "tolerance" must be a number ≥ 0; found -1',
    );
  });

  describe("claims about another file of the workspace", () => {
    const base = mkdtempSync(join(tmpdir(), "sc010-"));
    const ws = join(base, "proj", "specs", "active", "demo");
    mkdirSync(join(base, "proj", ".git"), { recursive: true });
    mkdirSync(join(ws, "research"), { recursive: true });
    mkdirSync(join(base, "outside"));
    writeFileSync(join(ws, "research", "analysis.md"), `# Analysis\n\n${words(4698)}\n`);
    writeFileSync(join(ws, "research", "plan.md"), "# Plan\n\nalpha beta gamma\n");
    writeFileSync(join(base, "outside", "big.md"), `${words(50)}\n`);
    afterAll(() => rmSync(base, { recursive: true, force: true }));
    const recovery = join(ws, "recovery.md");

    const doc = [
      "# Recovery",
      "",
      "✓ **Ultra-Deep Analysis** (Checkpoint 2):",
      "- Words: 4700 (minimum 4500 required)",
      "- File: `research/analysis.md`",
      "",
      "✓ **Extensive Research** (Checkpoint 3):",
      "- Words: 2,000 (minimum 2000 required)",
      "- File: `research/plan.md`",
      "",
      "✓ **Comprehensive PRD** (Checkpoint 4):",
      "- Words: 2100 (minimum 2000 required)",
      "- File: `prd.md`",
      "",
      "## Root-relative",
      "",
      "- Words: 5 (`specs/active/demo/research/plan.md`)",
      "- Words: 50 (`../../../../outside/big.md`)",
      "",
    ].join("\n");

    it("checks each claim against the file it names, counting that file as wc -w does", () => {
      expect(findings(doc, recovery, "SC010")).toEqual([
        { line: 8, rule: "SC010", detail: 'Claim "Words" about research/plan.md: Expected: 2000 words; Actual: 5 words (wc)' },
        { line: 12, rule: "SC010", detail: 'Claim "Words" about prd.md: Expected: the file to exist; Actual: not found' },
      ]);
    });

    it("offers no fix for a claim about another file (a fix is only for this document's own figures)", () => {
      expect(lintString(doc, recovery, "SC010").filter((e) => e.fixInfo)).toEqual([]);
      expect(roundTrip(doc, recovery)).toBe(doc);
    });

    it("skips a claim whose list names several files, and other files when otherFiles is off", () => {
      const two = "# Recovery\n\n- Words: 9\n- Files: `research/plan.md`, `research/analysis.md`\n";
      expect(findings(two, recovery, "SC010")).toEqual([]);
      expect(findings(doc, recovery, "SC010", { otherFiles: false })).toEqual([]);
    });

    it("without a project root reads only below the document's folder", () => {
      const lone = join(base, "outside", "ws", "recovery.md");
      mkdirSync(join(base, "outside", "ws", "research"), { recursive: true });
      writeFileSync(join(base, "outside", "ws", "research", "plan.md"), "one two\n");
      const md = "# Recovery\n\n- Words: 7\n- File: `research/plan.md`\n\n## Up\n\n- Words: 1 (`../big.md`)\n\n## Root\n\n- Words: 4 (`x/ws/research/plan.md`)\n";
      expect(findings(md, lone, "SC010")).toEqual([
        { line: 3, rule: "SC010", detail: 'Claim "Words" about research/plan.md: Expected: 7 words; Actual: 2 words (wc)' },
      ]);
    });
  });
});

describe("SC009, SC010 and SC011 on ../shared/corpus", () => {
  const corpus = new URL("../../../shared/corpus/", import.meta.url).pathname;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith(".md") ? [path] : [];
    });
  const files = existsSync(corpus) ? walk(corpus) : [];

  it.skipIf(files.length === 0)("runs over every file without an internal error and reports the false claims", () => {
    expect(files.length).toBeGreaterThan(400);
    const result = lintFiles(files, { default: false, SC009: true, SC010: true, SC011: true });
    const all = Object.entries(result).flatMap(([file, errors]) =>
      errors.map((e) => ({ file: relative(corpus, file), line: e.lineNumber, rule: e.ruleNames[0], detail: e.errorDetail ?? "" })),
    );
    expect(all.filter((f) => /Internal error|Invalid configuration/.test(f.detail))).toEqual([]);
    expect(all.filter((f) => f.rule === "SC010")).toEqual([
      {
        file: "litestar-org+litestar-fullstack/specs/active/service-context-helper/research/plan.md",
        line: 485,
        rule: "SC010",
        detail: 'Claim "Word Count": Expected: about 2400 words (±10%); Actual: 2042 words (wc)',
      },
      {
        file: "litestar-org+litestar-vite/specs/active/bootstrap/research/plan.md",
        line: 103,
        rule: "SC010",
        detail: 'Claim "Total Words": Expected: at least 520 words; Actual: 423 words (wc)',
      },
    ]);
    // No # VERIFIED: comment in the corpus: nothing for SC009.
    expect(all.filter((f) => f.rule === "SC009")).toEqual([]);
    expect(all.filter((f) => f.rule === "SC011").length).toBeGreaterThan(0);
  });
});
