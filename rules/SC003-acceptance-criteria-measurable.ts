/**
 * SC003 acceptance-criteria-measurable: each acceptance criterion can be
 * checked pass/fail by someone else without asking the author (the
 * contract's "specific and measurable").
 *
 * A criterion (lib/text/criteria.ts: a list item, a table row or a
 * Given/When/Then scenario) is reported when
 *
 * - it rests on **vague wording** ("works correctly", "fast", "gracefully",
 *   "clear", "proper") that no threshold pins down and no clause explains
 *   ("HMR works correctly (changes trigger a browser reload)" is explained),
 *   or
 * - it **names nothing to check**: every word is generic ("Tests pass",
 *   "Documentation updated", "No regressions in existing tests").
 *
 * A yes/no check that names what to look at ("Admin nav link visible only
 * to superusers", "Pre-deploy runs database migrations automatically") is
 * measurable. A list item that only labels its nested items is no
 * criterion; its items are. Nested items refine their parent: a vague
 * parent whose nested items are all measurable is refined, and each nested
 * item is judged on its own, so a measurable one cannot hide a vague one.
 *
 * In a PRD's acceptance criteria this rule owns vague wording (SC006 leaves
 * it to this rule): one finding per criterion.
 */
import { codeIn, CRITERIA_HEADINGS, type Criterion, documentCriteria } from "../lib/text/criteria.js";
import { fromOptions } from "../lib/core/memo.js";
import { KIRO_CRITERIA, SPEC_KIT_CRITERIA, WORKFLOW_FILES } from "../lib/core/workflows.js";
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { escapeRegExp, optionRegExp } from "../lib/core/regex.js";
import { blankQuoted, inProperName } from "../lib/text/prose.js";
import { defineRule } from "../lib/core/rule.js";

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
   * "FR-009: `getPageProperties()` MUST … return the fallback payload …").
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
  vaguePhrases: [
    "as expected", "as intended", "as needed", "as appropriate", "where appropriate", "where possible", "where safe", "where practical", "if feasible",
    "if possible", "and so on", "etc", "tbd",
    "good", "great", "nice", "better", "best", "fine", "excellent", "perfect",
    "fast", "faster", "quick", "quickly", "speedy", "slow", "snappy", "responsive", "performant",
    "efficient", "efficiently", "optimal", "optimally", "optimized", "optimised",
    "robust", "reliable", "reliably", "stable", "resilient", "secure",
    "seamless", "seamlessly", "smooth", "smoothly", "gracefully", "painless",
    "user-friendly", "user friendly", "intuitive", "easy", "easily", "simple", "straightforward",
    "clean", "clear", "elegant", "modern", "lightweight",
    "maintainable", "readable", "scalable", "flexible", "extensible",
    "proper", "actionable", "valuable", "meaningful", "helpful", "informative",
    "appropriate", "appropriately", "reasonable", "reasonably", "sensible", "adequate", "adequately",
    "sufficient", "sufficiently", "acceptable", "minimal", "improved", "enhanced",
    "high", "low", "large", "small", "significant", "significantly", "noticeable", "excessive",
    "comprehensive", "well designed", "well-designed", "well tested", "well-tested",
    "well documented", "well-documented", "well structured", "well-structured",
    "some", "several", "many", "most", "few", "various", "numerous",
  ],
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

const strings = is.strings();
// Each list is validated with the flags it is compiled with (below).
const vagueRegexes = is.regexes("iu");
const thresholdRegexes = is.regexes("iu");

