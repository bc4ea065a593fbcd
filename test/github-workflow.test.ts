/**
 * docs/examples/github-workflow.yml, checked without GitHub: the YAML parses
 * into the steps it documents, and the same commands run here in a project
 * that uses the package by name:
 *
 * - the markdownlint-cli2-action step's globs (and config, if any) through
 *   the real markdownlint-cli2 CLI, as the action passes them;
 * - every `run:` step after `npm ci` through bash, with `npx` resolving the
 *   project's binaries offline and $GITHUB_STEP_SUMMARY pointing at a file:
 *   the SARIF log the upload step names is written, and the scorecard lands
 *   in the job summary.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, cli2, linkedProject, parseCli2, ROOT, run, SAMPLE_SC001, SAMPLE_SPECS } from "./integration.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number | boolean>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; permissions?: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(ROOT, "docs", "examples", "github-workflow.yml"), "utf8")) as Workflow;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((j) => j.steps);
const action = steps.find((s) => s.uses?.startsWith("DavidAnson/markdownlint-cli2-action@"));
const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
const runs = steps.filter((s) => s.run !== undefined);
const install = runs.findIndex((s) => /^npm (ci|install)\b/.test(s.run!.trim()));
const commands = runs.slice(install + 1).map((s) => s.run!.trim());

/** Words of a command line up to the first `||`, `&&`, `>` or `|` (double quotes kept together). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[2] !== undefined && /^(\|\||&&|>>?|\|)$/.test(m[2])) break;
    out.push(m[1] ?? m[2]);
  }
  return out;
}

const configArg = (args: string[]) => {
  const i = args.indexOf("--config");
  return i >= 0 ? args[i + 1] : undefined;
};

describe("docs/examples/github-workflow.yml", () => {
  it("parses into a job that installs, lints with the action, uploads SARIF and writes the scorecard", () => {
    expect(jobs).toHaveLength(1);
    expect(jobs[0].permissions).toMatchObject({ "security-events": "write" });
    expect(steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"]).toBeGreaterThanOrEqual(20);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(action?.with?.globs).toBeTruthy();
    expect(upload?.with?.sarif_file).toBeTruthy();
    expect(commands.some((c) => words(c).slice(0, 2).join(" ") === "npx markdownlint-cli2")).toBe(true);
    expect(commands.some((c) => words(c)[1] === "markdownlint-spec-contract-scorecard" && c.includes("$GITHUB_STEP_SUMMARY"))).toBe(true);
  });

  it("runs in a project with the package's example configurations", () => {
    // Every configuration file the workflow names exists in docs/examples/ under that name.
    for (const c of commands) {
      const config = configArg(words(c));
      if (config) expect(existsSync(join(ROOT, "docs", "examples", basename(config))), config).toBe(true);
    }
  });
});

describe("the workflow's commands, run here", () => {
  let dir: string;
  beforeAll(() => {
    const files: Record<string, string> = {
      ".markdownlint-cli2.jsonc": readFileSync(join(ROOT, "docs", "examples", "project.markdownlint-cli2.jsonc"), "utf8"),
      ...SAMPLE_SPECS,
    };
    for (const c of [...commands, String(action?.with?.config ?? "")]) {
      const config = c.includes(" ") ? configArg(words(c)) : c || undefined;
      if (config) files[config] = readFileSync(join(ROOT, "docs", "examples", basename(config)), "utf8");
    }
    dir = linkedProject("spec-contract-workflow", files);
  });
  afterAll(() => cleanup(dir));

  it("the action's globs and config find the findings", () => {
    const separator = String(action!.with!.separator ?? "\n");
    const argv = String(action!.with!.globs).split(separator).filter(Boolean);
    if (action!.with!.config) argv.push("--config", String(action!.with!.config));
    const result = cli2(dir, argv);
    expect(result.status).toBe(1);
    expect(parseCli2(result.stderr).filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
  });

  it("the run steps write the SARIF log the upload step reads and the scorecard summary", () => {
    const summary = join(dir, "step-summary.md");
    for (const command of commands) {
      const result = run("bash", ["-e", "-c", command], {
        cwd: dir,
        env: { ...process.env, GITHUB_STEP_SUMMARY: summary, CI: "true", npm_config_offline: "true", npm_config_update_notifier: "false" },
      });
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    }
    const sarif = JSON.parse(readFileSync(join(dir, String(upload!.with!.sarif_file)), "utf8")) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(
      sarif.runs[0].results.filter((r) => r.ruleId === "SC001").map((r) => r.locations[0].physicalLocation.region.startLine),
    ).toEqual(SAMPLE_SC001.map((f) => f.line));
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toContain("## Spec scorecard");
    expect(markdown).toContain("| `specs/active/nightly-export/prd.md` | prd | 39/2000 | 0/1 met |");
  });
});
