/**
 * markdownlint-spec-contract-hook, run as a coding agent's PostToolUse hook
 * runs it: the command of docs/adoption.md's `.claude/settings.json`, in a
 * project that uses the package by name, with the hook's JSON on stdin.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, linkedProject, parseCli2, ROOT, run, SAMPLE_SC001, SAMPLE_SPECS, writeTree } from "./integration.js";

const adoption = readFileSync(join(ROOT, "docs", "adoption.md"), "utf8");
const settings = JSON.parse(/## Coding agents[\s\S]*?```json\n([\s\S]*?)```/.exec(adoption)![1]) as {
  hooks: { PostToolUse: { matcher: string; hooks: { type: string; command: string }[] }[] };
};
const [entry] = settings.hooks.PostToolUse;

const project = linkedProject("spec-contract-hook", {
  ...SAMPLE_SPECS,
  "README.md": "# Project\n\nNot a spec.\n",
  ".claude/agents/prd.md": "# PRD agent\n\nWrites PRDs.\n",
  "docs/guides/exports.md": "# Exports\n\nThe export job writes one CSV file per tenant every night.\n",
});
afterAll(() => cleanup(project));

/** Run the documented command with a payload, as Claude Code does (shell, project folder, JSON on stdin). */
const hook = (payload: unknown, cwd = project) =>
  run("sh", ["-c", entry.hooks[0].command], { cwd, input: typeof payload === "string" ? payload : JSON.stringify(payload) });
const edited = (file: string) => ({ hook_event_name: "PostToolUse", tool_name: "Write", cwd: project, tool_input: { file_path: file, content: "…" } });

describe("docs/adoption.md's .claude/settings.json", () => {
  it("runs the hook after Write and Edit", () => {
    expect(entry.matcher).toBe("Write|Edit");
    expect(entry.hooks).toEqual([{ type: "command", command: "npx --no-install markdownlint-spec-contract-hook" }]);
  });
});

describe("markdownlint-spec-contract-hook", () => {
  it("reports a spec's findings on stderr with exit code 2", () => {
    const result = hook(edited(join(project, "specs/active/nightly-export/prd.md")));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(
      "specs/active/nightly-export/prd.md does not meet the spec contract; fix these findings (each rule's page says how):",
    );
    const found = parseCli2(result.stderr);
    expect(found.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    // Without a configuration of the project's own: the recommended preset, so no MD013 for the long line.
    expect(found.filter((f) => f.rule.startsWith("MD"))).toEqual([]);
    // docs/adoption.md shows the first lines the agent reads.
    for (const line of result.stderr.split("\n").slice(0, 2)) expect(adoption).toContain(line);
  });

  it("takes a path relative to the payload's cwd", () => {
    const result = hook({ cwd: project, tool_input: { file_path: "specs/active/nightly-export/prd.md" } }, ROOT);
    expect(result.status).toBe(2);
    expect(parseCli2(result.stderr).filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
  });

  it("exits 0 in silence for a spec without findings, a file that is no spec, an agent definition and no file", () => {
    for (const payload of [
      edited(join(project, "docs/guides/exports.md")),
      edited(join(project, "README.md")),
      edited(join(project, ".claude/agents/prd.md")),
      edited(join(project, "specs/active/nightly-export/missing.md")),
      { tool_name: "Bash", tool_input: { command: "ls" } },
    ]) {
      const result = hook(payload);
      expect({ payload, status: result.status, stderr: result.stderr }).toEqual({ payload, status: 0, stderr: "" });
    }
  });

  it("uses the project's configuration when it has one", () => {
    writeTree(project, { ".markdownlint-cli2.jsonc": JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { default: false, SC001: true } }) });
    try {
      const result = hook(edited(join(project, "specs/active/nightly-export/prd.md")));
      expect(result.status).toBe(2);
      expect(parseCli2(result.stderr)).toEqual(SAMPLE_SC001);
    } finally {
      rmSync(join(project, ".markdownlint-cli2.jsonc"));
    }
  });

  it("exits 1 with the reason when stdin is not JSON", () => {
    const result = hook("not json");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^markdownlint-spec-contract-hook: stdin is not the hook's JSON/);
  });
});
