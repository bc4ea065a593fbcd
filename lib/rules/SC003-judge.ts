/**
 * How SC003 judges a document's acceptance criteria (the rule's page says
 * what counts as measurable): each criterion, or each part of one, is
 * judged on its own text, with what the document around it defines.
 */
import type { DocumentModel } from "../core/model.js";
import { fromOptions, textMemo } from "../core/memo.js";
import { compiledNow, escapeRegExp, optionRegExp } from "../core/regex.js";
import { codeIn, type Criterion, documentCriteria } from "../text/criteria.js";
import { blankQuoted, inProperName } from "../text/prose.js";
import { type PhraseMatcher, phraseMatcher } from "../text/phrases.js";
import { SC003Defaults, type SC003Options } from "./SC003-options.js";

/** How a criterion was judged. */
export interface Judgement {
  measurable: boolean;
  /** Why it is not measurable (undefined when it is). */
  reason?: string;
  /** The first vague wording found. */
  vague?: string;
}

interface Compiled {
  label: RegExp;
  vague: PhraseMatcher;
  vaguePatterns: RegExp[];
  /** Compiled on first need (`preciseSpans`): most criteria never get that far. */
  notVague: RegExp[];
  comparisons: PhraseMatcher;
  units: Set<string>;
  trailingUnits: PhraseMatcher;
  thresholds: RegExp[];
  numberWords: PhraseMatcher;
  zeroQuantifiers: PhraseMatcher;
  /** EARS: the words that open a criterion's response ("SHALL"). */
  response: PhraseMatcher;
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
    vague: phraseMatcher(o.vaguePhrases),
    vaguePatterns: o.vaguePatterns.map((p) => compiledNow(optionRegExp(p, "giu", SC003Defaults.vaguePatterns))),
    notVague: o.notVague.map((p) => optionRegExp(p, "giu", SC003Defaults.notVague)),
    comparisons: phraseMatcher(o.comparisons),
    units: lower(o.units.filter((u) => !/\s/.test(u.trim()))),
    trailingUnits: phraseMatcher(o.units.filter((u) => /\s/.test(u.trim()))),
    thresholds: o.thresholdPatterns.map((p) => compiledNow(optionRegExp(p, "iu", SC003Defaults.thresholdPatterns))),
    numberWords: phraseMatcher(o.numberWords),
    zeroQuantifiers: phraseMatcher(o.zeroQuantifiers),
    response: phraseMatcher(o.responseWords),
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
  for (const m of c.numberWords(text)) {
    const before = text.slice(0, m.start).toLowerCase();
    if (/(?:^|\s)(?:no|any|every|some)\s+$/.test(before) && /^one$/i.test(text.slice(m.start, m.end))) continue;
    found.push({ index: m.start, end: m.end });
  }
  return found.map(({ index, end }) => ({ index, end, threshold: isThreshold(text, index, end, c) }));
}

