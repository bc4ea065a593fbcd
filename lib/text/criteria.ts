/**
 * Acceptance criteria, as the contract defines them: the items of the
 * acceptance criteria section (or its subsections). Pure helpers over the
 * document model, shared by SC002 (count), SC003 (measurable), SC006 (which
 * leaves PRD criteria to SC003), SC010 and the scorecard.
 *
 * - The section: the first of the configured headings that the document
 *   holds ("Acceptance Criteria", else "Success Criteria", "Definition of
 *   Done", "Exit Criteria"), matched as headings are (case, numbering, a
 *   trailing parenthetical and emoji ignored). Every section with that
 *   heading counts, subsections included.
 * - A criterion is a top-level list item, a table body row, or a
 *   Given/When/Then scenario (a run of list items, or a gherkin block; one
 *   `Scenario:` each).
 * - A list item that only labels a group ("Functional:", "**Performance**",
 *   a numbered bold label over sub-items) is no criterion; its nested items
 *   are. An item whose nested items refine it is one criterion.
 * - Lists and subsections that say what is not a criterion ("Won't Have",
 *   "Out of Scope", "Error scenarios:") are left out.
 */
import { normalizeHeading } from "./headings.js";
import type { CodeBlock, DocumentModel, ListItem, Section, TextBlock } from "../core/model.js";

/** One acceptance criterion. */
export interface Criterion {
  kind: "item" | "row" | "scenario";
  /** First line (findings go here) and last line. */
  line: number;
  endLine: number;
  /** The criterion's own text (a row: its cells joined by " | "; a scenario: its steps, one a line). */
  text: string;
  /** For an item: the nested items that refine it (leaves of a nested list), else empty. */
  refinements: ListItem[];
  /** The list item, when the criterion is one. */
  item?: ListItem;
  /** The labels an item sits under ("Both files cover:"), which its text completes. */
  context?: string;
  /** The gherkin block a scenario is written in (its steps are prose, not code). */
  block?: CodeBlock;
}

/** Headings of the sections that hold no criteria even inside a criteria section. */
export const NOT_CRITERIA = [
  "Won't Have",
  "Wont Have",
  "Will Not Have",
  "Out of Scope",
  "Non-Goals",
  "Not Included",
  "Not in Scope",
  "Future Work",
  "Future Enhancements",
  "Open Questions",
  "Notes",
  "Error Scenarios",
  "Failure Scenarios",
  "Error Cases",
  "Examples",
  "Example",
  "Assumptions",
];

/** Default headings of the criteria section, in order of preference. */
export const CRITERIA_HEADINGS = ["Acceptance Criteria", "Success Criteria", "Definition of Done", "Exit Criteria"];

/**
 * The sections of the first heading in `headings` that the document holds,
 * outermost only: a matching subsection of a matching section is already
 * part of it.
 */
export function criteriaSections(model: DocumentModel, headings: readonly string[]): Section[] {
  for (const heading of headings) {
    const key = normalizeHeading(heading);
    if (!key) continue;
    const matched = model.sections.filter((s) => s.level > 0 && s.key === key);
    if (matched.length > 0) return matched.filter((s) => !matched.some((o) => o !== s && within(s, o)));
  }
  return [];
}

/** Whether `section` is `ancestor` or lies inside it. */
export function within(section: Section, ancestor: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

const STEP = /^\s*(?:[*_]{1,2})?(given|when|then|and|but)\b(?:[*_]{1,2})?[\s:,]/i;
const SCENARIO = /^\s*(?:scenario(?: outline)?|example)\s*:/i;
/** A label line: a short text ending in ":" ("Functional:"), or all bold ("**Performance**", "1. **Admin**"). */
const LABEL_TEXT = /:\s*$/;
const BOLD_ONLY = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__):?\s*$/;
const DELIMITER_ROW = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;

const notCriteriaKeys = new Set(NOT_CRITERIA.map(normalizeHeading));
/** Whether a label or heading says its items are no criteria ("Won't Have:", "**Out of scope**"). */
function namesNonCriteria(text: string): boolean {
  return notCriteriaKeys.has(normalizeHeading(text.replace(/[:：]\s*$/, "")));
}

/** Whether a list item only labels the group of items nested in it. */
export function isLabel(item: ListItem, lines: readonly string[]): boolean {
  if (item.children.length === 0) return false;
  const own = item.text.split("\n")[0].trim();
  if (own === "") return true;
  if (LABEL_TEXT.test(own) && own.split(/\s+/).length <= 12) return true;
  return BOLD_ONLY.test(lines[item.line - 1] ?? "");
}

