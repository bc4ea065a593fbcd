/**
 * How SC016 reads a document (the rule: rules/SC016-traceability.ts).
 */
import { basename, dirname, join } from "node:path";
import type { Check } from "../core/options.js";
import { fileFacts, filePath, isInside, projectRoot, resolveInside } from "../core/project.js";
import { type Citation, criterionCitations, idCitations, idPattern, readTargets, storyCitations, type Targets } from "./SC016-trace.js";
import { listDir, sameName } from "../core/workspace.js";
import type { RuleContext } from "../core/rule.js";

type Reference = "criteria" | "stories" | "ids";

export interface SC016Options {
  /** The sibling documents that define what is cited, by file name; the first that exists is read. */
  definedIn: string[];
  /** The sibling documents whose citations count for `uncited`, by file name. */
  citedIn: string[];
  /**
   * What is checked: "criteria" (Kiro's `_Requirements: 1.2_` and
   * `Validates: Requirements 1.2`), "stories" (spec-kit's `[US2]`), "ids"
   * (requirement IDs such as `FR-007`).
   */
  references: Reference[];
  /** Prefixes of requirement IDs ("FR" for `FR-007`). */
  idPrefixes: string[];
  /** Report, in the defining document, criteria, stories and IDs that no task cites (off by default). */
  uncited: boolean;
  /** The project root ("" for the nearest folder holding `.git`). Nothing outside it is read. */
  root: string;
  /** A defining document larger than this is not read. */
  maxFileBytes: number;
}

export const SC016Defaults: SC016Options = {
  definedIn: ["requirements.md", "bugfix.md", "spec.md"],
  citedIn: ["tasks.md"],
  references: ["criteria", "stories", "ids"],
  idPrefixes: ["FR", "NFR", "SC"],
  uncited: false,
  root: "",
  maxFileBytes: 5 * 1024 * 1024,
};

export const fileNames: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && /^[^\\/]+$/.test(x) && x !== "." && x !== "..")
    ? undefined
    : `a non-empty array of file names (no folders); found ${JSON.stringify(v)}`;

export const referenceList: Check = (v) =>
  Array.isArray(v) && v.every((x) => x === "criteria" || x === "stories" || x === "ids")
    ? undefined
    : `an array of "criteria", "stories", "ids"; found ${JSON.stringify(v)}`;

// What each defining document defines, per file's facts (fileFacts returns the same object while the file is unchanged).
const parsed = new WeakMap<object, Map<string, Targets>>();

/** Read a sibling document of `self` (by name, in any case), inside `bound` only. */
function sibling(self: string, names: readonly string[], bound: string, maxBytes: number): { name: string; lines: string[]; facts: object } | undefined {
  const dir = dirname(self);
  const entries = listDir(dir);
  for (const wanted of names) {
    const entry = entries.find((d) => d.isFile() && sameName(d.name, wanted)) ?? entries.find((d) => sameName(d.name, wanted));
    if (!entry) continue;
    const found = resolveInside(bound, join(dir, entry.name));
    if (found.status !== "file" || found.real === self) continue;
    const facts = fileFacts(found.real, maxBytes);
    if (facts) return { name: entry.name, lines: facts.lines, facts };
  }
  return undefined;
}

function targetsOf(doc: { lines: string[]; facts: object }, prefixes: readonly string[]): Targets {
  let byPrefixes = parsed.get(doc.facts);
  if (!byPrefixes) parsed.set(doc.facts, (byPrefixes = new Map()));
  const key = prefixes.join("\u0000");
  let targets = byPrefixes.get(key);
  if (!targets) byPrefixes.set(key, (targets = readTargets(doc.lines, prefixes)));
  return targets;
}

