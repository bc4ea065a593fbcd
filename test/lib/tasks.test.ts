import { describe, expect, it } from "vitest";
import { DEFAULT_ID_PATTERN, highestNumbers, idNumber, idPrefix, parseTaskLine } from "../../dist/lib/rules/SC014-tasks.js";

const pattern = new RegExp(DEFAULT_ID_PATTERN, "u");

describe("parseTaskLine", () => {
  it("reads the ID and its columns", () => {
    expect(parseTaskLine("- [ ] **R1**: Study existing patterns", pattern)).toEqual({
      textStart: 6,
      text: "**R1**: Study existing patterns",
      id: "R1",
      idColumn: 6,
      idLength: 6,
    });
    expect(parseTaskLine("  * [x] **UT3:** Edge cases", pattern)?.id).toBe("UT3");
    expect(parseTaskLine("> 1. [X] __INT2__ b", pattern)?.id).toBe("INT2");
    expect(parseTaskLine("- [x] **Task 2.10**: x", pattern)?.id).toBe("Task 2.10");
  });

  it("tells a bold label from an ID", () => {
    expect(parseTaskLine("- [ ] **Coverage**: Achieve 90%+", pattern)).toEqual({
      textStart: 6,
      text: "**Coverage**: Achieve 90%+",
      label: "Coverage",
    });
    expect(parseTaskLine("- [ ] **Phase 1**: done", pattern)?.label).toBe("Phase 1");
    expect(parseTaskLine("- [ ] Plain task", pattern)).toEqual({ textStart: 6, text: "Plain task" });
  });

  it("needs the ID at the start of the text and the checkbox on the line", () => {
    expect(parseTaskLine("- [ ] Study **R1**", pattern)?.id).toBeUndefined();
    expect(parseTaskLine("- **R1**: not a task", pattern)).toBeUndefined();
    expect(parseTaskLine("  continuation", pattern)).toBeUndefined();
    expect(parseTaskLine("- [ ]", pattern)).toEqual({ textStart: 5, text: "" });
  });
});

describe("idPrefix and idNumber", () => {
  it("split an ID into its scheme and number", () => {
    expect(["UT3", "INT2", "QG-4", "Task 2.1", "A1.2", "7"].map(idPrefix)).toEqual(["UT", "INT", "QG", "Task", "A", ""]);
    expect(["UT3", "INT12", "QG-4", "A1.2", "Task 2.1"].map(idNumber)).toEqual([3, 12, 4, undefined, undefined]);
  });
});

describe("highestNumbers", () => {
  it("keeps the highest plain number of each prefix (0 when none has one)", () => {
    const highest = highestNumbers(["UT3", "UT12", "UT7", "QG-4", "A1.2", "Task 2.1", "INT2", "7"]);
    expect(Object.fromEntries(highest)).toEqual({ UT: 12, QG: 4, A: 0, Task: 0, INT: 2, "": 7 });
  });

  it("takes any number of IDs (spreading them into Math.max overflowed the stack past about 120,000)", () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `T${i + 1}`);
    expect(highestNumbers(ids).get("T")).toBe(200_000);
  });
});