/** How a criterion was judged. */
export interface Judgement {
  measurable: boolean;
  /** Why it is not measurable (undefined when it is). */
  reason?: string;
  /** The first vague wording found. */
  vague?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
const WORDY = /[\p{L}\p{N}]/u;

/** A regular expression matching any of the literal phrases as whole words (case-insensitive). */
export function phraseRegex(phrases: readonly string[]): RegExp | undefined {
  const sorted = [...phrases]
    .map((p) => p.trim())
    .filter((t) => t !== "")
    .sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return undefined;
  // Look-arounds are shared, not repeated per phrase: each copy of a
  // \p{L} class is compiled separately, and one look-behind per position
  // is cheaper than one per phrase (both twice as fast on the corpus).
  // Phrases are grouped in their longest-first order: consecutive phrases
  // ending in a letter or digit share one look-ahead, which `(?:a|b)(?!x)`
  // tries in the same order as `a(?!x)|b(?!x)`. Two phrases that match at
  // one place start with the same character, so splitting by the first
  // character (look-behind or not) never reorders them.
  const group = (list: string[]) => {
    const runs: string[] = [];
    for (let i = 0; i < list.length; ) {
      const wordyEnd = WORDY.test(list[i][list[i].length - 1]);
      let j = i;
      while (j < list.length && WORDY.test(list[j][list[j].length - 1]) === wordyEnd) j++;
      const body = list.slice(i, j).map(escape).join("|");
      runs.push(wordyEnd ? `(?:${body})(?![\\p{L}\\p{N}_-])` : body);
      i = j;
    }
    return runs.join("|");
  };
  const wordy = sorted.filter((t) => WORDY.test(t[0]));
  const other = sorted.filter((t) => !WORDY.test(t[0]));
  const parts = [...(wordy.length > 0 ? [`(?<![\\p{L}\\p{N}_-])(?:${group(wordy)})`] : []), ...(other.length > 0 ? [group(other)] : [])];
  return new RegExp(parts.join("|"), "giu");
}

interface Compiled {
  label: RegExp;
  vague?: RegExp;
  vaguePatterns: RegExp[];
  notVague: RegExp[];
  comparisons?: RegExp;
  units: Set<string>;
  trailingUnits?: RegExp;
  thresholds: RegExp[];
  numberWords?: RegExp;
  zeroQuantifiers?: RegExp;
  generic: Set<string>;
}

/** The option lists compiled once per options object (lib/core/memo.ts): every file of one configuration shares them. */
function compile(o: SC003Options): Compiled {
  return fromOptions(o, "SC003", () => build(o));
}

function build(o: SC003Options): Compiled {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase().trim()));
  const c: Compiled = {
    label: optionRegExp(o.labelPattern, "u", [SC003Defaults.labelPattern]),
    vague: phraseRegex(o.vaguePhrases),
    vaguePatterns: o.vaguePatterns.map((p) => optionRegExp(p, "giu", SC003Defaults.vaguePatterns)),
    notVague: o.notVague.map((p) => optionRegExp(p, "giu", SC003Defaults.notVague)),
    comparisons: phraseRegex(o.comparisons),
    units: lower(o.units.filter((u) => !/\s/.test(u.trim()))),
    trailingUnits: phraseRegex(o.units.filter((u) => /\s/.test(u.trim()))),
    thresholds: o.thresholdPatterns.map((p) => optionRegExp(p, "iu", SC003Defaults.thresholdPatterns)),
    numberWords: phraseRegex(o.numberWords),
    zeroQuantifiers: phraseRegex(o.zeroQuantifiers),
    generic: lower(o.genericWords),
  };
  return c;
}

