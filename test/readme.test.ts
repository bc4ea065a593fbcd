/**
 * The README stays true: its rules table is the registry's, the files and
 * scripts it names exist, and its quick-start commands are package scripts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintFiles, markdownFiles, rules } from "./helpers.js";

const root = new URL("..", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

describe("README", () => {
  it("has the registry's rules table", () => {
    const run = spawnSync(process.execPath, ["scripts/rules-table.mjs", "--check"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("marks --fix on exactly the rules whose findings on the fixtures carry a fix", () => {
    const results = lintFiles(markdownFiles(new URL("fixtures", root).pathname));
    const fixing = new Set(Object.values(results).flatMap((errors) => errors.filter((e) => e.fixInfo).map((e) => e.ruleNames[0])));
    const marked = rules.filter((r) => r.spec.fixable).map((r) => r.names[0]);
    expect([...fixing].sort()).toEqual(marked);
    expect(marked).toEqual(["SC010", "SC015"]);
  });

  it("opens with the two newcomer commands, and both are scripts", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"));
    const block = /```bash\n([\s\S]*?)```/.exec(quick)![1];
    expect(block).toMatch(/^npm ci && npm run example/m);
    expect(block).toMatch(/^npm test/m);
    expect(pkg.scripts.example).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
    expect(readFileSync(new URL(".ci/run", root), "utf8")).toMatch(/^npm test$/m);
  });

  it("links only to files that exist", () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g)].map((m) => m[1].replace(/#.*$/, ""));
    const missing = links.filter((l) => !existsSync(new URL(l, root)));
    expect(missing).toEqual([]);
    expect(links.length).toBeGreaterThan(3);
  });

  it("names licence and tests consistently", () => {
    for (const file of readme.matchAll(/`(test\/[\w./-]+\.test\.ts)`/g)) expect(existsSync(new URL(file[1], root))).toBe(true);
  });
});
