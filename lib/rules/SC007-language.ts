/**
 * How SC007 reads a document (the rule: rules/SC007-no-marketing-language.ts).
 */
import { normalizeHeading, underHeading } from "../text/headings.js";
import { fromOptions } from "../core/memo.js";
import { type Check, is } from "../core/options.js";
import { atClauseStart, blankQuoted, compilePatterns, dropOverlaps, hasCode, inProperName, locate, matchPatterns, proseUnits, type ProseUnit } from "../text/prose.js";
import { phraseMatcher } from "../text/phrases.js";
import { escapeRegExp, fastWordStarts } from "../core/regex.js";
import { SC007Defaults, type SC007Options } from "./SC007-options.js";
import type { DocumentModel, TextBlock } from "../core/model.js";
import type { RuleContext } from "../core/rule.js";

/** The default patterns, run on JavaScript's engine (they are this rule's own). */
const BUILT_IN_PATTERNS: ReadonlySet<string> = new Set(Object.values(SC007Defaults.categories).flatMap((c) => c.patterns ?? []));

export const nonEmptyPhrase: Check = (v) =>
  typeof v === "string" && /[\p{L}\p{N}]/u.test(v) ? undefined : `a phrase with a letter or digit; found ${JSON.stringify(v)}`;
export const categoryCheck = is.object({
  phrases: is.arrayOf(nonEmptyPhrase, "phrases"),
  patterns: is.regexes(),
  suggestion: is.string(),
});
export const markersCheck: Check = (v) =>
  Array.isArray(v) && v.every((m) => typeof m === "string" && m.replace(/\uFE0F/g, "").trim() !== "")
    ? undefined
    : `an array of non-empty strings; found ${Array.isArray(v) ? "an array with an empty or non-string item" : JSON.stringify(v)}`;

/** Words that open a noun phrase without naming anything. */
const DETERMINERS = new Set(
  "the a an this that these those your our their its it them one some any each every both all no another other".split(" "),
);
/** Words between names that do not make a noun phrase ("MERGE vs INSERT", "Redis or Valkey"). */
const FUNCTION_WORDS = new Set("vs vs. versus or and over with without in on instead".split(" "));
/** Endings of common nouns (plurals, gerunds, abstract nouns) that are not product names. */
const COMMON_NOUN = /(?:[^su]s|ing|ion|ment|ness|ity|ly|ed|al|ure|ance|ence|ism|age)$/;

/**
 * Whether the words of a "Use Y for" object name a product or library: its
 * first word (after "the", "a" …) has a capital letter ("Redis", "DuckDB",
 * "the Rust backend"), or it is one bare lower-case name ("obstore",
 * "uvloop"); not a common noun phrase ("a buffer", "sentence case",
 * "appropriate Python types", "transactions", "UUIDs", "VPC peering": a plural
 * acronym or one before a common noun is a technique) nor an identifier (`snake_case`).
 */
