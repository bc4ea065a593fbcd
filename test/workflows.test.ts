/**
 * The workflow profiles inside the rules (lib/core/workflows.ts, `profiles` in
 * lib/core/rule.ts): which files each workflow's defaults apply to, how they sit
 * under a configuration's own options, and what each rule checks in
 * spec-kit and Kiro documents, option by option.
 */
import { describe, expect, it } from "vitest";
import { applyProfile } from "../dist/lib/core/rule.js";
import { WORKFLOW_FILES } from "../dist/lib/core/workflows.js";
import { globMatcher } from "../dist/lib/core/files.js";
import { findings, rules } from "./helpers.js";

const SPEC = "specs/001-albums/spec.md";
const TASKS = "specs/001-albums/tasks.md";
const REQS = ".kiro/specs/albums/requirements.md";
const DESIGN = ".kiro/specs/albums/design.md";
const KTASKS = ".kiro/specs/albums/tasks.md";

describe("workflow files", () => {
  it("recognise each workflow's folders at any depth, and nothing else", () => {
    const is = (kind: keyof typeof WORKFLOW_FILES, path: string) => globMatcher(WORKFLOW_FILES[kind])(path);
    expect(is("spec-kit spec", "specs/001-albums/spec.md")).toBe(true);
    expect(is("spec-kit spec", "/repo/services/api/specs/0142-sync/SPEC.md")).toBe(true);
    expect(is("spec-kit spec", "specs/active/001-albums/spec.md")).toBe(false);
    expect(is("spec-kit spec", "specs/01-albums/spec.md")).toBe(false);
    expect(is("spec-kit checklist", "specs/001-albums/checklists/requirements.md")).toBe(true);
    expect(is("kiro requirements", ".kiro/specs/albums/requirements.md")).toBe(true);
    expect(is("kiro requirements", ".kiro/specs/albums/bugfix.md")).toBe(true);
    expect(is("kiro requirements", "specs/001-albums/checklists/requirements.md")).toBe(false);
    expect(is("kiro steering", "/repo/.kiro/steering/tech.md")).toBe(true);
  });
});

describe("profiles in lib/core/rule.ts", () => {
  const profiles = [{ name: "w", files: ["**/w/*.md"], options: { a: 1, b: 2 } }];
  const resolved = { a: 0, b: 0, c: 0, files: ["**/x.md"], ignores: [] };

  it("put a profile's options under the configuration's and over the defaults, for its files only", () => {
    expect(applyProfile("w/doc.md", resolved, profiles, { b: 9 }).options).toEqual({ ...resolved, a: 1 });
    expect(applyProfile("w/doc.md", { ...resolved, b: 9 }, profiles, { b: 9 }).options.b).toBe(9);
    expect(applyProfile("other/doc.md", resolved, profiles, {}).options).toBe(resolved);
    expect(applyProfile("w/doc.md", resolved, profiles, {}).profile?.name).toBe("w");
  });

  it("return the same options object for every file of one configuration", () => {
    expect(applyProfile("w/a.md", resolved, profiles, {}).options).toBe(applyProfile("w/b.md", resolved, profiles, {}).options);
  });

  it("are listed on each rule's spec, with options its schema accepts", () => {
    for (const rule of rules) {
      for (const p of rule.spec.profiles ?? []) {
        expect(p.files.length, rule.names[0]).toBeGreaterThan(0);
        // A profile's options are valid options of the rule: setting them by hand reports nothing invalid.
        const found = findings("# Doc\n", "x/doc.md", rule.names[0], { ...p.options });
        expect(found.filter((f) => /Invalid configuration/.test(f.detail)), `${rule.names[0]} ${p.name}`).toEqual([]);
      }
    }
  });

  it("check a workflow's files even where the rule's default files do not name them, unless the configuration chose the files", () => {
    const md = "# Feature Specification: [FEATURE NAME]\n";
    expect(findings(md, SPEC, "SC011").map((f) => f.rule)).toEqual(["SC011"]);
    expect(findings(md, SPEC, "SC011", { files: ["**/prd.md"] })).toEqual([]);
    expect(findings(md, SPEC, "SC011", { ignores: ["**/specs/**"] })).toEqual([]);
  });
});

