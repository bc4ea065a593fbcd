/**
 * The vague vocabulary: words that promise a quality without the value that
 * would let anyone check it. SC006 reports them in requirement prose, SC003
 * in acceptance criteria; both read this one list.
 *
 * Each topic says what a precise statement gives instead. Its words come in
 * two lists:
 * - `criteria`: vague in a criterion as in prose; both rules report them;
 * - `prose`: reported by SC006 only. In a criterion SC003 reads them in
 *   context instead: "works correctly" and "handles errors properly" by its
 *   own patterns, "parses ISO dates correctly" as a check it names.
 */

/** Words of one kind, and what to write instead. */
export interface VagueTopic {
  /** What to write instead: the end of SC006's detail ("Expected: …"). */
  suggestion: string;
  /** Whether a measure in the same sentence (a number, a code span, a path) excuses the words in SC006. */
  unlessMeasured: boolean;
  /** Vague in acceptance criteria (SC003) and in requirement prose (SC006). */
  criteria: string[];
  /** Vague in requirement prose (SC006) only. */
  prose: string[];
}

export const VAGUE_TOPICS: Record<string, VagueTopic> = {
  speed: {
    suggestion: "a time limit, e.g. p95 under 200 ms",
    unlessMeasured: true,
    criteria: [
      "fast", "faster", "quick", "quickly", "slow", "snappy", "responsive",
    ],
    prose: [
      "rapid", "rapidly", "slowly", "low-latency", "low latency", "in a timely manner", "timely", "instantly",
      "near-real-time", "near real-time", "near real time", "periodically", "regularly", "frequently", "often",
      "occasionally",
    ],
  },
  resources: {
    suggestion: "a resource budget, e.g. under 300 MB or at most 2 queries",
    unlessMeasured: true,
    criteria: [
      "efficient", "efficiently", "performant", "lightweight", "optimized", "optimised", "optimal", "optimally",
    ],
    prose: [
      "high-performance", "high performance", "highly performant", "low-overhead", "low overhead", "minimal overhead",
      "negligible",
    ],
  },
  amount: {
    suggestion: "a number with a unit, e.g. at most 5%",
    unlessMeasured: true,
    criteria: [
      "minimal", "significant", "significantly", "reasonable", "reasonably", "acceptable", "adequate", "adequately",
      "sufficient", "sufficiently", "many", "several", "few", "various", "numerous", "large", "small",
    ],
    prose: [
      "minimally", "minimize", "minimise", "substantial", "substantially", "a lot", "lots of", "huge", "massive",
      "to a minimum", "to a maximum",
    ],
  },
  load: {
    suggestion: "a load target, e.g. 1,000 concurrent requests",
    unlessMeasured: true,
    criteria: [
      "scalable",
    ],
    prose: [
      "scale well", "scales well", "at scale", "highly available", "heavy load", "high load", "under load",
    ],
  },
  change: {
    suggestion: "the values before and after, e.g. from 1.2 s to 0.8 s",
    unlessMeasured: true,
    criteria: [
      "improved", "better", "good", "great", "enhanced",
    ],
    prose: [
      "improves", "improvement", "improvements", "enhances",
    ],
  },
  quality: {
    suggestion: "the check that proves it: a command, a test, an exit code or a status",
    unlessMeasured: true,
    criteria: [
      "proper", "as expected", "as intended", "appropriate", "appropriately", "robust", "reliable", "reliably", "stable",
      "secure", "comprehensive", "well-tested", "well tested", "well-designed", "well designed", "well-documented",
      "well documented", "simple", "modern", "clean", "flexible", "extensible", "maintainable", "readable", "sensible",
      "helpful", "meaningful", "informative",
    ],
    prose: [
      "correctly", "correct", "properly", "works correctly", "work correctly", "working correctly", "works properly",
      "work properly", "works as expected", "work as expected", "works well", "work well", "works fine", "work fine",
      "just works", "robustly", "securely", "comprehensively", "thorough", "thoroughly", "fully tested", "accurately",
      "cleanly", "clearly", "clear error", "clear errors", "clear message", "clear messages",
    ],
  },
  coverage: {
    suggestion: "a threshold, e.g. coverage ≥ 90% for modified modules",
    unlessMeasured: true,
    criteria: [],
    prose: [
      "coverage", "test coverage", "regression", "regressions", "regression tests", "regression coverage",
    ],
  },
  experience: {
    suggestion: "the observable behaviour, e.g. returns 422 naming the missing key",
    unlessMeasured: false,
    criteria: [
      "gracefully", "intuitive", "user-friendly", "user friendly", "easy", "easily", "seamless", "seamlessly", "elegant",
      "nice", "smooth", "smoothly", "painless",
    ],
    prose: [
      "graceful", "intuitively", "easy-to-use", "easy to use", "elegantly", "hassle-free", "hassle free", "best practices",
      "industry-standard", "industry standard", "high-quality", "high quality", "developer experience", "powerful",
    ],
  },
  hedge: {
    suggestion: "the exact condition or the full list",
    unlessMeasured: false,
    criteria: [
      "as needed", "where appropriate", "as appropriate", "if possible", "where possible", "etc", "and so on",
    ],
    prose: [
      "if needed", "when needed", "where needed", "as necessary", "if necessary", "where necessary", "when necessary",
      "when appropriate", "if appropriate", "where applicable", "if applicable", "as applicable", "when possible",
      "whenever possible", "as much as possible", "as soon as possible", "ASAP", "in most cases", "in some cases",
      "most of the time", "for the most part", "in general", "generally", "typically", "usually", "ideally", "hopefully",
      "probably", "maybe", "and more", "or similar", "and similar", "and the like", "eventually", "in the future",
      "in a later release", "at a later stage", "for now",
    ],
  },
  undecided: {
    suggestion: "the decision, or move the item to Open Questions",
    unlessMeasured: false,
    criteria: [
      "TBD",
    ],
    prose: [
      "TBA", "TBC", "to be determined", "to be decided", "to be defined", "to be confirmed",
    ],
  },
};

/**
 * Vague in an acceptance criterion only (SC003). In requirement prose SC006
 * finds most of these by its patterns ("latency should be low", "most
 * users") or leaves them to the sentence's context.
 */
export const CRITERIA_ONLY_VAGUE: string[] = [
  "where safe", "where practical", "if feasible", "best", "fine", "excellent", "perfect", "speedy", "resilient",
  "straightforward", "clear", "actionable", "valuable", "high", "low", "noticeable", "excessive", "well structured",
  "well-structured", "some", "most",
];
