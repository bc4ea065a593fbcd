/**
 * How SC006 reads a document (the rule: rules/SC006-no-vague-phrasing.ts).
 */
import { CRITERIA_HEADINGS, criteriaSections } from "../text/criteria.js";
import { globMatcher } from "../core/files.js";
import { normalizeHeading } from "../text/headings.js";
import { fromOptions, textMemo } from "../core/memo.js";
import { type Check, is } from "../core/options.js";
import { blankQuoted, compilePatterns, dropOverlaps, inProperName, locate, matchPatterns, proseUnits, sentences, type ProseUnit, type Span } from "../text/prose.js";
import { phraseMatcher, type PhraseHit } from "../text/phrases.js";
import { compiledNow, fastWordStarts } from "../core/regex.js";
import { DEFAULT_SUGGESTION, SC006Defaults, type SC006Options } from "./SC006-options.js";
import type { DocumentModel, ListItem, Section, TextBlock } from "../core/model.js";
import type { RuleContext } from "../core/rule.js";

/** The default patterns, run on JavaScript's engine (they are this rule's own). */
const BUILT_IN_PATTERNS: ReadonlySet<string> = new Set(
  SC006Defaults.patterns.map((p) => (typeof p === "string" ? p : p.pattern)),
);

export const phraseItem = is.object({ phrase: nonEmpty(), suggestion: is.string(), unlessMeasured: is.boolean() }, ["phrase"]);
export const patternItem = is.object({ pattern: is.regex(), suggestion: is.string(), unlessMeasured: is.boolean() }, ["pattern"]);

export function nonEmpty(): Check {
  return (v) => (typeof v === "string" && /[\p{L}\p{N}]/u.test(v) ? undefined : `a phrase with a letter or digit; found ${JSON.stringify(v)}`);
}

/** A string, or an object checked by `object`. */
export function stringOr(string: Check, object: Check): Check {
  return (v) => (typeof v === "string" ? string(v) : object(v));
}

/** One searchable entry, phrase or pattern, with its resolved suggestion. */
interface Entry {
  label: string;
  suggestion: string;
  unlessMeasured: boolean;
}

const NUMBER_WORDS =
  "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million|billion|twice|half|single";
/**
 * What makes a sentence measured: a number that is not part of an identifier
 * ("AC1", "P0", "FR-2", "#123" are labels), a number word, a comparison sign,
 * a command option (`--dry-run`) or a file path (`tests/test_vite.py`), or a
 * requirement cited as the definition ("with correct hostname (FR-064)",
 * "per FR-083"): the cited requirement states the check.
 */
const MEASURE = new RegExp(
  fastWordStarts([
    "(?<![\\p{L}\\p{N}#_.]|[\\p{L}]-)\\d",
    `(?<![\\p{L}])(?:${NUMBER_WORDS})(?![\\p{L}])`,
    "(?<![\\p{L}])--?[a-z][\\w-]+",
    "(?<![\\w/])(?:\\.{1,2}|~)?\\/[\\w.-]*[\\w]",
    // Not from inside a run of [\w.-]: a match there implies one from the run's start (a run without "/" was read again from each character).
    "(?<![\\w.-])[\\w.-]+\\/[\\w.-]+\\/[\\w.-]*",
    "(?<![\\w.-])[\\w.-]+\\/[\\w-]+\\.[a-z]{1,5}\\b",
    "\\b(?:unchanged|no\\s+change|no\\s+changes|identical)\\b",
    "\\((?:see\\s+|per\\s+)?(?:FR|NFR|SC|REQ)-\\d+",
    "\\b(?:per|see|as\\s+in|defined\\s+in|as\\s+defined\\s+in)\\s+(?:FR|NFR|SC|REQ)-\\d+",
    "\\b[\\w-]+\\.(?:py|pyi|ts|tsx|js|jsx|mjs|json|toml|ya?ml|md|rst|html|css|sql|sh|txt|cfg|ini|lock)\\b",
  ].join("|")),
  "iu",
);

