/**
 * SC003 acceptance-criteria-measurable: each acceptance criterion is specific
 * and measurable (seed 002: "❌ BAD (vague): Offload works correctly /
 * Performance is good / Tests pass"; "✅ GOOD: Processes 1M rows in <5
 * minutes / Query count ≤2 per offload operation / Coverage ≥90% for
 * modified modules").
 *
 * The judgement weighs signals instead of matching a word list:
 *
 * - a **threshold** pins a criterion down on its own: a number after a
 *   comparison ("under 2 seconds", "≤2", "at least 80%"), a number with a unit
 *   ("250 KB", "5 minutes", "90%"), a rate ("20 items per page"), an HTTP
 *   status or exit code, or a zero count over a counted trial ("no deadlocks
 *   in 100 parallel runs");
 * - **evidence** makes a criterion checkable when nothing vague is said: a
 *   named artifact (code span, code block, file name, path, identifier,
 *   exception name, command flag, version, quoted message), a bare count
 *   ("3 tables"), "all"/"every" over a named set ("all new functions", not
 *   "all tests"), "no"/"zero" over a concrete thing ("no plaintext
 *   passwords", not "no performance regressions"), an enumeration
 *   ("records: actor, action, target"), or a named check ("verified by a
 *   rollback test");
 * - **vague wording** ("fast", "robust", "works correctly", "as expected")
 *   is not measurable unless a threshold states what it means.
 *
 * A criterion is measurable when it holds a threshold, or evidence and no
 * vague wording.
 */
import { codeIn, criteriaIn, criteriaSections, itemTextWithChildren } from "../lib/criteria.js";
import { detached } from "../lib/detach.js";
import { KIND_FILES } from "../lib/files.js";
import { is, regexProblem } from "../lib/options.js";
import { optionRegExp } from "../lib/regex.js";
import { defineRule } from "../lib/rule.js";

export interface SC003Options {
  /** Headings of the acceptance criteria section (as SC002). */
  headings: string[];
  /** Regular expression removed from the start of a criterion: its label, e.g. "AC1:" of `**AC1**:`. */
  labelPattern: string;
  /** Vague wording (literal, case-insensitive, whole words), e.g. "fast", "as expected". */
  vaguePhrases: string[];
  /** Vague wording as regular expressions (case-insensitive), e.g. "works … correctly". */
  vaguePatterns: string[];
  /** Comparisons that make a following number a threshold ("under", "at most", "≤"). */
  comparisons: string[];
  /** Units that make a preceding number a threshold ("ms", "KB", "%", "rows/s"). */
  units: string[];
  /** Regular expressions (case-insensitive) that are thresholds on their own: HTTP statuses, exit codes. */
  thresholdPatterns: string[];
  /** Regular expressions (case-sensitive) for named artifacts in prose: file names, paths, identifiers. */
  artifactPatterns: string[];
  /** Numbers written as words; they count as numbers ("one line per plugin", "at most two"). */
  numberWords: string[];
  /** Words that quantify over a whole set ("all", "every", "each"). */
  setQuantifiers: string[];
  /** Words after a set quantifier that do not name a set ("tests", "edge cases", "supported"). */
  unnamedSets: string[];
  /** Words that state a zero count ("no", "zero", "without"). */
  zeroQuantifiers: string[];
  /** Words that, after a set or zero quantifier, leave the set unnamed ("no performance regressions", "all unnecessary imports"). */
  vagueNouns: string[];
  /** Phrases that name how a criterion is checked ("verified by", "measured with"). */
  verificationPhrases: string[];
  /**
   * An enumeration of at least this many short items after a colon or in
   * parentheses names a set exactly ("records: actor, action, target"); 0
   * turns the signal off.
   */
  enumerationMinimum: number;
}

