/**
 * Option validation. Each rule declares its options as a small schema next to
 * the rule; `readOptions` checks the user's configuration against it and
 * returns either the merged options or a list of problems, each naming the
 * option and what was expected. Rules report problems as findings on line 1;
 * they never throw.
 */
import picomatch from "picomatch";
import { nestedQuantifier } from "./regex.js";
import { type FileEntry, mergeTable } from "./tables.js";

/** A validator returns an error message (what was expected), or undefined when the value is fine. */
export type Check = (value: unknown) => string | undefined;

export type Schema<T> = { [K in keyof T]-?: Check };

const show = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
};

export const is = {
  boolean: (): Check => (v) => (typeof v === "boolean" ? undefined : `a boolean; found ${show(v)}`),
  integer:
    (min = 0, max = Number.MAX_SAFE_INTEGER): Check =>
    (v) =>
      Number.isInteger(v) && (v as number) >= min && (v as number) <= max
        ? undefined
        : `an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? "" : ` to ${max}`}; found ${show(v)}`,
  number:
    (min = 0, max = Infinity): Check =>
    (v) =>
      typeof v === "number" && Number.isFinite(v) && v >= min && v <= max
        ? undefined
        : `a number ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}; found ${show(v)}`,
  string: (): Check => (v) => (typeof v === "string" ? undefined : `a string; found ${show(v)}`),
  /** A string with something besides spaces. */
  nonEmptyString: (): Check => (v) => (typeof v === "string" && v.trim() !== "" ? undefined : `a non-empty string; found ${show(v)}`),
  /** One user regular expression (see regexProblem), compiled with `flags`. */
  regex:
    (flags = "iu"): Check =>
    (v) =>
      typeof v === "string" ? regexProblem(v, flags) : `a regular expression; found ${show(v)}`,
  oneOf:
    (...values: string[]): Check =>
    (v) =>
      values.includes(v as string) ? undefined : `one of ${values.map((x) => JSON.stringify(x)).join(", ")}; found ${show(v)}`,
  strings: (): Check => (v) =>
    Array.isArray(v) && v.every((x) => typeof x === "string") ? undefined : `an array of strings; found ${show(v)}`,
  globs: (): Check => (v) => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string" && x.length > 0)) {
      return `an array of glob patterns; found ${show(v)}`;
    }
    for (const pattern of v) {
      try {
        // debug: without it picomatch swallows a regex that does not compile and
        // returns one that matches nothing, so a bad glob would be silently ignored.
        picomatch.makeRe(pattern, { dot: true, debug: true });
      } catch (error) {
        return `valid glob patterns; ${JSON.stringify(pattern)} does not compile (${(error as Error).message})`;
      }
    }
    return undefined;
  },
  /** An array of user regular expressions (see regexProblem); `flags` are those the rule compiles them with. */
  regexes: (flags = "iu"): Check => (v) => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) return `an array of regular expressions; found ${show(v)}`;
    for (const source of v) {
      const problem = regexProblem(source, flags);
      if (problem) return problem;
    }
    return undefined;
  },
  /** An array whose items each pass `item`. */
  arrayOf:
    (item: Check, what: string): Check =>
    (v) => {
      if (!Array.isArray(v)) return `an array of ${what}; found ${show(v)}`;
      for (let i = 0; i < v.length; i++) {
        const problem = item(v[i]);
        if (problem) return `an array of ${what}; item ${i + 1}: ${problem}`;
      }
      return undefined;
    },
  /** An object with only known keys, each checked; missing keys are allowed unless listed in `required`. */
  object:
    (shape: Record<string, Check>, required: string[] = []): Check =>
    (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return `an object; found ${show(v)}`;
      for (const key of Object.keys(v)) {
        if (!(key in shape)) return `no key ${JSON.stringify(key)} (known: ${Object.keys(shape).join(", ")})`;
        const problem = shape[key]((v as Record<string, unknown>)[key]);
        if (problem) return `"${key}" to be ${problem}`;
      }
      for (const key of required) if (!(key in v)) return `a "${key}" key`;
      return undefined;
    },
  /** An object mapping any string key to values that pass `value`. */
  record:
    (value: Check, what: string): Check =>
    (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return `an object of ${what}; found ${show(v)}`;
      for (const [key, item] of Object.entries(v)) {
        const problem = value(item);
        if (problem) return `an object of ${what}; "${key}": ${problem}`;
      }
      return undefined;
    },
};

