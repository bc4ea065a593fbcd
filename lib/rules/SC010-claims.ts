/**
 * Self-reported figures ("**Total PRD Words**: 2150", "- Words: 4700",
 * "**Word Count**: ~2,400 words") and what they are measured against, read
 * from the document model: pure helpers for SC010 declared-metrics.
 */
import { partitionPoint } from "../core/search.js";
import type { DocumentModel, ListItem } from "../core/model.js";
import { compiledNow, escapeRegExp } from "../core/regex.js";
import { isAsciiSpace } from "../text/words.js";

/** What a claim counts. */
export type Measure =
  | "words"
  | "criteria"
  | "pythonFences"
  | "verifiedFences"
  | "tasks"
  | "completedTasks"
  | "remainingTasks";

export const MEASURES: readonly Measure[] = [
  "words",
  "criteria",
  "pythonFences",
  "verifiedFences",
  "tasks",
  "completedTasks",
  "remainingTasks",
];

/** A claim form: a label written before the number, what it counts, and where it is read. */
export interface ClaimForm {
  /** The label, matched case-insensitively with any spacing ("Total PRD Words"). */
  label: string;
  measure: Measure;
  /** Glob patterns of the files where this label is a claim (default: every file the rule checks). */
  files?: string[];
}

/** Words that may follow a figure (anything else means the number is not this kind of count). */
const UNITS: Record<Measure, readonly string[]> = {
  words: ["word", "words"],
  criteria: ["criteria", "criterion", "items"],
  pythonFences: ["snippet", "snippets", "fence", "fences", "block", "blocks", "example", "examples"],
  verifiedFences: ["snippet", "snippets", "fence", "fences", "block", "blocks", "example", "examples"],
  tasks: ["task", "tasks"],
  completedTasks: ["task", "tasks"],
  remainingTasks: ["task", "tasks"],
};

/** A figure found in the document. */
export interface Claim {
  line: number;
  label: string;
  measure: Measure;
  /** Column (1-based) and length of the number. */
  column: number;
  length: number;
  value: number;
  /** "exact", "about" (`~`, `≈`, "about") or "atLeast" (`2000+`). */
  kind: "exact" | "about" | "atLeast";
  /** Whether the number was written with thousands separators. */
  grouped: boolean;
}

/** A label as claims are looked up: trimmed, lower case, single spaces. */
const labelKey = (label: string) => label.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A claim regex for some labels: at the start of a line (after quote and list
 * markers, a checkbox or heading hashes), an optionally emphasised label, a
 * colon, an optional approximation, and the number.
 */
export function claimRegex(labels: readonly string[]): { probe: RegExp; exact: RegExp } {
  const exact = buildClaimRegex(labels);
  // Most lines are no claim: a probe without match indices ("d") rejects them faster.
  return { probe: compiledNow(new RegExp(exact.source, "iu")), exact };
}

/**
 * The expressions of a set of labels. The probe is only built when the
 * quick test (`mayBeClaim`) cannot stand in for it: with the quick test, the
 * lines left are nearly all claims, and each probe is one more compiled
 * expression of 40-45 kB of machine code that the process keeps.
 */
function claimExpressions(labels: readonly string[], quick: boolean): { probe: RegExp | undefined; exact: RegExp } {
  if (quick) return { probe: undefined, exact: buildClaimRegex(labels) };
  return claimRegex(labels);
}

function buildClaimRegex(labels: readonly string[]): RegExp {
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.trim().split(/\s+/).map(escapeRegExp).join("\\s+"))
    .join("|");
  return compiledNow(new RegExp(
    "^\\s*(?:>\\s*)*(?:(?:[-*+]|\\d{1,9}[.)])\\s+)?(?:\\[[ xX]\\]\\s+)?(?:#{1,6}\\s+)?" +
      "(?:\\*\\*|__|\\*|_)?(" +
      alternatives +
      ")(?:\\*\\*|__|\\*|_)?\\s*:\\s*(?:\\*\\*|__|\\*|_)?\\s*" +
      "(~\\s*|≈\\s*|(?:about|approx\\.?|approximately|around)\\s+)?" +
      "(\\d{1,3}(?:,\\d{3})+|\\d+)(\\+)?(?![\\d%]|[.,:/\\-]\\d)" +
      // A unit word: ASCII letters only, so text garbled by a wrong encoding after
      // the number ("2150 âœ“") reads the same as its repair ("2150 ✓").
      "(?:\\*\\*|__|\\*|_)?[ \\t]*([A-Za-z]+(?![\\p{L}\\p{N}]))?",
    "iud",
  ));
}

/** Labels and expressions per list of forms (SC010 hands the same array to every file with the same forms). */
const setups = new WeakMap<
  readonly ClaimForm[],
  { byLabel: Map<string, ClaimForm>; regex: { probe: RegExp | undefined; exact: RegExp }; quick: readonly string[] | undefined }
