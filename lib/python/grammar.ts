/**
 * Grammar rules of CPython 3.11 that py-ast does not enforce (it parses a
 * newer, more permissive Python): each is checked here on the AST and the
 * 3.11 token stream. Found with the differential test against CPython (see
 * docs/design/python-parser.md). The first problem in source order wins,
 * since CPython's parser stops at the first error it meets.
 */
import { type PyNode, child, children, exprName, FUNCTION_DEFS } from "./ast.js";
import { lineOf } from "./tokenizer.js";
import type { SourceIndex } from "./source.js";

export interface Problem {
  /** String offset of the problem (to order problems). */
  offset: number;
  line: number;
  message: string;
}

const COMPOUND = new Set([
  "If", "For", "AsyncFor", "While", "Try", "TryStar", "With", "AsyncWith", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Match",
]);

/** Where a target may stand and what CPython calls the mistake. */
type TargetKind = "store" | "for" | "del";

/** `_PyPegen_get_invalid_target`: the part of a target that cannot be assigned (or deleted). */
export function invalidTarget(node: PyNode, kind: TargetKind): PyNode | undefined {
  switch (node.nodeType) {
    case "List":
    case "Tuple":
      for (const e of children(node, "elts")) {
        const bad = invalidTarget(e, kind);
        if (bad) return bad;
      }
      return undefined;
    case "Starred":
      return kind === "del" ? node : invalidTarget(child(node, "value")!, kind);
    case "Name":
    case "Subscript":
    case "Attribute":
      return undefined;
    default:
      return node;
  }
}

