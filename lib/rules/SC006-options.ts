/**
 * SC006's options and their defaults (the rule: rules/SC006-no-vague-phrasing.ts).
 */
import { KIND_FILES } from "../core/files.js";

/** A vague phrase: a literal, matched case-insensitively on whole words. */
export interface VaguePhrase {
  phrase: string;
  /** What to write instead; ends the finding's detail ("Expected: …"). */
  suggestion?: string;
  /**
   * When true, the phrase is allowed in a sentence that also states a
   * measure: a number (digits or a number word), a code span, a command
   * option or a file path. Default false: always reported.
   */
  unlessMeasured?: boolean;
}

/** A vague wording as a regular expression (case-insensitive, Unicode). */
export interface VaguePattern {
  /**
   * Runs on RE2's linear-time engine unless it needs lookahead or
   * backreferences; nested overlapping quantifiers are refused
   * (`regexProblem`). A group named `phrase` narrows the finding to that part
   * of the match.
   */
  pattern: string;
  suggestion?: string;
  /** As for phrases. */
  unlessMeasured?: boolean;
}

export interface SC006Options {
  /** Literal phrases (strings or objects); replaces the default list. */
  phrases: (string | VaguePhrase)[];
  /** Regular expressions (strings or objects); replaces the default list. */
  patterns: (string | VaguePattern)[];
  /**
   * Headings whose text is requirement-bearing (subsections included),
   * matched as CONTRACT.md says. An entry starting with "!" excludes a
   * section and its subsections even inside a listed one ("!Non-Goals").
   */
  sections: string[];
  /**
   * Files whose acceptance criteria SC003 judges (PRDs): SC006 leaves those
   * criteria to it, one finding per criterion. `[]` makes SC006 search them
   * too.
   */
  criteriaFiles: string[];
}

/** The default suggestion when a phrase or pattern has none. */
export const DEFAULT_SUGGESTION = "a specific, measurable statement";

/** Phrase groups: a suggestion, whether a measure in the sentence excuses them, and the phrases. */
const GROUPS: { suggestion: string; unlessMeasured: boolean; phrases: string[] }[] = [
  {
    suggestion: "a time limit, e.g. p95 under 200 ms",
    unlessMeasured: true,
    phrases: [
      "fast", "faster", "quick", "quickly", "rapid", "rapidly", "slow", "slowly", "snappy", "responsive",
      "low-latency", "low latency", "in a timely manner", "timely", "instantly", "near-real-time", "near real-time", "near real time",
      "periodically", "regularly", "frequently", "often", "occasionally",
    ],
  },
  {
    suggestion: "a resource budget, e.g. under 300 MB or at most 2 queries",
    unlessMeasured: true,
    phrases: [
      "efficient", "efficiently", "performant", "high-performance", "high performance", "highly performant", "lightweight",
      "low-overhead", "low overhead", "minimal overhead", "negligible", "optimized", "optimised", "optimal", "optimally",
    ],
  },
  {
    suggestion: "a number with a unit, e.g. at most 5%",
    unlessMeasured: true,
    phrases: [
      "minimal", "minimally", "minimize", "minimise", "significant", "significantly", "substantial",
      "substantially", "reasonable", "reasonably", "acceptable", "adequate", "adequately", "sufficient",
      "sufficiently", "a lot", "lots of", "many", "several", "few", "various", "numerous", "large", "small",
      "huge", "massive", "to a minimum", "to a maximum",
    ],
  },
  {
    suggestion: "a load target, e.g. 1,000 concurrent requests",
    unlessMeasured: true,
    phrases: ["scalable", "scale well", "scales well", "at scale", "highly available", "heavy load", "high load", "under load"],
  },
  {
    suggestion: "the values before and after, e.g. from 1.2 s to 0.8 s",
    unlessMeasured: true,
    phrases: [
      "improved", "improves", "improvement", "improvements", "better", "good", "great", "enhanced", "enhances",
    ],
  },
  {
    suggestion: "the check that proves it: a command, a test, an exit code or a status",
    unlessMeasured: true,
    phrases: [
      "correctly", "correct", "properly", "proper", "as expected", "as intended", "appropriate", "appropriately",
      "works correctly", "work correctly", "working correctly", "works properly", "work properly",
      "works as expected", "work as expected", "works well", "work well", "works fine", "work fine", "just works", "robust", "robustly", "reliable", "reliably", "stable",
      "secure", "securely", "comprehensive", "comprehensively", "thorough", "thoroughly", "well-tested", "well tested",
      "fully tested", "well-designed", "well designed", "well-documented", "well documented", "accurately", "simple", "modern",
      "clean", "cleanly", "flexible", "extensible", "maintainable", "readable", "sensible", "clearly",
      "clear error", "clear errors", "clear message", "clear messages", "helpful", "meaningful", "informative",
    ],
  },
  {
    suggestion: "a threshold, e.g. coverage ≥ 90% for modified modules",
    unlessMeasured: true,
    phrases: ["coverage", "test coverage", "regression", "regressions", "regression tests", "regression coverage"],
  },
  {
    suggestion: "the observable behaviour, e.g. returns 422 naming the missing key",
    unlessMeasured: false,
    phrases: [
      "gracefully", "graceful", "intuitive", "intuitively", "user-friendly", "user friendly", "easy-to-use", "easy to use", "easy", "easily",
      "seamless", "seamlessly", "elegant", "elegantly", "nice", "smooth", "smoothly", "painless", "hassle-free", "hassle free",
      "best practices", "industry-standard", "industry standard", "high-quality", "high quality", "developer experience",
      "powerful",
    ],
  },
  {
    suggestion: "the exact condition or the full list",
    unlessMeasured: false,
    phrases: [
      "as needed", "if needed", "when needed", "where needed", "as necessary", "if necessary", "where necessary", "when necessary", "where appropriate",
      "as appropriate", "when appropriate", "if appropriate", "where applicable", "if applicable",
      "as applicable", "if possible", "where possible", "when possible", "whenever possible",
      "as much as possible", "as soon as possible", "ASAP", "in most cases", "in some cases",
      "most of the time", "for the most part", "in general", "generally", "typically", "usually", "ideally",
      "hopefully", "probably", "maybe", "etc", "and so on", "and more", "or similar", "and similar",
      "and the like", "eventually", "in the future", "in a later release", "at a later stage", "for now",
    ],
  },
  {
    suggestion: "the decision, or move the item to Open Questions",
    unlessMeasured: false,
    phrases: ["TBD", "TBA", "TBC", "to be determined", "to be decided", "to be defined", "to be confirmed"],
  },
];

