import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const hook = new URL("../.githooks/commit-msg", import.meta.url).pathname;
const run = (message: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "msg-")), "COMMIT_EDITMSG");
  writeFileSync(file, message);
  return spawnSync("sh", [hook, file], { encoding: "utf8" });
};

describe(".githooks/commit-msg", () => {
  it("takes a subject of at most 72 characters with the detail in the body", () => {
    expect(run(`${"a".repeat(72)}\n\nWhy and how.\n`).status).toBe(0);
    expect(run("# comment\nSC003: yes/no checks pass\n").status).toBe(0);
  });

  it("refuses a longer subject, and a body glued to it", () => {
    const long = run(`${"a".repeat(73)}\n`);
    expect(long.status).toBe(1);
    expect(long.stderr).toContain("73 characters");
    expect(run("Subject\nbody on line 2\n").status).toBe(1);
  });
});
