/**
 * The errors CPython 3.11's `compile()` raises after parsing, in its order:
 * `__future__` imports (Python/future.c), then the symbol table
 * (Python/symtable.c: duplicate arguments, global/nonlocal misuse, yield in
 * comprehensions, walrus scoping, `import *` outside the module), then code
 * generation (Python/compile.c: return/yield/await/break/continue outside
 * their place, async outside async functions, starred targets, repeated
 * keywords, `__debug__`, except*, match patterns, nesting limits). Each
 * phase reports its first error in the order CPython visits the tree.
 * Nothing here runs the code.
 */
import { type PyNode, child, children, constantKind, constantRepr, slots } from "./ast.js";

export interface CompileProblem {
  line: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly problem: CompileProblem) {
    super(problem.message);
  }
}

const fail = (line: number | undefined, message: string): never => {
  throw new Stop({ line: line ?? 1, message: `SyntaxError: ${message}` });
};

const FUTURE_FEATURES = new Set([
  "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals",
  "barry_as_FLUFL", "generator_stop", "annotations",
]);

/** Whether a statement is a docstring (a plain string constant as an expression statement). */
function isDocstring(stmt: PyNode | undefined): boolean {
  if (stmt?.nodeType !== "Expr") return false;
  const value = child(stmt, "value");
  return value?.nodeType === "Constant" && constantKind(value) === "str";
}

interface Future {
  annotations: boolean;
  /** Line of the last future import of the file's header (0: none). */
  line: number;
}

/** Python/future.c: the future imports heading the module. */
function futureImports(module: PyNode): Future {
  const body = children(module, "body");
  const future: Future = { annotations: false, line: 0 };
  let done = false;
  let prevLine = 0;
  for (let i = isDocstring(body[0]) ? 1 : 0; i < body.length; i++) {
    const s = body[i];
    const line = s.lineno ?? 0;
    if (done && line > prevLine) break;
    prevLine = line;
    if (s.nodeType === "ImportFrom" && s.module === "__future__") {
      if (done) fail(line, "from __future__ imports must occur at the beginning of the file");
      for (const alias of children(s, "names")) {
        const name = String(alias.name);
        if (name === "braces") fail(line, "not a chance");
        if (!FUTURE_FEATURES.has(name)) fail(line, `future feature ${name} is not defined`);
        if (name === "annotations") future.annotations = true;
      }
      future.line = line;
    } else done = true;
  }
  return future;
}

// Symbol flags (Include/internal/pycore_symtable.h).
const DEF_GLOBAL = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_NONLOCAL = 8;
const USE = 16;
const DEF_IMPORT = 128;
const DEF_ANNOT = 256;
const DEF_COMP_ITER = 512;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

type BlockKind = "module" | "class" | "function" | "annotation";

interface Scope {
  kind: BlockKind;
  /** For comprehension scopes, how messages name them. */
  comprehension: string | undefined;
  symbols: Map<string, number>;
  directives: Map<string, number>;
  children: Scope[];
  coroutine: boolean;
  generator: boolean;
  compIterExpr: number;
  compIterTarget: boolean;
}

const COMPREHENSION_NAMES: Record<string, string> = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
};