>();

/**
 * The labels for `mayBeClaim` (lower case, single spaces), or undefined when
 * the quick test cannot stand in for the expression's case-insensitive
 * match: a label with a character outside printable ASCII, or with ":", "*"
 * or "_" (the test cuts the text at the first colon and strips emphasis).
 */
export function quickLabels(labels: readonly string[]): string[] | undefined {
  const out = labels.map(labelKey);
  return out.every((l) => l !== "" && /^[\x20-\x7e]+$/.test(l) && !/[:*_]/.test(l)) ? out : undefined;
}

/**
 * Whether the text before a line's first colon can end a claim's label: a
 * necessary condition of the claim expression, which wants the label, at
 * most one emphasis marker and spaces right before that colon (no earlier
 * colon fits: neither the list and quote markers nor the labels hold one).
 * Lower-casing equals the expression's case folding on ASCII only, so any
 * other text is left to the expression.
 */
export function mayBeClaim(head: string, labels: readonly string[]): boolean {
  // Read from the end, without copies: most lines with a colon and a digit
  // are no claim, and trimming, lower-casing and collapsing each head cost
  // four strings per line.
  let end = head.length;
  for (let i = 0; i < end; i++) if (head.charCodeAt(i) > 0x7f) return true;
  while (end > 0 && isAsciiSpace(head.charCodeAt(end - 1))) end--;
  for (let k = 0; k < 2 && end > 0 && isEmphasis(head.charCodeAt(end - 1)); k++) end--;
  for (const label of labels) if (endsWithLabel(head, end, label)) return true;
  return false;
}

const isEmphasis = (c: number) => c === 42 || c === 95;

/**
 * Whether `head.slice(0, end)`, lower-cased with its runs of white space
 * as single spaces, ends with `label` (lower case, single spaces, trimmed).
 */
function endsWithLabel(head: string, end: number, label: string): boolean {
  let h = end;
  for (let l = label.length - 1; l >= 0; l--) {
    const want = label.charCodeAt(l);
    if (want === 32) {
      if (h === 0 || !isAsciiSpace(head.charCodeAt(h - 1))) return false;
      while (h > 0 && isAsciiSpace(head.charCodeAt(h - 1))) h--;
      continue;
    }
    if (h === 0) return false;
    let c = head.charCodeAt(--h);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== want) return false;
  }
  return true;
}

/** A digit, searched from `lastIndex` (after a line's first colon). */
const DIGIT = /\d/g;

/** The claims of a document, read from its prose lines (code, HTML and link targets masked out). */
export function findClaims(model: DocumentModel, forms: readonly ClaimForm[]): Claim[] {
  if (forms.length === 0) return [];
  let setup = setups.get(forms);
  if (!setup) {
    const byLabel = new Map<string, ClaimForm>();
    for (const f of forms) byLabel.set(labelKey(f.label), f);
    const labels = forms.map((f) => f.label);
    const quick = quickLabels(labels);
    setup = { byLabel, regex: claimExpressions(labels, quick !== undefined), quick };
    setups.set(forms, setup);
  }
  const { byLabel, regex, quick } = setup;
  const claims: Claim[] = [];
  model.masked.forEach((text, i) => {
    // A claim has a colon after its label and a digit after that.
    const colon = text.indexOf(":");
    if (colon < 0) return;
    DIGIT.lastIndex = colon;
    if (!DIGIT.test(text)) return;
    if (quick ? !mayBeClaim(text.slice(0, colon), quick) : !regex.probe!.test(text)) return;
    const m = regex.exact.exec(text);
    if (!m) return;
    const form = byLabel.get(labelKey(m[1]));
    if (!form) return;
    if (m[5] && !UNITS[form.measure].includes(m[5].toLowerCase())) return;
    const number = m[3];
    const column = m.indices![3][0] + 1;
    claims.push({
      line: i + 1,
      label: m[1].replace(/\s+/g, " "),
      measure: form.measure,
      column,
      length: number.length,
      value: Number(number.replace(/,/g, "")),
      kind: m[4] ? "atLeast" : m[2] ? "about" : "exact",
      grouped: number.includes(","),
    });
  });
  return claims;
}