/** What SC016 checks in one document. */
export function checkReferences({ model, options, params, report }: RuleContext<SC016Options>): void {
  const self = filePath(params.name);
  const root = projectRoot(params.name, options.root);
  const here = dirname(self);
  // Inside the root when there is one; else only the linted file's own folder.
  const bound = root && isInside(root, here) ? root : here;
  const own = options.definedIn.some((n) => sameName(n, basename(self)));
  const ids = options.references.includes("ids") ? idPattern(options.idPrefixes) : undefined;
  // 1 on the lines of code blocks (by line number).
  const code = new Uint8Array(model.lines.length + 2);
  for (const b of model.codeBlocks) code.fill(1, b.line, Math.min(b.endLine, model.lines.length) + 1);
  const citesCriteria = options.references.includes("criteria");
  const citesStories = options.references.includes("stories");

  if (own) {
    if (options.uncited) reportUncited();
    return;
  }
  const doc = sibling(self, options.definedIn, bound, options.maxFileBytes);
  if (!doc) return; // no defining document beside it: nothing to resolve against
  const targets = targetsOf(doc, options.idPrefixes);
  model.lines.forEach((text, i) => {
    const line = i + 1;
    // Every citation holds a digit ("1.2", "US2", "FR-007"): most lines are left at once.
    if (code[line] === 1 || !DIGIT.test(text)) return;
    const cited: Citation[] = [
      ...(citesCriteria ? criterionCitations(text) : []),
      ...(citesStories ? storyCitations(text) : []),
      ...idCitations(text, ids),
    ];
    if (cited.length === 0) return;
    const missing: Citation[] = [];
    for (const c of cited) {
      if (c.kind === "criterion") {
        // A document that numbers no requirements is written another way: the rule cannot tell.
        if (targets.requirements.size === 0) continue;
        if (c.keys.some((k) => (k.includes(".") ? !targets.criteria.has(k) : !targets.requirements.has(k)))) missing.push(c);
      } else if (c.kind === "story") {
        if (targets.stories.size > 0 && !targets.stories.has(c.keys[0])) missing.push(c);
      } else if (targets.ids.size > 0 && !targets.ids.has(c.keys[0])) {
        missing.push(c);
      }
    }
    // One finding per kind of reference on the line, over the first missing one.
    for (const kind of ["criterion", "story", "id"] as const) {
      const mine = missing.filter((c) => c.kind === kind);
      if (mine.length === 0) continue;
      const names = mine.flatMap((c) => (kind === "criterion" ? absentKeys(c, targets) : c.keys));
      const noun =
        kind === "story"
          ? names.length > 1 ? "user stories" : "user story"
          : kind === "id"
            ? names.length > 1 ? "requirements" : "requirement"
            : names.some((n) => n.includes("."))
              ? names.length > 1 ? "acceptance criteria" : "acceptance criterion"
              : names.length > 1 ? "requirements" : "requirement";
      report({
        line,
        detail: `Expected: ${noun} ${names.join(", ")} in ${doc.name}; Actual: not there${kind === "criterion" ? criteriaHint(names[0], targets) : ""}`,
        context: text.trim(),
        range: [mine[0].column + 1, mine[0].text.length],
      });
    }
  });

  /** In a defining document: what no task in the citing sibling cites, on its own line. */
  function reportUncited() {
    const citing = sibling(self, options.citedIn, bound, options.maxFileBytes);
    if (!citing) return;
    const targets = readTargets(model.lines, options.idPrefixes);
    const cited = { criterion: new Set<string>(), story: new Set<string>(), id: new Set<string>() };
    for (const text of citing.lines) {
      for (const c of criterionCitations(text)) for (const k of c.keys) cited.criterion.add(k);
      for (const c of storyCitations(text)) cited.story.add(c.keys[0]);
      for (const c of idCitations(text, ids)) cited.id.add(c.keys[0]);
    }
    const out: { line: number; detail: string }[] = [];
    // Only what the task list cites at all: a list that cites no stories says nothing about them.
    if (options.references.includes("criteria") && cited.criterion.size > 0) {
      for (const k of targets.criteria) {
        const requirement = k.split(".")[0];
        if (!cited.criterion.has(k) && !cited.criterion.has(requirement)) {
          out.push({ line: targets.lineOf.get(k) ?? 1, detail: `Acceptance criterion ${k}: Expected: a task in ${citing.name} that cites it; Actual: none` });
        }
      }
    }
    if (options.references.includes("stories") && cited.story.size > 0) {
      for (const s of targets.stories) {
        if (!cited.story.has(s)) out.push({ line: storyLine(s), detail: `User Story ${s}: Expected: a task in ${citing.name} labelled [US${s}]; Actual: none` });
      }
    }
    if (ids && cited.id.size > 0) {
      for (const id of targets.ids) {
        if (!cited.id.has(id)) out.push({ line: idLine(id), detail: `Requirement ${id}: Expected: a task in ${citing.name} that cites it; Actual: none` });
      }
    }
    for (const f of out.sort((a, b) => a.line - b.line)) report({ ...f, context: model.lines[f.line - 1]?.trim() });
  }

  function storyLine(story: string): number {
    const i = model.sections.find((s) => s.level > 0 && new RegExp(`(?:\\bstory\\s*#?|\\bUS-?)${story}\\b`, "i").test(s.title));
    return i?.line ?? 1;
  }

  function idLine(id: string): number {
    const re = new RegExp(`(?<![\\w-])${id}(?![\\w-])`);
    const i = model.lines.findIndex((l, n) => code[n + 1] !== 1 && re.test(l));
    return i >= 0 ? i + 1 : 1;
  }
}

/** The numbers of a cited criterion (or range) that the document does not define. */
function absentKeys(c: Citation, targets: Targets): string[] {
  return c.keys.filter((k) => (k.includes(".") ? !targets.criteria.has(k) : !targets.requirements.has(k)));
}

const DIGIT = /\d/;

/** What the document holds instead: "requirement 13 has no numbered criteria", "requirement 2 has 2.1, 2.2", "requirement 3 has 3.1 to 3.6". */
function criteriaHint(first: string, targets: Targets): string {
  const requirement = first.split(".")[0];
  if (!targets.requirements.has(requirement)) return ` (no requirement ${requirement})`;
  if (!first.includes(".")) return "";
  const own = criteriaBy(targets).get(`${requirement} ${first.split(".").length}`) ?? [];
  if (own.length === 0) return ` (requirement ${requirement} has no numbered criteria)`;
  const shown = own.length <= 3 ? own.join(", ") : `${own[0]} to ${own[own.length - 1]}`;
  return ` (requirement ${requirement} has ${shown})`;
}

// A defining document's criteria by requirement and depth ("3 2" → 3.1, 3.2, …, by last number), once per document read.
const grouped = new WeakMap<Targets, Map<string, string[]>>();

function criteriaBy(targets: Targets): Map<string, string[]> {
  let groups = grouped.get(targets);
  if (!groups) {
    groups = new Map();
    for (const k of targets.criteria) {
      const parts = k.split(".");
      const key = `${parts[0]} ${parts.length}`;
      const list = groups.get(key);
      if (list) list.push(k);
      else groups.set(key, [k]);
    }
    for (const list of groups.values()) list.sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
    grouped.set(targets, groups);
  }
  return groups;
}
