/**
 * lib/python: checkPython against CPython 3.11's compile(). Hand-picked cases
 * pin line and message; the differential set (test/data/python-compile-truth.json,
 * made by scripts/sc008-truth.mjs with the real CPython) pins the verdict on
 * every python fence of ../shared/corpus and ../shared/seeds, the snippets of
 * test/data/python-handwritten.txt and seeded mutations of them. When
 * python3.11 is on PATH, a live comparison runs too.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkPython, INTERACTIVE_MESSAGE, interactivePromptLine } from "../dist/lib/python/index.js";
import { tokenize } from "../dist/lib/python/tokenizer.js";

const src = (...lines: string[]) => `${lines.join("\n")}\n`;
const error = (line: number, message: string) => ({ line, message });

describe("checkPython: valid code", () => {
  it.each([
    ["imports and calls", src("from sqlspec import SQLSpec", "", "spec = SQLSpec()")],
    ["async with in async def", src("async def handler(db):", "    async with db.begin() as session:", "        await session.execute('SELECT 1')")],
    ["walrus where the grammar allows it", src("if (n := len(items)) > 10:", "    print(n)", "print(x := 1, items[i := 2])")],
    ["match statement and soft keywords", src("match command.split():", "    case [action, *rest] if rest:", "        pass", "    case {'k': v, **others}:", "        pass", "    case Point(x=0) | None:", "        pass", "    case _:", "        pass", "match = 1")],
    ["f-strings of 3.11", src("print(f\"{row['name']!r:>{width}} {value=} {{braces}}\")", "msg = f'''{a +", "b}'''")],
    ["async comprehension in async def", src("async def f():", "    return [x async for x in aiter()], (await y for y in z)")],
    ["posonly, kwonly, *args, **kwargs", src("def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> None:", "    ...")],
    ["parenthesised with-items", src("with (", "    open('a') as a,", "    open('b') as b,", "):", "    pass")],
    ["except* (3.11)", src("try:", "    run()", "except* ValueError as eg:", "    pass")],
    ["star in index and *args: *Ts (3.11)", src("x = a[*b]", "def f(*args: *Ts): ...")],
    ["nonlocal bound later in the enclosing function", src("def f():", "    def g():", "        nonlocal y", "        y = 2", "    y = 1")],
    ["future import after docstring and comments", src('"""Doc."""', "# comment", "from __future__ import annotations")],
    ["tabs used consistently", src("if x:", "\tif y:", "\t    z = 1")],
    ["continue in finally, break in try", src("for x in y:", "    try:", "        break", "    finally:", "        continue")],
    ["await in a generator expression of a sync def", src("def f():", "    return (await x for x in y)")],
    ["an empty snippet", ""],
  ])("%s", (_name, source) => {
    expect(checkPython(source)).toBeUndefined();
  });
});

describe("checkPython: compile-time errors, on the offending line", () => {
  it.each([
    ["return at module level", src("x = 1", "return x"), error(2, "SyntaxError: 'return' outside function")],
    ["return in a class body", src("class A:", "    return 1"), error(2, "SyntaxError: 'return' outside function")],
    ["yield at module level", src("yield session"), error(1, "SyntaxError: 'yield' outside function")],
    ["await at module level", src("rows = await driver.select()"), error(1, "SyntaxError: 'await' outside function")],
    ["await in a sync def", src("def f():", "    await g()"), error(2, "SyntaxError: 'await' outside async function")],
    ["async with in a sync def", src("def f():", "    async with lock:", "        pass"), error(2, "SyntaxError: 'async with' outside async function")],
    ["async comprehension at module level", src("rows = [r async for r in fetch()]"), error(1, "SyntaxError: asynchronous comprehension outside of an asynchronous function")],
    ["return with value in an async generator", src("async def g():", "    yield 1", "    return 2"), error(3, "SyntaxError: 'return' with value in async generator")],
    ["yield in a list comprehension", src("def f():", "    return [(yield x) for x in y]"), error(2, "SyntaxError: 'yield' inside list comprehension")],
    ["break outside a loop", src("if x:", "    break"), error(2, "SyntaxError: 'break' outside loop")],
    ["break in a loop's else", src("for x in y:", "    pass", "else:", "    break"), error(4, "SyntaxError: 'break' outside loop")],
    ["continue in a def inside a loop", src("while True:", "    def f():", "        continue"), error(3, "SyntaxError: 'continue' not properly in loop")],
    ["break in an except* block", src("for x in y:", "    try:", "        pass", "    except* E:", "        break"), error(5, "SyntaxError: 'break', 'continue' and 'return' cannot appear in an except* block")],
    ["nonlocal at module level", src("nonlocal x"), error(1, "SyntaxError: nonlocal declaration not allowed at module level")],
    ["nonlocal without a binding", src("def f():", "    nonlocal x"), error(2, "SyntaxError: no binding for nonlocal 'x' found")],
    ["global after assignment", src("def f():", "    x = 1", "    global x"), error(3, "SyntaxError: name 'x' is assigned to before global declaration")],
    ["future import after another import", src('"""Doc."""', "import os", "from __future__ import annotations"), error(3, "SyntaxError: from __future__ imports must occur at the beginning of the file")],
    ["unknown future feature", src("from __future__ import braces"), error(1, "SyntaxError: not a chance")],
    ["duplicate argument", src("def f(a, *, a):", "    pass"), error(1, "SyntaxError: duplicate argument 'a' in function definition")],
    ["repeated keyword argument", src("connect(host='a',", "        host='b')"), error(2, "SyntaxError: keyword argument repeated: host")],
    ["repeated keyword in a class", src("class A(metaclass=M, metaclass=N): pass"), error(1, "SyntaxError: keyword argument repeated: metaclass")],
    ["starred assignment target alone", src("*a = 1"), error(1, "SyntaxError: starred assignment target must be in a list or tuple")],
    ["two starred targets", src("a, *b, *c = d"), error(1, "SyntaxError: multiple starred expressions in assignment")],
    ["assignment to __debug__", src("__debug__ = 1"), error(1, "SyntaxError: cannot assign to __debug__")],
    ["import * in a function", src("def f():", "    from os import *"), error(2, "SyntaxError: import * only allowed at module level")],
    ["default except not last", src("try:", "    pass", "except:", "    pass", "except ValueError:", "    pass"), error(3, "SyntaxError: default 'except:' must be last")],
    ["match: capture makes the rest unreachable", src("match x:", "    case y:", "        pass", "    case 1:", "        pass"), error(2, "SyntaxError: name capture 'y' makes remaining patterns unreachable")],
    ["match: duplicate mapping key", src("match x:", "    case {'a': 1, 'a': 2}:", "        pass"), error(2, "SyntaxError: mapping pattern checks duplicate key ('a')")],
    ["walrus rebinding a comprehension variable", src("values = [i := 0 for i in range(3)]"), error(1, "SyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'")],
  ])("%s", (_name, source, expected) => {
    expect(checkPython(source)).toEqual(expected);
  });
});

describe("checkPython: top-level await (compile flag PyCF_ALLOW_TOP_LEVEL_AWAIT)", () => {
  const tla = { topLevelAwait: true };
  it.each([
    ["await at module level", src("rows = await driver.select()")],
    ["async with at module level", src("async with lock:", "    await work()")],
    ["async for at module level, in an if", src("if ready:", "    async for row in stream():", "        print(row)")],
    ["async comprehension at module level", src("rows = [r async for r in fetch()]")],
    ["await in a comprehension at module level", src("rows = [await f(x) for x in xs]")],
    ["await in a lambda's default", src("f = lambda x=await g(): x")],
  ])("accepts %s", (_name, source) => {
    expect(checkPython(source, tla)).toBeUndefined();
    expect(checkPython(source)).toBeDefined();
  });

  it.each([
    ["await in a lambda", src("f = lambda: await g()"), error(1, "SyntaxError: 'await' outside async function")],
    ["await in a class body", src("class A:", "    x = await g()"), error(2, "SyntaxError: 'await' outside function")],
    ["async with in a sync def", src("def f():", "    async with lock:", "        pass"), error(2, "SyntaxError: 'async with' outside async function")],
    ["async comprehension in a class body", src("class A:", "    rows = [r async for r in fetch()]"), error(2, "SyntaxError: asynchronous comprehension outside of an asynchronous function")],
    ["return at module level", src("await g()", "return 1"), error(2, "SyntaxError: 'return' outside function")],
  ])("still rejects %s", (_name, source, expected) => {
    expect(checkPython(source, tla)).toEqual(expected);
  });

  it("remembers the two modes apart", () => {
    const source = src("x = await y");
    expect(checkPython(source)).toEqual(error(1, "SyntaxError: 'await' outside function"));
    expect(checkPython(source, tla)).toBeUndefined();
    expect(checkPython(source)).toEqual(error(1, "SyntaxError: 'await' outside function"));
  });
});

describe("checkPython: grammar and lexical errors", () => {
  it.each([
    ["print statement", src("print 'x'"), error(1, "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?")],
    ["Python 2 except", src("try:", "    run()", "except ValueError, e:", "    pass"), error(3, "SyntaxError: multiple exception types must be parenthesized")],
    ["JS arrow function", src("const handler = async (req) => { return req.body }"), error(1, "SyntaxError: invalid syntax")],
    ["shell command", src("uv run pytest -m sqlite"), error(1, "SyntaxError: invalid syntax")],
    ["assignment to an expression", src("a-b = 1"), error(1, "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?")],
    ["assignment to a call", src("f() = 1"), error(1, "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?")],
    ["assignment to a literal in a tuple", src("(a, 1) = x"), error(1, "SyntaxError: cannot assign to literal")],
    ["keyword argument named by an expression", src('Glob(pattern="src/**/*.py", -i=True)'), error(1, 'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?')],
    ["elided parameters before a default", src("async def render(..., client: Client | None = None):", "    pass"), error(1, "SyntaxError: invalid syntax")],
    ["positional argument after keywords: CPython points at the closing bracket", src("f(", "    a=1,", "    ...", ")"), error(4, "SyntaxError: positional argument follows keyword argument")],
    ["positional argument after keywords, stopped by an assignment", src("f(", "    a=1,", "    (b, c) += 1", ")"), error(3, "SyntaxError: positional argument follows keyword argument")],
    ["an element without ':' after a dictionary's pairs", src("send({", "    'type': 'start',", "    ...", "})"), error(3, "SyntaxError: ':' expected after dictionary key")],
    ["an element without ':' after a pair and a ** unpacking", src("x = {a: 1, **b, c}"), error(1, "SyntaxError: ':' expected after dictionary key")],
    ["a set display with a pair after it is no dictionary", src("x = {a, b: 1}"), error(1, "SyntaxError: invalid syntax")],
    ["for target is a call", src("for f() in x:", "    pass"), error(1, "SyntaxError: cannot assign to function call")],
    ["augmented assignment to a literal", src("1 += 1"), error(1, "SyntaxError: 'literal' is an illegal expression for augmented assignment")],
    ["walrus at statement level", src("x := 1"), error(1, "SyntaxError: invalid syntax")],
    ["walrus on an attribute", src("(self.value := 1)"), error(1, "SyntaxError: cannot use assignment expressions with attribute")],
    ["unparenthesised generator with another argument", src("f(x for x in y, 1)"), error(1, "SyntaxError: Generator expression must be parenthesized")],
    ["try without except", src("try:", "    run()", "print('done')"), error(3, "SyntaxError: expected 'except' or 'finally' block")],
    ["decorator on the def line", src("@dataclass class A:", "    pass"), error(1, "SyntaxError: invalid syntax")],
    ["type alias of 3.12", src("type Vector = list[float]"), error(1, "SyntaxError: invalid syntax")],
    ["generic def of 3.12", src("def first[T](items: list[T]) -> T: ..."), error(1, "SyntaxError: expected '('")],
    ["f-string reusing its quote (3.12)", src('print(f"{row["name"]}")'), error(1, "SyntaxError: f-string: unmatched '['")],
    ["f-string with a backslash in a field", src("print(f\"{'\\n'.join(lines)}\")"), error(1, "SyntaxError: f-string expression part cannot include a backslash")],
    ["f-string single }", src('print(f"value}")'), error(1, "SyntaxError: f-string: single '}' is not allowed")],
    ["unclosed bracket", src("spec.add_config(SqliteConfig(database=':memory:')", "print('next')"), error(1, "SyntaxError: '(' was never closed")],
    ["unterminated triple-quoted string", src('doc = """never closed'), error(1, "SyntaxError: unterminated triple-quoted string literal (detected at line 1)")],
    ["invalid character", src("x → y"), error(1, "SyntaxError: invalid character '→' (U+2192)")],
    ["leading zero", src("mode = 0777"), error(1, "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")],
    ["bytes with non-ASCII", src('x = b"é"'), error(1, "SyntaxError: bytes can only contain ASCII literal characters")],
    ["truncated \\x escape", src('x = "\\x1"'), error(1, "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape")],
    ["mixing bytes and str", src('x = b"a" "b"'), error(1, "SyntaxError: cannot mix bytes and nonbytes literals")],
    ["missing indented block", src("def f():", "return 1"), error(2, "IndentationError: expected an indented block after function definition on line 1")],
    ["unexpected indent", src("x = 1", "    y = 2"), error(2, "IndentationError: unexpected indent")],
    ["dedent to no level", src("if ok:", "        run()", "    stop()"), error(3, "IndentationError: unindent does not match any outer indentation level")],
    ["tabs and spaces mixed", src("if x:", "\ty = 1", "        z = 2"), error(3, "TabError: inconsistent use of tabs and spaces in indentation")],
    ["NUL byte", "x = 1\n\0\n", error(2, "SyntaxError: source code string cannot contain null bytes")],
  ])("%s", (_name, source, expected) => {
    expect(checkPython(source)).toEqual(expected);
  });
});