const DIGITS = /(?<![\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/gu;
const WORDS = /[\p{L}\p{N}][\p{L}\p{N}_'+-]*/gu;
/** Short words that name nothing whatever the criterion ("the", "all", "in", "is"). */
const FUNCTION_WORDS = new Set(
  ("a an the all any every each some no not none without and or but nor of in on at to for from by with into onto via " +
    "is are was were be been being has have had do does did can could should must shall will would may might " +
    "its their our your my his her this that these those it they we you there here as than then so also only just " +
    "after before during when while if once still yet now").split(" "),
);

/** Numbers in the text: where each is, and whether it is a threshold (comparison, unit, rate). */
function numbers(text: string, c: Compiled): { index: number; end: number; threshold: boolean }[] {
  const found: { index: number; end: number }[] = [];
  DIGITS.lastIndex = 0;
  for (let m = DIGITS.exec(text); m; m = DIGITS.exec(text)) {
    let end = m.index + m[0].length;
    // Ordinals ("3rd-party") and digits glued to other words ("2FA") are no counts.
    const glued = /^[\p{L}]+/u.exec(text.slice(end))?.[0] ?? "";
    if (glued && /^(st|nd|rd|th)$/i.test(glued)) continue;
    if (glued && !c.units.has(glued.toLowerCase()) && !/^[kmb]$/i.test(glued)) continue;
    if (/^[kmb]$/i.test(glued)) end += 1;
    found.push({ index: m.index, end });
  }
  if (c.numberWords) {
    c.numberWords.lastIndex = 0;
    for (let m = c.numberWords.exec(text); m; m = c.numberWords.exec(text)) {
      const before = text.slice(0, m.index).toLowerCase();
      if (/(?:^|\s)(?:no|any|every|some)\s+$/.test(before) && /^one$/i.test(m[0])) continue;
      found.push({ index: m.index, end: m.index + m[0].length });
    }
  }
  return found.map(({ index, end }) => ({ index, end, threshold: isThreshold(text, index, end, c) }));
}

function isThreshold(text: string, index: number, end: number, c: Compiled): boolean {
  // A unit right after the number: "90%", "250 KB", "5ms", "2x faster", "1M rows/s".
  const after = text.slice(end);
  const unit = /^\s*\+?[\s-]*([%]|[\p{L}µ][\p{L}/]*)/u.exec(after);
  if (unit && c.units.has(unit[1].toLowerCase())) return true;
  if (c.trailingUnits) {
    c.trailingUnits.lastIndex = 0;
    const m = c.trailingUnits.exec(after);
    if (m && /^\s*\+?\s*$/.test(after.slice(0, m.index))) return true;
  }
  // A rate: "20 items per page", "one line per plugin".
  if (/^\s*\+?\s*(?:[\p{L}\p{N}-]+\s+){0,2}per\b/u.test(after)) return true;
  // A comparison before it, at most three words away: "under 2 seconds", "at or above its current 87%".
  if (c.comparisons) {
    const before = text.slice(Math.max(0, index - 60), index);
    c.comparisons.lastIndex = 0;
    for (let m = c.comparisons.exec(before); m; m = c.comparisons.exec(before)) {
      const gap = before.slice(m.index + m[0].length);
      if (/^\s*(?:[\p{L}'-]+\s+){0,2}[\s(]*$/u.test(gap)) return true;
    }
  }
  return false;
}

/**
 * The first vague wording in a text, with where it is. A word of a proper
 * name is none ("React Fast Refresh").
 */
function firstVague(text: string, c: Compiled, terms?: ReadonlySet<string>): { text: string; index: number } | undefined {
  let best: RegExpExecArray | undefined;
  // Where vague-looking words have a precise sense, found on first need.
  let exempt: [number, number][] | undefined;
  const precise = (start: number, end: number) => {
    if (!exempt) {
      exempt = [];
      for (const re of c.notVague) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (m[0] === "") re.lastIndex++;
          else exempt.push([m.index, m.index + m[0].length]);
        }
      }
    }
    return exempt.some(([a, b]) => start >= a && end <= b);
  };
  for (const re of [c.vague, ...c.vaguePatterns]) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.global ? re.exec(text) : null) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      if (inProperName(text, m.index, m.index + m[0].length) || precise(m.index, m.index + m[0].length)) continue;
      // Part of a name the document's headings give ("Optimized entry resolution" under "Resolve Optimized Entries").
      if (terms && terms.size > 0 && terms.has(bigram(text, m.index, m.index + m[0].length))) continue;
      // Part of a file name or path: "server.minimal.e2e.spec.ts".
      if (/[./]$/.test(text.slice(0, m.index)) || /^[./][\p{L}\p{N}]/u.test(text.slice(m.index + m[0].length))) continue;
      if (!best || m.index < best.index) best = m;
      break;
    }
  }
  return best ? { text: best[0], index: best.index } : undefined;
}

/** A word and the word after it, lower-cased and singular ("optimized entry"), the form `headingTerms` keeps. */
function bigram(text: string, start: number, end: number): string {
  const next = /^[\s*_]+([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(text.slice(end))?.[1] ?? "";
  return next ? `${text.slice(start, end).toLowerCase()} ${singularWord(next.toLowerCase())}` : "";
}

const singularWord = (w: string) => (w.length > 3 && w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w);

/**
 * Word pairs of a document's headings written in title case ("Resolve
 * Optimized Entries to Selected Variants": "optimized entry", …): a vague
 * word in such a pair is part of a name the document gives a thing.
 */
export function headingTerms(titles: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const title of titles) {
    const words = title.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];
    for (let i = 0; i + 1 < words.length; i++) {
      if (/^\p{Lu}/u.test(words[i]) && /^\p{Lu}/u.test(words[i + 1])) terms.add(`${words[i].toLowerCase()} ${singularWord(words[i + 1].toLowerCase())}`);
    }
  }
  return terms;
}

/** The words of a text that name something: neither generic nor function words. */
function namingWords(text: string, c: Compiled): string[] {
  const out: string[] = [];
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m; m = WORDS.exec(text)) {
    const w = m[0].toLowerCase();
    if (!FUNCTION_WORDS.has(w) && !c.generic.has(w)) out.push(w);
  }
  return out;
}

