/**
 * The published package, as a consumer gets it: `npm pack` a copy of this
 * repository's working tree (which runs `prepare`: tsc, then esbuild), check the tarball, install it with
 * markdownlint-cli2 into a fresh project, and lint a specs tree there with
 *
 *     "customRules": ["markdownlint-spec-contract"],
 *     "config": { "extends": "markdownlint-spec-contract/config/recommended.jsonc" }
 *
 * through the real `markdownlint-cli2` binary. A second project does the
 * same with markdownlint-cli2 0.22 (markdownlint 0.40, the engine the VS Code
 * extension bundles), the lower end of the peer range. TypeScript consumers
 * get the option types from the package's `exports`.
 */
import { readFileSync, symlinkSync } from "node:fs";
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

const SPECS: Record<string, string> = {
  ".markdownlint-cli2.jsonc": readFileSync(join(ROOT, "docs", "examples", "project.markdownlint-cli2.jsonc"), "utf8"),
  ...SAMPLE_SPECS,
};

let work: string;
let tarball: string;
let packStdout: string;

/** Install the tarball and a markdownlint-cli2 version into a new project; returns its directory. */
function consumer(name: string, cli2Version: string): string {
  const dir = join(work, name);
  writeTree(dir, {
    "package.json": JSON.stringify({ name, private: true, type: "module" }, null, 2),
    ...SPECS,
  });
  runOk("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, `markdownlint-cli2@${cli2Version}`], {
    cwd: dir,
    env: npmEnv(),
  });
  return dir;
}

function lintSpecs(dir: string) {
  const result = run(join(dir, "node_modules", ".bin", "markdownlint-cli2"), ["specs/**/*.md"], { cwd: dir });
  return { ...result, findings: parseCli2(result.stdout + result.stderr) };
}

beforeAll(() => {
  work = scratch("spec-contract-pack");
  // Pack a copy of the working tree: `prepare` rebuilds dist/, which other test files are reading.
  const source = join(work, "source");
  copyWorkingTree(source);
  symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");
  const packed = runOk("npm", ["pack", "--pack-destination", work], { cwd: source, env: npmEnv({ npm_config_loglevel: "" }) });
  packStdout = packed.stdout;
  tarball = join(work, packStdout.trim().split("\n").pop()!);
});

afterAll(() => cleanup(work));