/** The tasks of a tasks file: task headings when there are any, else top-level checkbox items. */
export function taskCounts(model: DocumentModel, headingPattern: RegExp): { tasks: number; completed: number } {
  const checkboxes = model.listItems.filter((item) => item.checked !== undefined);
  // The user's pattern sees a bounded heading, so it cannot take long.
  const headings = model.sections.filter((s) => s.level > 0 && headingPattern.test(s.title.slice(0, 300)));
  if (headings.length > 0) {
    // Checkboxes come in document order: find each heading's first one by binary search.
    const firstAfter = (line: number) => partitionPoint(checkboxes.length, (i) => checkboxes[i].line <= line);
    let completed = 0;
    for (const s of headings) {
      let any = false;
      let all = true;
      for (let i = firstAfter(s.headingEndLine); i < checkboxes.length && checkboxes[i].line <= s.endLine && all; i++) {
        any = true;
        all = checkboxes[i].checked === true;
      }
      if (any && all) completed++;
    }
    return { tasks: headings.length, completed };
  }
  const top = checkboxes.filter((item) => {
    for (let p: ListItem | undefined = item.parent; p; p = p.parent) if (p.checked !== undefined) return false;
    return true;
  });
  return { tasks: top.length, completed: top.filter((t) => t.checked).length };
}

/** A task ID at the start of a task's text: "T001", "R1", "UT3", "QG-2", "1.2"-numbered IDs of a prefix. */
const TASK_ID = /^([A-Z]{1,8})-?\d+(?:\.\d+)*[a-z]?(?=[\s:.,)\]]|$)/;

/**
 * The ways a tasks file can be counted, the usual one first (taskCounts),
 * then, where top-level checkbox items carry IDs ("T001 …", "**R1**: …"),
 * the items with the IDs of each prefix: spec-kit files
 * number their tasks T001…T053 and keep a checklist of other checkboxes
 * (acceptance checks, success criteria "SC-001") beside them.
 */
export function taskReadings(model: DocumentModel, headingPattern: RegExp): { tasks: number; completed: number }[] {
  const readings = [taskCounts(model, headingPattern)];
  const byPrefix = new Map<string, { tasks: number; completed: number }>();
  for (const item of model.listItems) {
    if (item.checked === undefined || item.depth !== 0) continue;
    const m = TASK_ID.exec(item.text.trimStart());
    if (!m) continue;
    let counts = byPrefix.get(m[1]);
    if (!counts) byPrefix.set(m[1], (counts = { tasks: 0, completed: 0 }));
    counts.tasks++;
    if (item.checked) counts.completed++;
  }
  readings.push(...byPrefix.values());
  return readings;
}