describe("word budgets and the PRD workflow's documents do not apply", () => {
  it("reads no spec-kit or Kiro file as a PRD, research note, guide or workspace", () => {
    const short = "# Research\n\n## Decision\n\nUse SQLite.\n\n```python\nprint(1\n```\n";
    for (const file of ["specs/001-albums/research.md", "specs/001-albums/plan.md", DESIGN, ".kiro/steering/tech.md"]) {
      for (const id of ["SC001", "SC004", "SC007", "SC008", "SC009", "SC013"]) expect(findings(short, file, id), `${id} ${file}`).toEqual([]);
    }
  });
});

describe("SC002 in the profiles", () => {
  it("asks every spec-kit user story for an acceptance scenario, and reports no missing section (SC012 does)", () => {
    const md = [
      "# Feature Specification: Albums",
      "## User Scenarios & Testing",
      "### User Story 1 - Create (Priority: P1)",
      "1. **Given** photos, **When** the user creates an album, **Then** it lists 3 photos.",
      "### User Story 2 - Share (Priority: P2)",
      "The owner shares an album.",
      "### User Story 3 - Delete (Priority: P3)",
      "**Independent Test**: Delete an album and open its link: HTTP 404.",
      "### User Story 4 - Export (Priority: P3)",
      "Its criteria are in [the export spec](../002-export/spec.md).",
    ].join("\n\n");
    expect(findings(md, SPEC, "SC002")).toEqual([
      { line: 9, rule: "SC002", detail: 'Section "User Story 2 - Share (Priority: P2)": Expected: at least 1 acceptance criterion; Actual: 0' },
    ]);
  });

  it("asks for at least one measurable outcome once there is a Success Criteria section", () => {
    const md = "# Spec\n\n## Success Criteria\n\n### Measurable Outcomes\n\nTo be decided.\n";
    expect(findings(md, SPEC, "SC002")).toEqual([{ line: 3, rule: "SC002", detail: 'Section "Success Criteria": Expected: at least 1 acceptance criteria; Actual: 0' }]);
  });

  it("asks every Kiro requirement for an acceptance criterion, in English or Japanese", () => {
    const md = [
      "# Requirements Document",
      "## Requirements",
      "### Requirement 1",
      "#### Acceptance Criteria",
      "1. WHEN a THEN the system SHALL return HTTP 200",
      "### Requirement 2: Sharing",
      "- a note, not a criterion",
    ].join("\n\n");
    expect(findings(md, REQS, "SC002").map((f) => `${f.line} ${f.detail}`)).toEqual([
      '11 Section "Requirement 2: Sharing": Expected: at least 1 acceptance criterion; Actual: 0',
    ]);
    const ja = ["# 要件定義書", "## 要件", "### 要件1: 共有", "#### 受入基準", "1. THE system SHALL return HTTP 201", "### 要件2: 削除"].join("\n\n");
    expect(findings(ja, REQS, "SC002").map((f) => `${f.line} ${f.detail}`)).toEqual(['11 Section "要件2: 削除": Expected: at least 1 acceptance criterion; Actual: 0']);
  });

  it("takes units and unitMinimum for any document", () => {
    const md = "# PRD\n\n## Acceptance Criteria\n\n### Epic 1\n\n- Exports 10 rows\n\n### Epic 2\n\n- Imports 5 rows\n- Logs 1 line\n";
    expect(findings(md, "specs/active/x/prd.md", "SC002", { minimum: 0, units: "^epic \\d+", unitMinimum: 2 })).toEqual([
      { line: 5, rule: "SC002", detail: 'Section "Epic 1": Expected: at least 2 acceptance criteria; Actual: 1' },
    ]);
    expect(findings(md, "specs/active/x/prd.md", "SC002", { units: "(a+)+" })[0].detail).toMatch(/^Invalid configuration of SC002\/acceptance-criteria-count: option "units"/);
  });
});

