/**
 * SC010 declared-metrics: the figures a document reports about itself (or
 * about another file of its workspace) match what is really there. Seed 002
 * asks agents to end documents with "**Total PRD Words**: {count}",
 * "**Code Snippets**: {count} (100% verified)", "**Acceptance Criteria**:
 * {count}" and recovery.md to repeat "Words: {count}" per file; real specs
 * write "**Word Count**: ~2,400 words". This rule measures and compares.
 *
 * Word claims are compared with `wc -w` counting by default: the seeds
 * produce and verify these figures with `wc -w <file>`, so an honest claim
 * equals what `wc -w` prints (the whole file, front matter included).
 * Another file is never parsed: its words are counted on its raw text, which
 * is exactly `wc -w`; claims of other kinds about another file are skipped.
 */
import { dirname, join } from "node:path";
import { acceptanceCriteria } from "../lib/criteria.js";
import { globMatcher, KIND_FILES } from "../lib/files.js";
import type { DocumentModel, ListItem } from "../lib/model.js";
import { type Check, is, regexProblem } from "../lib/options.js";
import { fileFacts, filePath, isInside, projectRoot, resolveInside } from "../lib/project.js";
import { defineRule } from "../lib/rule.js";
import { countWcWords, type CountMode } from "../lib/words.js";
import { fenceLanguage, pythonComments } from "./SC004-code-fence-verified.js";

/** What a claim counts. */
export type Measure =
  | "words"
  | "criteria"
  | "pythonFences"
  | "verifiedFences"
  | "tasks"
  | "completedTasks"
  | "remainingTasks";

const MEASURES: readonly Measure[] = [
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

export interface SC010Options {
  /** The claim forms recognised; replaces the default list. */
  claims: ClaimForm[];
  /** How words are counted: "wc" (what `wc -w` prints for the file, the default) or "prose". */
  count: CountMode;
  /** Allowed difference for an approximate claim (`~2,400`, `about 2400`), in percent of the claim. */
  tolerance: number;
  /** Headings of the acceptance criteria section (as SC002). */
  criteriaHeadings: string[];
  /**
   * A regular expression for headings that are tasks ("### Task 3: …"). When
   * a tasks file has such headings they are its tasks (done when every
   * checkbox under them is checked); otherwise its tasks are its top-level
   * checkbox items.
   */
  taskHeadings: string;
  /** Info-string languages of python fences (as SC004). */
  languages: string[];
  /** Check word claims about another file of the workspace (read from disk, inside the project root). */
  otherFiles: boolean;
  /** Project root for reading other files; empty: the nearest ancestor directory holding `.git`. */
  root: string;
  /** Other files larger than this (bytes) are not read. */
  maxFileBytes: number;
}

const PLANNING = [...KIND_FILES.prd, ...KIND_FILES.analysis, ...KIND_FILES.research];

export const SC010Defaults: SC010Options = {
  claims: [
    { label: "Total PRD Words", measure: "words", files: [...KIND_FILES.prd] },
    { label: "Total PRD Word Count", measure: "words", files: [...KIND_FILES.prd] },
    { label: "Total Analysis Words", measure: "words", files: [...KIND_FILES.analysis] },
    { label: "Total Research Words", measure: "words", files: [...KIND_FILES.research] },
    { label: "Total Words", measure: "words" },
    { label: "Total Word Count", measure: "words" },
    { label: "Word Count", measure: "words" },
    { label: "Words", measure: "words" },
    { label: "Acceptance Criteria", measure: "criteria", files: [...KIND_FILES.prd] },
    { label: "Code Snippets", measure: "pythonFences", files: PLANNING },
    { label: "Code Examples Verified", measure: "verifiedFences", files: PLANNING },
    { label: "Total Tasks", measure: "tasks", files: [...KIND_FILES.tasks] },
    { label: "Completed", measure: "completedTasks", files: [...KIND_FILES.tasks] },
    { label: "Completed Tasks", measure: "completedTasks", files: [...KIND_FILES.tasks] },
    { label: "Remaining", measure: "remainingTasks", files: [...KIND_FILES.tasks] },
  ],
  count: "wc",
  tolerance: 10,
  criteriaHeadings: ["Acceptance Criteria"],
  taskHeadings: "^Task\\s+\\d+(?:\\.\\d+)*\\b",
  languages: ["python", "py", "python3", "py3"],
  otherFiles: true,
  root: "",
  maxFileBytes: 10 * 1024 * 1024,
};

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

const NOUN: Record<Measure, [one: string, many: string]> = {
  words: ["word", "words"],
  criteria: ["acceptance criterion", "acceptance criteria"],
  pythonFences: ["python fence", "python fences"],
  verifiedFences: ["verified python fence", "verified python fences"],
  tasks: ["task", "tasks"],
  completedTasks: ["completed task", "completed tasks"],
  remainingTasks: ["remaining task", "remaining tasks"],
};

/** "1 task", "3 tasks". */
const counted = (n: number, measure: Measure) => `${n} ${NOUN[measure][n === 1 ? 0 : 1]}`;

const claimCheck: Check = is.object({ label: is.string(), measure: is.oneOf(...MEASURES), files: is.globs() }, ["label", "measure"]);

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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A claim regex for some labels: at the start of a line (after quote and list
 * markers, a checkbox or heading hashes), an optionally emphasised label, a
 * colon, an optional approximation, and the number.
 */
function claimRegex(labels: readonly string[]): RegExp {
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.trim().split(/\s+/).map(escape).join("\\s+"))
    .join("|");
  return new RegExp(
    "^\\s*(?:>\\s*)*(?:(?:[-*+]|\\d{1,9}[.)])\\s+)?(?:\\[[ xX]\\]\\s+)?(?:#{1,6}\\s+)?" +
      "(?:\\*\\*|__|\\*|_)?(" +
      alternatives +
      ")(?:\\*\\*|__|\\*|_)?\\s*:\\s*(?:\\*\\*|__|\\*|_)?\\s*" +
      "(~\\s*|≈\\s*|(?:about|approx\\.?|approximately|around)\\s+)?" +
      "(\\d{1,3}(?:,\\d{3})+|\\d+)(\\+)?(?![\\d%]|[.,:/\\-]\\d)" +
      "(?:\\*\\*|__|\\*|_)?[ \\t]*([\\p{L}]+)?",
    "iud",
  );
}

