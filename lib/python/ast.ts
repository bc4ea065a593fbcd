/**
 * The Python AST as py-ast returns it (node shapes and field names of
 * CPython's `ast` module, `nodeType` for the class name, columns in UTF-8
 * bytes like CPython), with the few helpers the checks share.
 */

/** Any AST node; fields are read by name, as in CPython's `ast`. */
export interface PyNode {
  nodeType: string;
  lineno?: number;
  col_offset?: number;
  end_lineno?: number;
  end_col_offset?: number;
  [field: string]: unknown;
}

/** The class of a py-ast parse error (its message ends with "at line L, column C"). */
export interface PyAstError {
  message: string;
  lineno?: number;
  col_offset?: number;
}

export function isNode(value: unknown): value is PyNode {
  return typeof value === "object" && value !== null && typeof (value as PyNode).nodeType === "string";
}

/** A child node field (or undefined when absent / not a node). */
export function child(node: PyNode, field: string): PyNode | undefined {
  const value = node[field];
  return isNode(value) ? value : undefined;
}

const NONE: readonly PyNode[] = Object.freeze([]);

/** A list-of-nodes field (nulls kept out); the node's own array when it holds nothing else. */
export function children(node: PyNode, field: string): readonly PyNode[] {
  const value = node[field];
  if (!Array.isArray(value)) return NONE;
  for (let k = 0; k < value.length; k++) if (!isNode(value[k])) return value.filter(isNode) as PyNode[];
  return value as PyNode[];
}

/** A list field with its holes (Dict keys are null for `**spread`). */
export function slots(node: PyNode, field: string): (PyNode | undefined)[] {
  const value = node[field];
  return Array.isArray(value) ? value.map((v) => (isNode(v) ? v : undefined)) : [];
}

/** Every node directly below `node`, in field order. */
export function directChildren(node: PyNode): PyNode[] {
  const out: PyNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === "ctx") continue;
    const value = node[key];
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value)) for (const v of value) if (isNode(v)) out.push(v);
  }
  return out;
}

export const FUNCTION_DEFS = new Set(["FunctionDef", "AsyncFunctionDef"]);
export const COMPREHENSIONS = new Set(["ListComp", "SetComp", "DictComp", "GeneratorExp"]);

/** What kind of constant a Constant node holds (py-ast keeps bytes as text with a `b` quote style). */
export function constantKind(node: PyNode): "str" | "bytes" | "None" | "bool" | "Ellipsis" | "number" | "complex" {
  const value = node.value;
  const quote = node.quote_style;
  if (typeof quote === "string") return /b/i.test(quote) ? "bytes" : "str";
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "string") return value === "..." ? "Ellipsis" : "str";
  if (typeof value === "object") return "complex";
  return "number";
}

/** CPython's `_PyPegen_get_expr_name`: how error messages name an expression. */
export function exprName(node: PyNode): string {
  switch (node.nodeType) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
    case "TemplateStr":
      return "f-string expression";
    case "Constant": {
      const kind = constantKind(node);
      if (kind === "None") return "None";
      if (kind === "bool") return node.value ? "True" : "False";
      if (kind === "Ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    default:
      return "expression";
  }
}

/** Python's repr of a constant, for messages. */
export function constantRepr(node: PyNode): string {
  const kind = constantKind(node);
  const value = node.value;
  const quoteText = (text: string) => {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    const body = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
    return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
  };
  switch (kind) {
    case "str":
      return quoteText(String(value));
    case "bytes":
      return `b${quoteText(String(value))}`;
    case "None":
      return "None";
    case "bool":
      return value ? "True" : "False";
    case "Ellipsis":
      return "Ellipsis";
    case "complex": {
      const c = value as { real: number; imag: number };
      return c.real === 0 ? `${c.imag}j` : `(${c.real}+${c.imag}j)`;
    }
    default:
      return String(value);
  }
}
