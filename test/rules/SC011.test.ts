import { describe, expect, it } from "vitest";
import { findings, lintString } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const detail = (text: string) => `Expected: no template placeholder; Actual: "${text}"`;

describe("SC011 no-template-placeholders", () => {
  it("reports the seed's placeholders on their line with a range over each", () => {
    const md = [
      "# PRD: [Feature Name]",
      "",
      "**Workspace**: specs/active/{slug}/",
      "**Total PRD Words**: {count} (minimum 2000 required)",
      "",
      "## Acceptance Criteria",
      "",
      "- [ ] [Specific, measurable, testable criterion]",
      "- Frontend: [List adapters]",
      "- Owner: TBD",
      "- TODO: write the rollback plan",
      "",
    ].join("\n");
    const errors = lintString(md, prd, "SC011");
    expect(errors.map((e) => [e.lineNumber, e.errorDetail, e.errorRange])).toEqual([
      [1, detail("[Feature Name]"), [8, 14]],
      [3, detail("{slug}"), [29, 6]],
      [4, detail("{count}"), [22, 7]],
      [8, detail("[Specific, measurable, testable criterion]"), [7, 42]],
      [9, detail("[List adapters]"), [13, 15]],
      [10, detail("TBD"), [10, 3]],
      [11, detail("TODO"), [3, 4]],
    ]);
  });

  it("leaves code spans, fences, HTML comments and inline math alone", () => {
    const md = [
      "# PRD",
      "",
      "Call `GET /api/users/{id}` and `[Feature Name]`; `TODO` is a marker.",
      "",
      "```text",
      "specs/active/{slug}/prd.md [Feature Name] TBD",
      "```",
      "",
      "<!-- TODO: {slug} [Feature Name] -->",
      "",
      "    indented {slug}",
      "",
    ].join("\n");
    expect(findings(md, prd, "SC011")).toEqual([]);
  });

  it("does not take links, references, images, footnotes or checkboxes for placeholders", () => {
    const md = [
      "# PRD",
      "",
      "See [Design Notes](https://example.com), [Related Work][rw], [Shortcut Link] and [Collapsed Ref][].",
      "An image ![Architecture Diagram](a.png), a footnote[^note], a type list[Item], an alert below.",
      "",
      "> [!NOTE]",
      "> Read this.",
      "",
      "- [ ] open task",
      "- [x] done task",
      "- [X] done task",
      "",
      "[rw]: https://example.com/rw",
      "[shortcut link]: https://example.com/s",
      "[collapsed ref]: https://example.com/c",
      "[^note]: A footnote.",
      "",
    ].join("\n");
    expect(findings(md, prd, "SC011")).toEqual([]);
  });

  it("does not report brackets with no lower-case letter, escaped text or quotations", () => {
    const md = [
      "# PRD",
      "",
      "Tags such as [WIP] and [API] stay; \\[Feature Name\\] is escaped; ${home} and {{name}} are not ours.",
      'The CLI prints "✓ {file} (unchanged)" and “[Feature Name]” when quoting; the word \'TODO\' is quoted.',
      "A TODO marker, TODO comments and TBD items are mentions.",
      "",
      "| Issue | Status |",
      "|---|---|",
      "| #123 | ❌ TODO |",
      "",
    ].join("\n");
    expect(findings(md, prd, "SC011")).toEqual([]);
  });

  it("reports placeholders in headings and tables", () => {
    const md = ["# PRD", "", "## Decision: [Decision Title]", "", "| File | Words |", "|---|---|", "| a.md | TBD |", ""].join(
      "\n",
    );
    expect(findings(md, prd, "SC011")).toEqual([
      { line: 3, rule: "SC011", detail: detail("[Decision Title]") },
      { line: 7, rule: "SC011", detail: detail("TBD") },
    ]);
  });

  it("checks the spec kinds by default, not guides or templates", () => {
    const md = "# Notes\n\nWorkspaces live in specs/active/{slug}/.\n";
    expect(findings(md, "specs/active/demo/tasks.md", "SC011")).toHaveLength(1);
    expect(findings(md, "specs/active/demo/recovery.md", "SC011")).toHaveLength(1);
    expect(findings(md, "specs/active/demo/research/plan.md", "SC011")).toHaveLength(1);
    expect(findings(md, "specs/guides/workflow.md", "SC011")).toEqual([]);
    expect(findings(md, "specs/template-spec/prd.md", "SC011")).toEqual([]);
    expect(findings(md, "specs/guides/workflow.md", "SC011", { files: ["**/*.md"] })).toHaveLength(1);
  });

  it("takes options: words, mentions, braces, brackets, allow", () => {
    const md = "# PRD\n\nOwner: FIXME, TBD; route {id}; [Optional] field; TODO list\n";
    expect(findings(md, prd, "SC011").map((f) => f.detail).sort()).toEqual([detail("TBD"), detail("{id}"), detail("[Optional]")].sort());
    expect(
      findings(md, prd, "SC011", { words: ["FIXME"], braces: false, allow: ["[Optional]"], mentions: [] }).map((f) => f.detail),
    ).toEqual([detail("FIXME")]);
    expect(findings(md, prd, "SC011", { words: [], brackets: false, allow: ["{id}"] })).toEqual([]);
  });

  it("reports bad options on line 1", () => {
    expect(findings("# PRD\n", prd, "SC011", { words: "TODO" })).toEqual([
      {
        line: 1,
        rule: "SC011",
        detail: 'Invalid configuration of SC011/no-template-placeholders: option "words" must be an array of strings; found "TODO"',
      },
    ]);
    expect(findings("# PRD\n", prd, "SC011", { patterns: [] })[0].detail).toBe(
      'Invalid configuration of SC011/no-template-placeholders: unknown option "patterns" (known: files, ignores, words, mentions, braces, brackets, allow)',
    );
  });
});