function isThreshold(text: string, index: number, end: number, c: Compiled): boolean {
  // A unit right after the number: "90%", "250 KB", "5ms", "2x faster", "1M rows/s".
  const after = text.slice(end);
  const unit = /^\s*\+?[\s-]*([%]|[\p{L}µ][\p{L}/]*)/u.exec(after);
  if (unit && c.units.has(unit[1].toLowerCase())) return true;
  const trailing = c.trailingUnits(after)[0];
  if (trailing && /^\s*\+?\s*$/.test(after.slice(0, trailing.start))) return true;
  // A rate: "20 items per page", "one line per plugin".
  if (/^\s*\+?\s*(?:[\p{L}\p{N}-]+\s+){0,2}per\b/u.test(after)) return true;
  // A comparison before it, at most three words away: "under 2 seconds", "at or above its current 87%".
  const before = text.slice(Math.max(0, index - 60), index);
  return c.comparisons(before).some((m) => /^\s*(?:[\p{L}'-]+\s+){0,2}[\s(]*$/u.test(before.slice(m.end)));
}

/**
 * The first vague wording in a text, with where it is. A word of a proper
 * name is none ("React Fast Refresh").
 */
function firstVague(text: string, c: Compiled, terms?: ReadonlySet<string>): { text: string; index: number } | undefined {
  // Where vague-looking words have a precise sense, found on first need.
  let exempt: [number, number][] | undefined;
  const precise = (start: number, end: number) => (exempt ??= preciseSpans(text, c)).some(([a, b]) => start >= a && end <= b);
  const counts = (start: number, end: number) =>
    !inProperName(text, start, end) &&
    !precise(start, end) &&
    // Part of a name the document's headings give ("Optimized entry resolution" under "Resolve Optimized Entries").
    !(terms && terms.size > 0 && terms.has(bigram(text, start, end))) &&
    // Part of a file name or path: "server.minimal.e2e.spec.ts".
    !(/[./]$/.test(text.slice(0, start)) || /^[./][\p{L}\p{N}]/u.test(text.slice(end)));
  let best = c.vague(text).find((m) => counts(m.start, m.end));
  for (const re of c.vaguePatterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.global ? re.exec(text) : null) {
      if (m[0] === "") {
        re.lastIndex++;
        continue;
      }
      if (!counts(m.index, m.index + m[0].length)) continue;
      if (!best || m.index < best.start) best = { start: m.index, end: m.index + m[0].length, phrase: -1 };
      break;
    }
  }
  return best ? { text: text.slice(best.start, best.end), index: best.start } : undefined;
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
  for (const m of c.zeroQuantifiers(prose)) {
    zeroCount = namingWords(prose.slice(m.end).split(/[,;.]/)[0], c).length > 0;
    if (zeroCount) break;
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
  return preciseSpans(text, c).some(([a, b]) => text.slice(a, b).toLowerCase().includes(word));
}

/** Where `notVague` wording is in a text: [start, end) of each match. */
function preciseSpans(text: string, c: Compiled): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of c.notVague) {
    compiledNow(re).lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0] === "") re.lastIndex++;
      else spans.push([m.index, m.index + m[0].length]);
    }
  }
  return spans;
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
function definedElsewhere(raw: string, vague: string, line: number, endLine: number, definitions: readonly { line: number; text: string }[], lines: readonly string[], c: Compiled): boolean {
  const at = raw.toLowerCase().indexOf(vague.toLowerCase());
  if (at < 0) return false;
  const after = raw.slice(at + vague.length, at + vague.length + 120);
  const noun = /^[\s*_]+([\p{L}][\p{L}\p{N}-]*)/u.exec(after)?.[1];
  if (noun && statedElsewhere(vague, noun, line, endLine, lines, c)) return true;
  const words: string[] = [];
  TERM_WORD.lastIndex = 0;
  for (let m = TERM_WORD.exec(after); m && words.length < 4; m = TERM_WORD.exec(after)) {
    const w = m[0].toLowerCase();
    // An adjective right before its noun: "gracefully with a message" qualifies the verb, not "message".
    if (FUNCTION_WORDS.has(w)) break;
    if (c.vague(m[0]).some((v) => v.start === 0 && v.end === m[0].length)) continue;
    words.push(termWord(w));
  }
  const key = words.length >= 2 ? words.slice(-2) : words.length === 1 && words[0].length >= 5 && !c.generic.has(words[0]) ? words : [];
  if (key.length === 0) return false;
  // The words as they may be written: singular or plural, any space between.
  const term = new RegExp(`(?<![\\p{L}\\p{N}])${key.map((w) => (w.endsWith("y") ? `${escapeRegExp(w.slice(0, -1))}(?:y|ies)` : `${escapeRegExp(w)}(?:s|es)?`)).join("[\\s*_]+")}(?![\\p{L}\\p{N}])`, "u");
  return definitions.some((d) => (d.line < line || d.line > endLine) && d.text.includes(key[0]) && term.test(d.text));
}

/**
 * Whether another line says what the same wording means, by wording
 * `notVague` takes as precise: "a single actionable error" beside "fails
 * with an actionable error pointing to SVG".
 */
