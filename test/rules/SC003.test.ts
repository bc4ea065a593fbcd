import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const ac = (...criteria: string[]) =>
  `# PRD\n\n## Acceptance Criteria\n\n${criteria.map((c, i) => `- [ ] **AC${i + 1}**: ${c}`).join("\n")}\n`;
const NONE = "no threshold, count, comparison or named artifact";
const f = (line: number, detail: string) => ({ line, rule: "SC003", detail: `Criterion is not measurable: ${detail}` });
/** Findings of SC003 on one criterion, as AC1 on line 5. */
const one = (criterion: string, options: unknown = true) => findings(ac(criterion), prd, "SC003", options);

describe("SC003 acceptance-criteria-measurable", () => {
  describe("valid: measurable criteria", () => {
    const measurable = [
      // the seed's GOOD examples
      "Processes 1M rows in <5 minutes",
      "Query count ≤2 per offload operation",
      "Coverage ≥90% for modified modules",
      // thresholds: comparison + number, number + unit, rate
      "The dev server restarts in under 2 seconds after a config change",
      "Pagination returns at most 100 items when `limit` is given",
      "Bundle grows by no more than 5% compared to v1.2",
      "Uploads larger than 10 MB are rejected",
      "The worker sustains 200 RPS on a 2-vCPU instance",
      "Startup logs contain one line per registered plugin",
      "The connection pool size is configurable from 1 to 50",
      // HTTP statuses and exit codes
      "Login returns HTTP 401 for a wrong password",
      "The CLI exits non-zero when the manifest is missing",
      // a vague word pinned by a threshold
      "Concurrent offload operations handle locking correctly (no deadlocks in 100 parallel runs)",
      "Search is fast: p95 under 200 ms",
      // named artifacts
      "`npm run build` produces no warnings",
      "No new dependency is added to pyproject.toml",
      "All tests in tests/integration/ pass unchanged",
      "The parser raises SQLSpecError for an unterminated string",
      "Settings are read from DATABASE_URL",
      'The console shows "Index Mode: Inertia" on startup',
      "Audit log records: actor, action, target, timestamp",
      // counts, named sets, zero over a concrete thing, a named check
      "The migration creates 3 tables",
      "Docstrings added to all new functions",
      "The session table stores no plaintext passwords",
      "Deleting a user removes their records in the same transaction, verified by a rollback test",
    ];
    for (const criterion of measurable) {
      it(criterion, () => {
        expect(one(criterion)).toEqual([]);
      });
    }
  });

  describe("invalid: vague criteria", () => {
    it("reports the seed's BAD examples on each criterion's line", () => {
      expect(findings(ac("Offload works correctly", "Performance is good", "Tests pass"), prd, "SC003")).toEqual([
        f(5, `vague wording "works correctly" and ${NONE} ("Offload works correctly")`),
        f(6, `vague wording "good" and ${NONE} ("Performance is good")`),
        f(7, `${NONE} ("Tests pass")`),
      ]);
    });

    it("reports a vague word that no threshold pins down, even beside an artifact or a count", () => {
      expect(one("`npm run build` is fast")).toEqual([f(5, 'vague wording "fast" without a threshold or count ("npm run build is fast")')]);
      expect(one("Handles 1M rows efficiently")).toEqual([
        f(5, 'vague wording "efficiently" without a threshold or count ("Handles 1M rows efficiently")'),
      ]);
    });

    it("does not take an unnamed set or a vague zero for a count", () => {
      expect(one("All tests pass")).toEqual([f(5, `${NONE} ("All tests pass")`)]);
      expect(one("No performance regressions")).toEqual([f(5, `${NONE} ("No performance regressions")`)]);
      expect(one("Works across all supported databases")).toEqual([f(5, `${NONE} ("Works across all supported databases")`)]);
    });

    it("does not take a comparison without a number for a threshold", () => {
      expect(one("Integration tests complete within a reasonable timeout")).toEqual([
        f(5, `vague wording "reasonable" and ${NONE} ("Integration tests complete within a reasonable timeout")`),
      ]);
    });

    it("does not take ordinals, versions or digits inside words for counts", () => {
      expect(one("Support for 3rd-party plugins is improved")).toEqual([
        f(5, `vague wording "improved" and ${NONE} ("Support for 3rd-party plugins is improved")`),
      ]);
    });

    it("reports an empty criterion", () => {
      expect(findings("# PRD\n\n## Acceptance Criteria\n\n- [ ] **AC1**:\n", prd, "SC003")).toEqual([f(5, "the criterion is empty")]);
    });

    it("shortens a long criterion in the detail", () => {
      const long = `The system is robust ${"and reliable ".repeat(10)}`.trim();
      const [found] = one(long);
      expect(found.detail).toBe(
        `Criterion is not measurable: vague wording "robust" and ${NONE} ("The system is robust and reliable and reliable and reliable and reliable and…")`,
      );
    });
  });

  describe("options", () => {
    it("takes vaguePhrases", () => {
      expect(one("`make docs` is snazzy")).toEqual([]);
      expect(one("`make docs` is snazzy", { vaguePhrases: ["snazzy"] })).toEqual([
        f(5, 'vague wording "snazzy" without a threshold or count ("make docs is snazzy")'),
      ]);
      expect(one("The build is fast", { vaguePhrases: [] })).toEqual([f(5, `${NONE} ("The build is fast")`)]);
    });

    it("takes vaguePatterns", () => {
      expect(one("`x` resolves correctly", { vaguePatterns: ["\\bresolves\\s+correctly\\b"] })).toEqual([
        f(5, 'vague wording "resolves correctly" without a threshold or count ("x resolves correctly")'),
      ]);
    });

    it("takes units and comparisons", () => {
      expect(one("The page loads fast: 3 blinks")).toEqual([
        f(5, 'vague wording "fast" without a threshold or count ("The page loads fast: 3 blinks")'),
      ]);
      expect(one("The page loads fast: 3 blinks", { units: ["blinks"] })).toEqual([]);
      expect(one("The page loads fast, tops 3", { comparisons: ["tops"] })).toEqual([]);
    });

    it("takes artifactPatterns and thresholdPatterns", () => {
      expect(one("Ticket PROJ-12 is closed", { artifactPatterns: [] })).toEqual([]);
      expect(one("Ticket PROJ-x is closed")).toEqual([f(5, `${NONE} ("Ticket PROJ-x is closed")`)]);
      expect(one("Ticket PROJ-x is closed", { artifactPatterns: ["\\bPROJ-\\w+"] })).toEqual([]);
      expect(one("The gate is good: grade A", { thresholdPatterns: ["\\bgrade [A-F]\\b"] })).toEqual([]);
    });

    it("takes numberWords, setQuantifiers, unnamedSets, zeroQuantifiers, vagueNouns, verificationPhrases", () => {
      expect(one("Retries stop after a couple of attempts", { numberWords: ["couple"] })).toEqual([]);
      expect(one("Both adapters pass", { setQuantifiers: ["both"] })).toEqual([]);
      expect(one("All widgets render", { unnamedSets: ["widgets"] })).toEqual([f(5, `${NONE} ("All widgets render")`)]);
      expect(one("Never a duplicate row", { zeroQuantifiers: ["never a"] })).toEqual([]);
      expect(one("No duplicate rows", { vagueNouns: ["duplicate"] })).toEqual([f(5, `${NONE} ("No duplicate rows")`)]);
      expect(one("Login is checked via a smoke test", { verificationPhrases: ["checked via"] })).toEqual([]);
    });

    it("takes enumerationMinimum (0 turns enumerations off)", () => {
      expect(one("Audit log records: actor, action, target, timestamp", { enumerationMinimum: 0 })).toEqual([
        f(5, `${NONE} ("Audit log records: actor, action, target, timestamp")`),
      ]);
      expect(one("Records: actor, action", { enumerationMinimum: 2 })).toEqual([]);
    });

    it("takes a labelPattern", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- [ ] Criterion 4 - Tests pass\n";
      expect(findings(md, prd, "SC003", { labelPattern: "^Criterion \\d+ - " })).toEqual([f(5, `${NONE} ("Tests pass")`)]);
    });

    it("takes headings", () => {
      const md = "# PRD\n\n## Done When\n\n- Tests pass\n\n## Acceptance Criteria\n\n- Tests pass\n";
      expect(findings(md, prd, "SC003", { headings: ["Done When"] })).toEqual([f(5, `${NONE} ("Tests pass")`)]);
    });

    it("takes files and ignores", () => {
      expect(findings(ac("Tests pass"), "docs/spec.md", "SC003")).toEqual([]);
      expect(findings(ac("Tests pass"), "docs/spec.md", "SC003", { files: ["docs/**"] })).toEqual([f(5, `${NONE} ("Tests pass")`)]);
      expect(one("Tests pass", { ignores: ["**/demo/**"] })).toEqual([]);
    });
  });

  describe("bad options", () => {
    const bad = (detail: string) => [{ line: 1, rule: "SC003", detail: `Invalid configuration of SC003/acceptance-criteria-measurable: ${detail}` }];

    it("reports a pattern that does not compile on line 1", () => {
      const [found] = one("Tests pass", { vaguePatterns: ["(unclosed"] });
      expect(found.line).toBe(1);
      expect(found.detail).toMatch(
        /^Invalid configuration of SC003\/acceptance-criteria-measurable: option "vaguePatterns" must be regular expressions that compile; "\(unclosed" does not \(.+\)$/,
      );
    });

    it("reports a wrong type on line 1", () => {
      expect(one("Tests pass", { vaguePhrases: "fast" })).toEqual(
        bad('option "vaguePhrases" must be an array of strings; found "fast"'),
      );
      expect(one("Tests pass", { labelPattern: 3 })).toEqual(bad('option "labelPattern" must be a regular expression; found number'));
      expect(one("Tests pass", { enumerationMinimum: -1 })).toEqual(bad('option "enumerationMinimum" must be an integer from 0; found -1'));
    });

    it("reports an unknown option on line 1", () => {
      const [found] = one("Tests pass", { phrases: [] });
      expect(found).toEqual({
        line: 1,
        rule: "SC003",
        detail: expect.stringMatching(/^Invalid configuration of SC003\/acceptance-criteria-measurable: unknown option "phrases" \(known: files, ignores, headings, /),
      });
    });
  });

  describe("edge cases", () => {
    it("judges nested items with their parent, reporting on the parent's first line", () => {
      const md = [
        "# PRD",
        "",
        "## Acceptance Criteria",
        "",
        "- [ ] **AC1**: Search is fast",
        "  - p95 latency under 200 ms for 1M documents",
        "- [ ] **AC2**: Errors are handled",
        "  - with care",
        "  - and attention",
        "- [ ] **AC3**: Startup is quick",
        "",
      ].join("\n");
      expect(findings(md, prd, "SC003")).toEqual([
        f(7, `${NONE} ("Errors are handled")`),
        f(10, `vague wording "quick" and ${NONE} ("Startup is quick")`),
      ]);
    });

    it("does not let a code span of the next item count for this one", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- Tests pass\n- `make test` exits 0\n";
      expect(findings(md, prd, "SC003")).toEqual([f(5, `${NONE} ("Tests pass")`)]);
    });

    it("counts a code block inside an item as an artifact", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- This command succeeds:\n\n  ```bash\n  make check\n  ```\n\n- Tests pass\n";
      expect(findings(md, prd, "SC003")).toEqual([f(11, `${NONE} ("Tests pass")`)]);
    });

    it("does not take an escaped backtick for code", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- Output is \\`nice\\` looking\n";
      expect(findings(md, prd, "SC003")).toEqual([f(5, `vague wording "nice" and ${NONE} ("Output is \`nice\` looking")`)]);
    });

    it("reads ordered lists and multi-line items", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n1. Tests\n   pass\n2. The import takes\n   under 5 seconds\n";
      expect(findings(md, prd, "SC003")).toEqual([f(5, `${NONE} ("Tests pass")`)]);
    });

    it("reads checked, unchecked and plain items alike", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- [x] Tests pass\n- [ ] Tests pass\n- Tests pass\n";
      expect(findings(md, prd, "SC003").map((x) => x.line)).toEqual([5, 6, 7]);
      expect(findings(md, prd, "SC003")[0]).toEqual(f(5, `${NONE} ("Tests pass")`));
    });

    it("handles a section at the end of the file without a newline", () => {
      expect(findings("# PRD\n\n## Acceptance Criteria\n\n- Tests pass", prd, "SC003")).toEqual([f(5, `${NONE} ("Tests pass")`)]);
    });

    it("handles an empty section and a missing section (SC002's job)", () => {
      expect(findings("# PRD\n\n## Acceptance Criteria\n\n## Next\n\n- Tests pass\n", prd, "SC003")).toEqual([]);
      expect(findings("# PRD\n\n- Tests pass\n", prd, "SC003")).toEqual([]);
    });

    it("handles CRLF line endings", () => {
      const md = ac("Tests pass", "`make test` exits 0", "Performance is good").replace(/\n/g, "\r\n");
      expect(findings(md, prd, "SC003")).toEqual([
        f(5, `${NONE} ("Tests pass")`),
        f(7, `vague wording "good" and ${NONE} ("Performance is good")`),
      ]);
    });

    it("reports file lines after front matter", () => {
      const md = `---\ntitle: Demo\n---\n${ac("Tests pass")}`;
      expect(findings(md, prd, "SC003")).toEqual([f(8, `${NONE} ("Tests pass")`)]);
    });

    it("reads criteria in subsections, not in the next section", () => {
      const md = [
        "# PRD",
        "",
        "## Acceptance Criteria",
        "",
        "### Functional",
        "",
        "- Tests pass",
        "",
        "### Performance",
        "",
        "- Startup under 2 seconds",
        "- The UI is responsive",
        "",
        "## Risks",
        "",
        "- Performance is good",
        "",
      ].join("\n");
      expect(findings(md, prd, "SC003")).toEqual([
        f(7, `${NONE} ("Tests pass")`),
        f(12, `vague wording "responsive" and ${NONE} ("The UI is responsive")`),
      ]);
    });

    it("strips the label of a criterion but keeps links' text", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- **AC-12** — Responses follow [RFC 7807](https://example.com/rfc7807)\n- **FR-2.1:** Looks good\n";
      expect(findings(md, prd, "SC003")).toEqual([f(6, `vague wording "good" and ${NONE} ("Looks good")`)]);
    });
  });
});
