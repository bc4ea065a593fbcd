/**
 * The scorecard: one row per document of a specs tree, saying where it
 * stands against the contract. Every figure comes from the rules' own run:
 * the document model they shared, the options they resolved from the
 * configuration (handed over through lib/core/observe.ts), the helpers they use,
 * and their findings. Nothing is parsed or counted a second way.
 *
 * | column | from |
 * |---|---|
 * | kind | the workflows' folders (lib/core/workflows.ts), else the default file patterns of CONTRACT.md (lib/core/files.ts) |
 * | words, sections | SC001's options and lib/text/budgets.ts over the model |
 * | criteria | SC002's options and lib/text/criteria.ts |
 * | measurable | the criteria SC003 judged (its findings on criterion lines) |
 * | python fences | SC004's options, languages and `# VERIFIED:` comment test |
 * | diagrams | SC005's options (mermaid blocks where it counts them) and lib/text/diagram.ts |
 * | result | no SC finding of severity error on the document |
 *
 * A column is null (shown as "-") when its rule did not check the document.
 */
import { relative, resolve, sep } from "node:path";
import { fencesIn, verifiedComments } from "../lib/text/fences.js";
import { type BudgetEntry, documentBudgets } from "../lib/text/budgets.js";
import { documentCriteria } from "../lib/text/criteria.js";
import { isDiagramBlock } from "../lib/text/diagram.js";
import { globMatcher, KIND_FILES, type Kind } from "../lib/core/files.js";
import { WORKFLOW_FILES, type WorkflowKind } from "../lib/core/workflows.js";
import type { DocumentModel } from "../lib/core/model.js";
import type { Observation } from "../lib/core/observe.js";
import type { CountMode } from "../lib/text/words.js";

/** A finding as markdownlint-cli2 hands it to output formatters (the fields used here). */
export interface ResultLike {
  fileName: string;
  lineNumber: number;
  ruleNames: readonly string[];
  errorDetail?: string | null;
  severity?: "error" | "warning";
}

export interface SectionScore {
  heading: string;
  line: number;
  words: number;
  budget: number;
  met: boolean;
}

export interface ScorecardRow {
  /** Path relative to the directory the lint ran in, with "/" separators. */
  file: string;
  /** The contract's document kind, a workflow's ("spec-kit spec", "kiro tasks"), or "other". */
  kind: Kind | WorkflowKind | "other";
  /** Words of the document and its minimum (null: no minimum); null when SC001 did not check it. */
  words: { count: CountMode; actual: number; minimum: number | null } | null;
  /** Sections with a word budget; null when SC001 did not check the document. */
  sections: SectionScore[] | null;
  /** Acceptance criteria counted (SC002) and judged measurable (SC003, null when it did not check them). */
  criteria: { count: number; minimum: number; measurable: number | null } | null;
  /** Python fences and how many carry the verification comment (SC004). */
  pythonFences: { total: number; verified: number } | null;
  /** ASCII diagrams found and the minimum (SC005). */
  diagrams: { count: number; minimum: number } | null;
  /** Findings of the suite's rules: severity error, and warnings. */
  findings: number;
  warnings: number;
  pass: boolean;
}

export interface Scorecard {
  documents: ScorecardRow[];
  summary: { documents: number; passed: number; failed: number };
}

const posix = (path: string) => path.split(sep).join("/");

/** The document kind of a path: a workflow's (spec-kit, Kiro) by its folder, else by the contract's default file patterns. */
export function kindOf(path: string): Kind | WorkflowKind | "other" {
  for (const [kind, patterns] of Object.entries(WORKFLOW_FILES) as [WorkflowKind, readonly string[]][]) {
    if (globMatcher(patterns)(path)) return kind;
  }
  for (const [kind, patterns] of Object.entries(KIND_FILES) as [Kind, readonly string[]][]) {
    if (globMatcher(patterns)(path)) return kind;
  }
  return "other";
}