describe("SC003 in the profiles", () => {
  const one = (criterion: string, file = REQS) =>
    findings(`# Requirements\n\n### Requirement 1\n\n#### Acceptance Criteria\n\n1. ${criterion}\n`, file, "SC003").map((f) => f.detail.replace(/^Criterion is not measurable: /, ""));

  it("judges an EARS criterion by its response, after SHALL", () => {
    expect(one("WHEN the upload is large and slow THEN the system SHALL show a progress bar with the percentage uploaded")).toEqual([]);
    expect(one("WHEN an album is opened THEN the system SHALL load it quickly")).toEqual([
      'vague wording "quickly" without a threshold or a stated check ("load it quickly")',
    ]);
    expect(one("IF the save fails THEN the system SHALL handle it gracefully")).toEqual([
      'vague wording "gracefully" without a threshold or a stated check ("handle it gracefully")',
    ]);
    expect(one("THE system SHALL work")).toEqual(['vague wording "work" without a threshold or a stated check ("work")']);
  });

  it("judges spec-kit's measurable outcomes and its scenarios by their Then", () => {
    const md = [
      "# Spec",
      "## User Scenarios & Testing",
      "### User Story 1 - Create (Priority: P1)",
      "1. **Given** a slow network, **When** the user creates an album, **Then** the album lists 3 photos.",
      "2. **Given** photos, **When** the user creates an album, **Then** it works correctly.",
      "### Edge Cases",
      "- What happens when the album is empty?",
      "## Success Criteria",
      "- **SC-001**: Albums open in under 2 seconds.",
      "- **SC-002**: Albums open fast.",
    ].join("\n\n");
    expect(findings(md, SPEC, "SC003").map((f) => `${f.line} ${f.detail}`)).toEqual([
      '9 Criterion is not measurable: vague wording "works correctly" without a threshold or a stated check ("Then it works correctly.")',
      '19 Criterion is not measurable: vague wording "fast" without a threshold or a stated check ("Albums open fast.")',
    ]);
  });

  it("leaves a spec-kit outcome alone when a requirement of the spec defines what its vague word qualifies", () => {
    const spec = (...requirements: string[]) =>
      [
        "# Spec",
        "## Requirements",
        ...requirements,
        "## Success Criteria",
        "- **SC-001**: On a browser error the page returns a minimal safe fallback payload.",
        "- **SC-002**: Failures show clear, actionable error messages.",
        "- **SC-003**: The workflow fails gracefully with a clear error message.",
      ].join("\n\n");
    const at = (md: string) => findings(md, SPEC, "SC003").map((f) => f.line);
    expect(at(spec("- **FR-001**: Albums MUST open."))).toEqual([9, 11, 13]);
    const defined = spec("- **FR-009**: `getPage()` MUST return the fallback payload `{ path: '' }`.", "- **FR-030**: Error messages MUST include the provider ID.");
    // SC-003's "gracefully" qualifies the verb, not the error message FR-030 defines.
    expect(at(defined)).toEqual([15]);
    // Off outside the profile: a PRD's criteria are judged on their own.
    expect(findings(defined.replace("## Success Criteria", "## Acceptance Criteria"), "specs/active/x/prd.md", "SC003").map((f) => f.line)).toEqual([11, 13, 15]);
  });

  it("leaves a spec-kit criterion alone when another line states what its wording means, not when it only quantifies it", () => {
    const spec = (...lines: string[]) =>
      [
        "# Spec",
        "## User Scenarios & Testing",
        "**Acceptance Scenarios**:",
        "1. **Given** a minimal base, **When** the image is scanned, **Then** significantly fewer CVEs than the standard base image",
        "### Edge Cases",
        ...lines,
        "## Success Criteria",
        "- **SC-001**: A PR adding a malformed icon is rejected by CI with a single actionable error.",
      ].join("\n\n");
    const at = (md: string) => findings(md, SPEC, "SC003").map((f) => f.line);
    expect(at(spec("- Nothing else."))).toEqual([7, 15]);
    // The same wording with its content stated.
    expect(at(spec("- A PNG icon: the command fails with an actionable error pointing to SVG."))).toEqual([7]);
    expect(at(spec("- A PNG icon: the command fails with an actionable error."))).toEqual([7, 15]);
    // A number another criterion puts on the comparison does not excuse the scenario (judged right by three reviewers of four).
    const quantified = `${spec("- Nothing else.")}\n\n- **SC-002**: The image has at least 50% fewer CVEs than the default base.`;
    expect(at(quantified)).toEqual([7, 15]);
  });

  it("knows wording where a vague-looking word is precise (notVague)", () => {
    for (const precise of [
      "THE system SHALL fetch each icon at most once per session",
      "THE system SHALL show the corrections, most recent first",
      "THE image SHALL have zero high/critical CVEs",
      "THE system SHALL clean up the session and release its resources",
      "THE operator SHALL gracefully terminate the server process",
      "THE system SHALL use cryptographically secure random generation",
      "THE build SHALL start from a clean checkout",
      "THE system SHALL fail with a clear error message listing the duplicate IDs",
      "THE system SHALL return the same stable states object reference",
      "THE tool SHALL extract that many frames from the video",
      "THE encoder SHALL use H.265 for better compression",
      "THE suite SHALL be named server.minimal.e2e.spec.ts",
    ]) {
      expect(one(precise), precise).toEqual([]);
    }
    expect(one("THE system SHALL give a clear error")).toHaveLength(1);
    expect(one("THE system SHALL use secure defaults")).toHaveLength(1);
    expect(one("THE system SHALL stop", SPEC)).toEqual([]);
    expect(findings("# PRD\n\n## Acceptance Criteria\n\n- Lists the sessions, most recent first\n", "specs/active/x/prd.md", "SC003", { notVague: [] })).toHaveLength(1);
  });

  it("takes responseWords", () => {
    expect(one("WHEN the album is slow THEN the system SHALL show 20 thumbnails")).toEqual([]);
    const md = "# Requirements\n\n#### Acceptance Criteria\n\n1. WHEN the album is slow THEN the system SHALL show 20 thumbnails\n";
    expect(findings(md, REQS, "SC003", { responseWords: [] }).map((f) => f.detail)).toEqual([
      'Criterion is not measurable: vague wording "slow" without a threshold or a stated check ("WHEN the album is slow THEN the system SHALL show 20 thumbnails")',
    ]);
  });
});

