/**
 * How SC012 reads a document (the rule: rules/SC012-required-sections.ts).
 */
import { detached } from "../core/detach.js";
import { textMemo } from "../core/memo.js";
import { partitionPoint } from "../core/search.js";
import { globMatcher } from "../core/files.js";
import { normalizeHeading } from "../text/headings.js";
import { headingWords, similarityTo } from "./SC012-nearest.js";
import { type Check, is } from "../core/options.js";
import { contentWords, holds, nameForms } from "./SC012-section-match.js";
import { SC012Defaults, type SC012Options } from "./SC012-options.js";
import type { Section } from "../core/model.js";
import type { RuleContext } from "../core/rule.js";

const headingList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string" && x.trim() !== "");
const requiredObject = is.object({ name: (v) => (typeof v === "string" && v.trim() !== "" ? undefined : `a heading; found ${JSON.stringify(v)}`), alternatives: (v) => (headingList(v) ? undefined : "an array of headings"), onlyIf: is.oneOf("code", "unfinished"), unless: (v) => (headingList(v) ? undefined : "an array of headings") }, ["name"]);
const requiredCheck: Check = (v) =>
  typeof v === "string" && v.trim() !== ""
    ? undefined
    : Array.isArray(v) && v.length > 0 && headingList(v)
      ? undefined
      : v !== null && typeof v === "object" && !Array.isArray(v)
        ? requiredObject(v)
        : `a heading, a non-empty array of alternative headings or { name, alternatives?, onlyIf?, unless? }; found ${Array.isArray(v) ? "an array" : JSON.stringify(v)}`;

/** A line near the top that says the work is done: "**Status**: Complete", "Phase: ✅ DONE". */
const COMPLETE = /^[\s>*_-]*(?:status|phase|state)[*_]*\s*:\s*[*_]*\s*(?:✅\s*)?(?:complete|completed|done|finished|merged|shipped)\b(?!.*\b(?:ready|next|pending|in progress)\b)/i;

export const entryCheck = is.object(
  { files: is.globs(), sections: is.arrayOf(requiredCheck, "headings"), order: is.boolean(), minPresent: is.integer(0) },
  ["files", "sections"],
);

/** An object whose values are arrays of non-empty strings (section name → names). */
export const namesBySection: Check = (v) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `an object of section name → array of headings; found ${Array.isArray(v) ? "an array" : JSON.stringify(v)}`;
  for (const [k, list] of Object.entries(v)) {
    if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && x.trim() !== "")) return `an object of section name → array of headings; "${k}" is not an array of headings`;
  }
  return undefined;
};

/** An ATX heading whose text is one code span. */
const CODE_HEADING = /^\s{0,3}#{1,6}\s+`[^`]+`\s*#*\s*$/;

/** Words a paragraph of a parent section needs to hold a folded section. */
const FOLDED_WORDS = 20;

/** A list of names by section name, the defaults with the configured entries over them (keys matched as headings). */
function merged(defaults: Record<string, string[]>, configured: Record<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(defaults)) out.set([...contentWords(k)].join(" "), v);
  if (configured !== defaults) for (const [k, v] of Object.entries(configured)) out.set([...contentWords(k)].join(" "), v);
  return out;
}

