/**
 * docs/contributing.md maps the tree: every folder of the repository down
 * to the second level has a row in its Layout table, and every row names a
 * folder that exists. lib/ never imports a rule, and only the document
 * model reads markdownlint's parse.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url).pathname;
const guide = readFileSync(join(root, "docs/contributing.md"), "utf8");
const layout = guide.slice(guide.indexOf("## Layout"), guide.indexOf("## A rule"));
/** The folders the table names: `lib/core/`, and each of "`test/judged/`, `test/judged-sdd/`". */
const named = new Set([...layout.matchAll(/`([\w./-]+\/)`/g)].map((m) => m[1]));

/** Folders holding tracked files, first and second level (git ls-files, so ignored output such as dist/ is left out). */
function trackedFolders(): string[] {
  const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  const folders = new Set<string>();
  for (const f of files) {
    const parts = f.split("/");
    if (parts.length > 1) folders.add(`${parts[0]}/`);
    if (parts.length > 2) folders.add(`${parts[0]}/${parts[1]}/`);
  }
  return [...folders].sort();
}

describe("the layout table of docs/contributing.md", () => {
  const inGit = existsSync(join(root, ".git"));

  it.skipIf(!inGit)("names every folder of the repository down to the second level", () => {
    // fixtures/rules/SCnnn and test/corpus/<project> are one row each, by their parent.
    const missing = trackedFolders().filter((f) => !named.has(f) && !/^fixtures\/rules\/.+|^test\/corpus\/.+/.test(f) && !(f.split("/").length > 2 && named.has(`${f.split("/")[0]}/${f.split("/")[1]}/`)));
    expect(missing).toEqual([]);
  });

  it("names only folders that exist", () => {
    expect([...named].filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });

  /** The TypeScript files under a folder, with their text. */
  const sources = (dir: string): [string, string][] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e): [string, string][] => {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) return sources(p);
      return p.endsWith(".ts") ? [[p, readFileSync(join(root, p), "utf8")]] : [];
    });

  it("keeps lib/ free of imports of rules/", () => {
    const offenders = sources("lib").filter(([, text]) => /from\s+["'](?:\.\.\/)+rules\//.test(text));
    expect(offenders.map(([p]) => p)).toEqual([]);
  });

  it("lets only the document model read markdownlint's parse", () => {
    const readers = [...sources("rules"), ...sources("lib")].filter(([, text]) => /\bparsers\b/.test(text)).map(([p]) => p);
    expect(readers).toEqual(["lib/core/model.ts"]);
  });
});
