/**
 * SC008's `cache` option (lib/python/disk-cache.ts), through the real
 * markdownlint-cli2 CLI in a scratch project: each run is its own process,
 * as a commit hook's is. The cache must be written only when asked and only
 * under the project's own node_modules, be read by the next run (shown by
 * editing a stored verdict by hand), and never change a finding when it is
 * stale, from another build or unreadable.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, cli2, type CliFinding, parseCli2, ROOT, scratch, writeTree } from "../integration.js";

const CACHE = join("node_modules", ".cache", "markdownlint-spec-contract", "python-verdicts.json");
const PRD = "specs/active/demo/prd.md";
const md = (...lines: string[]) => `${lines.join("\n")}\n`;
const DOC = md(
  "# PRD",
  "",
  "```python",
  "rows = fetch()",
  "return rows",
  "```",
  "",
  "```python",
  "def ok():",
  "    return 1",
  "```",
);
const EXPECTED: CliFinding[] = [{ file: PRD, line: 5, rule: "SC008", detail: "SyntaxError: 'return' outside function" }];

let dir: string | undefined;
afterEach(() => cleanup(dir));

/** A scratch project (its own root) whose configuration runs SC008 alone with `options`. */
function project(options: Record<string, unknown>, withNodeModules = true): string {
  const root = scratch("sc008-cache");
  mkdirSync(join(root, ".git"));
  if (withNodeModules) mkdirSync(join(root, "node_modules"));
  writeTree(root, {
    [PRD]: DOC,
    ".markdownlint-cli2.jsonc": JSON.stringify({ customRules: [join(ROOT, "dist", "bundle", "index.js")], config: { default: false, SC008: options } }),
  });
  return root;
}

const lint = (root: string) => {
  const result = cli2(root, [PRD]);
  expect(result.stderr + result.stdout).not.toMatch(/Internal error|threw an exception/);
  return parseCli2(result.stdout + result.stderr).filter((f) => f.rule === "SC008");
};

const stored = (root: string) => JSON.parse(readFileSync(join(root, CACHE), "utf8")) as { format: number; build: string; entries: [string, unknown][] };

describe("SC008 cache", () => {
  it("writes nothing unless asked", () => {
    dir = project({});
    expect(lint(dir)).toEqual(EXPECTED);
    expect(existsSync(join(dir, "node_modules", ".cache"))).toBe(false);
  });

  it("keeps each fence's verdict under node_modules/.cache, and the next run reads it", () => {
    dir = project({ cache: true });
    expect(lint(dir)).toEqual(EXPECTED);
    const first = stored(dir);
    expect(first.format).toBe(1);
    // Two fences: one that does not compile (its line and message), one that does (0); hashes, never the source.
    expect(first.entries.map(([, v]) => v).sort()).toEqual([0, [2, "SyntaxError: 'return' outside function"]].sort());
    expect(readFileSync(join(dir, CACHE), "utf8")).not.toContain("fetch");
    // The next run answers from the file: a verdict edited by hand comes back as the finding.
    const edited = { ...first, entries: first.entries.map(([k, v]) => [k, v === 0 ? 0 : [2, "SyntaxError: from the cache"]]) };
    writeFileSync(join(dir, CACHE), JSON.stringify(edited));
    expect(lint(dir)).toEqual([{ ...EXPECTED[0], detail: "SyntaxError: from the cache" }]);
  });

  it("ignores a cache another build wrote, or one it cannot read, and writes its own", () => {
    dir = project({ cache: true });
    lint(dir);
    const first = stored(dir);
    const foreign = { ...first, build: "0.0.0:1:1", entries: first.entries.map(([k, v]) => [k, v === 0 ? 0 : [2, "SyntaxError: stale"]]) };
    writeFileSync(join(dir, CACHE), JSON.stringify(foreign));
    expect(lint(dir)).toEqual(EXPECTED);
    expect(stored(dir).build).toBe(first.build);
    writeFileSync(join(dir, CACHE), "{ not json");
    expect(lint(dir)).toEqual(EXPECTED);
    expect(stored(dir)).toEqual(first);
  });

  it("writes nothing where the project has no node_modules directory of its own", () => {
    dir = project({ cache: true }, false);
    expect(lint(dir)).toEqual(EXPECTED);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    // A node_modules that is a link to somewhere else is not the project's.
    const elsewhere = scratch("sc008-cache-elsewhere");
    try {
      symlinkSync(elsewhere, join(dir, "node_modules"), "dir");
      expect(lint(dir)).toEqual(EXPECTED);
      expect(existsSync(join(elsewhere, ".cache"))).toBe(false);
    } finally {
      cleanup(elsewhere);
    }
  });

  it("writes the cache of every project one process linted, with one exit listener", () => {
    dir = scratch("sc008-cache-many");
    const roots = Array.from({ length: 12 }, (_, i) => join(dir!, `p${i}`));
    for (const r of roots) mkdirSync(join(r, "node_modules"), { recursive: true });
    const script = `
      const { checkCached, verdictCache } = await import(${JSON.stringify(new URL("../../dist/lib/python/index.js", import.meta.url).href)});
      for (const root of ${JSON.stringify(roots)}) checkCached("x = (\\n", { topLevelAwait: true }, verdictCache(root));`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(child.status).toBe(0);
    expect(child.stderr).not.toMatch(/MaxListeners/);
    for (const r of roots) expect(stored(r).entries.map(([, v]) => v)).toEqual([[1, "SyntaxError: '(' was never closed"]]);
  });

  it("refuses a cache option that is not a boolean, naming the rule and the option", () => {
    dir = project({ cache: "yes" });
    const result = cli2(dir, [PRD]);
    expect(result.stdout + result.stderr).toMatch(/SC008[^\n]*cache/);
  });
});
