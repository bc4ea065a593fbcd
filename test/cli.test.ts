/**
 * The whole suite through the real markdownlint-cli2 CLI: every fixture is
 * linted with the project's configuration (the recommended preset) and the
 * JSON formatter; the SC findings per file must equal the findings marked in
 * the fixtures. Also checks the exit code and that the bundled example tree
 * (`npm run example`) prints findings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectedFindings, type Found } from "./helpers.js";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
const cli = join(root, "node_modules", "markdownlint-cli2", "markdownlint-cli2-bin.mjs");
const dir = mkdtempSync(join(tmpdir(), "sc-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonResult {
  fileName: string;
  lineNumber: number;
  ruleNames: string[];
  errorDetail: string | null;
}

const written: string[] = [];
afterAll(() => written.forEach((f) => rmSync(f, { force: true })));

function runCli(globs: string[]) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.json`);
  // markdownlint-cli2 also reads the project's .markdownlint-cli2.jsonc and resolves its
  // "./dist/index.js" against the --config file's folder, so the test config sits at the root.
  const config = join(root, `.markdownlint-cli2-test-${process.pid}.jsonc`);
  written.push(config);
  writeFileSync(
    config,
    JSON.stringify({
      customRules: [join(root, "dist", "index.js")],
      config: { extends: join(root, "config", "recommended.jsonc") },
      outputFormatters: [[require.resolve("markdownlint-cli2-formatter-json"), { name: out }]],
    }),
  );
  const run = spawnSync(process.execPath, [cli, "--config", config, ...globs], { cwd: root, encoding: "utf8" });
  const results = JSON.parse(readFileSync(out, "utf8")) as JsonResult[];
  return { run, results };
}

describe("markdownlint-cli2 CLI", () => {
  const { run, results } = runCli(["fixtures/**/*.md"]);

  it("runs and exits 1 when there are findings", () => {
    expect(run.stderr).not.toMatch(/threw an exception|Internal error/);
    expect(run.status).toBe(1);
  });

  it("reports exactly the findings marked in each fixture", () => {
    const byFile = new Map<string, Found[]>();
    for (const r of results) {
      if (!r.ruleNames[0].startsWith("SC")) continue;
      const file = relative(root, join(root, r.fileName));
      const list = byFile.get(file) ?? [];
      list.push({ line: r.lineNumber, rule: r.ruleNames[0], detail: r.errorDetail ?? "" });
      byFile.set(file, list);
    }
    const files = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "fixtures/*.md", "fixtures/**/*.md"], {
      cwd: root,
      encoding: "utf8",
    })
      .stdout.split("\n")
      .filter(Boolean);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const found = (byFile.get(file) ?? []).sort(
        (a, b) => a.line - b.line || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail),
      );
      expect({ file, found }).toEqual({ file, found: expectedFindings(readFileSync(join(root, file), "utf8")) });
    }
  });
});