/**
 * Build the scorecard from what the rules observed (keyed by the file name
 * markdownlint passed) and the findings markdownlint-cli2 reported (file
 * names relative to `directory`).
 */
export function buildScorecard(
  observations: ReadonlyMap<string, ReadonlyMap<string, Observation>>,
  results: readonly ResultLike[],
  directory: string,
): Scorecard {
  const byFile = new Map<string, ResultLike[]>();
  for (const r of results) {
    if (!/^SC\d{3}$/.test(r.ruleNames[0] ?? "")) continue;
    const key = resolve(directory, r.fileName);
    byFile.set(key, [...(byFile.get(key) ?? []), r]);
  }
  const documents: ScorecardRow[] = [];
  for (const [name, seen] of observations) {
    const path = resolve(directory, name);
    const file = posix(relative(directory, path));
    const found = byFile.get(path) ?? [];
    const model = seen.values().next().value!.model;
    const option = <T>(rule: string) => seen.get(rule)?.options as T | undefined;
    const linesOf = (rule: string) => new Set(found.filter((f) => f.ruleNames[0] === rule).map((f) => f.lineNumber));

    const sc001 = option<{ count: CountMode; documents: BudgetEntry[] }>("SC001");
    const budgets = sc001 && documentBudgets(model, name, sc001);
    const sc002 = option<{ minimum: number; headings: string[]; scenarioHeadings?: string[] }>("SC002");
    const sc003 = option<{ headings: string[]; scenarioHeadings?: string[] }>("SC003");
    const sc004 = option<{ languages: string[]; marker: string }>("SC004");
    const sc005 = option<{ minimum: number; languages: string[]; mermaid?: boolean }>("SC005");
    const errors = found.filter((f) => f.severity !== "warning").length;

    documents.push({
      file,
      kind: kindOf(file),
      words: budgets ? { count: sc001.count, actual: budgets.words, minimum: budgets.minimum > 0 ? budgets.minimum : null } : null,
      sections: budgets
        ? budgets.sections.map((b) => ({
            heading: b.section.title,
            line: b.section.line,
            words: b.words,
            budget: b.budget,
            met: b.words >= b.budget,
          }))
        : null,
      criteria: sc002 ? criteriaScore(model, sc002, sc003, linesOf("SC003")) : null,
      pythonFences: sc004 ? fenceScore(model, sc004) : null,
      diagrams: sc005
        ? {
            count: model.codeBlocks.filter((b) => (sc005.mermaid === true && b.lang.toLowerCase() === "mermaid" && b.content.some((l) => l.trim() !== "")) || isDiagramBlock(b, sc005.languages)).length,
            minimum: sc005.minimum,
          }
        : null,
      findings: errors,
      warnings: found.length - errors,
      pass: errors === 0,
    });
  }
  documents.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const passed = documents.filter((d) => d.pass).length;
  return { documents, summary: { documents: documents.length, passed, failed: documents.length - passed } };
}

function criteriaScore(
  model: DocumentModel,
  sc002: { minimum: number; headings: string[]; scenarioHeadings?: string[] },
  sc003: { headings: string[]; scenarioHeadings?: string[] } | undefined,
  notMeasurable: ReadonlySet<number>,
): ScorecardRow["criteria"] {
  const items = documentCriteria(model, sc002);
  const judged = sc003 ? documentCriteria(model, sc003) : undefined;
  return {
    count: items.length,
    minimum: sc002.minimum,
    measurable: judged ? judged.filter((item) => !notMeasurable.has(item.line)).length : null,
  };
}

function fenceScore(model: DocumentModel, sc004: { languages: string[]; marker: string }): ScorecardRow["pythonFences"] {
  const fences = fencesIn(model, sc004);
  const verified = fences.filter((b) => verifiedComments(b.content, sc004.marker).some((c) => c.exact)).length;
  return { total: fences.length, verified };
}

