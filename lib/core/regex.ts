/**
 * User-supplied regular expressions that cannot hang a run.
 *
 * JavaScript's RegExp backtracks: `(a+)+$` on a line of 50,000 "a"s and a
 * "b" never returns, and even `\w+\s+\w+` is quadratic on a long line. A
 * pattern from a configuration is therefore matched with RE2's linear-time
 * engine (the `re2js` package, which markdownlint itself depends on and uses
 * for the same purpose), behind the ordinary RegExp interface:
 *
 *     const re = userRegExp(source, "giu");   // a LinearRegExp
 *     re.test(text); text.matchAll(re); re.exec(text); text.replace(re, "…");
 *
 * `LinearRegExp` extends RegExp and overrides `exec`, which `test`,
 * `String.prototype.match`, `matchAll`, `replace`, `search` and `split` all
 * call, so it is a drop-in replacement for `new RegExp(source, flags)`.
 * Indexes are UTF-16 code units, as with RegExp.
 *
 * RE2 has no lookahead and no backreferences (captureless lookbehind is
 * supported): `userRegExp` falls back to RegExp for such a pattern. What
 * keeps that fallback from hanging is `regexProblem` (lib/core/options.ts), which
 * every user pattern passes first: it refuses nested unbounded quantifiers
 * whose repetitions overlap (`(a+)+`, `(?:\w+\s?)*`), the shape that makes
 * a backtracking engine exponential. So a pattern is either linear (RE2) or
 * free of the exponential shapes (RegExp with lookahead); a rule that still
 * compiles user patterns with `new RegExp` is protected from the
 * exponential cases only, not from polynomial ones like `\w+\s+\w+` on a
 * long line: use `userRegExp`.
 */
import { RE2JS } from "re2js";

/** A literal as a regular-expression source that matches exactly it. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const RE2_FLAG: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/** Compile a JavaScript pattern for RE2; throws a SyntaxError naming what RE2 does not support. */
function compileRe2(source: string, flags: string): RE2JS {
  let mask = RE2JS.LOOKBEHINDS;
  for (const f of flags) mask |= RE2_FLAG[f] ?? 0;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(source), mask);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    throw new SyntaxError(`not supported by the linear-time matcher (RE2: no lookahead, no backreferences): ${message}`);
  }
}

/** The part of re2js's Matcher used here (positions are UTF-16 indexes for string input). */
interface Re2Matcher {
  find(start?: number | null): boolean;
  start(group?: number): number;
  end(group?: number): number;
  group(group?: number): string | null;
  groupCount(): number;
}

/** A RegExp whose matching runs on RE2: time linear in the input, whatever the pattern. */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;
  #input: string | undefined;
  #matcher: Re2Matcher | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === "string" ? pattern : pattern.source;
    const f = flags ?? (typeof pattern === "string" ? "" : pattern.flags);
    if (f.includes("d")) throw new SyntaxError("the linear-time matcher does not support the d flag");
    super(source, f); // JavaScript's own syntax check; source, flags, lastIndex as usual
    this.#re2 = compileRe2(source, f);
  }

  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }

  #matcherFor(s: string): Re2Matcher {
    if (this.#input !== s || !this.#matcher) {
      this.#matcher = this.#re2.matcher(s) as unknown as Re2Matcher;
      this.#input = s;
    }
    return this.#matcher;
  }

  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    const stateful = this.global || this.sticky;
    const start = stateful ? this.lastIndex : 0;
    if (start > s.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.#matcherFor(s);
    // Sticky: a match must start at lastIndex (find scans on, so this is linear per call, not overall).
    const found = m.find(start) && (!this.sticky || m.start() === start);
    if (!found) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount();
    const result = [] as unknown as RegExpExecArray;
    for (let g = 0; g <= count; g++) result.push((m.group(g) ?? undefined) as string);
    result.index = m.start();
    result.input = s;
    const names = this.#re2.namedGroups() as Record<string, number>;
    const named = Object.keys(names);
    result.groups = named.length > 0 ? Object.fromEntries(named.map((n) => [n, result[names[n]]])) : undefined;
    if (stateful) this.lastIndex = m.end();
    return result;
  }

  /**
   * String.prototype.split, in one linear pass (the generic algorithm tries
   * a sticky match at every position). Same results: the leftmost match at
   * or after a position is the sticky match at the first position where one
   * exists.
   */
  override [Symbol.split](input: string, limit?: number): string[] {
    const s = String(input);
    const lim = limit === undefined ? 2 ** 32 - 1 : limit >>> 0;
    const out: string[] = [];
    if (lim === 0) return out;
    const m = this.#matcherFor(s);
    if (s.length === 0) return m.find(0) && m.start() === 0 ? out : [s];
    const count = m.groupCount();
    let p = 0;
    let q = 0;
    while (q < s.length) {
      if (!m.find(q)) break;
      const i = m.start();
      if (i >= s.length) break;
      const e = Math.min(m.end(), s.length);
      if (e === p) {
        q = i + (s.codePointAt(i)! > 0xffff && this.unicode ? 2 : 1);
        continue;
      }
      out.push(s.slice(p, i));
      if (out.length === lim) return out;
      for (let g = 1; g <= count; g++) {
        out.push((m.group(g) ?? undefined) as string);
        if (out.length === lim) return out;
      }
      p = e;
      q = p;
    }
    out.push(s.slice(p));
    return out;
  }
}

