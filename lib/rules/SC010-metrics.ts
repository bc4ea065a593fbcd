/**
 * How SC010 reads a document (the rule: rules/SC010-declared-metrics.ts).
 */
import { dirname, join } from "node:path";
import { aboutSomethingElse, type Claim, type ClaimForm, claimGroups, claimSubjects, explainingCounts, findClaims, type Measure, MEASURES, taskReadings } from "./SC010-claims.js";
import { acceptanceCriteria, CRITERIA_HEADINGS } from "../text/criteria.js";
import { fencesIn, PYTHON_LANGUAGES, verifiedComments } from "../text/fences.js";
import { globMatcher, KIND_FILES } from "../core/files.js";
import { fromOptions } from "../core/memo.js";
import { type Check, is } from "../core/options.js";
import { fileFacts, filePath, isInside, projectRoot, resolveInside } from "../core/project.js";
import { optionRegExp } from "../core/regex.js";
import { countWcWords, type CountMode } from "../text/words.js";
import type { RuleContext } from "../core/rule.js";

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
  /**
   * Labels that mark a group of lines (a list, a paragraph) as describing
   * something else, such as a library's entry in a documentation index
   * ("Trust Score: 9.3" beside "Code Snippets: 668"): claims in that group
   * are not the document's and are not checked.
   */
  otherSubjectLabels: string[];
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
  criteriaHeadings: [...CRITERIA_HEADINGS],
  taskHeadings: "^Task\\s+\\d+(?:\\.\\d+)*\\b",
  languages: [...PYTHON_LANGUAGES],
  otherFiles: true,
  root: "",
  maxFileBytes: 10 * 1024 * 1024,
  otherSubjectLabels: [
    "Library",
    "Libraries",
    "Library ID",
    "Context7 ID",
    "Context7-compatible library ID",
    "Trust Score",
    "Benchmark Score",
    "Source Reputation",
  ],
};

/**
 * Counts a fix may write: the ones measured without interpretation (`wc -w`
 * words, python fences, verified fences). Criteria and tasks depend on how
 * a document lays them out, so their findings carry no fix.
 */
const FIXABLE = new Set<Measure>(["words", "pythonFences", "verifiedFences"]);

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

export const claimCheck: Check = is.object({ label: is.string(), measure: is.oneOf(...MEASURES), files: is.globs() }, ["label", "measure"]);

const format = (n: number, grouped: boolean) => (grouped ? n.toLocaleString("en-US") : String(n));

/** What SC010 checks in one document. */
export function checkDeclaredMetrics({ model, options, params, report }: RuleContext<SC010Options>): void {
  // The forms that apply to this file, as the same array for every file
  // they apply to (findClaims builds its expressions once per array).
  const applies = options.claims.map((f) => !f.files || globMatcher(f.files)(params.name));
  const selections = fromOptions(options, "SC010", () => new Map<string, ClaimForm[]>());
  const key = applies.map(Number).join("");
  let forms = selections.get(key);
  if (!forms) selections.set(key, (forms = options.claims.filter((_, i) => applies[i])));
  const claims = findClaims(model, forms);
  if (claims.length === 0) return;

  // What each measure finds: the usual reading first, then others a document may mean (tasks).
  const measured = new Map<Measure, number[]>();
  const measure = (m: Measure): number[] => {
    let values = measured.get(m);
    if (values !== undefined) return values;
    let value = 0;
    const python = () => fencesIn(model, options);
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
        value = python().filter((b) => verifiedComments(b.content).length > 0).length;
        break;
      default: {
        const readings = taskReadings(model, optionRegExp(options.taskHeadings, "iu", [SC010Defaults.taskHeadings]));
        values = [...new Set(readings.map((t) => (m === "tasks" ? t.tasks : m === "completedTasks" ? t.completed : t.tasks - t.completed)))];
      }
    }
    values ??= [value];
    measured.set(m, values);
    return values;
  };

  const self = filePath(params.name);
  let root: string | undefined | null = null;
  const groups = claimGroups(model);
  let subjectOf: ((line: number) => string) | undefined;
  const others = new Map<string, ReturnType<typeof otherFile>>();
  for (const claim of claims) {
    let actual: number;
    let alsoActual: number[] = [];
    let about = "";
    // A library's entry in a documentation index is not this document.
    if (aboutSomethingElse(model, groups(claim.line), options.otherSubjectLabels)) continue;
    const subject = claim.measure === "words" ? (subjectOf ??= claimSubjects(model, groups))(claim.line) : "self";
    if (subject === "unclear") continue;
    let other: ReturnType<typeof otherFile> = "self";
    if (subject !== "self") {
      if (!others.has(subject)) others.set(subject, otherFile(subject));
      other = others.get(subject);
    }
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
      [actual, ...alsoActual] = measure(claim.measure);
    }
    const tolerance = claim.kind === "about" ? (claim.value * options.tolerance) / 100 : 0;
    // "30 tasks plus 2 cleanup tasks": the line explains the figure, and each reading may be the one meant.
    const readings = explained(claim, model.masked[claim.line - 1]);
    const ok = [actual, ...alsoActual].some((found) =>
      claim.kind === "atLeast" ? found >= claim.value : readings.some((value) => Math.abs(found - value) <= tolerance + 1e-9),
    );
    if (ok) continue;
    const alternatives = readings.length > 1 ? ` (or ${readings.slice(1).join(" or ")}, with the other counts on its line)` : "";
    const expected =
      claim.kind === "atLeast"
        ? `at least ${counted(claim.value, claim.measure)}`
        : claim.kind === "about"
          ? `about ${counted(claim.value, claim.measure)} (±${options.tolerance}%)${alternatives}`
          : `${counted(claim.value, claim.measure)}${alternatives}`;
    // A fix only where the claim is certainly this document's and its count unambiguous.
    const certain =
      claim.kind === "exact" &&
      about === "" &&
      readings.length === 1 &&
      FIXABLE.has(claim.measure) &&
      (claim.measure !== "words" || options.count === "wc");
    // Another file is always counted as `wc -w` counts it (it is never parsed).
    const counting = claim.measure !== "words" ? "" : about || options.count === "wc" ? " (wc)" : " (prose)";
    report({
      line: claim.line,
      detail: `Claim "${claim.label}"${about}: Expected: ${expected}; Actual: ${counted(actual, claim.measure)}${counting}`,
      context: model.lines[claim.line - 1].trim(),
      range: [claim.column, claim.length],
      fixInfo: certain ? { editColumn: claim.column, deleteCount: claim.length, insertText: format(actual, claim.grouped) } : undefined,
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
}

/**
 * The values a claim may mean: its number, and where the rest of its line
 * holds other counts of the same thing, its number plus them (all, or each).
 */
function explained(claim: Claim, line: string | undefined): number[] {
  const extra = explainingCounts((line ?? "").slice(claim.column - 1 + claim.length), claim.measure);
  if (extra.length === 0) return [claim.value];
  const sum = extra.reduce((a, b) => a + b, 0);
  return [...new Set([claim.value, claim.value + sum, ...extra.map((n) => claim.value + n)])];
}

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
