import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const items = (n: number, marker = "- [ ]") =>
  Array.from({ length: n }, (_, i) => `${marker} **AC${i + 1}**: Request ${i + 1} returns HTTP 200`).join("\n");
const section = (n: number, heading = "## Acceptance Criteria") => `# PRD\n\n${heading}\n\n${items(n)}\n`;
const tooFew = (line: number, actual: number, title = "Acceptance Criteria", min = 8) => ({
  line,
  rule: "SC002",
  detail: `Section "${title}": Expected: at least ${min} acceptance criteria; Actual: ${actual}`,
});

describe("SC002 acceptance-criteria-count", () => {
  describe("valid", () => {
    it("accepts 8 criteria", () => {
      expect(findings(section(8), prd, "SC002")).toEqual([]);
    });

    it("accepts more than 8 criteria, plain list items included", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n${items(5)}\n${items(5, "-")}\n`;
      expect(findings(md, prd, "SC002")).toEqual([]);
    });

    it("matches the seed's annotated heading", () => {
      expect(findings(section(8, "## Acceptance Criteria (MINIMUM 8 - ALL MUST BE SPECIFIC & MEASURABLE)"), prd, "SC002")).toEqual([]);
    });

    it("only checks PRDs by default", () => {
      expect(findings("# Tasks\n", "specs/active/demo/tasks.md", "SC002")).toEqual([]);
    });

    it("skips templates and agent definitions by default", () => {
      expect(findings("# PRD\n", "specs/template-spec/prd.md", "SC002")).toEqual([]);
      expect(findings("# PRD\n", ".claude/agents/prd.md", "SC002")).toEqual([]);
    });
  });

  describe("invalid", () => {
    it("reports too few criteria on the section heading", () => {
      expect(findings(section(5), prd, "SC002")).toEqual([tooFew(3, 5)]);
    });

    it("reports a missing section on line 1", () => {
      expect(findings("# PRD\n\n## Overview\n\n- one\n", prd, "SC002")).toEqual([
        {
          line: 1,
          rule: "SC002",
          detail: 'Section "Acceptance Criteria" is missing: Expected: at least 8 acceptance criteria; Actual: 0',
        },
      ]);
    });

    it("reports an empty section", () => {
      expect(findings("# PRD\n\n## Acceptance Criteria\n\n## Risks\n\n- a\n", prd, "SC002")).toEqual([tooFew(3, 0)]);
    });

    it("does not count list items of the next section", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n${items(2)}\n\n## Risks\n\n${items(9, "-")}\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 2)]);
    });

    it("keeps the full heading text in the detail", () => {
      expect(findings(section(1, "## 3. Acceptance Criteria ✅"), prd, "SC002")).toEqual([tooFew(3, 1, "3. Acceptance Criteria ✅")]);
    });
  });

  describe("options", () => {
    it("takes a minimum", () => {
      expect(findings(section(3), prd, "SC002", { minimum: 3 })).toEqual([]);
      expect(findings(section(3), prd, "SC002", { minimum: 4 })).toEqual([tooFew(3, 3, "Acceptance Criteria", 4)]);
    });

    it("minimum 0 accepts a PRD without the section", () => {
      expect(findings("# PRD\n", prd, "SC002", { minimum: 0 })).toEqual([]);
    });

    it("takes headings, and names the first one when none is there", () => {
      expect(findings(section(8, "## Success Criteria"), prd, "SC002", { headings: ["Done When", "Success Criteria"] })).toEqual([]);
      expect(findings(section(8), prd, "SC002", { headings: ["Done When"] })).toEqual([
        { line: 1, rule: "SC002", detail: 'Section "Done When" is missing: Expected: at least 8 acceptance criteria; Actual: 0' },
      ]);
    });

    it("uses the first of the headings the document holds", () => {
      const md = `# PRD\n\n## Done When\n\n${items(2)}\n\n## Success Criteria\n\n${items(3)}\n`;
      expect(findings(md, prd, "SC002", { headings: ["Success Criteria", "Done When"] })).toEqual([tooFew(8, 3, "Success Criteria")]);
      expect(findings(md, prd, "SC002", { headings: ["Acceptance Criteria", "Done When"] })).toEqual([tooFew(3, 2, "Done When")]);
    });

    it("counts table rows, scenarios and the items under a label (real PRDs write them so)", () => {
      const table = `| Criterion | Measure |\n|---|---|\n${Array.from({ length: 5 }, (_, i) => `| C${i} | under ${i + 1} s |`).join("\n")}`;
      const scenarios = "- Given a user\n- When they log in\n- Then a token is issued\n- Given a token\n- Then it expires in 1 h";
      const labelled = "- **Security**:\n  - tokens are hashed\n  - logins are rate-limited";
      const md = `# PRD\n\n## Acceptance Criteria\n\n${table}\n\n${scenarios}\n\n${labelled}\n`;
      expect(findings(md, prd, "SC002", { minimum: 10 })).toEqual([tooFew(3, 9, "Acceptance Criteria", 10)]);
      expect(findings(md, prd, "SC002", { minimum: 9 })).toEqual([]);
    });

    it("counts a gherkin block's scenarios", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n```gherkin\nScenario: a\n  Given x\n  Then y\nScenario: b\n  Given x\n  Then z\n```\n";
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 2)]);
    });

    it("counts every section with that heading, and reports on the first", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n${items(2)}\n\n## Notes\n\n## Acceptance Criteria\n\n${items(3)}\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 5)]);
    });

    it("takes files and ignores", () => {
      expect(findings(section(1), "docs/spec.md", "SC002", { files: ["docs/*.md"] })).toEqual([tooFew(3, 1)]);
      expect(findings(section(1), prd, "SC002", { ignores: ["specs/active/**"] })).toEqual([]);
    });
  });

  describe("bad options", () => {
    it("reports an unknown option on line 1", () => {
      expect(findings(section(8), prd, "SC002", { min: 3 })).toEqual([
        {
          line: 1,
          rule: "SC002",
          detail:
            'Invalid configuration of SC002/acceptance-criteria-count: unknown option "min" (known: files, ignores, minimum, headings)',
        },
      ]);
    });

    it("reports a wrong type on line 1", () => {
      expect(findings(section(8), prd, "SC002", { minimum: "8" })).toEqual([
        {
          line: 1,
          rule: "SC002",
          detail: 'Invalid configuration of SC002/acceptance-criteria-count: option "minimum" must be an integer from 0; found "8"',
        },
      ]);
      expect(findings(section(8), prd, "SC002", { headings: "Acceptance Criteria" })[0].detail).toBe(
        'Invalid configuration of SC002/acceptance-criteria-count: option "headings" must be an array of strings; found "Acceptance Criteria"',
      );
    });
  });

  describe("edge cases", () => {
    it("counts a section at the end of the file without a trailing newline", () => {
      expect(findings(section(8).trimEnd(), prd, "SC002")).toEqual([]);
      expect(findings(`# PRD\n\n## Acceptance Criteria`, prd, "SC002")).toEqual([tooFew(3, 0)]);
    });

    it("does not count nested items", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n- [ ] AC1: a\n  - detail 1\n  - detail 2\n    1. deeper\n- [ ] AC2: b\n`;
      expect(findings(md, prd, "SC002", { minimum: 3 })).toEqual([tooFew(3, 2, "Acceptance Criteria", 3)]);
    });

    it("counts ordered lists", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n1. one\n2. two\n3. three\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 3)]);
    });

    it("counts checked and unchecked checkbox items", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n- [x] one\n- [ ] two\n- [X] three\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 3)]);
    });

    it("counts items separated by paragraphs as separate lists", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n**Functional:**\n\n- a\n- b\n\n**Performance:**\n\n- c\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 3)]);
    });

    it("handles CRLF line endings", () => {
      expect(findings(section(5).replace(/\n/g, "\r\n"), prd, "SC002")).toEqual([tooFew(3, 5)]);
      expect(findings(section(8).replace(/\n/g, "\r\n"), prd, "SC002")).toEqual([]);
    });

    it("reports file lines after front matter", () => {
      const md = `---\ntitle: Demo\n---\n${section(2)}`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(6, 2)]);
    });

    it("counts criteria in subsections", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n### Functional\n\n${items(4)}\n\n#### Edge\n\n${items(2)}\n\n### Performance\n\n${items(2)}\n\n## Risks\n\n- r\n`;
      expect(findings(md, prd, "SC002")).toEqual([]);
      expect(findings(md, prd, "SC002", { minimum: 9 })).toEqual([tooFew(3, 8, "Acceptance Criteria", 9)]);
    });

    it("finds the section below the top level (### under a numbered ##)", () => {
      const md = `# PRD\n\n## 3. Requirements\n\n### Acceptance Criteria\n\n${items(2)}\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(5, 2)]);
    });

    it("counts a setext heading section", () => {
      const md = `PRD\n===\n\nAcceptance Criteria\n-------------------\n\n${items(1)}\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(4, 1)]);
    });

    it("ignores list items inside code blocks", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n```markdown\n- [ ] a\n- [ ] b\n```\n\n- [ ] c\n";
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 1)]);
    });

    it("does not count a heading-like line inside a list as a new section", () => {
      const md = `# PRD\n\n## Acceptance Criteria\n\n- a\n\n  ## not a section\n\n- b\n`;
      expect(findings(md, prd, "SC002")).toEqual([tooFew(3, 2)]);
    });
  });
});
