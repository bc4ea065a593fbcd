/**
 * SC011 no-template-placeholders: a spec written from a template has its
 * placeholders filled in (seed 002's templates carry `{slug}`, `{count}`,
 * `{date}`, `[Feature Name]`, `[Specific, measurable, testable criterion]`,
 * `[List adapters]`; drafts carry TBD and TODO).
 *
 * Only prose is searched (`model.masked`: code spans, fences, HTML and link
 * targets are blanked). A bracket that micromark read as a link, a
 * reference, an image or a footnote is not a placeholder, and neither is a
 * task checkbox.
 */
import type { MicromarkToken } from "markdownlint";
import { KIND_FILES } from "../lib/files.js";
import { fromOptions } from "../lib/memo.js";
import { is } from "../lib/options.js";
import { escapeRegExp } from "../lib/regex.js";
import { defineRule } from "../lib/rule.js";

export interface SC011Options {
  /** Words that mark unfinished text, matched case-sensitively as whole words. */
  words: string[];
  /**
   * Nouns after which a word is a mention, not a placeholder ("a TODO
   * marker", "TODO comments").
   */
  mentions: string[];
  /** Report `{lower_case words}` in braces (`{slug}`, `{count}`, `{other options}`). */
  braces: boolean;
  /** Report `[Capitalised words]` in brackets that are not links (`[Feature Name]`, `[List adapters]`). */
  brackets: boolean;
  /** Exact texts that are never reported (e.g. "[Optional]", "{id}"). */
  allow: string[];
}

export const SC011Defaults: SC011Options = {
  words: ["TBD", "TODO"],
  mentions: [
    "marker",
    "markers",
    "comment",
    "comments",
    "placeholder",
    "placeholders",
    "item",
    "items",
    "tag",
    "tags",
    "list",
    "lists",
    "note",
    "notes",
    "entry",
    "entries",
  ],
  braces: true,
  brackets: true,
  allow: [],
};