/** A file name: "go.mod", "package.json", ".env.example". */
const FILE_NAME = /(?<![\w.-])[\w.-]*\.(?:mod|sum|json|ya?ml|toml|lock|txt|md|py|ts|js|go|rs|cfg|ini|xml|env|example|sh)(?![\p{L}\p{N}_])/u;

/** Words after which a parenthesis or clause narrows the scope instead of saying what is checked. */
const SCOPE =
  /^(?:for|in|on|with|without|if|when|where|while|unless|e\.?g\.?|i\.?e\.?|such as|including|like|etc|see|optional|if any|where supported|manual|manually|verified|checked|tested|via|by|using)\b/i;

/**
 * Whether a clause after the vague wording says what it means: a
 * parenthesis, the text after a dash or colon, or a clause such as ",
 * indicating which files are generated", that names at least two things and
 * no vague wording of its own ("works correctly (changes trigger a browser
 * reload)"), not a scope ("works (for React apps)").
 */
function explained(prose: string, after: number, c: Compiled): boolean {
  const rest = prose.slice(after);
  const clauses = [
    ...rest.matchAll(
      /\(([^()]*)\)|\s[-–—:]\s+(.*)$|:\s+(.*)$|,\s+((?:indicating|showing|listing|naming|reporting|stating|including|printing|returning)\s.*)$|\s(?:and|by)\s+((?:return|returning|respond|responding|reject|rejecting|log|logging|emit|emitting|raise|raising|exit|exiting|retry|retrying)\s.*)$/g,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "").trim());
  // The things the vague words stand for, listed right after them: "all appropriate Image Tags including version and latest".
  const listed = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:including|such as|namely)\s+(.*)$/u.exec(rest)?.[1];
  // A file that is the check: "a proper Go module structure with go.mod file".
  const withFile = /^[^,;]*?\swith\s+([^,;]*)/u.exec(rest)?.[1];
  if (withFile !== undefined && FILE_NAME.test(withFile)) clauses.push(withFile);
  if (listed !== undefined) clauses.push(listed);
  return clauses.some((clause) => !SCOPE.test(clause) && namingWords(clause, c).length >= 2 && !firstVague(clause, c));
}

