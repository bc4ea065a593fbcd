import { describe, expect, it } from "vitest";
import { findings, lintString } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const SPEED = "a time limit, e.g. p95 under 200 ms";
const MAGNITUDE = "a number with a unit, e.g. at most 5%";
const CHECK = "the check that proves it: a command, a test, an exit code or a status";
const BEHAVIOUR = "the observable behaviour, e.g. returns 422 naming the missing key";
const CONDITION = "the exact condition or the full list";
const DECISION = "the decision, or move the item to Open Questions";
const TESTS = "the tests by name or count, e.g. all 14 tests in tests/test_api.py pass";
const vague = (suggestion: string, phrase: string) => `Expected: ${suggestion}; Actual: vague phrase "${phrase}"`;

/** [line, detail, range] of each SC006 finding. */
function found(markdown: string, options: unknown = true, name = prd) {
  return lintString(markdown, name, "SC006", options).map((e) => [e.lineNumber, e.errorDetail, e.errorRange]);
}

const requirements = (...lines: string[]) => ["# PRD: Demo", "", "## Requirements", "", ...lines, ""].join("\n");

describe("SC006 no-vague-phrasing", () => {
  it("reports the eval's vague requirements on their line with a range over the phrase", () => {
    const md = requirements(
      "- The plugin should be fast.",
      "- We will handle errors gracefully.",
      "- Logging will be added where appropriate.",
      "- Memory usage should be reasonable.",
      "- Support for other databases is TBD.",
      "- The migration should work in most cases.",
    );
    expect(found(md)).toEqual([
      [5, vague(SPEED, "fast"), [24, 4]],
      [6, vague(BEHAVIOUR, "gracefully"), [25, 10]],
      [7, vague(CONDITION, "where appropriate"), [25, 17]],
      [8, vague(MAGNITUDE, "reasonable"), [26, 10]],
      [9, vague(DECISION, "TBD"), [34, 3]],
      [10, vague(CONDITION, "in most cases"), [29, 13]],
    ]);
  });

  it("leaves a PRD's acceptance criteria to SC003, and reports them elsewhere", () => {
    const md = [
      "# PRD",
      "",
      "## Acceptance Criteria",
      "",
      "- [ ] Offload works correctly",
      "- [ ] Performance is good",
      "- [ ] Tests pass",
      "- [ ] Processes 1M rows in <5 minutes",
      "- [ ] Query count ≤2 per offload operation",
      "- [ ] Coverage ≥90% for modified modules",
      "",
    ].join("\n");
    expect(found(md)).toEqual([]);
    const reported = [
      [5, vague(CHECK, "works correctly"), [15, 15]],
      [6, vague("the values before and after, e.g. from 1.2 s to 0.8 s", "good"), [22, 4]],
      [7, vague(TESTS, "Tests pass"), [7, 10]],
    ];
    expect(found(md, { criteriaFiles: [] })).toEqual(reported);
    expect(found(md, true, "specs/active/demo/tasks.md")).toEqual(reported);
  });

  describe("real-world shapes", () => {
    it("reads the item after a bold label, not the label", () => {
      const md = requirements("- **Developer Experience**: setup is easy", "- **Robust Parsing:** input handled properly");
      expect(found(md).map(([line, detail]) => [line, detail])).toEqual([
        [5, vague(BEHAVIOUR, "easy")],
        [6, vague(CHECK, "properly")],
      ]);
    });

    it("reads lists under an Acceptance or Exit Criteria label in tasks.md", () => {
      const md = "# Tasks\n\n## Phase 2\n\n- [ ] 2.1 Build the importer\n  - Acceptance:\n    - import is fast\n\n**Exit Criteria**:\n\n- errors handled gracefully\n";
      expect(found(md, true, "specs/active/demo/tasks.md").map(([line, detail]) => [line, detail])).toEqual([
        [7, vague(SPEED, "fast")],
        [11, vague(BEHAVIOUR, "gracefully")],
      ]);
    });

    it("leaves a spec-kit task's acceptance items to the requirements it covers, unless sections are set", () => {
      const md =
        "# Tasks: Demo\n\n### Task 1.2: Define types\n\n**Requirements covered**: FR-003\n\n**Acceptance criteria**:\n- [ ] Types marshal correctly\n";
      const name = "specs/002-demo/tasks.md";
      expect(found(md, true, name)).toEqual([]);
      expect(found(md, { sections: ["Acceptance criteria"] }, name).map(([line, detail]) => [line, detail])).toEqual([[8, vague(CHECK, "correctly")]]);
      // The same list in the PRD workflow's tasks.md is searched.
      expect(found(md, true, "specs/active/demo/tasks.md").map(([line, detail]) => [line, detail])).toEqual([[8, vague(CHECK, "correctly")]]);
    });

    it("reports unnamed tests, not named ones", () => {
      const md = requirements("- All existing tests pass", "- All Inertia protocol compliance tests pass");
      expect(found(md).map(([line, detail]) => [line, detail])).toEqual([[5, vague(TESTS, "tests pass")]]);
    });

    it("does not search Goals by default: they state direction, criteria make it measurable", () => {
      const md = "# PRD\n\n## Goals\n\n- Seamless dev/prod: HMR in dev, optimized builds in prod\n";
      expect(found(md)).toEqual([]);
      expect(found(md, { sections: ["Goals"] })).toHaveLength(2);
    });
  });

  describe("judges a phrase in its sentence", () => {
    it("allows a quantity or check phrase when the sentence states a measure", () => {
      const md = requirements(
        "- All 14 tests in tests/integration/test_vite.py pass unchanged.",
        "- Concurrent offloads handle locking correctly (no deadlocks in 100 parallel runs).",
        "- Startup is fast: 1.2 s today and below 1.5 s after the change.",
        "- `react-inertia` example works correctly in dev mode.",
        "- The build is efficient: one pass over `src/`.",
        "- Coverage of pyproject.toml entry points stays unchanged.",
      );
      expect(found(md)).toEqual([]);
    });

    it("reads a list item with its nested items, which refine it", () => {
      const md = requirements(
        "- Concurrent offloads handle locking correctly",
        "  - no deadlocks in 100 parallel runs",
        "- The CLI is fast",
        "  - and starts without a config file",
      );
      expect(found(md)).toEqual([[7, vague(SPEED, "fast"), [14, 4]]]);
    });

    it("does not let a measure in another sentence excuse the phrase", () => {
      const md = requirements("The cache holds 500 entries. Lookups should be fast.");
      expect(found(md)).toEqual([[5, vague(SPEED, "fast"), [48, 4]]]);
    });

    it("keeps hedges, placeholders and subjective words vague whatever the sentence holds", () => {
      const md = requirements(
        "- Retries up to 3 times where appropriate.",
        "- Handle `None` causes gracefully.",
        "- Port 8000 is the default; others are TBD.",
      );
      expect(found(md)).toEqual([
        [5, vague(CONDITION, "where appropriate"), [25, 17]],
        [6, vague(BEHAVIOUR, "gracefully"), [24, 10]],
        [7, vague(DECISION, "TBD"), [40, 3]],
      ]);
    });

    it("takes a cited requirement, a parenthesis that states behaviour, a named form and a round trip as pinning the phrase down", () => {
      const md = requirements(
        "- Ingress created with correct hostname (FR-064, FR-065)",
        "- New fields handled gracefully (ignored with warning)",
        "- Simple string and object forms are both accepted",
        "- Round-trip conversion works",
        "- New fields handled gracefully (for YAML files)",
        "- Hostname set correctly",
      );
      expect(found(md).map(([line, detail]) => [line, detail])).toEqual([
        [9, vague(BEHAVIOUR, "gracefully")],
        [10, vague(CHECK, "correctly")],
      ]);
    });

    it("does not count labels such as AC1, P0, FR-2 or #123 as measures", () => {
      const md = requirements("- **AC1**: P0 fix for FR-2 and #123 is fast");
      expect(found(md)).toEqual([[5, vague(SPEED, "fast"), [40, 4]]]);
    });

    it("judges a table row as one sentence", () => {
      const md = requirements("| Metric | Target |", "|---|---|", "| Lookups | fast |", "| Startup | fast, under 2 s |");
      expect(found(md)).toEqual([[7, vague(SPEED, "fast"), [13, 4]]]);
    });
  });

  describe("searches only requirement-bearing sections", () => {
    it("checks the default sections and their subsections, not other sections or headings", () => {
      const md = [
        "# PRD",
        "",
        "## Overview",
        "",
        "The current build is slow and fragile.",
        "",
        "## Goals",
        "",
        "### Primary Goals",
        "",
        "- Make the build fast",
        "",
        "### Non-Goals",
        "",
        "- A fast rewrite of the bundler",
        "",
        "## Success Metrics",
        "",
        "- Builds are quick",
        "",
        "## 3. Acceptance Criteria (MINIMUM 8 - ALL MEASURABLE)",
        "",
        "- [ ] Errors are handled gracefully",
        "",
        "## Definition of Done",
        "",
        "- [ ] All tests pass",
        "",
      ].join("\n");
      expect(found(md).map(([line, detail]) => [line, detail])).toEqual([
        [19, vague(SPEED, "quick")],
        [27, vague(TESTS, "tests pass")],
      ]);
    });

    it("checks PRDs, research notes and task lists, not guides", () => {
      const md = requirements("- It should be fast.");
      expect(found(md, true, "specs/active/demo/tasks.md")).toHaveLength(1);
      expect(found(md, true, "specs/active/demo/research/plan.md")).toHaveLength(1);
      expect(found(md, true, "specs/active/demo/research/analysis.md")).toHaveLength(1);
      expect(found(md, true, "docs/guides/build.md")).toEqual([]);
      expect(found(md, true, "specs/template-spec/prd.md")).toEqual([]);
    });
  });

  describe("options", () => {
    it("takes phrases as strings or objects with a suggestion and unlessMeasured", () => {
      const md = requirements("- It should be snappy.", "- It should be snappy in 10 ms.", "- Results are cached as needed.");
      const options = {
        phrases: [{ phrase: "snappy", suggestion: "a latency budget", unlessMeasured: true }, "as needed"],
        patterns: [],
      };
      expect(found(md, options)).toEqual([
        [5, "Expected: a latency budget; Actual: vague phrase \"snappy\"", [16, 6]],
        [7, "Expected: a specific, measurable statement; Actual: vague phrase \"as needed\"", [22, 9]],
      ]);
    });

    it("takes patterns as strings or objects", () => {
      const md = requirements("- It should be quick-ish.", "- Latency is OK-ish in 10 ms.");
      const options = {
        phrases: [],
        patterns: ["\\bquick-ish\\b", { pattern: "\\bok-ish\\b", suggestion: "a number", unlessMeasured: true }],
      };
      expect(found(md, options)).toEqual([[5, 'Expected: a specific, measurable statement; Actual: vague phrase "quick-ish"', [16, 9]]]);
    });

    it("takes other section names, and ! to leave a subsection out", () => {
      const md = ["# PRD", "", "## Scope", "", "- fast", "", "### Later", "", "- fast", "", "## Requirements", "", "- fast", ""].join("\n");
      expect(found(md, { sections: ["Scope", "!Later"] }).map(([line]) => line)).toEqual([5]);
    });

    it("reports a pattern that does not compile on line 1, naming the option", () => {
      expect(findings(requirements("- fast"), prd, "SC006", { patterns: ["(unclosed"] })).toEqual([
        {
          line: 1,
          rule: "SC006",
          detail:
            'Invalid configuration of SC006/no-vague-phrasing: option "patterns" must be an array of patterns (strings or { pattern, suggestion, unlessMeasured }); item 1: regular expressions that compile; "(unclosed" does not (Invalid regular expression: /(unclosed/iu: Unterminated group)',
        },
      ]);
    });

    it("reports other bad options on line 1", () => {
      const bad = (options: unknown) => findings(requirements("- fast"), prd, "SC006", options).map((f) => f.detail);
      expect(bad({ phrases: [""] })).toEqual([
        'Invalid configuration of SC006/no-vague-phrasing: option "phrases" must be an array of phrases (strings or { phrase, suggestion, unlessMeasured }); item 1: a phrase with a letter or digit; found ""',
      ]);
      expect(bad({ phrases: [{ phrase: "fast", unless: true }] })).toEqual([
        'Invalid configuration of SC006/no-vague-phrasing: option "phrases" must be an array of phrases (strings or { phrase, suggestion, unlessMeasured }); item 1: no key "unless" (known: phrase, suggestion, unlessMeasured)',
      ]);
      expect(bad({ sections: "Requirements" })).toEqual([
        'Invalid configuration of SC006/no-vague-phrasing: option "sections" must be an array of strings; found "Requirements"',
      ]);
      expect(bad({ speed: 1 })[0]).toMatch(/^Invalid configuration of SC006\/no-vague-phrasing: unknown option "speed"/);
    });

    it("refuses configured patterns with nested unbounded quantifiers, naming the option", () => {
      const bad = (pattern: unknown) => findings(requirements("- fast"), prd, "SC006", { patterns: [pattern] });
      const [problem, ...rest] = bad({ pattern: "(a+)+$" });
      expect(rest).toEqual([]);
      expect(problem.line).toBe(1);
      expect(problem.detail).toMatch(
        /^Invalid configuration of SC006\/no-vague-phrasing: option "patterns" must be an array of patterns \(strings or \{ pattern, suggestion, unlessMeasured \}\); item 1: "pattern" to be regular expressions without nested .*"\(a\+\)\+\$" repeats "\(a\+\)\+"$/,
      );
    });

    it("runs a configured pattern in linear time on a very long line", () => {
      // JavaScript's engine takes quadratic time here (about 40 s for 100,000 characters).
      const md = requirements("word ".repeat(20_000));
      const started = Date.now();
      expect(found(md, { phrases: [], patterns: ["[\\w ]+x"] })).toEqual([]);
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it("reports only the group named phrase when a pattern has one", () => {
      const md = requirements("- It is snappy now.");
      expect(found(md, { phrases: [], patterns: ["(?<phrase>snappy) now"] })).toEqual([
        [5, 'Expected: a specific, measurable statement; Actual: vague phrase "snappy"', [9, 6]],
      ]);
    });
  });

  describe("edge cases", () => {
    it("ignores phrases in code spans, code blocks, HTML, link targets and quotes, not in link text", () => {
      const md = requirements(
        "- The `fast` flag and <span>fast</span> stay.",
        "- See [the fast path](https://example.com/fast) for details.",
        '- The error reads "try again as needed" exactly.',
        "",
        "```text",
        "fast TBD as needed",
        "```",
      );
      expect(found(md)).toEqual([[6, vague(SPEED, "fast"), [12, 4]]]);
    });

    it("matches whole words only, and not capitalised names inside a sentence", () => {
      const md = requirements(
        "- Breakfast, fast-path, fast_mode and fast.js are names.",
        "- React Fast Refresh stays enabled in dev mode.",
        "- Fast startup.",
      );
      expect(found(md)).toEqual([[7, vague(SPEED, "Fast"), [3, 4]]]);
    });

    it("finds a phrase across a soft line break, on the line where it starts", () => {
      const md = requirements("The migration should work in most", "cases.");
      expect(found(md)).toEqual([[5, vague(CONDITION, "in most cases"), [27, 7]]]);
    });

    it("reports file lines with front matter and CRLF line endings", () => {
      const md = ["---", "title: Demo", "---", "# PRD", "", "## Requirements", "", "- It should be fast.", ""].join("\r\n");
      expect(found(md)).toEqual([[8, vague(SPEED, "fast"), [16, 4]]]);
    });

    it("reports nothing in a document without requirement sections", () => {
      expect(found("# PRD\n\n## Overview\n\nThe build is fast and TBD.\n")).toEqual([]);
    });
  });
});