describe("interactive sessions", () => {
  it("gives the pycon hint on the first prompt, not a syntax error", () => {
    const session = src("# a session", ">>> from sqlspec import SQLSpec", ">>> SQLSpec()");
    expect(interactivePromptLine(session)).toBe(2);
    expect(checkPython(session)).toEqual({ line: 2, message: INTERACTIVE_MESSAGE, interactive: true });
  });

  it("does not take a doctest inside a docstring for a session", () => {
    expect(interactivePromptLine(src("def f():", '    """', "    >>> f()", '    """'))).toBeUndefined();
  });
});

describe("the verdict memo", () => {
  it("gives the same verdicts once snippets fall out of it (128 snippets, 256 K characters)", () => {
    // 400 distinct snippets, every third invalid, some of 4,000+ characters:
    // more than the memo holds by count and by size.
    const snippets = Array.from({ length: 400 }, (_, i) =>
      i % 3 === 0 ? src(`x${i} = = 1`) : src(`x${i} = ${i}`, ...(i % 7 === 0 ? Array.from({ length: 400 }, (_, k) => `y${k} = ${k}`) : [])),
    );
    const first = snippets.map((s) => checkPython(s));
    expect(first.filter(Boolean)).toHaveLength(134);
    expect(first[3]).toEqual(error(1, "SyntaxError: invalid syntax"));
    // Again, newest first (still remembered), then oldest first (evicted), then each twice in a row.
    expect([...snippets].reverse().map((s) => checkPython(s))).toEqual([...first].reverse());
    expect(snippets.map((s) => checkPython(s))).toEqual(first);
    expect(snippets.map((s) => [checkPython(s), checkPython(s)])).toEqual(first.map((v) => [v, v]));
  });
});