describe("SC005 and Kiro designs", () => {
  const design = (architecture: string) => `# Design Document\n\n## Overview\n\nAlbums.\n\n## Architecture\n\n${architecture}\n`;

  it("does not ask a Kiro design for a diagram (Kiro draws one where it helps), unless configured", () => {
    expect(findings(design("Prose only."), DESIGN, "SC005")).toEqual([]);
    const asked = { files: ["**/.kiro/specs/*/design.md"], mermaid: true, ifSection: "Architecture" };
    expect(findings(design("Prose only."), DESIGN, "SC005", asked)).toEqual([{ line: 1, rule: "SC005", detail: "Expected: at least 1 diagram; Actual: 0 among 0 code blocks" }]);
    expect(findings(design("```mermaid\ngraph LR\n  A --> B\n```"), DESIGN, "SC005", asked)).toEqual([]);
    expect(findings(design("```\n+-----+     +-----+\n| API | --> | DB  |\n+-----+     +-----+\n```"), DESIGN, "SC005", asked)).toEqual([]);
    expect(findings("# Design\n\n## Overview\n\nA one-line fix.\n", DESIGN, "SC005", asked)).toEqual([]);
  });

  it("keeps a mermaid block out of a PRD's count unless asked", () => {
    const prd = "# PRD\n\n```mermaid\ngraph LR\n  A --> B\n```\n";
    expect(findings(prd, "specs/active/x/prd.md", "SC005")).toHaveLength(1);
    expect(findings(prd, "specs/active/x/prd.md", "SC005", { mermaid: true })).toEqual([]);
    expect(findings(prd, "specs/active/x/prd.md", "SC005", { ifSection: "Architecture" })).toEqual([]);
  });
});

