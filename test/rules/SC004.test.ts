import { describe, expect, it } from "vitest";
import { fenceLanguage, pythonComments } from "../../dist/rules/SC004-code-fence-verified.js";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const missing = (line: number, actual = "none") => ({
  line,
  rule: "SC004",
  detail: `Expected: a "# VERIFIED:" comment in the python fence; Actual: ${actual}`,
});
const totals = (verified: number, fences: number) => ({
  line: 1,
  rule: "SC004",
  detail: `Document: Expected: all ${fences} python fences verified; Actual: ${verified} of ${fences} verified`,
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

  it("reports each unverified fence on its opening line, and the totals on line 1", () => {
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
    expect(findings(text, prd, "SC004")).toEqual([totals(1, 3), missing(8), missing(12)]);
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
      totals(0, 2),
      missing(3, '"# VERIFIED:" only inside a string'),
      missing(8, '"# VERIFIED:" only inside a string'),
    ]);
  });

  it("reports an empty fence", () => {
    expect(findings(md("# PRD", "", "```python", "", "```"), prd, "SC004")).toEqual([
      totals(0, 1),
      missing(3, "empty fence"),
    ]);
  });

  it("judges an unclosed fence by what it holds up to the end of the file", () => {
    expect(findings(md("# PRD", "", "```python", "import os", "", "## Next"), prd, "SC004")).toEqual([
      totals(0, 1),
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
    expect(findings(text, prd, "SC004")).toEqual([totals(0, 4), missing(3), missing(7), missing(11), missing(15)]);
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
    expect(findings(text, prd, "SC004")).toEqual([totals(1, 3), missing(10), missing(14)]);
  });

  it("ignores indented code blocks and python fences shown inside a longer fence", () => {
    const text = md("# PRD", "", "    # an indented block", "    run()", "", "````markdown", "```python", "run()", "```", "````");
    expect(findings(text, prd, "SC004")).toEqual([]);
  });

  it("handles CRLF line endings and front matter (document findings go on the first line after it)", () => {
    const text = ["---", "title: Demo", "---", "# PRD", "", "```python", "run()", "```", ""].join("\r\n");
    expect(findings(text, prd, "SC004")).toEqual([{ ...totals(0, 1), line: 4 }, missing(6)]);
  });

  it("matches the marker case-sensitively, as grep does", () => {
    expect(findings(md("```python", "# verified: lower case", "```"), prd, "SC004")).toEqual([totals(0, 1), missing(1)]);
  });

  it("checks PRD, analysis and research documents only, and skips templates", () => {
    const text = md("```python", "run()", "```");
    expect(findings(text, "specs/active/demo/research/plan.md", "SC004")).toEqual([totals(0, 1), missing(1)]);
    expect(findings(text, "specs/active/demo/research/analysis.md", "SC004")).toEqual([totals(0, 1), missing(1)]);
    expect(findings(text, "specs/active/demo/tasks.md", "SC004")).toEqual([]);
    expect(findings(text, "specs/guides/testing.md", "SC004")).toEqual([]);
    expect(findings(text, "specs/template-spec/prd.md", "SC004")).toEqual([]);
  });

  it("takes languages, marker, totals and files as options", () => {
    const text = md("```ipython", "run()", "```", "", "```python", "# Checked: by hand", "run()", "```");
    expect(findings(text, prd, "SC004", { languages: ["python", "IPython"], marker: "# Checked:" })).toEqual([
      {
        line: 1,
        rule: "SC004",
        detail: "Document: Expected: all 2 python fences verified; Actual: 1 of 2 verified",
      },
      { line: 1, rule: "SC004", detail: 'Expected: a "# Checked:" comment in the python fence; Actual: none' },
    ]);
    expect(findings(md("```python", "run()", "```"), prd, "SC004", { totals: false })).toEqual([missing(1)]);
    expect(findings(md("```python", "run()", "```"), "docs/design.md", "SC004", { files: ["docs/*.md"] })).toEqual([
      totals(0, 1),
      missing(1),
    ]);
  });

  it("reports bad options on line 1, naming the rule and the option", () => {
    const bad = (options: unknown) => findings("# x\n", prd, "SC004", options).map((f) => `${f.line} ${f.detail}`);
    expect(bad({ languages: "python" })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "languages" must be an array of languages; found "python"',
    ]);
    expect(bad({ languages: ["python", ""] })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "languages" must be an array of languages; item 2: a non-empty string',
    ]);
    expect(bad({ marker: "" })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "marker" must be a non-empty string; found ""',
    ]);
    expect(bad({ totals: "yes" })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: option "totals" must be a boolean; found "yes"',
    ]);
    expect(bad({ verified: true })).toEqual([
      '1 Invalid configuration of SC004/code-fence-verified: unknown option "verified" (known: files, ignores, languages, marker, totals)',
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

describe("fenceLanguage", () => {
  it("reads the first word of the info string, lower-cased", () => {
    expect(fenceLanguage('python title="x.py"')).toBe("python");
    expect(fenceLanguage("{.py3 .numberLines}")).toBe("py3");
    expect(fenceLanguage("Python3:app.py")).toBe("python3");
    expect(fenceLanguage("")).toBe("");
  });
});