describe("npm pack", () => {
  it("prints only the tarball name on stdout (pre-commit reads it)", () => {
    expect(packStdout).toBe(`${PKG.name}-${PKG.version}.tgz\n`);
  });

  it("holds the built rules, types, presets, rule pages and legal files, and no sources or tests", () => {
    const files = runOk("tar", ["-tzf", tarball]).stdout.split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
    for (const required of [
      "package.json",
      "LICENSE",
      "CHANGELOG.md",
      "dist/index.js",
      "dist/bundle/index.js",
      "dist/index.d.ts",
      "cjs/index.cjs",
      "cjs/index.d.cts",
      "dist/cli/scorecard.js",
      "dist/cli/hook.js",
      "config/recommended.jsonc",
      "config/spec-kit.jsonc",
      "config/kiro.jsonc",
      "docs/profiles/spec-kit.md",
      "docs/profiles/kiro.md",
      "docs/adoption.md",
      "docs/examples/project.markdownlint-cli2.jsonc",
      "docs/examples/sarif.markdownlint-cli2.jsonc",
      "docs/examples/github-workflow.yml",
    ]) {
      expect(files).toContain(required);
    }
    for (const file of files) {
      expect(file).not.toMatch(/^(test|fixtures|scripts|node_modules|seeds)\//);
      expect(file).not.toMatch(/(?<!\.d)\.ts$/);
    }
    // Every rule's information URL names a page that ships with the package.
    const pages = files.filter((f) => f.startsWith("docs/rules/"));
    for (const id of RULE_IDS) expect(pages.some((p) => p.startsWith(`docs/rules/${id}-`))).toBe(true);
  });
});

describe("a fresh project with the tarball and markdownlint-cli2", () => {
  let dir: string;
  beforeAll(() => {
    dir = consumer("consumer", installedVersion("markdownlint-cli2"));
  });

  it("loads the rules by package name and extends the preset by module path", () => {
    const script = `
      import { createRequire } from "node:module";
      import rules from "markdownlint-spec-contract";
      const require = createRequire(import.meta.url);
      console.log(JSON.stringify({
        ids: rules.map((r) => r.names[0]),
        entry: import.meta.resolve("markdownlint-spec-contract"),
        information: rules[0].information.href,
        preset: require.resolve("markdownlint-spec-contract/config/recommended.jsonc"),
        version: require("markdownlint-spec-contract/package.json").version,
      }));`;
    const out = JSON.parse(runOk("node", ["--input-type=module", "-e", script], { cwd: dir }).stdout) as {
      ids: string[];
      entry: string;
      information: string;
      preset: string;
      version: string;
    };
    expect(out.ids).toEqual(RULE_IDS);
    // One bundled module (docs/performance.md), whose rule pages still name the release.
    expect(out.entry).toMatch(/\/markdownlint-spec-contract\/dist\/bundle\/index\.js$/);
    expect(out.information).toContain(`/blob/v${PKG.version}/`);
    expect(out.preset).toBe(join(dir, "node_modules", "markdownlint-spec-contract", "config", "recommended.jsonc"));
    expect(out.version).toBe(PKG.version);
  });

  it("lints a specs tree through the real CLI with the preset", () => {
    const { status, findings, stderr } = lintSpecs(dir);
    expect(status).toBe(1);
    // docs/adoption.md's quick start shows these very lines.
    const adoption = readFileSync(join(ROOT, "docs", "adoption.md"), "utf8");
    for (const line of stderr.split("\n").filter((l) => l.includes(" SC001/"))) expect(adoption).toContain(line);
    expect(findings.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    // The preset turns MD013 off; every finding comes from a known rule, none from a crash or a bad option.
    expect(findings.filter((f) => f.rule === "MD013")).toEqual([]);
    for (const f of findings) {
      if (f.rule.startsWith("SC")) expect(RULE_IDS).toContain(f.rule);
      expect(f.detail).not.toMatch(/^(Internal error|Invalid configuration)/);
    }
  });

  it("gives TypeScript consumers the rule array and each rule's option types", () => {
    writeTree(dir, {
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ["check.ts"],
      }),
      "check.ts": `import rules, { type RuleConfig } from "markdownlint-spec-contract";
import type { Rule } from "markdownlint";
// Every rule of the registry has its options type exported from the package entry.
import type { ${RULE_IDS.map((id) => `${id}Options`).join(", ")} } from "markdownlint-spec-contract";
export type AllOptions = [${RULE_IDS.map((id) => `RuleConfig<${id}Options>`).join(", ")}];

export const all: Rule[] = rules;
export const budget: SC001Options = {
  count: "wc",
  documents: [{ files: ["**/prd.md"], minWords: 1500, sections: { Overview: 200 } }],
};
// @ts-expect-error: count is "prose" or "wc"
export const wrong: SC001Options = { count: "words", documents: [] };
`,
    });
    const tsc = run("node", [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: dir });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("a fresh project on markdownlint-cli2 0.22 (markdownlint 0.40, as in the VS Code extension)", () => {
  it("reports the same findings", () => {
    const dir = consumer("consumer-cli2-022", "0.22.0");
    expect(JSON.parse(readFileSync(join(dir, "node_modules", "markdownlint", "package.json"), "utf8")).version).toBe("0.40.0");
    const { status, findings } = lintSpecs(dir);
    expect(status).toBe(1);
    expect(findings.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    const latest = lintSpecs(join(work, "consumer")).findings.filter((f) => f.rule.startsWith("SC"));
    expect(findings.filter((f) => f.rule.startsWith("SC"))).toEqual(latest);
  });
});
