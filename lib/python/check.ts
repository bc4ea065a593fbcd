/**
 * checkPython: does a Python snippet compile, the way CPython 3.11's
 * `compile(source, "<fence>", "exec")` decides? Pure and synchronous; never
 * runs the code and needs no Python.
 *
 * The pipeline mirrors CPython's: the 3.11 tokenizer (tokenizer.ts), the
 * parser (py-ast, plus the 3.11 rules it does not enforce: grammar.ts and
 * the string/f-string rules of strings.ts), then the compiler's own checks
 * (compile.ts). The first error wins, ordered as CPython orders them.
 */
import { createRequire } from "node:module";
import { exprName, type PyAstError, type PyNode } from "./ast.js";
import { compileProblem } from "./compile.js";
import { grammarProblem, invalidTarget, type Problem } from "./grammar.js";
import { textMemo } from "../core/memo.js";
import { SourceIndex } from "./source.js";
import { checkFString, checkStringRun, type FieldError, splitString } from "./strings.js";
import { type Token, type TokenizeResult, tokenize } from "./tokenizer.js";

type PyAst = typeof import("py-ast");
let pyAst: PyAst | undefined;
/**
 * py-ast's parser, loaded on the first python fence: a run that checks none
 * (a pre-commit hook on a tasks file, an editor on a guide) never loads the
 * module (docs/performance.md has its cost). Its CommonJS build, because
 * `require` is synchronous and a rule has to be.
 */
function parse(source: string): ReturnType<PyAst["parse"]> {
  pyAst ??= createRequire(import.meta.url)("py-ast") as PyAst;
  return pyAst.parse(source);
}

/** Where a snippet stops compiling and CPython's message ("SyntaxError: ..."). */
export interface PythonProblem {
  /** 1-based line inside the snippet. */
  line: number;
  message: string;
  /** Set when the snippet is an interactive session (`>>>` prompts), not a module. */
  interactive?: boolean;
}

/** Message of the hint given to interactive sessions. */
export const INTERACTIVE_MESSAGE = "Interactive session (>>> prompts): use a pycon fence, not python";

/** The line of an interactive prompt when the snippet's first code line starts with `>>>`. */
export function interactivePromptLine(source: string): number | undefined {
  let line = 1;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end).trim();
    if (text !== "" && !text.startsWith("#")) return /^>>>(\s|$)/.test(text) ? line : undefined;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Form feeds: CPython resets the indentation column at one; py-ast rejects them. */
function withoutFormFeeds(source: string): { text: string; shifts: Map<number, number> } {
  const shifts = new Map<number, number>();
  if (!source.includes("\f")) return { text: source, shifts };
  const lines = source.split("\n").map((line, i) => {
    const lead = /^[ \t\f]*/.exec(line)![0];
    const cut = lead.lastIndexOf("\f") + 1;
    if (cut > 0) shifts.set(i + 1, cut);
    return line.slice(cut).replace(/\f/g, " ");
  });
  return { text: lines.join("\n"), shifts };
}

const KNOWN_PARSER_MESSAGE =
  /^(invalid syntax|positional argument follows keyword argument( unpacking)?|iterable argument unpacking follows keyword argument unpacking|cannot (assign to|delete|use) .*|named arguments must follow bare \*|non-default argument follows default argument|Generator expression must be parenthesized|.* argument may appear only once|\/ must be ahead of \*|arguments cannot follow var-keyword argument|expected .*|.*(parenthesized|must be last|not allowed.*)|Function parameters cannot be parenthesized|Lambda expression parameters cannot be parenthesized|only single target .*|illegal target for annotation|'.*' is an illegal expression for augmented assignment|expression cannot contain assignment.*|Missing parentheses in call to .*|.*was never closed|unmatched .*|imaginary number required in complex literal|real number required in complex literal|patterns may only match literals and attribute lookups|positional patterns follow keyword patterns|multiple exception types must be parenthesized|iterable unpacking cannot be used in comprehension|dict unpacking cannot be used in dict comprehension|bare \* has associated type comment|at least one argument must precede \/|\/ may appear only once|var-positional argument cannot have default value|var-keyword argument cannot have default value|trailing comma not allowed without surrounding parentheses|.*outside (function|loop|async function)|.* cannot be used .*)$/;

