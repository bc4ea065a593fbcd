/**
 * The suite on real spec-kit and Kiro trees: the working corpus of
 * spec-driven-development documents beside the clone (../shared/corpus-sdd,
 * `<workflow>/<owner>+<repo>/<original path>`), or any such folder named by
 * SPEC_CONTRACT_SDD_CORPUS (a tree kept outside the repository). Skipped in
 * a plain clone. Linted as the profiles lint them (the recommended preset's
 * configuration; the workflows' defaults come from the files' paths):
 *
 * - no rule crashes or reports outside its document;
 * - every open `[NEEDS CLARIFICATION: …]` outside code is reported by
 *   SC011, counted independently here (a plain scan of the lines outside
 *   fences and code spans), also with markers added to every spec;
 * - the findings per rule and workflow are printed for the record.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lintFiles, markdownFiles } from "./helpers.js";
import { cleanup, scratch } from "./integration.js";

const shared = fileURLToPath(new URL("../../shared/corpus-sdd/", import.meta.url));
const corpus = process.env.SPEC_CONTRACT_SDD_CORPUS || shared;
const present = existsSync(corpus);

const recommended = JSON.parse(
  readFileSync(new URL("../config/recommended.jsonc", import.meta.url), "utf8").replace(/^\s*\/\/.*$/gm, ""),
) as Record<string, unknown>;

/** The template's own example of the marker, which its guidance text quotes. */
const EXAMPLE = "[NEEDS CLARIFICATION: specific question]";

/** Open markers outside code, by a plain scan: "file:line" once per marker. */
function openMarkers(file: string, text: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
      return;
    }
    if (f) {
      fence = f[1];
      return;
    }
    if (/^( {4}|\t)/.test(line) && line.trim() !== "" && !/^\s*([-*+]|\d+[.)])\s/.test(line)) return; // indented code
    const prose = line.replace(/(`+)[^`]*?\1/g, "");
    for (const m of prose.matchAll(/\[NEEDS CLARIFICATION:[^\]]*\]?/g)) if (m[0] !== EXAMPLE) out.push(`${file}:${i + 1}`);
  });
  return out;
}

describe.skipIf(!present)("the suite on real spec-kit and Kiro trees", () => {
  const files = present ? markdownFiles(corpus).filter((f) => relative(corpus, f) !== "README.md").sort() : [];
  const results = present ? lintFiles(files, recommended) : {};
  const all = Object.entries(results).flatMap(([file, errors]) => errors.map((e) => ({ file: relative(corpus, file), ...e })));

  it("lints every file, and no rule crashes or reports outside its document", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(results).length).toBe(files.length);
    expect(all.filter((e) => /Internal error|threw an exception/.test(e.errorDetail ?? ""))).toEqual([]);
    for (const e of all) {
      const lines = readFileSync(join(corpus, e.file), "utf8").split(/\r\n|\r|\n/);
      expect(e.lineNumber).toBeGreaterThanOrEqual(1);
      expect(e.lineNumber).toBeLessThanOrEqual(lines.length);
    }
  });

  it("reports every open [NEEDS CLARIFICATION: …] outside code, and nothing else as one", () => {
    const expected = files.flatMap((f) => openMarkers(relative(corpus, f), readFileSync(f, "utf8"))).sort();
    const reported = all
      .filter((e) => e.ruleNames[0] === "SC011" && /NEEDS CLARIFICATION/.test(e.errorDetail ?? ""))
      .map((e) => `${e.file}:${e.lineNumber}`)
      .sort();
    expect(reported).toEqual(expected);
  });

  describe("with markers added to every spec", () => {
    const dir = scratch("sdd-markers");
    afterAll(() => cleanup(dir));
    const specs = files.filter((f) => /\/spec\.md$|\/requirements\.md$/.test(f));
    const copies: string[] = [];
    for (const f of specs) {
      const copy = join(dir, relative(corpus, f));
      cpSync(f, copy);
      const added = [
        "",
        "- **FR-900**: The system MUST keep exports for [NEEDS CLARIFICATION: retention period not specified]",
        "- [x] No [NEEDS CLARIFICATION] markers remain",
        "Open: `[NEEDS CLARIFICATION: in code]`, and [NEEDS CLARIFICATION: does the owner approve? Ask in the",
        "  weekly review]",
        "",
        "```text",
        "[NEEDS CLARIFICATION: in a fence]",
        "```",
        "",
      ].join("\n");
      writeFileSync(copy, readFileSync(f, "utf8").replace(/\s*$/, "\n") + added);
      copies.push(copy);
    }

    it("reports exactly the two open ones of each spec, counted independently", () => {
      if (copies.length === 0) return;
      const found = Object.entries(lintFiles(copies, { default: false, SC011: true })).flatMap(([file, errors]) =>
        errors.filter((e) => /NEEDS CLARIFICATION/.test(e.errorDetail ?? "")).map((e) => `${relative(dir, file)}:${e.lineNumber}`),
      );
      const expected = copies.flatMap((c) => openMarkers(relative(dir, c), readFileSync(c, "utf8")));
      expect(expected.length).toBeGreaterThanOrEqual(2 * copies.length);
      expect(found.sort()).toEqual(expected.sort());
    });
  });

  it("reports per rule and workflow (printed for the record)", () => {
    const counts: Record<string, number> = {};
    for (const e of all) {
      const key = `${e.file.split("/")[0]} ${e.ruleNames[0]}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    console.log(`corpus-sdd findings (${files.length} files): ${JSON.stringify(counts)}`);
    expect(Object.keys(counts).length).toBeGreaterThan(0);
  });
});
