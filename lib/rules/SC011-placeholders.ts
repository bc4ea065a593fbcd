/**
 * How SC011 reads a document (the rule: rules/SC011-no-template-placeholders.ts).
 */
import { partitionPoint } from "../core/search.js";
import { globMatcher, KIND_FILES } from "../core/files.js";
import { fromOptions } from "../core/memo.js";
import { escapeRegExp, optionRegExp } from "../core/regex.js";
import { underHeading } from "../text/headings.js";
import { SC011Defaults, type SC011Options } from "./SC011-options.js";
import type { DocumentModel, InlineSpan } from "../core/model.js";
import type { RuleContext } from "../core/rule.js";

/**
 * Words in braces: `{slug}`, `{count}`, `{other options}`, `{pros/cons}`,
 * `{Feature Name}`, `{Auto-generated from existing adapters}`, `{X/Y tasks}`;
 * not `${x}`, `{{x}}`, `\{x}`, `{a, b}`, `{"a": 1}` or braces joined to a
 * word (`\frac{a}{b}`, `{Adapter}Config`).
 */
const BRACES = /(?<![\w$#{}\\])\{([A-Za-z][^{}\n,;:=<>"`|\\]{0,118}?)\}(?![}\w])/g;
/** `[Feature Name]`, `[Yes/No]`; not `[ ]`, `[x]`, `[^1]`, `[!NOTE]`, `list[Item]`, `[text](url)`, `[text][ref]`. */
const BRACKETS = /(?<![\w\]\\!])\[([A-Z][^[\]\n]{0,119})\](?![([:])/g;
/** One word in braces with a dot is a name in code, not a blank: `{ParameterStyle.QMARK}`, `{user.name}`. */
const IDENTIFIER = /^[^\s]*\.[^\s]*$/;

/** A character class in brackets (`[A-Za-z0-9_.-]`), not words. */
const CHARACTER_CLASS = /^\^?(?:[A-Za-z0-9]-[A-Za-z0-9]|\\.|[_.$+*-])*[A-Za-z0-9]-[A-Za-z0-9](?:[A-Za-z0-9]-[A-Za-z0-9]|\\.|[_.$+*-])*$/;
/** Text before the workspace's own folder: "specs/active/", "specs/archive/". */
const WORKSPACE_SEGMENT = /(?:^|[\s(*_`])(?:\.\/)?specs\/[\w.-]+\/$/;
/**
 * What may come right before a placeholder standing as a value: the start
 * of the text (after a list marker, a quote marker, a task box or a heading
 * marker), a colon, a table divider, an opening parenthesis, an arrow or a
 * dash between spaces, then emphasis. A bracket after words or another
 * bracket is an annotation or a tag ("(Phase 4) [Critical path]", "T021 [P]
 * [Polish]").
 */
const VALUE_BEFORE = /(?:^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?|^[ \t]*#{1,6}[ \t]+|[:|(=→]|\s[-–—])[ \t]*[*_]*$/u;
const atValue = (text: string, index: number) => VALUE_BEFORE.test(text.slice(0, index));

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
  const below = (list: number[], at: number) => partitionPoint(list.length, (i) => list[i] < at);
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

/** Whether a position lies in one of a line's spans (ordered by start, not overlapping: binary search). */
function inSpans(list: readonly InlineSpan[], line: number, column: number): boolean {
  const after = partitionPoint(list.length, (i) => list[i].startLine < line || (list[i].startLine === line && list[i].startColumn <= column));
  if (after === 0) return false;
  const span = list[after - 1];
  return (
    (line > span.startLine || (line === span.startLine && column >= span.startColumn)) &&
    (line < span.endLine || (line === span.endLine && column < span.endColumn))
  );
}

const FENCE = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})(.*)$/;

/**
 * Lines of a fenced block that its author meant to run on: a ```markdown
 * example holding nested ```python fences is closed by the first nested
 * closing fence, and what follows up to the fence that balances the nesting
 * is still the author's example (a template shown, not one left unfilled).
 * Returns [first line, last line] ranges.
 */
export function overrunFences(model: DocumentModel): [number, number][] {
  const ranges: [number, number][] = [];
  const { lines } = model;
  for (const block of model.codeBlocks) {
    if (!block.fenced || !block.closed) continue;
    const open = FENCE.exec(lines[block.line - 1] ?? "");
    if (!open) continue;
    const char = open[1][0];
    const length = open[1].length;
    const step = (text: string): number => {
      const m = FENCE.exec(text);
      if (!m || m[1][0] !== char || m[1].length < length) return 0;
      return m[2].trim() === "" ? -1 : 1;
    };
    // The opening fence, the nested openings and closings inside, then the real closing fence.
    let depth = 1;
    for (const text of block.content) depth += step(text);
    depth -= 1;
    if (depth <= 0) continue;
    let end = lines.length;
    for (let l = block.endLine + 1; l <= lines.length; l++) {
      depth += step(lines[l - 1]);
      if (depth <= 0) {
        end = l;
        break;
      }
    }
    ranges.push([block.endLine + 1, end]);
  }
  return ranges;
}

/** Every document kind: guides too (generated pattern guides keep `{Auto-generated from …}` blanks). */
export const FILES = [
  ...KIND_FILES.prd,
  ...KIND_FILES.analysis,
  ...KIND_FILES.research,
  ...KIND_FILES.tasks,
  ...KIND_FILES.recovery,
  ...KIND_FILES.guide,
];

const isGuide = globMatcher(KIND_FILES.guide);

/**
 * The default markers as one expression, tested once per line before each
 * is searched (most lines hold none); configured markers are searched
 * one by one, on the linear-time engine.
 */
function anyOf(markers: readonly string[]): RegExp | undefined {
  const own = markers.every((m) => SC011Defaults.markers.includes(m));
  return own && markers.length > 1 ? new RegExp(markers.map((m) => `(?:${m})`).join("|"), "u") : undefined;
}

/** What SC011 builds from its options: the same for every file with one configuration. */
function setUp(options: SC011Options) {
  const headingWords = options.templateHeadings.filter((w) => w.trim() !== "").map((w) => escapeRegExp(w.trim()).replace(/\s+/g, "\\s+"));
  return {
    allow: new Set(options.allow),
    mention: new Set(options.mentions.map((m) => m.toLowerCase())),
    words: wordPatterns(options.words),
    labels: new Set(options.labels.map((l) => l.trim().replace(/\s+/g, " ").toLowerCase())),
    templateHeading: headingWords.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${headingWords.join("|")})(?![\\p{L}\\p{N}])`, "iu") : undefined,
    markers: options.markers.map((m) => optionRegExp(m, "gu", SC011Defaults.markers)),
    anyMarker: anyOf(options.markers),
  };
}

/** What SC011 checks in one document. */
export function checkPlaceholders({ model, options, params, report }: RuleContext<SC011Options>): void {
  const { allow, mention, words, labels, templateHeading, markers, anyMarker } = fromOptions(options, "SC011", () => setUp(options));
  // A guide describes the workflow: there "specs/active/{slug}/" is the layout, not this document's blank.
  const guide = isGuide(params.name);
  const isLabel = (inner: string) => labels.has(inner.trim().replace(/\s+/g, " ").toLowerCase());
  /** Whether a word after the placeholder (past emphasis) names it as a mention: "[Story] label", "{slug} placeholder". */
  const mentioned = (text: string, end: number) => {
    const next = /^[*_]*\s+([\p{L}]+)/u.exec(text.slice(end, end + 40));
    return next !== null && mention.has(next[1].toLowerCase());
  };
  // Texts the document writes in code somewhere ("## Format: `[ID] [P?] [Story?] Description`"): notation it defines.
  const notations = new Map<string, boolean>();
  const inCode = (real: string, masked: string, sought: string) => {
    for (let at = real.indexOf(sought); at >= 0; at = real.indexOf(sought, at + 1)) {
      if (masked[at] === " " && real[at] !== " ") return true;
    }
    return false;
  };
  const notation = (placeholder: string): boolean => {
    let known = notations.get(placeholder);
    if (known === undefined) {
      const optional = `${placeholder.slice(0, -1)}?]`;
      known = model.lines.some((real, l) => inCode(real, model.masked[l], placeholder) || inCode(real, model.masked[l], optional));
      notations.set(placeholder, known);
    }
    return known;
  };

  // Sections that hold templates on purpose, and fenced examples that ran on past their first closing fence; both on first use.
  const inTemplateSection = underHeading((s) => templateHeading?.test(s.title) ?? false);
  let overrun: [number, number][] | undefined;
  const inTemplate = (line: number) => {
    if (inTemplateSection(model.sectionAt(line))) return true;
    overrun ??= overrunFences(model);
    return overrun.some(([from, to]) => line >= from && line <= to);
  };

  const found: { column: number; text: string; marker?: boolean }[] = [];
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
        if (mentioned(text, m.index + m[0].length)) continue;
        found.push({ column: m.index + 1, text: m[0] });
      }
    }
    if (options.braces && text.includes("{")) {
      for (const m of text.matchAll(BRACES)) {
        const inner = m[1];
        if (inner.length < 2 || /\s$/.test(inner) || !/\p{Ll}/u.test(inner) || isLabel(inner)) continue;
        if (!/\s/.test(inner) && IDENTIFIER.test(inner)) continue;
        const end = m.index + m[0].length;
        // A MyST role ({doc}`page`) names a role, not a blank.
        if (model.lines[i][end] === "`") continue;
        // A parameter of a name or path ("ainews-{env}-records", "arn:aws:{region}:", "{name}.md") is a pattern, except,
        // outside guides, the workspace's own folder ("specs/active/{slug}/"), whose name the document knows.
        const joined = /[\w./:@=-]$/.test(text.slice(0, m.index)) || /^[\w/:@=-]|^\.\w/.test(text.slice(end, end + 2));
        if (joined && (guide || !WORKSPACE_SEGMENT.test(text.slice(0, m.index)) || !/^(?:\/|\s|$)/.test(text.slice(end)))) continue;
        if (!joined && !atValue(text, m.index)) continue;
        if (mentioned(text, end)) continue;
        found.push({ column: m.index + 1, text: m[0] });
      }
    }
    if (options.brackets && text.includes("[")) {
      for (const m of text.matchAll(BRACKETS)) {
        if (!/\p{Ll}/u.test(m[1]) || isLabel(m[1]) || CHARACTER_CLASS.test(m[1])) continue;
        if (!atValue(text, m.index) || mentioned(text, m.index + m[0].length) || notation(m[0])) continue;
        found.push({ column: m.index + 1, text: m[0] });
      }
    }
    // Markers are placeholders even quoted ("Input: "$ARGUMENTS"") or as a link's text.
    // exec, not matchAll: matchAll copies the expression on every call, and this runs for every line.
    const someMarker = anyMarker?.test(text) ?? true;
    for (const re of someMarker ? markers : []) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0] === "") {
          re.lastIndex++;
          continue;
        }
        if (mentioned(text, m.index + m[0].length)) continue;
        const start = m.index;
        const end = start + m[0].length;
        // The marker stands for a bracket or word found above at the same place.
        for (let k = found.length - 1; k >= 0; k--) {
          const f = found[k];
          if (f.column - 1 < end && start < f.column - 1 + f.text.length) found.splice(k, 1);
        }
        found.push({ column: start + 1, text: m[0], marker: true });
      }
    }
    if (found.length === 0 || inTemplate(line)) return;
    found.sort((a, b) => a.column - b.column);
    const quoted = quotations(text);
    const spans = model.inlineSpans(line);
    for (const f of found) {
      if (allow.has(f.text)) continue;
      if (!f.marker && (quoted(f.column - 1, f.text.length) || inSpans(spans, line, f.column))) continue;
      report({
        line,
        detail: `Expected: no template placeholder; Actual: "${f.text}"`,
        context: f.text,
        range: [f.column, f.text.length],
      });
    }
  });
}