describe("tokenize (CPython 3.11 tokens)", () => {
  it("makes one STRING of an f-string, INDENT/DEDENT of blocks, no comment tokens", () => {
    const { tokens, error } = tokenize(src("if x:  # c", "    y = f'{a}'"));
    expect(error).toBeUndefined();
    expect(tokens.map((t) => `${t.type}:${t.value}`)).toEqual([
      "NAME:if", "NAME:x", "OP::", "NEWLINE:\n", "INDENT:", "NAME:y", "OP:=", "STRING:f'{a}'", "NEWLINE:\n", "DEDENT:", "ENDMARKER:",
    ]);
  });

  it("reports the innermost bracket left open", () => {
    expect(tokenize("x = [f(1,\n").unclosed).toMatchObject({ char: "(", line: 1 });
  });
});

// The differential set: CPython's verdict on thousands of snippets.
interface Verdict {
  valid: boolean;
  line?: number | null;
  message?: string;
}
interface TruthCase extends Verdict {
  origin?: string;
  source?: string;
  of?: number;
  at?: number;
  del?: number;
  ins?: string;
  /** CPython's verdict with PyCF_ALLOW_TOP_LEVEL_AWAIT, where it differs. */
  tla?: Verdict;
}
const truth = JSON.parse(readFileSync(new URL("data/python-compile-truth.json", import.meta.url), "utf8")) as {
  python: string;
  cases: TruthCase[];
};
const sourceOf = (c: TruthCase): string => {
  if (c.source !== undefined) return c.source;
  const base = truth.cases[c.of!].source!;
  return base.slice(0, c.at) + c.ins + base.slice(c.at! + c.del!);
};
/** Where the checker knowingly differs from CPython (see docs/design/python-parser.md). */
const KNOWN_DIFFERENCES = new Set([
  // Unicode character names are not looked up: a well-formed \N{...} is accepted.
  "handwritten:string-bad-named-escape",
]);

