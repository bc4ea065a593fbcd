import fs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { references } from "../../dist/rules/SC009-verified-reference.js";
import { findings, lintString } from "../helpers.js";

/** A temporary project: `proj/` (with `.git`) and a sibling `outside/` that must never be touched. */
const base = mkdtempSync(join(tmpdir(), "sc009-"));
const proj = join(base, "proj");
const outside = join(base, "outside");
mkdirSync(join(proj, ".git"), { recursive: true });
mkdirSync(join(proj, "src", "pkg"), { recursive: true });
mkdirSync(join(proj, "specs", "active", "demo"), { recursive: true });
mkdirSync(outside);
writeFileSync(join(proj, "src", "pkg", "factory.py"), "import os\n\n\ndef make(kind):\n    return kind\n");
writeFileSync(join(outside, "secret.py"), "SECRET = 1\n");
symlinkSync(outside, join(proj, "out"));
symlinkSync(join(outside, "secret.py"), join(proj, "src", "secret.py"));
symlinkSync("../src", join(proj, "specs", "srclink"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const prd = join(proj, "specs", "active", "demo", "prd.md");
const fence = (...comments: string[]) => ["# PRD", "", "```python", ...comments, "x = 1", "```", ""].join("\n");
const check = (md: string, options: unknown = true) => findings(md, prd, "SC009", options);

describe("SC009 verified-reference", () => {
  it("accepts a reference to existing lines, a single line and a whole file", () => {
    expect(
      check(fence("# VERIFIED: src/pkg/factory.py:1-5", "# VERIFIED: src/pkg/factory.py:4", "# VERIFIED: src/pkg/factory.py")),
    ).toEqual([]);
  });

  it("reports lines past the end of the file on the # VERIFIED: line, with a range over the reference", () => {
    const errors = lintString(fence("# VERIFIED: src/pkg/factory.py:4-9"), prd, "SC009");
    expect(errors.map((e) => [e.lineNumber, e.errorDetail, e.errorRange])).toEqual([
      [4, '"src/pkg/factory.py:4-9": Expected: lines 4-9 to exist; Actual: the file has 5 lines', [13, 22]],
    ]);
    expect(check(fence("# VERIFIED: src/pkg/factory.py:6"))[0].detail).toBe(
      '"src/pkg/factory.py:6": Expected: line 6 to exist; Actual: the file has 5 lines',
    );
  });

  it("reports a missing file and a reversed range", () => {
    expect(check(fence("# VERIFIED: src/pkg/nope.py:1-2", "# VERIFIED: src/pkg/factory.py:5-2"))).toEqual([
      { line: 4, rule: "SC009", detail: '"src/pkg/nope.py:1-2": Expected: an existing file under the project root; Actual: not found' },
      {
        line: 5,
        rule: "SC009",
        detail: '"src/pkg/factory.py:5-2": Expected: a line range start-end with 1 ≤ start ≤ end; Actual: 5-2',
      },
    ]);
  });

  it("does not require files that a comment calls proposed or planned to exist (absolute paths still reported)", () => {
    expect(
      check(fence("# VERIFIED: Proposed new code for src/pkg/download.py", "# VERIFIED: 6 cases planned in tests/unit/test_x.py")),
    ).toEqual([]);
    expect(check(fence("# VERIFIED: Proposed /home/me/src/x.py"))[0].detail).toBe(
      '"/home/me/src/x.py": Expected: a path relative to the project root; Actual: an absolute path (not portable)',
    );
    expect(check(fence("# VERIFIED: Proposed src/pkg/nope.py"), { proposed: [] })[0].detail).toBe(
      '"src/pkg/nope.py": Expected: an existing file under the project root; Actual: not found',
    );
  });

  it("reads GitHub-style #L anchors and a reference inside prose", () => {
    expect(check(fence("# VERIFIED: follows the pattern in src/pkg/factory.py#L2-L8"))).toEqual([
      {
        line: 4,
        rule: "SC009",
        detail: '"src/pkg/factory.py#L2-L8": Expected: lines 2-8 to exist; Actual: the file has 5 lines',
      },
    ]);
  });

  it("does not take prose for a path", () => {
    expect(
      check(
        fence(
          "# VERIFIED: Syntax checked with py_compile",
          "# VERIFIED: Imports verified in Python 3.7-3.11 and 3.12/3.13",
          "# VERIFIED: Type-checked with mypy/pyright, as Node.js does e.g. here",
          "# VERIFIED: Proposed new code",
          "# VERIFIED: see https://example.com/src/a.py",
        ),
      ),
    ).toEqual([]);
  });

  it("reports absolute paths as not portable, without a project root too", () => {
    const detail = '"/home/alice/src/app.py:1-3": Expected: a path relative to the project root; Actual: an absolute path (not portable)';
    expect(check(fence("# VERIFIED: /home/alice/src/app.py:1-3"))).toEqual([{ line: 4, rule: "SC009", detail }]);
    expect(findings(fence("# VERIFIED: /home/alice/src/app.py:1-3"), join(outside, "prd.md"), "SC009")).toEqual([
      { line: 4, rule: "SC009", detail },
    ]);
    expect(check(fence("# VERIFIED: ~/src/app.py", "# VERIFIED: C:\\Users\\bob\\app.py:2"))).toHaveLength(2);
  });

  it("skips existence checks when no project root is found", () => {
    expect(findings(fence("# VERIFIED: src/nope.py:1-2"), join(outside, "prd.md"), "SC009")).toEqual([]);
  });

  it("resolves ./ and ../ against the document's folder and follows symbolic links inside the root", () => {
    const doc = join(proj, "specs", "prd.md");
    expect(findings(fence("# VERIFIED: ./srclink/pkg/factory.py:2", "# VERIFIED: ../src/pkg/factory.py:1-5"), doc, "SC009")).toEqual(
      [],
    );
    expect(check(fence("# VERIFIED: specs/srclink/pkg/factory.py:5"))).toEqual([]);
  });

  it("refuses paths that leave the root, and symbolic links pointing out, without touching anything outside", () => {
    const names = ["readFileSync", "statSync", "lstatSync", "readlinkSync", "existsSync", "openSync", "realpathSync"] as const;
    const touched: string[] = [];
    const real = Object.fromEntries(names.map((n) => [n, fs[n]]));
    const spy = (name: (typeof names)[number]) =>
      Object.assign(
        (path: unknown, ...rest: unknown[]) => {
          touched.push(String(path));
          return (real[name] as (...a: unknown[]) => unknown)(path, ...rest);
        },
        { native: (fs.realpathSync as { native?: unknown }).native },
      );
    for (const n of names) (fs as unknown as Record<string, unknown>)[n] = spy(n);
    syncBuiltinESMExports();
    let result;
    try {
      result = check(
        fence(
          "# VERIFIED: ../../../../outside/secret.py:1",
          "# VERIFIED: out/secret.py:1",
          "# VERIFIED: src/secret.py",
          "# VERIFIED: ../../../out/secret.py",
        ),
      );
    } finally {
      for (const n of names) (fs as unknown as Record<string, unknown>)[n] = real[n];
      syncBuiltinESMExports();
    }
    expect(result).toEqual([
      {
        line: 4,
        rule: "SC009",
        detail: '"../../../../outside/secret.py:1": Expected: a path inside the project root; Actual: the path leaves it',
      },
      { line: 5, rule: "SC009", detail: '"out/secret.py:1": Expected: a path inside the project root; Actual: a symbolic link leads out of it' },
      { line: 6, rule: "SC009", detail: '"src/secret.py": Expected: a path inside the project root; Actual: a symbolic link leads out of it' },
      {
        line: 7,
        rule: "SC009",
        detail: '"../../../out/secret.py": Expected: a path inside the project root; Actual: a symbolic link leads out of it',
      },
    ]);
    // The spy saw the rule's own look-ups (the link itself is inside the root)…
    expect(touched).toContain(join(proj, "out"));
    // …and nothing outside it: not read, not even looked at.
    expect(touched.filter((p) => p.startsWith(outside))).toEqual([]);
  });

  it("matches the fence's code against the referenced lines with matchContent", () => {
    const md = (code: string) => ["# PRD", "", "```python", "# VERIFIED: src/pkg/factory.py:4-5", code, "```", ""].join("\n");
    const options = { matchContent: true };
    expect(check(md("def make(kind):\n    # a comment\n    return kind"), options)).toEqual([]);
    expect(check(md("def make(kind, extra):\n    return kind"), options)).toEqual([
      {
        line: 4,
        rule: "SC009",
        detail: '"src/pkg/factory.py:4-5": Expected: the fence\'s code in those lines; Actual: "def make(kind, extra):" not found',
      },
    ]);
    expect(check(md("def make(kind, extra):"))).toEqual([]);
  });

  it("checks # VERIFIED: lines in any code block, inside lists and quotes too", () => {
    const md = "# PRD\n\n- item\n\n  ```bash\n  # VERIFIED: src/pkg/factory.py:9\n  ```\n\n> ```py\n> # VERIFIED: src/pkg/nope.py\n> ```\n";
    const errors = lintString(md, prd, "SC009");
    expect(errors.map((e) => [e.lineNumber, e.errorRange])).toEqual([
      [6, [15, 20]],
      [10, [15, 15]],
    ]);
  });

  it("follows the comments SC004 finds: real comments, trailing ones, any case; not text inside a string", () => {
    const md = [
      "# PRD",
      "",
      "```python",
      "x = make()  # verified: src/pkg/nope.py",
      'doc = """',
      "# VERIFIED: src/pkg/gone.py",
      '"""',
      "```",
      "",
    ].join("\n");
    expect(check(md)).toEqual([
      { line: 4, rule: "SC009", detail: '"src/pkg/nope.py": Expected: an existing file under the project root; Actual: not found' },
    ]);
  });

  it("leaves the fences of a quoted Markdown document alone", () => {
    const md = "# Guide\n\n````markdown\n```python\n# VERIFIED: src/pkg/nope.py:1-2\n```\n````\n";
    expect(check(md)).toEqual([]);
  });

  it("uses a configured root, and reports one that does not exist", () => {
    const elsewhere = join(outside, "prd.md");
    expect(findings(fence("# VERIFIED: src/pkg/factory.py:9"), elsewhere, "SC009", { root: proj })).toEqual([
      { line: 4, rule: "SC009", detail: '"src/pkg/factory.py:9": Expected: line 9 to exist; Actual: the file has 5 lines' },
    ]);
    expect(findings(fence("# VERIFIED: src/a.py"), prd, "SC009", { root: join(base, "nope") })[0].detail).toBe(
      `Option "root": Expected: an existing directory; Actual: "${join(base, "nope")}" not found`,
    );
  });

  it("reports bad options on line 1", () => {
    expect(check(fence("# VERIFIED: src/a.py"), { matchContent: "yes" })).toEqual([
      {
        line: 1,
        rule: "SC009",
        detail: 'Invalid configuration of SC009/verified-reference: option "matchContent" must be a boolean; found "yes"',
      },
    ]);
    expect(check("# x\n", { depth: 1 })[0].detail).toBe(
      'Invalid configuration of SC009/verified-reference: unknown option "depth" (known: files, ignores, root, matchContent, maxFileBytes, proposed)',
    );
  });

  it("finds the references in a comment's text", () => {
    expect(references(" src/a.py:10-20 and tests/unit/ then b.py:3, e.g. x/y").map((r) => [r.path, r.start, r.end])).toEqual([
      ["src/a.py", 10, 20],
      ["tests/unit/", undefined, undefined],
      ["b.py", 3, 3],
    ]);
    expect(references(" setup.py").map((r) => r.path)).toEqual(["setup.py"]);
    expect(references(" Follows setup.py conventions").map((r) => r.path)).toEqual([]);
    expect(references(" src/path/to/file.py:start-end").map((r) => [r.text, r.start])).toEqual([["src/path/to/file.py", undefined]]);
  });
});
