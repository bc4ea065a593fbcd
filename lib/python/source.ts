/**
 * Positions: AST nodes carry (line, UTF-8 byte column) as CPython does; the
 * tokens carry string offsets. SourceIndex converts between them and finds
 * the tokens around a node.
 */
import { partitionPoint } from "../core/search.js";
import type { PyNode } from "./ast.js";
import type { Token } from "./tokenizer.js";

/** Keywords after which "(" opens a group, not a call. */
const KEYWORDS = new Set([
  "and", "as", "assert", "async", "await", "del", "elif", "else", "except", "for", "from", "if", "import", "in", "is",
  "lambda", "not", "or", "raise", "return", "while", "with", "yield", "match", "case",
]);

export class SourceIndex {
  private readonly lineText: string[] = [];
  /** Per line: 1 when every character is ASCII (a byte column is then a string column), 0 when not. */
  private readonly lineAscii: number[] = [];
  /** Whether any offset range was rewritten. */
  readonly hasOpaque: boolean;

  constructor(
    readonly text: string,
    readonly lineStarts: readonly number[],
    readonly tokens: readonly Token[],
    /** Characters removed at the start of a line before parsing (form feeds), by line. */
    private readonly shifts: ReadonlyMap<number, number> = new Map(),
    /** Offset ranges the parser saw rewritten (f-strings parsed as tuples): no token checks there. */
    private readonly opaqueRanges: readonly (readonly [number, number])[] = [],
  ) {
    this.hasOpaque = opaqueRanges.length > 0;
  }

  /** Whether an offset lies in a rewritten range. */
  opaque(offset: number): boolean {
    return this.opaqueRanges.some(([from, to]) => offset >= from && offset < to);
  }

  private line(line: number): string {
    let text = this.lineText[line];
    if (text === undefined) {
      const start = this.lineStarts[line - 1] ?? this.text.length;
      const end = this.lineStarts[line] ?? this.text.length;
      text = this.text.slice(start + (this.shifts.get(line) ?? 0), end);
      this.lineText[line] = text;
    }
    return text;
  }

  /** String offset of (line, UTF-8 byte column). */
  offset(line: number, byteColumn: number): number {
    const start = (this.lineStarts[line - 1] ?? this.text.length) + (this.shifts.get(line) ?? 0);
    const text = this.line(line);
    let ascii = this.lineAscii[line];
    if (ascii === undefined) this.lineAscii[line] = ascii = /^[\x00-\x7f]*$/.test(text) ? 1 : 0;
    if (ascii === 1) return start + Math.min(byteColumn, text.length);
    let bytes = 0;
    let k = 0;
    while (k < text.length && bytes < byteColumn) {
      const cp = text.codePointAt(k)!;
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      k += cp > 0xffff ? 2 : 1;
    }
    return start + k;
  }

  start(node: PyNode): number {
    return this.offset(node.lineno ?? 1, node.col_offset ?? 0);
  }

  end(node: PyNode): number {
    return this.offset(node.end_lineno ?? node.lineno ?? 1, node.end_col_offset ?? node.col_offset ?? 0);
  }

  /** Index of the first token starting at or after `offset`. */
  tokenAtOrAfter(offset: number): number {
    return partitionPoint(this.tokens.length, (i) => this.tokens[i].start < offset);
  }

  /** The significant token (not INDENT/DEDENT/NEWLINE) before token `index`. */
  previous(index: number): Token | undefined {
    for (let k = index - 1; k >= 0; k--) {
      const t = this.tokens[k];
      if (t.type !== "INDENT" && t.type !== "DEDENT") return t;
    }
    return undefined;
  }

  /** Whether a node is wrapped in its own pair of parentheses (not a call's). */
  parenthesized(node: PyNode): boolean {
    const first = this.tokenAtOrAfter(this.start(node));
    const after = this.tokenAtOrAfter(this.end(node));
    const before = first > 0 ? this.tokens[first - 1] : undefined;
    const next = this.tokens[after];
    if (before?.value !== "(" || next?.value !== ")") return false;
    // `f(x)`: the parentheses of a call, unless what precedes is a keyword (`if (x)`).
    const prev = first > 1 ? this.tokens[first - 2] : undefined;
    if (!prev) return true;
    if (prev.type === "NAME") return KEYWORDS.has(prev.value);
    return !(prev.type === "OP" && (prev.value === ")" || prev.value === "]")) && prev.type !== "STRING";
  }
}