/** Python/symtable.c: builds the scopes, raising its errors; returns the scope of every block node. */
function symbolTable(module: PyNode, future: Future): Map<PyNode, Scope> {
  const scopes = new Map<PyNode, Scope>();
  const newScope = (kind: BlockKind, node: PyNode, parent: Scope | undefined, comprehension?: string): Scope => {
    const scope: Scope = {
      kind,
      comprehension,
      symbols: new Map(),
      directives: new Map(),
      children: [],
      coroutine: false,
      generator: false,
      compIterExpr: parent?.compIterExpr ?? 0,
      compIterTarget: false,
    };
    parent?.children.push(scope);
    scopes.set(node, scope);
    return scope;
  };
  const top = newScope("module", module, undefined);
  const stack: Scope[] = [top];
  let cur = top;
  const enter = (kind: BlockKind, node: PyNode, comprehension?: string) => {
    cur = newScope(kind, node, cur, comprehension);
    stack.push(cur);
  };
  const exit = () => {
    stack.pop();
    cur = stack[stack.length - 1];
  };

  const addDefTo = (scope: Scope, name: string, flag: number, line: number | undefined) => {
    let val = scope.symbols.get(name);
    if (val !== undefined) {
      if (flag & DEF_PARAM && val & DEF_PARAM) fail(line, `duplicate argument '${name}' in function definition`);
      val |= flag;
    } else val = flag;
    if (scope.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) fail(line, `comprehension inner loop cannot rebind assignment expression target '${name}'`);
      val |= DEF_COMP_ITER;
    }
    scope.symbols.set(name, val);
    if (flag & DEF_GLOBAL) top.symbols.set(name, flag | (top.symbols.get(name) ?? 0));
  };
  const addDef = (name: string, flag: number, line: number | undefined) => addDefTo(cur, name, flag, line);
  const directive = (name: string, line: number | undefined) => {
    if (!cur.directives.has(name)) cur.directives.set(name, line ?? 1);
  };
  const notInAnnotation = (what: string, node: PyNode) => {
    if (cur.kind === "annotation") fail(node.lineno, `'${what}' can not be used within an annotation`);
  };

  const visitAnnotation = (annotation: PyNode | undefined) => {
    if (!annotation) return;
    if (future.annotations) enter("annotation", annotation);
    expr(annotation);
    if (future.annotations) exit();
  };
  const argumentAnnotations = (args: PyNode | undefined, returns: PyNode | undefined, node: PyNode) => {
    if (future.annotations) enter("annotation", node.args as PyNode);
    if (args) {
      for (const field of ["posonlyargs", "args"]) for (const a of children(args, field)) maybeExpr(child(a, "annotation"));
      const vararg = child(args, "vararg");
      if (vararg) maybeExpr(child(vararg, "annotation"));
      for (const a of children(args, "kwonlyargs")) maybeExpr(child(a, "annotation"));
      const kwarg = child(args, "kwarg");
      if (kwarg) maybeExpr(child(kwarg, "annotation"));
    }
    maybeExpr(returns);
    if (future.annotations) exit();
  };
  const parameters = (args: PyNode | undefined) => {
    if (!args) return;
    for (const field of ["posonlyargs", "args", "kwonlyargs"]) {
      for (const a of children(args, field)) addDef(String(a.arg), DEF_PARAM, a.lineno);
    }
    for (const field of ["vararg", "kwarg"]) {
      const a = child(args, field);
      if (a) addDef(String(a.arg), DEF_PARAM, a.lineno);
    }
  };
  const defaults = (args: PyNode | undefined) => {
    if (!args) return;
    for (const d of children(args, "defaults")) expr(d);
    for (const d of children(args, "kw_defaults")) expr(d);
  };
  const maybeExpr = (e: PyNode | undefined) => {
    if (e) expr(e);
  };
  const body = (node: PyNode, field: string) => {
    for (const s of children(node, field)) stmt(s);
  };

  function stmt(s: PyNode): void {
    switch (s.nodeType) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        addDef(String(s.name), DEF_LOCAL, s.lineno);
        const args = child(s, "args");
        defaults(args);
        argumentAnnotations(args, child(s, "returns"), s);
        for (const d of children(s, "decorator_list")) expr(d);
        enter("function", s);
        if (s.nodeType === "AsyncFunctionDef") cur.coroutine = true;
        parameters(args);
        body(s, "body");
        exit();
        return;
      }
      case "ClassDef":
        addDef(String(s.name), DEF_LOCAL, s.lineno);
        for (const b of children(s, "bases")) expr(b);
        for (const k of children(s, "keywords")) maybeExpr(child(k, "value"));
        for (const d of children(s, "decorator_list")) expr(d);
        enter("class", s);
        body(s, "body");
        exit();
        return;
      case "Return":
        maybeExpr(child(s, "value"));
        return;
      case "Delete":
        for (const t of children(s, "targets")) expr(t);
        return;
      case "Assign":
        for (const t of children(s, "targets")) expr(t);
        expr(child(s, "value")!);
        return;
      case "AnnAssign": {
        const target = child(s, "target")!;
        if (target.nodeType === "Name") {
          const name = String(target.id);
          const flags = cur.symbols.get(name) ?? 0;
          if (flags & (DEF_GLOBAL | DEF_NONLOCAL) && cur !== top && s.simple) {
            fail(s.lineno, `annotated name '${name}' can't be ${flags & DEF_GLOBAL ? "global" : "nonlocal"}`);
          }
          if (s.simple) addDef(name, DEF_ANNOT | DEF_LOCAL, target.lineno);
          else if (child(s, "value")) addDef(name, DEF_LOCAL, target.lineno);
        } else expr(target);
        visitAnnotation(child(s, "annotation"));
        maybeExpr(child(s, "value"));
        return;
      }
      case "AugAssign":
        expr(child(s, "target")!);
        expr(child(s, "value")!);
        return;
      case "For":
      case "AsyncFor":
        expr(child(s, "target")!);
        expr(child(s, "iter")!);
        body(s, "body");
        body(s, "orelse");
        return;
      case "While":
      case "If":
        expr(child(s, "test")!);
        body(s, "body");
        body(s, "orelse");
        return;
      case "Match":
        expr(child(s, "subject")!);
        for (const c of children(s, "cases")) {
          pattern(child(c, "pattern")!);
          maybeExpr(child(c, "guard"));
          body(c, "body");
        }
        return;
      case "Raise":
        maybeExpr(child(s, "exc"));
        maybeExpr(child(s, "cause"));
        return;
      case "Try":
      case "TryStar":
        body(s, "body");
        body(s, "orelse");
        for (const h of children(s, "handlers")) {
          maybeExpr(child(h, "type"));
          if (h.name) addDef(String(h.name), DEF_LOCAL, h.lineno);
          body(h, "body");
        }
        body(s, "finalbody");
        return;
      case "Assert":
        expr(child(s, "test")!);
        maybeExpr(child(s, "msg"));
        return;
      case "Import":
      case "ImportFrom":
        for (const alias of children(s, "names")) {
          const name = String(alias.name);
          if (name === "*") {
            if (cur.kind !== "module") fail(s.lineno, "import * only allowed at module level");
            continue;
          }
          const stored = alias.asname ? String(alias.asname) : s.nodeType === "Import" ? name.split(".")[0] : name;
          addDef(stored, DEF_IMPORT, s.lineno);
        }
        return;
      case "Global":
      case "Nonlocal": {
        const global = s.nodeType === "Global";
        for (const raw of (s.names as string[]) ?? []) {
          const name = String(raw);
          const flags = cur.symbols.get(name) ?? 0;
          if (flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            const what = global ? "global" : "nonlocal";
            if (flags & DEF_PARAM) fail(s.lineno, `name '${name}' is parameter and ${what}`);
            if (flags & USE) fail(s.lineno, `name '${name}' is used prior to ${what} declaration`);
            if (flags & DEF_ANNOT) fail(s.lineno, `annotated name '${name}' can't be ${what}`);
            fail(s.lineno, `name '${name}' is assigned to before ${what} declaration`);
          }
          addDef(name, global ? DEF_GLOBAL : DEF_NONLOCAL, s.lineno);
          directive(name, s.lineno);
        }
        return;
      }
      case "Expr":
        expr(child(s, "value")!);
        return;
      case "With":
      case "AsyncWith":
        for (const item of children(s, "items")) {
          expr(child(item, "context_expr")!);
          maybeExpr(child(item, "optional_vars"));
        }
        body(s, "body");
        return;
      default:
        return;
    }
  }

  function pattern(p: PyNode): void {
    switch (p.nodeType) {
      case "MatchValue":
        expr(child(p, "value")!);
        return;
      case "MatchSequence":
      case "MatchOr":
        for (const q of children(p, "patterns")) pattern(q);
        return;
      case "MatchMapping":
        for (const k of children(p, "keys")) expr(k);
        for (const q of children(p, "patterns")) pattern(q);
        if (p.rest) addDef(String(p.rest), DEF_LOCAL, p.lineno);
        return;
      case "MatchClass":
        expr(child(p, "cls")!);
        for (const q of children(p, "patterns")) pattern(q);
        for (const q of children(p, "kwd_patterns")) pattern(q);
        return;
      case "MatchAs": {
        const inner = child(p, "pattern");
        if (inner) pattern(inner);
        if (p.name) addDef(String(p.name), DEF_LOCAL, p.lineno);
        return;
      }
      case "MatchStar":
        if (p.name) addDef(String(p.name), DEF_LOCAL, p.lineno);
        return;
      default:
        return;
    }
  }

  function namedExprScope(target: PyNode) {
    const name = String(target.id);
    for (let i = stack.length - 1; i >= 0; i--) {
      const scope = stack[i];
      if (scope.comprehension) {
        if ((scope.symbols.get(name) ?? 0) & DEF_COMP_ITER) {
          fail(target.lineno, `assignment expression cannot rebind comprehension iteration variable '${name}'`);
        }
        continue;
      }
      if (scope.kind === "function") {
        const flags = scope.symbols.get(name) ?? 0;
        addDef(name, flags & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target.lineno);
        directive(name, target.lineno);
        addDefTo(scope, name, DEF_LOCAL, target.lineno);
        return;
      }
      if (scope.kind === "module") {
        addDef(name, DEF_GLOBAL, target.lineno);
        directive(name, target.lineno);
        addDefTo(scope, name, DEF_GLOBAL, target.lineno);
        return;
      }
      if (scope.kind === "class") fail(target.lineno, "assignment expression within a comprehension cannot be used in a class body");
    }
  }

  function comprehension(e: PyNode) {
    const generators = children(e, "generators");
    const outermost = generators[0];
    if (!outermost) return;
    cur.compIterExpr++;
    expr(child(outermost, "iter")!);
    cur.compIterExpr--;
    const kind = COMPREHENSION_NAMES[e.nodeType];
    enter("function", e, kind);
    if (outermost.is_async) cur.coroutine = true;
    cur.compIterTarget = true;
    expr(child(outermost, "target")!);
    cur.compIterTarget = false;
    for (const f of children(outermost, "ifs")) expr(f);
    for (const gen of generators.slice(1)) {
      cur.compIterTarget = true;
      expr(child(gen, "target")!);
      cur.compIterTarget = false;
      cur.compIterExpr++;
      expr(child(gen, "iter")!);
      cur.compIterExpr--;
      for (const f of children(gen, "ifs")) expr(f);
      if (gen.is_async) cur.coroutine = true;
    }
    if (e.nodeType === "DictComp") {
      maybeExpr(child(e, "value"));
      maybeExpr(child(e, "key"));
    } else maybeExpr(child(e, "elt"));
    const generator = e.nodeType === "GeneratorExp";
    cur.generator = generator;
    const isAsync = cur.coroutine && !generator;
    exit();
    if (isAsync) cur.coroutine = true;
  }

  function expr(e: PyNode): void {
    switch (e.nodeType) {
      case "NamedExpr": {
        notInAnnotation("named expression", e);
        if (cur.compIterExpr > 0) fail(e.lineno, "assignment expression cannot be used in a comprehension iterable expression");
        const target = child(e, "target")!;
        if (cur.comprehension && target.nodeType === "Name") namedExprScope(target);
        expr(child(e, "value")!);
        expr(target);
        return;
      }
      case "Lambda": {
        const args = child(e, "args");
        defaults(args);
        enter("function", e);
        parameters(args);
        expr(child(e, "body")!);
        exit();
        return;
      }
      case "Dict":
        for (const k of slots(e, "keys")) if (k) expr(k);
        for (const v of children(e, "values")) expr(v);
        return;
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        comprehension(e);
        return;
      case "Yield":
      case "YieldFrom":
        notInAnnotation("yield expression", e);
        maybeExpr(child(e, "value"));
        cur.generator = true;
        if (cur.comprehension) fail(e.lineno, `'yield' inside ${cur.comprehension}`);
        return;
      case "Await":
        notInAnnotation("await expression", e);
        maybeExpr(child(e, "value"));
        cur.coroutine = true;
        return;
      case "Name": {
        const ctx = (e.ctx as PyNode | undefined)?.nodeType ?? "Load";
        addDef(String(e.id), ctx === "Load" ? USE : DEF_LOCAL, e.lineno);
        return;
      }
      case "Call":
        expr(child(e, "func")!);
        for (const a of children(e, "args")) expr(a);
        for (const k of children(e, "keywords")) maybeExpr(child(k, "value"));
        return;
      default:
        for (const field of EXPR_FIELDS[e.nodeType] ?? []) {
          const value = e[field];
          if (Array.isArray(value)) for (const v of value) (v ? expr(v as PyNode) : undefined);
          else if (value && typeof value === "object" && (value as PyNode).nodeType) expr(value as PyNode);
        }
    }
  }

  body(module, "body");

  // Scope analysis (analyze_block / analyze_name): nonlocal must find a binding.
  const analyze = (scope: Scope, bound: Set<string> | undefined, global: Set<string>) => {
    const local = new Set<string>();
    let newBound = new Set<string>();
    let newGlobal = new Set<string>();
    if (scope.kind === "class") {
      newGlobal = new Set(global);
      if (bound) newBound = new Set(bound);
    }
    for (const [name, flags] of scope.symbols) {
      if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) fail(scope.directives.get(name), `name '${name}' is nonlocal and global`);
        global.add(name);
        bound?.delete(name);
      } else if (flags & DEF_NONLOCAL) {
        if (!bound) fail(scope.directives.get(name), "nonlocal declaration not allowed at module level");
        if (!bound!.has(name)) fail(scope.directives.get(name), `no binding for nonlocal '${name}' found`);
      } else if (flags & DEF_BOUND) {
        local.add(name);
        global.delete(name);
      }
    }
    if (scope.kind !== "class") {
      if (scope.kind === "function") for (const name of local) newBound.add(name);
      if (bound) for (const name of bound) newBound.add(name);
      for (const name of global) newGlobal.add(name);
    } else newBound.add("__class__");
    for (const c of scope.children) analyze(c, new Set(newBound), new Set(newGlobal));
  };
  analyze(top, undefined, new Set());
  return scopes;
}