/**
 * Judge one criterion. `text` is its prose (code span contents left out),
 * `code` the number of code spans and blocks it holds, `context` the labels
 * it completes ("Both files cover:"), read only to see what it names.
 */
export function judgeCriterion(text: string, code: number, options: SC003Options, context = "", terms?: ReadonlySet<string>): Judgement {
  const c = compile(options);
  const prose = text.replace(/\s+/g, " ").trim();
  if (prose === "" && code === 0) return { measurable: false, reason: "the criterion is empty" };

  const nums = numbers(prose, c);
  let zeroCount = false;
  if (c.zeroQuantifiers) {
    c.zeroQuantifiers.lastIndex = 0;
    for (let m = c.zeroQuantifiers.exec(prose); m && !zeroCount; m = c.zeroQuantifiers.exec(prose)) {
      zeroCount = namingWords(prose.slice(m.index + m[0].length).split(/[,;.]/)[0], c).length > 0;
    }
  }
  const threshold =
    nums.some((n) => n.threshold) ||
    c.thresholds.some((re) => re.test(prose)) ||
    (zeroCount && nums.some((n) => !/^zero$/i.test(prose.slice(n.index, n.end))));
  if (threshold) return { measurable: true };

  // Quoted text is a mention ("the error reads "try again later""), not the author's wording.
  const vague = firstVague(blankQuoted(prose), c, terms);
  if (vague) {
    // Two pieces of code pin down what is checked; the vague word is incidental.
    if (explained(prose, vague.index + vague.text.length, c) || code >= 2) return { measurable: true };
    return { measurable: false, vague: vague.text, reason: `vague wording "${vague.text}" without a threshold or a stated check` };
  }
  if (code === 0 && namingWords(`${context} ${prose}`, c).length === 0) {
    return { measurable: false, reason: "it names nothing to check (a command, test, file, output or threshold)" };
  }
  return { measurable: true };
}

/** Words that compare or identify: checkable when they qualify a named field. */
const ON_CODE = /^(?:stable|increased|decreased|higher|lower|larger|smaller|greater|unique|consistent|same|different|updated)$/i;

