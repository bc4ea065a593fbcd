import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";
import { hasSeeds, seedText } from "../real-docs.js";

const prd = "specs/active/demo/prd.md";
const seed = (first: number, last: number) =>
  seedText("002_fd26cd43a510520c.txt")
    .split("\n")
    .slice(first - 1, last)
    .join("\n");
const only = (sections: (string | string[])[], order?: boolean) => ({
  documents: [{ files: ["**/prd.md"], sections, ...(order === undefined ? {} : { order }) }],
});

const PRD_SECTIONS = [
  "Overview",
  "Problem Statement",
  "Solution Summary",
  "Affected Components",
  "Architecture",
  "Implementation Details",
  "Testing Strategy",
  "Acceptance Criteria",
  "Risks & Mitigation",
  "Dependencies",
];

describe("SC012 required-sections", () => {
  it("reports every missing PRD section once, on line 1", () => {
    expect(findings("# PRD: Demo\n\nText.\n", prd, "SC012")).toEqual(
      PRD_SECTIONS.map((s) => ({ line: 1, rule: "SC012", detail: `Expected: a section "${s}"; Actual: none` })).sort((a, b) =>
        a.detail.localeCompare(b.detail),
      ),
    );
  });

  it.runIf(hasSeeds)("accepts the seed templates of every kind as they are", () => {
    expect(findings(seed(653, 884), prd, "SC012")).toEqual([]);
    expect(findings(seed(375, 401), "specs/active/demo/research/analysis.md", "SC012")).toEqual([]);
    expect(findings(seed(479, 621), "specs/active/demo/research/plan.md", "SC012")).toEqual([]);
    expect(findings(seed(954, 1045), "specs/active/demo/tasks.md", "SC012")).toEqual([]);
    expect(findings(seed(1057, 1147), "specs/active/demo/recovery.md", "SC012")).toEqual([]);
  });

  it.runIf(hasSeeds)("accepts the seed 003 tasks template, mojibake and all", () => {
    const tasks = seedText("003_ed95a5327ab62f62.txt");
    expect(findings(tasks, "specs/active/demo/tasks.md", "SC012")).toEqual([]);
  });

  it("matches headings as SC001 does: any level, numbering, case, emoji, & and a trailing parenthetical", () => {
    const md = "# PRD\n\n## 1. OVERVIEW 🚀 (300+ words)\n\n#### risks and mitigation\n";
    expect(findings(md, prd, "SC012", only(["Overview", "Risks & Mitigation"]))).toEqual([]);
  });

  it("takes a heading that names the section in other words (real specs)", () => {
    const md = [
      "# PRD",
      "",
      "## Research & Planning",
      "## Risk Assessment and Mitigation",
      "## Internal Dependencies",
      "## Phase 6: Testing",
      "## Testing & Documentation",
      "## Technical Design",
      "## Background",
      "## Executive Summary",
      "",
    ].join("\n");
    const sections = ["Planning & Research", "Risks & Mitigation", "Dependencies", "Testing Strategy", "Documentation", "Implementation Details", "Problem Statement", "Overview"];
    expect(findings(md, prd, "SC012", only(sections))).toEqual([]);
  });

  it("holds a joined name by either side, and a typo by similarity", () => {
    const md = "# Tasks\n\n## Phase 1: Planning\n\n## Phase 4: Quality Gate\n\n## Testng\n";
    expect(findings(md, prd, "SC012", only(["Phase 1: Planning & Research", "Quality Gate & Archive", "Testing"]))).toEqual([]);
    expect(findings(md, prd, "SC012", { ...only(["Testing"]), similarity: 1 })).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Testing"; Actual: none' },
    ]);
  });

  it("takes a subsection folded into its parent's prose, not into a list of metadata", () => {
    const prose = "# PRD\n\n## Overview\n\nCheckout retries failed payments; this PRD adds a queue that retries each payment three times with backoff and reports the outcome.\n";
    expect(findings(prose, prd, "SC012", only(["Overview", "Solution Summary"]))).toEqual([]);
    const metadata = "# PRD\n\n## Overview\n\n- **Slug**: retries\n- **Status**: Draft\n";
    expect(findings(metadata, prd, "SC012", only(["Overview", "Solution Summary"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Solution Summary"; Actual: none' },
    ]);
  });

  it("does not take the document's title, a code heading or an unrelated heading", () => {
    const md = "# PRD: Fence verification\n\n## Overview\n\n### `src/app/app.component.ts`\n\n## Glossary\n";
    expect(findings(md, prd, "SC012", only(["Testing Strategy", "Affected Components"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Affected Components"; Actual: none' },
      { line: 1, rule: "SC012", detail: 'Expected: a section "Testing Strategy"; Actual: none' },
    ]);
  });

  it("takes aliases per section, added to the defaults", () => {
    const md = "# PRD\n\n## QA Matrix\n\n## Hazards\n";
    expect(findings(md, prd, "SC012", only(["Testing Strategy", "Risks & Mitigation"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Risks & Mitigation"; Actual: none' },
    ]);
    expect(findings(md, prd, "SC012", { ...only(["Testing Strategy", "Risks & Mitigation"]), aliases: { "Risks & Mitigation": ["Hazards"] } })).toEqual([]);
  });

  it("matches plural and singular headings (same matching as SC001)", () => {
    const md = "# PRD\n\n## Risks and Mitigations\n\n## Dependency\n";
    expect(findings(md, prd, "SC012", only(["Risks & Mitigation", "Dependencies"]))).toEqual([]);
  });

  it("accepts any one of a list of alternatives, and names the first when all are missing", () => {
    const md = "# Recovery\n\n## Next Steps for Expert Agent\n";
    expect(findings(md, prd, "SC012", only([["Next Steps", "Next Steps for Expert Agent"]]))).toEqual([]);
    expect(findings("# Recovery\n", prd, "SC012", only([["Next Steps", "What Next"]]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Next Steps"; Actual: none' },
    ]);
  });

  it("reports a section listed twice only once", () => {
    expect(findings("# PRD\n", prd, "SC012", only(["Overview", "overview"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Overview"; Actual: none' },
    ]);
  });

  it("ignores order by default and checks it when asked, on the out-of-order heading", () => {
    const md = "# PRD\n\n## Architecture\n\n## Overview\n\n## Testing Strategy\n\n## Dependencies\n";
    const sections = ["Overview", "Architecture", "Testing Strategy", "Dependencies"];
    expect(findings(md, prd, "SC012", only(sections))).toEqual([]);
    expect(findings(md, prd, "SC012", only(sections, true))).toEqual([
      { line: 5, rule: "SC012", detail: 'Section "Overview": Expected: before "Architecture"; Actual: after it' },
    ]);
    const late = "# PRD\n\n## Overview\n\n## Dependencies\n\n## Architecture\n\n## Testing Strategy\n";
    expect(findings(late, prd, "SC012", only(sections, true))).toEqual([
      { line: 5, rule: "SC012", detail: 'Section "Dependencies": Expected: after "Testing Strategy"; Actual: before it' },
    ]);
  });

  it("uses the first entry whose files match, and skips files no entry matches", () => {
    const options = {
      documents: [
        { files: ["**/special/prd.md"], sections: ["Scope"] },
        { files: ["**/prd.md"], sections: ["Overview"] },
      ],
    };
    expect(findings("# PRD\n\n## Overview\n", "x/special/prd.md", "SC012", options)).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Scope"; Actual: none' },
    ]);
    expect(findings("# PRD\n\n## Overview\n", "x/prd.md", "SC012", options)).toEqual([]);
    expect(findings("# Notes\n", "docs/notes.md", "SC012")).toEqual([]);
  });

  it("applies the defaults of each kind", () => {
    expect(findings("# Recovery\n\n## Quick Context\n", "specs/active/x/recovery.md", "SC012")).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Next Steps"; Actual: none' },
    ]);
    const tasks = "# Tasks\n\n## Phase 1: Planning & Research ✓\n\n## Phase 3: Testing (Auto-invoked)\n\n## Phase 4: Documentation\n\n## Phase 5: Quality Gate\n";
    expect(findings(tasks, "specs/active/x/tasks.md", "SC012")).toEqual([]);
    expect(findings("# Tasks\n\n## Phase 1: Build\n", "specs/active/x/tasks.md", "SC012").map((f) => f.detail)).toEqual([
      'Expected: a section "Documentation"; Actual: none',
      'Expected: a section "Phase 1: Planning & Research"; Actual: none',
      'Expected: a section "Quality Gate & Archive"; Actual: none',
      'Expected: a section "Testing"; Actual: none',
    ]);
  });

  it("skips agent definitions and templates by default", () => {
    expect(findings("# PRD agent\n", ".claude/agents/prd.md", "SC012")).toEqual([]);
    expect(findings("# PRD\n", "specs/template-spec/prd.md", "SC012")).toEqual([]);
  });

  it("does not count headings in code blocks, and handles CRLF, front matter and empty files", () => {
    const fenced = "# PRD\n\n```markdown\n## Overview\n```\n";
    expect(findings(fenced, prd, "SC012", only(["Overview"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Overview"; Actual: none' },
    ]);
    expect(findings("# PRD\r\n\r\n## Overview\r\n", prd, "SC012", only(["Overview"]))).toEqual([]);
    expect(findings("# PRD\r\n\r\n## B\r\n\r\n## A\r\n", prd, "SC012", only(["A", "B"], true))).toEqual([
      { line: 5, rule: "SC012", detail: 'Section "A": Expected: before "B"; Actual: after it' },
    ]);
    const front = "---\ntitle: PRD\n---\n# PRD\n\n## Architecture\n\n## Overview\n";
    expect(findings(front, prd, "SC012", only(["Overview", "Architecture"], true))).toEqual([
      // File lines: the front matter's 3 lines count.
      { line: 8, rule: "SC012", detail: 'Section "Overview": Expected: before "Architecture"; Actual: after it' },
    ]);
    expect(findings("", prd, "SC012", only(["Overview"]))).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Overview"; Actual: none' },
    ]);
  });

  it("asks for a section only when it applies: code to verify, work not finished", () => {
    const research = "# Research\n\n## Internal Patterns\n\n## Library Best Practices\n\n## Industry Best Practices\n\n## Comparable Implementations\n";
    expect(findings(research, "specs/active/x/research/plan.md", "SC012")).toEqual([]);
    expect(findings(`${research}\n\`\`\`python\nx = 1\n\`\`\`\n`, "specs/active/x/research/plan.md", "SC012")).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Code Snippet Verification"; Actual: none' },
    ]);
    const recovery = (status: string) => `# Recovery\n\n**Status**: ${status}\n\n## Current State\n\nAll merged.\n`;
    expect(findings(recovery("Complete"), "specs/active/x/recovery.md", "SC012")).toEqual([]);
    expect(findings(recovery("PRD Complete, Ready for Implementation"), "specs/active/x/recovery.md", "SC012")).toEqual([
      { line: 1, rule: "SC012", detail: 'Expected: a section "Next Steps"; Actual: none' },
    ]);
  });

  it("reads a document written as one list: its top items with nested items are its phases", () => {
    const tasks = "- Planning\n  - scope\n- Research\n  - read code\n- Testing\n  - pytest\n- Docs & Quality Gate\n  - changelog\n";
    expect(findings(tasks, "specs/active/x/tasks.md", "SC012")).toEqual([]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const bad = (options: unknown) => findings("# PRD\n", prd, "SC012", options);
    expect(bad({ documents: [{ files: ["**/prd.md"], sections: [42] }] })).toEqual([
      {
        line: 1,
        rule: "SC012",
        detail:
          'Invalid configuration of SC012/required-sections: option "documents" must be an array of required-section entries; item 1: "sections" to be an array of headings; item 1: a heading, a non-empty array of alternative headings or { name, alternatives?, onlyIf? }; found 42',
      },
    ]);
    expect(bad({ documents: [{ sections: ["A"] }] })[0].detail).toBe(
      'Invalid configuration of SC012/required-sections: option "documents" must be an array of required-section entries; item 1: a "files" key',
    );
    expect(bad({ similarity: 2 })[0].detail).toBe(
      'Invalid configuration of SC012/required-sections: option "similarity" must be a number from 0 to 1; found 2',
    );
    expect(bad({ documents: [{ files: ["**/prd.md"], sections: [[]] }] })[0].detail).toContain("a heading, a non-empty array of alternative headings");
    expect(bad({ order: true })[0].detail).toContain('unknown option "order"');
    expect(bad({ aliases: { Overview: "Summary" } })[0].detail).toBe(
      'Invalid configuration of SC012/required-sections: option "aliases" must be an object of section name → array of headings; "Overview" is not an array of headings',
    );
  });
});
