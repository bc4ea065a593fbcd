import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findings, lintFiles } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "sc013-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let trees = 0;
/** A fresh directory tree holding the given files (a path ending in "/" makes a directory). */
function tree(paths: string[]): string {
  const root = join(scratch, `t${++trees}`);
  for (const p of paths) {
    const full = join(root, p);
    if (p.endsWith("/")) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, "# Doc\n");
    }
  }
  return root;
}

const FIVE = ["prd.md", "tasks.md", "recovery.md", "research/analysis.md", "research/plan.md"];
const ws = (base: string, files: string[]) => files.map((f) => `${base}/${f}`);
const lintAt = (root: string, file: string, options: unknown = true) => findings("# Doc\n", join(root, file), "SC013", options);
const EXPECTED_FIVE = "prd.md, tasks.md, recovery.md, research/analysis.md, research/plan.md";

describe("SC013 workspace-complete", () => {
  it("accepts a complete active workspace", () => {
    const root = tree(ws("specs/active/demo", FIVE));
    for (const f of FIVE) expect(lintAt(root, `specs/active/demo/${f}`)).toEqual([]);
  });

  it("reports missing files once, on prd.md, line 1", () => {
    const root = tree(ws("specs/active/demo", ["prd.md", "tasks.md", "research/notes.md"]));
    expect(lintAt(root, "specs/active/demo/prd.md")).toEqual([
      {
        line: 1,
        rule: "SC013",
        detail: `Active workspace "demo": Expected: ${EXPECTED_FIVE}; Actual: missing recovery.md, research/analysis.md, research/plan.md`,
      },
    ]);
    expect(lintAt(root, "specs/active/demo/tasks.md")).toEqual([]);
    expect(lintAt(root, "specs/active/demo/research/notes.md")).toEqual([]);
  });

  it("reports on the first Markdown file in code-unit order when there is no prd.md", () => {
    const root = tree(ws("specs/active/demo", ["tasks.md", "recovery.md", "research/plan.md", "Notes.md", "a.txt"]));
    const detail = `Active workspace "demo": Expected: ${EXPECTED_FIVE}; Actual: missing prd.md, research/analysis.md`;
    // "Notes.md" < "recovery.md": upper case sorts first, whatever the locale.
    expect(lintAt(root, "specs/active/demo/Notes.md")).toEqual([{ line: 1, rule: "SC013", detail }]);
    expect(lintAt(root, "specs/active/demo/recovery.md")).toEqual([]);
    expect(lintAt(root, "specs/active/demo/tasks.md")).toEqual([]);
  });

  it("reads no content: an empty file, CRLF or front matter change nothing but the line", () => {
    const root = tree(ws("specs/active/demo", ["prd.md"]));
    const expected = [
      {
        line: 1,
        rule: "SC013",
        detail: `Active workspace "demo": Expected: ${EXPECTED_FIVE}; Actual: missing tasks.md, recovery.md, research/analysis.md, research/plan.md`,
      },
    ];
    const name = join(root, "specs/active/demo/prd.md");
    expect(findings("", name, "SC013")).toEqual(expected);
    expect(findings("# PRD\r\n\r\nText.\r\n", name, "SC013")).toEqual(expected);
    // Line 1 of the Markdown: markdownlint puts it after the front matter.
    expect(findings("---\ntitle: PRD\n---\n# PRD\n", name, "SC013")).toEqual([{ ...expected[0], line: 4 }]);
  });

  it("matches file names whatever their case: RECOVERY.md is recovery.md, PRD.md carries the findings", () => {
    const root = tree(ws("specs/active/demo", ["PRD.md", "Tasks.md", "RECOVERY.md", "Research/analysis.md", "research/PLAN.md"]));
    for (const f of ["PRD.md", "Tasks.md", "RECOVERY.md", "Research/analysis.md"]) expect(lintAt(root, `specs/active/demo/${f}`)).toEqual([]);
    const partial = tree(ws("specs/active/demo", ["PRD.md", "RECOVERY.md", "notes.md"]));
    const detail = `Active workspace "demo": Expected: ${EXPECTED_FIVE}; Actual: missing tasks.md, research/analysis.md, research/plan.md`;
    expect(lintAt(partial, "specs/active/demo/PRD.md")).toEqual([{ line: 1, rule: "SC013", detail }]);
    expect(lintAt(partial, "specs/active/demo/RECOVERY.md")).toEqual([]);
    expect(lintAt(partial, "specs/active/demo/notes.md")).toEqual([]);
  });

  it("wants a directory where the entry names one, whatever its case", () => {
    // research/plan.md as a file named "research" does not count; TMP/ in an archive is tmp/.
    const root = tree(ws("specs/archive/old", ["prd.md", "tasks.md", "recovery.md", "Research/analysis.md", "Research/plan.md", "TMP/"]));
    expect(lintAt(root, "specs/archive/old/prd.md")).toEqual([
      { line: 1, rule: "SC013", detail: `Archived workspace "old": Expected: no tmp/; Actual: tmp/ present` },
    ]);
  });

  it("reports tmp/ in an archived workspace, not its missing files (finished work)", () => {
    const root = tree([...ws("specs/archive/old", ["prd.md", "tasks.md"]), "specs/archive/old/tmp/", "specs/active/new/tmp/", ...ws("specs/active/new", FIVE)]);
    expect(lintAt(root, "specs/archive/old/prd.md")).toEqual([
      { line: 1, rule: "SC013", detail: 'Archived workspace "old": Expected: no tmp/; Actual: tmp/ present' },
    ]);
    // An active workspace may hold tmp/ (seed 002 creates it).
    expect(lintAt(root, "specs/active/new/prd.md")).toEqual([]);
  });

  it("a file named tmp is not the tmp/ directory", () => {
    const root = tree([...ws("specs/archive/old", [...FIVE, "tmp"])]);
    expect(lintAt(root, "specs/archive/old/prd.md")).toEqual([]);
  });

  it("stays silent on a folder that holds none of the documents: it follows another layout", () => {
    // A workspace written as spec.md + plan.md (litestar-org/sqlspec's docs-review-theming).
    const root = tree(ws("specs/active/docs-review", ["spec.md", "plan.md"]));
    expect(lintAt(root, "specs/active/docs-review/plan.md")).toEqual([]);
    expect(lintAt(root, "specs/active/docs-review/spec.md")).toEqual([]);
    // One document is enough to read the folder as a workspace of the contract.
    const partial = tree(ws("specs/active/docs-review", ["spec.md", "tasks.md"]));
    expect(lintAt(partial, "specs/active/docs-review/spec.md")).toEqual([
      { line: 1, rule: "SC013", detail: `Active workspace "docs-review": Expected: ${EXPECTED_FIVE}; Actual: missing prd.md, recovery.md, research/analysis.md, research/plan.md` },
    ]);
    // An archive's tmp/ is still reported.
    const archived = tree([...ws("specs/archive/old", ["notes.md"]), "specs/archive/old/tmp/"]);
    expect(lintAt(archived, "specs/archive/old/notes.md")).toEqual([
      { line: 1, rule: "SC013", detail: 'Archived workspace "old": Expected: no tmp/; Actual: tmp/ present' },
    ]);
  });

  it("takes specs/completed/{slug}/ for an archive too (real trees archive there)", () => {
    const root = tree([...ws("specs/completed/build", ["prd.md", "tasks.md", "recovery.md"]), "specs/completed/build/tmp/"]);
    expect(lintAt(root, "specs/completed/build/prd.md")).toEqual([
      { line: 1, rule: "SC013", detail: 'Archived workspace "build": Expected: no tmp/; Actual: tmp/ present' },
    ]);
  });

  it("knows seed 004's requirements/{slug}/ layout (no analysis.md) and its archive", () => {
    const seed004 = ["prd.md", "tasks.md", "recovery.md", "research/plan.md"];
    const root = tree([...ws("requirements/search", seed004), ...ws("requirements/archive/old", seed004), "requirements/archive/old/tmp/", "requirements/README.md"]);
    expect(lintAt(root, "requirements/search/prd.md")).toEqual([]);
    expect(lintAt(root, "requirements/archive/old/prd.md")).toEqual([
      { line: 1, rule: "SC013", detail: 'Archived workspace "old": Expected: no tmp/; Actual: tmp/ present' },
    ]);
    expect(lintAt(root, "requirements/README.md")).toEqual([]);
  });

  it("limits active workspaces when maxActive is set", () => {
    const root = tree([...["a", "b", "c", "d"].flatMap((s) => ws(`specs/active/${s}`, FIVE)), "specs/active/.hidden/", "specs/active/README.md"]);
    expect(lintAt(root, "specs/active/a/prd.md")).toEqual([]);
    expect(lintAt(root, "specs/active/a/prd.md", { maxActive: 4 })).toEqual([]);
    expect(lintAt(root, "specs/active/c/prd.md", { maxActive: 3 })).toEqual([
      { line: 1, rule: "SC013", detail: 'Active workspace "c": Expected: at most 3 active workspaces beside it; Actual: 4' },
    ]);
    expect(lintAt(root, "specs/active/c/tasks.md", { maxActive: 3 })).toEqual([]);
  });

  it("skips files outside workspaces and strings with no file on disk", () => {
    const root = tree(["specs/guides/a.md", "specs/active/README.md", "specs/template-spec/prd.md"]);
    expect(lintAt(root, "specs/guides/a.md")).toEqual([]);
    expect(lintAt(root, "specs/active/README.md")).toEqual([]);
    expect(lintAt(root, "specs/template-spec/prd.md")).toEqual([]);
    expect(findings("# PRD\n", "specs/active/not-on-disk/prd.md", "SC013")).toEqual([]);
  });

  it("matches inside the project root only: a checkout under a requirements/ folder is no workspace", () => {
    const root = tree(["requirements/my-repo/.git/", "requirements/my-repo/docs/a.md", ...ws("requirements/my-repo/requirements/x", ["prd.md"])]);
    expect(lintAt(root, "requirements/my-repo/docs/a.md")).toEqual([]);
    expect(lintAt(root, "requirements/my-repo/requirements/x/prd.md")).toEqual([
      {
        line: 1,
        rule: "SC013",
        detail: 'Active workspace "x": Expected: prd.md, tasks.md, recovery.md, research/plan.md; Actual: missing tasks.md, recovery.md, research/plan.md',
      },
    ]);
  });

  it("takes configured locations, required files and report file; ignored files never carry the report", () => {
    const root = tree([...ws("work/feature-1", ["spec.md", "notes.md"]), ...ws("specs/active/demo", ["prd.md", "tasks.md"])]);
    const options = { workspaces: [{ directories: "**/work/*", required: ["spec.md", "design.md"] }], reportOn: "spec.md" };
    expect(lintAt(root, "work/feature-1/spec.md", options)).toEqual([
      { line: 1, rule: "SC013", detail: 'Active workspace "feature-1": Expected: spec.md, design.md; Actual: missing design.md' },
    ]);
    expect(lintAt(root, "work/feature-1/notes.md", options)).toEqual([]);
    expect(lintAt(root, "specs/active/demo/prd.md", options)).toEqual([]);
    const ignoring = { ignores: ["**/prd.md"] };
    expect(lintAt(root, "specs/active/demo/tasks.md", ignoring)).toEqual([
      { line: 1, rule: "SC013", detail: `Active workspace "demo": Expected: ${EXPECTED_FIVE}; Actual: missing recovery.md, research/analysis.md, research/plan.md` },
    ]);
    expect(lintAt(root, "specs/active/demo/tasks.md", { required: ["prd.md", "tasks.md"] })).toEqual([]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const root = tree(ws("specs/active/demo", FIVE));
    const bad = (options: unknown) => lintAt(root, "specs/active/demo/prd.md", options);
    expect(bad({ workspaces: [{ directories: ["**/x/*"] }] })).toEqual([
      {
        line: 1,
        rule: "SC013",
        detail:
          'Invalid configuration of SC013/workspace-complete: option "workspaces" must be an array of workspace locations; item 1: "directories" to be a glob pattern; found ["**/x/*"]',
      },
    ]);
    expect(bad({ workspaces: [{ archived: true }] })[0].detail).toBe(
      'Invalid configuration of SC013/workspace-complete: option "workspaces" must be an array of workspace locations; item 1: a "directories" key',
    );
    expect(bad({ required: ["../secret.md"] })[0].detail).toBe(
      'Invalid configuration of SC013/workspace-complete: option "required" must be an array of relative paths inside the workspace; found ["../secret.md"]',
    );
    expect(bad({ forbiddenInArchive: ["/tmp"] })[0].detail).toContain('option "forbiddenInArchive" must be an array of relative paths');
    expect(bad({ reportOn: "/etc/prd.md" })[0].detail).toBe(
      'Invalid configuration of SC013/workspace-complete: option "reportOn" must be a relative path inside the workspace; found "/etc/prd.md"',
    );
    expect(bad({ maxActive: -1 })[0].detail).toBe(
      'Invalid configuration of SC013/workspace-complete: option "maxActive" must be an integer from 0; found -1',
    );
  });
});