/** The cells of a row, as text (the terminal table and the Markdown table share them). */
export function rowCells(row: ScorecardRow): Record<(typeof COLUMNS)[number], string> {
  const met = row.sections?.filter((s) => s.met).length ?? 0;
  return {
    Document: row.file,
    Kind: row.kind,
    Words: row.words ? (row.words.minimum !== null ? `${row.words.actual}/${row.words.minimum}` : `${row.words.actual}`) : "-",
    Sections: row.sections && row.sections.length > 0 ? `${met}/${row.sections.length} met` : "-",
    Criteria: row.criteria ? `${row.criteria.count}/${row.criteria.minimum}` : "-",
    Measurable: row.criteria && row.criteria.measurable !== null ? `${row.criteria.measurable}/${row.criteria.count}` : "-",
    "Python verified": row.pythonFences ? `${row.pythonFences.verified}/${row.pythonFences.total}` : "-",
    Diagram: row.diagrams ? (row.diagrams.count >= row.diagrams.minimum ? `yes (${row.diagrams.count})` : `no (${row.diagrams.count})`) : "-",
    Findings: `${row.findings}`,
    Result: row.pass ? "pass" : "fail",
  };
}

export const COLUMNS = [
  "Document",
  "Kind",
  "Words",
  "Sections",
  "Criteria",
  "Measurable",
  "Python verified",
  "Diagram",
  "Findings",
  "Result",
] as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function summaryLine(card: Scorecard): string {
  return `${card.summary.passed} of ${plural(card.summary.documents, "document")} pass`;
}

/** A plain-text table for the terminal, then the sections short of their budget. */
export function renderTable(card: Scorecard): string {
  const rows = card.documents.map(rowCells);
  const width = (c: (typeof COLUMNS)[number]) => Math.max(c.length, ...rows.map((r) => r[c].length));
  const line = (cells: Record<string, string>) =>
    COLUMNS.map((c) => cells[c].padEnd(width(c)))
      .join("  ")
      .trimEnd();
  const out = [line(Object.fromEntries(COLUMNS.map((c) => [c, c]))), line(Object.fromEntries(COLUMNS.map((c) => [c, "-".repeat(width(c))])))];
  for (const r of rows) out.push(line(r));
  out.push("", summaryLine(card));
  const short = card.documents.filter((d) => d.sections?.some((s) => !s.met));
  if (short.length > 0) {
    out.push("", "Sections short of their word budget:");
    for (const d of short) {
      for (const s of d.sections!.filter((x) => !x.met)) out.push(`  ${d.file}:${s.line} ${s.heading}: ${s.words}/${s.budget} words`);
    }
  }
  return `${out.join("\n")}\n`;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): the table, then each document's section budgets. */
export function renderMarkdown(card: Scorecard, title = "Spec scorecard"): string {
  const out = [`## ${title}`, "", `${summaryLine(card)}.`, ""];
  out.push(`| ${COLUMNS.join(" | ")} |`, `|${COLUMNS.map((c) => (c === "Document" || c === "Kind" ? "---" : "---:")).join("|")}|`);
  for (const row of card.documents) {
    const cells = rowCells(row);
    cells.Document = `\`${cells.Document}\``;
    cells.Result = row.pass ? "✅ pass" : "❌ fail";
    out.push(`| ${COLUMNS.map((c) => cell(cells[c])).join(" | ")} |`);
  }
  for (const row of card.documents.filter((d) => d.sections && d.sections.length > 0)) {
    out.push("", `<details><summary><code>${row.file}</code>: words per section</summary>`, "");
    out.push("| Section | Line | Words | Budget | Met |", "|---|---:|---:|---:|---|");
    for (const s of row.sections!) out.push(`| ${cell(s.heading)} | ${s.line} | ${s.words} | ${s.budget} | ${s.met ? "yes" : "no"} |`);
    out.push("", "</details>");
  }
  return `${out.join("\n")}\n`;
}

/** JSON: the rows and a summary. */
export function renderJson(card: Scorecard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}