/** `.md` paths mentioned in some lines (raw text: paths are often in code spans). */
export function mdPaths(lines: readonly string[], from: number, to: number): string[] {
  const found = new Set<string>();
  const path = /(?:^|[\s`'"(<[|*])((?:\.{1,2}\/|[\w@.-]+\/)*[\w@-][\w@.-]*\.md)(?=$|[\s`'")>\],;:|*#])/g;
  for (let l = Math.max(1, from); l <= Math.min(to, lines.length); l++) {
    for (const m of lines[l - 1].matchAll(path)) found.add(m[1]);
  }
  return [...found];
}

/** The lines a claim belongs with: its list (items, parent item and lead-in paragraph) or its paragraph. */
export interface ClaimGroup {
  from: number;
  to: number;
  /** The heading of the section the claim is in ("" before any heading). */
  heading: string;
}

/**
 * The group of the claim on each line: the list it belongs to (its item,
 * the item's siblings, its parent item, and the paragraph leading into the
 * list), else its paragraph (`**Label**: value` lines joined by line
 * breaks), else the line alone. Lists are indexed once per document, so a
 * document of many claims stays linear.
 */
export function claimGroups(model: DocumentModel): (line: number) => ClaimGroup {
  const lineCount = model.lines.length;
  // The innermost list item holding each line (items come in document order, parents first).
  const itemAt = new Array<ListItem | undefined>(lineCount + 2);
  for (const item of model.listItems) {
    for (let l = item.line; l <= Math.min(item.endLine, lineCount); l++) itemAt[l] = item;
  }
  // The paragraph (or heading) holding each line outside lists.
  const blockAt = new Array<{ line: number; endLine: number } | undefined>(lineCount + 2);
  for (const b of model.blocks) {
    if (b.listItem || b.kind === "cell") continue;
    for (let l = b.line; l <= Math.min(b.endLine, lineCount); l++) blockAt[l] = b;
  }
  // Top-level items form one list while no other block comes between them.
  const breaks = [
    ...model.blocks.filter((b) => !b.listItem).map((b) => b.line),
    ...model.codeBlocks.map((b) => b.line),
  ].sort((a, b) => a - b);
  const breakBetween = (after: number, before: number) => {
    const next = partitionPoint(breaks.length, (i) => breaks[i] <= after);
    return next < breaks.length && breaks[next] < before;
  };
  const groupOf = new Map<ListItem, ListItem[]>();
  let group: ListItem[] = [];
  let previous: ListItem | undefined;
  for (const item of model.listItems) {
    if (item.parent) continue;
    if (!previous || previous.section !== item.section || previous.depth !== item.depth || breakBetween(previous.endLine, item.line)) {
      group = [];
    }
    group.push(item);
    groupOf.set(item, group);
    previous = item;
  }
  const leadEnding = new Map<number, number>();
  for (const b of model.blocks) if (!b.listItem) leadEnding.set(b.endLine, b.line);
  const rangeOf = new Map<ListItem[], { from: number; to: number }>();
  // Sections come in document order: a line's heading is the last one at or before it.
  const headed = model.sections.filter((s) => s.level > 0);
  const headingOf = (line: number) => {
    const after = partitionPoint(headed.length, (i) => headed[i].line <= line);
    return after > 0 ? headed[after - 1].title : "";
  };

  return (line) => {
    const heading = headingOf(line);
    const item = itemAt[line];
    if (!item) {
      const block = blockAt[line];
      return block ? { from: block.line, to: block.endLine, heading } : { from: line, to: line, heading };
    }
    const siblings = item.parent ? item.parent.children : groupOf.get(item) ?? [item];
    let range = rangeOf.get(siblings);
    if (!range) {
      const first = siblings[0];
      const last = siblings[siblings.length - 1];
      const from = item.parent ? item.parent.line : leadEnding.get(first.line - 1) ?? leadEnding.get(first.line - 2) ?? first.line;
      range = { from, to: last.endLine };
      rangeOf.set(siblings, range);
    }
    return { ...range, heading };
  };
}

/**
 * The subject of a claim on a line: the file it speaks of, when it names
 * one: a `.md` path on the claim's own line, else, for a claim in a list,
 * in its group (claimGroups). None: the document itself ("self"); several
 * different paths: "unclear".
 */
export function claimSubjects(model: DocumentModel, groups: (line: number) => ClaimGroup = claimGroups(model)): (line: number) => string {
  const inList = new Set<number>();
  for (const item of model.listItems) for (let l = item.line; l <= item.endLine; l++) inList.add(l);
  const pathsOf = new Map<string, string[]>();
  return (line) => {
    const own = mdPaths(model.lines, line, line);
    if (own.length > 0) return own.length === 1 ? own[0] : "unclear";
    if (!inList.has(line)) return "self";
    const { from, to } = groups(line);
    const key = `${from}:${to}`;
    let paths = pathsOf.get(key);
    if (!paths) pathsOf.set(key, (paths = mdPaths(model.lines, from, to)));
    return paths.length === 0 ? "self" : paths.length === 1 ? paths[0] : "unclear";
  };
}

/** A `Label:` at the start of a line, after quote, list and checkbox markers and emphasis. */
const LINE_LABEL = /^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?(?:\*\*|__|\*|_)?([^:*_`\n]{1,60}?)(?:\*\*|__|\*|_)?\s*:/;

/**
 * Whether a claim's group speaks of something other than the document: a
 * documentation index's entry for a library (Context7's "Library ID",
 * "Trust Score" beside "Code Snippets: 668"), found by a line of the group
 * whose label is one of `labels` or starts with "Context7", or by a section
 * heading that names Context7.
 */
export function aboutSomethingElse(model: DocumentModel, group: ClaimGroup, labels: readonly string[]): boolean {
  if (/\bcontext7\b/i.test(group.heading)) return true;
  const wanted = new Set(labels.map(labelKey));
  for (let l = group.from; l <= group.to && l <= model.lines.length; l++) {
    const m = LINE_LABEL.exec(model.lines[l - 1]);
    if (m && (wanted.has(labelKey(m[1])) || /^context7\b/i.test(m[1].trim()))) return true;
  }
  return false;
}

const COUNT = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
const explainers = new Map<Measure, RegExp>();

/**
 * Other counts of the same thing after a claim's number, on its line ("30
 * tasks plus 2 cleanup tasks", "12 (+ 3 optional)"): the figure is then
 * explained, and more than one reading of it may be the one meant. A bound
 * ("(minimum 8 required)") or a share ("100% verified") is no count.
 */
export function explainingCounts(rest: string, measure: Measure): number[] {
  let pattern = explainers.get(measure);
  if (!pattern) {
    const units = UNITS[measure].join("|");
    // Not a bound: "minimum 8 snippets", "at least 2 tasks", "max 3", "of 10".
    const notBound = "(?<!\\b(?:minimum|min\\.?|least|max(?:imum)?|most|target|of|required)\\s+)";
    pattern = new RegExp(
      `(?:\\bplus\\b|\\+)\\s*${COUNT}(?![\\d%])|${notBound}(?<![\\w.,])${COUNT}\\s+(?:[A-Za-z-]+\\s+){0,2}?(?:${units})\\b`,
      "gi",
    );
    explainers.set(measure, pattern);
  }
  const counts: number[] = [];
  for (const m of rest.slice(0, 300).matchAll(pattern)) counts.push(Number((m[1] ?? m[2]).replace(/,/g, "")));
  return counts;
}
