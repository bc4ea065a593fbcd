/**
 * String literal checks CPython 3.11 makes while parsing (Parser/string_parser.c
 * and the escape decoders): bytes holding non-ASCII characters, truncated
 * `\x`, `\u`, `\U` escapes, malformed `\N{...}`, mixing bytes with str in an
 * implicit concatenation, and the whole of the 3.11 f-string grammar (in
 * 3.11 an f-string is one token whose inside is scanned here, with the
 * limits 3.12 lifted: no backslash or `#` in an expression, no reuse of the
 * enclosing quote, expressions nested at most two deep).
 *
 * Unicode character names in `\N{...}` are not looked up (no name database
 * ships with Node.js); a well-formed name is accepted.
 */

/** A string token split into its parts. */
export interface StringLiteral {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** Text between the quotes. */
  body: string;
}

/** Split a STRING token (prefix, quotes, body). */
export function splitString(token: string): StringLiteral {
  let k = 0;
  while (token[k] !== '"' && token[k] !== "'") k++;
  const prefix = token.slice(0, k).toLowerCase();
  const quote = token[k];
  const triple = token.startsWith(quote.repeat(3), k) && token.length - k >= 6;
  const q = triple ? 3 : 1;
  return {
    bytes: prefix.includes("b"),
    raw: prefix.includes("r"),
    fstring: prefix.includes("f"),
    body: token.slice(k + q, token.length - q),
  };
}

const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Length CPython's decoder gives a stretch of text: non-ASCII characters become 10-byte `\Uxxxxxxxx` escapes. */
function decodedLength(text: string): number {
  let length = 0;
  for (const ch of text) length += ch.codePointAt(0)! < 128 ? 1 : 10;
  return length;
}

/**
 * Check the escapes of a non-raw literal body (or one literal stretch of an
 * f-string); returns CPython's message for the first bad escape.
 */
export function checkEscapes(body: string, bytes: boolean): string | undefined {
  for (let k = 0; k < body.length; k++) {
    if (body[k] !== "\\") continue;
    const start = k;
    const kind = body[k + 1];
    if (kind === undefined) return undefined;
    k++;
    const unicodeError = (reason: string, end: number) =>
      `SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position ${decodedLength(body.slice(0, start))}-${decodedLength(body.slice(0, start)) + end - start}: ${reason}`;
    if (kind === "x") {
      let digits = 0;
      while (digits < 2 && isHex(body[k + 1 + digits])) digits++;
      if (digits < 2) {
        return bytes
          ? `SyntaxError: (value error) invalid \\x escape at position ${start}`
          : unicodeError("truncated \\xXX escape", k + digits);
      }
      k += 2;
    } else if (!bytes && (kind === "u" || kind === "U")) {
      const want = kind === "u" ? 4 : 8;
      let digits = 0;
      while (digits < want && isHex(body[k + 1 + digits])) digits++;
      if (digits < want) {
        return unicodeError(kind === "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape", k + digits);
      }
      if (kind === "U" && Number.parseInt(body.slice(k + 1, k + 9), 16) > 0x10ffff) {
        return unicodeError("illegal Unicode character", k + 8);
      }
      k += want;
    } else if (!bytes && kind === "N") {
      const close = body[k + 1] === "{" ? body.indexOf("}", k + 2) : -1;
      if (close < 0 || close === k + 2) {
        const end = close < 0 ? (body[k + 1] === "{" ? body.length - 1 : k) : k + 1;
        return unicodeError("malformed \\N character escape", end);
      }
      if (!/^[A-Za-z0-9 \-]+$/.test(body.slice(k + 2, close))) return unicodeError("unknown Unicode character name", close);
      k = close;
    }
    // Any other escape is valid (unknown ones only warn in 3.11).
  }
  return undefined;
}

/** What parsing a replacement field gave: CPython's message, and whether the tokenizer raised it. */
export interface FieldError {
  message: string;
  tokenizer: boolean;
}

/** A problem of a run of string tokens. */
export interface StringRunProblem {
  message: string;
  /** Index (in the run) of the token at fault. */
  token: number;
  /**
   * For an error inside a replacement field, the offset of the field's
   * expression in the token's text (CPython reports the field's line);
   * otherwise undefined (CPython reports the token after the run).
   */
  fieldOffset?: number;
}

/**
 * Check one run of adjacent STRING tokens (an implicit concatenation) the way
 * `_PyPegen_concatenate_strings` does, token by token. `parseExpression`
 * parses an f-string replacement field (the text between the braces, wrapped
 * in parentheses).
 */
export function checkStringRun(tokens: readonly string[], parseExpression: (source: string) => FieldError | undefined): StringRunProblem | undefined {
  let bytesMode: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const literal = splitString(token);
    if (literal.bytes && !literal.fstring) {
      for (const ch of literal.body) {
        if (ch.codePointAt(0)! >= 128) return { message: "SyntaxError: bytes can only contain ASCII literal characters", token: i };
      }
    }
    if (!literal.fstring && !literal.raw) {
      const problem = checkEscapes(literal.body, literal.bytes);
      if (problem) return { message: problem, token: i };
    }
    if (bytesMode !== undefined && bytesMode !== literal.bytes) return { message: "SyntaxError: cannot mix bytes and nonbytes literals", token: i };
    bytesMode = literal.bytes;
    if (literal.fstring) {
      const spans: [number, number][] = [];
      let field: number | undefined;
      const problem = checkFString(literal.body, literal.raw, parseExpression, spans, (start) => (field = start));
      if (problem) return { message: problem, token: i, fieldOffset: field === undefined ? undefined : bodyStart(token) + field };
    }
  }
  return undefined;
}

