/**
 * patternMatcher and globMatcher (lib/core/files.ts) test picomatch's expressions
 * themselves instead of calling picomatch's matcher, for speed
 * (docs/performance.md). On a path as given they must answer exactly as the
 * matcher does: on the default patterns, on patterns
 * users write (negations, braces, classes, extglobs, literal names), on the
 * corpus's own names and on random names made of the patterns' parts.
 */
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_IGNORES, globMatcher, isSelected, KIND_FILES, nameForms, patternMatcher } from "../../dist/lib/core/files.js";
import { markdownFiles } from "../helpers.js";
import { corpusDir } from "../real-docs.js";

const shared = corpusDir;

const patterns = [
  ...DEFAULT_IGNORES,
  ...Object.values(KIND_FILES).flat(),
  "**/*.md",
  "specs/*.md",
  "specs/**",
  "!**/archive/**",
  "**/{prd,tasks}.md",
  "**/research/[ap]*.md",
  "**/*.{md,MD}",
  "docs/+(guides|howto)/**/*.md",
  "specs/active/x/prd.md",
  "**/.hidden/*.md",
  "*",
  "?.md",
  "**/../prd.md",
];

/** The answer of picomatch's own matcher for one list (any pattern matches), case-insensitive as the suite matches. */
const reference = (list: readonly string[]) => {
  const matchers = list.map((p) => picomatch(p, { dot: true, nocase: true }));
  return (name: string) => matchers.some((m) => m(name));
};

describe("globMatcher", () => {
  it("answers as picomatch's matcher on every name of the real documents, for each pattern", () => {
    const names = markdownFiles(shared).map((f) => relative(shared, f));
    names.push("", ".", "specs", "specs/active/x/prd.md", "a/.claude/x.md", "./specs/prd.md", "../prd.md", "specs//prd.md");
    for (const pattern of patterns) {
      const mine = patternMatcher([pattern]);
      const theirs = reference([pattern]);
      const differ = names.filter((n) => mine(n) !== theirs(n));
      expect({ pattern, differ }).toEqual({ pattern, differ: [] });
    }
  });

  it("answers as picomatch's matcher on random names built from the patterns' parts", () => {
    const segment = fc.constantFrom(
      "specs", "active", "archive", "research", "guides", "howto", "docs", "node_modules", ".claude", ".hidden",
      "templates", "Templates", "template-x", "prd.md", "PRD.md", "tasks.md", "Tasks.md", "RECOVERY.md", "plan.md", "analysis.md", "a.md", "b.MD", "x", ".", "..", "",
    );
    const name = fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => parts.join("/"));
    const lists = [DEFAULT_IGNORES, KIND_FILES.guide, [...KIND_FILES.prd, ...KIND_FILES.research], patterns];
    fc.assert(
      fc.property(name, fc.constantFrom(...lists), (n, list) => {
        // A fresh array each time: the matcher's cache per array must not matter.
        expect(patternMatcher([...list])(n)).toBe(reference(list)(n));
      }),
      { seed: 20261122, numRuns: 3000 },
    );
  });

  it("matches names inside the working directory relative to it, others by their absolute path", () => {
    const cwd = process.cwd().split("\\").join("/");
    const inside = join(process.cwd(), "specs", "active", "x", "prd.md");
    // markdownlint-cli2 passes absolute paths; relative patterns match them relative to the working directory.
    expect(nameForms(inside)).toEqual({ relative: "specs/active/x/prd.md", absolute: `${cwd}/specs/active/x/prd.md` });
    expect(globMatcher(["specs/*/*/prd.md"])(inside)).toBe(true);
    expect(globMatcher(["specs/*/*/prd.md"])("specs/active/x/prd.md")).toBe(true);
    expect(globMatcher(["specs/*/*/prd.md"])("./specs/active/x/prd.md")).toBe(true);
    expect(globMatcher(["**/prd.md"])(inside)).toBe(true);
    expect(globMatcher(["active/*/prd.md"])(inside)).toBe(false);
    // A name outside it ("../x/prd.md" through the library API) is matched by its absolute path, so **/prd.md still selects it.
    expect(nameForms("../x/prd.md").relative).toBe(`${dirname(cwd)}/x/prd.md`.replace(/^\/\//, "/"));
    expect(globMatcher(["**/prd.md"])("../x/prd.md")).toBe(true);
    expect(globMatcher(["x/prd.md"])("../x/prd.md")).toBe(false);
    // An absolute pattern matches the absolute path.
    expect(globMatcher([`${cwd}/specs/**`])(inside)).toBe(true);
    expect(globMatcher([`!${cwd}/specs/**`])(inside)).toBe(false);
    // Folders above the working directory never select or skip a file inside it.
    const above = cwd.split("/").filter(Boolean)[0];
    expect(globMatcher([`**/${above}/**`])(inside)).toBe(cwd === `/${above}`);
  });

  it("normalises backslashes and remembers only the last name", () => {
    const m = globMatcher(["**/prd.md"]);
    expect(m("specs\\active\\x\\prd.md")).toBe(true);
    expect(m("specs\\active\\x\\tasks.md")).toBe(false);
    expect(m("specs\\active\\x\\prd.md")).toBe(true);
    expect(isSelected("specs/active/x/prd.md", KIND_FILES.prd, DEFAULT_IGNORES)).toBe(true);
    expect(isSelected("specs/agents/prd.md", KIND_FILES.prd, DEFAULT_IGNORES)).toBe(false);
  });

  it("matches file names whatever their case (RECOVERY.md is the recovery document)", () => {
    expect(isSelected("specs/active/x/PRD.md", KIND_FILES.prd, DEFAULT_IGNORES)).toBe(true);
    expect(isSelected("specs/active/x/Tasks.md", KIND_FILES.tasks, DEFAULT_IGNORES)).toBe(true);
    expect(isSelected("/home/me/repo/specs/active/x/RECOVERY.md", KIND_FILES.recovery, DEFAULT_IGNORES)).toBe(true);
    expect(isSelected("specs/active/x/Research/Plan.md", KIND_FILES.research, DEFAULT_IGNORES)).toBe(true);
    expect(isSelected("specs/Templates/prd.md", KIND_FILES.prd, DEFAULT_IGNORES)).toBe(false);
    expect(isSelected("specs/active/x/prd.md", KIND_FILES.tasks, DEFAULT_IGNORES)).toBe(false);
  });

  it("throws on a pattern picomatch cannot compile, as picomatch does", () => {
    expect(() => picomatch("", { dot: true })).toThrow();
    expect(() => globMatcher([""])).toThrow();
  });
});