/** A py-ast exception as a CPython-style problem. */
function fromPyAst(error: PyAstError, tokens: readonly Token[], source?: string): Problem {
  const raw = String(error.message ?? "invalid syntax");
  const at = /(?<!\s)\s+at line (\d+)(?:, column (\d+))?$/.exec(raw);
  const text = at ? raw.slice(0, at.index) : raw;
  const line = error.lineno ?? (at ? Number(at[1]) : 1);
  const offset = (() => {
    const lineToken = tokens.find((t) => t.line >= line);
    return lineToken ? lineToken.start + (error.col_offset ?? 0) : Number.MAX_SAFE_INTEGER;
  })();
  // The error's own place, counted from its line's start (`offset` counts from the line's first token).
  const place = source === undefined ? offset : lineStart(source, line) + (error.col_offset ?? 0);
  if (/^Invalid decorator target/.test(text)) {
    // The statement after a decorator is no def or class: CPython stops on its first token.
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k].value !== "@" || (k > 0 && tokens[k - 1].type !== "NEWLINE" && tokens[k - 1].type !== "INDENT" && tokens[k - 1].type !== "DEDENT")) continue;
      let j = k;
      while (j < tokens.length && tokens[j].type !== "NEWLINE") j++;
      const next = tokens[j + 1];
      if (!next || ["def", "class", "async", "@"].includes(next.value)) continue;
      const message =
        next.type === "INDENT"
          ? "IndentationError: unexpected indent"
          : next.type === "DEDENT"
            ? "IndentationError: unexpected unindent"
            : "SyntaxError: invalid syntax";
      return { offset: next.start, line: next.line, message };
    }
  }
  if (/^cannot (assign to|delete) /.test(text) && source !== undefined) {
    const refined = assignmentMessage(source, tokens, line);
    if (refined) return { offset, line, message: refined };
  }
  if (!/^(unexpected indent|Indentation error|Unterminated)/i.test(text)) {
    let k = 0;
    while (k < tokens.length - 1 && tokens[k].start < offset) k++;
    const specific = specificMessage(tokens, k);
    if (specific && specific.line <= line) return specific;
  }
  let message: string;
  if (/^unexpected indent/i.test(text)) message = "IndentationError: unexpected indent";
  else if (/^Indentation error/i.test(text)) message = "IndentationError: unindent does not match any outer indentation level";
  else if (/^Expected ':'/.test(text)) {
    const key = dictionaryKey(tokens, place);
    if (key) return { offset: key.start, line: key.line, message: "SyntaxError: ':' expected after dictionary key" };
    message = "SyntaxError: expected ':'";
  } else if (KNOWN_PARSER_MESSAGE.test(text) && !/^expected indented block/i.test(text)) message = `SyntaxError: ${text}`;
  else message = "SyntaxError: invalid syntax";
  if (/^positional argument follows keyword argument( unpacking)?$/.test(text)) {
    // CPython raises it at the last token its parser read, after the arguments.
    const end = argumentsEnd(tokens, place);
    if (end) return { offset, line: end.line, message };
  }
  return { offset, line, message };
}

/** Offset of the first character of a 1-based line. */
function lineStart(source: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = source.indexOf("\n", at) + 1 || -1;
  return at < 0 ? source.length : at;
}

const OPENERS = "([{";
const CLOSERS = ")]}";
const isOp = (t: Token | undefined, chars: string) => t !== undefined && t.type === "OP" && t.value.length === 1 && chars.includes(t.value);

/**
 * The token that ends a call's arguments from the one at `offset` on: the
 * bracket closing the call, or an assignment operator no argument can hold
 * (`f(a=1, (b, c) += 1)` stops at `+=`); undefined when the snippet has neither.
 */
