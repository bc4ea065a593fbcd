/**
 * The repository stands on its own: no document links outside it or to a
 * file it does not hold, and none points readers at the working folders
 * beside the clone (../shared). test/corpus/ is third-party test data kept
 * as written, so it is left out. Notes on measurement (docs/performance.md,
 * docs/design/) may say where the benchmark's extra data comes from; every
 * other document is for users and contributors with a plain clone.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tracked = (pattern: string[]) =>
  execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...pattern], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((f) => f !== "" && !f.startsWith("test/corpus/") && existsSync(join(root, f)));

const documents = tracked(["*.md", "config/*", "*.yaml", "*.yml", "docs/*"]);

/** Link targets of a Markdown text (code blocks and code spans left out): inline links and images, and reference definitions. */
function links(markdown: string): string[] {
  const text = markdown.replace(/^(\s*)(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, "").replace(/`+[^`\n]*`+/g, "");
  const out = [...text.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g), ...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return out.filter((l) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(l)).map((l) => decodeURIComponent(l.replace(/[#?].*$/, "")));
}

describe("documents stand on their own", () => {
  it("finds the repository's documents", () => {
    expect(documents).toContain("README.md");
    expect(documents).toContain("docs/contract.md");
  });

  for (const doc of documents) {
    it(`${doc}: links stay inside the repository and reach a file`, () => {
      const text = readFileSync(join(root, doc), "utf8");
      const bad = links(text).filter((l) => {
        const target = resolve(dirname(join(root, doc)), l);
        return relative(root, target).startsWith("..") || !existsSync(target);
      });
      expect(bad).toEqual([]);
      if (!/^docs\/(performance\.md|design\/)/.test(doc)) expect(text).not.toMatch(/\.\.\/shared\b/);
    });
  }
});
