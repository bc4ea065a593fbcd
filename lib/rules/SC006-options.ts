/**
 * SC006's options and their defaults (the rule: rules/SC006-no-vague-phrasing.ts).
 */
import { KIND_FILES } from "../core/files.js";
import { VAGUE_TOPICS } from "../data/vague-words.js";

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

export const SC006Defaults: SC006Options = {
  phrases: Object.values(VAGUE_TOPICS).flatMap((t) =>
    [...t.criteria, ...t.prose].map((phrase) => ({ phrase, suggestion: t.suggestion, unlessMeasured: t.unlessMeasured })),
  ),
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
