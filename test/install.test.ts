/**
 * Installing from the git repository, as a team can today: npm clones the
 * repository at a commit, installs its development dependencies, builds the
 * rules through the `prepare` script (tsc) and installs the result. A copy
 * of the working tree is committed to a scratch repository, installed by
 * its git+file URL into a fresh project with markdownlint-cli2, and used
 * there the three ways docs/adoption.md shows: the CLI with the preset, a
 * CommonJS require(), and the agent hook's bin. (test/pack.test.ts does the
 * same for the npm pack tarball.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanup,
  copyWorkingTree,
  installedVersion,
  npmEnv,
  parseCli2,
  PKG,
  ROOT,
  RULE_IDS,
  run,
  runOk,
  SAMPLE_SC001,
  SAMPLE_SPECS,
  scratch,
  writeTree,
} from "./integration.js";

let work: string;
let consumer: string;
let commit: string;

beforeAll(() => {
  work = scratch("spec-contract-git");
  const repo = join(work, "repo");
  copyWorkingTree(repo);
  const git = (...args: string[]) =>
    runOk("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: repo }).stdout.trim();
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "snapshot");
  commit = git("rev-parse", "HEAD");
  consumer = join(work, "consumer");
  writeTree(consumer, {
    "package.json": JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
    ".markdownlint-cli2.jsonc": readFileSync(join(ROOT, "docs", "examples", "project.markdownlint-cli2.jsonc"), "utf8"),
    ...SAMPLE_SPECS,
  });
  runOk(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", `git+file://${repo}#${commit}`, `markdownlint-cli2@${installedVersion("markdownlint-cli2")}`],
    { cwd: consumer, env: npmEnv() },
  );
});

afterAll(() => cleanup(work));

describe("npm install from the git repository", () => {
  it("builds the package through prepare and records the commit", () => {
    const installed = join(consumer, "node_modules", PKG.name);
    expect(existsSync(join(installed, "dist", "index.js"))).toBe(true);
    expect(existsSync(join(installed, "test"))).toBe(false);
    const lock = readFileSync(join(consumer, "package-lock.json"), "utf8");
    expect(lock).toContain(commit);
  });

  it("lints a specs tree through the real CLI with the preset", () => {
    const result = run(join(consumer, "node_modules", ".bin", "markdownlint-cli2"), ["specs/**/*.md"], { cwd: consumer });
    expect(result.status).toBe(1);
    expect(parseCli2(result.stdout + result.stderr).filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
  });

  it("gives require() the rule array and links the hook's bin", () => {
    const out = runOk(process.execPath, ["-e", `console.log(require("${PKG.name}").map((r) => r.names[0]).join(","))`], { cwd: consumer });
    expect(out.stdout.trim()).toBe(RULE_IDS.join(","));
    const hook = run(join(consumer, "node_modules", ".bin", "markdownlint-spec-contract-hook"), [], {
      cwd: consumer,
      input: JSON.stringify({ cwd: consumer, tool_input: { file_path: "specs/active/nightly-export/prd.md" } }),
    });
    expect(hook.status).toBe(2);
    expect(parseCli2(hook.stderr).filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
  });
});
