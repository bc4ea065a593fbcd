/**
 * A tokenizer that follows CPython 3.11's `Parser/tokenizer.c`: the same
 * tokens (NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER; no
 * comments, no NL), the same indentation rules (tab stops of 8 checked
 * against tab stops of 1, which is where TabError comes from) and the same
 * lexical errors with CPython's messages. In 3.11 an f-string is one STRING
 * token that ends at the first matching quote; its inside is checked later
 * (see fstring.ts).
 *
 * Errors come in two kinds, as in CPython: `raised` errors (invalid
 * characters and literals, unterminated strings, unmatched brackets) are
 * reported even when the parser fails earlier in the file, because CPython
 * tokenizes the rest of the source after a parse error and lets such an
 * error win; the others (TabError, bad dedent, a stray line continuation)
 * only count when the parser gets that far.
 */
import { partitionPoint } from "../core/search.js";

export type TokenType = "NAME" | "NUMBER" | "STRING" | "OP" | "NEWLINE" | "INDENT" | "DEDENT" | "ENDMARKER";

export interface Token {
  type: TokenType;
  /** Source text of the token ("" for NEWLINE at EOF, INDENT, DEDENT, ENDMARKER). */
  value: string;
  /** Offsets into the source (UTF-16 code units). */
  start: number;
  end: number;
  /** 1-based line of the token's start and end. */
  line: number;
  endLine: number;
}

export interface TokenizerError {
  /** CPython's message with its exception class, e.g. "TabError: inconsistent use of tabs and spaces in indentation". */
  message: string;
  line: number;
  /** Offset into the source where the error was found. */
  offset: number;
  /** Whether the error wins over a parser error found earlier in the file. */
  raised: boolean;
}

export interface Bracket {
  char: string;
  line: number;
  offset: number;
}

export interface TokenizeResult {
  tokens: Token[];
  /** The first lexical error; tokens stop there. */
  error: TokenizerError | undefined;
  /** The innermost bracket still open at the end of the source. */
  unclosed: Bracket | undefined;
  /** Offset of the first character of each line (index 0 is line 1). */
  lineStarts: number[];
}

const TAB_SIZE = 8;
const MAX_INDENT = 100;
const MAX_LEVEL = 200;

const THREE_CHAR_OPS = new Set(["**=", "...", "//=", "<<=", ">>="]);
const TWO_CHAR_OPS = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|=",
]);
const CLOSING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHexDigit = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isIdentStart = (c: string | undefined) =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c.charCodeAt(0) >= 128);
const isIdentChar = (c: string | undefined) => isIdentStart(c) || isDigit(c);

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Py_UNICODE_ISPRINTABLE: everything but control, format, separator and unassigned characters (space is printable). */
export function isPrintable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x20 && code < 0x7f;
  return !NOT_PRINTABLE.test(ch);
}

function hex(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
}

/** The first character that keeps `name` from being an identifier (PEP 3131), or undefined. */
export function invalidIdentifierChar(name: string): string | undefined {
  let first = true;
  for (const ch of name) {
    const ok = first ? ch === "_" || /\p{XID_Start}/u.test(ch) : /\p{XID_Continue}/u.test(ch);
    if (!ok) return ch;
    first = false;
  }
  return undefined;
}