/** Expression fields visited generically, in CPython's order. */
const EXPR_FIELDS: Record<string, string[]> = {
  BoolOp: ["values"],
  BinOp: ["left", "right"],
  UnaryOp: ["operand"],
  IfExp: ["test", "body", "orelse"],
  Set: ["elts"],
  Compare: ["left", "comparators"],
  FormattedValue: ["value", "format_spec"],
  JoinedStr: ["values"],
  Attribute: ["value"],
  Subscript: ["value", "slice"],
  Starred: ["value"],
  Slice: ["lower", "upper", "step"],
  List: ["elts"],
  Tuple: ["elts"],
  Interpolation: ["value", "format_spec"],
  TemplateStr: ["values"],
};

type UnitKind = "module" | "class" | "function" | "async" | "lambda" | "comprehension";
type Block = "loop" | "except*" | "other";

interface Unit {
  kind: UnitKind;
  scope: Scope;
  blocks: Block[];
}

const MAX_BLOCKS = 20;

/** A constant after CPython's AST optimizer folds signs and complex literals (for match patterns). */
interface Folded {
  key: string;
  repr: string;
}

function foldConstant(e: PyNode): Folded | undefined {
  if (e.nodeType === "Constant") {
    const kind = constantKind(e);
    const v = e.value;
    switch (kind) {
      case "str":
        return { key: `str:${String(v)}`, repr: constantRepr(e) };
      case "bytes":
        return { key: `bytes:${String(v)}`, repr: constantRepr(e) };
      case "None":
      case "Ellipsis":
        return { key: kind, repr: constantRepr(e) };
      case "bool":
        return { key: `num:${v ? 1 : 0}`, repr: constantRepr(e) };
      case "complex": {
        const c = v as { real: number; imag: number };
        return { key: c.imag === 0 ? `num:${c.real}` : `complex:${c.real},${c.imag}`, repr: constantRepr(e) };
      }
      default:
        return { key: `num:${typeof v === "bigint" && BigInt(Number(v)) === v ? Number(v) : String(v)}`, repr: String(v) };
    }
  }
  if (e.nodeType === "UnaryOp" && (e.op as PyNode | undefined)?.nodeType === "USub") {
    const inner = child(e, "operand");
    const folded = inner && foldConstant(inner);
    if (!folded || !/^(num|complex):/.test(folded.key)) return undefined;
    const negate = (text: string) => (text.startsWith("-") ? text.slice(1) : text === "0" ? "0" : `-${text}`);
    if (folded.key.startsWith("num:")) return { key: `num:${negate(folded.key.slice(4))}`, repr: `-${folded.repr}` };
    const [re, im] = folded.key.slice(8).split(",");
    return { key: `complex:${negate(re)},${negate(im)}`, repr: `-${folded.repr}` };
  }
  if (e.nodeType === "BinOp") {
    const op = (e.op as PyNode | undefined)?.nodeType;
    const left = child(e, "left");
    const right = child(e, "right");
    const l = left && foldConstant(left);
    const r = right && foldConstant(right);
    if ((op === "Add" || op === "Sub") && l && r && /^(num|complex):/.test(l.key) && /^(num|complex):/.test(r.key)) {
      return { key: `complex:${l.key}${op}${r.key}`, repr: `(${l.repr}${op === "Add" ? "+" : "-"}${r.repr})` };
    }
  }
  return undefined;
}

