/**
 * Prose search helpers shared by the phrase rules (SC006, SC007).
 *
 * A prose unit is the searchable text of one paragraph, heading or table row,
 * taken from `model.masked` (code, HTML and URLs blanked), starting at the
 * block's first prose column, with its lines joined by "\n" so a phrase can
 * cross a soft line break. Every offset maps back to a line and a column of
 * the real document, so findings carry exact ranges.
 *
 * User-supplied regular expressions run in a separate V8 context with a time
 * limit (`runPatterns`), so a pattern with catastrophic backtracking stops
 * after the budget instead of hanging the lint run.
 */
import vm from "node:vm";
import type { MicromarkToken } from "markdownlint";
import type { DocumentModel, TextBlock } from "./model.js";

/** Inline tokens that are not prose: blanked in the search text. */
const INLINE_NOT_PROSE = new Set([
  "codeText",
  "htmlText",
  "resourceDestination",
  "resourceTitle",
  "autolink",
  "literalAutolink",
  "mathText",
]);
/** Flow tokens the model masks already; nothing inside them is walked. */
const FLOW_MASKED = new Set(["codeFenced", "codeIndented", "htmlFlow", "mathFlow", "definition"]);

const maskedCache = new WeakMap<DocumentModel, string[]>();

/**
 * The model's masked lines, with inline code spans, inline HTML, link
 * destinations and titles, autolinks and inline math blanked as well (the
 * model blanks flow-level code and HTML; this makes sure inline spans inside
 * paragraphs, headings and table cells are blanked too). Columns are kept.
 */
export function proseLines(model: DocumentModel, tokens: readonly MicromarkToken[]): string[] {
  let lines = maskedCache.get(model);
  if (lines) return lines;
  lines = model.masked.slice();
  const stack: MicromarkToken[] = [...tokens];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (FLOW_MASKED.has(t.type)) continue;
    if (INLINE_NOT_PROSE.has(t.type)) {
      for (let l = t.startLine; l <= t.endLine && l <= lines.length; l++) {
        const line = lines[l - 1];
        const from = l === t.startLine ? t.startColumn - 1 : 0;
        const to = l === t.endLine ? t.endColumn - 1 : line.length;
        if (to > from) lines[l - 1] = line.slice(0, from) + " ".repeat(to - from) + line.slice(to);
      }
      continue;
    }
    for (const c of t.children) stack.push(c);
  }
  maskedCache.set(model, lines);
  return lines;
}

/** One paragraph, heading or table row to search. */
export interface ProseUnit {
  kind: "paragraph" | "heading" | "row";
  /** The first text block of the unit (for a row, its first cell). */
  block: TextBlock;
  /** Masked text (code, HTML, URLs blanked), lines joined by "\n". */
  text: string;
  /** The real text at the same offsets (code spans present). */
  raw: string;
  /** For each line of the unit: where it starts in `text`, its line number and the column of that offset (1-based). */
  lines: { offset: number; line: number; column: number }[];
}

/** Container prefixes before the first line of a paragraph: quotes, list markers, a task box. */
const FIRST_PREFIX = /^[ \t]*(?:>[ \t]?)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:[ \t]*>[ \t]?)*)*(?:\[[ xX]\](?=[ \t]|$)[ \t]*)?/;
/** Indentation and quote markers before a continuation line. */
const NEXT_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
/** The opening of an ATX heading (inside optional quote markers). */
const HEADING_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}(?:[ \t]+|$)/;

/**
 * The prose units of a document whose blocks pass `include`, in document
 * order. Table cells are grouped by row (one unit per row line); the
 * delimiter row is skipped.
 */
export function proseUnits(
  model: DocumentModel,
  tokens: readonly MicromarkToken[],
  include: (block: TextBlock) => boolean,
): ProseUnit[] {
  const masked = proseLines(model, tokens);
  const units: ProseUnit[] = [];
  const rows = new Set<number>();
  for (const block of model.blocks) {
    if (!include(block)) continue;
    if (block.kind === "cell") {
      if (rows.has(block.line) || block.text.trim() === "") continue;
      rows.add(block.line);
      const text = masked[block.line - 1] ?? "";
      units.push({
        kind: "row",
        block,
        text,
        raw: model.lines[block.line - 1] ?? "",
        lines: [{ offset: 0, line: block.line, column: 1 }],
      });
      continue;
    }
    let text = "";
    let raw = "";
    const lines: ProseUnit["lines"] = [];
    for (let line = block.line; line <= block.endLine && line <= masked.length; line++) {
      const prose = masked[line - 1];
      const real = model.lines[line - 1] ?? "";
      // Prefixes are read on the real line: a code span blanked at the start of an item is not indentation.
      const prefix =
        line === block.line ? (block.kind === "heading" && HEADING_PREFIX.test(real) ? HEADING_PREFIX : FIRST_PREFIX) : NEXT_PREFIX;
      const skip = prefix.exec(real)?.[0].length ?? 0;
      if (lines.length > 0) {
        text += "\n";
        raw += "\n";
      }
      lines.push({ offset: text.length, line, column: skip + 1 });
      text += prose.slice(skip);
      raw += real.slice(skip);
    }
    units.push({ kind: block.kind === "heading" ? "heading" : "paragraph", block, text, raw, lines });
  }
  return units;
}

