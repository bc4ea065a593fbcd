import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const md = (...lines: string[]) => lines.join("\n") + "\n";
const BOXES = ["┌─────────┐     ┌─────────┐", "│ Browser │────▶│ API     │", "└─────────┘     └─────────┘"];
const fence = (info: string, lines: string[]) => ["```" + info, ...lines, "```"];
const none = (blocks: number) => ({
  line: 1,
  rule: "SC005",
  detail: `Expected: at least 1 ASCII diagram; Actual: 0 among ${blocks} code block${blocks === 1 ? "" : "s"}`,
});

describe("SC005 ascii-diagram", () => {
  it("accepts a PRD holding an ASCII diagram anywhere", () => {
    expect(findings(md("# PRD", "", "## Design", "", ...fence("", BOXES)), prd, "SC005")).toEqual([]);
    expect(findings(md("# PRD", "", ...fence("text", ["client -> api -> db"])), prd, "SC005")).toEqual([]);
  });

  it("reports a PRD without code blocks on line 1", () => {
    expect(findings(md("# PRD", "", "## Architecture", "", "TBD"), prd, "SC005")).toEqual([none(0)]);
  });

  it("does not count trees, logs, tables, mermaid, code or placeholders", () => {
    const text = md(
      "# PRD",
      "",
      ...fence("", ["src/", "├── app.py", "└── tests/"]),
      ...fence("", ["INFO  started", "WARN  cache disabled"]),
      ...fence("", ["+----+------+", "| id | name |", "+----+------+"]),
      ...fence("mermaid", ["graph LR", "  A --> B --> C"]),
      ...fence("yaml", ["jobs:", "  test:", "    runs-on: ubuntu-latest"]),
      ...fence("python", ["# A --> B --> C", "run()"]),
      ...fence("", ["[ASCII diagram here]"]),
    );
    expect(findings(text, prd, "SC005")).toEqual([none(7)]);
  });

  it("finds diagrams in lists, block quotes, tilde fences and indented blocks", () => {
    const inList = md("# PRD", "", "- Flow:", "", "  ```", ...BOXES.map((l) => `  ${l}`), "  ```");
    const inQuote = md("# PRD", "", "> ```", ...BOXES.map((l) => `> ${l}`), "> ```");
    const tilde = md("# PRD", "", "~~~text", ...BOXES, "~~~");
    const indented = md("# PRD", "", ...BOXES.map((l) => `    ${l}`));
    for (const text of [inList, inQuote, tilde, indented]) expect(findings(text, prd, "SC005")).toEqual([]);
  });

  it("counts a diagram in an unclosed fence at the end of the file", () => {
    expect(findings(["# PRD", "", "```", ...BOXES].join("\n"), prd, "SC005")).toEqual([]);
  });

  it("handles CRLF line endings and front matter", () => {
    const text = ["---", "title: Demo", "---", "# PRD", "", "```", ...BOXES, "```", ""].join("\r\n");
    expect(findings(text, prd, "SC005")).toEqual([]);
    expect(findings(["---", "title: Demo", "---", "# PRD", ""].join("\r\n"), prd, "SC005")).toEqual([{ ...none(0), line: 4 }]);
  });

  describe("option section", () => {
    const options = { section: "Architecture" };

    it("accepts a diagram in the section or one of its subsections", () => {
      const text = md("# PRD", "", "## 3. Architecture (600+ words)", "", "### ASCII Architecture Diagram", "", ...fence("", BOXES));
      expect(findings(text, prd, "SC005", options)).toEqual([]);
    });

    it("reports the section heading when its diagram is elsewhere", () => {
      const text = md(
        "# PRD",
        "",
        "## Architecture",
        "",
        ...fence("", ["src/", "└── app.py"]),
        "",
        "## Design",
        "",
        ...fence("", BOXES),
      );
      expect(findings(text, prd, "SC005", options)).toEqual([
        {
          line: 3,
          rule: "SC005",
          detail: 'Section "Architecture": Expected: at least 1 ASCII diagram; Actual: 0 among 1 code block',
        },
      ]);
    });

    it("reports line 1 when the section is missing", () => {
      expect(findings(md("# PRD", "", ...fence("", BOXES)), prd, "SC005", options)).toEqual([
        {
          line: 1,
          rule: "SC005",
          detail: 'Expected: a section "Architecture" holding at least 1 ASCII diagram; Actual: no such section',
        },
      ]);
    });
  });

  it("takes minimum, languages and files as options", () => {
    const one = md("# PRD", "", ...fence("", BOXES));
    expect(findings(one, prd, "SC005", { minimum: 2 })).toEqual([
      { line: 1, rule: "SC005", detail: "Expected: at least 2 ASCII diagrams; Actual: 1 among 1 code block" },
    ]);
    expect(findings(one, prd, "SC005", { languages: ["ascii"] })).toEqual([
      { line: 1, rule: "SC005", detail: "Expected: at least 1 ASCII diagram; Actual: 0 among 1 code block" },
    ]);
    expect(findings(md("# PRD", "", ...fence("ascii", BOXES)), prd, "SC005", { languages: ["ascii"] })).toEqual([]);
    expect(findings("# Design\n", "docs/design.md", "SC005", { files: ["docs/*.md"] })).toEqual([none(0)]);
  });

  it("counts mermaid and checks only documents with a section when asked (off in the Kiro profile)", () => {
    const design = ".kiro/specs/albums/design.md";
    const withArchitecture = md("# Design", "", "## Architecture", "", ...fence("mermaid", ["graph LR", "  A --> B"]));
    const kiro = { files: ["**/.kiro/specs/*/design.md"], mermaid: true, ifSection: "Architecture" };
    expect(findings(withArchitecture, design, "SC005")).toEqual([]);
    expect(findings(withArchitecture, design, "SC005", kiro)).toEqual([]);
    expect(findings(md("# Design", "", "## Architecture", "", "Three layers."), design, "SC005", kiro)).toEqual([
      { line: 1, rule: "SC005", detail: "Expected: at least 1 diagram; Actual: 0 among 0 code blocks" },
    ]);
    expect(findings(md("# Design", "", "## Overview", "", "A bug fix."), design, "SC005", kiro)).toEqual([]);
  });

  it("checks PRDs only, and skips templates and agent folders", () => {
    expect(findings("# Tasks\n", "specs/active/demo/tasks.md", "SC005")).toEqual([]);
    expect(findings("# PRD\n", "specs/template-spec/prd.md", "SC005")).toEqual([]);
    expect(findings("# PRD\n", "repo/.claude/commands/prd.md", "SC005")).toEqual([]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const bad = (options: unknown) => findings("# x\n", prd, "SC005", options).map((f) => `${f.line} ${f.detail}`);
    expect(bad({ minimum: 0 })).toEqual([
      '1 Invalid configuration of SC005/ascii-diagram: option "minimum" must be an integer from 1; found 0',
    ]);
    expect(bad({ section: 5 })).toEqual([
      '1 Invalid configuration of SC005/ascii-diagram: option "section" must be a string; found 5',
    ]);
    expect(bad({ languages: "text" })).toEqual([
      '1 Invalid configuration of SC005/ascii-diagram: option "languages" must be an array of strings; found "text"',
    ]);
    expect(bad({ heading: "Architecture" })).toEqual([
      '1 Invalid configuration of SC005/ascii-diagram: unknown option "heading" (known: files, ignores, minimum, section, languages, mermaid, ifSection)',
    ]);
  });
});
