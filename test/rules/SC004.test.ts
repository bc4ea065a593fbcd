import { describe, expect, it } from "vitest";
import { verifiedComments } from "../../dist/lib/text/fences.js";
import { fenceLanguage, pythonComments } from "../../dist/rules/SC004-code-fence-verified.js";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const missing = (line: number, actual = "none") => ({
  line,
  rule: "SC004",
  detail: `Expected: a "# VERIFIED:" comment in the python fence; Actual: ${actual}`,
});
const md = (...lines: string[]) => lines.join("\n") + "\n";

describe("SC004 code-fence-verified", () => {
  it("accepts python fences that carry a # VERIFIED: comment, on any line", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "# VERIFIED: src/app/factory.py:45-62",
      "import os",
      "```",
      "",
      "```py",
      "# Approach from Airflow",
      "# VERIFIED: Syntax checked with py_compile",
      "class OperatorFactory: ...",
      "```",
      "",
      "```python",
      "x = build()  # VERIFIED: src/build.py:3-9",
      "```",
    );
    expect(findings(text, prd, "SC004")).toEqual([]);
  });

  it("reports each unverified fence on its opening line, and no document total (one problem, one finding)", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "# VERIFIED: ok",
      "pass",
      "```",
      "",
      "```python",
      "print('no marker')",
      "```",
      "",
      "```python3",
      "x = 1",
      "```",
    );
    expect(findings(text, prd, "SC004")).toEqual([missing(8), missing(12)]);
  });

  it("does not count the marker inside a string", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "if '# VERIFIED:' not in snippet:",
      "    print('missing')",
      "```",
      "",
      "```python",
      'doc = """',
      "# VERIFIED: this is text in a docstring",
      '"""',
      "```",
    );
    expect(findings(text, prd, "SC004")).toEqual([
      missing(3, '"# VERIFIED:" only inside a string'),
      missing(8, '"# VERIFIED:" only inside a string'),
    ]);
  });

  it("reports an empty fence", () => {
    expect(findings(md("# PRD", "", "```python", "", "```"), prd, "SC004")).toEqual([
      missing(3, "empty fence"),
    ]);
  });

  it("judges an unclosed fence by what it holds up to the end of the file", () => {
    expect(findings(md("# PRD", "", "```python", "import os", "", "## Next"), prd, "SC004")).toEqual([
      missing(3),
    ]);
    expect(findings(md("# PRD", "", "```python", "import os", "# VERIFIED: at the end"), prd, "SC004")).toEqual([]);
  });

  it("recognises py, python3, py3, attributes, braces and upper case; ignores other languages", () => {
    const fence = (info: string) => md("```" + info, "x = 1", "```", "");
    const text =
      "# PRD\n\n" +
      fence('py3 title="x.py"') + // line 3
      fence("PYTHON") + // line 7
      fence("{.python .numberLines}") + // line 11
      fence("python:main.py") + // line 15
      fence("pycon") +
      fence("python-repl") +
      fence("bash") +
      fence("");
    expect(findings(text, prd, "SC004")).toEqual([missing(3), missing(7), missing(11), missing(15)]);
  });

  it("finds fences in lists and block quotes, and tilde fences", () => {
    const text = md(
      "# PRD",
      "",
      "- Step one:",
      "",
      "  ```python",
      "  # VERIFIED: ok",
      "  run()",
      "  ```",
      "",
      "> ```python",
      "> run()",
      "> ```",
      "",
      "~~~python",
      "run()",
      "~~~",
    );
    expect(findings(text, prd, "SC004")).toEqual([missing(10), missing(14)]);
  });

  it("ignores indented code blocks and python fences shown inside a longer fence", () => {
    const text = md("# PRD", "", "    # an indented block", "    run()", "", "````markdown", "```python", "run()", "```", "````");
    expect(findings(text, prd, "SC004")).toEqual([]);
  });

  it("handles CRLF line endings and front matter (document findings go on the first line after it)", () => {
    const text = ["---", "title: Demo", "---", "# PRD", "", "```python", "run()", "```", ""].join("\r\n");
    expect(findings(text, prd, "SC004")).toEqual([missing(6)]);
  });

  it("wants the marker spelled exactly, as the seed's grep counts it, and says how it was spelled", () => {
    const text = md("```python", "# verified: lower case", "```", "", "```python", "x = 1  #VERIFIED: no space", "```", "", "```python", "# Verified : Syntax checked", "```");
    expect(findings(text, prd, "SC004")).toEqual([
      missing(1, '"# verified:", spelled differently'),
      missing(5, '"#VERIFIED:", spelled differently'),
      missing(9, '"# Verified :", spelled differently'),
    ]);
  });

  it("checks PRD, analysis and research documents only, and skips templates", () => {
    const text = md("```python", "run()", "```");
    expect(findings(text, "specs/active/demo/research/plan.md", "SC004")).toEqual([missing(1)]);
    expect(findings(text, "specs/active/demo/research/analysis.md", "SC004")).toEqual([missing(1)]);
    expect(findings(text, "specs/active/demo/tasks.md", "SC004")).toEqual([]);
    expect(findings(text, "specs/guides/testing.md", "SC004")).toEqual([]);
    expect(findings(text, "specs/template-spec/prd.md", "SC004")).toEqual([]);
  });

  it("takes languages, marker and files as options", () => {
    const text = md("```ipython", "run()", "```", "", "```python", "# Checked: by hand", "run()", "```");
    expect(findings(text, prd, "SC004", { languages: ["python", "IPython"], marker: "# Checked:" })).toEqual([
      { line: 1, rule: "SC004", detail: 'Expected: a "# Checked:" comment in the python fence; Actual: none' },
    ]);
    expect(findings(md("```python", "run()", "```"), "docs/design.md", "SC004", { files: ["docs/*.md"] })).toEqual([
      missing(1),
    ]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const bad = (options: unknown) => findings("# x\n", prd, "SC004", options).map((f) => `${f.line} ${f.detail}`);
    expect(bad({ languages: "python" })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "languages" must be an array of languages; found "python"',
    ]);
    expect(bad({ languages: ["python", ""] })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "languages" must be an array of languages; item 2: a non-empty string; found \"\"',
    ]);
    expect(bad({ marker: "" })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "marker" must be a non-empty string; found ""',
    ]);
    // The document total is gone (SC010 owns a document's self-reported counts).
    expect(bad({ totals: true })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: unknown option "totals" (known: files, ignores, languages, marker)',
    ]);
  });
});

