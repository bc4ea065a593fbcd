/**
 * Per-file tables merge with their defaults (lib/core/tables.ts): changing one
 * entry of SC001's or SC012's `documents` (matched by its `files`) or one
 * section budget keeps every other default, a new entry goes first, and
 * `replaceDefaults: true` replaces the whole table.
 */
import { describe, expect, it } from "vitest";
import { mergeTable } from "../../dist/lib/core/tables.js";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const plan = "specs/active/demo/research/plan.md";
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
const sc001 = (f: { line: number; detail: string }[]) => f.map((x) => `${x.line} ${x.detail}`);

describe("mergeTable", () => {
  const defaults = [
    { files: ["**/prd.md"], minWords: 2000, sections: { Overview: 300, Architecture: 600 } },
    { files: ["**/research/plan.md"], minWords: 2000 },
  ];

  it("changes the entry with the same files (in any order), merging objects key by key", () => {
    expect(mergeTable(defaults, [{ files: ["**/prd.md"], sections: { Overview: 100 } }])).toEqual([
      { files: ["**/prd.md"], minWords: 2000, sections: { Overview: 100, Architecture: 600 } },
      defaults[1],
    ]);
    const two = [{ files: ["a/**", "b/**"], minWords: 1 }];
    expect(mergeTable(two, [{ files: ["b/**", "a/**"], minWords: 2 }])).toEqual([{ files: ["b/**", "a/**"], minWords: 2 }]);
  });

  it("puts new entries first, in the user's order, so they win for their files", () => {
    const mine = [
      { files: ["**/requirements/*/prd.md"], minWords: 500 },
      { files: ["docs/**/prd.md"], minWords: 0 },
    ];
    expect(mergeTable(defaults, mine)).toEqual([...mine, ...defaults]);
  });

  it("replaces arrays (SC012's section lists) and leaves the defaults untouched", () => {
    const lists = [{ files: ["**/prd.md"], sections: ["Overview", "Design"], order: false }];
    expect(mergeTable(lists, [{ files: ["**/prd.md"], sections: ["Summary"] }])).toEqual([{ files: ["**/prd.md"], sections: ["Summary"], order: false }]);
    expect(lists[0].sections).toEqual(["Overview", "Design"]);
  });
});

describe("SC001 documents merge with the defaults", () => {
  const md = `# PRD\n\n## Overview\n\n${words(50)}\n\n## Architecture\n\n${words(50)}\n`;

  it("changing one section budget keeps the others and the document minimum", () => {
    const found = findings(md, prd, "SC001", { documents: [{ files: ["**/prd.md"], sections: { Overview: 40 } }] });
    expect(sc001(found)).toEqual([
      "1 Document: Expected: at least 2000 words; Actual: 103 words",
      '7 Section "Architecture": Expected: at least 600 words; Actual: 50 words',
    ]);
  });

  it("changing one entry keeps the other kinds' entries", () => {
    const options = { documents: [{ files: ["**/prd.md"], minWords: 0, sections: { Overview: 0, Architecture: 0 } }] };
    expect(findings(md, prd, "SC001", options)).toEqual([]);
    expect(sc001(findings(`# Plan\n\n## Internal Patterns\n\n${words(10)}\n`, plan, "SC001", options))).toEqual([
      "1 Document: Expected: at least 2000 words; Actual: 13 words",
      '3 Section "Internal Patterns": Expected: at least 600 words; Actual: 10 words',
    ]);
  });

  it("replaceDefaults: true replaces the whole table", () => {
    const options = { replaceDefaults: true, documents: [{ files: ["**/prd.md"], sections: { Overview: 40 } }] };
    expect(findings(md, prd, "SC001", options)).toEqual([]);
    expect(findings(`# Plan\n\n## Internal Patterns\n\n${words(10)}\n`, plan, "SC001", options)).toEqual([]);
  });

  it("names replaceDefaults among the options, and checks its type", () => {
    expect(findings(md, prd, "SC001", { replaceDefaults: "yes" })).toEqual([
      { line: 1, rule: "SC001", detail: 'Invalid configuration of SC001/section-word-budget: option "replaceDefaults" must be a boolean; found "yes"' },
    ]);
    expect(findings(md, prd, "SC002", { replaceDefaults: true })[0].detail).toMatch(/^Invalid configuration of SC002\/acceptance-criteria-count: unknown option "replaceDefaults"/);
  });
});

describe("SC012 documents merge with the defaults", () => {
  const tasks = "specs/active/demo/tasks.md";

  it("changing the PRD's sections keeps the other kinds' required sections", () => {
    const options = { documents: [{ files: ["**/prd.md"], sections: ["Summary"] }] };
    expect(findings("# PRD\n\n## Summary\n\nText.\n", prd, "SC012", options)).toEqual([]);
    expect(findings("# Tasks\n\n## Testing\n", tasks, "SC012", options).map((f) => f.detail)).toContain(
      'Expected: a section "Documentation"; Actual: none',
    );
  });

  it("replaceDefaults: true leaves only the given entries", () => {
    const options = { replaceDefaults: true, documents: [{ files: ["**/prd.md"], sections: ["Summary"] }] };
    expect(findings("# Tasks\n\n## Testing\n", tasks, "SC012", options)).toEqual([]);
  });
});
