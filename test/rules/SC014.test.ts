import { describe, expect, it } from "vitest";
import { findings, lintString } from "../helpers.js";
import { hasSeeds, seedText } from "../real-docs.js";

const tasks = "specs/active/demo/tasks.md";

describe("SC014 task-ids", () => {
  it.runIf(hasSeeds)("accepts the tasks templates of seeds 002 and 003 except the ID-less task in an ID'd section", () => {
    const seed003 = seedText("003_ed95a5327ab62f62.txt");
    expect(findings(seed003, tasks, "SC014")).toEqual([
      { line: 95, rule: "SC014", detail: 'Expected: a task ID such as **UT7**; Actual: "Coverage" (no ID)' },
    ]);
    const seed002 = seedText("002_fd26cd43a510520c.txt")
      .split("\n")
      .slice(953, 1045)
      .join("\n");
    expect(findings(seed002, tasks, "SC014")).toEqual([]);
  });

  it("requires IDs in a section where some task has one, with a range over the task text", () => {
    const md = "# Tasks\n\n## Phase 2\n\n- [ ] **R1**: Study patterns\n- [ ] Research the library\n- [x] **R2**: Review types\n";
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 6, rule: "SC014", detail: "Expected: a task ID such as **R3**; Actual: none" },
    ]);
    const [error] = lintString(md, tasks, "SC014");
    expect(error.errorRange).toEqual([7, 20]);
    expect(error.errorContext).toBe("- [ ] Research the library");
  });

  it("does not require IDs in sections (or files) that use none, unless requireIds is always", () => {
    const md = "# Tasks\n\n## Phase 1: Planning ✓\n\n- [x] PRD created\n\n## Phase 2\n\n- [ ] **R1**: Study\n";
    expect(findings(md, tasks, "SC014")).toEqual([]);
    expect(findings("# Tasks\n\n- [ ] Do it\n", tasks, "SC014")).toEqual([]);
    expect(findings(md, tasks, "SC014", { requireIds: "always" })).toEqual([
      { line: 5, rule: "SC014", detail: "Expected: a task ID such as **T1**; Actual: none" },
    ]);
    expect(findings("# Tasks\n\n- [ ] **R1**: A\n- [ ] B\n", tasks, "SC014", { requireIds: "never" })).toEqual([]);
  });

  it("does not require IDs on sub-tasks, but checks the IDs they have", () => {
    const md = "# Tasks\n\n- [ ] **R1**: Study\n  - [ ] read the code\n  - [ ] **R1**: again\n";
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 5, rule: "SC014", detail: 'Task ID "R1": Expected: unique IDs; Actual: an earlier task has it' },
    ]);
  });

  it("reports a duplicate ID on each later task, with a range over the ID", () => {
    const md = "# Tasks\n\n## A\n\n- [ ] **UT1**: One\n- [ ] **UT1**: Two\n\n## B\n\n- [x] **UT1**: Three\n";
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 6, rule: "SC014", detail: 'Task ID "UT1": Expected: unique IDs; Actual: an earlier task has it' },
      { line: 10, rule: "SC014", detail: 'Task ID "UT1": Expected: unique IDs; Actual: an earlier task has it' },
    ]);
    expect(lintString(md, tasks, "SC014")[0].errorRange).toEqual([7, 7]);
  });

  it("reports an ID whose prefix differs from the rest of its section", () => {
    const md = [
      "# Tasks",
      "",
      "## Phase 5: Testing",
      "",
      "### Unit Tests",
      "",
      "- [ ] **UT1**: One",
      "- [ ] **UT2**: Two",
      "- [ ] **IT3**: Three",
      "",
      "### Integration Tests",
      "",
      "- [ ] **IT1**: Real database",
      "",
    ].join("\n");
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 9, rule: "SC014", detail: 'Task ID "IT3": Expected: prefix "UT" as in the other tasks of "Unit Tests"; Actual: "IT"' },
    ]);
    expect(findings(md, tasks, "SC014", { samePrefix: false })).toEqual([]);
  });

  it("reads the seed and corpus ID forms: **INT2**, **QG-4**, **A1.2**, **R1:**, __D1__ and **Task 2.1**", () => {
    const md = [
      "# Tasks",
      "",
      "- [ ] **INT1**: a",
      "- [ ] **INT-2**: b",
      "- [ ] **INT3:** c",
      "- [ ] __INT4__ d",
      "- [ ] **INT5.1** e",
      "",
      "## Phase 2",
      "",
      "- [x] **Task 2.1**: Add imports",
      "- [x] **Task 2.2**: Import rich",
      "",
    ].join("\n");
    expect(findings(md, tasks, "SC014", { requireIds: "always" })).toEqual([]);
  });

  it("tells a bold label from an ID", () => {
    const md = "# Tasks\n\n- [ ] **UT1**: One\n- [ ] **Coverage**: Achieve 90%+\n- [ ] **Phase 1**: done\n";
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 4, rule: "SC014", detail: 'Expected: a task ID such as **UT2**; Actual: "Coverage" (no ID)' },
      { line: 5, rule: "SC014", detail: 'Expected: a task ID such as **UT2**; Actual: "Phase 1" (no ID)' },
    ]);
  });

  it("finds tasks in ordered lists, quotes and with * markers; plain lists are not tasks", () => {
    const md = "# Tasks\n\n1. [ ] **T1**: a\n2. [ ] b\n\n> - [ ] **T1**: quoted\n\n* [x] c\n\n- **T9**: not a task\n";
    expect(findings(md, tasks, "SC014")).toEqual([
      { line: 4, rule: "SC014", detail: "Expected: a task ID such as **T2**; Actual: none" },
      { line: 6, rule: "SC014", detail: 'Task ID "T1": Expected: unique IDs; Actual: an earlier task has it' },
      { line: 8, rule: "SC014", detail: "Expected: a task ID such as **T2**; Actual: none" },
    ]);
  });

  it("checks only tasks.md by default, and any file through files", () => {
    const md = "# Plan\n\n- [ ] **R1**: a\n- [ ] b\n";
    expect(findings(md, "specs/active/demo/prd.md", "SC014")).toEqual([]);
    expect(findings(md, "todo.md", "SC014", { files: ["todo.md"] })).toEqual([
      { line: 4, rule: "SC014", detail: "Expected: a task ID such as **R2**; Actual: none" },
    ]);
  });

  it("takes a custom ID pattern (group 1 is the ID)", () => {
    const md = "# Tasks\n\n- [ ] [T-1] a\n- [ ] [T-1] b\n- [ ] c\n";
    expect(findings(md, tasks, "SC014", { idPattern: String.raw`^\[([A-Z]+-\d+)\]` })).toEqual([
      { line: 4, rule: "SC014", detail: 'Task ID "T-1": Expected: unique IDs; Actual: an earlier task has it' },
      { line: 5, rule: "SC014", detail: "Expected: a task ID such as **T2**; Actual: none" },
    ]);
  });

  it("handles CRLF, front matter, code blocks and empty files", () => {
    expect(findings("# Tasks\r\n\r\n- [ ] **R1**: a\r\n- [ ] b\r\n", tasks, "SC014")).toEqual([
      { line: 4, rule: "SC014", detail: "Expected: a task ID such as **R2**; Actual: none" },
    ]);
    expect(findings("---\nx: 1\n---\n# Tasks\n\n- [ ] **R1**: a\n- [ ] **R1**: b\n", tasks, "SC014")).toEqual([
      { line: 7, rule: "SC014", detail: 'Task ID "R1": Expected: unique IDs; Actual: an earlier task has it' },
    ]);
    expect(findings("# Tasks\n\n```markdown\n- [ ] **R1**: a\n- [ ] **R1**: b\n```\n", tasks, "SC014")).toEqual([]);
    expect(findings("", tasks, "SC014")).toEqual([]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    expect(findings("# Tasks\n", tasks, "SC014", { requireIds: true })).toEqual([
      {
        line: 1,
        rule: "SC014",
        detail: 'Invalid configuration of SC014/task-ids: option "requireIds" must be one of "always", "when-used", "never"; found true',
      },
    ]);
    expect(findings("# Tasks\n", tasks, "SC014", { idPattern: "(" })[0].detail).toMatch(
      /^Invalid configuration of SC014\/task-ids: option "idPattern" must be regular expressions that compile; "\(" does not/,
    );
    expect(findings("# Tasks\n", tasks, "SC014", { samePrefix: "yes" })[0].detail).toBe(
      'Invalid configuration of SC014/task-ids: option "samePrefix" must be a boolean; found "yes"',
    );
  });
});