export const SC003Defaults: SC003Options = {
  headings: ["Acceptance Criteria"],
  labelPattern: "^(?:[A-Z][A-Z0-9]*[-_.]?\\d+(?:\\.\\d+)*[a-z]?|#\\d+)\\s*[:.)\\-–—](?:\\s+|$)",
  vaguePhrases: [
    "as expected", "as intended", "as needed", "as appropriate", "where appropriate", "where possible",
    "if possible", "and so on", "etc", "tbd",
    "good", "great", "nice", "better", "best", "fine", "excellent", "perfect",
    "fast", "faster", "quick", "quickly", "speedy", "slow", "snappy", "responsive", "performant",
    "efficient", "efficiently", "optimal", "optimally", "optimized", "optimised",
    "robust", "reliable", "reliably", "stable", "resilient", "secure",
    "seamless", "seamlessly", "smooth", "smoothly", "gracefully", "painless",
    "user-friendly", "user friendly", "intuitive", "easy", "easily", "simple", "straightforward",
    "clean", "clear", "clearly", "elegant", "modern", "lightweight",
    "maintainable", "readable", "scalable", "flexible", "extensible",
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
    "(?<=\\s)(?:correctly|properly|well|fine)\\b(?<=\\b(?:works?|working|behaves?|handles?|handled|handling|operates?|performs?)(?:\\s+[\\p{L}\\p{N}_-]+){1,3}\\s+(?:correctly|properly|well|fine))",
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
  // The artifact patterns are tested, not searched (re.test): each may skip a place whose match implies
  // one at an earlier place (inside a run of file-name characters, after an unclosed “), so that a long
  // run is not read again from each of its characters.
  artifactPatterns: [
    // file names with a known extension: pyproject.toml, test_vite.py, vite.config.ts
    "(?<![\\p{L}\\p{N}_.-])[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_-]\\.(?:py|pyi|ts|tsx|js|jsx|mjs|cjs|json|jsonc|toml|ya?ml|md|mdx|rst|txt|cfg|ini|conf|sql|html?|css|scss|sh|lock|env|rs|go|java|kt|rb|php|csv|tsv|parquet|xml|gz|zip|png|gif|svg|jpe?g|webp|pdf|whl)(?![\\p{L}\\p{N}])",
    // well-known files without an extension
    "\\b(?:Makefile|Dockerfile|Containerfile|Procfile|Justfile|README|CHANGELOG|LICENSE|CONTRIBUTING|CODEOWNERS)\\b",
    // paths: src/app/, tests/integration/test_x.py, /api/users
    "(?<![\\p{L}\\p{N}/])\\.{0,2}/[\\w.-]+(?:/[\\w.{}:-]*)*",
    "\\b[\\w.-]+/(?:[\\w.-]+/)+[\\w.-]*",
    "\\b[\\w.-]+/(?=[\\s),.;:]|$)",
    // snake_case and dotted identifiers: execute_many, spa.inject_routes
    "(?<![\\p{L}\\p{N}])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\\p{L}\\p{N}])",
    "(?<![\\p{L}\\p{N}]|(?<![\\p{L}\\p{N}])_)[A-Za-z_]\\w*(?:\\.[a-z_]\\w*)+\\(\\)",
    // CamelCase names: OrchestrationLock, SQLSpecError, ViteSPAHandler
    "(?<![\\p{L}\\p{N}])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+(?![\\p{L}\\p{N}])",
    "(?<![\\p{L}\\p{N}])[A-Z]{2,}[a-z]+[A-Z]\\w*",
    // environment variables and constants: DATABASE_URL
    "(?<![\\p{L}\\p{N}])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\\p{L}\\p{N}])",
    // release versions: v0.14.0, v2.1
    "(?<![\\p{L}\\p{N}])v\\d+(?:\\.\\d+)+(?![\\p{L}\\p{N}])",
    // quoted literals of more than one word (exact messages or output): "Index Mode: Inertia"
    "\"(?=[^\"]*[^\\p{L}\"])[^\"\\s][^\"]*\"|“(?<!“[^“”]*“)(?=[^”]*[^\\p{L}”])[^”]+”",
    // command flags and settings: --strict, inject_routes=True
    "(?<![\\p{L}\\p{N}-])--[a-z][\\w-]*",
    "(?<![\\p{L}\\p{N}]|(?<![\\p{L}\\p{N}])_)\\w+=\\S+",
  ],
  numberWords: [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
    "single", "twice", "half",
  ],
  setQuantifiers: ["all", "every", "each"],
  unnamedSets: [
    "tests", "the tests", "cases", "edge cases", "corner cases", "use cases", "scenarios", "features",
    "functionality", "things", "stuff", "requirements", "platforms", "environments", "browsers", "devices",
    "users", "inputs", "errors", "issues", "bugs", "problems", "situations", "conditions", "circumstances",
    "supported", "relevant", "applicable", "necessary", "required", "needed", "important", "major", "common",
    "key", "critical", "other", "possible", "known", "expected", "appropriate", "time", "times", "them", "it",
  ],
  zeroQuantifiers: ["no", "zero", "without", "none of the", "not a single"],
  vagueNouns: [
    "performance", "quality", "regression", "regressions", "issue", "issues", "problem", "problems",
    "impact", "degradation", "overhead", "friction", "surprises", "complexity", "slowdown", "slowdowns",
    "noticeable", "significant", "major", "obvious", "unnecessary", "unexpected", "excessive", "more",
    "less", "fewer", "longer", "matter", "need", "one", "other", "further", "additional",
  ],
  verificationPhrases: [
    "verified by", "verified with", "verified in", "checked by", "checked with", "measured by", "measured with",
    "measured in", "confirmed by", "confirmed with", "asserted by", "asserted in", "tested by", "covered by",
    "proven by", "demonstrated by",
  ],
  enumerationMinimum: 3,
};

const strings = is.strings();
// Each list is validated with the flags it is compiled with (below).
const vagueRegexes = is.regexes("iu");
const thresholdRegexes = is.regexes("iu");
const artifactRegexes = is.regexes("u");

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
  /** `vague`, not global: tests one word. */
  vagueWord?: RegExp;
  vagueWordCache: Map<string, boolean>;
  vaguePatterns: RegExp[];
  comparisons?: RegExp;
  units: Set<string>;
  trailingUnits?: RegExp;
  thresholds: RegExp[];
  artifacts: RegExp[];
  numberWords?: RegExp;
  setQuantifiers?: RegExp;
  unnamedSets: Set<string>;
  zeroQuantifiers?: RegExp;
  vagueNouns: Set<string>;
  verification?: RegExp;
}