/** The leaves under an item (items without nested items), in document order. */
function leaves(item: ListItem): ListItem[] {
  const out: ListItem[] = [];
  const stack = [...item.children].reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i.children.length === 0) out.push(i);
    else for (let c = i.children.length - 1; c >= 0; c--) stack.push(i.children[c]);
  }
  return out;
}

/**
 * The paragraph that introduces a list ("**Won't Have**:"), when the
 * paragraph is the block right before the list's first item in its section.
 */
function leadIns(model: DocumentModel, section: Section): Map<number, string> {
  const byItemLine = new Map<number, string>();
  let lastParagraph: TextBlock | undefined;
  for (const b of model.blocks) {
    if (b.line < section.line || b.line > section.endLine) continue;
    if (b.kind === "heading") lastParagraph = undefined;
    else if (b.kind === "paragraph" && !b.listItem) lastParagraph = b;
    else if (b.listItem && lastParagraph && b.listItem.depth === 0) byItemLine.set(b.listItem.line, lastParagraph.text.trim());
  }
  return byItemLine;
}

/** The criteria of the given sections, in document order. */
export function criteriaIn(model: DocumentModel, sections: readonly Section[]): Criterion[] {
  const out: Criterion[] = [];
  for (const section of sections) {
    const skipped = (s: Section) => {
      for (let x: Section | undefined = s; x && x !== section.parent; x = x.parent) if (x !== section && namesNonCriteria(x.title)) return true;
      return false;
    };
    const inSection = (line: number) => line >= section.line && line <= section.endLine && !skipped(model.sectionAt(line));
    const intro = leadIns(model, section);
    itemsIn(model, section, inSection, intro, out);
    rowsIn(model, section, inSection, out);
    scenarioBlocksIn(model, section, inSection, out);
  }
  return out.sort((a, b) => a.line - b.line);
}

function itemsIn(model: DocumentModel, section: Section, inSection: (l: number) => boolean, intro: Map<number, string>, out: Criterion[]) {
  let scenario: Criterion | undefined;
  let previous: ListItem | undefined;
  // The section of a lead-in that excludes the list after it ("Won't Have:").
  let excludedIn: Section | undefined;
  const add = (item: ListItem, context?: string) => {
    if (isLabel(item, model.lines)) {
      scenario = undefined;
      const label = item.text.split("\n")[0];
      if (!namesNonCriteria(label)) for (const child of item.children) add(child, context ? `${context} ${label}` : label);
      return;
    }
    const step = STEP.exec(item.text)?.[1].toLowerCase();
    const continues = step !== undefined && step !== "given" && scenario !== undefined && previous?.parent === item.parent;
    if (step === "given" || continues) {
      if (continues) {
        scenario!.endLine = item.endLine;
        scenario!.text += `\n${item.text}`;
      } else {
        scenario = { kind: "scenario", line: item.line, endLine: item.endLine, text: item.text, refinements: [] };
        out.push(scenario);
      }
    } else {
      scenario = undefined;
      out.push({ kind: "item", line: item.line, endLine: item.endLine, text: item.text, refinements: leaves(item), item, context });
    }
    previous = item;
  };
  for (const item of model.listItems) {
    if (item.depth !== 0 || !inSection(item.line) || !within(item.section, section)) continue;
    const lead = intro.get(item.line);
    if (lead !== undefined) {
      excludedIn = namesNonCriteria(lead) ? item.section : undefined;
      scenario = undefined;
    }
    if (excludedIn && excludedIn === item.section) continue;
    excludedIn = undefined;
    add(item);
  }
}

function rowsIn(model: DocumentModel, _section: Section, inSection: (l: number) => boolean, out: Criterion[]) {
  const rows = new Map<number, string[]>();
  for (const b of model.blocks) {
    if (b.kind !== "cell" || b.listItem || b.inQuote || !inSection(b.line)) continue;
    const cells = rows.get(b.line);
    if (cells) cells.push(b.text.trim());
    else rows.set(b.line, [b.text.trim()]);
  }
  for (const [line, cells] of rows) {
    // The header row is the one above the delimiter row.
    if (DELIMITER_ROW.test(model.lines[line] ?? "")) continue;
    if (cells.every((c) => c === "")) continue;
    out.push({ kind: "row", line, endLine: line, text: cells.filter(Boolean).join(" | "), refinements: [] });
  }
}