/** Whether a sentence states a measure (see MEASURE), a code span counting as a named artifact. */
export function isMeasured(masked: string, raw: string): boolean {
  return compiledNow(MEASURE).test(masked) || /`[^`]+`/.test(raw);
}

/** The sections (with subsections) whose text SC006 searches. */
function requirementSections(sections: readonly Section[], names: readonly string[]): Set<Section> {
  const include = new Set(names.filter((n) => !n.startsWith("!")).map(normalizeHeading));
  const exclude = new Set(names.filter((n) => n.startsWith("!")).map((n) => normalizeHeading(n.slice(1))));
  const chosen = new Set<Section>();
  const walk = (s: Section, inside: boolean) => {
    const here = exclude.has(s.key) ? false : inside || include.has(s.key);
    if (here && s.level > 0) chosen.add(s);
    for (const c of s.children) walk(c, here);
  };
  if (sections[0]) walk(sections[0], false);
  return chosen;
}

/** What SC006 builds from its options: the same for every file with one configuration. */
function setUp(options: SC006Options) {
  const phrases = options.phrases.map((p) => (typeof p === "string" ? { phrase: p } : p));
  const patterns = options.patterns.map((p) => (typeof p === "string" ? { pattern: p } : p));
  const entries: Entry[] = [
    ...phrases.map((p) => ({ label: p.phrase, suggestion: p.suggestion || DEFAULT_SUGGESTION, unlessMeasured: p.unlessMeasured ?? false })),
    ...patterns.map((p) => ({ label: p.pattern, suggestion: p.suggestion || DEFAULT_SUGGESTION, unlessMeasured: p.unlessMeasured ?? false })),
  ];
  return {
    phrases,
    entries,
    matchPhrases: phraseMatcher(phrases.map((p) => p.phrase)),
    // Configured patterns run on a linear-time engine; the defaults are this rule's own.
    compiled: compilePatterns(
      patterns.map((p) => p.pattern),
      BUILT_IN_PATTERNS,
    ),
    // What the phrases and patterns find in each text, for the editor's next lint of the document.
    found: textMemo<{ phrases: PhraseHit[]; patterns: [number, number, number, number][] }>(4096, 16_384, 262_144),
  };
}

/** What SC006 checks in one document. */
export function checkVagueness({ model, options, params, report }: RuleContext<SC006Options>): void {
  const chosen = requirementSections(model.sections, options.sections);
  const listed = requirementLists(model, options.sections);
  if (chosen.size === 0 && listed.size === 0) return;
  // SC003 judges a PRD's acceptance criteria, one finding per criterion.
  const owned = globMatcher(options.criteriaFiles)(params.name) ? criteriaSections(model, CRITERIA_HEADINGS) : [];
  const ownedBySC003 = (b: TextBlock) => owned.some((s) => b.line >= s.line && b.line <= s.endLine);
  const units = proseUnits(
    model,
    (b) => b.kind !== "heading" && (chosen.has(b.section) || inListed(b.listItem, listed)) && !ownedBySC003(b),
  );
  if (units.length === 0) return;

  const { phrases, entries, matchPhrases, compiled, found } = fromOptions(options, "SC006", () => setUp(options));

  // Quoted text is a mention ("the error reads "try again later""), not a requirement.
  const texts = units.map((u) => blankQuoted(u.text));
  const hits: { unit: number; start: number; end: number; entry: number }[] = [];
  // A bold label ("**Developer Experience**:") names a topic; the text after it states the requirement.
  // The label is left out of the phrase search only.
  const labels = units.map((u) => LEADING_LABEL.exec(u.raw)?.[0].length ?? 0);
  const inText = texts.map((text) => found.get(text, (t) => ({ phrases: matchPhrases(t), patterns: matchPatterns(compiled, [t]) })));
  texts.forEach((text, u) => {
    for (const h of inText[u].phrases) {
      // "React Fast Refresh" names a feature; it states no requirement.
      if (h.start >= labels[u] && !inProperName(text, h.start, h.end)) hits.push({ unit: u, start: h.start, end: h.end, entry: h.phrase });
    }
  });
  // A label that is itself a claim ("**Dev workflow works:**") is reported: patterns are predicates.
  inText.forEach(({ patterns }, u) => {
    for (const [, p, index, length] of patterns) hits.push({ unit: u, start: index, end: index + length, entry: phrases.length + p });
  });

  const byUnit = new Map<number, typeof hits>();
  for (const h of hits) {
    const list = byUnit.get(h.unit);
    if (list) list.push(h);
    else byUnit.set(h.unit, [h]);
  }
  for (const [u, unitHits] of [...byUnit].sort((a, b) => a[0] - b[0])) {
    const unit = units[u];
    const isMeasuredAt = measureOf(unit, model.masked, model.lines);
    for (const h of dropOverlaps(unitHits)) {
      const entry = entries[h.entry];
      if (entry.unlessMeasured && isMeasuredAt(h.start)) continue;
      if (pinnedDown(texts[u], h.start, h.end, matchPhrases)) continue;
      const at = locate(unit, h.start);
      const found = unit.text.slice(h.start, h.end).replace(/\s+/g, " ");
      report({
        line: at.line,
        detail: `Expected: ${entry.suggestion}; Actual: vague phrase "${found}"`,
        context: found,
        range: [at.column, Math.min(h.end, at.lineEnd) - h.start],
      });
    }
  }
}

/** A parenthesis right after a phrase that says what it means: "handled gracefully (ignored with a warning)". */
const PARENTHESIS_AFTER = /^\s*\(([^()]{3,200})\)/u;
/** Parentheses that only narrow the scope ("works (for React apps)") or give an example. */
const SCOPE_ONLY = /^\s*(?:e\.?g\.?|i\.?e\.?|for|in|on|with|when|if|where|such as|including|like|etc|optional|see|via|by)\b/iu;
/** Nouns after "simple" that make it the name of a form: "simple string form", "simple model strings". */
const SIMPLE_FORM = /^\s+(?:[\p{L}-]+\s+)?(?:strings?|forms?|types?|values?|keys?|mode|syntax|format|notation|shorthand)\b/iu;

/**
 * Whether the words around a vague phrase pin down what it means: a
 * parenthesis right after it that states behaviour and is not vague itself,
 * "simple" naming a form ("Simple string and object forms both work"), or
 * "works" after a round trip, a check that defines itself (output equals input).
 */
function pinnedDown(text: string, start: number, end: number, matchPhrases: (t: string) => { start: number }[]): boolean {
  const phrase = text.slice(start, end).toLowerCase();
  const paren = PARENTHESIS_AFTER.exec(text.slice(end, end + 210));
  if (paren && !SCOPE_ONLY.test(paren[1]) && (paren[1].match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).length >= 2 && matchPhrases(paren[1]).length === 0) return true;
  if (phrase === "simple" && SIMPLE_FORM.test(text.slice(end, end + 60))) return true;
  if (/^work/.test(phrase) && /round[- ]?trip(?:\s+[\p{L}-]+)?\s*$/iu.test(text.slice(Math.max(0, start - 40), start))) return true;
  return false;
}

/** A bold label at the start of a unit: "**Developer Experience**:", "[ ] **AC1:**". */
const LEADING_LABEL = /^(?:\[[ xX]\]\s+)?(?:\*\*|__)[^*_\n]{1,80}?(?::(?:\*\*|__)|(?:\*\*|__)\s*:)/;

/** Whether a list item is one of `listed` or nested in one. */
function inListed(item: ListItem | undefined, listed: ReadonlySet<ListItem>): boolean {
  for (let i = item; i; i = i.parent) if (listed.has(i)) return true;
  return false;
}

/**
 * Lists outside the requirement sections that a label makes requirement
 * text: the items after a paragraph "**Acceptance**:" or "Exit criteria:",
 * or nested under an item that is such a label (tasks.md writes them so).
 */
function requirementLists(model: DocumentModel, names: readonly string[]): Set<ListItem> {
  const keys = new Set(names.filter((n) => !n.startsWith("!")).map(normalizeHeading));
  const isRequirementLabel = (text: string) => /[:：]\s*$/.test(text.trim()) && keys.has(normalizeHeading(text.trim().replace(/[:：]\s*$/, "")));
  const out = new Set<ListItem>();
  let lead: TextBlock | undefined;
  for (const b of model.blocks) {
    if (b.kind === "heading") lead = undefined;
    else if (b.kind === "paragraph" && !b.listItem) lead = b;
    else if (b.listItem && b.listItem.depth === 0 && lead && isRequirementLabel(lead.text)) out.add(b.listItem);
  }
  for (const item of model.listItems) {
    if (item.children.length > 0 && isRequirementLabel(item.text.split("\n")[0])) for (const child of item.children) out.add(child);
  }
  return out;
}

/**
 * Whether a list item's nested items state a measure: they refine the item
 * ("Concurrent offloads handle locking correctly" / "- no deadlocks in 100
 * parallel runs"), as CONTRACT.md reads acceptance criteria.
 */
function refinedByMeasure(unit: ProseUnit, masked: readonly string[], raw: readonly string[]): boolean {
  const item = unit.block.listItem;
  if (!item || item.children.length === 0) return false;
  const from = item.children[0].line;
  const to = item.children[item.children.length - 1].endLine;
  return isMeasured(masked.slice(from - 1, to).join("\n"), raw.slice(from - 1, to).join("\n"));
}

/**
 * Whether the sentence holding an offset states a measure, or the list
 * item's nested items do; each sentence is judged once (a table row is one
 * sentence).
 */
function measureOf(unit: ProseUnit, masked: readonly string[], raw: readonly string[]): (offset: number) => boolean {
  const spans: Span[] = unit.kind === "row" ? [{ start: 0, end: unit.text.length }] : sentences(unit);
  const verdicts = new Map<Span, boolean>();
  let refined: boolean | undefined;
  let i = 0;
  return (offset: number) => {
    // Offsets come in increasing order: walk the sentences forward.
    if (i >= spans.length || offset < spans[i].start) i = 0;
    while (i < spans.length - 1 && offset >= spans[i].end) i++;
    const span = spans[i] ?? { start: 0, end: unit.text.length };
    let verdict = verdicts.get(span);
    if (verdict === undefined) {
      verdict = isMeasured(unit.text.slice(span.start, span.end), unit.raw.slice(span.start, span.end));
      verdicts.set(span, verdict);
    }
    return verdict || (refined ??= refinedByMeasure(unit, masked, raw));
  };
}
