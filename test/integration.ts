/**
 * Helpers for the integration tests that drive real tools (npm, the
 * markdownlint-cli2 CLI, pre-commit): running commands, scratch directories,
 * and reading the CLI's default output back into rule/line/detail findings.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import rules from "../dist/index.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** This package's manifest. */
export const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
  [key: string]: unknown;
};

/** The installed version of a dependency of this repository (node_modules). */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for npm in tests: quiet, no audit/fund/update checks. */
export function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    npm_config_loglevel: "error",
    ...extra,
  };
}

/** Run a command to completion; never throws on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? "") };
}

/** Run a command and throw with its output when it fails. */
export function runOk(command: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** A fresh scratch directory (removed by `cleanup`). */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

export function cleanup(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Write files (path relative to `dir` → content), creating folders. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Packages a linked project gets from this repository's node_modules. */
const LINKED = [
  "markdownlint",
  "markdownlint-cli2",
  "markdownlint-cli2-formatter-default",
  "markdownlint-cli2-formatter-json",
  "markdownlint-cli2-formatter-pretty",
  "markdownlint-cli2-formatter-sarif",
];

/**
 * A scratch project that uses this package the way a consumer does (by name,
 * from node_modules) without installing it: node_modules/markdownlint-spec-contract
 * is a link to this repository (dist/ must be built), markdownlint-cli2 and
 * its formatters are links into this repository's node_modules, and
 * node_modules/.bin holds both packages' binaries. It holds a
 * `.git` folder, so it is its own project root, and `files`.
 */
export function linkedProject(prefix: string, files: Record<string, string>): string {
  const dir = scratch(prefix);
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  symlinkSync(ROOT, join(dir, "node_modules", PKG.name), "dir");
  for (const name of LINKED) symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name), "dir");
  // The binaries `npx` finds, as npm would link them.
  const bin = join(dir, "node_modules", ".bin");
  symlinkSync(join("..", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), join(bin, "markdownlint-cli2"));
  for (const name of ["scorecard", "hook"]) {
    writeFileSync(join(bin, `markdownlint-spec-contract-${name}`), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "dist", "cli", `${name}.js`)}" "$@"\n`, {
      mode: 0o755,
    });
  }
  writeTree(dir, files);
  return dir;
}

/** The real markdownlint-cli2 CLI, run in `cwd`. */
export function cli2(cwd: string, args: string[]): RunResult {
  return run(process.execPath, [join(ROOT, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs"), ...args], { cwd });
}

/** Top-level entries that never belong in a copy of the working tree (.git and what .gitignore lists). */
const NOT_COPIED = new Set([".git", "node_modules", "dist", "coverage", ".tmp", "bench/out"]);

/**
 * Copy the working tree (what `git add -A` would take: no .git,
 * node_modules, build output or tarballs) to `dest`.
 */
export function copyWorkingTree(dest: string): void {
  mkdirSync(dest, { recursive: true });
  cpSync(ROOT, dest, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src).split(sep).join("/");
      if (rel === "") return true;
      if (NOT_COPIED.has(rel) || rel.endsWith(".tgz")) return false;
      return !rel.split("/").includes("node_modules");
    },
  });
}

/** A finding as the CLI's default formatter prints it. */
export interface CliFinding {
  file: string;
  line: number;
  rule: string;
  detail: string;
}

const descriptions = new Map<string, string>(rules.map((r) => [r.names[0], r.description]));
const LINE = /^(.+?):(\d+)(?::\d+)? (?:error|warning) ([A-Z]+\d{3})\/\S+ (.*)$/;

/**
 * Read markdownlint-cli2's default output (`file:line[:column] error
 * ID/slug description [detail] [Context: "…"]`) back into findings. Details
 * may hold brackets, so the rule's known description is cut off first.
 */
export function parseCli2(output: string): CliFinding[] {
  const found: CliFinding[] = [];
  for (const raw of output.split(/\r?\n/)) {
    const m = LINE.exec(raw.trim());
    if (!m) continue;
    const [, file, line, rule] = m;
    let rest = m[4].replace(/ \[Context: ".*"\]$/, "");
    const description = descriptions.get(rule);
    if (description && rest.startsWith(description)) rest = rest.slice(description.length);
    else rest = rest.replace(/^[^[]*/, "");
    const detail = rest.trim().replace(/^\[/, "").replace(/\]$/, "");
    found.push({ file, line: Number(line), rule, detail });
  }
  return found.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail),
  );
}

/** The IDs of the suite's rules, in registry order. */
export const RULE_IDS: string[] = rules.map((r) => r.names[0]);

/**
 * A small specs tree the integration tests lint: a PRD far under its word
 * budgets. "Overview" holds 33 words, the document 39 (headings count for
 * their parents); one 130-character line would be an MD013 finding, which
 * the recommended preset turns off.
 */
export const SAMPLE_SPECS: Record<string, string> = {
  "specs/active/nightly-export/prd.md": `# PRD: Nightly Export

## Overview (300+ words)

The export job writes one CSV file per tenant every night, and ${"the operators read it in the morning ".repeat(3).trim()}.
`,
};

/** The SC001 findings SAMPLE_SPECS gets, from every supported markdownlint. */
export const SAMPLE_SC001: CliFinding[] = [
  {
    file: "specs/active/nightly-export/prd.md",
    line: 1,
    rule: "SC001",
    detail: "Document: Expected: at least 2000 words; Actual: 39 words",
  },
  {
    file: "specs/active/nightly-export/prd.md",
    line: 3,
    rule: "SC001",
    detail: 'Section "Overview (300+ words)": Expected: at least 300 words; Actual: 33 words',
  },
];
