import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const ac = (...criteria: string[]) =>
  `# PRD\n\n## Acceptance Criteria\n\n${criteria.map((c, i) => `- [ ] **AC${i + 1}**: ${c}`).join("\n")}\n`;
const NONE = "it names nothing to check (a command, test, file, output or threshold)";
const VAGUE = (words: string) => `vague wording "${words}" without a threshold or a stated check`;
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

  describe("valid: yes/no checks that name what to look at (real PRDs)", () => {
    const checks = [
      "Admin nav link visible only to superusers",
      "Pre-deploy runs database migrations automatically",
      "Background job cleans up expired refresh tokens",
      "MFA setup shows QR code in dialog",
      "Configuration templates updated with all new environment variables",
      "No breaking changes to existing adapter interfaces",
      "Error messages logged to stderr, not stdout",
      "`@scope/pkg` configured for SDK generation",
      "npm script added for type regeneration",
      "Backward compatible with existing queries",
      "HMR works correctly (changes trigger browser reload/update)",
      "Vite HMR works (file changes trigger hot reload)",
      // two named artifacts pin down what "clear" means
      "The `VitePlugin` logs a clear warning message if `dev_mode` is `True` in production",
      // the criterion states what the vague word stands for, or the word is filler beside the check (Kiro specs)
      "WHEN images are pushed THEN the CI/CD System SHALL apply all appropriate Image Tags including version and latest",
      "WHEN creating a new project THEN the system SHALL generate a proper Go module structure with go.mod file",
      "WHEN the test sends malformed JSON-RPC, THE MCP Server SHALL handle gracefully and return a protocol error",
      "WHEN a resource update fails, THE OptiPod SHALL create a Kubernetes Event on the affected workload with a clear reason",
      "WHERE multiple pause-resume cycles occur, THE MCP Server SHALL seamlessly concatenate all recorded segments",
      "WHEN applying middleware THEN the same middleware SHALL work for both commands and queries",
      "Frontend test suite passes, build clean.",
      "THE Plugin SHALL detect the autoscaler type (karpenter, cas, spotio) for nodes with various label combinations",
      "WHEN the user selects a result THEN the system SHALL offer quick navigation to the file",
      "WHEN configuration is hardened THEN existing valid configurations SHALL continue to work",
      // a comparison or identity word on a named field (spec-kit specs)
      "One more view event is dispatched with an increased `viewDurationMs`",
      "Identifier tests confirm each hover cycle uses a stable `hoverId` across emitted events",
    ];
    for (const criterion of checks) {
      it(criterion, () => {
        expect(one(criterion)).toEqual([]);
      });
    }
  });

  describe("invalid: vague criteria", () => {
    it("reports the seed's BAD examples on each criterion's line", () => {
      expect(findings(ac("Offload works correctly", "Performance is good", "Tests pass"), prd, "SC003")).toEqual([
        f(5, `${VAGUE("works correctly")} ("Offload works correctly")`),
        f(6, `${VAGUE("good")} ("Performance is good")`),
        f(7, `${NONE} ("Tests pass")`),
      ]);
    });

    it("reports a vague word that no threshold pins down and no clause explains", () => {
      expect(one("`npm run build` is fast")).toEqual([f(5, `${VAGUE("fast")} ("npm run build is fast")`)]);
      expect(one("Handles 1M rows efficiently")).toEqual([f(5, `${VAGUE("efficiently")} ("Handles 1M rows efficiently")`)]);
      expect(one("Exception handler gracefully handles missing InertiaPlugin")).toEqual([
        f(5, `${VAGUE("gracefully")} ("Exception handler gracefully handles missing InertiaPlugin")`),
      ]);
      expect(one("React Fast Refresh works (for React apps)")).toEqual([f(5, `${VAGUE("works")} ("React Fast Refresh works (for React apps)")`)]);
      // The same shapes without what made them checkable stay vague.
      expect(one("Apply all appropriate image tags")).toEqual([f(5, `${VAGUE("appropriate")} ("Apply all appropriate image tags")`)]);
      expect(one("Create domain entities with proper struct definitions")).toEqual([
        f(5, `${VAGUE("proper")} ("Create domain entities with proper struct definitions")`),
      ]);
      expect(one("Report the failure with actionable error messages")).toEqual([
        f(5, `${VAGUE("actionable")} ("Report the failure with actionable error messages")`),
      ]);
      expect(one("Files are readable by LLMs (manual verification)")).toEqual([
        f(5, `${VAGUE("readable")} ("Files are readable by LLMs (manual verification)")`),
      ]);
    });

    it("leaves a verification that restates the tests the criterion runs, and reports it alone", () => {
      // The tests are the check; "confirmed working" says they passed (judged wrong in two blind rounds).
      expect(one("`make smoke` tests pass and rollback is confirmed working")).toEqual([]);
      expect(one("Rollback is confirmed working")).toEqual([f(5, `${VAGUE("working")} ("Rollback is confirmed working")`)]);
      expect(one("`make smoke` tests pass; rollback is confirmed working")).toEqual([
        f(5, `${VAGUE("working")} ("make smoke tests pass; rollback is confirmed working")`),
      ]);
      // Tests named by what they cover, confirming it (judged wrong in two blind rounds).
      expect(one("Consent-sync tests confirm tracking stops without consent while overrides remain functional")).toEqual([]);
      expect(one("The tests confirm overrides remain functional")).toEqual([f(5, `${VAGUE("functional")} ("The tests confirm overrides remain functional")`)]);
      expect(one("Overrides remain functional")).toEqual([f(5, `${VAGUE("functional")} ("Overrides remain functional")`)]);
    });

    it("reports a criterion that names nothing to check", () => {
      expect(one("All existing tests pass")).toEqual([f(5, `${NONE} ("All existing tests pass")`)]);
      expect(one("No regressions in existing tests")).toEqual([f(5, `${NONE} ("No regressions in existing tests")`)]);
      expect(one("Documentation updated for all changes")).toEqual([f(5, `${NONE} ("Documentation updated for all changes")`)]);
      expect(one("No performance regressions")).toEqual([f(5, `${NONE} ("No performance regressions")`)]);
    });

    it("does not take a comparison without a number for a threshold", () => {
      expect(one("Integration tests complete within a reasonable timeout")).toEqual([
        f(5, `${VAGUE("reasonable")} ("Integration tests complete within a reasonable timeout")`),
      ]);
    });

    it("does not take ordinals, versions or digits inside words for counts", () => {
      expect(one("Support for 3rd-party plugins is improved")).toEqual([f(5, `${VAGUE("improved")} ("Support for 3rd-party plugins is improved")`)]);
    });

    it("reports an empty criterion", () => {
      expect(findings("# PRD\n\n## Acceptance Criteria\n\n- [ ] **AC1**:\n", prd, "SC003")).toEqual([f(5, "the criterion is empty")]);
    });

    it("shortens a long criterion in the detail", () => {
      const long = `The system is robust ${"and reliable ".repeat(10)}`.trim();
      const [found] = one(long);
      expect(found.detail).toBe(
        `Criterion is not measurable: ${VAGUE("robust")} ("The system is robust and reliable and reliable and reliable and reliable and…")`,
      );
    });
  });

  describe("what a criterion is", () => {
    it("judges a Given/When/Then scenario as one criterion", () => {
      const md = [
        "# PRD",
        "",
        "## Acceptance Criteria",
        "",
        "- Given a client with an open socket",
        "- When the server closes it",
        "- Then the client reconnects within 2 seconds",
        "- And the close code is captured",
        "- Given a slow network",
        "- When a message is sent",
        "- Then it arrives quickly",
        "",
      ].join("\n");
      expect(findings(md, prd, "SC003")).toEqual([f(9, `${VAGUE("quickly")} ("Then it arrives quickly")`)]);
    });

    it("judges each scenario of a gherkin block", () => {
      const md =
        "# PRD\n\n## Acceptance Criteria\n\n```gherkin\nScenario: one\n  Given a user\n  Then the login works correctly\nScenario: two\n  Given a user\n  Then the API returns 401\n```\n";
      expect(findings(md, prd, "SC003")).toEqual([f(6, `${VAGUE("works correctly")} ("Then the login works correctly")`)]);
    });

    it("judges table rows", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n| Criterion | Measure |\n|---|---|\n| Latency | p95 under 200 ms |\n| Errors | Handled gracefully |\n";
      expect(findings(md, prd, "SC003")).toEqual([f(8, `${VAGUE("gracefully")} ("Errors | Handled gracefully")`)]);
    });

    it("judges the items under a label, not the label", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- **Performance**:\n  - Search is fast\n  - Import under 5 minutes\n- Both files cover:\n  - Code examples\n";
      expect(findings(md, prd, "SC003")).toEqual([f(6, `${VAGUE("fast")} ("Search is fast")`)]);
    });

    it("judges each nested item on its own: a measurable one does not hide a vague one", () => {
      const md = [
        "# PRD",
        "",
        "## Acceptance Criteria",
        "",
        "- [ ] **AC1**: Search is fast",
        "  - p95 latency under 200 ms for 1M documents",
        "- [ ] **AC2**: Errors are reported",
        "  - handled gracefully",
        "  - exits 2 on a bad flag",
        "- [ ] **AC3**: Startup is quick",
        "",
      ].join("\n");
      expect(findings(md, prd, "SC003")).toEqual([f(8, `${VAGUE("gracefully")} ("handled gracefully")`), f(10, `${VAGUE("quick")} ("Startup is quick")`)]);
    });

    it("leaves out lists that are no criteria", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- Import under 5 minutes\n\n**Won't Have**:\n\n- A fast UI\n\n### Out of Scope\n\n- Tests pass\n";
      expect(findings(md, prd, "SC003")).toEqual([]);
    });

    it("reads Success Criteria, Definition of Done or Exit Criteria when there is no Acceptance Criteria section", () => {
      expect(findings("# PRD\n\n## Definition of Done\n\n- Tests pass\n", prd, "SC003")).toEqual([f(5, `${NONE} ("Tests pass")`)]);
      const both = "# PRD\n\n## Success Criteria\n\n- Tests pass\n\n## Acceptance Criteria\n\n- Import under 5 minutes\n";
      expect(findings(both, prd, "SC003")).toEqual([]);
    });
  });

  describe("options", () => {
    it("takes vaguePhrases", () => {
      expect(one("`make docs` is snazzy")).toEqual([]);
      expect(one("`make docs` is snazzy", { vaguePhrases: ["snazzy"] })).toEqual([f(5, `${VAGUE("snazzy")} ("make docs is snazzy")`)]);
      expect(one("The build is fast", { vaguePhrases: [] })).toEqual([]);
    });

    it("takes vaguePatterns", () => {
      expect(one("`x` resolves correctly", { vaguePatterns: ["\\bresolves\\s+correctly\\b"] })).toEqual([
        f(5, `${VAGUE("resolves correctly")} ("x resolves correctly")`),
      ]);
    });

    it("takes units and comparisons", () => {
      expect(one("The page loads fast, 3 blinks")).toEqual([f(5, `${VAGUE("fast")} ("The page loads fast, 3 blinks")`)]);
      expect(one("The page loads fast, 3 blinks", { units: ["blinks"] })).toEqual([]);
      expect(one("The page loads fast, tops 3", { comparisons: ["tops"] })).toEqual([]);
    });

    it("takes thresholdPatterns", () => {
      expect(one("The gate is good, grade A")).toEqual([f(5, `${VAGUE("good")} ("The gate is good, grade A")`)]);
      expect(one("The gate is good, grade A", { thresholdPatterns: ["\\bgrade [A-F]\\b"] })).toEqual([]);
    });

    it("takes numberWords, zeroQuantifiers and genericWords", () => {
      expect(one("Search is fast after a couple of attempts", { numberWords: ["couple"], comparisons: ["after"] })).toEqual([]);
      expect(one("Never a slow page in 100 runs", { zeroQuantifiers: ["never a"] })).toEqual([]);
      expect(one("Widgets render")).toEqual([]);
      expect(one("Widgets render", { genericWords: ["widgets", "render"] })).toEqual([f(5, `${NONE} ("Widgets render")`)]);
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
      expect(one("Tests pass", { labelPattern: 3 })).toEqual(bad('option "labelPattern" must be a regular expression; found 3'));
      expect(one("Tests pass", { genericWords: "tests" })).toEqual(bad('option "genericWords" must be an array of strings; found "tests"'));
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
      expect(findings(md, prd, "SC003")).toEqual([f(5, `${VAGUE("nice")} ("Output is \`nice\` looking")`)]);
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
        f(7, `${VAGUE("good")} ("Performance is good")`),
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
        f(12, `${VAGUE("responsive")} ("The UI is responsive")`),
      ]);
    });

    it("strips the label of a criterion but keeps links' text", () => {
      const md = "# PRD\n\n## Acceptance Criteria\n\n- **AC-12** — Responses follow [RFC 7807](https://example.com/rfc7807)\n- **FR-2.1:** Looks good\n";
      expect(findings(md, prd, "SC003")).toEqual([f(6, `${VAGUE("good")} ("Looks good")`)]);
    });
  });
});
