import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");
const budgetOnly = (sections: Record<string, number>, minWords = 0) => ({
  documents: [{ files: ["**/prd.md"], minWords, sections }],
});

describe("SC001 section-word-budget", () => {
  it("reports a document under its minimum on line 1", () => {
    // The document count includes its headings: "PRD" is a word.
    expect(findings(`# PRD\n\n${words(10)}\n`, prd, "SC001", budgetOnly({}, 20))).toEqual([
      { line: 1, rule: "SC001", detail: "Document: Expected: at least 20 words; Actual: 11 words" },
    ]);
  });

  it("reports a section under its budget on its heading, counting subsections but not its own heading", () => {
    const md = `# PRD\n\n## Overview\n\n${words(5)}\n\n### Problem Statement\n\n${words(3)}\n\n## Other\n\n${words(50)}\n`;
    // Overview: 5 words, the subsection heading "Problem Statement" (2) and its 3 words.
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 11, "Problem Statement": 4 }))).toEqual([
      { line: 3, rule: "SC001", detail: 'Section "Overview": Expected: at least 11 words; Actual: 10 words' },
      { line: 7, rule: "SC001", detail: 'Section "Problem Statement": Expected: at least 4 words; Actual: 3 words' },
    ]);
  });

  it("passes sections that meet their budget", () => {
    const md = `# PRD\n\n## Overview\n\n${words(10)}\n`;
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 10 }))).toEqual([]);
  });

  it("matches headings ignoring numbering, case, emoji, & and a trailing parenthetical", () => {
    const md = `# PRD\n\n## 4. RISKS and mitigation 🚨 (see below)\n\n${words(2)}\n`;
    expect(findings(md, prd, "SC001", budgetOnly({ "Risks & Mitigation": 3 }))).toEqual([
      { line: 3, rule: "SC001", detail: 'Section "4. RISKS and mitigation 🚨 (see below)": Expected: at least 3 words; Actual: 2 words' },
    ]);
  });

  it("reads a (N+ words) annotation in a heading as a budget, anywhere", () => {
    const md = `# Notes\n\n## Phase 2: Component Deep-Dive (1,500+ words)\n\n${words(7)}\n`;
    expect(findings(md, "docs/anything.md", "SC001")).toEqual([
      {
        line: 3,
        rule: "SC001",
        detail: 'Section "Phase 2: Component Deep-Dive (1,500+ words)": Expected: at least 1500 words; Actual: 7 words',
      },
    ]);
  });

  it("reads only a minimum as a budget: (N+ words), at least, minimum, ≥, or more", () => {
    const section = (title: string) => `## ${title}\n\n${words(7)}\n\n`;
    const md =
      "# Notes\n\n" +
      section("A (300+ words)") + // line 3
      section("B (at least 300 words)") + // line 7
      section("C (minimum 300 words)") + // line 11
      section("D (≥ 300 words)") + // line 15
      section("E (300 words or more)") + // line 19
      section("F (300 words minimum)"); // line 23
    expect(findings(md, "docs/anything.md", "SC001").map((f) => [f.line, f.detail])).toEqual(
      [3, 7, 11, 15, 19, 23].map((line, i) => [
        line,
        `Section "${"ABCDEF"[i]} (${["300+ words", "at least 300 words", "minimum 300 words", "≥ 300 words", "300 words or more", "300 words minimum"][i]})": Expected: at least 300 words; Actual: 7 words`,
      ]),
    );
  });

  it("does not take a size for a budget: a README that reports other files' word counts", () => {
    const md = [
      "# Workspace: search-filters",
      "",
      "The documents of this workspace and their sizes:",
      "",
      "## prd.md (5,690 words)",
      "",
      "The PRD, reviewed.",
      "",
      "## research/plan.md (~2,100 words)",
      "",
      "The research plan.",
      "",
      "## tasks.md (about 400 words)",
      "",
      "Tasks.",
      "",
    ].join("\n");
    expect(findings(md, "specs/active/search-filters/README.md", "SC001")).toEqual([]);
  });

  it("uses the larger of the configured budget and the annotation", () => {
    const md = `# PRD\n\n## Overview (5+ words)\n\n${words(6)}\n`;
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 8 }))[0].detail).toBe(
      'Section "Overview (5+ words)": Expected: at least 8 words; Actual: 6 words',
    );
  });

  it("leaves out code blocks, HTML, link URLs and front matter in prose counting", () => {
    const md = [
      "---",
      "title: many words in front matter here",
      "---",
      "# PRD",
      "",
      "## Overview",
      "",
      "One [two](https://example.com/a/b/c) `three` <span>four</span> &amp; ![five](x.png)",
      "",
      "```python",
      "print('not counted at all')",
      "```",
      "",
      "<div>not counted</div>",
      "",
    ].join("\n");
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 99 }))).toEqual([
      // markdownlint reports file lines: front matter (3 lines) included.
      { line: 6, rule: "SC001", detail: 'Section "Overview": Expected: at least 99 words; Actual: 5 words' },
    ]);
  });

  it('counts every line like wc -w with "count": "wc"', () => {
    const md = `# PRD\n\n## Overview\n\n\`\`\`python\nprint(1) # x\n\`\`\`\n\n- [ ] a — b\n`;
    expect(findings(md, prd, "SC001", { count: "wc", ...budgetOnly({ Overview: 99 }) })).toEqual([
      // ```python (1) + print(1) # x (3) + ``` (1) + - [ ] a — b (6)
      { line: 3, rule: "SC001", detail: 'Section "Overview": Expected: at least 99 words; Actual: 11 words' },
    ]);
  });

  it("handles CRLF, setext headings, an empty section and a heading at the end of the file", () => {
    const md = "PRD\r\n===\r\n\r\nOverview\r\n--------\r\n\r\none two three\r\n\r\n## Dependencies";
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 4, Dependencies: 1 }))).toEqual([
      { line: 4, rule: "SC001", detail: 'Section "Overview": Expected: at least 4 words; Actual: 3 words' },
      { line: 9, rule: "SC001", detail: 'Section "Dependencies": Expected: at least 1 words; Actual: 0 words' },
    ]);
  });

  it("does not count task-list checkboxes and nested list text counts once", () => {
    const md = "# PRD\n\n## Overview\n\n- [x] done\n  - nested item\n";
    expect(findings(md, prd, "SC001", budgetOnly({ Overview: 9 }))[0].detail).toBe(
      'Section "Overview": Expected: at least 9 words; Actual: 3 words',
    );
  });

  it("applies the defaults to PRDs and ignores templates and agent folders", () => {
    const md = "# PRD\n\n## Overview\n\nShort.\n";
    expect(findings(md, prd, "SC001").map((f) => f.detail)).toEqual([
      "Document: Expected: at least 2000 words; Actual: 3 words",
      'Section "Overview": Expected: at least 300 words; Actual: 1 words',
    ]);
    expect(findings(md, "specs/template-spec/prd.md", "SC001")).toEqual([]);
    expect(findings(md, "repo/.claude/agents/prd.md", "SC001")).toEqual([]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    expect(findings("# x\n", prd, "SC001", { count: "chars" })).toEqual([
      {
        line: 1,
        rule: "SC001",
        detail: 'Invalid configuration of SC001/section-word-budget: option "count" must be one of "prose", "wc"; found "chars"',
      },
    ]);
    expect(findings("# x\n", prd, "SC001", { documents: [{ minWords: 5 }] })[0].detail).toBe(
      'Invalid configuration of SC001/section-word-budget: option "documents" must be an array of document budgets; item 1: a "files" key',
    );
    expect(findings("# x\n", prd, "SC001", { budget: 5 })[0].detail).toBe(
      'Invalid configuration of SC001/section-word-budget: unknown option "budget" (known: files, ignores, count, documents, replaceDefaults)',
    );
    expect(findings("# x\n", prd, "SC001", { files: ["[unclosed"] }).length).toBeLessThanOrEqual(1);
  });
});