/** `{slug}`, `{count}`, `{other options}`, `{pros/cons}`; not `${x}`, `{{x}}`, `\{x}` or `{a, b}`. */
const BRACES = /(?<![\w$#{\\])\{([a-z][a-z0-9_]*(?:[ /-][a-z0-9_]+)*)\}(?!\})/g;
/** `[Feature Name]`, `[Yes/No]`; not `[ ]`, `[x]`, `[^1]`, `[!NOTE]`, `list[Item]`, `[text](url)`, `[text][ref]`. */
const BRACKETS = /(?<![\w\]\\!])\[([A-Z][^[\]\n]{0,119})\](?![([:])/g;

/** Status glyphs: "❌ TODO" in a status column is a state, not a blank. */
const STATUS = /[❌⬜☐🔲⏳✅✓✗✔✘🚧⭕]\uFE0F?\s*$/u;

/**
 * A test of whether a span of a line lies inside a double-quoted run ("…"
 * or “…”): a quotation, not the author's blank. Quote positions are indexed
 * once per line, so many matches on a long line stay cheap.
 */
function quotations(text: string): (column: number, length: number) => boolean {
  const straight: number[] = [];
  const open: number[] = [];
  const close: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') straight.push(i);
    else if (c === "“") open.push(i);
    else if (c === "”") close.push(i);
  }
  /** Number of positions in `list` below `at`. */
  const below = (list: number[], at: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (column, length) => {
    const end = column + length;
    const s = below(straight, column);
    if (s % 2 === 1 && below(straight, end) < straight.length) return true;
    const o = below(open, column);
    const c = below(close, column);
    const lastOpen = o > 0 ? open[o - 1] : -1;
    const lastClose = c > 0 ? close[c - 1] : -1;
    return lastOpen > lastClose && below(close, end) < close.length;
  };
}

/** A span of the document, 1-based lines and columns, end exclusive. */
interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/**
 * Inline tokens whose text is never a placeholder: links, images,
 * references and footnotes (micromark resolved them, so the brackets are
 * Markdown), and code, HTML, autolinks and math (not prose).
 */
const NOT_PROSE = new Set([
  "link",
  "image",
  "gfmFootnoteCall",
  "gfmFootnoteDefinitionLabel",
  "definition",
  "codeText",
  "htmlText",
  "autolink",
  "literalAutolink",
  "mathText",
]);
/** Flow tokens the model already masks; nothing inside them is walked. */
const SKIPPED = new Set(["codeFenced", "codeIndented", "htmlFlow", "mathFlow"]);

/**
 * Spans of links, images, references, footnotes, code spans, inline HTML,
 * autolinks and inline math in micromark's tokens, by line (walked without
 * recursion).
 */
export function nonProseSpans(tokens: readonly MicromarkToken[]): Map<number, Span[]> {
  const byLine = new Map<number, Span[]>();
  const stack: MicromarkToken[] = [...tokens];
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (SKIPPED.has(t.type)) continue;
    if (NOT_PROSE.has(t.type)) {
      for (let l = t.startLine; l <= t.endLine; l++) {
        const list = byLine.get(l);
        if (list) list.push(t);
        else byLine.set(l, [t]);
      }
      continue;
    }
    for (const c of t.children) stack.push(c);
  }
  return byLine;
}

/** Each line's spans ordered by where they start. */
function sortedSpans(byLine: Map<number, Span[]>): Map<number, Span[]> {
  for (const list of byLine.values()) list.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
  return byLine;
}

interface WordPatterns {
  /** The words, whole (not inside a longer word or identifier). */
  wordRe: RegExp;
  /** Any of the words anywhere: a quick rejection of most lines. */
  anyWord: RegExp;
}

/**
 * The placeholder words as a whole-word expression, and a bare alternation
 * that rejects the lines holding none of them first: most lines hold none,
 * and `matchAll` on every line cost more than the search itself.
 */
function wordPatterns(configured: readonly string[]): WordPatterns | null {
  const words = configured.filter((w) => w.trim() !== "");
  const alternatives = words.map(escapeRegExp).join("|");
  return words.length
    ? { wordRe: new RegExp(`(?<![\\p{L}\\p{N}_-])(${alternatives})(?![\\p{L}\\p{N}_-])`, "gu"), anyWord: new RegExp(alternatives, "u") }
    : null;
}

const inside = (span: Span, line: number, column: number) =>
  (line > span.startLine || (line === span.startLine && column >= span.startColumn)) &&
  (line < span.endLine || (line === span.endLine && column < span.endColumn));

export default defineRule<SC011Options>({
  id: "SC011",
  slug: "no-template-placeholders",
  description: "Template placeholders should be filled in",
  category: "templates",
  files: [
    ...KIND_FILES.prd,
    ...KIND_FILES.analysis,
    ...KIND_FILES.research,
    ...KIND_FILES.tasks,
    ...KIND_FILES.recovery,
  ],
  defaults: SC011Defaults,
  schema: {
    words: is.strings(),
    mentions: is.strings(),
    braces: is.boolean(),
    brackets: is.boolean(),
    allow: is.strings(),
  },
  run({ model, options, params, report }) {
    const { allow, mention, words } = fromOptions(options, "SC011", () => ({
      allow: new Set(options.allow),
      mention: new Set(options.mentions.map((m) => m.toLowerCase())),
      words: wordPatterns(options.words),
    }));
    let spans: Map<number, Span[]> | undefined;
    /** Whether a position lies in a non-prose span (spans do not overlap: binary search by start). */
    const notProse = (line: number, column: number) => {
      spans ??= sortedSpans(nonProseSpans(params.parsers?.micromark?.tokens ?? []));
      const list = spans.get(line);
      if (!list) return false;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const s = list[mid];
        if (s.startLine < line || (s.startLine === line && s.startColumn <= column)) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && inside(list[lo - 1], line, column);
    };

    const found: { column: number; text: string }[] = [];
    model.masked.forEach((text, i) => {
      const line = i + 1;
      // One list for all lines (most find nothing): emptied here, not allocated per line.
      if (found.length > 0) found.length = 0;
      if (words?.anyWord.test(text)) {
        for (const m of text.matchAll(words.wordRe)) {
          const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
          const before = text.slice(Math.max(0, m.index - 8), m.index);
          if (STATUS.test(before)) continue;
          if (/['‘`]$/.test(before) && /^['’`]/.test(after)) continue;
          const next = /^\s+([\p{L}]+)/u.exec(after);
          if (next && mention.has(next[1].toLowerCase())) continue;
          found.push({ column: m.index + 1, text: m[0] });
        }
      }
      if (options.braces && text.includes("{")) {
        for (const m of text.matchAll(BRACES)) if (m[1].length >= 2) found.push({ column: m.index + 1, text: m[0] });
      }
      if (options.brackets && text.includes("[")) {
        for (const m of text.matchAll(BRACKETS)) {
          if (!/\p{Ll}/u.test(m[1])) continue;
          found.push({ column: m.index + 1, text: m[0] });
        }
      }
      if (found.length === 0) return;
      found.sort((a, b) => a.column - b.column);
      const quoted = quotations(text);
      for (const f of found) {
        if (allow.has(f.text) || quoted(f.column - 1, f.text.length) || notProse(line, f.column)) continue;
        report({
          line,
          detail: `Expected: no template placeholder; Actual: "${f.text}"`,
          context: f.text,
          range: [f.column, f.text.length],
        });
      }
    });
  },
});
