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
 * supported). `regexProblem` (lib/options.ts) only accepts user patterns
 * RE2 can run, and also refuses nested unbounded quantifiers (`(a+)+`),
 * which is what makes a backtracking engine exponential, so a rule that
 * still compiles user patterns with `new RegExp` cannot be hung by the
 * classic catastrophic patterns either. A rule's own built-in patterns may
 * use lookahead: `userRegExp` falls back to RegExp for a pattern RE2 cannot
 * compile, which only a trusted (built-in, never user-supplied) pattern can
 * reach, since configuration goes through `regexProblem` first.
 */
import { RE2JS } from "re2js";

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

/**
 * A quantified group that itself holds an unbounded quantifier, e.g.
 * `(a+)+`, `(?:\w+\s?)*`, `(x*){2,}`: the shape that makes a backtracking
 * engine take exponential time. Returns the offending group's text, or
 * undefined. (Lookarounds count as groups; character classes and escapes
 * are skipped.)
 */
export function nestedQuantifier(source: string): string | undefined {
  // For each open group: where it starts and whether it holds an unbounded quantifier.
  const stack: { start: number; unbounded: boolean }[] = [];
  let lastGroup: { start: number; unbounded: boolean; end: number } | undefined;
  const markUnbounded = () => {
    for (const g of stack) g.unbounded = true;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      lastGroup = undefined;
      continue;
    }
    if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      lastGroup = undefined;
      continue;
    }
    if (c === "(") {
      stack.push({ start: i, unbounded: false });
      lastGroup = undefined;
      continue;
    }
    if (c === ")") {
      const g = stack.pop();
      lastGroup = g ? { ...g, end: i } : undefined;
      continue;
    }
    const quantifier = /^(?:[*+]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i, i + 24));
    if (quantifier) {
      const [q, min, comma, max] = quantifier;
      const unbounded = q === "*" || q === "+" || (comma !== undefined && max === "");
      const repeats = unbounded || Number(comma !== undefined ? max : min) > 1;
      if (lastGroup && repeats && lastGroup.unbounded) return source.slice(lastGroup.start, lastGroup.end + 1) + q;
      if (unbounded) markUnbounded();
      i += q.length - 1;
      if (source[i + 1] === "?") i++;
      lastGroup = undefined;
      continue;
    }
    lastGroup = undefined;
  }
  return undefined;
}