/** Problems of the grammar py-ast lets through, first in source order. */
export function grammarProblem(module: PyNode, index: SourceIndex): Problem | undefined {
  let best: Problem | undefined;
  const report = (node: PyNode | number, message: string, line?: number) => {
    const offset = typeof node === "number" ? node : index.start(node);
    const problem = { offset, line: line ?? (typeof node === "number" ? lineAt(offset) : node.lineno ?? 1), message };
    if (!best || problem.offset < best.offset) best = problem;
  };
  const lineAt = (offset: number) => lineOf(index.lineStarts, offset);
  const tokens = index.tokens;
  const tokenValue = (k: number) => tokens[k]?.value;

  const target = (node: PyNode | undefined, kind: TargetKind) => {
    if (!node) return;
    const bad = invalidTarget(node, kind);
    if (bad) report(bad, kind === "del" ? `SyntaxError: cannot delete ${exprName(bad)}` : `SyntaxError: cannot assign to ${exprName(bad)}`);
  };

  /** Whether a named expression may stand here without its own parentheses. */
  const namedExprAllowed = (parent: PyNode | undefined, field: string, grand: PyNode | undefined, grandField: string): boolean => {
    if (!parent) return false;
    switch (parent.nodeType) {
      case "If":
      case "While":
        return field === "test";
      case "Match":
        return field === "subject";
      case "MatchCase":
        return field === "guard";
      case "Call":
        return field === "args";
      case "ClassDef":
        return field === "bases";
      case "Subscript":
        return field === "slice";
      case "List":
      case "Set":
        return true;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        return field === "elt";
      case "FunctionDef":
      case "AsyncFunctionDef":
        return field === "decorator_list";
      case "Tuple":
        return (
          index.parenthesized(parent) ||
          (grand?.nodeType === "Subscript" && grandField === "slice") ||
          (grand?.nodeType === "Match" && grandField === "subject")
        );
      default:
        return false;
    }
  };

  const yieldAllowed = (parent: PyNode | undefined, field: string): boolean =>
    !!parent &&
    ((parent.nodeType === "Expr" && field === "value") ||
      (parent.nodeType === "Assign" && field === "value") ||
      (parent.nodeType === "AugAssign" && field === "value") ||
      (parent.nodeType === "AnnAssign" && field === "value"));

  interface Frame {
    node: PyNode;
    parent: PyNode | undefined;
    field: string;
    grand: PyNode | undefined;
    grandField: string;
    inString: boolean;
  }
  const stack: Frame[] = [{ node: module, parent: undefined, field: "", grand: undefined, grandField: "", inString: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, parent, field, grand, grandField } = frame;
    const type = node.nodeType;
    const inString = frame.inString || (index.hasOpaque && node.lineno !== undefined && index.opaque(index.start(node)));

    switch (type) {
      case "NamedExpr": {
        const t = child(node, "target");
        if (t && t.nodeType !== "Name") report(t, `SyntaxError: cannot use assignment expressions with ${exprName(t)}`);
        if (!inString && !index.parenthesized(node) && !namedExprAllowed(parent, field, grand, grandField)) {
          report(node, "SyntaxError: invalid syntax");
        }
        break;
      }
      case "Await": {
        const value = child(node, "value");
        if (value?.nodeType === "Await" && !inString && !index.parenthesized(value)) report(value, "SyntaxError: invalid syntax");
        break;
      }
      case "Yield":
      case "YieldFrom":
        if (!inString && !index.parenthesized(node) && !yieldAllowed(parent, field)) report(node, "SyntaxError: invalid syntax");
        break;
      case "Try":
        if (children(node, "handlers").length === 0 && children(node, "finalbody").length === 0) {
          const body = children(node, "body");
          const last = body[body.length - 1];
          let k = last ? index.tokenAtOrAfter(index.end(last)) : tokens.length - 1;
          while (k < tokens.length - 1 && ["NEWLINE", "INDENT", "DEDENT"].includes(tokens[k].type)) k++;
          const at = tokens[Math.min(k, tokens.length - 1)];
          report(at ? at.start : index.start(node), "SyntaxError: expected 'except' or 'finally' block", at?.line);
        }
        break;
      case "TryStar":
        for (const h of children(node, "handlers")) {
          if (!child(h, "type")) report(h, "SyntaxError: expected one or more exception types");
        }
        break;
      case "Call":
      case "ClassDef": {
        if (inString) break;
        // Scan the argument list: a generator expression without its own
        // parentheses (a "for" at the call's own bracket depth) must be the
        // only argument, without a trailing comma.
        let open = -1;
        if (type === "Call") open = index.tokenAtOrAfter(index.end(child(node, "func")!));
        else {
          const k = index.tokenAtOrAfter(index.start(node));
          for (let j = k; j < tokens.length && tokens[j].value !== ":"; j++) {
            if (tokens[j].value === "(") {
              open = j;
              break;
            }
          }
        }
        if (open < 0 || tokenValue(open) !== "(") break;
        let depth = 0;
        let args = 1;
        let bare = -1;
        let close = -1;
        let inTarget = false;
        for (let j = open + 1; j < tokens.length; j++) {
          const v = tokens[j].value;
          if (tokens[j].type === "OP" && (v === "(" || v === "[" || v === "{")) depth++;
          else if (tokens[j].type === "OP" && (v === ")" || v === "]" || v === "}")) {
            if (depth === 0) {
              close = j;
              break;
            }
            depth--;
          } else if (depth === 0 && v === "," && tokens[j].type === "OP") {
            if (!inTarget) args++;
          } else if (depth === 0 && v === "for" && tokens[j].type === "NAME") {
            if (bare < 0) bare = j;
            inTarget = true;
          } else if (depth === 0 && v === "in" && tokens[j].type === "NAME") inTarget = false;
        }
        if (bare < 0 || close < 0) break;
        if (tokenValue(close - 1) === "," && close - 1 > open) args--;
        const trailing = tokenValue(close - 1) === ",";
        if (close === open + 1) args = 0;
        if (type === "ClassDef") report(tokens[bare].start, "SyntaxError: invalid syntax", tokens[bare].line);
        else if (args > 1 || trailing) {
          const arg = children(node, "args").find((a) => a.nodeType === "GeneratorExp");
          report(arg ?? tokens[bare].start, "SyntaxError: Generator expression must be parenthesized", arg ? undefined : tokens[bare].line);
        }
        break;
      }
      case "AnnAssign": {
        const t = child(node, "target");
        if (t?.nodeType === "Tuple" || t?.nodeType === "List") {
          report(t, `SyntaxError: only single target (not ${t.nodeType === "Tuple" ? "tuple" : "list"}) can be annotated`);
        } else if (t && !["Name", "Attribute", "Subscript"].includes(t.nodeType)) {
          report(t, "SyntaxError: illegal target for annotation");
        }
        break;
      }
      case "For":
      case "AsyncFor":
        target(child(node, "target"), "for");
        break;
      case "Comprehension":
        target(child(node, "target"), "for");
        break;
      case "WithItem":
        target(child(node, "optional_vars"), "store");
        break;
      case "Delete":
        for (const t of children(node, "targets")) target(t, "del");
        break;
      case "Assign":
        for (const t of children(node, "targets")) target(t, "store");
        break;
      case "AugAssign": {
        const t = child(node, "target");
        if (t && !["Name", "Attribute", "Subscript"].includes(t.nodeType)) {
          report(t, `SyntaxError: '${exprName(t)}' is an illegal expression for augmented assignment`);
        }
        break;
      }
      case "TypeAlias":
        report(node, "SyntaxError: invalid syntax");
        break;
      case "TemplateStr":
        report(node, "SyntaxError: invalid syntax");
        break;
      case "Import":
      case "ImportFrom":
        if (node.is_lazy) report(node, "SyntaxError: invalid syntax");
        if (type === "ImportFrom" && !inString) {
          let k = index.tokenAtOrAfter(index.start(node));
          while (k < tokens.length && tokenValue(k) !== "import") k++;
          const parens = tokenValue(k + 1) === "(";
          const names = children(node, "names");
          if (parens && names.length === 1 && names[0].name === "*") report(node, "SyntaxError: invalid syntax");
          const last = names[names.length - 1];
          if (!parens && last && tokenValue(index.tokenAtOrAfter(index.end(last))) === ",") {
            report(node, "SyntaxError: trailing comma not allowed without surrounding parentheses");
          }
          // Without parentheses the names end with the line.
          if (!parens && last) {
            const stop = index.tokenAtOrAfter(index.start(last));
            for (let j = k + 1; j < stop; j++) {
              if (tokens[j].type === "NEWLINE") {
                report(tokens[j].start, tokenValue(j - 1) === "," ? "SyntaxError: trailing comma not allowed without surrounding parentheses" : "SyntaxError: invalid syntax", tokens[j].line);
                break;
              }
            }
          }
        }
        break;
      case "MatchMapping":
        if (node.rest === "_") report(node, "SyntaxError: invalid syntax");
        break;
      case "MatchValue": {
        // py-ast folds a placeholder-free f-string into a plain constant.
        const value = child(node, "value");
        if (value?.nodeType === "Constant" && !inString) {
          const from = index.tokenAtOrAfter(index.start(value));
          const to = index.tokenAtOrAfter(index.end(value));
          for (let k = from; k < to; k++) {
            if (tokens[k].type === "STRING" && /^[a-zA-Z]*[fF]/.test(tokens[k].value) && /^[a-zA-Z]*['"]/.test(tokens[k].value)) {
              report(value, "SyntaxError: patterns may only match literals and attribute lookups");
            }
          }
        }
        break;
      }
      case "MatchClass": {
        const kwd = children(node, "kwd_patterns");
        const firstKeyword = kwd.length > 0 ? index.start(kwd[0]) : Infinity;
        for (const p of children(node, "patterns")) {
          if (index.start(p) > firstKeyword) report(p, "SyntaxError: positional patterns follow keyword patterns");
        }
        break;
      }
      default:
        break;
    }

    if (FUNCTION_DEFS.has(type) || type === "ClassDef") {
      if (children(node, "type_params").length > 0) report(node, type === "ClassDef" ? "SyntaxError: invalid syntax" : "SyntaxError: expected '('");
      for (const d of children(node, "decorator_list")) {
        let after = index.tokenAtOrAfter(index.end(d));
        while (tokenValue(after) === ")") after++;
        if (tokens[after] && tokens[after].type !== "NEWLINE") report(tokens[after].start, "SyntaxError: invalid syntax", tokens[after].line);
      }
    }
    if (FUNCTION_DEFS.has(type) || type === "Lambda") {
      const args = child(node, "args");
      if (args) {
        for (const field of ["posonlyargs", "args", "kwonlyargs"]) {
          for (const a of children(args, field)) if (child(a, "annotation")?.nodeType === "Starred") report(a, "SyntaxError: invalid syntax");
        }
        const kwarg = child(args, "kwarg");
        if (kwarg && child(kwarg, "annotation")?.nodeType === "Starred") report(kwarg, "SyntaxError: invalid syntax");
        if (!inString && children(args, "posonlyargs").length === 0) {
          // "/" as the first parameter.
          let k = index.tokenAtOrAfter(index.start(node));
          if (type !== "Lambda") while (k < tokens.length && tokenValue(k) !== "(") k++;
          if (tokenValue(k + 1) === "/") report(tokens[k + 1].start, "SyntaxError: at least one argument must precede /", tokens[k + 1].line);
        }
      }
    }
    if (COMPOUND.has(type) && !inString) {
      const decorators = children(node, "decorator_list");
      const first = decorators.length > 0 ? index.tokenAtOrAfter(index.start(decorators[0])) - 1 : index.tokenAtOrAfter(index.start(node));
      if (tokenValue(first - 1) === ";") report(tokens[first].start, "SyntaxError: invalid syntax", tokens[first].line);
    }

    // Children, pushed in reverse so they are visited in field order.
    const nested = inString || type === "JoinedStr";
    const mark = stack.length;
    for (const key in node) {
      if (key === "ctx" || key === "nodeType") continue;
      const value = node[key];
      if (value === null || typeof value !== "object") continue;
      if (Array.isArray(value)) {
        for (const v of value) {
          if (v !== null && typeof v === "object" && typeof (v as PyNode).nodeType === "string") {
            stack.push({ node: v as PyNode, parent: node, field: key, grand: parent, grandField: field, inString: nested });
          }
        }
      } else if (typeof (value as PyNode).nodeType === "string") {
        stack.push({ node: value as PyNode, parent: node, field: key, grand: parent, grandField: field, inString: nested });
      }
    }
    // Reverse what was just pushed, so the first child is visited first.
    for (let a = mark, b = stack.length - 1; a < b; a++, b--) {
      const t = stack[a];
      stack[a] = stack[b];
      stack[b] = t;
    }
  }
  return best;
}
