/**
 * Task IDs in checkbox lists (seed 003: `- [ ] **R1**: Study …`,
 * `- [ ] **UT3**: Edge cases …`, `- [ ] **INT2**: …`). The document model
 * gives the task items (their text content has lost the `**`); these pure
 * helpers read the task's own source line for the ID and its columns.
 */

/**
 * Default ID pattern: a bold label at the start of the task, made of an
 * upper-case prefix and a number (`**R1**`, `**UT3**`, `**INT2**`,
 * `**QG-4**`, `**A1.2**`) or "Task" and a number (`**Task 2.1**`), with an
 * optional colon inside the bold. Group 1 is the ID.
 */
export const DEFAULT_ID_PATTERN = String.raw`^(?:\*\*|__)((?:[A-Z]{1,8}-?|Task )\d+(?:\.\d+)*[a-z]?):?(?:\*\*|__)`;

/** spec-kit's task IDs: `T001` (bold or not) at the start of the task, before a space, `[P]`, punctuation or the end. */
export const SPEC_KIT_ID_PATTERN = String.raw`^(?:\*\*)?(T\d{3,}[a-z]?)(?:\*\*)?(?=[\s:.,\[]|$)`;

/** A bold label at the start of a task that is not an ID ("**Coverage**:"). */
const BOLD_LABEL = /^(\*\*|__)(?=\S)(.+?)\1/;

/** The list marker and checkbox of a task line: `- [ ] `, `  * [x] `, `> 1. [ ] `. */
const TASK_PREFIX = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\](?:[ \t]+|$)/;

export interface TaskLine {
  /** 0-based column where the task text starts (after the checkbox). */
  textStart: number;
  /** The task text as written (Markdown source). */
  text: string;
  /** The ID, when the text starts with one. */
  id?: string;
  /** 0-based column and length of the whole ID label (`**R1**`). */
  idColumn?: number;
  idLength?: number;
  /** A leading bold label that is no ID, e.g. "Coverage". */
  label?: string;
}

/**
 * Read a task's source line: where its text starts and its ID. `idPattern`
 * is matched at the start of the text; its group 1 (or the whole match) is
 * the ID. Returns undefined when the line does not start a checkbox item
 * (e.g. the checkbox sits on a later line).
 */
export function parseTaskLine(line: string, idPattern: RegExp): TaskLine | undefined {
  const prefix = TASK_PREFIX.exec(line);
  if (!prefix) return undefined;
  const textStart = prefix[0].length;
  const text = line.slice(textStart);
  const task: TaskLine = { textStart, text };
  const id = idPattern.exec(text);
  if (id && id.index === 0 && id[0].length > 0) {
    task.id = (id[1] ?? id[0]).trim();
    task.idColumn = textStart;
    task.idLength = id[0].length;
    return task;
  }
  const label = BOLD_LABEL.exec(text);
  if (label) task.label = label[2].replace(/:$/, "").trim();
  return task;
}

/** The prefix scheme of an ID: what precedes its number ("UT3" → "UT", "QG-4" → "QG", "Task 2.1" → "Task", "7" → ""). */
export function idPrefix(id: string): string {
  const m = /^(.*?)[\s-]?\d/.exec(id);
  return (m ? m[1] : id).trim();
}

/** The number of an ID, when it ends in a plain integer ("UT3" → 3, "A1.2" → undefined). */
export function idNumber(id: string): number | undefined {
  const m = /(?:^|\D)(\d+)$/.exec(id);
  return m && !/\.\d+$/.test(id) ? Number(m[1]) : undefined;
}

/**
 * The highest number (idNumber) among the IDs of each prefix (idPrefix); an
 * ID without a plain number counts as 0. One pass over any number of IDs.
 */
export function highestNumbers(ids: Iterable<string>): Map<string, number> {
  const highest = new Map<string, number>();
  for (const id of ids) {
    const prefix = idPrefix(id);
    highest.set(prefix, Math.max(highest.get(prefix) ?? 0, idNumber(id) ?? 0));
  }
  return highest;
}