describe("pythonComments", () => {
  it("finds full-line and trailing comments and skips strings", () => {
    expect(
      pythonComments([
        "# top",
        "x = '#not' + \"#not\"  # trailing",
        "s = '''",
        "# inside a triple-quoted string",
        "'''  # after",
        'r = r"\\"#still a string"',
        "t = 'a\\",
        "#continued string' # real",
      ]),
    ).toEqual([
      { index: 0, column: 0, text: "# top" },
      { index: 1, column: 21, text: "# trailing" },
      { index: 4, column: 5, text: "# after" },
      { index: 7, column: 19, text: "# real" },
    ]);
  });

  it("ends an unterminated single-quoted string at the end of its line", () => {
    expect(pythonComments(["x = 'open", "# comment"])).toEqual([{ index: 1, column: 0, text: "# comment" }]);
  });
});

describe("verifiedComments (the one finder of SC004, SC009 and SC010)", () => {
  it("finds the marker in real comments, in any case and spacing, and says whether it is exact", () => {
    const found = verifiedComments([
      "# VERIFIED: src/a.py:1-3",
      "x = 1  #verified: src/b.py",
      "s = '# VERIFIED: in a string'",
      "# Verified : Syntax checked",
      "# not verified here",
    ]);
    expect(found.map((c) => [c.index, c.column, c.written, c.exact, c.text, c.textColumn])).toEqual([
      [0, 0, "# VERIFIED:", true, " src/a.py:1-3", 11],
      [1, 7, "#verified:", false, " src/b.py", 17],
      [3, 0, "# Verified :", false, " Syntax checked", 12],
    ]);
  });

  it("takes another marker", () => {
    expect(verifiedComments(["# CHECKED: by hand", "# checked: too"], "# CHECKED:").map((c) => c.exact)).toEqual([true, false]);
  });
});

describe("fenceLanguage", () => {
  it("reads the first word of the info string, lower-cased", () => {
    expect(fenceLanguage('python title="x.py"')).toBe("python");
    expect(fenceLanguage("{.py3 .numberLines}")).toBe("py3");
    expect(fenceLanguage("Python3:app.py")).toBe("python3");
    expect(fenceLanguage("")).toBe("");
  });
});