function argumentsEnd(tokens: readonly Token[], offset: number): Token | undefined {
  let k = tokens.findIndex((t) => t.start >= offset);
  if (k < 0) return undefined;
  let argumentStart = k;
  for (let depth = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (isOp(t, OPENERS)) depth++;
    else if (isOp(t, CLOSERS) && depth-- === 0) return t;
    else if (depth > 0 || t.type !== "OP") continue;
    else if (t.value === ",") argumentStart = k + 1;
    else if (AUGMENTED.has(t.value) || (t.value === "=" && !(k === argumentStart + 1 && tokens[argumentStart].type === "NAME"))) return t;
  }
  return undefined;
}

/**
 * CPython's "':' expected after dictionary key" (3.11 grammar,
 * invalid_double_starred_kvpairs / invalid_kvpair): the parser stopped inside
 * a `{…}` display whose elements so far are `key: value` pairs (or `**x`), on
 * an element with no ':'. CPython reports it on that element's first token,
 * which is returned.
 */
function dictionaryKey(tokens: readonly Token[], offset: number): Token | undefined {
  let stop = tokens.findIndex((t) => t.start >= offset);
  if (stop < 0) stop = tokens.length;
  // The innermost bracket still open before the error.
  let open = -1;
  for (let k = stop - 1, depth = 0; k >= 0; k--) {
    if (isOp(tokens[k], CLOSERS)) depth++;
    else if (isOp(tokens[k], OPENERS) && depth-- === 0) {
      open = k;
      break;
    }
  }
  if (open < 0 || tokens[open].value !== "{") return undefined;
  let pairs = 0;
  let elementStart = open + 1;
  let colon = false;
  let lambdas = 0;
  for (let k = open + 1, depth = 0; k < stop; k++) {
    const t = tokens[k];
    if (isOp(t, OPENERS)) depth++;
    else if (isOp(t, CLOSERS)) depth--;
    else if (depth > 0) continue;
    else if (t.type === "NAME" && t.value === "lambda") lambdas++;
    else if (t.type === "OP" && t.value === ":") {
      if (lambdas > 0) lambdas--;
      else colon = true;
    } else if (t.type === "OP" && t.value === ",") {
      if (!colon && tokens[elementStart]?.value !== "**") return undefined; // a set display, or an error of its own
      pairs++;
      elementStart = k + 1;
      colon = false;
      lambdas = 0;
    }
  }
  return pairs > 0 && !colon && elementStart < stop && tokens[elementStart].value !== "**" ? tokens[elementStart] : undefined;
}

const AUGMENTED = new Set(["+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**="]);

/**
 * CPython's message for a bad assignment or deletion target on `line`
 * (py-ast only says "cannot assign to expression"): the target's text is
 * parsed alone and named as CPython names it.
 */
