/**
 * lib/core/fsmemo.ts: listings and lstat results are remembered only inside
 * `withFsMemo` (one rule's run on one file) and forgotten when it returns;
 * a missing path is undefined, not an exception.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lstatPath, readDirEntries, withFsMemo } from "../../dist/lib/core/fsmemo.js";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const names = (d: string) => readDirEntries(d).map((e) => e.name).sort();

describe("fsmemo", () => {
  it("remembers a listing and an lstat inside one run, and forgets them after", () => {
    dir = mkdtempSync(join(tmpdir(), "fsmemo-"));
    writeFileSync(join(dir, "a.md"), "a");
    withFsMemo(() => {
      expect(names(dir)).toEqual(["a.md"]);
      expect(lstatPath(join(dir, "b.md"))).toBeUndefined();
      writeFileSync(join(dir, "b.md"), "b");
      // The same run sees the folder as it was when first listed.
      expect(names(dir)).toEqual(["a.md"]);
      expect(lstatPath(join(dir, "b.md"))).toBeUndefined();
    });
    expect(names(dir)).toEqual(["a.md", "b.md"]);
    expect(lstatPath(join(dir, "b.md"))?.isFile()).toBe(true);
  });

  it("is undefined for a missing path and throws for other errors, as lstatSync does", () => {
    dir = mkdtempSync(join(tmpdir(), "fsmemo-"));
    writeFileSync(join(dir, "file"), "x");
    expect(lstatPath(join(dir, "missing"))).toBeUndefined();
    expect(() => lstatPath(join(dir, "file", "below"))).toThrow(/ENOTDIR/);
    expect(() => withFsMemo(() => readDirEntries(join(dir, "missing")))).toThrow(/ENOENT/);
    // A failed listing is remembered as the same failure within the run.
    withFsMemo(() => {
      expect(() => readDirEntries(join(dir, "nope"))).toThrow(/ENOENT/);
      expect(() => readDirEntries(join(dir, "nope"))).toThrow(/ENOENT/);
    });
  });
});
