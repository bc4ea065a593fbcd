/**
 * SC003's options and their defaults: where criteria are, and the word
 * lists that decide what is vague, a threshold or generic.
 */
import { CRITERIA_HEADINGS } from "../text/criteria.js";
import { CRITERIA_ONLY_VAGUE, VAGUE_TOPICS } from "../data/vague-words.js";

export interface SC003Options {
  /** Headings of the acceptance criteria section (as SC002). */
  headings: string[];
  /** Headings of sections whose Given/When/Then scenarios are criteria too (as SC002). */
  scenarioHeadings: string[];
  /**
   * Words after which a criterion states its response (EARS: "WHEN the
   * upload ends THEN the system SHALL show the file's size"): only the
   * text after the first of them is judged; the trigger before it sets the
   * scene. Case-insensitive whole words.
   */
  responseWords: string[];
  /**
   * Whether a vague word is left alone when the thing it qualifies is
   * defined on another line of the document that states a requirement
   * (MUST, SHALL), a number or code ("a minimal safe fallback payload" where
   * "FR-009: `getPageProperties()` MUST … return the fallback payload …"),
   * or when another line states what the same wording holds ("a single
   * actionable error" beside "fails with an actionable error pointing to
   * SVG").
   * On in the spec-kit profile, whose measurable outcomes and scenarios lean
   * on the functional requirements beside them.
   */
  definedElsewhere: boolean;
  /** Regular expression removed from the start of a criterion: its label, e.g. "AC1:" of `**AC1**:`. */
  labelPattern: string;
  /** Vague wording (literal, case-insensitive, whole words), e.g. "fast", "as expected". */
  vaguePhrases: string[];
  /** Vague wording as regular expressions (case-insensitive), e.g. "works … correctly". */
  vaguePatterns: string[];
  /**
   * Regular expressions (case-insensitive) of wording where a vague-looking
   * word has a precise sense: "at most", "how many", "most recent first",
   * "zero high/critical CVEs", "a clean build", "a stable
   * ID", "a clear error message listing the duplicate IDs". A vague word
   * inside such a match is not vague.
   */
  notVague: string[];
  /** Comparisons that make a following number a threshold ("under", "at most", "≤"). */
  comparisons: string[];
  /** Units that make a preceding number a threshold ("ms", "KB", "%", "rows/s"). */
  units: string[];
  /** Regular expressions (case-insensitive) that are thresholds on their own: HTTP statuses, exit codes. */
  thresholdPatterns: string[];
  /** Numbers written as words; they count as numbers ("one line per plugin", "at most two"). */
  numberWords: string[];
  /** Words that are zero counts ("no", "zero", "without"): "no 404 errors in 100 runs". */
  zeroQuantifiers: string[];
  /**
   * Words that name nothing to check on their own ("tests", "pass",
   * "documentation", "updated", "works"): a criterion made only of these
   * (and short words such as "the", "all", "in") is reported.
   */
  genericWords: string[];
}