function assignmentMessage(source: string, tokens: readonly Token[], line: number): string | undefined {
  let first = tokens.findIndex((t) => t.line === line && t.type !== "INDENT" && t.type !== "DEDENT");
  if (first < 0) return undefined;
  while (first > 0 && !["NEWLINE", "INDENT", "DEDENT"].includes(tokens[first - 1].type) && tokens[first - 1].value !== ";") first--;
  const isDel = tokens[first].value === "del";
  let depth = 0;
  let end = -1;
  let augmented = false;
  for (let k = first; k < tokens.length && tokens[k].type !== "NEWLINE" && tokens[k].value !== ";"; k++) {
    const v = tokens[k].value;
    if (tokens[k].type === "OP" && "([{".includes(v)) depth++;
    else if (tokens[k].type === "OP" && ")]}".includes(v)) depth--;
    else if (depth === 0 && !isDel && (v === "=" || AUGMENTED.has(v))) {
      end = k;
      augmented = v !== "=";
      break;
    }
    if (isDel) end = k + 1;
  }
  if (end < 0) return undefined;
  const from = isDel ? tokens[first + 1]?.start : tokens[first].start;
  if (from === undefined) return undefined;
  const text = source.slice(from, tokens[isDel ? end - 1 : end - 1].end);
  let target: PyNode | undefined;
  try {
    const module = parse(`(${text}\n)`) as unknown as PyNode;
    const stmt = (module.body as PyNode[])[0];
    target = stmt?.value as PyNode | undefined;
  } catch {
    return undefined;
  }
  if (!target) return undefined;
  if (augmented) {
    return ["Name", "Attribute", "Subscript"].includes(target.nodeType) ? undefined : `SyntaxError: '${exprName(target)}' is an illegal expression for augmented assignment`;
  }
  if (isDel) {
    const bad = invalidTarget(target, "del");
    return bad ? `SyntaxError: cannot delete ${exprName(bad)}` : undefined;
  }
  const bad = invalidTarget(target, "store");
  if (!bad) return undefined;
  // A single expression (no tuple, list or keyword constant) before "=": CPython adds its hint.
  const constantKeyword = target.nodeType === "Constant" && ["None", "True", "False"].includes(exprName(target));
  const grouped = /^\(/.test(text) && matchingClose(text) === text.length - 1 && target.nodeType !== "Tuple" && target.nodeType !== "GeneratorExp";
  const single = grouped || !["Tuple", "List", "GeneratorExp", "Compare", "BoolOp", "IfExp", "Lambda", "NamedExpr", "Starred"].includes(target.nodeType) && !constantKeyword && !(target.nodeType === "UnaryOp" && (target.op as PyNode | undefined)?.nodeType === "Not");
  const nextAssign = tokens.slice(end + 1).findIndex((t) => t.type === "NEWLINE" || t.value === "=");
  const chained = nextAssign >= 0 && tokens[end + 1 + nextAssign].value === "=";
  const rhs = tokens[end + 1]?.value;
  return single && !chained && first === tokens.findIndex((t) => t.line === tokens[first].line && t.type !== "INDENT" && t.type !== "DEDENT") && !["yield", "lambda", "not", "*"].includes(rhs ?? "")
    ? `SyntaxError: cannot assign to ${exprName(target)} here. Maybe you meant '==' instead of '='?`
    : `SyntaxError: cannot assign to ${exprName(bad)}`;
}

/** Index of the bracket closing the one at 0 (strings are not looked into; enough for a target). */
function matchingClose(text: string): number {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if ("([{".includes(text[k])) depth++;
    else if (")]}".includes(text[k]) && --depth === 0) return k;
  }
  return -1;
}

/** CPython's more specific messages for a few mistakes py-ast only calls invalid. */
function specificMessage(tokens: readonly Token[], errorIndex: number): Problem | undefined {
  // The logical line holding the error.
  let first = Math.min(errorIndex, tokens.length - 1);
  while (first > 0 && tokens[first - 1].type !== "NEWLINE") first--;
  while (tokens[first] && (tokens[first].type === "INDENT" || tokens[first].type === "DEDENT")) first++;
  const head = tokens[first];
  const next = tokens[first + 1];
  if ((head?.value === "print" || head?.value === "exec") && head.type === "NAME" && next && (["NAME", "NUMBER", "STRING"].includes(next.type) || ["[", "{", "-", "+", "~"].includes(next.value))) {
    return { offset: head.start, line: head.line, message: `SyntaxError: Missing parentheses in call to '${head.value}'. Did you mean ${head.value}(...)?` };
  }
  if (head?.value === "except") {
    let depth = 0;
    for (let k = first + 1; k < tokens.length && tokens[k].type !== "NEWLINE"; k++) {
      const v = tokens[k].value;
      if ("([{".includes(v) && tokens[k].type === "OP") depth++;
      else if (")]}".includes(v) && tokens[k].type === "OP") depth--;
      else if (depth === 0 && v === ":") break;
      else if (depth === 0 && v === "," && tokens[k].type === "OP") {
        return { offset: head.start, line: head.line, message: "SyntaxError: multiple exception types must be parenthesized" };
      }
    }
  }
  // A keyword argument whose name is an expression: `f(a.b=1)`, `f(-i=True)`.
  let depth = 0;
  let open = -1;
  for (let k = Math.min(errorIndex, tokens.length - 1); k >= first; k--) {
    const v = tokens[k].value;
    if (tokens[k].type !== "OP") continue;
    if (")]}".includes(v)) depth++;
    else if ("([{".includes(v)) {
      if (depth === 0) {
        // A call's arguments, not a def's parameters (`def f(..., x=None)` is plain invalid syntax).
        const call = k > 0 && (tokens[k - 1].type === "NAME" || ")]".includes(tokens[k - 1].value)) && tokens[k - 2]?.value !== "def";
        open = v === "(" && call ? k : -1;
        break;
      }
      depth--;
    }
  }
  if (open >= 0) {
    let argStart = open + 1;
    depth = 0;
    for (let k = open + 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (t.type === "OP" && "([{".includes(t.value)) depth++;
      else if (t.type === "OP" && ")]}".includes(t.value)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && t.type === "OP" && t.value === ",") argStart = k + 1;
      else if (depth === 0 && t.type === "OP" && t.value === "=" && tokens[argStart].value !== "lambda") {
        const single = k === argStart + 1 && tokens[argStart].type === "NAME";
        const name = tokens[argStart].value;
        if (single && ["True", "False", "None"].includes(name)) return { offset: tokens[argStart].start, line: tokens[argStart].line, message: `SyntaxError: cannot assign to ${name}` };
        if (!single) {
          return { offset: tokens[argStart].start, line: tokens[argStart].line, message: 'SyntaxError: expression cannot contain assignment, perhaps you meant "=="?' };
        }
      }
    }
  }
  return undefined;
}

