/**
 * How SC014 reads a document (the rule: rules/SC014-task-ids.ts).
 */
import { fromOptions } from "../core/memo.js";
import { type Check, is } from "../core/options.js";
import { optionRegExp } from "../core/regex.js";
import type { Finding, RuleContext } from "../core/rule.js";
import { DEFAULT_ID_PATTERN, highestNumbers, idPrefix, parseTaskLine, type TaskLine } from "./SC014-tasks.js";
import type { DocumentModel, ListItem, Section } from "../core/model.js";

export interface SC014Options {
  /**
   * Which tasks must carry an ID: "always" (every task), "when-used" (every
   * task of a section where some task has one; the default) or "never"
   * (IDs are optional; uniqueness and prefixes are still checked).
   * Sub-tasks (checkbox items under a task) never need one.
   */
  requireIds: "always" | "when-used" | "never";
  /** Regular expression matched at the start of a task's text; group 1 (or the match) is the ID. */
  idPattern: string;
  /** Whether the IDs of one section share one prefix ("UT1", "UT2"…) when the file uses prefixes. */
  samePrefix: boolean;
  /**
   * Whether the IDs of one prefix go up in document order (spec-kit's
   * `T001`, `T002`…): a task whose number is not above the number before
   * it is reported. Gaps are fine.
   */
  order: boolean;
  /**
   * Whether tasks are numbered as an outline (Kiro's `- [ ] 1. …`,
   * `  - [ ] 1.1 …`, in any checkbox state, `[-]` and `[ ]*` too): each
   * number is unique, a nested task's number continues its parent's
   * (1.1 under 1), and top-level task numbers go up.
   */
  outline: boolean;
}

export const SC014Defaults: SC014Options = {
  requireIds: "when-used",
  idPattern: DEFAULT_ID_PATTERN,
  samePrefix: true,
  order: false,
  outline: false,
};

interface Task {
  item: ListItem;
  section: Section;
  parsed: TaskLine | undefined;
  /** The ID's prefix scheme (idPrefix), when the task has an ID. */
  prefix: string | undefined;
  subtask: boolean;
}

export const patternCheck: Check = is.regex("u");

/** What SC014 checks in one document. */
export function checkTaskIds({ model, options, report }: RuleContext<SC014Options>): void {
  if (options.outline) checkOutline(model, report);
  const pattern = fromOptions(options, "SC014", () => optionRegExp(options.idPattern, "u", [SC014Defaults.idPattern]));
  const tasks: Task[] = model.listItems
    .filter((item) => item.checked !== undefined)
    .map((item) => {
      let subtask = false;
      for (let p = item.parent; p && !subtask; p = p.parent) subtask = p.checked !== undefined;
      const parsed = parseTaskLine(model.lines[item.line - 1] ?? "", pattern);
      return { item, section: item.section, parsed, prefix: parsed?.id === undefined ? undefined : idPrefix(parsed.id), subtask };
    });
  const withId = tasks.filter((t) => t.parsed?.id !== undefined);
  const usesPrefixes = withId.some((t) => t.prefix !== "");

  // Per section: its prefix (the most used one; ties: the first) and whether it uses IDs.
  const prefixOf = new Map<Section, string>();
  const counts = new Map<Section, Map<string, number>>();
  for (const t of withId) {
    const c = counts.get(t.section) ?? new Map<string, number>();
    c.set(t.prefix!, (c.get(t.prefix!) ?? 0) + 1);
    counts.set(t.section, c);
  }
  for (const [section, c] of counts) {
    let best = "";
    let n = -1;
    for (const [p, k] of c) if (k > n) [best, n] = [p, k];
    prefixOf.set(section, best);
  }
  // The highest number of each prefix, for the suggested ID: one pass when
  // first needed, not one per task without an ID (quadratic, and it spread
  // every number of a prefix into Math.max, which overflows the stack past
  // about 120,000 IDs).
  let highest: Map<string, number> | undefined;
  const nextNumber = (prefix: string) => 1 + ((highest ??= highestNumbers(withId.map((t) => t.parsed!.id!))).get(prefix) ?? 0);

  const seen = new Set<string>();
  // The ID before, of each prefix, for the order check.
  const lastOf = new Map<string, { id: string; key: [number, string] }>();
  for (const t of tasks) {
    const line = t.item.line;
    const raw = model.lines[line - 1] ?? "";
    const parsed = t.parsed;
    const id = parsed?.id;
    if (id === undefined) {
      const required = !t.subtask && (options.requireIds === "always" || (options.requireIds === "when-used" && counts.has(t.section)));
      if (!required) continue;
      const prefix = prefixOf.get(t.section) ?? "";
      const example = prefix && usesPrefixes ? `**${prefix}${nextNumber(prefix)}**` : "**T1**";
      report({
        line,
        detail: `Expected: a task ID such as ${example}; Actual: ${parsed?.label ? `"${parsed.label}" (no ID)` : "none"}`,
        context: raw.trim(),
        range: parsed ? [parsed.textStart + 1, Math.max(1, parsed.text.length)] : undefined,
      });
      continue;
    }
    const range: [number, number] = [parsed!.idColumn! + 1, parsed!.idLength!];
    if (seen.has(id)) {
      report({ line, detail: `Task ID "${id}": Expected: unique IDs; Actual: an earlier task has it`, context: raw.trim(), range });
    } else if (options.order) {
      const key = orderKey(id);
      const last = lastOf.get(t.prefix!);
      if (key && last && (key[0] < last.key[0] || (key[0] === last.key[0] && key[1] <= last.key[1]))) {
        report({ line, detail: `Task ID "${id}": Expected: an ID after "${last.id}", the task before it; Actual: "${id}"`, context: raw.trim(), range });
      }
      if (key) lastOf.set(t.prefix!, { id, key });
    }
    seen.add(id);
    if (options.samePrefix && usesPrefixes) {
      const expected = prefixOf.get(t.section) ?? "";
      const actual = t.prefix!;
      if (actual !== expected) {
        const where = t.section.level === 0 ? "this document" : `"${t.section.title}"`;
        report({
          line,
          detail: `Task ID "${id}": Expected: prefix "${expected}" as in the other tasks of ${where}; Actual: "${actual}"`,
          context: raw.trim(),
          range,
        });
      }
    }
  }
}