function statedElsewhere(vague: string, noun: string, line: number, endLine: number, lines: readonly string[], c: Compiled): boolean {
  const phrase = `${vague} ${noun}`.toLowerCase();
  return lines.some((text, i) => {
    if (i + 1 >= line && i + 1 <= endLine) return false;
    const lower = text.replace(/[\s*_]+/g, " ").toLowerCase();
    if (!lower.includes(phrase)) return false;
    return preciseSpans(lower, c).some(([a, b]) => lower.slice(a, b).includes(phrase));
  });
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
function parts(criterion: Criterion, response: PhraseMatcher): { line: number; endLine: number; text: string; context?: string; refined?: Criterion }[] {
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
  if (criterion.refinements.length === 0) {
    // EARS: the response after SHALL is what is checked; the trigger sets the scene.
    const m = response(criterion.text)[0];
    if (m) {
      const at = m.end;
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


/** A criterion that is not measurable: where, and why. */
export interface Unmeasurable {
  line: number;
  detail: string;
  context: string | undefined;
}

/** The criteria of a document that are not measurable, in document order. */
export function unmeasurable(model: DocumentModel, options: SC003Options): Unmeasurable[] {
  const found: Unmeasurable[] = [];
  const c = compile(options);
  const terms = headingTerms(model.sections.filter((s) => s.level > 0).map((s) => s.title));
  // Judgements are remembered for the editor's next lint, by what they read: the text, its code, its context and the headings' terms.
  // Each set of terms (the last 64 remembered) gets a number of its own, never given again.
  const memo = fromOptions(options, "SC003 judgements", () => ({
    terms: textMemo<number>(64, 65_536, 64 * 65_536),
    next: 0,
    judged: textMemo<Judgement>(4096, 16_384, 262_144),
  }));
  const termsId = memo.terms.get([...terms].join("\n"), () => memo.next++);
  // The text is judged as cut from the memo's own copy of the key: a judgement's strings may not keep the file's text alive.
  const judgeText = (text: string, code: number, context?: string): Judgement =>
    memo.judged.get(`${termsId}\u0000${code}\u0000${context ?? "\u0001"}\u0000${text}`, (own) =>
      judgeCriterion(own.slice(own.length - text.length), code, options, context, terms),
    );
  const judge = (line: number, endLine: number, text: string, context?: string) => {
    const code = codeIn(model, line, endLine);
    return judgeText(withoutCode(text.replace(c.label, ""), code.spans), code.spans.length + code.blocks, context);
  };
  const criteria = documentCriteria(model, options);
  // The lines that state requirements (no criterion's lines), found on the first need.
  let defining: { line: number; text: string }[] | undefined;
  const definitions = () => {
    const skip = new Set<number>();
    for (const k of criteria) for (let l = k.line; l <= k.endLine; l++) skip.add(l);
    return definitionLines(model.lines, skip);
  };
  for (const criterion of criteria) {
    const judged = parts(criterion, c.response).map((p) => ({
      ...p,
      // A gherkin block's steps are prose: the block is not code in the criterion.
      judgement: criterion.block ? judgeText(p.text, 0, p.context) : judge(p.line, p.endLine, p.text, p.context),
    }));
    for (const { line, endLine, text, refined, judgement } of judged) {
      if (judgement.measurable) continue;
      if (judgement.vague) {
        const raw = model.lines.slice(line - 1, endLine).join("\n");
        // A comparison or identity word on a named field is a check: "an increased `viewDurationMs`", "a stable `hoverId`".
        if (ON_CODE.test(judgement.vague) && onCode(raw, judgement.vague)) continue;
        // Wording with a precise sense across the trigger and the response: "existing configurations SHALL continue to work".
        if (preciseIn(criterion.text, judgement.vague, c)) continue;
        if (options.definedElsewhere && definedElsewhere(raw, judgement.vague, line, endLine, (defining ??= definitions()), model.lines, c)) continue;
      }
      // A parent whose nested items are all measurable is refined by them.
      if (refined && judged.length > 1 && judged.slice(1).every((j) => j.judgement.measurable)) continue;
      const shown = quote(text.replace(c.label, ""));
      found.push({
        line,
        detail: `Criterion is not measurable: ${judgement.reason}${shown ? ` ("${shown}")` : ""}`,
        context: model.lines[line - 1],
      });
    }
  }
  return found;
}