/** Python/compile.c: the errors raised while generating code, in its visiting order. */
function codegen(module: PyNode, scopes: Map<PyNode, Scope>, future: Future, topLevelAwait: boolean): void {
  let unit: Unit = { kind: "module", scope: scopes.get(module)!, blocks: [] };
  /** CPython's IS_TOP_LEVEL_AWAIT: PyCF_ALLOW_TOP_LEVEL_AWAIT and the module's own code (not a class body or a function). */
  const topLevel = () => topLevelAwait && unit.kind === "module";

  const inUnit = (kind: UnitKind, node: PyNode, run: () => void) => {
    const saved = unit;
    unit = { kind, scope: scopes.get(node) ?? saved.scope, blocks: [] };
    run();
    unit = saved;
  };
  const inBlock = (block: Block, node: PyNode, run: () => void) => {
    if (unit.blocks.length >= MAX_BLOCKS) fail(node.lineno, "too many statically nested blocks");
    unit.blocks.push(block);
    run();
    unit.blocks.pop();
  };
  const isFunction = () => unit.kind === "function" || unit.kind === "async" || unit.kind === "lambda";
  const forbidden = (name: string | undefined, line: number | undefined, ctx: "Store" | "Del" = "Store") => {
    if (name === "__debug__") fail(line, ctx === "Del" ? "cannot delete __debug__" : "cannot assign to __debug__");
  };
  const debugArgs = (args: PyNode | undefined) => {
    if (!args) return;
    for (const field of ["posonlyargs", "args", "kwonlyargs"]) for (const a of children(args, field)) forbidden(String(a.arg), a.lineno);
    for (const field of ["vararg", "kwarg"]) {
      const a = child(args, field);
      if (a) forbidden(String(a.arg), a.lineno);
    }
  };
  const keywords = (list: readonly PyNode[]) => {
    for (let i = 0; i < list.length; i++) {
      const name = list[i].arg;
      if (name === undefined || name === null) continue;
      forbidden(String(name), list[i].lineno);
      for (let j = i + 1; j < list.length; j++) {
        if (list[j].arg === name) fail(list[j].lineno, `keyword argument repeated: ${String(name)}`);
      }
    }
  };
  const unwind = (node: PyNode, what: "break" | "continue" | "return") => {
    for (let k = unit.blocks.length - 1; k >= 0; k--) {
      if (unit.blocks[k] === "except*") fail(node.lineno, "'break', 'continue' and 'return' cannot appear in an except* block");
      if (unit.blocks[k] === "loop" && what !== "return") return;
    }
    if (what === "break") fail(node.lineno, "'break' outside loop");
    if (what === "continue") fail(node.lineno, "'continue' not properly in loop");
  };
  const maybe = (e: PyNode | undefined) => {
    if (e) expr(e);
  };
  const body = (node: PyNode, field: string) => {
    for (const s of children(node, field)) stmt(s);
  };
  const annotation = (e: PyNode | undefined) => {
    if (e && !future.annotations) expr(e);
  };

  function stmt(s: PyNode): void {
    switch (s.nodeType) {
      case "FunctionDef":
      case "AsyncFunctionDef": {
        const args = child(s, "args");
        debugArgs(args);
        for (const d of children(s, "decorator_list")) expr(d);
        if (args) {
          for (const d of children(args, "defaults")) expr(d);
          for (const d of children(args, "kw_defaults")) expr(d);
          for (const a of children(args, "args")) annotation(child(a, "annotation"));
          for (const a of children(args, "posonlyargs")) annotation(child(a, "annotation"));
          const vararg = child(args, "vararg");
          const starred = vararg && child(vararg, "annotation");
          // `*args: *Ts` (PEP 646) is the one place a starred annotation may stand.
          annotation(starred?.nodeType === "Starred" ? child(starred, "value") : starred);
          for (const a of children(args, "kwonlyargs")) annotation(child(a, "annotation"));
          const kwarg = child(args, "kwarg");
          if (kwarg) annotation(child(kwarg, "annotation"));
        }
        annotation(child(s, "returns"));
        inUnit(s.nodeType === "AsyncFunctionDef" ? "async" : "function", s, () => body(s, "body"));
        forbidden(String(s.name), s.lineno);
        return;
      }
      case "ClassDef":
        for (const d of children(s, "decorator_list")) expr(d);
        inUnit("class", s, () => body(s, "body"));
        keywords(children(s, "keywords"));
        for (const b of children(s, "bases")) callArgument(b);
        for (const k of children(s, "keywords")) maybe(child(k, "value"));
        forbidden(String(s.name), s.lineno);
        return;
      case "Return": {
        if (!isFunction()) fail(s.lineno, "'return' outside function");
        const value = child(s, "value");
        if (value && unit.scope.coroutine && unit.scope.generator) fail(s.lineno, "'return' with value in async generator");
        if (value && value.nodeType !== "Constant") expr(value);
        unwind(s, "return");
        return;
      }
      case "Delete":
        for (const t of children(s, "targets")) expr(t, "Del");
        return;
      case "Assign":
        expr(child(s, "value")!);
        for (const t of children(s, "targets")) expr(t, "Store");
        return;
      case "AugAssign": {
        const target = child(s, "target")!;
        if (target.nodeType === "Attribute") expr(child(target, "value")!);
        else if (target.nodeType === "Subscript") {
          expr(child(target, "value")!);
          expr(child(target, "slice")!);
        }
        expr(child(s, "value")!);
        if (target.nodeType === "Name") forbidden(String(target.id), target.lineno);
        return;
      }
      case "AnnAssign": {
        const target = child(s, "target")!;
        const value = child(s, "value");
        if (value) {
          expr(value);
          expr(target, "Store");
        }
        const moduleOrClass = unit.kind === "module" || unit.kind === "class";
        if (target.nodeType === "Name") {
          forbidden(String(target.id), target.lineno);
          if (s.simple && moduleOrClass) annotation(child(s, "annotation"));
        } else if (target.nodeType === "Attribute") {
          forbidden(String(target.attr), target.lineno);
          if (!value) expr(child(target, "value")!);
        } else if (target.nodeType === "Subscript" && !value) {
          expr(child(target, "value")!);
          expr(child(target, "slice")!);
        }
        if (!s.simple && moduleOrClass) annotation(child(s, "annotation"));
        return;
      }
      case "For":
      case "AsyncFor":
        if (s.nodeType === "AsyncFor" && unit.kind !== "async" && !topLevel()) fail(s.lineno, "'async for' outside async function");
        expr(child(s, "iter")!);
        inBlock("loop", s, () => {
          expr(child(s, "target")!, "Store");
          body(s, "body");
        });
        body(s, "orelse");
        return;
      case "While":
        expr(child(s, "test")!);
        inBlock("loop", s, () => body(s, "body"));
        body(s, "orelse");
        return;
      case "If":
        expr(child(s, "test")!);
        body(s, "body");
        body(s, "orelse");
        return;
      case "With":
      case "AsyncWith": {
        if (s.nodeType === "AsyncWith" && unit.kind !== "async" && !topLevel()) fail(s.lineno, "'async with' outside async function");
        const items = children(s, "items");
        const item = (k: number): void => {
          if (k >= items.length) return body(s, "body");
          expr(child(items[k], "context_expr")!);
          inBlock("other", s, () => {
            const vars = child(items[k], "optional_vars");
            if (vars) expr(vars, "Store");
            item(k + 1);
          });
        };
        item(0);
        return;
      }
      case "Match":
        match(s);
        return;
      case "Raise":
        maybe(child(s, "exc"));
        maybe(child(s, "cause"));
        return;
      case "Try":
      case "TryStar": {
        const handlers = children(s, "handlers");
        const finalbody = children(s, "finalbody");
        const tryExcept = () => {
          inBlock("other", s, () => body(s, "body"));
          handlers.forEach((h, i) => {
            if (!child(h, "type") && i < handlers.length - 1) fail(h.lineno, "default 'except:' must be last");
            maybe(child(h, "type"));
            if (h.name) forbidden(String(h.name), h.lineno);
            inBlock(s.nodeType === "TryStar" ? "except*" : "other", h, () => inBlock("other", h, () => body(h, "body")));
          });
          body(s, "orelse");
        };
        if (finalbody.length > 0) {
          inBlock("other", s, () => (handlers.length > 0 ? tryExcept() : body(s, "body")));
          body(s, "finalbody");
        } else tryExcept();
        return;
      }
      case "Assert":
        expr(child(s, "test")!);
        maybe(child(s, "msg"));
        return;
      case "Import":
        for (const alias of children(s, "names")) {
          forbidden(alias.asname ? String(alias.asname) : String(alias.name).split(".")[0], s.lineno);
        }
        return;
      case "ImportFrom":
        if (s.module === "__future__" && (s.lineno ?? 0) > future.line) {
          fail(s.lineno, "from __future__ imports must occur at the beginning of the file");
        }
        for (const alias of children(s, "names")) if (alias.name !== "*") forbidden(String(alias.asname ?? alias.name), s.lineno);
        return;
      case "Break":
        unwind(s, "break");
        return;
      case "Continue":
        unwind(s, "continue");
        return;
      case "Expr": {
        const value = child(s, "value")!;
        if (value.nodeType !== "Constant") expr(value);
        return;
      }
      default:
        return;
    }
  }

  interface PatternState {
    stores: string[];
    irrefutable: boolean;
  }
  const store = (name: string | undefined, line: number | undefined, pc: PatternState) => {
    if (!name) return;
    forbidden(name, line);
    if (pc.stores.includes(name)) fail(line, `multiple assignments to name '${name}' in pattern`);
    pc.stores.push(name);
  };
  const subpattern = (p: PyNode, pc: PatternState) => {
    const saved = pc.irrefutable;
    pc.irrefutable = true;
    pattern(p, pc);
    pc.irrefutable = saved;
  };
  function pattern(p: PyNode, pc: PatternState): void {
    switch (p.nodeType) {
      case "MatchValue": {
        const value = child(p, "value")!;
        if (value.nodeType !== "Attribute" && !foldConstant(value)) fail(p.lineno, "patterns may only match literals and attribute lookups");
        expr(value);
        return;
      }
      case "MatchSingleton":
        return;
      case "MatchSequence": {
        const patterns = children(p, "patterns");
        if (patterns.filter((q) => q.nodeType === "MatchStar").length > 1) fail(p.lineno, "multiple starred names in sequence pattern");
        for (const q of patterns) {
          if (q.nodeType === "MatchStar") store(q.name ? String(q.name) : undefined, q.lineno, pc);
          else subpattern(q, pc);
        }
        return;
      }
      case "MatchMapping": {
        const seen = new Set<string>();
        for (const key of children(p, "keys")) {
          const folded = foldConstant(key);
          if (folded) {
            if (seen.has(folded.key)) fail(key.lineno ?? p.lineno, `mapping pattern checks duplicate key (${folded.repr})`);
            seen.add(folded.key);
          } else if (key.nodeType !== "Attribute") fail(p.lineno, "mapping pattern keys may only match literals and attribute lookups");
          expr(key);
        }
        for (const q of children(p, "patterns")) subpattern(q, pc);
        if (p.rest) store(String(p.rest), p.lineno, pc);
        return;
      }
      case "MatchClass": {
        const attrs = ((p.kwd_attrs as string[] | undefined) ?? []).map(String);
        const kwdPatterns = children(p, "kwd_patterns");
        for (let i = 0; i < attrs.length; i++) {
          forbidden(attrs[i], p.lineno);
          for (let j = i + 1; j < attrs.length; j++) {
            if (attrs[j] === attrs[i]) fail(kwdPatterns[j]?.lineno ?? p.lineno, `attribute name repeated in class pattern: ${attrs[i]}`);
          }
        }
        expr(child(p, "cls")!);
        for (const q of children(p, "patterns")) subpattern(q, pc);
        for (const q of kwdPatterns) subpattern(q, pc);
        return;
      }
      case "MatchAs": {
        const inner = child(p, "pattern");
        const name = p.name ? String(p.name) : undefined;
        if (!inner) {
          if (!pc.irrefutable) {
            fail(p.lineno, name ? `name capture '${name}' makes remaining patterns unreachable` : "wildcard makes remaining patterns unreachable");
          }
          store(name, p.lineno, pc);
          return;
        }
        pattern(inner, pc);
        store(name, p.lineno, pc);
        return;
      }
      case "MatchStar":
        store(p.name ? String(p.name) : undefined, p.lineno, pc);
        return;
      case "MatchOr": {
        const alternatives = children(p, "patterns");
        const outer = pc.stores;
        const outerIrrefutable = pc.irrefutable;
        let control: string[] | undefined;
        alternatives.forEach((alt, i) => {
          pc.stores = [];
          pc.irrefutable = i === alternatives.length - 1 && outerIrrefutable;
          pattern(alt, pc);
          if (!control) control = pc.stores;
          else if (control.length !== pc.stores.length || control.some((n) => !pc.stores.includes(n))) {
            fail(p.lineno, "alternative patterns bind different names");
          }
        });
        pc.stores = outer;
        pc.irrefutable = outerIrrefutable;
        for (const name of control ?? []) {
          if (outer.includes(name)) fail(p.lineno, `multiple assignments to name '${name}' in pattern`);
          outer.push(name);
        }
        return;
      }
      default:
        return;
    }
  }
  function match(s: PyNode) {
    expr(child(s, "subject")!);
    const cases = children(s, "cases");
    const last = cases[cases.length - 1];
    const lastPattern = last && child(last, "pattern");
    const hasDefault =
      cases.length > 1 && lastPattern?.nodeType === "MatchAs" && !child(lastPattern, "pattern") && !lastPattern.name;
    cases.forEach((c, i) => {
      if (!(hasDefault && i === cases.length - 1)) {
        const pc: PatternState = { stores: [], irrefutable: !!child(c, "guard") || i === cases.length - 1 };
        pattern(child(c, "pattern")!, pc);
      }
      maybe(child(c, "guard"));
      body(c, "body");
    });
  }

  function callArgument(a: PyNode) {
    if (a.nodeType === "Starred") expr(child(a, "value")!);
    else expr(a);
  }

  function elements(e: PyNode, ctx: "Load" | "Store" | "Del") {
    const elts = children(e, "elts");
    if (ctx === "Store") {
      let seen = false;
      elts.forEach((elt, i) => {
        if (elt.nodeType !== "Starred") return;
        if (seen) fail(e.lineno, "multiple starred expressions in assignment");
        if (i >= 1 << 8 || elts.length - i - 1 >= (2 ** 31 - 1) >>> 8) fail(e.lineno, "too many expressions in star-unpacking assignment");
        seen = true;
      });
    }
    for (const elt of elts) {
      if (elt.nodeType === "Starred" && ctx !== "Del") expr(child(elt, "value")!, ctx);
      else expr(elt, ctx);
    }
  }

  function comprehension(e: PyNode) {
    const generators = children(e, "generators");
    const outer = unit;
    const outerTopLevel = topLevel();
    const scope = scopes.get(e);
    inUnit("comprehension", e, () => {
      if (scope?.coroutine && e.nodeType !== "GeneratorExp" && outer.kind !== "async" && outer.kind !== "comprehension" && !outerTopLevel) {
        fail(e.lineno, "asynchronous comprehension outside of an asynchronous function");
      }
      generators.forEach((gen, i) => {
        if (i > 0) expr(child(gen, "iter")!);
        expr(child(gen, "target")!, "Store");
        for (const f of children(gen, "ifs")) expr(f);
      });
      if (e.nodeType === "DictComp") {
        expr(child(e, "key")!);
        expr(child(e, "value")!);
      } else expr(child(e, "elt")!);
    });
    if (generators[0]) expr(child(generators[0], "iter")!);
  }

  function expr(e: PyNode, ctxOverride?: "Load" | "Store" | "Del"): void {
    const ctx = ctxOverride ?? ((e.ctx as PyNode | undefined)?.nodeType as "Load" | "Store" | "Del" | undefined) ?? "Load";
    switch (e.nodeType) {
      case "NamedExpr":
        expr(child(e, "value")!);
        expr(child(e, "target")!, "Store");
        return;
      case "Lambda": {
        const args = child(e, "args");
        debugArgs(args);
        if (args) {
          for (const d of children(args, "defaults")) expr(d);
          for (const d of children(args, "kw_defaults")) expr(d);
        }
        inUnit("lambda", e, () => expr(child(e, "body")!));
        return;
      }
      case "Dict": {
        const keys = slots(e, "keys");
        const values = children(e, "values");
        values.forEach((v, i) => {
          const k = keys[i];
          if (k) expr(k);
          expr(v);
        });
        return;
      }
      case "Set":
        for (const elt of children(e, "elts")) callArgument(elt);
        return;
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        comprehension(e);
        return;
      case "Yield":
      case "YieldFrom":
        if (!isFunction() && unit.kind !== "comprehension") fail(e.lineno, "'yield' outside function");
        if (e.nodeType === "YieldFrom" && unit.kind === "async") fail(e.lineno, "'yield from' inside async function");
        maybe(child(e, "value"));
        return;
      case "Await":
        if (!topLevel() && !isFunction() && unit.kind !== "comprehension") fail(e.lineno, "'await' outside function");
        if (!topLevel() && unit.kind !== "async" && unit.kind !== "comprehension") fail(e.lineno, "'await' outside async function");
        maybe(child(e, "value"));
        return;
      case "Call":
        expr(child(e, "func")!);
        keywords(children(e, "keywords"));
        for (const a of children(e, "args")) callArgument(a);
        for (const k of children(e, "keywords")) expr(child(k, "value")!);
        return;
      case "Attribute":
        expr(child(e, "value")!);
        if (ctx !== "Load") forbidden(String(e.attr), e.lineno, ctx);
        return;
      case "Subscript": {
        expr(child(e, "value")!);
        // py-ast gives `a[*b]` a bare Starred slice where CPython has a tuple.
        const slice = child(e, "slice")!;
        if (slice.nodeType === "Starred") expr(child(slice, "value")!);
        else expr(slice);
        return;
      }
      case "Starred":
        fail(e.lineno, ctx === "Store" ? "starred assignment target must be in a list or tuple" : "can't use starred expression here");
        return;
      case "Name":
        if (ctx !== "Load") forbidden(String(e.id), e.lineno, ctx);
        return;
      case "List":
      case "Tuple":
        elements(e, ctx);
        return;
      default:
        for (const field of EXPR_FIELDS[e.nodeType] ?? []) {
          const value = e[field];
          if (Array.isArray(value)) for (const v of value) (v ? expr(v as PyNode) : undefined);
          else if (value && typeof value === "object" && (value as PyNode).nodeType) expr(value as PyNode);
        }
    }
  }

  const moduleBody = children(module, "body");
  for (const s of moduleBody) stmt(s);
}

/**
 * The first error `compile()` would raise after a successful parse, or
 * undefined; with `topLevelAwait`, as `compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT)`
 * (what IPython, Jupyter and `python -m asyncio` use): `await`, `async with`,
 * `async for` and async comprehensions are accepted in the module's own code.
 */
export function compileProblem(module: PyNode, topLevelAwait = false): CompileProblem | undefined {
  try {
    const future = futureImports(module);
    const scopes = symbolTable(module, future);
    codegen(module, scopes, future, topLevelAwait);
  } catch (error) {
    if (error instanceof Stop) return error.problem;
    throw error;
  }
  return undefined;
}

