import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { compiledNow } from "./regex.js";

/**
 * Default ignores of every rule: agent definitions, templates, dependencies.
 * `specs/agents/` and `specs/workflows/` hold agent and workflow definitions
 * named after the documents they write (`specs/agents/prd.md`); workspaces
 * live in `specs/active/` and `specs/archive/`, so no spec is hidden.
 */
export const DEFAULT_IGNORES: readonly string[] = [
  "**/.claude/**",
  "**/.gemini/**",
  "**/.agents/**",
  "**/template*/**",
  "**/node_modules/**",
  "**/specs/agents/**",
  "**/specs/workflows/**",
];

/** Default file patterns of each document kind (CONTRACT.md). */
export const KIND_FILES = {
  prd: ["**/prd.md"],
  analysis: ["**/research/analysis.md"],
  research: ["**/research/plan.md"],
  tasks: ["**/tasks.md"],
  recovery: ["**/recovery.md"],
  guide: ["**/guides/**/*.md"],
} as const satisfies Record<string, readonly string[]>;

export type Kind = keyof typeof KIND_FILES;

/** Path separators normalised to "/" so globs work on Windows names too. */
export function normalizePath(name: string): string {
  return name.replace(/\\/g, "/");
}

const cache = new Map<string, (path: string) => boolean>();
const byIdentity = new WeakMap<readonly string[], (path: string) => boolean>();

/**
 * picomatch's own test of one pattern, without its matcher's wrapping: the
 * matcher returned by `picomatch(glob, options)` answers
 * `input !== "" && (input === glob || regex.exec(input) !== null)` with the
 * expression `makeRe` builds (no ignore list, no basename matching, no
 * callbacks; names are normalised to "/" first), and its per-call result
 * objects were most of the time a file's selection took, in a profile of
 * the bench corpus.
 * test/lib/files.test.ts holds the two to the same answers.
 */
function patternTest(glob: string): (path: string) => boolean {
  // `windows` as picomatch's default export sets it (utils.isWindows reads
  // navigator.platform where it exists, "Win32" on Windows, else process.platform).
  // `nocase`: file names match whatever their case (CONTRACT.md, "File names":
  // `RECOVERY.md` is the recovery document, `PRD.md` the PRD).
  const regex = compiledNow(picomatch.makeRe(glob, { dot: true, nocase: true, windows: process.platform === "win32" }));
  return (path) => path !== "" && (path === glob || regex.test(path));
}

/**
 * A matcher for a list of glob patterns (picomatch, dot files included) that
 * tests a "/"-separated path exactly as given: what picomatch's own matcher
 * answers for any of the patterns. Throws on a pattern picomatch cannot
 * compile; callers validate options first.
 */
export function patternMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.map(patternTest);
  return (path) => {
    const p = normalizePath(path);
    for (let i = 0; i < compiled.length; i++) if (compiled[i](p)) return true;
    return false;
  };
}

/** Whether a glob names absolute paths ("/srv/specs/**", "C:/specs/**"), negated or not. */
function isAbsolutePattern(glob: string): boolean {
  const g = glob.startsWith("!") ? glob.slice(1) : glob;
  return g.startsWith("/") || /^[A-Za-z]:[\\/]/.test(g);
}

/** The two forms of a linted name that patterns are matched against. */
export interface NameForms {
  /**
   * What relative patterns match: the path relative to the working directory
   * when the file is inside it (markdownlint-cli2 passes absolute paths, and
   * its own globs are relative to the directory it runs in), else the
   * absolute path (a file outside the working directory, such as
   * "../other/prd.md", which `**\/prd.md` still matches).
   */
  relative: string;
  /** What absolute patterns match: the absolute path. */
  absolute: string;
}

let lastName: string | undefined;
let lastForms: NameForms = { relative: "", absolute: "" };

/** The forms of a linted name (as markdownlint passed it), "/"-separated; remembered for the last name. */
export function nameForms(name: string): NameForms {
  if (name !== lastName) {
    if (name === "") lastForms = { relative: "", absolute: "" };
    else {
      const cwd = process.cwd();
      const absolute = resolve(cwd, name);
      const rel = relative(cwd, absolute);
      const inside = rel !== "" && rel !== ".." && !rel.startsWith("../") && !rel.startsWith("..\\") && !isAbsolute(rel);
      lastForms = { relative: normalizePath(inside ? rel : absolute), absolute: normalizePath(absolute) };
    }
    lastName = name;
  }
  return lastForms;
}

/**
 * A matcher of linted file names for a list of glob patterns (picomatch, dot
 * files included): a relative pattern ("specs/*\/*\/prd.md", "**\/prd.md")
 * matches the name relative to the working directory, as markdownlint-cli2's
 * own globs do, and an absolute pattern matches the absolute path (see
 * `nameForms`). Throws on a pattern picomatch cannot compile; callers
 * validate options first. Cached per array (options objects are stable
 * across files) and per content, so rules with the same patterns (every
 * rule's default `ignores`) share one matcher. markdownlint runs every rule
 * on a file before the next file, and each rule asks about the same name: a
 * matcher remembers its last answer.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  let matcher = byIdentity.get(patterns);
  if (matcher) return matcher;
  const key = JSON.stringify(patterns);
  matcher = cache.get(key);
  if (!matcher) {
    const compiled = patterns.map(patternTest);
    const absolute = patterns.map(isAbsolutePattern);
    let lastPath: string | undefined;
    let lastResult = false;
    matcher = (path: string) => {
      if (path !== lastPath) {
        const forms = nameForms(path);
        lastResult = false;
        for (let i = 0; i < compiled.length && !lastResult; i++) lastResult = compiled[i](absolute[i] ? forms.absolute : forms.relative);
        lastPath = path;
      }
      return lastResult;
    };
    if (cache.size >= 256) cache.clear();
    cache.set(key, matcher);
  }
  byIdentity.set(patterns, matcher);
  return matcher;
}

/** Whether a file is selected by `files` and not excluded by `ignores`. */
export function isSelected(name: string, files: readonly string[], ignores: readonly string[]): boolean {
  return globMatcher(files)(name) && !globMatcher(ignores)(name);
}
