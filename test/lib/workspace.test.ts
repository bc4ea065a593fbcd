import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findWorkspace, hasEntry, listFiles, missingEntries, reporterOf, siblingWorkspaces } from "../../dist/lib/core/workspace.js";

const scratch = mkdtempSync(join(tmpdir(), "workspace-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const touch = (p: string) => {
  mkdirSync(dirname(join(scratch, p)), { recursive: true });
  writeFileSync(join(scratch, p), "");
};

const LOCATIONS = [
  { directories: "**/specs/archive/*", archived: true },
  { directories: "**/specs/active/*" },
  { directories: "**/requirements/!(archive)" },
];

describe("findWorkspace", () => {
  it("finds the workspace above a file, relative to the root when inside it", () => {
    expect(findWorkspace("/repo/specs/active/demo/research/plan.md", LOCATIONS, "/repo")).toEqual({
      location: LOCATIONS[1],
      dir: "/repo/specs/active/demo",
      nameDir: "/repo/specs/active/demo",
      display: "specs/active/demo",
      slug: "demo",
      file: "research/plan.md",
    });
  });

  it("keeps the name's own form for nameDir (relative names, Windows separators)", () => {
    const ws = findWorkspace("specs\\archive\\old\\prd.md", LOCATIONS, process.cwd());
    expect(ws?.nameDir).toBe("specs/archive/old");
    expect(ws?.location.archived).toBe(true);
    expect(ws?.file).toBe("prd.md");
  });

  it("matches the whole path when the file is outside the root", () => {
    expect(findWorkspace("/elsewhere/requirements/search/prd.md", LOCATIONS, "/repo")?.display).toBe("/elsewhere/requirements/search");
  });

  it("ignores folders above the root, files directly in a workspace folder, and excluded names", () => {
    expect(findWorkspace("/home/requirements/repo/docs/a.md", LOCATIONS, "/home/requirements/repo")).toBeUndefined();
    expect(findWorkspace("/repo/specs/active/README.md", LOCATIONS, "/repo")).toBeUndefined();
    expect(findWorkspace("/repo/requirements/archive/README.md", LOCATIONS, "/repo")).toBeUndefined();
  });

  it("tries locations in order", () => {
    const locations = [{ directories: "**/a/*", archived: true }, { directories: "**/a/b" }];
    expect(findWorkspace("/r/a/b/x.md", locations, "/r")?.location.archived).toBe(true);
  });
});

describe("directory listings", () => {
  touch("ws/prd.md");
  touch("ws/research/plan.md");
  touch("ws/tmp/scratch.txt");
  touch("ws/.hidden/x.md");
  touch("ws/node_modules/y.md");
  touch("ws/B.md");
  touch("outside/secret.md");
  symlinkSync(join(scratch, "outside"), join(scratch, "ws", "link"));
  const ws = join(scratch, "ws");

  it("hasEntry checks names whatever their case, and directories when asked with a trailing slash", () => {
    expect(hasEntry(ws, "prd.md")).toBe(true);
    expect(hasEntry(ws, "PRD.md")).toBe(true);
    expect(hasEntry(ws, "b.md")).toBe(true);
    expect(hasEntry(ws, "Research/PLAN.md")).toBe(true);
    expect(hasEntry(ws, "tasks.md")).toBe(false);
    expect(hasEntry(ws, "research/plan.md")).toBe(true);
    expect(hasEntry(ws, "tmp/")).toBe(true);
    expect(hasEntry(ws, "prd.md/")).toBe(false);
    expect(hasEntry(ws, "prd.md/x")).toBe(false);
    expect(hasEntry(join(scratch, "missing"), "prd.md")).toBe(false);
  });

  it("missingEntries keeps the order given", () => {
    expect(missingEntries(ws, ["tasks.md", "prd.md", "research/analysis.md"])).toEqual(["tasks.md", "research/analysis.md"]);
  });

  it("listFiles walks the workspace, sorted by code unit, without hidden folders, node_modules or links", () => {
    expect(listFiles(ws)).toEqual(["B.md", "prd.md", "research/plan.md", "tmp/scratch.txt"]);
  });

  it("reporterOf prefers prd.md, else the first candidate", () => {
    expect(reporterOf(["a.md", "prd.md"], "prd.md")).toBe("prd.md");
    expect(reporterOf(["tasks.md", "B.md", "a.md"], "prd.md")).toBe("B.md");
    expect(reporterOf([], "prd.md")).toBeUndefined();
  });

  it("siblingWorkspaces lists the directories beside a workspace that match its pattern", () => {
    for (const s of ["one", "two", "archive", ".git"]) mkdirSync(join(scratch, "requirements", s), { recursive: true });
    touch("requirements/README.md");
    const found = findWorkspace(join(scratch, "requirements/one/prd.md"), LOCATIONS, scratch)!;
    expect(siblingWorkspaces(found)).toEqual(["one", "two"]);
  });
});