/** How an ID sorts: its first number and what follows it ("T015a" → [15, "a"]: after T015, before T016). */
function orderKey(id: string): [number, string] | undefined {
  const m = /(\d+)(.*)$/.exec(id);
  return m ? [Number(m[1]), m[2]] : undefined;
}

/** A task numbered as an outline in any checkbox state: `- [ ] 1.`, `  - [x] 1.2`, `- [-] 3.`, `- [ ]* 2.1`. */
const OUTLINE_TASK = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX-]\]\*?[ \t]+(\d{1,4}(?:\.\d{1,4})*)\.?(?=[ \t]|$)/;

/**
 * Outline numbering (Kiro): unique numbers, a nested task's number under
 * its parent task's, and top-level numbers going up by their first part
 * (the tasks outside any task count as one group; 12.15 may come before
 * 12.10, and a parent's sub-tasks in any order).
 */
function checkOutline(model: DocumentModel, report: (finding: Finding) => void): void {
  const numbered = new Map<ListItem, { text: string; parts: number[] }>();
  for (const item of model.listItems) {
    const m = OUTLINE_TASK.exec(model.lines[item.line - 1] ?? "");
    if (m) numbered.set(item, { text: m[1], parts: m[1].split(".").map(Number) });
  }
  const seen = new Set<string>();
  // The number of the task before, among the tasks of one parent.
  const lastIn = new Map<ListItem | undefined, string>();
  const parentOf = (item: ListItem) => {
    let parent: ListItem | undefined = item.parent;
    while (parent && !numbered.has(parent)) parent = parent.parent;
    return parent;
  };
  // Sub-tasks numbered under another task than their parent: one finding per parent, on the first.
  const astray = new Map<ListItem, ListItem[]>();
  for (const [item, n] of numbered) {
    const parent = parentOf(item);
    const up = parent ? numbered.get(parent)! : undefined;
    if (up && (n.parts.length <= up.parts.length || up.parts.some((p, i) => n.parts[i] !== p))) astray.set(parent!, [...(astray.get(parent!) ?? []), item]);
  }
  const where = (item: ListItem, text: string) => {
    const line = model.lines[item.line - 1] ?? "";
    return { context: line.trim(), range: [line.indexOf(text, line.indexOf("]") + 1) + 1, text.length] as [number, number] };
  };
  for (const [item, n] of numbered) {
    const parent = parentOf(item);
    const strays = parent ? astray.get(parent) : undefined;
    if (strays?.includes(item)) {
      if (strays[0] === item) {
        const up = numbered.get(parent!)!;
        const more = strays.length > 1 ? ` (${strays.length} of its sub-tasks)` : "";
        report({ line: item.line, detail: `Task "${n.text}": Expected: a number under its parent task's, ${up.text}.x; Actual: ${n.text}${more}`, ...where(item, n.text) });
      }
      continue;
    }
    if (seen.has(n.text)) {
      report({ line: item.line, detail: `Task "${n.text}": Expected: unique task numbers; Actual: an earlier task has it`, ...where(item, n.text) });
      continue;
    }
    seen.add(n.text);
    // Task numbers go up by their first part; within one (12.15, urgent, before 12.10) or under one parent any order will do.
    const last = parent ? undefined : lastIn.get(parent);
    lastIn.set(parent, n.text);
    if (last !== undefined && n.parts[0] < Number(last.split(".")[0])) {
      report({ line: item.line, detail: `Task "${n.text}": Expected: a number after ${last}, the task before it; Actual: ${n.text}`, ...where(item, n.text) });
    }
  }
}
