/**
 * Test helpers: lint strings or files with the built suite (dist/), enabling
 * only the rules asked for, and read the expected findings marked in fixtures.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import type { Configuration, LintError } from "markdownlint";
import rules from "../dist/index.js";

export { rules };

/** A finding reduced to what tests compare: rule, line, detail. */
export interface Found {
  line: number;
  rule: string;
  detail: string;
}

export function simplify(errors: LintError[]): Found[] {
  return errors
    .map((e) => ({ line: e.lineNumber, rule: e.ruleNames[0], detail: e.errorDetail ?? "" }))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail));
}

/**
 * Lint one Markdown string as if it were the file `name` (globs such as
 * `**\/prd.md` match on this name), with only `ruleId` enabled (or the whole
 * suite when ruleId is "spec-contract").
 */
export function lintString(markdown: string, name: string, ruleId: string, options: unknown = true): LintError[] {
  const config: Configuration = { default: false, [ruleId]: options as boolean };
  const result = lint({ strings: { [name]: markdown }, config, customRules: rules });
  return result[name] ?? [];
}

/** `lintString`, reduced to rule/line/detail. */
export function findings(markdown: string, name: string, ruleId: string, options: unknown = true): Found[] {
  return simplify(lintString(markdown, name, ruleId, options));
}

/** Lint files on disk with a configuration (the whole suite by default). */
export function lintFiles(files: string[], config: Configuration = { default: false, "spec-contract": true }) {
  return lint({ files, config, customRules: rules });
}

/**
 * Expected findings marked in a fixture: an HTML comment block
 *
 *     <!-- expected-findings
 *     12 SC001 Section "Overview": Expected: at least 300 words; Actual: 212 words
 *     -->
 *
 * one finding a line: line number, rule ID, exact detail.
 */
export function expectedFindings(markdown: string): Found[] {
  const block = /<!--\s*expected-findings\s*\n([\s\S]*?)-->/.exec(markdown);
  if (!block) return [];
  return block[1]
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d+)\s+(SC\d{3})(?:\s+(.*))?$/.exec(l);
      if (!m) throw new Error(`Bad expected-findings line: ${l}`);
      return { line: Number(m[1]), rule: m[2], detail: m[3] ?? "" };
    })
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail));
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}

/** The Markdown files under a folder, at any depth (absolute when `dir` is). */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? markdownFiles(path) : e.endsWith(".md") ? [path] : [];
  });
}
