/**
 * SC016 traceability: references between a feature's documents resolve.
 * The rule reads a sibling document from disk, so each case writes a small
 * project (with `.git`, its root) and lints a citing document in it; the
 * helpers of lib/rules/SC016-trace.ts are tested on their own first.
 */
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { criterionCitations, idCitations, idPattern, readTargets, storyCitations } from "../../dist/lib/rules/SC016-trace.js";
import { findings } from "../helpers.js";
import { cleanup, cli2, linkedProject, parseCli2, scratch, writeTree } from "../integration.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(cleanup));

/** A project (its own root) holding the files. */
function project(files: Record<string, string>): string {
  const dir = scratch("sc016");
  dirs.push(dir);
  mkdirSync(join(dir, ".git"));
  writeTree(dir, files);
  return dir;
}

const REQUIREMENTS = `# Requirements Document

## Introduction

Albums.

## Requirements

### Requirement 1

**User Story:** As a user, I want albums, so that I find photos.

#### Acceptance Criteria

1. WHEN a user creates an album THEN the system SHALL list it first
2. IF an album holds more than 500 photos THEN the system SHALL return HTTP 413

### Requirement 2: Sharing

#### Acceptance Criteria

1. WHEN the owner shares THEN the system SHALL return a link
`;

const SPEC = `# Feature Specification: Albums

## User Scenarios & Testing

### User Story 1 - Create (Priority: P1)

### User Story 2 - Share (Priority: P2)

## Requirements

- **FR-001**: Users MUST create albums.
- **FR-002**: Owners MUST share albums.

## Success Criteria

- **SC-001**: An album opens in under 2 seconds.
`;

const kiroAt = (dir: string) => join(dir, ".kiro/specs/albums/tasks.md");
const specKitAt = (dir: string) => join(dir, "specs/001-albums/tasks.md");

describe("lib/rules/SC016-trace.ts", () => {
  it("reads Kiro's criteria, numbered headings and full numbers", () => {
    const t = readTargets(
      [
        "### Requirement 1", "#### Acceptance Criteria", "1. WHEN a THEN b SHALL c", "2. WHEN d THEN e SHALL f",
        "### 要件2: 名前", "#### 受入基準", "1. THE x SHALL y",
        "### 3. Alarms", "#### 3.1 Alarm state", "- list item",
        "4.2 WHEN the image is built THEN it SHALL NOT contain the package",
        "```", "### Requirement 9", "1. code, not a criterion", "```",
      ],
      [],
    );
    expect([...t.requirements].sort()).toEqual(["1", "2", "3", "4"]);
    expect([...t.criteria].sort()).toEqual(["1.1", "1.2", "2.1", "3.1", "4.2"]);
    expect(t.lineOf.get("1.2")).toBe(4);
  });

  it("reads requirements named in bold and their bulleted criteria, not the bullets before them", () => {
    const t = readTargets(
      ["**Requirement 1: Albums**", "", "- a note before the criteria", "#### Acceptance Criteria", "- WHEN a THEN b SHALL c", "- WHEN d THEN e SHALL f", "  - a refinement", "**Requirement 2**", "**Acceptance Criteria:**", "- x", "### 要件3: 参照", "- **パッケージ名:** 詳細は別の文書"],
      [],
    );
    expect([...t.requirements]).toEqual(["1", "2", "3"]);
    expect([...t.criteria]).toEqual(["1.1", "1.2", "2.1"]);
  });

  it("reads spec-kit's user stories and requirement IDs", () => {
    const t = readTargets(SPEC.split("\n"), ["FR", "SC"]);
    expect([...t.stories]).toEqual(["1", "2"]);
    expect([...t.ids].sort()).toEqual(["FR-001", "FR-002", "SC-001"]);
  });

  it("reads the citation forms Kiro writes, ranges expanded, words and notes left out", () => {
    const keys = (line: string) => criterionCitations(line).map((c) => [c.text, c.keys.join(" ")]);
    expect(keys("  - _Requirements: 1.1, 1.2, 14.1-14.3_")).toEqual([["1.1", "1.1"], ["1.2", "1.2"], ["14.1-14.3", "14.1 14.2 14.3"]]);
    expect(keys("- _要件: 13.1、13.2_")).toEqual([["13.1", "13.1"], ["13.2", "13.2"]]);
    expect(keys("**Validates: Requirements 1.2, 3.4**")).toEqual([["1.2", "1.2"], ["3.4", "3.4"]]);
    expect(keys("_Requirements: Enterprise quality, 2.1, All_")).toEqual([["2.1", "2.1"]]);
    expect(keys("_Requirements: 15.13 (output format tests)_")).toEqual([["15.13", "15.13"]]);
    expect(keys("- **Requirements**: 3, 4")).toEqual([["3", "3"], ["4", "4"]]);
    expect(keys("include the license in each archive (requirement 6.4).")).toEqual([["6.4", "6.4"]]);
    expect(keys("_Requirements: 1.3-2.2_")).toEqual([["1.3-2.2", "1.3 2.2"]]);
    expect(keys("Requirements: Node 18 and 2 GB of memory")).toEqual([]);
    expect(keys("The requirements are listed below.")).toEqual([]);
  });

  it("reads story labels and requirement IDs with their columns", () => {
    expect(storyCitations("- [ ] T004 [P] [US3] Add x").map((c) => [c.text, c.column, c.keys[0]])).toEqual([["[US3]", 15, "3"]]);
    const ids = idPattern(["FR", "NFR"]);
    expect(idCitations("covers FR-007, NFR-002a and XFR-1 and FR-", ids).map((c) => c.text)).toEqual(["FR-007", "NFR-002a"]);
    expect(idPattern([])).toBeUndefined();
  });
});