/** Gherkin blocks (or blocks of Given/When/Then steps): one criterion per scenario. */
function scenarioBlocksIn(model: DocumentModel, section: Section, inSection: (l: number) => boolean, out: Criterion[]) {
  for (const block of model.codeBlocks) {
    if (!inSection(block.line) || !within(block.section, section) || !isScenarioBlock(block)) continue;
    let current: Criterion | undefined;
    block.content.forEach((text, i) => {
      const line = block.contentLine + i;
      if (SCENARIO.test(text) || (!current && STEP.test(text))) {
        current = { kind: "scenario", line: SCENARIO.test(text) ? line : block.line, endLine: line, text: "", refinements: [], block };
        out.push(current);
      }
      if (current && STEP.test(text)) {
        current.text += `${current.text ? "\n" : ""}${text.trim()}`;
        current.endLine = line;
      }
    });
  }
}

/** A gherkin block, or a plain block whose lines are Given/When/Then steps. */
export function isScenarioBlock(block: CodeBlock): boolean {
  if (/^(?:gherkin|cucumber|feature)$/.test(block.lang)) return true;
  if (block.lang !== "" && block.lang !== "text") return false;
  const steps = block.content.filter((l) => STEP.test(l)).length;
  return steps >= 2 && block.content.some((l) => /^\s*given\b/i.test(l));
}

/** Where a document's criteria are: the criteria section's headings, and sections whose scenarios are criteria too. */
export interface CriteriaPlaces {
  headings: readonly string[];
  /**
   * Headings of sections whose Given/When/Then scenarios are criteria too,
   * though their other items are not (spec-kit's "User Scenarios &
   * Testing", whose user stories hold numbered acceptance scenarios).
   */
  scenarioHeadings?: readonly string[];
}

/**
 * The criteria of a document: those of the criteria section (the first of
 * `headings` it holds), and the scenarios of every section named by
 * `scenarioHeadings`, in document order, each once.
 */
export function documentCriteria(model: DocumentModel, places: CriteriaPlaces): Criterion[] {
  const main = criteriaSections(model, places.headings);
  const criteria = criteriaIn(model, main);
  const scenarioHeadings = places.scenarioHeadings ?? [];
  if (scenarioHeadings.length === 0) return criteria;
  const keys = new Set(scenarioHeadings.map(normalizeHeading).filter(Boolean));
  const matched = model.sections.filter((s) => s.level > 0 && keys.has(s.key) && !main.some((m) => within(s, m)));
  const outer = matched.filter((s) => !matched.some((o) => o !== s && within(s, o)));
  const seen = new Set(criteria.map((c) => c.line));
  for (const c of criteriaIn(model, outer)) if (c.kind === "scenario" && !seen.has(c.line)) criteria.push(c);
  return criteria.sort((a, b) => a.line - b.line);
}

/**
 * The acceptance criteria of a document: `criteriaIn` over the sections of
 * the first of `headings` the document holds (SC010 counts these for an
 * "**Acceptance Criteria**: N" claim, so its figure agrees with SC002's).
 */
export function acceptanceCriteria(model: DocumentModel, headings: readonly string[]): Criterion[] {
  return criteriaIn(model, criteriaSections(model, headings));
}

/**
 * Code in lines `line`..`endLine`: the contents of the code spans (`` `x` ``)
 * and the number of code blocks that start there. Spans are read from the
 * raw lines outside code blocks (a backslash-escaped backtick opens none),
 * so the result does not depend on what `model.masked` blanks.
 */
export function codeIn(model: DocumentModel, line: number, endLine: number): { spans: string[]; blocks: number } {
  const first = Math.max(1, line);
  const last = Math.min(endLine, model.lines.length);
  const inBlocks = model.codeBlocks.filter((b) => b.endLine >= first && b.line <= last);
  const prose: string[] = [];
  for (let l = first; l <= last; l++) {
    prose.push(inBlocks.some((b) => l >= b.line && l <= b.endLine) ? "" : model.lines[l - 1]);
  }
  const spans: string[] = [];
  const span = /(?<![`\\])(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;
  const text = prose.join("\n");
  for (let m = span.exec(text); m; m = span.exec(text)) spans.push(m[2].replace(/\s+/g, " ").trim());
  const blocks = inBlocks.filter((b) => b.line >= first).length;
  return { spans, blocks };
}