const BLOCK_NAMES: Record<string, string> = {
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  while: "'while' statement",
  for: "'for' statement",
  with: "'with' statement",
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  def: "function definition",
  class: "class definition",
  match: "'match' statement",
  case: "'case' statement",
};

/** A block header (`...:` at the end of a logical line) not followed by an indented block. */
function missingBlock(tokens: readonly Token[]): Problem | undefined {
  let lineStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === "NEWLINE") {
      if (tokens[k - 1]?.value === ":" && tokens[k + 1] && tokens[k + 1].type !== "INDENT") {
        let head = lineStart;
        while (tokens[head] && (tokens[head].type === "DEDENT" || tokens[head].type === "INDENT")) head++;
        let word = tokens[head]?.value ?? "";
        if (word === "@") {
          while (head < k && tokens[head].value !== "def" && tokens[head].value !== "class") head++;
          word = tokens[head]?.value ?? "";
        }
        if (word === "async") word = tokens[head + 1]?.value ?? "";
        if (word === "except" && tokens[head + 1]?.value === "*") word = "except*";
        const name = word === "except*" ? "'except*' statement" : BLOCK_NAMES[word];
        const next = tokens[k + 1];
        return {
          offset: next.start,
          line: next.line,
          message: name
            ? `IndentationError: expected an indented block after ${name} on line ${tokens[head].line}`
            : "SyntaxError: invalid syntax",
        };
      }
      lineStart = k + 1;
    }
  }
  return undefined;
}

/** Runs of adjacent string tokens (implicit concatenations), checked in order. */
function stringProblem(tokens: readonly Token[]): Problem | undefined {
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].type !== "STRING") continue;
    const run: Token[] = [];
    while (k < tokens.length && tokens[k].type === "STRING") run.push(tokens[k++]);
    const problem = checkStringRun(
      run.map((t) => t.value),
      parseExpression,
    );
    if (!problem) continue;
    const token = run[problem.token];
    if (problem.fieldOffset !== undefined) {
      const line = token.line + (token.value.slice(0, problem.fieldOffset).match(/\n/g)?.length ?? 0);
      return { offset: token.start + problem.fieldOffset, line, message: problem.message };
    }
    // CPython reports these on the token after the strings (its parser's last token).
    const after = tokens[k] ?? run[run.length - 1];
    return { offset: token.start, line: after.type === "ENDMARKER" ? run[run.length - 1].endLine : after.line, message: problem.message };
  }
  return undefined;
}