/** Whether a word is followed right away by a code span in the raw text: "stable `hoverId`". */
function onCode(raw: string, word: string): boolean {
  const lower = raw.toLowerCase();
  const w = word.toLowerCase();
  for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + 1)) {
    if (/^\s+`/.test(raw.slice(i + w.length, i + w.length + 4)) && !/[\p{L}\p{N}]$/u.test(raw.slice(0, i))) return true;
  }
  return false;
}

/** Whether a wording with a precise sense (`notVague`) holds the vague word somewhere in the whole criterion. */
function preciseIn(text: string, vague: string, c: Compiled): boolean {
  const word = vague.toLowerCase();
  for (const re of c.notVague) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === "") re.lastIndex++;
      else if (m[0].toLowerCase().includes(word)) return true;
    }
  }
  return false;
}

const TERM_WORD = /[\p{L}\p{N}][\p{L}\p{N}_'-]*/gu;
/** A word in the form terms are indexed by: lower case, singular. */
const termWord = (w: string) => singularWord(w.toLowerCase());
/** Lines that state a requirement, a number or code: where a document defines its terms. */
const DEFINING = /`[^`]+`|(?<![\p{L}\p{N}-])\d|\b(?:MUST|SHALL|SHOULD|REQUIRED)\b/u;

/** The defining lines (not those of a criterion), lower-cased, with their line numbers. */
function definitionLines(lines: readonly string[], skip: ReadonlySet<number>): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  lines.forEach((text, i) => {
    if (!skip.has(i + 1) && DEFINING.test(text)) out.push({ line: i + 1, text: text.toLowerCase() });
  });
  return out;
}

/**
 * Whether the thing a vague word qualifies is defined on a line outside the
 * criterion: the words right after it, up to the first short word
 * ("minimal safe fallback payload" → "fallback payload"; "proper
 * orientation and scale" → "orientation"), the last two as a pair, or one
 * word that is not generic.
 */
function definedElsewhere(raw: string, vague: string, line: number, endLine: number, definitions: readonly { line: number; text: string }[], c: Compiled): boolean {
  const at = raw.toLowerCase().indexOf(vague.toLowerCase());
  if (at < 0) return false;
  const after = raw.slice(at + vague.length, at + vague.length + 120);
  const words: string[] = [];
  TERM_WORD.lastIndex = 0;
  for (let m = TERM_WORD.exec(after); m && words.length < 4; m = TERM_WORD.exec(after)) {
    const w = m[0].toLowerCase();
    // An adjective right before its noun: "gracefully with a message" qualifies the verb, not "message".
    if (FUNCTION_WORDS.has(w)) break;
    if (c.vague) {
      c.vague.lastIndex = 0;
      const v = c.vague.exec(m[0]);
      if (v && v[0].length === m[0].length) continue;
    }
    words.push(termWord(w));
  }
  const key = words.length >= 2 ? words.slice(-2) : words.length === 1 && words[0].length >= 5 && !c.generic.has(words[0]) ? words : [];
  if (key.length === 0) return false;
  // The words as they may be written: singular or plural, any space between.
  const term = new RegExp(`(?<![\\p{L}\\p{N}])${key.map((w) => (w.endsWith("y") ? `${escapeRegExp(w.slice(0, -1))}(?:y|ies)` : `${escapeRegExp(w)}(?:s|es)?`)).join("[\\s*_]+")}(?![\\p{L}\\p{N}])`, "u");
  return definitions.some((d) => (d.line < line || d.line > endLine) && d.text.includes(key[0]) && term.test(d.text));
}

/** A short quote of a criterion for the detail (at most 80 characters, cut between words). */
function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= 80) return t;
  const cut = t.slice(0, 79);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Remove code span contents from text content (they are artifacts, not prose). */
function withoutCode(text: string, spans: readonly string[]): string {
  let out = text;
  for (const span of spans) {
    const i = span ? out.indexOf(span) : -1;
    if (i >= 0) out = `${out.slice(0, i)} ${out.slice(i + span.length)}`;
  }
  return out;
}

/** What to judge of a criterion: the parent alone when nested items refine it, then each nested item. */
function parts(criterion: Criterion, response: RegExp | undefined): { line: number; endLine: number; text: string; context?: string; refined?: Criterion }[] {
  const { context } = criterion;
  if (criterion.kind === "scenario") {
    // The outcome (Then, and the steps after it) is what is checked; Given and When set the scene.
    const steps = criterion.text.split("\n");
    const then = steps.findIndex((step) => /^\s*(?:[*_]{1,2})?then\b/i.test(step));
    if (then < 0) {
      // One line: "Given a draft, When it is saved, Then the list shows it".
      const inline = /(?<![\p{L}\p{N}])then(?![\p{L}\p{N}])/giu;
      let at = -1;
      for (let m = inline.exec(criterion.text); m; m = inline.exec(criterion.text)) at = m.index;
      if (at > 0) return [{ line: criterion.line, endLine: criterion.endLine, text: criterion.text.slice(at), context: criterion.text.slice(0, at) }];
    }
    const outcome = then >= 0 ? steps.slice(then).join("\n") : criterion.text;
    return [{ line: criterion.line, endLine: criterion.endLine, text: outcome, context: steps.slice(0, Math.max(0, then)).join(" ") }];
  }
  if (criterion.refinements.length === 0 && response) {
    // EARS: the response after SHALL is what is checked; the trigger sets the scene.
    response.lastIndex = 0;
    const m = response.exec(criterion.text);
    if (m) {
      const at = m.index + m[0].length;
      return [{ line: criterion.line, endLine: criterion.endLine, text: criterion.text.slice(at), context: `${context ?? ""} ${criterion.text.slice(0, at)}`.trim() }];
    }
  }
  if (criterion.refinements.length === 0) return [{ line: criterion.line, endLine: criterion.endLine, text: criterion.text, context }];
  const first = criterion.item!.children[0]?.line ?? criterion.endLine + 1;
  return [
    { line: criterion.line, endLine: first - 1, text: criterion.text, context, refined: criterion },
    ...criterion.refinements.map((leaf) => ({ line: leaf.line, endLine: leaf.endLine, text: leaf.text, context: criterion.text })),
  ];
}

export default defineRule<SC003Options>({
  id: "SC003",
  slug: "acceptance-criteria-measurable",
  description: "Acceptance criteria should be specific and measurable",
  category: "acceptance-criteria",
  files: [...KIND_FILES.prd],
  defaults: SC003Defaults,
  profiles: [
    { name: "spec-kit", files: WORKFLOW_FILES["spec-kit spec"], options: { ...SPEC_KIT_CRITERIA, definedElsewhere: true } },
    { name: "kiro", files: WORKFLOW_FILES["kiro requirements"], options: { ...KIRO_CRITERIA } },
  ],
  schema: {
    headings: strings,
    scenarioHeadings: strings,
    responseWords: strings,
    definedElsewhere: is.boolean(),
    labelPattern: is.regex("u"),
    vaguePhrases: strings,
    vaguePatterns: vagueRegexes,
    notVague: is.regexes("iu"),
    comparisons: strings,
    units: strings,
    thresholdPatterns: thresholdRegexes,
    numberWords: strings,
    zeroQuantifiers: strings,
    genericWords: strings,
  },
  run({ model, options, report }) {
    const c = compile(options);
    const terms = headingTerms(model.sections.filter((s) => s.level > 0).map((s) => s.title));
    const judge = (line: number, endLine: number, text: string, context?: string) => {
      const code = codeIn(model, line, endLine);
      return judgeCriterion(withoutCode(text.replace(c.label, ""), code.spans), code.spans.length + code.blocks, options, context, terms);
    };
    const response = fromOptions(options, "SC003 response", () => phraseRegex(options.responseWords));
    const criteria = documentCriteria(model, options);
    // The lines that state requirements (no criterion's lines), found on the first need.
    let defining: { line: number; text: string }[] | undefined;
    const definitions = () => {
      const skip = new Set<number>();
      for (const k of criteria) for (let l = k.line; l <= k.endLine; l++) skip.add(l);
      return definitionLines(model.lines, skip);
    };
    for (const criterion of criteria) {
      const judged = parts(criterion, response).map((p) => ({
        ...p,
        // A gherkin block's steps are prose: the block is not code in the criterion.
        judgement: criterion.block ? judgeCriterion(p.text, 0, options, p.context, terms) : judge(p.line, p.endLine, p.text, p.context),
      }));
      for (const { line, endLine, text, refined, judgement } of judged) {
        if (judgement.measurable) continue;
        if (judgement.vague) {
          const raw = model.lines.slice(line - 1, endLine).join("\n");
          // A comparison or identity word on a named field is a check: "an increased `viewDurationMs`", "a stable `hoverId`".
          if (ON_CODE.test(judgement.vague) && onCode(raw, judgement.vague)) continue;
          // Wording with a precise sense across the trigger and the response: "existing configurations SHALL continue to work".
          if (preciseIn(criterion.text, judgement.vague, c)) continue;
          if (options.definedElsewhere && definedElsewhere(raw, judgement.vague, line, endLine, (defining ??= definitions()), c)) continue;
        }
        // A parent whose nested items are all measurable is refined by them.
        if (refined && judged.length > 1 && judged.slice(1).every((j) => j.judgement.measurable)) continue;
        const shown = quote(text.replace(c.label, ""));
        report({
          line,
          detail: `Criterion is not measurable: ${judgement.reason}${shown ? ` ("${shown}")` : ""}`,
          context: model.lines[line - 1],
        });
      }
    }
  },
});