describe("SC011 markers", () => {
  const at = (md: string, file = SPEC, options: unknown = true) => findings(md, file, "SC011", options).map((f) => `${f.line} ${f.detail}`);

  it("reports an open NEEDS CLARIFICATION and spec-kit's template tokens, quoted or not", () => {
    expect(
      at(
        [
          "# Feature Specification: [FEATURE NAME]",
          "**Created**: [DATE]",
          '**Input**: User description: "$ARGUMENTS"',
          "**Branch**: `001-albums` from [###-feature-name]",
          "- **FR-006**: System MUST authenticate users via [NEEDS CLARIFICATION: auth method not specified - SSO, OAuth?]",
          "- **FR-007**: System MUST keep data for [NEEDS CLARIFICATION: retention period",
          "  not specified]",
          "**Language/Version**: [e.g., Python 3.11 or NEEDS CLARIFICATION]",
        ].join("\n"),
      ),
    ).toEqual([
      '1 Expected: no template placeholder; Actual: "[FEATURE NAME]"',
      '2 Expected: no template placeholder; Actual: "[DATE]"',
      '3 Expected: no template placeholder; Actual: "$ARGUMENTS"',
      '4 Expected: no template placeholder; Actual: "[###-feature-name]"',
      '5 Expected: no template placeholder; Actual: "[NEEDS CLARIFICATION: auth method not specified - SSO, OAuth?]"',
      '6 Expected: no template placeholder; Actual: "[NEEDS CLARIFICATION: retention period"',
      '8 Expected: no template placeholder; Actual: "[e.g., Python 3.11 or NEEDS CLARIFICATION]"',
    ]);
  });

  it("leaves mentions, the template's own example and code alone", () => {
    expect(
      at(
        [
          "- [x] No [NEEDS CLARIFICATION] markers remain",
          "- Zero [NEEDS CLARIFICATION] markers - all requirements are concrete",
          "All NEEDS CLARIFICATION items are resolved.",
          "1. **Mark all ambiguities**: Use [NEEDS CLARIFICATION: specific question] for any assumption",
          "Left as `[NEEDS CLARIFICATION: icon size]` until the review.",
          "```text\nspecs/[###-feature]/\n[NEEDS CLARIFICATION: in a fence]\n```",
        ].join("\n"),
        "specs/001-albums/checklists/requirements.md",
      ),
    ).toEqual([]);
  });

  it("takes markers", () => {
    expect(at("Owner: ???\n", SPEC, { markers: ["\\?{3}"] })).toEqual(['1 Expected: no template placeholder; Actual: "???"']);
    expect(at("# Spec: [FEATURE NAME]\n", SPEC, { markers: [] })).toEqual([]);
    expect(at("# Spec\n", SPEC, { markers: ["(a+)+"] })[0]).toMatch(/^1 Invalid configuration of SC011\/no-template-placeholders: option "markers"/);
  });
});

describe("SC012 in the profiles", () => {
  it("asks a spec-kit spec for its mandatory sections; an older template's spec has no success criteria", () => {
    const spec = "# Feature Specification: Albums\n\n## User Scenarios & Testing *(mandatory)*\n\n## Requirements *(mandatory)*\n";
    expect(findings(spec, SPEC, "SC012")).toEqual([{ line: 1, rule: "SC012", detail: 'Expected: a section "Success Criteria"; Actual: none' }]);
    expect(findings(`${spec}\n## Review & Acceptance Checklist\n`, SPEC, "SC012")).toEqual([]);
    expect(findings("# Feature Specification: Albums\n\n## User Stories\n\n## Functional Requirements\n\n## Measurable Outcomes\n", SPEC, "SC012")).toEqual([]);
  });

  it("asks nothing of spec-kit's other documents, and not the PRD workflow's task phases", () => {
    expect(findings("# Tasks: Albums\n\n## Phase 1: Setup\n", TASKS, "SC012")).toEqual([]);
    expect(findings("# Tasks\n\n## Phase 1: Setup\n", KTASKS, "SC012")).toEqual([]);
    expect(findings("# Tasks\n\n## Phase 1: Setup\n", "specs/active/x/tasks.md", "SC012").length).toBeGreaterThan(0);
  });

  it("asks a Kiro design for its six sections once it holds four of them (minPresent)", () => {
    const four = "# Design Document\n\n## Overview\n\n## Architecture\n\n## Components and Interfaces\n\n## Testing Strategy\n";
    expect(findings(four, DESIGN, "SC012").map((f) => f.detail)).toEqual([
      'Expected: a section "Data Models"; Actual: none',
      'Expected: a section "Error Handling"; Actual: none',
    ]);
    expect(findings("# Design\n\n## 1. Workflow Structure\n\n## 2. Test Workflow\n\n## 3. Overview\n", DESIGN, "SC012")).toEqual([]);
    expect(findings("# 設計書\n\n## 概要\n\n## アーキテクチャ\n\n## コンポーネントとインターフェース\n\n## データモデル\n\n## エラーハンドリング\n\n## テスト戦略\n", DESIGN, "SC012")).toEqual([]);
    expect(findings("# Requirements Document\n\n## Overview\n\n## Functional Requirements\n", REQS, "SC012")).toEqual([]);
  });

  it("takes unless and minPresent in any entry", () => {
    const entry = { files: ["**/notes.md"], sections: ["Summary", { name: "Decision", unless: ["Status: Draft"] }], minPresent: 1 };
    expect(findings("# Notes\n\n## Context\n", "notes.md", "SC012", { documents: [entry] })).toEqual([]);
    expect(findings("# Notes\n\n## Summary\n", "notes.md", "SC012", { documents: [entry] }).map((f) => f.detail)).toEqual(['Expected: a section "Decision"; Actual: none']);
    expect(findings("# Notes\n\n## Summary\n\n## Status: Draft\n", "notes.md", "SC012", { documents: [entry] })).toEqual([]);
  });
});