/** Tokenize Python source the way CPython 3.11 does, stopping at the first lexical error. */
export function tokenize(source: string): TokenizeResult {
  // CPython reads the last line as if it ended with a newline.
  const text = source.length === 0 || source.endsWith("\n") ? source : `${source}\n`;
  const n = text.length;
  const lineStarts = [0];
  for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 10 && k + 1 < n) lineStarts.push(k + 1);

  const tokens: Token[] = [];
  let error: TokenizerError | undefined;
  let unclosed: Bracket | undefined;

  let i = 0;
  let line = 1;
  let atbol = true;
  let blankline = false;
  const indents = [0];
  const altIndents = [0];
  const brackets: Bracket[] = [];

  const fail = (message: string, raised: boolean, errLine = line, offset = i) => {
    error = { message, line: errLine, offset, raised };
  };
  const push = (type: TokenType, start: number, end: number, startLine: number) => {
    tokens.push({ type, value: text.slice(start, end), start, end, line: startLine, endLine: line });
  };

  main: for (;;) {
    if (atbol) {
      atbol = false;
      blankline = false;
      let col = 0;
      let altcol = 0;
      for (;;) {
        const c = text[i];
        if (c === " ") {
          col++;
          altcol++;
        } else if (c === "\t") {
          col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
          altcol++;
        } else if (c === "\f") {
          col = altcol = 0;
        } else break;
        i++;
      }
      const c = text[i];
      if (c === "#" || c === "\n") blankline = true;
      if (!blankline && brackets.length === 0) {
        const top = indents[indents.length - 1];
        const altTop = altIndents[altIndents.length - 1];
        if (col === top) {
          if (altcol !== altTop) {
            fail("TabError: inconsistent use of tabs and spaces in indentation", false);
            break;
          }
        } else if (col > top) {
          if (indents.length >= MAX_INDENT) {
            fail("IndentationError: too many levels of indentation", false);
            break;
          }
          if (altcol <= altTop) {
            fail("TabError: inconsistent use of tabs and spaces in indentation", false);
            break;
          }
          indents.push(col);
          altIndents.push(altcol);
          push("INDENT", i, i, line);
        } else {
          while (indents.length > 1 && col < indents[indents.length - 1]) {
            indents.pop();
            altIndents.pop();
            push("DEDENT", i, i, i >= n ? Math.max(1, line - 1) : line);
          }
          if (col !== indents[indents.length - 1]) {
            fail("IndentationError: unindent does not match any outer indentation level", false);
            break;
          }
          if (altcol !== altIndents[altIndents.length - 1]) {
            fail("TabError: inconsistent use of tabs and spaces in indentation", false);
            break;
          }
        }
      }
    }

    // Skip spaces and a comment.
    while (text[i] === " " || text[i] === "\t" || text[i] === "\f") i++;
    if (text[i] === "#") while (i < n && text[i] !== "\n") i++;

    const start = i;
    const startLine = line;
    if (i >= n) {
      if (brackets.length > 0) {
        unclosed = brackets[brackets.length - 1];
        break;
      }
      // CPython's line counter stays on the last line at the end of the file.
      line = Math.max(1, line - 1);
      for (let k = 1; k < indents.length; k++) push("DEDENT", i, i, line);
      push("ENDMARKER", i, i, line);
      break;
    }
    const c = text[i];

    if (isIdentStart(c)) {
      // String prefixes: any order of b, r, u, f that CPython accepts.
      let sawB = false;
      let sawR = false;
      let sawU = false;
      let sawF = false;
      let j = i;
      for (;;) {
        const ch = text[j];
        if (!(sawB || sawU || sawF) && (ch === "b" || ch === "B")) sawB = true;
        else if (!(sawB || sawU || sawR || sawF) && (ch === "u" || ch === "U")) sawU = true;
        else if (!(sawR || sawU) && (ch === "r" || ch === "R")) sawR = true;
        else if (!(sawF || sawB || sawU) && (ch === "f" || ch === "F")) sawF = true;
        else break;
        j++;
        if (text[j] === '"' || text[j] === "'") {
          i = j;
          if (!readString(start)) break main;
          continue main;
        }
      }
      let nonAscii = false;
      j = i;
      while (j < n) {
        const cp = text.codePointAt(j)!;
        const ch = String.fromCodePoint(cp);
        if (!isIdentChar(ch)) break;
        if (cp >= 128) nonAscii = true;
        j += ch.length;
      }
      i = j;
      if (nonAscii) {
        const bad = invalidIdentifierChar(text.slice(start, j));
        if (bad !== undefined) {
          fail(
            isPrintable(bad)
              ? `SyntaxError: invalid character '${bad}' (U+${hex(bad)})`
              : `SyntaxError: invalid non-printable character U+${hex(bad)}`,
            true,
            line,
            start,
          );
          break;
        }
      }
      push("NAME", start, i, startLine);
      continue;
    }

    if (c === "\n") {
      i++;
      if (!blankline && brackets.length === 0) push("NEWLINE", start, i, startLine);
      line++;
      atbol = true;
      continue;
    }

    if (c === "." && !isDigit(text[i + 1])) {
      i += text.startsWith("...", i) ? 3 : 1;
      push("OP", start, i, startLine);
      continue;
    }

    if (isDigit(c) || c === ".") {
      if (!readNumber()) break;
      push("NUMBER", start, i, startLine);
      continue;
    }

    if (c === "'" || c === '"') {
      if (!readString(start)) break;
      continue;
    }

    if (c === "\\") {
      if (text[i + 1] !== "\n") {
        fail("SyntaxError: unexpected character after line continuation character", false);
        break;
      }
      i += 2;
      line++;
      if (i >= n) {
        fail("SyntaxError: unexpected EOF while parsing", false, line - 1);
        break;
      }
      continue;
    }

    const three = text.slice(i, i + 3);
    const two = text.slice(i, i + 2);
    if (THREE_CHAR_OPS.has(three)) {
      i += 3;
      push("OP", start, i, startLine);
      continue;
    }
    if (TWO_CHAR_OPS.has(two)) {
      i += 2;
      push("OP", start, i, startLine);
      continue;
    }

    if (c === "(" || c === "[" || c === "{") {
      if (brackets.length >= MAX_LEVEL) {
        fail("SyntaxError: too many nested parentheses", true);
        break;
      }
      brackets.push({ char: c, line, offset: i });
    } else if (c === ")" || c === "]" || c === "}") {
      const open = brackets.pop();
      if (!open) {
        fail(`SyntaxError: unmatched '${c}'`, true);
        break;
      }
      if (open.char !== CLOSING[c]) {
        fail(
          open.line !== line
            ? `SyntaxError: closing parenthesis '${c}' does not match opening parenthesis '${open.char}' on line ${open.line}`
            : `SyntaxError: closing parenthesis '${c}' does not match opening parenthesis '${open.char}'`,
          true,
        );
        break;
      }
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!isPrintable(ch)) {
      fail(`SyntaxError: invalid non-printable character U+${hex(ch)}`, true);
      break;
    }
    i += ch.length;
    push("OP", start, i, startLine);
  }

  return { tokens, error, unclosed, lineStarts };

  /** A string literal whose opening quote is at `i` (prefix from `start`); pushes the token. */
  function readString(start: number): boolean {
    const startLine = line;
    const quote = text[i];
    let quoteSize = 1;
    let endQuoteSize = 0;
    i++;
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        quoteSize = 3;
        i += 2;
      } else {
        endQuoteSize = 1;
        i++;
      }
    }
    while (endQuoteSize !== quoteSize) {
      if (i >= n || (quoteSize === 1 && text[i] === "\n")) {
        const detected = i >= n ? line - 1 : line;
        fail(
          quoteSize === 3
            ? `SyntaxError: unterminated triple-quoted string literal (detected at line ${detected})`
            : `SyntaxError: unterminated string literal (detected at line ${detected})`,
          true,
          startLine,
          start,
        );
        return false;
      }
      const ch = text[i++];
      if (ch === "\n") line++;
      if (ch === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (ch === "\\" && i < n) {
          if (text[i] === "\n") line++;
          i++;
        }
      }
    }
    push("STRING", start, i, startLine);
    return true;
  }

  /** A number at `i` (a digit, or a '.' before a digit); false after an error. */
  function readNumber(): boolean {
    let c = text[i];
    const decimalTail = (): boolean => {
      for (;;) {
        while (isDigit(text[i])) i++;
        if (text[i] !== "_") return true;
        i++;
        if (!isDigit(text[i])) {
          fail("SyntaxError: invalid decimal literal", true);
          return false;
        }
      }
    };
    const endOfNumber = (kind: string): boolean => {
      const ch = text[i];
      const rest = text.slice(i + 1, i + 4);
      let keyword = false;
      if (ch === "a") keyword = rest.startsWith("nd");
      else if (ch === "e") keyword = rest.startsWith("lse");
      else if (ch === "f") keyword = rest.startsWith("or");
      else if (ch === "i") keyword = rest[0] === "f" || rest[0] === "n" || rest[0] === "s";
      else if (ch === "o") keyword = rest.startsWith("r");
      else if (ch === "n") keyword = rest.startsWith("ot");
      if (!keyword && isIdentChar(ch)) {
        fail(`SyntaxError: invalid ${kind} literal`, true);
        return false;
      }
      return true;
    };
    const exponentOrImaginary = (): boolean => {
      if (text[i] === "e" || text[i] === "E") {
        const e = i;
        i++;
        if (text[i] === "+" || text[i] === "-") {
          i++;
          if (!isDigit(text[i])) {
            fail("SyntaxError: invalid decimal literal", true);
            return false;
          }
        } else if (!isDigit(text[i])) {
          i = e;
          return endOfNumber("decimal");
        }
        if (!decimalTail()) return false;
      }
      if (text[i] === "j" || text[i] === "J") {
        i++;
        return endOfNumber("imaginary");
      }
      return endOfNumber("decimal");
    };
    const fraction = (): boolean => {
      // At the character after '.'.
      if (isDigit(text[i]) && !decimalTail()) return false;
      return exponentOrImaginary();
    };

    if (c === ".") {
      i++;
      return fraction();
    }
    if (c === "0") {
      i++;
      c = text[i];
      const radix = (digits: (ch: string | undefined) => boolean, kind: string, maxDigit: string | undefined): boolean => {
        i++;
        do {
          if (text[i] === "_") i++;
          if (!digits(text[i])) {
            if (maxDigit !== undefined && isDigit(text[i])) {
              fail(`SyntaxError: invalid digit '${text[i]}' in ${kind} literal`, true);
            } else {
              fail(`SyntaxError: invalid ${kind} literal`, true);
            }
            return false;
          }
          while (digits(text[i])) i++;
        } while (text[i] === "_");
        if (maxDigit !== undefined && isDigit(text[i])) {
          fail(`SyntaxError: invalid digit '${text[i]}' in ${kind} literal`, true);
          return false;
        }
        return endOfNumber(kind);
      };
      if (c === "x" || c === "X") return radix(isHexDigit, "hexadecimal", undefined);
      if (c === "o" || c === "O") return radix((ch) => ch !== undefined && ch >= "0" && ch <= "7", "octal", "7");
      if (c === "b" || c === "B") return radix((ch) => ch === "0" || ch === "1", "binary", "1");
      let nonzero = false;
      for (;;) {
        if (text[i] === "_") {
          i++;
          if (!isDigit(text[i])) {
            fail("SyntaxError: invalid decimal literal", true);
            return false;
          }
        }
        if (text[i] !== "0") break;
        i++;
      }
      if (isDigit(text[i])) {
        nonzero = true;
        if (!decimalTail()) return false;
      }
      if (text[i] === ".") {
        i++;
        return fraction();
      }
      if (text[i] === "e" || text[i] === "E" || text[i] === "j" || text[i] === "J") return exponentOrImaginary();
      if (nonzero) {
        fail(
          "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          true,
        );
        return false;
      }
      return endOfNumber("decimal");
    }
    if (!decimalTail()) return false;
    if (text[i] === ".") {
      i++;
      return fraction();
    }
    return exponentOrImaginary();
  }
}

/** The 1-based line holding a source offset. */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  return Math.max(1, partitionPoint(lineStarts.length, (i) => lineStarts[i] <= offset));
}
