/**
 * Every markdownlint front end gets the rule array: markdownlint-cli loads
 * custom rules with require(), so the package's `require` export condition
 * (cjs/index.cjs) must return the array itself, not the ES module's
 * namespace. Runs the real markdownlint-cli (a devDependency) on a project
 * that uses the package by name, and CommonJS callers: a plain require()
 * and a `.markdownlint-cli2.cjs` configuration.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli2, linkedProject, parseCli2, ROOT, RULE_IDS, run, runOk, SAMPLE_SC001, SAMPLE_SPECS, writeTree } from "./integration.js";

const markdownlintCli = join(ROOT, "node_modules", "markdownlint-cli", "markdownlint.js");
const project = linkedProject("spec-contract-mdcli", SAMPLE_SPECS);
afterAll(() => cleanup(project));

const lintWithCli = (args: string[]) => {
  const result = run(process.execPath, [markdownlintCli, ...args, "specs/active/nightly-export/prd.md"], { cwd: project });
  return { ...result, findings: parseCli2(result.stdout + result.stderr) };
};

describe("CommonJS require()", () => {
  it("returns the rule array, the same rules as the ES module's default export", () => {
    const script = `const rules = require("markdownlint-spec-contract");
      console.log(JSON.stringify({ array: Array.isArray(rules), ids: rules.map((r) => r.names[0]), fn: typeof rules[0].function }));`;
    const out = JSON.parse(runOk(process.execPath, ["-e", script], { cwd: project }).stdout);
    expect(out).toEqual({ array: true, ids: RULE_IDS, fn: "function" });
  });
});

describe("markdownlint-cli", () => {
  it("loads the rules with --rules and the package name", () => {
    const { status, findings, stderr } = lintWithCli(["--rules", "markdownlint-spec-contract"]);
    expect(stderr).not.toMatch(/Cannot load custom rule|is incorrect/);
    expect(status).toBe(1);
    expect(findings.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    // No preset: markdownlint's defaults, so the long line is an MD013 finding.
    expect(findings.some((f) => f.rule === "MD013")).toBe(true);
  });

  it("loads the rules with --rules and the package's folder", () => {
    const { status, findings } = lintWithCli(["--rules", "./node_modules/markdownlint-spec-contract"]);
    expect(status).toBe(1);
    expect(findings.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
  });

  it("extends the preset from its .markdownlint.jsonc", () => {
    writeTree(project, {
      ".markdownlint.jsonc": JSON.stringify({ extends: "markdownlint-spec-contract/config/recommended.jsonc", SC012: false }),
    });
    const { status, findings } = lintWithCli(["--rules", "markdownlint-spec-contract"]);
    expect(status).toBe(1);
    expect(findings.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    expect(findings.filter((f) => f.rule === "MD013" || f.rule === "SC012")).toEqual([]);
    expect(findings.some((f) => f.rule === "SC005")).toBe(true);
  });
});

describe("markdownlint-cli2 with a CommonJS configuration", () => {
  it("takes the required rule array in customRules", () => {
    const dir = linkedProject("spec-contract-cjs-config", {
      ...SAMPLE_SPECS,
      ".markdownlint-cli2.cjs": `module.exports = {
  customRules: [require("markdownlint-spec-contract")],
  config: { default: false, SC001: true },
};
`,
    });
    try {
      const result = cli2(dir, ["specs/**/*.md"]);
      expect(result.status).toBe(1);
      expect(parseCli2(result.stdout + result.stderr)).toEqual(SAMPLE_SC001);
    } finally {
      cleanup(dir);
    }
  });
});
