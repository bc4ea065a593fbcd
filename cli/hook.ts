#!/usr/bin/env node
/**
 * markdownlint-spec-contract-hook: lint the spec a coding agent has just
 * written, from the agent's post-edit hook, so the agent fixes its spec
 * before it claims the work done.
 *
 * It reads the hook's JSON on stdin (Claude Code's PostToolUse payload:
 * `{ "cwd": "...", "tool_input": { "file_path": "..." } }`). When the file is
 * a spec document (a Markdown file of a document kind, such as prd.md or
 * tasks.md, or one inside a spec workspace, and not an agent definition or
 * template), it lints that file with markdownlint-cli2 in this process: the
 * project's own configuration where it has one, else every SC rule and the
 * recommended preset. Findings go to stderr, one a line, as the CLI prints
 * them.
 *
 * Exit codes: 0 when there is nothing to report (no file, not a spec
 * document, no findings); 2 with findings, which Claude Code hands back to
 * the agent; 1 when the hook could not run (input that is not JSON, no
 * markdownlint-cli2), with the reason on stderr.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import rules from "../index.js";
import { DEFAULT_IGNORES, globMatcher } from "../lib/core/files.js";
import { kindOf } from "./scorecard-rows.js";
import { findWorkspace } from "../lib/core/workspace.js";
import { SC013Defaults } from "../rules/SC013-workspace-complete.js";

type Cli2Main = (params: {
  directory: string;
  argv: string[];
  logMessage: (message: string) => void;
  logError: (message: string) => void;
  optionsDefault?: Record<string, unknown>;
  optionsOverride?: Record<string, unknown>;
}) => Promise<number>;

/** The configuration files markdownlint-cli2 reads from a directory. */
const CONFIG_FILES = [
  ".markdownlint-cli2.jsonc",
  ".markdownlint-cli2.yaml",
  ".markdownlint-cli2.cjs",
  ".markdownlint-cli2.mjs",
  ".markdownlint.jsonc",
  ".markdownlint.json",
  ".markdownlint.yaml",
  ".markdownlint.yml",
  ".markdownlint.cjs",
  ".markdownlint.mjs",
];

/** Whether a path (relative to the project, "/"-separated) is a spec document. */
export function isSpecDocument(path: string): boolean {
  if (!/\.(?:md|markdown)$/i.test(path) || globMatcher(DEFAULT_IGNORES)(path)) return false;
  return kindOf(path) !== "other" || findWorkspace(path, SC013Defaults.workspaces) !== undefined;
}

/** The recommended preset as a configuration object (it holds only whole-line comments). */
function recommended(): Record<string, unknown> {
  const file = fileURLToPath(new URL("../../config/recommended.jsonc", import.meta.url));
  return JSON.parse(readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;
}

/** What the hook does with one payload: the exit code and what goes to stderr. */
export async function runHook(input: string): Promise<{ code: number; stderr: string }> {
  let payload: { cwd?: unknown; tool_input?: { file_path?: unknown } };
  try {
    payload = JSON.parse(input) as typeof payload;
  } catch (error) {
    return { code: 1, stderr: `markdownlint-spec-contract-hook: stdin is not the hook's JSON (${(error as Error).message})\n` };
  }
  const file = payload?.tool_input?.file_path;
  if (typeof file !== "string" || file === "") return { code: 0, stderr: "" };
  const cwd = typeof payload.cwd === "string" && payload.cwd !== "" ? resolve(payload.cwd) : process.cwd();
  const path = resolve(cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) return { code: 0, stderr: "" };
  // Patterns are matched relative to the project, as when markdownlint-cli2 runs there.
  const inside = relative(cwd, path);
  const directory = inside.startsWith("..") || isAbsolute(inside) ? dirname(path) : cwd;
  process.chdir(directory);
  const name = relative(directory, path).split(sep).join("/");
  if (!isSpecDocument(name)) return { code: 0, stderr: "" };

  let main: Cli2Main;
  try {
    // Not a static import: markdownlint-cli2 is an optional peer dependency.
    const id = "markdownlint-cli2";
    ({ main } = (await import(id)) as { main: Cli2Main });
  } catch {
    return { code: 1, stderr: "markdownlint-spec-contract-hook needs markdownlint-cli2: npm install --save-dev markdownlint-cli2\n" };
  }
  const errors: string[] = [];
  const hasConfig = CONFIG_FILES.some((f) => existsSync(join(directory, f)));
  const code = await main({
    directory,
    argv: [`:${name}`],
    logMessage: () => {},
    logError: (message) => errors.push(message),
    // Without a configuration of the project's own: the contract and the recommended preset.
    ...(hasConfig ? {} : { optionsDefault: { config: recommended() } }),
    // This copy of the rules, whatever copy the configuration names (and once, if it names none).
    optionsOverride: { customRules: rules },
  });
  if (code === 0) return { code: 0, stderr: "" };
  const text = errors.join("\n");
  if (code !== 1) return { code: 1, stderr: `markdownlint-spec-contract-hook: markdownlint-cli2 could not lint ${name}:\n${text}\n` };
  return {
    code: 2,
    stderr: `${name} does not meet the spec contract; fix these findings (each rule's page says how):\n${text}\n`,
  };
}

// Run as a bin (not when imported by the tests).
if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  const input = readFileSync(0, "utf8");
  const { code, stderr } = await runHook(input);
  process.stderr.write(stderr);
  process.exitCode = code;
}