describe("SC016 traceability", () => {
  it("reports a Kiro citation of a criterion that does not exist, on its line, naming it", () => {
    const dir = project({
      ".kiro/specs/albums/requirements.md": REQUIREMENTS,
      ".kiro/specs/albums/tasks.md": "",
    });
    const tasks = [
      "# Implementation Plan",
      "",
      "- [ ] 1. Albums",
      "  - _Requirements: 1.1, 1.2_",
      "  - _Requirements: 1.3, 1.4, 2.1_",
      "- [ ] 2. Sharing",
      "  - _Requirements: 3.1_",
      "  - _Requirements: 2_",
      "  - _Requirements: All_",
    ].join("\n");
    expect(findings(tasks, kiroAt(dir), "SC016")).toEqual([
      { line: 5, rule: "SC016", detail: "Expected: acceptance criteria 1.3, 1.4 in requirements.md; Actual: not there (requirement 1 has 1.1, 1.2)" },
      { line: 7, rule: "SC016", detail: "Expected: acceptance criterion 3.1 in requirements.md; Actual: not there (no requirement 3)" },
    ]);
  });

  it("checks a Kiro design's Validates lines and a bugfix spec's numbered lines", () => {
    const dir = project({
      ".kiro/specs/fix/bugfix.md": "# Bugfix Requirements Document\n\n## Bug Analysis\n\n1.1 WHEN the image is built THEN it contains the package\n\n2.1 WHEN the image is built THEN it SHALL NOT contain the package\n",
      ".kiro/specs/fix/design.md": "",
    });
    const design = "# Design\n\n### Property 1: No vulnerable package\n\n**Validates: Requirements 2.1, 2.2**\n";
    expect(findings(design, join(dir, ".kiro/specs/fix/design.md"), "SC016")).toEqual([
      { line: 5, rule: "SC016", detail: "Expected: acceptance criterion 2.2 in bugfix.md; Actual: not there (requirement 2 has 2.1)" },
    ]);
  });

  it("reports spec-kit story labels and requirement IDs that spec.md does not hold", () => {
    const dir = project({ "specs/001-albums/spec.md": SPEC, "specs/001-albums/tasks.md": "" });
    const tasks = [
      "# Tasks",
      "- [ ] T001 [US1] Create albums (FR-001)",
      "- [ ] T002 [US3] Comment on albums (FR-004, SC-001)",
      "- [ ] T003 [P] [US2] Share albums in `src/share.ts` per FR-002",
    ].join("\n");
    expect(findings(tasks, specKitAt(dir), "SC016")).toEqual([
      { line: 3, rule: "SC016", detail: "Expected: requirement FR-004 in spec.md; Actual: not there" },
      { line: 3, rule: "SC016", detail: "Expected: user story 3 in spec.md; Actual: not there" },
    ]);
    // plan.md cites requirements too.
    expect(findings("# Plan\n\nCovers FR-009.\n", join(dir, "specs/001-albums/plan.md"), "SC016")).toEqual([
      { line: 3, rule: "SC016", detail: "Expected: requirement FR-009 in spec.md; Actual: not there" },
    ]);
  });

  it("stays silent where it cannot tell", () => {
    // No defining document beside the citing one.
    const alone = project({ "specs/001-albums/tasks.md": "" });
    expect(findings("- [ ] T001 [US9] x (FR-999)\n", specKitAt(alone), "SC016")).toEqual([]);
    // A spec that numbers no stories and holds no IDs (an older template).
    const old = project({ "specs/001-albums/spec.md": "# Spec\n\n### Primary User Story\n\nText.\n", "specs/001-albums/tasks.md": "" });
    expect(findings("- [ ] T001 [US9] x (FR-999)\n", specKitAt(old), "SC016")).toEqual([]);
    // Requirements that number nothing.
    const plain = project({ ".kiro/specs/albums/requirements.md": "# Requirements\n\n- albums\n", ".kiro/specs/albums/tasks.md": "" });
    expect(findings("- _Requirements: 7.1_\n", kiroAt(plain), "SC016")).toEqual([]);
    // References in code blocks.
    const dir = project({ ".kiro/specs/albums/requirements.md": REQUIREMENTS, ".kiro/specs/albums/tasks.md": "" });
    expect(findings("```\n_Requirements: 9.9_\n```\n", kiroAt(dir), "SC016")).toEqual([]);
    // A string linted under a name with no folder on disk.
    expect(findings("- _Requirements: 9.9_\n", ".kiro/specs/nowhere/tasks.md", "SC016")).toEqual([]);
  });

  it("reads the sibling by name in any case, and nothing outside the project", () => {
    const dir = project({ ".kiro/specs/albums/Requirements.MD": REQUIREMENTS, ".kiro/specs/albums/tasks.md": "" });
    expect(findings("- _Requirements: 1.9_\n", kiroAt(dir), "SC016").map((f) => f.line)).toEqual([1]);
    // requirements.md is a link to a file outside the project root: not read.
    const outside = project({ "elsewhere/requirements.md": REQUIREMENTS });
    const inside = project({ ".kiro/specs/albums/tasks.md": "" });
    symlinkSync(join(outside, "elsewhere/requirements.md"), join(inside, ".kiro/specs/albums/requirements.md"));
    expect(findings("- _Requirements: 1.9_\n", kiroAt(inside), "SC016")).toEqual([]);
  });

  it("reports uncited criteria, stories and IDs in the defining document when asked", () => {
    const dir = project({
      ".kiro/specs/albums/requirements.md": REQUIREMENTS,
      ".kiro/specs/albums/tasks.md": "- [ ] 1. x\n  - _Requirements: 1.1_\n",
      "specs/001-albums/spec.md": SPEC,
      "specs/001-albums/tasks.md": "- [ ] T001 [US1] x (FR-001)\n",
    });
    expect(findings(REQUIREMENTS, join(dir, ".kiro/specs/albums/requirements.md"), "SC016")).toEqual([]);
    expect(findings(REQUIREMENTS, join(dir, ".kiro/specs/albums/requirements.md"), "SC016", { uncited: true })).toEqual([
      { line: 16, rule: "SC016", detail: "Acceptance criterion 1.2: Expected: a task in tasks.md that cites it; Actual: none" },
      { line: 22, rule: "SC016", detail: "Acceptance criterion 2.1: Expected: a task in tasks.md that cites it; Actual: none" },
    ]);
    expect(findings(SPEC, join(dir, "specs/001-albums/spec.md"), "SC016", { uncited: true })).toEqual([
      { line: 7, rule: "SC016", detail: "User Story 2: Expected: a task in tasks.md labelled [US2]; Actual: none" },
      { line: 12, rule: "SC016", detail: "Requirement FR-002: Expected: a task in tasks.md that cites it; Actual: none" },
      { line: 16, rule: "SC016", detail: "Requirement SC-001: Expected: a task in tasks.md that cites it; Actual: none" },
    ]);
  });

  it("takes its options: definedIn, references, idPrefixes", () => {
    const dir = project({ "specs/001-albums/spec.md": SPEC, "specs/001-albums/tasks.md": "", "specs/001-albums/stories.md": "### User Story 3 - Comment\n" });
    const line = "- [ ] T002 [US3] Comment (FR-004, REQ-9)\n";
    expect(findings(line, specKitAt(dir), "SC016", { references: ["ids"] }).map((f) => f.detail)).toEqual([
      "Expected: requirement FR-004 in spec.md; Actual: not there",
    ]);
    expect(findings(line, specKitAt(dir), "SC016", { definedIn: ["stories.md"], references: ["stories"] })).toEqual([]);
    // A prefix spec.md never uses: the rule cannot tell what REQ-9 would be.
    expect(findings(line, specKitAt(dir), "SC016", { idPrefixes: ["REQ"], references: ["ids"] })).toEqual([]);
    const req = project({ "specs/001-albums/spec.md": "# Spec\n\n- **REQ-1**: Albums.\n", "specs/001-albums/tasks.md": "" });
    expect(findings(line, specKitAt(req), "SC016", { idPrefixes: ["REQ"], references: ["ids"] }).map((f) => f.detail)).toEqual([
      "Expected: requirement REQ-9 in spec.md; Actual: not there",
    ]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const bad = (options: unknown) => findings("# Tasks\n", "specs/001-albums/tasks.md", "SC016", options).map((f) => `${f.line} ${f.detail}`);
    expect(bad({ definedIn: ["../spec.md"] })).toEqual([
      '1 Invalid configuration of SC016/traceability: option "definedIn" must be a non-empty array of file names (no folders); found ["../spec.md"]',
    ]);
    expect(bad({ references: ["links"] })).toEqual([
      '1 Invalid configuration of SC016/traceability: option "references" must be an array of "criteria", "stories", "ids"; found ["links"]',
    ]);
    expect(bad({ uncited: "yes" })).toEqual(['1 Invalid configuration of SC016/traceability: option "uncited" must be a boolean; found "yes"']);
    expect(bad({ cite: [] })[0]).toMatch(/^1 Invalid configuration of SC016\/traceability: unknown option "cite"/);
  });

  it("never throws on odd citing lines", () => {
    const dir = project({ ".kiro/specs/albums/requirements.md": REQUIREMENTS, ".kiro/specs/albums/tasks.md": "" });
    const odd = ["_Requirements:_", "_Requirements: ,,,_", "Requirements: 1." + "1".repeat(5000), `_Requirements: ${"1.1, ".repeat(2000)}_`, "Validates:", "要件：", "_Requirements: 1-999999_"].join("\n");
    const found = findings(odd, kiroAt(dir), "SC016");
    expect(found.every((f) => f.rule === "SC016" && !/Internal error/.test(f.detail))).toBe(true);
  });
});

describe("SC016 through markdownlint-cli2", () => {
  const dir = linkedProject("sc016-cli", {
    ".markdownlint-cli2.jsonc": JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { default: false, SC016: true } }),
    ".kiro/specs/albums/requirements.md": REQUIREMENTS,
    ".kiro/specs/albums/tasks.md": "# Implementation Plan\n\n- [ ] 1. Albums\n  - _Requirements: 1.1, 4.2_\n",
    "specs/001-albums/spec.md": SPEC,
    "specs/001-albums/tasks.md": "# Tasks\n\n- [ ] T001 [US1] x\n- [ ] T002 [US7] y\n",
  });
  afterAll(() => cleanup(dir));

  it("reports the broken references of both workflows, and exits 1", () => {
    const result = cli2(dir, [".kiro/specs/**/*.md", "specs/**/*.md"]);
    expect(result.status).toBe(1);
    expect(parseCli2(result.stdout + result.stderr)).toEqual([
      { file: ".kiro/specs/albums/tasks.md", line: 4, rule: "SC016", detail: "Expected: acceptance criterion 4.2 in requirements.md; Actual: not there (no requirement 4)" },
      { file: "specs/001-albums/tasks.md", line: 4, rule: "SC016", detail: "Expected: user story 7 in spec.md; Actual: not there" },
    ]);
  });
});