/**
 * Why a user-supplied regular expression is refused, or undefined. A pattern
 * must compile as JavaScript (with the flags the rule uses, "iu" unless
 * told) and hold no nested unbounded
 * quantifier whose repetitions can overlap, such as `(a+)+` or
 * `(?:\w+\s?)*` (lib/core/regex.ts, `nestedQuantifier`): the shape that makes a
 * backtracking engine exponential. Rules should still run user patterns with
 * `userRegExp` (lib/core/regex.ts), which matches in linear time whenever RE2 can
 * run the pattern (anything without lookahead or backreferences).
 */
export function regexProblem(source: string, flags = "iu"): string | undefined {
  try {
    new RegExp(source, flags.replace(/[gyd]/g, ""));
  } catch (error) {
    return `regular expressions that compile; ${JSON.stringify(source)} does not (${(error as Error).message})`;
  }
  const nested = nestedQuantifier(source, flags);
  if (nested) {
    return `regular expressions without nested quantifiers whose repetitions overlap (they take exponential time); ${JSON.stringify(source)} repeats ${JSON.stringify(nested)}`;
  }
  return undefined;
}

export interface OptionsResult<T> {
  options: T;
  problems: string[];
}

// Keyed on the rule's defaults, then on the configuration's content (JSON).
// markdownlint builds a fresh configuration object for every file (it
// re-reads inline configuration per file; a rule enabled with `true` gets a
// new frozen `{}` each time), so an identity cache never hits. A stable
// result matters: rules cache compiled patterns per options object, and a
// fresh object per file made them recompile for every file.
const resultCache = new WeakMap<object, Map<string, OptionsResult<unknown>>>();
/** Distinct configurations remembered per rule (inline configuration can vary per file). */
const MAX_CACHED_CONFIGS = 64;

function contentKey(config: unknown): string | undefined {
  try {
    return JSON.stringify(config ?? null);
  } catch {
    return undefined; // cycles or BigInt: validate every time
  }
}

/**
 * Merge a rule's configuration over its defaults, checking every key. Unknown
 * keys, wrong types and values that do not compile are problems; the
 * defaults stand in for any option that has one. The options named in
 * `tables` hold per-file tables: the user's entries merge with the default
 * entries (lib/core/tables.ts) unless the configuration sets `replaceDefaults`.
 * Results are cached per rule and configuration content, so every file with
 * the same configuration gets the same options object.
 */
export function readOptions<T extends object>(config: unknown, defaults: T, schema: Schema<T>, tables: readonly string[] = []): OptionsResult<T> {
  const key = typeof config === "object" && config !== null ? config : undefined;
  const ck = contentKey(key ?? null);
  let perRule = resultCache.get(defaults);
  if (ck !== undefined) {
    const hit = perRule?.get(ck);
    if (hit) return hit as OptionsResult<T>;
  }
  const problems: string[] = [];
  const options = { ...defaults };
  if (key) {
    for (const [name, value] of Object.entries(key)) {
      const check = (schema as Record<string, Check>)[name];
      if (!check) {
        problems.push(`unknown option "${name}" (known: ${Object.keys(schema).join(", ")})`);
        continue;
      }
      const problem = check(value);
      if (problem) problems.push(`option "${name}" must be ${problem}`);
      else (options as Record<string, unknown>)[name] = value;
    }
    if (problems.length === 0 && (key as { replaceDefaults?: boolean }).replaceDefaults !== true) {
      for (const table of tables) {
        const user = (key as Record<string, FileEntry[] | undefined>)[table];
        const base = (defaults as Record<string, FileEntry[]>)[table];
        if (user) (options as Record<string, unknown>)[table] = mergeTable(base, user);
      }
    }
  }
  const result = { options, problems };
  if (ck !== undefined) {
    if (!perRule) resultCache.set(defaults, (perRule = new Map()));
    if (perRule.size >= MAX_CACHED_CONFIGS) perRule.clear();
    perRule.set(ck, result);
  }
  return result;
}