/** An INDENT where no block was opened: the parser stops there ("unexpected indent"). */
function unexpectedIndent(tokens: readonly Token[]): Problem | undefined {
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].type !== "INDENT") continue;
    if (tokens[k - 1]?.type === "NEWLINE" && tokens[k - 2]?.value === ":") continue;
    return { offset: tokens[k].start, line: tokens[k].line, message: "IndentationError: unexpected indent" };
  }
  return undefined;
}

/** Parse an f-string replacement field the way 3.11 does ("(" expression ")"). */
function parseExpression(source: string): FieldError | undefined {
  const nested = tokenize(source);
  if (nested.error) return { message: nested.error.message, tokenizer: true };
  if (nested.unclosed) return { message: `SyntaxError: '${nested.unclosed.char}' was never closed`, tokenizer: true };
  try {
    const module = parse(source) as unknown as PyNode;
    const problem = grammarProblem(module, new SourceIndex(source, nested.lineStarts, nested.tokens));
    return problem ? { message: problem.message, tokenizer: false } : undefined;
  } catch (error) {
    return { message: fromPyAst(error as PyAstError, nested.tokens).message, tokenizer: false };
  }
}

/**
 * A second reading for py-ast's own gaps (f-strings with a brace in a
 * nested string or an expression spread over lines, `async for` in a call's
 * bare generator): f-string runs become set displays of their replacement fields
 * and `async` inside brackets becomes spaces, every other character keeping
 * its place. Used only when the first reading failed; the f-strings were
 * already checked by strings.ts, and is_async is restored from the tokens.
 */
function rewriteForPyAst(text: string, tokens: readonly Token[]): { text: string; opaque: [number, number][] } {
  const chars = text.split("");
  const opaque: [number, number][] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === "OP" && "([{".includes(t.value)) depth++;
    else if (t.type === "OP" && ")]}".includes(t.value)) depth--;
    if (depth > 0 && t.type === "NAME" && t.value === "async" && tokens[k + 1]?.value === "for") {
      for (let j = t.start; j < t.end; j++) chars[j] = " ";
    }
    if (t.type !== "STRING") continue;
    let last = k;
    while (tokens[last + 1]?.type === "STRING") last++;
    const run = tokens.slice(k, last + 1);
    if (run.some((r) => /^[a-zA-Z]*[fF]/.test(r.value) && /^[a-zA-Z]*['"]/.test(r.value))) {
      const from = run[0].start;
      const to = run[run.length - 1].end;
      for (let j = from; j < to; j++) if (chars[j] !== "\n") chars[j] = " ";
      for (const r of run) {
        if (!/^[a-zA-Z]*[fF]/.test(r.value)) continue;
        for (const [start, end] of fieldSpans(r.value)) {
          for (let j = start; j < end; j++) chars[r.start + j] = text[r.start + j];
          chars[r.start + end] = ",";
        }
      }
      // A set display: an atom like the f-string, but neither callable by a
      // preceding name nor assignable, as the f-string is not.
      chars[from] = "{";
      chars[to - 1] = "}";
      opaque.push([from, to]);
    }
    k = last;
  }
  return { text: chars.join(""), opaque };
}

/** Offsets (in an f-string token) of its replacement fields' expressions, nested ones included. */
function fieldSpans(token: string): [number, number][] {
  const literal = splitString(token);
  const quote = token.search(/['"]/);
  const bodyStart = quote + (token.startsWith(token[quote].repeat(3), quote) && token.length - quote >= 6 ? 3 : 1);
  const spans: [number, number][] = [];
  checkFString(literal.body, literal.raw, () => undefined, spans);
  return spans.map(([from, to]) => [from + bodyStart, to + bodyStart]);
}

/** Whether the tokens hold `async for`, the only place `restoreAsync` changes anything. */
function asyncFor(tokens: readonly Token[]): boolean {
  for (let k = 0; k + 1 < tokens.length; k++) if (tokens[k].value === "async" && tokens[k + 1].value === "for") return true;
  return false;
}

/** py-ast drops `async` from comprehensions in some places: take it from the tokens. */
function restoreAsync(module: PyNode, index: SourceIndex) {
  const stack: PyNode[] = [module];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === "Comprehension") {
      const target = node.target as PyNode | undefined;
      if (target?.lineno !== undefined) {
        const k = index.tokenAtOrAfter(index.start(target));
        if (index.tokens[k - 1]?.value === "for" && index.tokens[k - 2]?.value === "async") node.is_async = 1;
      }
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) for (const v of value) (v && typeof v === "object" && "nodeType" in v ? stack.push(v as PyNode) : undefined);
      else if (value && typeof value === "object" && "nodeType" in (value as object)) stack.push(value as PyNode);
    }
  }
}