/** Indices (into `lines`) of a longest strictly increasing subsequence. */
function longestIncreasing(lines: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(lines.length).fill(-1);
  for (let i = 0; i < lines.length; i++) {
    const at = partitionPoint(tails.length, (k) => lines[tails[k]] < lines[i]);
    if (at > 0) previous[i] = tails[at - 1];
    tails[at] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

/**
 * Which heading answered each list of names, for the last 8 sets of
 * headings (by level and title; a set of over 64 K characters is not kept).
 */
const finds = textMemo<Map<string, number>>(8, 64 * 1024, 8 * 64 * 1024);

function rememberedFinds(headings: readonly Section[], similarity: number): Map<string, number> {
  return finds.get(`${similarity}\n${headings.map((h) => `${h.level} ${h.title}`).join("\n")}`, () => new Map());
}

/** What SC012 checks in one document. */
export function checkSections({ model, options, params, report }: RuleContext<SC012Options>): void {
  const entry = options.documents.find((d) => globMatcher(d.files)(params.name));
  if (!entry) return;
  const aliases = merged(SC012Defaults.aliases, options.aliases);
  const within = merged(SC012Defaults.within, options.within);
  // A heading that is only code (`src/app/app.component.ts`) names a file, not a section;
  // the title of a document with one top-level heading ("PRD: Fence verification") names the document.
  const titles = model.sections.filter((s) => s.level === 1);
  const title = titles.length === 1 ? titles[0] : undefined;
  const headings: Section[] = model.sections.filter((s) => s.level > 0 && s !== title && !CODE_HEADING.test(model.lines[s.line - 1] ?? ""));
  // A document written as one list ("- Planning" over its tasks) has its phases as items.
  if (headings.length === 0) {
    for (const item of model.listItems) {
      const text = item.text.split("\n")[0];
      if (item.depth === 0 && item.children.length > 0 && text.split(/\s+/).length <= 8) {
        headings.push({ ...item.section, level: 2, title: text, key: normalizeHeading(text), line: item.line, children: [] } as Section);
      }
    }
  }
  const key = (name: string) => [...contentWords(name)].join(" ");
  // Each name is normalised once per file, each heading's words split once, on first need (a design has hundreds of headings).
  const similarity = new Map<string, ReturnType<typeof similarityTo>>();
  const similar = (name: string) => similarity.get(name) ?? similarity.set(name, similarityTo(name)).get(name)!;
  let words: { content: Set<string>; key: ReturnType<typeof headingWords> }[] | undefined;
  const wordsOf = (i: number) => (words ??= headings.map((h) => ({ content: contentWords(h.title), key: headingWords(h.key) })))[i];
  // The answers depend only on the headings' levels and titles: remembered for the editor, which re-lints after each edit.
  const answers = rememberedFinds(headings, options.similarity);
  /** The first, shallowest heading that holds a section by its names, or undefined. */
  const find = (names: readonly string[]): Section | undefined => {
    const asked = names.join("\n");
    const known = answers.get(asked);
    if (known !== undefined) return headings[known];
    const forms = names.flatMap(nameForms);
    let best = -1;
    for (const [i, h] of headings.entries()) {
      // Only a shallower heading can take the place of one found: the others are not compared.
      if (best >= 0 && h.level >= headings[best].level) continue;
      const held =
        holds(wordsOf(i).content, forms) || (options.similarity < 1 && names.some((n) => similar(n)(h.key, wordsOf(i).key, options.similarity)));
      if (held) best = i;
    }
    answers.set(detached(asked), best);
    return headings[best];
  };
  // Line by line, anchored at each line's start only (a multiline flag would take U+2028 for a line start too).
  const complete = model.lines.slice(0, 20).some((line) => COMPLETE.test(line));
  const needed = entry.sections.filter(
    (r) =>
      typeof r !== "object" ||
      Array.isArray(r) ||
      ((!r.onlyIf || (r.onlyIf === "code" ? model.codeBlocks.length > 0 : !complete)) && !(r.unless ?? []).some((u) => find([u]))),
  );
  const required = needed.map((r) => {
    const names = typeof r === "string" ? [r] : Array.isArray(r) ? r : [r.name, ...(r.alternatives ?? [])];
    const all = [...names, ...names.flatMap((n) => aliases.get(key(n)) ?? [])];
    // The section's own names first: a heading that names it beats one that names an alias (for the order check).
    return { name: names[0], section: find(names) ?? find(all) };
  });
  // Each required section once, even when listed twice.
  const unique = required.filter((r, i) => required.findIndex((o) => key(o.name) === key(r.name)) === i);
  /** Whether a section named `name` (its own name, not an alias) holds prose in its own part: a folded section's text. */
  const holdsProse = (name: string) => {
    const parent = find([name]);
    if (!parent) return false;
    const ownEnd = parent.children[0]?.line ?? parent.endLine + 1;
    return model.blocks.some((b) => b.kind === "paragraph" && !b.listItem && !b.inQuote && b.line > parent.line && b.line < ownEnd && b.words >= FOLDED_WORDS);
  };

  // Too few of the listed sections: the document follows another structure.
  const tooFew = unique.filter((r) => r.section).length < (entry.minPresent ?? 0);
  for (const r of unique) {
    if (r.section || tooFew) continue;
    // Folded into a parent section that says it in prose.
    if ((within.get(key(r.name)) ?? []).some(holdsProse)) continue;
    report({ line: 1, detail: `Expected: a section "${r.name}"; Actual: none` });
  }

  if (!entry.order) return;
  const found = unique.filter((r) => r.section);
  const lines = found.map((r) => r.section!.line);
  const inOrder = longestIncreasing(lines);
  for (let i = 0; i < found.length; i++) {
    if (inOrder.has(i)) continue;
    const s = found[i].section!;
    // A kept section that should come before this one but comes after it, else one that should come after but comes before.
    let detail: string | undefined;
    for (let j = i - 1; j >= 0 && !detail; j--) {
      if (inOrder.has(j) && lines[j] > lines[i]) detail = `Expected: after "${found[j].name}"; Actual: before it`;
    }
    for (let j = i + 1; j < found.length && !detail; j++) {
      if (inOrder.has(j) && lines[j] < lines[i]) detail = `Expected: before "${found[j].name}"; Actual: after it`;
    }
    report({ line: s.line, detail: `Section "${s.title}": ${detail ?? "Expected: the listed order; Actual: out of order"}`, context: model.lines[s.line - 1] });
  }
}