/** Offset of a string token's body (after prefix and opening quotes). */
export function bodyStart(token: string): number {
  const quote = token.search(/['"]/);
  return quote + (token.startsWith(token[quote].repeat(3), quote) && token.length - quote >= 6 ? 3 : 1);
}

const MAX_LEVEL = 200;

/** Scan an f-string body as 3.11's fstring_find_literal / fstring_find_expr do. */
export function checkFString(
  body: string,
  raw: boolean,
  parseExpression: (source: string) => FieldError | undefined,
  /** Receives the [start, end) offsets of every replacement field's expression. */
  spans?: [number, number][],
  /** Told the offset of the field whose expression does not parse. */
  onFieldError?: (start: number) => void,
): string | undefined {
  const end = body.length;
  let pos = 0;

  const fail = (message: string) => {
    throw new FStringError(message);
  };

  /** Returns true when a doubled brace was consumed (the caller goes on scanning). */
  const findLiteral = (level: number): boolean => {
    const literalStart = pos;
    let s = pos;
    let doubled = false;
    while (s < end) {
      let ch = body[s++];
      if (!raw && ch === "\\" && s < end) {
        ch = body[s++];
        if (ch === "N") {
          if (s < end && body[s++] === "{") {
            while (s < end && body[s++] !== "}") {
              // skip the character name
            }
            continue;
          }
          break;
        }
      }
      if (ch === "{" || ch === "}") {
        if (level === 0) {
          if (s < end && body[s] === ch) {
            pos = s + 1;
            doubled = true;
            break;
          }
          if (ch === "}") fail("SyntaxError: f-string: single '}' is not allowed");
        }
        s--;
        break;
      }
    }
    if (!doubled) pos = s;
    if (!raw) {
      const problem = checkEscapes(body.slice(literalStart, doubled ? pos - 1 : s), false);
      if (problem) fail(problem);
    }
    return doubled;
  };

  const findExpression = (level: number) => {
    if (level >= 2) fail("SyntaxError: f-string: expressions nested too deeply");
    pos++;
    const exprStart = pos;
    let quote = "";
    let stringType = 0;
    const stack: string[] = [];
    for (; pos < end; pos++) {
      const ch = body[pos];
      if (ch === "\\") fail("SyntaxError: f-string expression part cannot include a backslash");
      if (quote) {
        if (ch === quote) {
          if (stringType === 3) {
            if (pos + 2 < end && body[pos + 1] === ch && body[pos + 2] === ch) {
              pos += 2;
              stringType = 0;
              quote = "";
            }
          } else {
            stringType = 0;
            quote = "";
          }
        }
        continue;
      }
      if (ch === "'" || ch === '"') {
        if (pos + 2 < end && body[pos + 1] === ch && body[pos + 2] === ch) {
          stringType = 3;
          pos += 2;
        } else stringType = 1;
        quote = ch;
      } else if (ch === "[" || ch === "{" || ch === "(") {
        if (stack.length >= MAX_LEVEL) fail("SyntaxError: f-string: too many nested parenthesis");
        stack.push(ch);
      } else if (ch === "#") {
        fail("SyntaxError: f-string expression part cannot include '#'");
      } else if (stack.length === 0 && "!:}=<>".includes(ch)) {
        if (pos + 1 < end) {
          const next = body[pos + 1];
          if (next === "=" && (ch === "!" || ch === "=" || ch === "<" || ch === ">")) {
            pos++;
            continue;
          }
          if (ch === ">" || ch === "<") continue;
        }
        break;
      } else if (ch === "]" || ch === "}" || ch === ")") {
        const opening = stack.pop();
        if (!opening) fail(`SyntaxError: f-string: unmatched '${ch}'`);
        if ((opening === "(" && ch !== ")") || (opening === "[" && ch !== "]") || (opening === "{" && ch !== "}")) {
          fail(`SyntaxError: f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
        }
      }
    }
    const exprEnd = pos;
    if (quote) fail("SyntaxError: f-string: unterminated string");
    if (stack.length > 0) fail(`SyntaxError: f-string: unmatched '${stack[stack.length - 1]}'`);
    if (pos >= end) fail("SyntaxError: f-string: expecting '}'");
    const expression = body.slice(exprStart, exprEnd);
    spans?.push([exprStart, exprEnd]);
    if (/^[ \t\n\f]*$/.test(expression)) fail("SyntaxError: f-string: empty expression not allowed");
    const problem = parseExpression(`(${expression})`);
    if (problem) {
      onFieldError?.(exprStart);
      fail(problem.tokenizer ? problem.message : problem.message.replace(/^(\w+Error): /, "$1: f-string: "));
    }
    if (body[pos] === "=") {
      pos++;
      while (pos < end && /[ \t\n\r\v\f]/.test(body[pos])) pos++;
    }
    if (body[pos] === "!") {
      pos++;
      if (pos >= end) fail("SyntaxError: f-string: expecting '}'");
      const conversion = body[pos++];
      if (conversion !== "s" && conversion !== "r" && conversion !== "a") {
        fail("SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    if (pos >= end) fail("SyntaxError: f-string: expecting '}'");
    if (body[pos] === ":") {
      pos++;
      if (pos >= end) fail("SyntaxError: f-string: expecting '}'");
      parse(level + 1);
    }
    if (pos >= end || body[pos] !== "}") fail("SyntaxError: f-string: expecting '}'");
    pos++;
  };

  const parse = (level: number) => {
    for (;;) {
      if (findLiteral(level)) continue;
      if (pos >= end || body[pos] === "}") break;
      findExpression(level);
    }
    if (level !== 0 && body[pos] !== "}") fail("SyntaxError: f-string: expecting '}'");
  };

  try {
    parse(0);
  } catch (error) {
    if (error instanceof FStringError) return error.message;
    throw error;
  }
  return undefined;
}

class FStringError extends Error {}