// Verdicts of the last snippets checked, for an editor that lints the same
// file again on every change. A batch run gains nothing from it (no
// snippet repeated in the 2,010 checks of the bench corpus), so it is kept
// small: 128 snippets and 256 K characters at most (512 snippets held 236 K
// characters alive to the end of a run).
const verdicts = textMemo<PythonProblem | undefined>(128, 16_384, 262_144);

/** How a snippet is compiled. */
export interface CheckOptions {
  /**
   * Accept `await`, `async with`, `async for` and async comprehensions at
   * module level, as `compile(source, "<fence>", "exec",
   * flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)` does (IPython, Jupyter and
   * `python -m asyncio` compile that way). Default false: plain `compile()`.
   */
  topLevelAwait?: boolean;
}

/**
 * Check a Python snippet: undefined when `compile(source, "<fence>", "exec")`
 * accepts it, otherwise the first problem (line inside the snippet and
 * CPython's message). A snippet whose first code line is a `>>>` prompt is an
 * interactive session and gets INTERACTIVE_MESSAGE instead.
 */
export function checkPython(text: string, options: CheckOptions = {}): PythonProblem | undefined {
  // CPython reads "\r\n" and "\r" as "\n".
  const source = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const topLevelAwait = options.topLevelAwait === true;
  // One character ahead of the source says how it was compiled.
  return verdicts.get((topLevelAwait ? "a" : "s") + source, (key) => check(key.slice(1), topLevelAwait));
}

interface ParserPhase {
  module: PyNode | undefined;
  /** The first parser-phase problem (py-ast, 3.11 grammar, strings, indentation). */
  first: Problem | undefined;
  /** Whether `first` is py-ast's own error. */
  fromPyAst: boolean;
}

/** Everything CPython's parser would find: py-ast's verdict plus the 3.11 rules it lacks. */
function parserPhase(source: string, lexed: TokenizeResult): ParserPhase {
  const { tokens } = lexed;
  const prepared = withoutFormFeeds(source);
  let index = new SourceIndex(source, lexed.lineStarts, tokens, prepared.shifts);
  let module: PyNode | undefined;
  let parserError: Problem | undefined;
  try {
    module = parse(prepared.text) as unknown as PyNode;
  } catch (e) {
    parserError = fromPyAst(e as PyAstError, tokens, source);
    if (!lexed.error && !lexed.unclosed && !prepared.shifts.size) {
      const rewritten = rewriteForPyAst(source, tokens);
      if (rewritten.text !== source) {
        try {
          module = parse(rewritten.text) as unknown as PyNode;
          parserError = undefined;
          index = new SourceIndex(source, lexed.lineStarts, tokens, prepared.shifts, rewritten.opaque);
        } catch {
          // The first reading's error stands.
        }
      }
    }
  }
  if (module && asyncFor(tokens)) restoreAsync(module, index);
  const candidates: Problem[] = [];
  if (parserError) {
    const block = missingBlock(tokens);
    candidates.push(block && block.line <= parserError.line ? block : parserError);
  }
  const indent = unexpectedIndent(tokens);
  if (indent) candidates.push(indent);
  // Each replacement field is parsed alone, as 3.11 does (py-ast reads them the 3.12 way).
  const strings = stringProblem(tokens);
  if (strings) candidates.push(strings);
  if (module) {
    const grammar = grammarProblem(module, index);
    if (grammar) candidates.push(grammar);
  }
  // On one line, py-ast's own error comes last: it often stops at a string
  // whose inside (checked above) is the real problem.
  const first = candidates.sort((a, b) => a.line - b.line || Number(a === parserError) - Number(b === parserError) || a.offset - b.offset)[0];
  return { module, first, fromPyAst: first !== undefined && first === parserError };
}