/** The claims of a document, read from its prose lines (code, HTML and link targets masked out). */
export function findClaims(model: DocumentModel, forms: readonly ClaimForm[]): Claim[] {
  if (forms.length === 0) return [];
  const byLabel = new Map<string, ClaimForm>();
  for (const f of forms) byLabel.set(f.label.trim().toLowerCase().replace(/\s+/g, " "), f);
  const regex = claimRegex(forms.map((f) => f.label));
  const claims: Claim[] = [];
  model.masked.forEach((text, i) => {
    if (!/\d/.test(text)) return;
    const m = regex.exec(text);
    if (!m) return;
    const form = byLabel.get(m[1].toLowerCase().replace(/\s+/g, " "));
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
function taskCounts(model: DocumentModel, headingPattern: RegExp): { tasks: number; completed: number } {
  const checkboxes = model.listItems.filter((item) => item.checked !== undefined);
  // The user's pattern sees a bounded heading, so it cannot take long.
  const headings = model.sections.filter((s) => s.level > 0 && headingPattern.test(s.title.slice(0, 300)));
  if (headings.length > 0) {
    // Checkboxes come in document order: find each heading's first one by binary search.
    const firstAfter = (line: number) => {
      let lo = 0;
      let hi = checkboxes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (checkboxes[mid].line <= line) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
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

/** `.md` paths mentioned in some lines (raw text: paths are often in code spans). */
function mdPaths(lines: readonly string[], from: number, to: number): string[] {
  const found = new Set<string>();
  const path = /(?:^|[\s`'"(<[|*])((?:\.{1,2}\/|[\w@.-]+\/)*[\w@-][\w@.-]*\.md)(?=$|[\s`'")>\],;:|*#])/g;
  for (let l = Math.max(1, from); l <= Math.min(to, lines.length); l++) {
    for (const m of lines[l - 1].matchAll(path)) found.add(m[1]);
  }
  return [...found];
}

/**
 * The subject of a claim on a line: the file it speaks of, when it names
 * one: a `.md` path on the claim's own line, else in the list it belongs to
 * (its item, the item's siblings, its parent item, and the paragraph leading
 * into the list). None: the document itself ("self"); several different
 * paths: "unclear". Lists are indexed once per document, so a document of
 * many claims stays linear.
 */
function claimSubjects(model: DocumentModel): (line: number) => string {
  const lineCount = model.lines.length;
  // The innermost list item holding each line (items come in document order, parents first).
  const itemAt = new Array<ListItem | undefined>(lineCount + 2);
  for (const item of model.listItems) {
    for (let l = item.line; l <= Math.min(item.endLine, lineCount); l++) itemAt[l] = item;
  }
  // Top-level items form one list while no other block comes between them.
  const breaks = [
    ...model.blocks.filter((b) => !b.listItem).map((b) => b.line),
    ...model.codeBlocks.map((b) => b.line),
  ].sort((a, b) => a - b);
  const breakBetween = (after: number, before: number) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo < breaks.length && breaks[lo] < before;
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
  const pathsOf = new Map<ListItem[], string[]>();

  return (line) => {
    const own = mdPaths(model.lines, line, line);
    if (own.length > 0) return own.length === 1 ? own[0] : "unclear";
    const item = itemAt[line];
    if (!item) return "self";
    const siblings = item.parent ? item.parent.children : groupOf.get(item) ?? [item];
    let paths = pathsOf.get(siblings);
    if (!paths) {
      const first = siblings[0];
      const last = siblings[siblings.length - 1];
      const from = item.parent ? item.parent.line : leadEnding.get(first.line - 1) ?? leadEnding.get(first.line - 2) ?? first.line;
      paths = mdPaths(model.lines, from, last.endLine);
      pathsOf.set(siblings, paths);
    }
    return paths.length === 0 ? "self" : paths.length === 1 ? paths[0] : "unclear";
  };
}

const format = (n: number, grouped: boolean) => (grouped ? n.toLocaleString("en-US") : String(n));

export default defineRule<SC010Options>({
  id: "SC010",
  slug: "declared-metrics",
  description: "Self-reported counts should match the document",
  category: "metrics",
  files: ["**/*.md"],
  defaults: SC010Defaults,
  schema: {
    claims: is.arrayOf(claimCheck, "claim forms"),
    count: is.oneOf("prose", "wc"),
    tolerance: is.number(0),
    criteriaHeadings: is.strings(),
    taskHeadings: (v) => (typeof v !== "string" ? `a regular expression; found ${JSON.stringify(v)}` : regexProblem(v)),
    languages: is.strings(),
    otherFiles: is.boolean(),
    root: is.string(),
    maxFileBytes: is.integer(0),
  },
  run({ model, options, params, report }) {
    const forms = options.claims.filter((f) => !f.files || globMatcher(f.files)(params.name));
    const claims = findClaims(model, forms);
    if (claims.length === 0) return;

    const measured = new Map<Measure, number>();
    const measure = (m: Measure): number => {
      let value = measured.get(m);
      if (value !== undefined) return value;
      const languages = new Set(options.languages.map((l) => l.toLowerCase()));
      const python = () => model.codeBlocks.filter((b) => b.fenced && languages.has(fenceLanguage(b.info)));
      switch (m) {
        case "words":
          value =
            options.count === "prose"
              ? model.root.words.prose
              : model.root.words.wc + params.frontMatterLines.reduce((n, l) => n + countWcWords(l), 0);
          break;
        case "criteria":
          value = acceptanceCriteria(model, options.criteriaHeadings).length;
          break;
        case "pythonFences":
          value = python().length;
          break;
        case "verifiedFences":
          value = python().filter((b) => pythonComments(b.content).some((c) => c.text.includes("# VERIFIED:"))).length;
          break;
        default: {
          const t = taskCounts(model, new RegExp(options.taskHeadings, "iu"));
          value = m === "tasks" ? t.tasks : m === "completedTasks" ? t.completed : t.tasks - t.completed;
        }
      }
      measured.set(m, value);
      return value;
    };

    const self = filePath(params.name);
    let root: string | undefined | null = null;
    let subjectOf: ((line: number) => string) | undefined;
    const others = new Map<string, ReturnType<typeof otherFile>>();
    for (const claim of claims) {
      let actual: number;
      let about = "";
      const subject = claim.measure === "words" ? (subjectOf ??= claimSubjects(model))(claim.line) : "self";
      if (subject === "unclear") continue;
      let other = subject === "self" ? "self" : others.get(subject);
      if (!others.has(subject) && subject !== "self") others.set(subject, (other = otherFile(subject)));
      if (other === undefined) continue;
      if (other !== "self") {
        if (other.status === "missing") {
          report({
            line: claim.line,
            detail: `Claim "${claim.label}" about ${subject}: Expected: the file to exist; Actual: not found`,
            context: model.lines[claim.line - 1].trim(),
            range: [claim.column, claim.length],
          });
          continue;
        }
        actual = other.words;
        about = ` about ${subject}`;
      } else {
        actual = measure(claim.measure);
      }
      const tolerance = claim.kind === "about" ? (claim.value * options.tolerance) / 100 : 0;
      const ok =
        claim.kind === "atLeast" ? actual >= claim.value : Math.abs(actual - claim.value) <= tolerance + 1e-9;
      if (ok) continue;
      const expected =
        claim.kind === "atLeast"
          ? `at least ${counted(claim.value, claim.measure)}`
          : claim.kind === "about"
            ? `about ${counted(claim.value, claim.measure)} (±${options.tolerance}%)`
            : counted(claim.value, claim.measure);
      // Another file is always counted as `wc -w` counts it (it is never parsed).
      const counting = claim.measure !== "words" ? "" : about || options.count === "wc" ? " (wc)" : " (prose)";
      report({
        line: claim.line,
        detail: `Claim "${claim.label}"${about}: Expected: ${expected}; Actual: ${counted(actual, claim.measure)}${counting}`,
        context: model.lines[claim.line - 1].trim(),
        range: [claim.column, claim.length],
        fixInfo:
          claim.kind === "exact"
            ? { editColumn: claim.column, deleteCount: claim.length, insertText: format(actual, claim.grouped) }
            : undefined,
      });
    }

    /** Words of another file, "self" when the path is the linted file, undefined when it cannot be checked. */
    function otherFile(path: string): { status: "found"; words: number } | { status: "missing" } | "self" | undefined {
      if (!options.otherFiles) return undefined;
      if (root === null) root = projectRoot(params.name, options.root);
      const here = dirname(self);
      // Inside the root when there is one; else only below the linted file's own directory.
      const bound = root && isInside(root, here) ? root : here;
      const candidates = [join(here, path)];
      if (root) candidates.push(join(root, path));
      else candidates.push(...suffixCandidates(here, path));
      let missing = false;
      for (const candidate of candidates) {
        if (candidate === self) return "self";
        const found = resolveInside(bound, candidate);
        if (found.status === "file") {
          if (found.real === self) return "self";
          const facts = fileFacts(found.real, options.maxFileBytes);
          return facts ? { status: "found", words: facts.wcWords } : undefined;
        }
        if (found.status === "missing") missing = true;
      }
      return missing && root ? { status: "missing" } : undefined;
    }
  },
});

/**
 * With no project root, a path written from the root (`specs/active/x/prd.md`
 * in `specs/active/x/recovery.md`) is found by matching its leading
 * directories against the end of the linted file's directory.
 */
function suffixCandidates(here: string, path: string): string[] {
  const dirs = here.split(/[\\/]/);
  const parts = path.split("/");
  const out: string[] = [];
  for (let k = Math.min(parts.length - 1, dirs.length); k >= 1; k--) {
    if (dirs.slice(dirs.length - k).join("/") === parts.slice(0, k).join("/")) {
      out.push(join(here, ...parts.slice(k)));
    }
  }
  return out;
}
