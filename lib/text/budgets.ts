/**
 * Word budgets of a document, as SC001 section-word-budget states them: the
 * document minimum of the first `documents` entry whose `files` match, each
 * configured section minimum (on the shallowest, first section whose heading
 * matches), and every "(N+ words)" budget written in a heading; where two
 * apply to one section the larger stands. Pure, over the document model.
 */
import { globMatcher } from "../core/files.js";
import { normalizeHeading } from "./headings.js";
import type { DocumentModel, Section } from "../core/model.js";
import type { CountMode } from "./words.js";

/** One `documents` entry of SC001's options. */
export interface BudgetEntry {
  files: string[];
  minWords?: number;
  sections?: Record<string, number>;
}

export interface SectionBudget {
  section: Section;
  /** Minimum words. */
  budget: number;
  /** Words of the section (subsections included), counted as configured. */
  words: number;
}

export interface DocumentBudgets {
  /** Words of the whole document. */
  words: number;
  /** The document minimum (0: none). */
  minimum: number;
  /** Sections with a budget, in document order. */
  sections: SectionBudget[];
}

/** The shallowest, first section whose heading matches `key`. */
export function findSection(sections: readonly Section[], key: string): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.level > 0 && s.key === key && (!best || s.level < best.level)) best = s;
  return best;
}

/** The budgets of the document `name` (the name markdownlint passed), with the words counted as `count` says. */
export function documentBudgets(
  model: DocumentModel,
  name: string,
  options: { count: CountMode; documents: readonly BudgetEntry[] },
): DocumentBudgets {
  const entry = options.documents.find((d) => globMatcher(d.files)(name));
  const minimums = new Map<Section, number>();
  for (const [heading, min] of Object.entries(entry?.sections ?? {})) {
    const section = findSection(model.sections, normalizeHeading(heading));
    if (section) minimums.set(section, Math.max(min, minimums.get(section) ?? 0));
  }
  for (const s of model.sections) {
    if (s.budget !== undefined) minimums.set(s, Math.max(s.budget, minimums.get(s) ?? 0));
  }
  const sections: SectionBudget[] = [];
  for (const s of model.sections) {
    const budget = minimums.get(s);
    if (budget !== undefined) sections.push({ section: s, budget, words: s.words[options.count] });
  }
  return {
    // Counted only when read: most documents have no document minimum.
    get words() {
      return model.root.words[options.count];
    },
    minimum: entry?.minWords ?? 0,
    sections,
  };
}