/**
 * The parser's first problem in the lines before `line` (where the tokenizer
 * stopped), or undefined when those lines parse: a block header just before
 * `line` gets a `pass` body so the cut itself is no error.
 */
function problemBefore(source: string, line: number): Problem | undefined {
  const lines = source.split("\n").slice(0, line - 1);
  let prefix = lines.length > 0 ? `${lines.join("\n")}\n` : "";
  let lexed = tokenize(prefix);
  if (lexed.error || lexed.unclosed) return undefined;
  const significant = lexed.tokens.filter((t) => t.type !== "DEDENT" && t.type !== "ENDMARKER");
  if (significant.length >= 2 && significant[significant.length - 1].type === "NEWLINE" && significant[significant.length - 2].value === ":") {
    const header = significant[significant.length - 2].line;
    let start = header;
    while (start > 1 && /\\$/.test(lines[start - 2] ?? "")) start--;
    const indent = /^[ \t]*/.exec(lines[start - 1] ?? "")![0];
    prefix += `${indent}    pass\n`;
    lexed = tokenize(prefix);
    if (lexed.error || lexed.unclosed) return undefined;
  }
  const phase = parserPhase(prefix, lexed);
  // A problem at the end of the cut (a try without handlers, a block to come) is the cut's doing.
  const newlines = lexed.tokens.filter((t) => t.type === "NEWLINE");
  const end = newlines.length > 0 ? newlines[newlines.length - 1].start : 0;
  return phase.first && phase.first.line < line && phase.first.offset < end ? phase.first : undefined;
}

function check(source: string, topLevelAwait: boolean): PythonProblem | undefined {
  const prompt = interactivePromptLine(source);
  if (prompt !== undefined) return { line: prompt, message: INTERACTIVE_MESSAGE, interactive: true };

  const nul = source.indexOf("\0");
  const lexed = tokenize(nul >= 0 ? source.slice(0, nul) : source);
  if (nul >= 0) {
    return { line: source.slice(0, nul).split("\n").length, message: "SyntaxError: source code string cannot contain null bytes" };
  }
  const { error, unclosed } = lexed;
  if (error) {
    // A raised error (bad character, literal, bracket) wins over any parser
    // error, as CPython tokenizes the rest of the file after a parse error to
    // look for one; except when the parser stopped earlier at an unexpected
    // indent, which CPython reports without that look. The other tokenizer
    // errors (TabError, bad dedent, stray "\") count only when the parser
    // gets that far.
    if (error.raised) {
      const indent = unexpectedIndent(lexed.tokens);
      if (indent && indent.line < error.line && !problemBefore(source, indent.line)) return toProblem(indent);
      return { line: error.line, message: error.message };
    }
    const before = problemBefore(source, error.line);
    return before ? toProblem(before) : { line: error.line, message: error.message };
  }

  const phase = parserPhase(source, lexed);
  if (unclosed) {
    // CPython reports a bracket left open unless the parser stopped on an
    // earlier line (or at an unexpected indent).
    const first = phase.first;
    if (first && (first.line < unclosed.line || (first.line === unclosed.line && !phase.fromPyAst) || /unexpected indent/.test(first.message))) {
      return toProblem(first);
    }
    return { line: unclosed.line, message: `SyntaxError: '${unclosed.char}' was never closed` };
  }
  if (phase.first) return toProblem(phase.first);
  if (!phase.module) return { line: 1, message: "SyntaxError: invalid syntax" };
  return compileProblem(phase.module, topLevelAwait);
}

function toProblem(problem: Problem): PythonProblem {
  return { line: problem.line, message: problem.message };
}
