import { describe, expect, it } from "vitest";
import { findings } from "../helpers.js";

const prd = "specs/active/demo/prd.md";
const md = (...lines: string[]) => lines.join("\n") + "\n";
const sc008 = (line: number, detail: string) => ({ line, rule: "SC008", detail });

describe("SC008 code-fence-syntax", () => {
  it("accepts python fences that compile, whatever their language spelling", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "# VERIFIED: src/app.py:1-3",
      "async def handler(db):",
      "    async with db.begin() as session:",
      "        await session.execute('SELECT 1')",
      "```",
      "",
      "```py3 title=\"loader.py\"",
      "rows = [r for r in range(3) if (n := r)]",
      "```",
    );
    expect(findings(text, prd, "SC008")).toEqual([]);
  });

  it("reports the offending line inside the fence with CPython's message, one finding per fence", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "# VERIFIED: Syntax checked with py_compile",
      "rows = fetch()",
      "return rows",
      "break",
      "```",
      "",
      "```python",
      "connect(host='a', host='b')",
      "```",
    );
    expect(findings(text, prd, "SC008")).toEqual([
      sc008(6, "SyntaxError: 'return' outside function"),
      sc008(11, "SyntaxError: keyword argument repeated: host"),
    ]);
  });

  it("finds grammar, lexical and indentation errors", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "def handler(request)",
      "    return request",
      "```",
      "",
      "```python",
      "if ok:",
      "\tx = 1",
      "        y = 2",
      "```",
      "",
      "```python",
      'doc = """never closed',
      "```",
    );
    expect(findings(text, prd, "SC008")).toEqual([
      sc008(4, "SyntaxError: expected ':'"),
      sc008(11, "TabError: inconsistent use of tabs and spaces in indentation"),
      sc008(15, "SyntaxError: unterminated triple-quoted string literal (detected at line 1)"),
    ]);
  });

  it("hints at a pycon fence for an interactive session instead of compiling it", () => {
    const text = md("# PRD", "", "```python", ">>> from sqlspec import SQLSpec", ">>> SQLSpec()", "```", "", "```pycon", ">>> 1 +", "```");
    expect(findings(text, prd, "SC008")).toEqual([sc008(4, "Interactive session (>>> prompts): use a pycon fence, not python")]);
  });

  it("reads fences inside lists and block quotes, and unclosed fences to the end", () => {
    const text = md("# PRD", "", "1. Step:", "", "   ```python", "   x = 1", "     y = 2", "   ```", "", "> ```python", "> yield x", "> ```", "", "```python", "print 'x'");
    expect(findings(text, prd, "SC008")).toEqual([
      sc008(7, "IndentationError: unexpected indent"),
      sc008(11, "SyntaxError: 'yield' outside function"),
      sc008(15, "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"),
    ]);
  });

  it("leaves other languages, indented code and empty fences alone", () => {
    const text = md("# PRD", "", "```bash", "uv run pytest -m sqlite", "```", "", "    return 1", "", "```python", "```", "", "```", "return 1", "```");
    expect(findings(text, prd, "SC008")).toEqual([]);
  });

  it("checks the PRD, analysis and research documents by default, not guides", () => {
    const text = md("# Doc", "", "```python", "return 1", "```");
    expect(findings(text, "specs/active/demo/research/analysis.md", "SC008")).toEqual([sc008(4, "SyntaxError: 'return' outside function")]);
    expect(findings(text, "specs/active/demo/research/plan.md", "SC008")).toHaveLength(1);
    expect(findings(text, "specs/guides/testing.md", "SC008")).toEqual([]);
    expect(findings(text, "specs/guides/testing.md", "SC008", { files: ["**/*.md"] })).toHaveLength(1);
  });

  it("takes the python languages as an option", () => {
    const text = md("# PRD", "", "```ipython", "return 1", "```", "", "```python", "return 1", "```");
    expect(findings(text, prd, "SC008", { languages: ["ipython"] })).toEqual([sc008(4, "SyntaxError: 'return' outside function")]);
  });

  it("reports a bad option on line 1 instead of throwing", () => {
    const found = findings(md("# PRD"), prd, "SC008", { languages: "python" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, rule: "SC008" });
    expect(found[0].detail).toMatch(/SC008\/code-fence-syntax.*languages/);
    expect(findings(md("# PRD"), prd, "SC008", { topLevelAwait: "yes" })[0].detail).toMatch(/topLevelAwait/);
  });

  // The real async examples of specs: top-level await, as IPython, Jupyter and `python -m asyncio` run them.
  const asyncExamples = md(
    "# PRD",
    "",
    "```python",
    "# In a background job (no request context)",
    "async with provide_services(provide_users_service) as (users_service,):",
    "    user = await users_service.get_one(email=email)",
    "```",
    "",
    "```python",
    "service = await anext(provide_service(db_session))",
    "rows = [row async for row in driver.stream(sql)]",
    "async for event in bus.listen():",
    "    handle(event)",
    "```",
    "",
    "```python",
    "app.on_startup.append(lambda app: setattr(app.state, 'loader', await create_loader(app)))",
    "```",
    "",
    "```python",
    "class Loader:",
    "    rows = await fetch()",
    "```",
    "",
    "```python",
    "def sync_helper():",
    "    async with lock:",
    "        pass",
    "```",
  );

  it("accepts top-level await, async with, async for and async comprehensions by default", () => {
    // Inside a lambda, a class body or a plain def, await is wrong in every mode.
    expect(findings(asyncExamples, prd, "SC008")).toEqual([
      sc008(17, "SyntaxError: 'await' outside async function"),
      sc008(22, "SyntaxError: 'await' outside function"),
      sc008(27, "SyntaxError: 'async with' outside async function"),
    ]);
  });

  it("compiles exactly as py_compile does with topLevelAwait: false", () => {
    expect(findings(asyncExamples, prd, "SC008", { topLevelAwait: false })).toEqual([
      sc008(5, "SyntaxError: 'async with' outside async function"),
      sc008(10, "SyntaxError: 'await' outside function"),
      sc008(17, "SyntaxError: 'await' outside async function"),
      sc008(22, "SyntaxError: 'await' outside function"),
      sc008(27, "SyntaxError: 'async with' outside async function"),
    ]);
  });

  it("reports where CPython points and with its words: the closing bracket, the dictionary key, a def's parameters", () => {
    const text = md(
      "# PRD",
      "",
      "```python",
      "class InertiaBack(Redirect):",
      "    def __init__(self, request, **kwargs) -> None:",
      "        super().__init__(",
      "            path=request.headers.get(\"Referer\"),  # VULNERABLE",
      "            ...",
      "        )",
      "```",
      "",
      "```python",
      "async with httpx.AsyncClient() as client:",
      "    await send({\"type\": \"http.response.start\", ...})",
      "```",
      "",
      "```python",
      "async def _render_inertia_ssr(..., client: httpx.AsyncClient | None = None):",
      "    pass",
      "```",
    );
    expect(findings(text, prd, "SC008")).toEqual([
      sc008(9, "SyntaxError: positional argument follows keyword argument"),
      sc008(14, "SyntaxError: ':' expected after dictionary key"),
      sc008(18, "SyntaxError: invalid syntax"),
    ]);
  });
});