export function namesProduct(object: string): boolean {
  const words = object
    .split(/\s+/)
    // Leading, then trailing wrappers (as one global replace would strip them); a trailing run starts where no wrapper precedes it.
    .map((w) => w.replace(/^[*_(["'“]+/, "").replace(/(?<![*_)\]"'”])[*_)\]"'”]+$/, ""))
    .filter(Boolean);
  let i = 0;
  while (i < words.length && DETERMINERS.has(words[i].toLowerCase())) i++;
  const rest = words.slice(i);
  if (rest.length === 0 || rest.some((w) => w.includes("_") || w.startsWith("-"))) return false;
  // A plural acronym or an acronym before a common noun names a technique, not a product ("UUIDs", "VPC peering").
  if (/^\p{Lu}{2,}s$/u.test(rest[0])) return false;
  if (/^\p{Lu}{2,}$/u.test(rest[0]) && rest.length > 1 && /^\p{Ll}/u.test(rest[1]) && !FUNCTION_WORDS.has(rest[1].toLowerCase())) return false;
  if (/\p{Lu}/u.test(rest[0])) return true;
  return i === 0 && rest.length === 1 && /^[\p{Ll}\p{N}-]{3,}$/u.test(rest[0]) && !COMMON_NOUN.test(rest[0]);
}

/** "Use Y for", "Don't use Y for", "Choose Y for": group 1 is Y. */
const USE_FOR = new RegExp(
  fastWordStarts(`\\b(?:(?:don't|don’t|do\\s+not|never|always|only)\\s+)?(?:use|choose|pick)\\s([^\\s.,;:!?][^.,;:!?\\n]{0,60}?)\\s{1,2}for(?=\\s+\\p{L})`),
  "dgiu",
);
/** "For analytics, use DuckDB": group 1 is what follows the verb. */
const FOR_USE = new RegExp(
  fastWordStarts(`\\bfor\\s+[^,.;:!?\\n]{1,50},\\s*(?:use|choose|pick|prefer)\\s([^\\s.,;:!?([][^.,;:!?\\n]{0,40})(?=[.,;:!?]|$)`),
  "dgiu",
);
/**
 * "When to use Obstore", "When not to choose Y": group 1 is Y (absent for a
 * bare "When to use" label). An identifier is taken whole (`oracle_query`,
 * not "oracle"); emphasis ends it.
 */
const WHEN_TO = new RegExp(
  fastWordStarts(String.raw`\bwhen\s+(?:not\s+)?to\s+(?:use|choose|pick)\b(?:\s([^\s.,;:!?*_](?:[^.,;:!?*_\n]|_(?=\w)){0,40}))?`),
  "dgiu",
);
/** "Use Cloud SQL connectors when:", "**Use HNSW when**": group 1 is Y. */
const USE_WHEN = new RegExp(fastWordStarts(String.raw`\buse\s([^\s.,;:!?][^.,;:!?\n]{0,60}?)\s+(?:when|whenever|if|unless)\b`), "dgiu");
/** Words that end the object of "For …, use Y". */
const OBJECT_END = /\s(?:to|for|with|in|on|and|or|instead|when|if|because|as|so|over|than)\b[\s\S]*$/iu;

interface Hit {
  start: number;
  end: number;
  category: string;
  suggestion: string;
}

/** A troubleshooting answer: "**Solution**:", "Fix:", "Workaround:". */
const FIX_LABEL = /^[\s*_]*(?:solutions?|fix|fixes|workaround|resolution|remedy)[*_]*\s*:/iu;
/** Headings of writing or coding rules, where ✅/❌ mark do and don't ("Documentation Style Guide", "Do's and Don'ts"). */
const WRITING_RULES = /\b(?:style guide|code style|coding style|conventions?|standards?|guidelines|do'?s and don'?ts)\b/iu;
/** "**When to use**:" or "Purpose:" opening a unit: in conventions, the pattern's purpose, not a use-case prescription. */
const PURPOSE_LABEL = /^[\s*_]*(?:when to use(?: it)?|use when|purpose)[*_]*\s*:/iu;
const VERDICT_SUGGESTION = "✅/❌ only on code examples, not as a verdict on a product or use case";
const PRESCRIPTION_SUGGESTION = "what it does and its limits, not when to choose it";

/** What SC007 builds from its options: the same for every file with one configuration. */
function setUp(options: SC007Options) {
  const categories = Object.entries(options.categories);
  const phraseOwners = categories.flatMap(([category, spec]) =>
    (spec.phrases ?? []).map((phrase) => ({ phrase, category, suggestion: spec.suggestion || `no ${category} language` })),
  );
  const sources: { source: string; category: string; suggestion: string }[] = [];
  for (const [category, spec] of categories) {
    for (const source of spec.patterns ?? []) sources.push({ source, category, suggestion: spec.suggestion || `no ${category} language` });
  }
  const markers = [...new Set(options.markers.map((m) => m.replace(/\uFE0F/g, "")))];
  return {
    phraseOwners,
    matchPhrases: phraseMatcher(phraseOwners.map((p) => p.phrase)),
    sources,
    compiled: compilePatterns(
      sources.map((s) => s.source),
      BUILT_IN_PATTERNS,
    ),
    markerRe: markers.length > 0 ? new RegExp(`(?:${markers.map(escapeRegExp).join("|")})\\uFE0F?`, "gu") : undefined,
    convention: wordsRegExp(options.conventions),
  };
}

/** What SC007 checks in one document. */
export function checkLanguage({ model, options, report }: RuleContext<SC007Options>): void {
  const units = proseUnits(model, () => true);
  if (units.length === 0) return;
  const texts = units.map((u) => blankQuoted(u.text));
  const hits: Hit[][] = units.map(() => []);
  const { phraseOwners, matchPhrases, sources, compiled, markerRe, convention } = fromOptions(options, "SC007", () => setUp(options));

  // Names the body writes mid-sentence ("Great Expectations", "Better Auth"): a heading's Title Case is no name.
  const phraseHits = texts.map((text) => matchPhrases(text));
  const names = new Set<string>();
  phraseHits.forEach((list, u) => {
    for (const h of list) if (bodyName(units[u], texts[u], h.start, h.end)) names.add(nameAt(texts[u], h.start, h.end));
  });

  // Phrases (escaped literals, all categories in one expression).
  phraseHits.forEach((list, u) => {
    const text = texts[u];
    for (const h of list) {
      if (isName(units[u], text, h.start, h.end, names)) continue;
      if (parameterEffect(text, h.start, h.end)) continue; // "higher = better recall"
      const owner = phraseOwners[h.phrase];
      hits[u].push({ start: h.start, end: h.end, category: owner.category, suggestion: owner.suggestion });
    }
  });

  // Patterns: configured ones run on a linear-time engine; the defaults are this rule's own.
  for (const [u, p, index, length] of matchPatterns(compiled, texts)) {
    hits[u].push({ start: index, end: index + length, category: sources[p].category, suggestion: sources[p].suggestion });
  }

  if (options.names) {
    const suggestion = options.categories.prescription?.suggestion || PRESCRIPTION_SUGGESTION;
    const codeStarts = new Set(model.codeBlocks.map((c) => c.line));
    texts.forEach((text, u) => {
      for (const span of namedPrescriptions(units[u], text, model.lines, codeStarts)) hits[u].push({ ...span, category: "prescription", suggestion });
    });
  }

  if (markerRe) {
    const codeStarts = new Set(model.codeBlocks.map((c) => c.line));
    const labels = listLabels(model);
    units.forEach((unit, u) => {
      for (const span of verdictMarkers(unit, texts[u], markerRe, model.lines, codeStarts, labels)) {
        hits[u].push({ ...span, category: "verdict marker", suggestion: VERDICT_SUGGESTION });
      }
    });
  }

  // Coding conventions: "Use Y for …" and "When to use" there instruct contributors.
  const inConventions = underHeading((s) => convention?.test(s.title) ?? false);
  // A style guide's ✅/❌ mark the right and wrong way to write, as they do on code.
  const inWritingRules = underHeading((s) => WRITING_RULES.test(s.title));
  // The project's own plans ("Next Steps", "Roadmap") are tasks, not advice to the reader.
  const planKeys = fromOptions(options, "SC007.plans", () => new Set(options.plans.map(normalizeHeading)));
  const inPlans = underHeading((s) => planKeys.has(s.key));

  const matchAllowed = phraseMatcher(options.allow);
  units.forEach((unit, u) => {
    const allowSpans = matchAllowed(texts[u]);
    // A fix for a reported problem ("**Solution**: … Use TEXT for maximum compatibility.") is no use-case prescription either.
    // In conventions, ✅/❌ mark the right and wrong way to write, as on code, and a "When to use" line states the pattern's purpose.
    const conventions = inConventions(unit.block.section);
    const instructs = (category: string, found: string) =>
      (category === "prescription" && (conventions || FIX_LABEL.test(texts[u]))) ||
      // "Option A (Preferred)" in conventions prefers a way to code, not a product.
      (category === "recommendation" && conventions && /^prefer/i.test(found)) ||
      (conventions && PURPOSE_LABEL.test(texts[u])) ||
      (category === "verdict marker" && inWritingRules(unit.block.section));
    if (inPlans(unit.block.section)) return;
    const kept = hits[u].filter((h) => !allowSpans.some((a) => h.start >= a.start && h.end <= a.end) && !instructs(h.category, texts[u].slice(h.start, h.end)));
    for (const h of dropOverlaps(kept)) {
      const at = locate(unit, h.start);
      const found = unit.text.slice(h.start, h.end).replace(/\s+/g, " ").trim();
      report({
        line: at.line,
        detail: `Expected: ${h.suggestion}; Actual: ${h.category} "${found}"`,
        context: found,
        range: [at.column, Math.min(h.end, at.lineEnd) - h.start],
      });
    }
  });
}

/**
 * "Use Redis for …", "Choose Y for …", "When to use Obstore", "For
 * analytics, use DuckDB.", "Use HNSW when …": a product named in prose (see
 * namesProduct) for a use case; and a bare "When to use" label. `text` is
 * the unit's search text (quoted literals blanked).
 *
 * A sentence that introduces the example below it ("Use the Spanner session
 * store for Litestar applications:" right before a code block) shows how,
 * it does not choose.
 */
function namedPrescriptions(unit: ProseUnit, text: string, lines: readonly string[], codeStarts: ReadonlySet<number>): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const add = (start: number, objectStart: number, object: string, end: number) => {
    if (isPlain(unit, text, objectStart, objectStart + object.length) && namesProduct(object)) spans.push({ start, end });
  };
  const introducesExample =
    unit.kind === "paragraph" && /:\s*$/.test(text) && /^\p{L}/u.test(text) && beforeExample(lines, unit.block.endLine, codeStarts, false);
  for (const m of text.matchAll(USE_FOR)) {
    // "Choose X when you need … for", "Use X to build … for": a condition or a purpose, read by the other checks.
    if (!atClauseStart(text, m.index) || /\b(?:when|whenever|if|unless|because|to)\b/iu.test(m[1])) continue;
    if (introducesExample && m.index === 0) continue;
    add(m.index, m.indices![1][0], m[1], m.index + m[0].length);
  }
  for (const m of text.matchAll(USE_WHEN)) {
    if (!atClauseStart(text, m.index) || /\b(?:for|to)\b/iu.test(m[1])) continue;
    add(m.index, m.indices![1][0], m[1], m.index + m[0].length);
  }
  for (const m of text.matchAll(WHEN_TO)) {
    if (m[1] === undefined) {
      // A bare "When to use" label over the use cases that follow (not a table header or a sentence about them).
      const label = /^[\s*_]*$/.test(text.slice(0, m.index)) && /^[\s*_]*(?::|$)/.test(text.slice(m.index + m[0].length));
      if (unit.kind !== "row" && label) spans.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    const object = m[1].replace(OBJECT_END, "");
    add(m.index, m.indices![1][0], object, m.indices![1][0] + object.length);
  }
  for (const m of text.matchAll(FOR_USE)) {
    // "For analytics, use DuckDB." names a product for a use case; "For SQLite, use X without Y" or "…, use X to …" instructs.
    const object = m[1].trimEnd();
    if (!atClauseStart(text, m.index) || OBJECT_END.test(object) || object.split(/\s+/).length > 3) continue;
    add(m.index, m.indices![1][0], object, m.indices![1][0] + object.length);
  }
  return spans;
}

/** The label over each list item: its parent item's text, or the paragraph or heading before its list. */
function listLabels(model: DocumentModel): (block: TextBlock) => string {
  let labels: Map<TextBlock, string> | undefined;
  return (block) => {
    if (!labels) {
      labels = new Map();
      let label = "";
      for (const b of model.blocks) {
        if (b.listItem === undefined) label = b.text;
        else labels.set(b, b.listItem.parent ? b.listItem.parent.text : label);
      }
    }
    return labels.get(block) ?? "";
  };
}

/** A label over a checklist or a change log, whose ✅ are ticks ("What Changed", "What Stayed the Same", "Requirements"). */
const TICK_LABEL =
  /\b(?:changed|changes|changelog|unchanged|stayed|the\s+same|preserved|completed?|done|finished|fixed|resolved|implemented|migrated|delivered|shipped|status|progress|checklist|requirements?|prerequisites|verified|verification|tested|results?)\b/iu;
/** A state right after a marker ("✅ Complete", "**Status**: ✅ Done"): a status, not a verdict. */
const STATUS_WORD =
  /^\s*[*_]*(?:complete|completed|done|current|implemented|fixed|passing|passed|unchanged|preserved|migrated|resolved|verified|finished|merged|shipped|released|installed|configured|enabled)\b(?![-‐‑])/iu;

/**
 * ✅/❌ used as a verdict: not in a table row (a yes/no cell), not on a unit
 * right before a code block or a quoted example ("✅ Correct:"), not as a
 * correctness label ("❌ **Bad:**", "### ✅ DO"), not right before the code
 * it marks ("- ✅ `select_to_arrow()` returns …"; code elsewhere on the line
 * does not excuse the verdict), not as a tick in a checklist or a change log
 * ("**What Changed**:" "- ✅ SQL syntax unchanged") and not on a status ("✅
 * Complete").
 */
function verdictMarkers(
  unit: ProseUnit,
  text: string,
  markerRe: RegExp,
  lines: readonly string[],
  codeStarts: ReadonlySet<number>,
  labelOf: (block: TextBlock) => string,
): { start: number; end: number }[] {
  if (unit.kind === "row" || beforeExample(lines, unit.block.endLine, codeStarts)) return [];
  const spans: { start: number; end: number }[] = [];
  let ticks: boolean | undefined; // the block's label, read once for all its markers
  for (const m of text.matchAll(markerRe)) {
    const after = text.slice(m.index + m[0].length);
    if (CORRECTNESS_LABEL.test(after) || STATUS_WORD.test(after)) continue;
    if (marksExample(unit, text, m.index + m[0].length)) continue;
    if (unit.block.listItem && (ticks ??= TICK_LABEL.test(labelOf(unit.block)))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * Whether a name-like match is a name: capitalised and not opening a clause
 * ("Great Expectations", "Better Auth"). In a heading, whose Title Case
 * capitalises every word, and right after "(" ("(Recommended)"), it is a
 * name only when the body writes the same words as a name mid-sentence;
 * where the body does, they are a name anywhere ("## Great Expectations
 * Setup").
 */
function isName(unit: ProseUnit, text: string, start: number, end: number, names: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
  if (names.has(nameAt(text, start, end))) return true;
  return bodyName(unit, text, start, end);
}

/** A name by its own line: capitalised mid-sentence in a paragraph, list item or cell, not right after "(". */
function bodyName(unit: ProseUnit, text: string, start: number, end: number): boolean {
  return unit.kind !== "heading" && inProperName(text, start, end) && !/\(\s*[*_]*$/.test(text.slice(Math.max(0, start - 4), start));
}

/** A match with the word after it, lower-cased: the key of a name ("better auth"). */
function nameAt(text: string, start: number, end: number): string {
  const next = /^\s+([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(text.slice(end, end + 40))?.[1] ?? "";
  return `${text.slice(start, end)} ${next}`.toLowerCase().replace(/\s+/g, " ").trim();
}

/** "higher = better recall", "Lower values give worse recall": the effect of a parameter, not praise. */
const EFFECT_BEFORE =
  /\b(?:higher|lower|larger|smaller|bigger|greater|more|less|fewer|increasing|decreasing|raising|lowering)\b[^.;,!?\n]{0,25}?(?:=|→|->|⇒|\bmeans|\bgives?|\byields?)\s*$/iu;
function parameterEffect(text: string, start: number, end: number): boolean {
  return /^(?:better|worse)$/iu.test(text.slice(start, end)) && EFFECT_BEFORE.test(text.slice(Math.max(0, start - 60), start));
}

/** Case-insensitive whole words or phrases, as one expression (undefined for none). */
function wordsRegExp(words: readonly string[]): RegExp | undefined {
  const bodies = words
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => escapeRegExp(w).replace(/\s+/g, "\\s+").replace(/'/g, "['’]"));
  return bodies.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'’])(?:${bodies.join("|")})(?![\\p{L}\\p{N}'’])`, "iu") : undefined;
}

/** Whether a span holds neither code nor a quoted literal (blanked in the search text). */
function isPlain(unit: ProseUnit, text: string, start: number, end: number): boolean {
  return !hasCode(unit, start, end) && text.slice(start, end) === unit.text.slice(start, end);
}

/**
 * Whether the marker ending at `offset` stands right before a code span or a
 * quoted example (blanked in `text`), past emphasis and a short label
 * ("✅ `select()` returns …", "✅ **DDL changes**: "The migration adds an index"").
 */
/**
 * What may follow a marker on its line before the example: emphasis, spaces and a short label with a colon.
 * Matched in place (sticky), never past the line's end: splitting off the rest of the text for each marker
 * read a line of many markers again for each (20,000 markers in a list item took 1.7 s).
 */
const EXAMPLE_LEAD = /(?:[^\S\n]|[*_])*(?:[^\s:*_`"“][^:\n`"“]{0,40}?[*_]*:(?:[^\S\n]|[*_])*)?/uy;

function marksExample(unit: ProseUnit, text: string, offset: number): boolean {
  // Read on the real text: code spans and quotations are blanked in `text`.
  EXAMPLE_LEAD.lastIndex = offset;
  const i = offset + EXAMPLE_LEAD.exec(unit.raw)![0].length;
  return i < text.length && text[i] === " " && /[`"“]/.test(unit.raw[i]);
}

/** A correctness label right after a marker, with nothing but punctuation after it ("Good:", "DON'T", "Bad - Documentation:"). */
const CORRECTNESS_LABEL =
  /^\s*[*_]*(?:good|bad|correct|incorrect|wrong|right|do|don't|don’t|do not|yes|no|valid|invalid|safe|unsafe|before|after|pass|fail|ok|okay)(?=[*_]*(?:\s*$|\s*[:(]|\s+[-–—]\s|[*_]+\s*:?\s*$))/iu;

/** An example after a label: a block quote, or a list item opening with a quote or a code span ("- NOT: "awesome""). */
const EXAMPLE_LINE = /^\s*(?:>|(?:[-*+]|\d{1,3}[.)])\s+(?:[*_]{0,2}[\p{L}' ]{1,20}:[*_]{0,2}\s*)?["“`])/u;

/** Whether the next non-blank line after `line` opens a code block (or, with `quoted`, a quoted example). */
function beforeExample(lines: readonly string[], line: number, codeStarts: ReadonlySet<number>, quoted = true): boolean {
  for (let l = line + 1; l <= lines.length; l++) {
    if (lines[l - 1].trim() === "") continue;
    return codeStarts.has(l) || (quoted && EXAMPLE_LINE.test(lines[l - 1]));
  }
  return false;
}
