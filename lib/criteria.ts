/**
 * Acceptance criteria, as CONTRACT.md defines them: the top-level list items
 * of the acceptance criteria section (subsections included). Nested items
 * refine their parent and are read with it. Pure helpers over the document
 * model; shared by SC002 (count) and SC003 (measurable).
 */
import { normalizeHeading } from "./headings.js";
import type { DocumentModel, ListItem, Section } from "./model.js";

/**
 * The sections whose heading matches one of `headings` (matched as
 * CONTRACT.md says), outermost only: a matching subsection of a matching
 * section is already part of it.
 */
export function criteriaSections(model: DocumentModel, headings: readonly string[]): Section[] {
  const keys = new Set(headings.map(normalizeHeading).filter(Boolean));
  const matched = model.sections.filter((s) => s.level > 0 && keys.has(s.key));
  return matched.filter((s) => !matched.some((o) => o !== s && within(s, o)));
}

/** Whether `section` is `ancestor` or lies inside it. */
export function within(section: Section, ancestor: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s === ancestor) return true;
  return false;
}

/** The criteria of the given sections: top-level list items, in document order. */
export function criteriaIn(model: DocumentModel, sections: readonly Section[]): ListItem[] {
  if (sections.length === 0) return [];
  return model.listItems.filter((item) => item.depth === 0 && sections.some((s) => within(item.section, s)));
}

/**
 * The acceptance criteria of a document: `criteriaIn` over the sections
 * whose heading matches one of `headings` (SC010 counts these for an
 * "**Acceptance Criteria**: N" claim, so its figure agrees with SC002's).
 */
export function acceptanceCriteria(model: DocumentModel, headings: readonly string[]): ListItem[] {
  return criteriaIn(model, criteriaSections(model, headings));
}

/** The text of an item and of every item nested in it, one line per item. */
export function itemTextWithChildren(item: ListItem): string {
  const parts: string[] = [];
  const stack: ListItem[] = [item];
  while (stack.length > 0) {
    const current = stack.pop()!;
    parts.push(current.text);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
  }
  return parts.filter(Boolean).join("\n");
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