/**
 * Compile a pattern from a configuration: a LinearRegExp, or a RegExp for
 * a pattern RE2 cannot run (only built-in patterns get that far: user
 * patterns are validated with `regexProblem` first). Throws a SyntaxError
 * when the pattern is no JavaScript regular expression at all.
 */
export function userRegExp(source: string, flags = ""): RegExp {
  try {
    return new LinearRegExp(source, flags);
  } catch (error) {
    new RegExp(source, flags); // rethrows JavaScript's own syntax error
    if (String((error as Error).message).startsWith("not supported by the linear-time matcher")) return new RegExp(source, flags);
    throw error;
  }
}

/** Why RE2 cannot run a pattern, or undefined when it can. */
export function linearProblem(source: string, flags = "iu"): string | undefined {
  try {
    compileRe2(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Whether an atom (literal, escape, class or group source) can match the character `c`. */
function canMatch(atom: string, c: string, flags: string): boolean {
  try {
    return new RegExp(`^(?:${atom})$`, flags.replace(/[gyd]/g, "")).test(c);
  } catch {
    return true;
  }
}

/** Characters tried when comparing what two atoms can match. */
const PROBES = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), "\t", "\n", "\u00a0", "é", "ß", "Ω", "中", "😀"];

/**
 * The first characters a group can start with, when each alternative starts
 * with a literal; [] when unknown. The alternatives are split where
 * groupShape splits them, so a "|" or ")" inside a character class
 * (`(?:a[)]|b)`) is no boundary.
 */
function firstChars(group: string): string[] {
  const shape = groupShape(group, 0);
  const body = groupBody(group, 0);
  // A lookaround or modifier group, or text beyond the group: unknown.
  if (!shape || shape.close !== group.length - 1 || typeof body !== "number") return [];
  const ends = [...shape.bars.map((bar) => bar - 1), shape.close];
  const out: string[] = [];
  for (const [k, from] of [body, ...shape.bars].entries()) {
    const alt = group.slice(from, ends[k]);
    if (alt[0] === "\\" && alt.length > 1 && !/[\dA-Za-z]/.test(alt[1])) out.push(alt[1]);
    else if (alt.length > 0 && !".[]()^$|?*+{}\\".includes(alt[0])) out.push(alt[0]);
    else return [];
    if (/^\\?.[?*]|^\\?.\{0/.test(alt)) return [];
  }
  return out;
}

/** Whether a mandatory atom separates repetitions: none of the characters it matches can be matched by the repeated atoms. */
function delimits(mandatory: string, repeated: string[], flags: string): boolean {
  const chars = mandatory.startsWith("(") ? firstChars(mandatory) : PROBES.filter((c) => canMatch(mandatory, c, flags));
  if (chars.length === 0) return false;
  return chars.every((c) => repeated.every((a) => !canMatch(a, c, flags)));
}

/**
 * A quantified group holding an unbounded quantifier whose repetitions can
 * overlap, e.g. `(a+)+`, `(?:\w+\s?)*`, `(x*){2,}`,
 * `(?:[A-Z][A-Za-z0-9]*)+`: the shape that makes a backtracking engine take
 * exponential time. A group with a mandatory part none of its repeated atoms
 * can match is delimited and safe: `(?:\.\d+)*`, `(?:_[A-Z0-9]+)+`,
 * `(?:[\w.-]+/)+`, `(?:\s+(?:with|code))*`. So is a group repeated at most
 * 9 times (polynomial at worst). Returns the offending group with its
 * quantifier, or undefined. Conservative where unsure (a group with
 * alternation counts as undelimited); overlapping alternation such as
 * `(a|a)+` is not detected (RE2 handles that at match time, see userRegExp).
 */
export function nestedQuantifier(source: string, flags = "iu"): string | undefined {
  interface Group {
    start: number;
    /** Atoms under an unbounded quantifier anywhere in the body. */
    repeated: string[];
    /** Atoms of the body's own level that occur exactly once. */
    mandatory: string[];
    alternation: boolean;
  }
  const stack: Group[] = [{ start: -1, repeated: [], mandatory: [], alternation: false }];
  /** The last complete atom, until we know whether a quantifier follows it. */
  let pending: { start: number; end: number; group?: Group } | undefined;
  const settle = () => {
    if (pending) stack[stack.length - 1].mandatory.push(source.slice(pending.start, pending.end));
    pending = undefined;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      settle();
      const start = i;
      if (/[pPu]/.test(source[i + 1] ?? "") && source[i + 2] === "{") i = Math.max(i + 1, source.indexOf("}", i));
      else if (source[i + 1] === "x") i += 3;
      else if (source[i + 1] === "u") i += 5;
      else i++;
      pending = /^\\[bB]$/.test(source.slice(start, i + 1)) ? undefined : { start, end: i + 1 };
      continue;
    }
    if (c === "[") {
      settle();
      const start = i;
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      pending = { start, end: i + 1 };
      continue;
    }
    if (c === "(") {
      settle();
      stack.push({ start: i, repeated: [], mandatory: [], alternation: false });
      // Skip the group's prefix: (?: (?= (?! (?<= (?<! (?<name> (?P<name>
      const prefix = /^\?(?::|<?[=!]|P?<[^>]*>)/.exec(source.slice(i + 1, i + 64));
      if (prefix) i += prefix[0].length;
      continue;
    }
    if (c === ")") {
      settle();
      const g = stack.length > 1 ? stack.pop()! : { start: 0, repeated: [], mandatory: [], alternation: false };
      stack[stack.length - 1].repeated.push(...g.repeated);
      const lookaround = /^\(\?<?[=!]/.test(source.slice(g.start, g.start + 4));
      pending = lookaround ? undefined : { start: g.start, end: i + 1, group: g };
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i, i + 24));
    if (quantifier && pending) {
      const [q, min, comma, max] = quantifier;
      const unbounded = q === "*" || q === "+" || (comma !== undefined && max === "");
      const many = unbounded || Number(comma !== undefined ? max : min) >= 10;
      const g = pending.group;
      if (g && many && g.repeated.length > 0) {
        const delimited = !g.alternation && g.mandatory.some((m) => delimits(m, g.repeated, flags));
        if (!delimited) return source.slice(pending.start, pending.end) + q;
      }
      if (unbounded) stack[stack.length - 1].repeated.push(source.slice(pending.start, pending.end));
      // An atom that may be skipped or repeated is not mandatory; `{n}` / `{n,m}` with n ≥ 1 still is.
      if (!(q === "*" || q === "?" || min === "0") && !unbounded) stack[stack.length - 1].mandatory.push(source.slice(pending.start, pending.end));
      pending = undefined;
      i += q.length - 1;
      if (source[i + 1] === "?") i++;
      continue;
    }
    settle();
    if (c === "|") stack[stack.length - 1].alternation = true;
    else if (c !== "^" && c !== "$") pending = { start: i, end: i + 1 };
  }
  return undefined;
}

/**
 * Runs on a subject made of NULs and line breaks (no pattern of the suite
 * names either): a run of the one stops `.`, `\S` and `\s` runs of the
 * other, so each place fails after a character or two.
 */
const LONG_SUBJECT = "\0\n".repeat(500);
/** The expressions `compiledNow` has run. */
const compiled = new WeakSet<RegExp>();

/**
 * `re`, compiled to machine code now. V8 compiles an expression on its
 * first run: for a subject under 1,000 characters to bytecode for its
 * interpreter, then again to machine code on the second run ("tier-up");
 * for a longer subject straight to machine code. One first run on a long
 * subject therefore spares an expression the bytecode compilation (and
 * its interpreted run), which in a fresh process, such as a commit hook's,
 * is most of what the suite's large expressions cost
 * (docs/performance.md). Callable on every use: only the first call on an
 * expression runs it (and sets its `lastIndex` to 0). A LinearRegExp (RE2)
 * is returned as it is.
 */
export function compiledNow<R extends RegExp>(re: R): R {
  if (re instanceof LinearRegExp || compiled.has(re)) return re;
  compiled.add(re);
  re.lastIndex = 0;
  re.test(LONG_SUBJECT);
  re.lastIndex = 0;
  return re;
}

/**
 * A pattern from a rule's options: a rule's own default patterns run on
 * JavaScript's engine (they are reviewed and may use look-behind), anything
 * a user configured runs through `userRegExp` (linear time where RE2 can run
 * it). `flags` must be those the option was validated with.
 */
export function optionRegExp(source: string, flags: string, defaults: ReadonlySet<string> | readonly string[]): RegExp {
  const own = "has" in defaults ? defaults.has(source) : defaults.includes(source);
  return own ? new RegExp(fastWordStarts(source), flags) : userRegExp(source, flags);
}

/**
 * A pattern source with every `\b` that is followed by a word character
 * written as `(?<!\w)`: the same matches, several times faster under the
 * `i` and `u` flags together, where V8 runs `\b` on a slow path that also
 * keeps it from scanning for the literal after it (docs/performance.md
 * has the measurement on guide prose).
 *
 * Exact: before a character that is a word character, `\b` holds exactly
 * when the character before is not one, and `\w` and `\b` use the same word
 * characters under any flags (with `i` and `u`, ſ and the Kelvin sign K
 * too). Only the plain cases are rewritten: `\b` right before an ASCII
 * letter, digit or `_` written literally, a class of them (`[1-5]`), `\d`
 * or `\w`, or before a group whose every alternative starts so; when that
 * is made optional (`?`, `*`, `{0,…}`), what follows it must start so too;
 * a lookaround between is skipped (it matches no character). Any other
 * `\b` is kept as written.
 */
export function fastWordStarts(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      if (!inClass && source[i + 1] === "b" && startsWithWord(source, i + 2)) out += "(?<!\\w)";
      else out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    out += c;
  }
  return out;
}