describe("SC014 in the profiles", () => {
  it("asks spec-kit's T001 IDs to be unique and to go up", () => {
    const md = ["# Tasks", "- [ ] T001 [P] Setup", "- [x] T002 Build", "- [x] T002a Build more", "- [ ] T004 Test", "- [ ] T003 [US1] Docs", "- [ ] T004 Again"].join("\n");
    expect(findings(md, TASKS, "SC014").map((f) => `${f.line} ${f.detail}`)).toEqual([
      '6 Task ID "T003": Expected: an ID after "T004", the task before it; Actual: "T003"',
      '7 Task ID "T004": Expected: unique IDs; Actual: an earlier task has it',
    ]);
  });

  it("asks Kiro's numbering to be consistent in every checkbox state", () => {
    const md = [
      "# Implementation Plan",
      "- [x] 1. Models",
      "  - [x] 1.1 Album",
      "  - [-] 1.2 Photo",
      "  - [ ]* 1.2 Photo tests",
      "- [ ] 2. Pages",
      "  - [ ] 3.1 Album page",
      "  - [ ] 3.2 Share page",
      "- [ ] 4. Export",
      "- [ ] 3. Import",
    ].join("\n");
    expect(findings(md, KTASKS, "SC014").map((f) => `${f.line} ${f.detail}`)).toEqual([
      '5 Task "1.2": Expected: unique task numbers; Actual: an earlier task has it',
      '7 Task "3.1": Expected: a number under its parent task\'s, 2.x; Actual: 3.1 (2 of its sub-tasks)',
      '10 Task "3": Expected: a number after 4, the task before it; Actual: 3',
    ]);
    // A parent's sub-tasks may come in any order: an urgent 1.3 moved first.
    const urgent = ["- [ ] 1. Models", "  - [ ] 1.3 Urgent fix", "  - [ ] 1.1 Album", "  - [ ] 1.2 Photo", "- [ ] 2. Pages"].join("\n");
    expect(findings(urgent, KTASKS, "SC014")).toEqual([]);
  });

  it("takes order and outline for any task list", () => {
    expect(findings("- [ ] **T2**: b\n- [ ] **T1**: a\n", "specs/active/x/tasks.md", "SC014", { order: true }).map((f) => f.line)).toEqual([2]);
    expect(findings("- [ ] 2. b\n- [ ] 1. a\n", "specs/active/x/tasks.md", "SC014", { outline: true }).map((f) => f.line)).toEqual([2]);
    expect(findings("- [ ] 2. b\n- [ ] 1. a\n", "specs/active/x/tasks.md", "SC014")).toEqual([]);
  });
});