export const SC003Defaults: SC003Options = {
  headings: [...CRITERIA_HEADINGS],
  scenarioHeadings: [],
  responseWords: ["shall"],
  definedElsewhere: false,
  labelPattern: "^(?:[A-Z][A-Z0-9]*[-_.]?\\d+(?:\\.\\d+)*[a-z]?|#\\d+)\\s*[:.)\\-–—](?:\\s+|$)",
  vaguePhrases: [...Object.values(VAGUE_TOPICS).flatMap((t) => t.criteria), ...CRITERIA_ONLY_VAGUE],
  vaguePatterns: [
    // "works correctly", "is handled properly", "looks fine"
    "\\b(?:works?|working|worked|behaves?|functions|functioning|operates?|performs?|scales?|handles?|handled|configured|set up|integrated|integrates|implemented|supported|rendered|displayed|looks?)\\s+(?:correctly|properly|well|fine|right)\\b",
    // "handle locking correctly": the adverb of a generic verb a few words on
    // The adverb is matched first and the verb before it checked after: a
    // leading look-behind was tried at every position of every criterion.
    // "removed or minimized", "reduced": a change without its values
    "\\b(?:minimi[sz]e[ds]?|reduced|lowered|increased)\\b",
    // "helpers are correctly typed": the adverb before a generic participle
    "\\b(?:correctly|properly)\\s+(?:typed|configured|set up|handled|implemented|integrated|supported|functioning|working|formatted|displayed|rendered)\\b",
    // "Login flow works", "React Fast Refresh works (for React apps)": a bare claim
    "\\b(?:works?|working|functional)(?=\\s*(?:[.!]?\\s*$|\\())",
    // "IntelliSense works for all frameworks", "the app works in dev mode": a claim with only its scope
    "\\b(?:works?|working)(?=\\s+(?:for|in|on|across|under|when)(?:\\s+[\\p{L}\\p{N}_./-]+){1,4}\\s*[.!]?\\s*$)",
    "(?<=\\s)(?:correctly|properly|well|fine)\\b(?<=\\b(?:works?|working|behaves?|handles?|handled|handling|operates?|performs?)(?:\\s+[\\p{L}\\p{N}_-]+){1,3}\\s+(?:correctly|properly|well|fine))",
  ],
  notVague: [
    // Comparisons and questions: "at most once", "how many sessions".
    "\\bat\\s+most\\b", "\\bhow\\s+(?:many|much)\\b", "\\bmost[-\\s]+recent(?:ly)?\\b",
    // Severity and priority levels: "zero high/critical CVEs", "high-severity findings".
    "\\b(?:high|low|medium|critical)(?:\\s*/\\s*(?:high|low|medium|critical))+\\b",
    "\\b(?:high|low|medium)[-\\s]+(?:severity|priority|risk|watermark)\\b",
    // Access by a component: "a context file readable by the Gemini bridge" (not "readable by LLMs").
    "\\b(?:readable|writable|writeable)\\s+by\\s+the\\b",
    // A fresh state, an identity that does not change.
    "\\bclean\\s+(?:[\\w-]+\\s+)?(?:builds?|installs?|installation|checkouts?|clones?|environments?|clusters?|namespaces?|databases?|state|slate|shutdown|exit|working\\s+tree|cache)\\b",
    "\\b(?:working\\s+(?:directory|tree|copy)|worktree|checkout)\\s+is\\s+clean\\b",
    "\\bclean\\s+(?:architecture|code)\\b",
    // Verbs: "clean up the session", "clear the index".
    "\\bclean(?:s|ed|ing)?[-\\s]+up\\b", "\\bclear(?:s|ed|ing)?\\s+(?:the|all|any|its|their|existing|out|up)\\b",
    // Terms of art: graceful termination, a cryptographically secure generator, enough permissions.
    "\\bgracefully\\s+(?:terminat\\w*|stop\\w*|shut(?:s|ting)?\\s+down|shutdown|exit\\w*|drain\\w*|restart\\w*|clos\\w*)",
    "\\b(?:terminat\\w*|stop\\w*|shut(?:s|ting)?\\s+down|exit\\w*|drain\\w*|clos\\w*)(?:\\s+[\\w-]+){0,3}\\s+gracefully\\b",
    // Filler beside the check: "a Kubernetes Event with a clear reason" (the reason field), "seamlessly concatenate all segments",
    // "the same middleware SHALL work for both commands and queries", "nodes containing various labels", "build clean".
    "\\b(?:with|and)\\s+an?\\s+clear\\s+reason\\b", "\\bseamlessly\\s+(?:concatenat\\w*|merg\\w*|join\\w*|stitch\\w*|combin\\w*)",
    "\\bworks?\\s+for\\s+both\\b", "\\b(?:with|containing|across|covering)\\s+various\\b", "\\bbuilds?\\s+(?:is\\s+)?clean(?:ly)?\\b",
    // A feature named by its adjective: "quick navigation to the file".
    "\\bquick\\s+(?:navigation|access|start|actions?|links?|search|fix(?:es)?|pick(?:er)?|open|view|look)\\b",
    // Backward compatibility is a yes/no check: "existing valid configurations SHALL continue to work".
    "\\bexisting\\s+(?:[\\w-]+\\s+){0,3}?(?:(?:shall|should|must|will)\\s+)?continues?\\s+to\\s+work\\b",
    "\\bcryptographically\\s+secure\\b", "\\bsecure\\s+(?:comparison|compare|random|cookies?|flag|boot|erase|deletion)\\b",
    "\\bsufficient\\s+(?:privileges?|permissions?|rights|access)\\b",
    // A verification that restates the tests the criterion runs: "smoke tests pass and rollback is confirmed working",
    // "WHEN the minimal tests pass, THE basic functionality SHALL be confirmed working".
    "\\btests?\\s+(?:pass|passes|succeed|succeeds)\\b[^.;]{0,80}?\\b(?:confirmed|verified|validated)\\s+(?:as\\s+|to\\s+be\\s+)?(?:working|functional)\\b",
    // … and tests named by what they cover that confirm it: "consent-sync tests confirm … overrides remain functional".
    "(?<![\\p{L}\\p{N}/_-])(?!(?:the|all|any|some|these|those|our|existing|other|more|new)\\b)[\\p{L}\\p{N}][\\p{L}\\p{N}/_-]*\\s+tests\\s+(?:confirm|verify|validate|show|prove|demonstrate)\\b[^.;]{0,120}?\\b(?:remains?|stays?|is|are)\\s+(?:still\\s+)?(?:working|functional)\\b",
    // A count named before: "extract that many frames", "as many as 5".
    "\\b(?:that|this)\\s+many\\b", "\\bas\\s+many\\s+as\\b",
    // A practice the criterion points at: "best practices from https://…".
    "\\bbest\\s+practices?\\s+(?:from|in|of|at|described|defined|listed)\\b",
    // A purpose after the check: "encode with H.265 for better compression", "use field selectors to minimize load".
    "\\b(?:for|to)\\s+(?:better|faster|quicker|minimi[sz]e|maximi[sz]e|reduce|optimi[sz]e|improve)\\b",
    "\\bstable\\s+(?:[\\w-]+\\s+){0,2}?(?:references?|identifiers?|ids?|keys?|order|ordering|sort|hash(?:es)?|names?|urls?|releases?|versions?|channel|branch|tags?)\\b",
    // A named kind of error, program or image: "a clear not-found error", "minimal programs for Go succeed".
    "\\bclear\\s+(?:[\\w-]+\\s+)?(?:not[-\\s]found|validation|permission|authentication|authorization|timeout|conflict|[1-5]\\d\\d)\\s+errors?\\b",
    "\\bminimal\\s+(?:base\\s+)?(?:programs?|examples?|apps?|applications?|projects?|reproductions?|repro|images?|base|installs?|installation)\\b",
    // An operation named "clear", and a feature named by its adjective: "clear restores the fallback", "the enhanced debug mode".
    "\\bclear\\s+(?:restores|resets|removes|empties|deletes|wipes|drops|returns)\\b",
    "\\bthe\\s+(?:enhanced|improved|new)\\s+[\\w-]+\\s+(?:mode|flag|option|command|endpoint|api|flow|format|view|page)\\b",
    // A message whose content the criterion states: "a clear error message listing the duplicate IDs".
    "\\b(?:clear|actionable|helpful|informative|meaningful|descriptive)(?:,?\\s+(?:and\\s+)?(?:clear|actionable|helpful|informative|meaningful|descriptive))*\\s+(?:[\\w-]+\\s+)?(?:errors?|messages?|warnings?)(?:\\s+messages?)?\\s+(?:identifying|listing|naming|stating|showing|mentioning|explaining|requiring|about|that|which|pointing|indicating|referencing|describing|specifying|including|containing|with\\s+(?:the|its|their|diagnostic))\\b",
  ],
  comparisons: [
    "<", "<=", "≤", ">", ">=", "≥", "=", "==", "~",
    "under", "below", "above", "over", "within", "exactly", "up to", "at most", "at least",
    "less than", "fewer than", "more than", "greater than", "lower than", "higher than", "no more than",
    "no less than", "no fewer than", "not more than", "not exceeding", "maximum", "max", "minimum", "min",
    "at or above", "at or below", "between", "from", "by",
  ],
  units: [
    "%", "percent", "pct", "x", "times",
    "ns", "µs", "us", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
    "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "b", "byte", "bytes", "kb", "kib", "mb", "mib", "gb", "gib", "tb", "kilobytes", "megabytes", "gigabytes",
    "rps", "qps", "tps", "fps", "req/s", "ops/s", "rows/s", "px", "dpi", "ghz", "mhz", "vcpu", "vcpus", "cores",
    "or more", "or less", "or fewer", "or higher", "or lower", "or above", "or below",
  ],
  thresholdPatterns: [
    "\\b(?:HTTP|status(?: code)?|returns?|responds? with)\\s+[1-5]\\d\\d\\b",
    "\\b[1-5]\\d\\d\\s+(?:OK|Created|Accepted|No Content|Moved|Found|Not Modified|Bad Request|Unauthori[sz]ed|Forbidden|Not Found|Conflict|Gone|Unprocessable|Too Many Requests|Internal Server Error|Service Unavailable)\\b",
    "\\bexit(?:s|ing|ed)?(?:\\s+(?:with|code|status))*\\s+(?:\\d+|zero|non-?zero)\\b",
    "\\b(?:zero|non-?zero)\\s+exit\\b",
  ],
  numberWords: [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
    "single", "once", "twice", "half",
  ],
  zeroQuantifiers: ["no", "zero", "without", "none of the", "not a single"],
  genericWords: [
    "test", "tests", "testing", "tested", "unit", "integration", "e2e", "suite", "suites", "case", "cases",
    "pass", "passes", "passing", "passed", "green", "succeed", "succeeds", "successful", "successfully",
    "check", "checks", "lint", "linting", "linter", "code", "codebase", "example", "examples",
    "doc", "docs", "documentation", "documented", "comment", "comments",
    "work", "works", "working", "worked", "function", "functions", "functional", "functionality", "feature", "features",
    "everything", "anything", "something", "thing", "things", "stuff", "it", "this", "that",
    "implement", "implemented", "implementation", "complete", "completed", "completes", "done", "finished", "ready",
    "update", "updated", "updates", "add", "added", "write", "written", "review", "reviewed", "approved",
    "fix", "fixed", "resolve", "resolved", "handle", "handled", "support", "supported", "clean", "cleaned",
    "issue", "issues", "bug", "bugs", "error", "errors", "problem", "problems", "regression", "regressions",
    "continue", "continues", "still", "remain", "remains", "existing", "new", "current", "old", "other",
    "environment", "environments", "quality", "requirement", "requirements", "met", "cover", "covers", "covered",
    "expected", "intended", "needed", "necessary", "required", "relevant", "applicable", "possible", "known",
    "performance", "impact", "change", "changes", "behavior", "behaviour", "user", "users", "system", "application", "app",
  ],
};

