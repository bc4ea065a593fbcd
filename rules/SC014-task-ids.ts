/**
 * SC014 task-ids: checkbox tasks in tasks.md carry an ID (`**R1**`,
 * `**UT3**`, `**INT2**`, seed 003), IDs are unique in the file, and the
 * tasks of one section share its prefix scheme.
 */
import { KIND_FILES } from "../lib/files.js";
import { fromOptions } from "../lib/memo.js";
import type { ListItem, Section } from "../lib/model.js";
import { type Check, is, regexProblem } from "../lib/options.js";
import { optionRegExp } from "../lib/regex.js";
import { defineRule } from "../lib/rule.js";
import { DEFAULT_ID_PATTERN, highestNumbers, idPrefix, parseTaskLine, type TaskLine } from "../lib/tasks.js";

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
}

export const SC014Defaults: SC014Options = {
  requireIds: "when-used",
  idPattern: DEFAULT_ID_PATTERN,
  samePrefix: true,
};

interface Task {
  item: ListItem;
  section: Section;
  parsed: TaskLine | undefined;
  /** The ID's prefix scheme (idPrefix), when the task has an ID. */
  prefix: string | undefined;
  subtask: boolean;
}

const patternCheck: Check = (v) => (typeof v === "string" ? regexProblem(v, "u") : `a regular expression; found ${JSON.stringify(v)}`);

export default defineRule<SC014Options>({
  id: "SC014",
  slug: "task-ids",
  description: "Tasks should carry unique IDs that follow their section's prefix",
  category: "tasks",
  files: [...KIND_FILES.tasks],
  defaults: SC014Defaults,
  schema: { requireIds: is.oneOf("always", "when-used", "never"), idPattern: patternCheck, samePrefix: is.boolean() },
  run({ model, options, report }) {
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
  },
});