describe(`differential test against CPython ${truth.python}`, () => {
  it("has a large set to compare", () => {
    expect(truth.cases.length).toBeGreaterThan(10000);
    expect(truth.cases.filter((c) => !c.valid).length).toBeGreaterThan(5000);
  });

  it("holds cases that top-level await judges otherwise", () => {
    const differ = truth.cases.filter((c) => c.tla);
    expect(differ.length).toBeGreaterThan(500);
    // Top-level await only ever accepts more: every case it judges otherwise was rejected, and it accepts most of them.
    expect(differ.filter((c) => c.valid)).toEqual([]);
    expect(differ.filter((c) => c.tla!.valid).length).toBeGreaterThan(400);
  });

  for (const topLevelAwait of [false, true]) {
    const mode = topLevelAwait ? "compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)" : "compile()";
    it(`agrees with ${mode} on every snippet, and on the line and message of nearly every error`, () => {
      const disagreements: string[] = [];
      let invalid = 0;
      let sameLine = 0;
      let sameMessage = 0;
      for (const c of truth.cases) {
        const name = c.origin ?? `mutation of ${truth.cases[c.of!].origin}`;
        if (KNOWN_DIFFERENCES.has(name)) continue;
        const want: Verdict = (topLevelAwait && c.tla) || c;
        const problem = checkPython(sourceOf(c), { topLevelAwait });
        if ((problem === undefined) !== want.valid) {
          disagreements.push(`${name}: CPython ${want.valid ? "accepts" : `rejects (${want.line}: ${want.message})`}; checker ${problem ? `rejects (${problem.line}: ${problem.message})` : "accepts"}`);
        }
        if (!want.valid && problem && typeof want.line === "number") {
          invalid++;
          if (problem.line === want.line) sameLine++;
          if (problem.message === want.message) sameMessage++;
        }
      }
      expect(disagreements).toEqual([]);
      expect(sameLine / invalid).toBeGreaterThan(0.985);
      expect(sameMessage / invalid).toBeGreaterThan(0.89);
    });
  }
});

const python = spawnSync("python3", ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"], { encoding: "utf8" });
const hasPython311 = python.status === 0 && python.stdout.trim() === "True";

describe.skipIf(!hasPython311)("live comparison with python3 (3.11) on PATH", () => {
  it("agrees with compile() on the hand-written snippets", () => {
    const text = readFileSync(new URL("data/python-handwritten.txt", import.meta.url), "utf8");
    const sources = text.split(/^### .*$/m).slice(1).map((body) => `${body.replace(/^\n/, "").replace(/\n+$/, "")}\n`);
    const script = [
      "import json, sys, warnings",
      'warnings.simplefilter("ignore")',
      "out = []",
      "for s in json.load(sys.stdin):",
      "    try:",
      '        compile(s, "<fence>", "exec"); out.append(True)',
      "    except Exception:",
      "        out.append(False)",
      "print(json.dumps(out))",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(sources), encoding: "utf8" });
    const verdicts = JSON.parse(run.stdout) as boolean[];
    const disagreements = sources.filter((s, i) => !s.includes("\\N{NOT A REAL NAME}") && (checkPython(s) === undefined) !== verdicts[i]);
    expect(disagreements).toEqual([]);
  });
});
