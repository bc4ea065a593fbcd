import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const body = "\n\n## Overview\n\nShort.\n\n## Acceptance Criteria\n\n- [ ] Works correctly\n";

describe("example documents (lib/core/example.ts)", () => {
  it("are not checked when they say so near the top", () => {
    expect(findings(`# Feature: Checkout\n\nThis is an example PRD to show the layout.${body}`, "specs/active/x/prd.md", "spec-contract")).toEqual([]);
    expect(findings(`# Tasks\n\n> This is a sample requirement folder. Delete this.${body}`, "specs/active/x/prd.md", "spec-contract")).toEqual([]);
  });

  it("are not checked when the title names an example document", () => {
    expect(findings(`# Tasks for Example Requirement${body}`, "specs/active/x/prd.md", "spec-contract")).toEqual([]);
    expect(findings(`# Template Workspace Structure${body}`, "specs/active/x/prd.md", "spec-contract")).toEqual([]);
  });

  it("a spec about examples is still checked", () => {
    const found = findings(`# PRD: End-to-End Example Testing Framework${body}`, "specs/active/x/prd.md", "SC002");
    expect(found).toEqual([{ line: 7, rule: "SC002", detail: 'Section "Acceptance Criteria": Expected: at least 8 acceptance criteria; Actual: 1' }]);
  });

  it("a declaration further down is a mention, not a declaration", () => {
    const late = `# PRD: Checkout${body}\n${"\nFiller paragraph.\n".repeat(6)}\nThis is an example of the new flow.\n`;
    expect(findings(late, "specs/active/x/prd.md", "SC002").map((f) => f.rule)).toEqual(["SC002"]);
  });
});
