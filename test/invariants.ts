/**
 * What must hold for any document and any rule of the registry (issue 6):
 * no throw, no internal-error finding, every line inside the document, every
 * range inside its line, every fixInfo valid, fixes that settle, and
 * findings that do not depend on the order the rules run in.
 *
 * Shared by test/property.test.ts, test/hostile.test.ts and
 * test/regressions.test.ts. The rules come from the registry (dist/), so a
 * rule that lands is covered without touching these tests.
 */
import { applyFixes } from "markdownlint";
import type { Configuration, LintError, Rule } from "markdownlint";
import { lint } from "markdownlint/sync";
import registry from "../dist/index.js";

export const SUITE = registry as unknown as Rule[];
export const RULE_IDS = SUITE.map((r) => r.names[0]);

/** Names that select every document kind under the default patterns. */
export const LINT_AS = [
  "specs/active/demo/prd.md",
  "specs/active/demo/tasks.md",
  "specs/active/demo/research/plan.md",
  "specs/active/demo/research/analysis.md",
  "specs/active/demo/recovery.md",
  "docs/guides/demo.md",
] as const;

const SUITE_CONFIG: Configuration = { default: false, "spec-contract": true };

/** Lint one string as `name` with the given rules (the whole suite by default). */
export function lintWith(markdown: string, name: string, rules: Rule[] = SUITE, config: Configuration = SUITE_CONFIG): LintError[] {
  return lint({ strings: { [name]: markdown }, config, customRules: rules })[name] ?? [];
}

/** The document's lines as markdownlint numbers them (BOM dropped; CRLF, CR and LF all end a line). */
export function documentLines(markdown: string): string[] {
  return markdown.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** A finding in a stable, comparable form. */
export const key = (e: LintError) =>
  `${e.lineNumber}|${e.ruleNames[0]}|${e.errorDetail ?? ""}|${e.errorRange?.join(",") ?? ""}|${e.fixInfo ? JSON.stringify(e.fixInfo) : ""}`;

/** Every invariant a single lint result must satisfy; an empty list when all hold. */
export function violations(markdown: string, errors: LintError[]): string[] {
  const lines = documentLines(markdown);
  const out: string[] = [];
  for (const e of errors) {
    const id = `${e.ruleNames[0]} line ${e.lineNumber}`;
    if ((e.errorDetail ?? "").startsWith("Internal error in")) out.push(`${id}: ${e.errorDetail}`);
    if (!Number.isInteger(e.lineNumber) || e.lineNumber < 1 || e.lineNumber > lines.length) {
      out.push(`${id}: line outside the document (1..${lines.length})`);
      continue;
    }
    const text = lines[e.lineNumber - 1];
    if (e.errorRange) {
      const [col, len] = e.errorRange;
      if (!(Number.isInteger(col) && Number.isInteger(len) && col >= 1 && len >= 1 && col + len - 1 <= text.length)) {
        out.push(`${id}: range [${col}, ${len}] outside its line of ${text.length} characters`);
      }
    }
    if (e.fixInfo) {
      const f = e.fixInfo;
      const fixLine = f.lineNumber ?? e.lineNumber;
      if (!Number.isInteger(fixLine) || fixLine < 1 || fixLine > lines.length) {
        out.push(`${id}: fixInfo.lineNumber ${fixLine} outside the document`);
        continue;
      }
      const fixText = lines[fixLine - 1];
      const col = f.editColumn ?? 1;
      const del = f.deleteCount ?? 0;
      if (!Number.isInteger(col) || col < 1 || col > fixText.length + 1) out.push(`${id}: fixInfo.editColumn ${col} outside its line`);
      if (!Number.isInteger(del) || del < -1 || (del > 0 && col - 1 + del > fixText.length)) {
        out.push(`${id}: fixInfo.deleteCount ${del} past the end of its line`);
      }
      if (f.insertText !== undefined && typeof f.insertText !== "string") out.push(`${id}: fixInfo.insertText is not a string`);
      if (del === 0 && !f.insertText) out.push(`${id}: fixInfo does nothing`);
    }
  }
  return out;
}

/**
 * markdownlint's applyFixes, with a leading BOM set aside: markdownlint
 * reports columns of the line without the BOM, but applyFixes (0.42.1)
 * edits the raw first line, so every fix on line 1 of a BOM file lands one
 * character early (its own MD018 turns "\uFEFF#Heading" into
 * "\uFEFF #Heading"). That is upstream's bug, not a rule's.
 */
export function fix(markdown: string, errors: LintError[]): string {
  const bom = markdown.startsWith("\uFEFF") ? "\uFEFF" : "";
  return bom + applyFixes(markdown.slice(bom.length), errors);
}

/** Violations of the fix properties: after all fixes nothing fixable is left, and a second pass changes nothing. */
export function fixViolations(markdown: string, name: string, errors: LintError[], rules: Rule[] = SUITE): string[] {
  if (!errors.some((e) => e.fixInfo)) return [];
  const fixed = fix(markdown, errors);
  const again = lintWith(fixed, name, rules);
  const out = violations(fixed, again).map((v) => `after fixing: ${v}`);
  const fixable = again.filter((e) => e.fixInfo);
  if (fixable.length > 0) out.push(`after fixing, still fixable: ${fixable.map(key).join("; ")}`);
  const twice = fix(fixed, again);
  if (twice !== fixed) out.push(`a second fix pass changed the document (fixes of ${[...new Set(fixable.map((e) => e.ruleNames[0]))].join(", ")})`);
  return out;
}

/** A deterministic permutation of `xs` (Fisher–Yates with a small LCG). */
export function permute<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Violations of order independence: the suite reversed and shuffled must report the same findings. */
export function orderViolations(markdown: string, name: string, errors: LintError[], seed: number): string[] {
  const want = errors.map(key).sort();
  const out: string[] = [];
  for (const [label, rules] of [
    ["reversed", [...SUITE].reverse()],
    [`shuffled(${seed})`, permute(SUITE, seed)],
  ] as const) {
    const got = lintWith(markdown, name, rules as Rule[]).map(key).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const missing = want.filter((k) => !got.includes(k));
      const extra = got.filter((k) => !want.includes(k));
      out.push(`${label} order: missing [${missing.join("; ")}] extra [${extra.join("; ")}]`);
    }
  }
  return out;
}

/** Everything at once, for one document linted as one name. Throws are reported, not raised. */
export function allViolations(markdown: string, name: string, seed = 1, order = true): string[] {
  let errors: LintError[];
  try {
    errors = lintWith(markdown, name);
  } catch (error) {
    return [`lint threw: ${(error as Error)?.stack ?? String(error)}`];
  }
  try {
    return [
      ...violations(markdown, errors),
      ...fixViolations(markdown, name, errors),
      ...(order ? orderViolations(markdown, name, errors, seed) : []),
    ];
  } catch (error) {
    return [`lint threw: ${(error as Error)?.stack ?? String(error)}`];
  }
}