const once = (re: RegExp | undefined) => (re ? new RegExp(re.source, "iu") : undefined);

let lastCompiled: { options: SC003Options; compiled: Compiled } | undefined;

/**
 * Compile the option lists once. markdownlint hands over a fresh options
 * object per file when a rule is enabled with `true`, but its lists are the
 * same arrays, so the last result is reused while every option is identical.
 */
function compile(o: SC003Options): Compiled {
  const last = lastCompiled;
  if (last && (Object.keys(o) as (keyof SC003Options)[]).every((k) => last.options[k] === o[k])) return last.compiled;
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase().trim()));
  const vague = phraseRegex(o.vaguePhrases);
  const c: Compiled = {
    label: optionRegExp(o.labelPattern, "u", [SC003Defaults.labelPattern]),
    vague,
    vagueWord: once(vague),
    vagueWordCache: new Map(),
    vaguePatterns: o.vaguePatterns.map((p) => optionRegExp(p, "giu", SC003Defaults.vaguePatterns)),
    comparisons: phraseRegex(o.comparisons),
    units: lower(o.units.filter((u) => !/\s/.test(u.trim()))),
    trailingUnits: phraseRegex(o.units.filter((u) => /\s/.test(u.trim()))),
    thresholds: o.thresholdPatterns.map((p) => optionRegExp(p, "iu", SC003Defaults.thresholdPatterns)),
    artifacts: o.artifactPatterns.map((p) => optionRegExp(p, "u", SC003Defaults.artifactPatterns)),
    numberWords: phraseRegex(o.numberWords),
    setQuantifiers: phraseRegex(o.setQuantifiers),
    unnamedSets: lower(o.unnamedSets),
    zeroQuantifiers: phraseRegex(o.zeroQuantifiers),
    vagueNouns: lower(o.vagueNouns),
    verification: once(phraseRegex(o.verificationPhrases)),
  };
  lastCompiled = { options: { ...o }, compiled: c };
  return c;
}

