/**
 * Prose search helpers shared by the phrase rules (SC006, SC007).
 *
 * A prose unit is the searchable text of one paragraph, heading or table row,
 * taken from `model.masked` (code, HTML and URLs blanked), starting at the
 * block's first prose column, with its lines joined by "\n" so a phrase can
 * cross a soft line break. Every offset maps back to a line and a column of
 * the real document, so findings carry exact ranges.
 *
 * Configured regular expressions run on RE2's linear-time engine where it can
 * run them (`compilePatterns`, lib/core/regex.ts).
 */
import { partitionPoint } from "../core/search.js";
import type { DocumentModel, TextBlock } from "../core/model.js";
import { compiledNow, optionRegExp } from "../core/regex.js";

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
/**
 * The opening of an ATX heading (inside optional quote markers). The
 * indentation and quote markers are read once (a look-ahead whose capture is
 * then matched cannot be backtracked into): `[ \t]*` on both sides of the
 * markers would otherwise try every split of a long run of spaces. No match
 * needs a shorter prefix, since what follows it must be a `#`.
 */
const HEADING_PREFIX = /^(?=([ \t]*(?:>[ \t]?)*[ \t]*))\1#{1,6}(?:[ \t]+|$)/;

/**
 * The prose units of a document whose blocks pass `include`, in document
 * order. Table cells are grouped by row (one unit per row line); the
 * delimiter row is skipped.
 */
export function proseUnits(model: DocumentModel, include: (block: TextBlock) => boolean): ProseUnit[] {
  const masked = model.masked;
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

/** Line and 1-based column of an offset in a unit's text, where that line ends in the text, and its index in `unit.lines`. */
export function locate(unit: ProseUnit, offset: number): { line: number; column: number; lineEnd: number; index: number } {
  // The last line starting at or before the offset (the first line when none does).
  const i = Math.max(0, partitionPoint(unit.lines.length, (k) => unit.lines[k].offset <= offset) - 1);
  const start = unit.lines[i];
  const next = unit.lines[i + 1];
  return {
    line: start.line,
    column: start.column + offset - start.offset,
    lineEnd: next ? next.offset - 1 : unit.text.length,
    index: i,
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
  // A match takes a run of marks whole or not at all: starting inside a run would only fail again.
  const boundary = unit.kind === "row" ? /(?<![.!?])[.!?]+(?=\s|$)|\|/g : /(?<![.!?])[.!?]+(?=\s|$)/g;
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

/** A match of a pattern in a text: [text index, pattern index, offset, length]. */
export type PatternMatch = [number, number, number, number];

/** At most this many matches per pattern and text. */
const MAX_MATCHES = 50;

/**
 * Compile regular expressions for searching ("giu"). A rule's own built-in
 * patterns (those in `builtIn`) run on JavaScript's engine; any other
 * pattern comes from a configuration and runs on RE2's linear-time engine
 * (`userRegExp`, lib/core/regex.ts), whose time grows with the text however the
 * pattern is written. Configured patterns are validated first
 * (`regexProblem`: no nested overlapping quantifiers, so none is
 * exponential); one RE2 cannot run (lookahead, backreferences) falls back to
 * JavaScript's engine.
 */
export function compilePatterns(sources: readonly string[], builtIn: ReadonlySet<string>): RegExp[] {
  return sources.map((source) => {
    const key = `${builtIn.has(source) ? "js" : "re2"}:${source}`;
    let re = compiled.get(key);
    if (!re) {
      re = compiledNow(optionRegExp(source, "giu", builtIn));
      if (compiled.size > 500) compiled.clear();
      compiled.set(key, re);
    }
    return re;
  });
}

/** Compiled patterns by engine and source (matching resets lastIndex, so sharing them is safe). */
const compiled = new Map<string, RegExp>();

/**
 * All matches of compiled patterns in texts (empty matches skipped, at most
 * 50 per pattern and text). When a pattern has a group named `phrase`, the
 * match reported is that group ("(?<phrase>works)[.:]" reports "works").
 */
export function matchPatterns(patterns: readonly RegExp[], texts: readonly string[]): PatternMatch[] {
  const out: PatternMatch[] = [];
  texts.forEach((text, t) => {
    patterns.forEach((re, p) => {
      re.lastIndex = 0;
      let n = 0;
      let m: RegExpExecArray | null;
      while (n < MAX_MATCHES && (m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex = m.index + 1;
          continue;
        }
        // A group named "phrase" narrows the finding to that part of the match.
        const phrase = m.groups?.phrase;
        const at = phrase ? m[0].indexOf(phrase) : -1;
        if (phrase && at >= 0) out.push([t, p, m.index + at, phrase.length]);
        else out.push([t, p, m.index, m[0].length]);
        n++;
      }
      re.lastIndex = 0;
    });
  });
  return out;
}

/** A match to report: offsets in a unit's text. */
export interface Hit {
  start: number;
  end: number;
}

/**
 * Keep the longest of overlapping hits (ties: the earliest), in text order.
 * Hits are first cut into clusters of transitively overlapping ones (a sweep
 * in start order), and the longest-first choice runs within each cluster, so
 * the time is O(n log n) for the usual short clusters, not O(n²) over a text
 * with many hits.
 */
export function dropOverlaps<T extends Hit>(hits: T[]): T[] {
  const byStart = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let cluster: T[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) kept.push(cluster[0]);
    else if (cluster.length > 1) {
      const chosen: T[] = [];
      cluster.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const h of cluster) if (!chosen.some((k) => h.start < k.end && k.start < h.end)) chosen.push(h);
      // A loop, not push(...chosen): spreading a huge array overflows the stack.
      for (const h of chosen.sort((a, b) => a.start - b.start)) kept.push(h);
    }
    cluster = [];
  };
  for (const h of byStart) {
    if (h.start >= clusterEnd) flush();
    cluster.push(h);
    clusterEnd = Math.max(clusterEnd, h.end);
  }
  flush();
  return kept;
}