/** Whether a match of `source` from `at` must start with a word character (see fastWordStarts). */
function startsWithWord(source: string, at: number): boolean {
  const c = source[at];
  let end: number;
  if (c !== undefined && /[A-Za-z0-9_]/.test(c)) end = at + 1;
  else if (c === "\\" && (source[at + 1] === "d" || source[at + 1] === "w")) end = at + 2;
  else if (c === "[") {
    // A class of ASCII letters, digits, `_` and ranges of them ("[1-5]").
    const word = /^\[(?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?)+\]/.exec(source.slice(at));
    if (!word) return false;
    end = at + word[0].length;
  } else if (c === "(") {
    const group = groupShape(source, at);
    if (!group) return false;
    const body = groupBody(source, at);
    // A lookaround matches nothing: the match starts with what follows it.
    if (body === "lookaround") return startsWithWord(source, group.close + 1);
    if (body === undefined) return false; // a modifier group
    if (![body, ...group.bars].every((start) => startsWithWord(source, start))) return false;
    end = group.close + 1;
  } else return false;
  // Made optional: the match may start there or with what follows.
  const optional = /^(?:[?*]|\{0+(?:,\d*)?\})\??/.exec(source.slice(end));
  return !optional || startsWithWord(source, end + optional[0].length);
}

/**
 * Where the body of the group opened at `open` starts: after `(`, `(?:` or
 * `(?<name>`; "lookaround" for `(?=`, `(?!`, `(?<=`, `(?<!`; undefined for
 * any other `(?` group (a modifier).
 */
function groupBody(source: string, open: number): number | "lookaround" | undefined {
  const at = open + 1;
  if (source[at] !== "?") return at;
  if (source[at + 1] === ":") return at + 2;
  if (source[at + 1] === "<" && /[A-Za-z_$]/.test(source[at + 2] ?? "")) return source.indexOf(">", at) + 1;
  if (/^(?:[=!]|<[=!])/.test(source.slice(at + 1, at + 3))) return "lookaround";
  return undefined;
}

/**
 * The group opened at `open`: the index of its closing `)` and where each of
 * its top-level alternatives after the first starts (after each `|`), in one
 * pass; undefined when the group is not closed.
 */
function groupShape(source: string, open: number): { close: number; bars: number[] } | undefined {
  const bars: number[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return { close: i, bars };
    else if (c === "|" && depth === 1) bars.push(i + 1);
  }
  return undefined;
}
