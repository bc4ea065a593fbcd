import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings, lintString } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const detail = (text: string) => `Expected: no template placeholder; Actual: "${text}"`;

describe("SC011 no-template-placeholders", () => {
  it("reports the seed's placeholders on their line with a range over each (TBD and TODO only when configured)", () => {
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
    expect(lintString(md, prd, "SC011", { words: ["TBD", "TODO"] }).slice(-2).map((e) => [e.lineNumber, e.errorDetail, e.errorRange])).toEqual([
      [10, detail("TBD"), [10, 3]],
      [11, detail("TODO"), [3, 4]],
    ]);
    const errors = lintString(md, prd, "SC011");
    expect(errors.map((e) => [e.lineNumber, e.errorDetail, e.errorRange])).toEqual([
      [1, detail("[Feature Name]"), [8, 14]],
      [3, detail("{slug}"), [29, 6]],
      [4, detail("{count}"), [22, 7]],
      [8, detail("[Specific, measurable, testable criterion]"), [7, 42]],
      [9, detail("[List adapters]"), [13, 15]],
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
    const md = ["# PRD", "", "## Decision: [Decision Title]", "", "| File | Words |", "|---|---|", "| a.md | {Word count} |", ""].join(
      "\n",
    );
    expect(findings(md, prd, "SC011")).toEqual([
      { line: 3, rule: "SC011", detail: detail("[Decision Title]") },
      { line: 7, rule: "SC011", detail: detail("{Word count}") },
    ]);
  });

  it("checks every document kind, guides included, but not templates", () => {
    const md = "# Notes\n\n## Overview\n\n{Auto-generated from existing adapters}\n";
    for (const name of ["specs/active/demo/tasks.md", "specs/active/demo/recovery.md", "specs/active/demo/research/plan.md", "specs/guides/patterns/adapters.md"]) {
      expect(findings(md, name, "SC011"), name).toEqual([{ line: 5, rule: "SC011", detail: detail("{Auto-generated from existing adapters}") }]);
    }
    expect(findings(md, "specs/template-spec/prd.md", "SC011")).toEqual([]);
    expect(findings(md, "docs/notes.md", "SC011")).toEqual([]);
    expect(findings(md, "docs/notes.md", "SC011", { files: ["**/*.md"] })).toHaveLength(1);
  });

  it("takes options: words, mentions, braces, brackets, allow", () => {
    const md = "# PRD\n\n- Owner: FIXME, TBD\n- Route: {id}\n- Field: [Optional field]\n- Notes: TODO list\n- Status: [Pending]\n";
    expect(findings(md, prd, "SC011").map((f) => f.detail)).toEqual([detail("{id}"), detail("[Optional field]")]);
    expect(
      findings(md, prd, "SC011", { words: ["FIXME", "TBD", "TODO"], braces: false, allow: ["[Optional field]"], mentions: [] }).map((f) => f.detail),
    ).toEqual([detail("FIXME"), detail("TBD"), detail("TODO")]);
    expect(findings(md, prd, "SC011", { words: ["TODO"] }).map((f) => f.detail)).toEqual([detail("{id}"), detail("[Optional field]")]);
    expect(findings(md, prd, "SC011", { brackets: false, allow: ["{id}"] })).toEqual([]);
    expect(findings(md, prd, "SC011", { labels: [] }).map((f) => f.detail)).toContain(detail("[Pending]"));
    const templates = "# PRD\n\n## Sample Layouts\n\n**Project**: [Project Name]\n";
    expect(findings(templates, prd, "SC011")).toHaveLength(1);
    expect(findings(templates, prd, "SC011", { templateHeadings: ["sample"] })).toEqual([]);
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
      'Invalid configuration of SC011/no-template-placeholders: unknown option "patterns" (known: files, ignores, words, mentions, braces, brackets, allow, labels, templateHeadings)',
    );
  });
  it("does not take content for a placeholder: TBD, a status, a mention, an annotation or a tag (round 1 and spec-kit shapes)", () => {
    const md = [
      "# Tasks: CSV Importer",
      "",
      "**Approval**: [Pending]",
      "",
      "## Open Questions",
      "",
      "- [ ] Should we skip slow examples in fast CI? → TBD based on timing",
      "- [ ] Review the remaining TODO comments in `src/` and file issues",
      "",
      "| File | Change | Line |",
      "|---|---|---|",
      "| `src/exceptions.py` | ViteProcessError enhancement | TBD |",
      "",
      "## Format: `[ID] [P?] [Story?] Description`",
      "",
      "- **[Story]**: Which user story this task belongs to (e.g., US1, US2)",
      "- **[Area]**: the component a task touches (`[Area]` tags below)",
      "- [Story] label maps task to specific user story for traceability",
      "- [ ] T021 [P] [Polish] Update the architecture notes",
      "- **Developer A**: User Story 1 (Phase 3) → User Story 2 (Phase 4) [Critical path]",
      "- [X] Check character set [A-Za-z0-9_.-]",
      "",
    ].join("\n");
    expect(findings(md, "specs/active/csv/tasks.md", "SC011")).toEqual([]);
  });

  it("leaves sections that hold templates on purpose alone, and a markdown example its nested fences closed early", () => {
    const md = [
      "# Research Plan",
      "",
      "## Templates for Research Findings",
      "",
      "### When Researching Example Projects",
      "",
      "**Project**: [Project Name]",
      "**Description**: [From docstring]",
      "",
      "## Findings",
      "",
      "**Library**: [Library Name]",
      "",
      "## Pattern Format",
      "",
      "```markdown",
      "# Pattern: [Descriptive Name]",
      "",
      "```python",
      "# Simplest possible working example",
      "```",
      "",
      "## Variations",
      "",
      "### Variation 1: [Name]",
      "",
      "[When to use this variation]",
      "```",
      "",
    ].join("\n");
    expect(findings(md, "specs/active/demo/research/plan.md", "SC011")).toEqual([{ line: 12, rule: "SC011", detail: detail("[Library Name]") }]);
  });

  it("reads braces: capitalised blanks are reported; roles, name patterns, identifiers and sets are not", () => {
    const md = [
      "# Test Fixtures Pattern",
      "",
      "## Overview",
      "",
      "{Auto-generated from existing test fixtures}",
      "",
      "- Phase: {Current phase}",
      "- Progress: {X/Y tasks}",
      "- Example projects: {doc}`AioSQLite session service </examples/adk/basic>`",
      "- Role: ainews-{env}-records-lambda-role, arn:aws:dynamodb:{region}:{account}:table/x, {name}.md",
      "- Styles: {ParameterStyle.QMARK} and the set {a, b}",
      "",
    ].join("\n");
    expect(findings(md, "specs/guides/patterns/fixtures.md", "SC011")).toEqual([
      { line: 5, rule: "SC011", detail: detail("{Auto-generated from existing test fixtures}") },
      { line: 7, rule: "SC011", detail: detail("{Current phase}") },
      { line: 8, rule: "SC011", detail: detail("{X/Y tasks}") },
    ]);
  });

  it("reports the workspace's own folder left as {slug}, but not a path pattern in a guide", () => {
    expect(findings("# PRD\n\n**Workspace**: specs/active/{slug}/\n", prd, "SC011")).toEqual([{ line: 3, rule: "SC011", detail: detail("{slug}") }]);
    expect(findings("# Workflow\n\nEach workspace keeps its notes in specs/active/{slug}/tmp/{name}.md.\n", "specs/guides/workflow.md", "SC011")).toEqual([]);
  });
  it("reports each shape of its rule page's Incorrect example, and none of the Correct one", () => {
    const page = readFileSync(new URL("../../docs/rules/SC011-no-template-placeholders.md", import.meta.url), "utf8");
    const example = (heading: string) => /^````markdown file=(\S+)\n([\s\S]*?)^````$/m.exec(page.slice(page.indexOf(`\n## ${heading}\n`)))!;
    const [, file, incorrect] = example("Incorrect");
    expect(findings(incorrect, file, "SC011")).toEqual(
      [
        [1, "[Feature Name]"],
        [3, "{slug}"],
        [4, "{date}"],
        [8, "[List adapters]"],
        [9, "{X/Y tasks}"],
        [13, "{Auto-generated from existing adapters}"],
      ].map(([line, text]) => ({ line, rule: "SC011", detail: detail(text as string) })),
    );
    const [, correctFile, correct] = example("Correct");
    expect(findings(correct, correctFile, "SC011")).toEqual([]);
  });
});
