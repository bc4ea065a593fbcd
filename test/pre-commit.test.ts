/**
 * The pre-commit hook, run by the real `pre-commit` (skipped only when it is
 * not on PATH): a snapshot of the working tree is committed to a scratch git
 * repository (the hook repository), and a scratch consumer repository points
 * `repo:` at it. pre-commit then clones it, runs `npm install`, builds through
 * `prepare`, reads `npm pack`'s stdout as the tarball name, installs the
 * tarball with markdownlint-cli2 into the hook environment, and runs the hook
 * on a bad and a good spec.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cleanup,
  copyWorkingTree,
  installedVersion,
  npmEnv,
  parseCli2,
  ROOT,
  run,
  runOk,
  scratch,
  writeTree,
} from "./integration.js";

const hasPreCommit = !spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).error;

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
  types?: string[];
  additional_dependencies?: string[];
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as HookDefinition[];

describe(".pre-commit-hooks.yaml", () => {
  it("defines the markdownlint-spec-contract node hook on Markdown files", () => {
    const hook = hooks.find((h) => h.id === "markdownlint-spec-contract");
    expect(hook).toMatchObject({ language: "node", types: ["markdown"] });
    expect(hook!.entry.split(" ")[0]).toBe("markdownlint-cli2");
  });

  it("brings the markdownlint-cli2 version this repository tests with", () => {
    const hook = hooks.find((h) => h.id === "markdownlint-spec-contract")!;
    expect(hook.additional_dependencies).toEqual([`markdownlint-cli2@${installedVersion("markdownlint-cli2")}`]);
    // docs/adoption.md tells consumers who set their own additional_dependencies which one to keep.
    expect(readFileSync(join(ROOT, "docs", "adoption.md"), "utf8")).toContain(`\`${hook.additional_dependencies![0]}\``);
  });

  it("is shown in docs/adoption.md at a rev that exists, whose hook file defines it", () => {
    const docs = readFileSync(join(ROOT, "docs", "adoption.md"), "utf8");
    const revs = [...docs.matchAll(/^\s*rev:\s*(\S+)/gm)].map((m) => m[1]);
    expect(revs.length).toBeGreaterThan(0);
    for (const rev of revs) {
      // A commit of this repository's history (no release is tagged yet).
      const file = spawnSync("git", ["show", `${rev}:.pre-commit-hooks.yaml`], { cwd: ROOT, encoding: "utf8" });
      expect({ rev, status: file.status }).toEqual({ rev, status: 0 });
      expect((parse(file.stdout) as HookDefinition[]).map((h) => h.id)).toContain("markdownlint-spec-contract");
    }
  });
});

const BAD_PRD = `# PRD: Tenant Export

## Overview

The export writes one file per tenant.
`;

const GOOD_GUIDE = `# Rotating the Export Signing Key

The export job signs every CSV file with the key stored in the secrets
manager under the name \`export-signing\`. This guide lists the steps that
replace the key without failing a nightly run.

## Steps

1. Create the new key version in the secrets manager.
2. Deploy the export service; it reads both versions for one day.
3. Remove the old key version after the next nightly run has finished.

## Checking the Result

Run \`export verify --date today\` and compare the printed key version with
the one created in step 1.
`;

const describeHook = hasPreCommit ? describe : describe.skip;

describeHook("the pre-commit hook, installed from a clone of this repository", () => {
  let hookRepo: string;
  let consumer: string;
  let home: string;
  const git = (cwd: string, ...args: string[]) =>
    runOk("git", ["-c", "user.name=spec-contract test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], {
      cwd,
    }).stdout.trim();
  const preCommit = (...files: string[]) =>
    run("pre-commit", ["run", "markdownlint-spec-contract", "--color", "never", "--files", ...files], {
      cwd: consumer,
      env: npmEnv({ PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: "never", SKIP: "" }),
    });

  beforeAll(() => {
    hookRepo = scratch("spec-contract-hook-repo");
    copyWorkingTree(hookRepo);
    git(hookRepo, "init", "-q");
    git(hookRepo, "add", "-A");
    git(hookRepo, "commit", "-q", "-m", "snapshot of the working tree");
    const rev = git(hookRepo, "rev-parse", "HEAD");

    home = scratch("spec-contract-pre-commit-home");
    consumer = scratch("spec-contract-hook-consumer");
    writeTree(consumer, {
      ".pre-commit-config.yaml": `repos:
  - repo: ${hookRepo}
    rev: ${rev}
    hooks:
      - id: markdownlint-spec-contract
`,
      ".markdownlint-cli2.jsonc": `{
  "customRules": ["markdownlint-spec-contract"],
  "config": { "extends": "markdownlint-spec-contract/config/recommended.jsonc" }
}
`,
      "specs/active/tenant-export/prd.md": BAD_PRD,
      "specs/guides/rotate-signing-key.md": GOOD_GUIDE,
    });
    git(consumer, "init", "-q");
    git(consumer, "add", "-A");
    // Install the hook environment once (clone, npm install, prepare, npm pack, npm install -g).
    runOk("pre-commit", ["install-hooks"], { cwd: consumer, env: npmEnv({ PRE_COMMIT_HOME: home, npm_config_prefer_offline: "true" }) });
  });

  afterAll(() => {
    cleanup(hookRepo);
    cleanup(consumer);
    cleanup(home);
  });

  it("fails a bad PRD with the rules' findings", () => {
    const result = preCommit("specs/active/tenant-export/prd.md");
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toMatch(/markdownlint-spec-contract\.+Failed/);
    const found = parseCli2(output).filter((f) => f.rule === "SC001");
    expect(found).toEqual([
      {
        file: "specs/active/tenant-export/prd.md",
        line: 1,
        rule: "SC001",
        detail: "Document: Expected: at least 2000 words; Actual: 11 words",
      },
      {
        file: "specs/active/tenant-export/prd.md",
        line: 3,
        rule: "SC001",
        detail: 'Section "Overview": Expected: at least 300 words; Actual: 7 words',
      },
    ]);
    expect(output).toContain("SC001/section-word-budget");
  });

  it("passes a good guide", () => {
    const result = preCommit("specs/guides/rotate-signing-key.md");
    expect(result.stdout + result.stderr).toMatch(/markdownlint-spec-contract\.+Passed/);
    expect(result.status).toBe(0);
  });
});