const DIGITS = /(?<![\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/gu;
const DETERMINERS = new Set(["a", "an", "any", "the", "of", "our", "its", "their", "these", "those", "my", "your", "this", "that", "his", "her"]);

/**
 * Whether one word is a vague phrase. Words repeat across criteria, and the
 * phrase expression is long: the verdicts are remembered per compiled
 * options (keys are own copies, never views into a file's text).
 */
function isVagueWord(word: string, c: Compiled): boolean {
  if (!c.vagueWord) return false;
  let verdict = c.vagueWordCache.get(word);
  if (verdict === undefined) {
    verdict = c.vagueWord.test(word);
    if (c.vagueWordCache.size >= 8192) c.vagueWordCache.clear();
    c.vagueWordCache.set(detached(word), verdict);
  }
  return verdict;
}

/** Up to `count` lower-cased words of `text` from index `from` on. */
function wordsAfter(text: string, from: number, count: number): string[] {
  const out: string[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}_'+-]*/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && out.length < count; m = re.exec(text)) out.push(m[0].toLowerCase());
  return out;
}

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

/** First match of any regex, as text. */
function firstMatch(text: string, regexes: readonly (RegExp | undefined)[]): string | undefined {
  let best: RegExpExecArray | undefined;
  for (const re of regexes) {
    if (!re) continue;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best?.[0];
}

/** Whether the text enumerates at least `minimum` short items after a colon or in parentheses. */
function enumerates(text: string, minimum: number): boolean {
  if (minimum <= 0) return false;
  for (const m of text.matchAll(/[:(]([^:;()]*)/g)) {
    const body = m[1].split(/\.(?:\s|$)/)[0];
    const items = body.split(/,|\s\+\s|\s(?:and|or)\s/).map((x) => x.trim()).filter(Boolean);
    if (items.length >= minimum && items.every((x) => x.split(/\s+/).length <= 4)) return true;
  }
  return false;
}

/** Whether a quantifier at `end` is followed by a phrase that names something (not "tests", "performance"). */
function quantifiedPhrase(text: string, end: number, reject: (w: string[]) => boolean): boolean {
  const words = wordsAfter(text, end, 5);
  let i = 0;
  while (i < words.length && DETERMINERS.has(words[i])) i++;
  const rest = words.slice(i, i + 3);
  return rest.length > 0 && !reject(rest);
}

/**
 * Judge one criterion. `text` is its prose (code span contents left out),
 * `hasCode` whether it holds a code span or block.
 */
export function judgeCriterion(text: string, hasCode: boolean, options: SC003Options): Judgement {
  const c = compile(options);
  const prose = text.replace(/\s+/g, " ").trim();
  if (prose === "" && !hasCode) return { measurable: false, reason: "the criterion is empty" };

  const vague = firstMatch(prose, [c.vague, ...c.vaguePatterns]);
  const vagueWord = (w: string) => c.vagueNouns.has(w) || isVagueWord(w, c);
  const nums = numbers(prose, c);

  let zeroCount = false;
  if (c.zeroQuantifiers) {
    c.zeroQuantifiers.lastIndex = 0;
    for (let m = c.zeroQuantifiers.exec(prose); m && !zeroCount; m = c.zeroQuantifiers.exec(prose)) {
      zeroCount = quantifiedPhrase(prose, m.index + m[0].length, (ws) => ws.some(vagueWord));
    }
  }
  const threshold =
    nums.some((n) => n.threshold) ||
    c.thresholds.some((re) => re.test(prose)) ||
    (zeroCount && nums.some((n) => !/^zero$/i.test(prose.slice(n.index, n.end))));
  if (threshold) return { measurable: true };

  let namedSet = false;
  if (c.setQuantifiers) {
    c.setQuantifiers.lastIndex = 0;
    for (let m = c.setQuantifiers.exec(prose); m && !namedSet; m = c.setQuantifiers.exec(prose)) {
      namedSet = quantifiedPhrase(
        prose,
        m.index + m[0].length,
        (ws) => c.unnamedSets.has(ws[0]) || c.unnamedSets.has(ws.slice(0, 2).join(" ")) || ws.slice(0, 2).some(vagueWord),
      );
    }
  }
  const evidence =
    hasCode ||
    nums.length > 0 ||
    zeroCount ||
    namedSet ||
    c.artifacts.some((re) => re.test(prose)) ||
    c.verification?.test(prose) === true ||
    enumerates(prose, options.enumerationMinimum);

  if (evidence && !vague) return { measurable: true };
  const what = vague ? `vague wording "${vague}"` : "";
  if (evidence) return { measurable: false, vague, reason: `${what} without a threshold or count` };
  const none = "no threshold, count, comparison or named artifact";
  return { measurable: false, vague, reason: vague ? `${what} and ${none}` : none };
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

export default defineRule<SC003Options>({
  id: "SC003",
  slug: "acceptance-criteria-measurable",
  description: "Acceptance criteria should be specific and measurable",
  category: "acceptance-criteria",
  files: [...KIND_FILES.prd],
  defaults: SC003Defaults,
  schema: {
    headings: strings,
    labelPattern: (v) => (typeof v === "string" ? regexProblem(v, "u") : `a regular expression; found ${Array.isArray(v) ? "an array" : typeof v}`),
    vaguePhrases: strings,
    vaguePatterns: vagueRegexes,
    comparisons: strings,
    units: strings,
    thresholdPatterns: thresholdRegexes,
    artifactPatterns: artifactRegexes,
    numberWords: strings,
    setQuantifiers: strings,
    unnamedSets: strings,
    zeroQuantifiers: strings,
    vagueNouns: strings,
    verificationPhrases: strings,
    enumerationMinimum: is.integer(0),
  },
  run({ model, options, report }) {
    const c = compile(options);
    for (const item of criteriaIn(model, criteriaSections(model, options.headings))) {
      const code = codeIn(model, item.line, item.endLine);
      const own = item.text.replace(c.label, "");
      const all = itemTextWithChildren(item).replace(c.label, "");
      const judgement = judgeCriterion(withoutCode(all, code.spans), code.spans.length + code.blocks > 0, options);
      if (!judgement.measurable) {
        const text = quote(own || all);
        report({
          line: item.line,
          detail: `Criterion is not measurable: ${judgement.reason}${text ? ` ("${text}")` : ""}`,
          context: model.lines[item.line - 1],
        });
      }
    }
  },
});