export const SC006Defaults: SC006Options = {
  phrases: GROUPS.flatMap((g) => g.phrases.map((phrase) => ({ phrase, suggestion: g.suggestion, unlessMeasured: g.unlessMeasured }))),
  patterns: [
    {
      // "Latency should be low", "errors are clear": a magnitude or quality stated without its value.
      pattern:
        "\\b(?:be|is|are|stay|stays|remain|remains|kept|keep|feel|feels|look|looks)\\s+(?:very\\s+|more\\s+|as\\s+|relatively\\s+)?(?:low|high|short|long|clear|fine|ok|okay|consistent|complete|accurate|correct)\\b",
      suggestion: "a number with a unit, e.g. at most 5%",
      unlessMeasured: true,
    },
    {
      // "improve performance", "reduce memory usage": a change of a quality without its values.
      pattern:
        "\\b(?:improv|enhanc|boost|increas|reduc|lower|optimi[sz])(?:e|es|ed|ing)?\\s+(?:the\\s+)?(?:overall\\s+)?(?:performance|speed|reliability|stability|usability|user experience|developer experience|experience|quality|efficiency|latency|memory usage|memory|throughput|maintainability|readability|ux|dx)\\b",
      suggestion: "the values before and after, e.g. from 1.2 s to 0.8 s",
      unlessMeasured: true,
    },
    {
      // "as low as possible", "as small as practical"
      pattern: "\\bas\\s+[\\p{L}-]+\\s+as\\s+(?:possible|practical|feasible|reasonable)\\b",
      suggestion: "a number with a unit, e.g. at most 5%",
    },
    {
      // "most browsers", "most users" (not "at most 5", "the most common")
      pattern: "(?<!\\b(?:at|the)\\s)\\bmost\\s+\\p{L}[\\p{L}-]*",
      suggestion: "the exact condition or the full list",
      unlessMeasured: true,
    },
    {
      // "Login flow works", "Dev workflow works:" (a bare claim; "works with X", "works offline" say more)
      pattern:
        "\\b(?<!\\b(?:of|the|a|an|any|some|this|that|your|our|their|its|more|less|much|at|from|for|no|with|in)\\s+)(?<phrase>works?|working|functional)(?:\\s*$|\\s*[.,;:!?)—–]|\\s-\\s|\\s(?:and|but|again|end-to-end|everywhere)\\b)",
      suggestion: "the check that proves it: a command, a test, an exit code or a status",
      unlessMeasured: true,
    },
    {
      // "Tests pass", "All tests should pass", "unit tests are passing".
      // Only when nothing names the tests: "All Inertia protocol compliance tests pass" names them.
      pattern:
        "\\btests?(?<=(?:^|[^\\p{L}\\p{N}\\s_-])\\s*(?:(?:all|the|existing|new|old|unit|integration|e2e|end-to-end|current|remaining|other|ensure|make sure|verify|and|python|js|frontend|backend)\\s+){0,4}tests?)(?:\\s{1,3}[\\p{L}-]{1,30}){0,3}?\\s{1,3}(?:pass|passes|passing|succeed|succeeds|are\\s+green|is\\s+green)\\b",
      suggestion: "the tests by name or count, e.g. all 14 tests in tests/test_api.py pass",
      unlessMeasured: true,
    },
  ],
  sections: [
    "Acceptance Criteria",
    "Success Metrics",
    "Success Criteria",
    "Requirements",
    "Functional Requirements",
    "Non-Functional Requirements",
    "Nonfunctional Requirements",
    "Constraints",
    "Definition of Done",
    "Exit Criteria",
    "Acceptance",
    "!Non-Goals",
    "!Out of Scope",
    "!Won't Have",
  ],
  criteriaFiles: [...KIND_FILES.prd],
};