/** Line and 1-based column of an offset in a unit's text. */
export function locate(unit: ProseUnit, offset: number): { line: number; column: number; lineEnd: number } {
  let i = unit.lines.length - 1;
  while (i > 0 && unit.lines[i].offset > offset) i--;
  const start = unit.lines[i];
  const next = unit.lines[i + 1];
  return {
    line: start.line,
    column: start.column + offset - start.offset,
    lineEnd: next ? next.offset - 1 : unit.text.length,
  };
}

/** A [start, end) span of a unit's text. */
export interface Span {
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = /(?:^|[^\p{L}])(?:e\.g|i\.e|etc|vs|cf|approx|incl|esp|min|max|no|fig|ca)$/iu;

/**
 * Sentences of a unit: split after ".", "!" or "?" followed by white space
 * (not after "e.g.", "i.e.", "etc.", "vs." …), and at the cell dividers of a
 * table row.
 */
export function sentences(unit: ProseUnit): Span[] {
  const spans: Span[] = [];
  const text = unit.text;
  let start = 0;
  const boundary = unit.kind === "row" ? /[.!?]+(?=\s|$)|\|/g : /[.!?]+(?=\s|$)/g;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0] !== "|" && m[0] === "." && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (text.slice(start, end).trim()) spans.push({ start, end: m[0] === "|" ? m.index : end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}

/** Blank (same length) text between double quotes: a quoted word is mentioned, not used. */
export function blankQuoted(text: string): string {
  return text.replace(/"[^"]{1,400}"|“[^”]{1,400}”/g, (q) => q.replace(/[^\n]/g, " "));
}

/** Whether the real text holds a code span between two offsets (a backtick the masked text blanked). */
export function hasCode(unit: ProseUnit, start: number, end: number): boolean {
  for (let i = Math.max(0, start); i < end && i < unit.raw.length; i++) {
    if (unit.raw[i] === "`" && unit.text[i] === " ") return true;
  }
  return false;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The regular expression source of a literal phrase (see phraseMatcher), without the word boundaries. */
function phraseBody(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.split("-").map(escape).join("[-\\u2010\\u2011]"))
    .join("\\s+");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const JOINER = /[-_.]/;

/** Whether a match at `start` begins inside a word or an identifier ("breakfast", "fast-path", "best_effort"). */
function midWord(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return false;
  if (WORD_CHAR.test(before)) return true;
  return JOINER.test(before) && start >= 2 && WORD_CHAR.test(text[start - 2]);
}

/** A phrase found in a text: [start, end) and the index of the phrase in the list given. */
export interface PhraseHit {
  start: number;
  end: number;
  phrase: number;
}

const matchers = new Map<string, (text: string) => PhraseHit[]>();

/**
 * A matcher for literal phrases, case-insensitive and on whole words: white
 * space in a phrase matches any white space (a soft line break included), a
 * hyphen matches any hyphen character, and a phrase never matches inside a
 * longer word or identifier (`fast` does not match `breakfast`, `fast-path`,
 * `fast_mode` or `fast.js`). All phrases run as one regular expression (the
 * longest first where several start at the same place); matches do not
 * overlap.
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => PhraseHit[] {
  const key = JSON.stringify(phrases);
  let matcher = matchers.get(key);
  if (matcher) return matcher;
  const order = phrases
    .map((phrase, index) => ({ body: phraseBody(phrase), index }))
    .filter((p) => p.body !== "")
    .sort((a, b) => b.body.length - a.body.length);
  if (order.length === 0) {
    matcher = () => [];
  } else {
    const re = new RegExp(
      `(?:${order.map((p) => `(${p.body})`).join("|")})(?![\\p{L}\\p{N}])(?![-_.][\\p{L}\\p{N}])`,
      "giu",
    );
    matcher = (text: string) => {
      const hits: PhraseHit[] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (midWord(text, m.index)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const group = m.findIndex((g, i) => i > 0 && g !== undefined);
        hits.push({ start: m.index, end: m.index + m[0].length, phrase: order[group - 1].index });
      }
      return hits;
    };
  }
  if (matchers.size > 100) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/**
 * What may precede a word that opens a clause: the text start, . ! ? : ; |
 * or a dash, a marker, then emphasis, quotes or a number ("1. **Use …").
 */
export const CLAUSE_LEAD = String.raw`(?:^|[.!?:;|][*_]*\s+|\s[-–—]\s+|\p{Extended_Pictographic}\uFE0F?\s+)[\s*_>"'“(\[]*(?:\d{1,3}[.)]\s+)?[*_]*`;
const CLAUSE_BEFORE = new RegExp(`${CLAUSE_LEAD}$`, "u");

/** Whether `offset` opens a clause (only the 40 characters before it are read; a cut start cannot match "^"). */
export function atClauseStart(text: string, offset: number): boolean {
  const from = Math.max(0, offset - 40);
  return CLAUSE_BEFORE.test((from > 0 ? "\u0000" : "") + text.slice(from, offset));
}

/**
 * Whether a match is part of a proper name: it is capitalised ("Fast" in
 * "React Fast Refresh", "Great" in "Great Expectations") and does not open
 * a clause, where a capital is only sentence case. All-capital words
 * ("TBD", "ASAP") are not names.
 */
export function inProperName(text: string, start: number, end: number): boolean {
  const word = /^[\p{L}\p{N}]+/u.exec(text.slice(start, end))?.[0] ?? "";
  if (!/^\p{Lu}/u.test(word) || word === word.toUpperCase()) return false;
  return !atClauseStart(text, start);
}

/** A match of pattern `pattern` in text `text`: [text index, pattern index, offset, length]. */
export type PatternMatch = [number, number, number, number];

/** The longest text a pattern is run on; longer texts are cut. */
export const MAX_PATTERN_TEXT = 2000;
/** The time a file's pattern search may take, in milliseconds. */
export const PATTERN_BUDGET_MS = 1000;
/** At most this many matches per pattern and text. */
const MAX_MATCHES = 50;

let sandbox: vm.Context | undefined;
const SEARCH = new vm.Script(`
(() => {
  const out = [];
  const compiled = sources.map((s) => new RegExp(s, "giu"));
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t];
    for (let p = 0; p < compiled.length; p++) {
      const re = compiled[p];
      re.lastIndex = 0;
      let n = 0;
      let m;
      while (n < ${MAX_MATCHES} && (m = re.exec(text)) !== null) {
        if (m[0].length === 0) { re.lastIndex++; continue; }
        out.push(t, p, m.index, m[0].length);
        n++;
      }
    }
  }
  return out.join(",");
})()`);

/**
 * Run regular expressions (sources compiled with "giu") over texts, each
 * text cut to MAX_PATTERN_TEXT characters, in a separate context that is
 * stopped after `budgetMs`. Returns the matches found, or `timedOut` when the
 * budget ran out (no matches are returned then).
 */
export function runPatterns(sources: readonly string[], texts: readonly string[], budgetMs = PATTERN_BUDGET_MS): { matches: PatternMatch[]; timedOut: boolean } {
  if (sources.length === 0 || texts.length === 0) return { matches: [], timedOut: false };
  sandbox ??= vm.createContext(Object.create(null));
  sandbox.sources = [...sources];
  sandbox.texts = texts.map((t) => t.slice(0, MAX_PATTERN_TEXT));
  let flat: string;
  try {
    flat = SEARCH.runInContext(sandbox, { timeout: budgetMs }) as string;
  } catch {
    return { matches: [], timedOut: true };
  } finally {
    sandbox.sources = undefined;
    sandbox.texts = undefined;
  }
  const numbers = flat ? flat.split(",").map(Number) : [];
  const matches: PatternMatch[] = [];
  for (let i = 0; i + 3 < numbers.length; i += 4) matches.push([numbers[i], numbers[i + 1], numbers[i + 2], numbers[i + 3]]);
  return { matches, timedOut: false };
}

/** A match to report: offsets in a unit's text. */
export interface Hit {
  start: number;
  end: number;
}

/** Keep the longest of overlapping hits (ties: the earliest), in text order. */
export function dropOverlaps<T extends Hit>(hits: T[]): T[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const h of sorted) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}
