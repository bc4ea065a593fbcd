import picomatch from "picomatch";

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
 * A matcher for a list of glob patterns (picomatch, dot files included).
 * Throws on a pattern picomatch cannot compile; callers validate options
 * first. Cached per array (options objects are stable across files) and per
 * content.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  let matcher = byIdentity.get(patterns);
  if (matcher) return matcher;
  const key = JSON.stringify(patterns);
  matcher = cache.get(key);
  if (!matcher) {
    const compiled = patterns.map((p) => picomatch(p, { dot: true }));
    matcher = (path: string) => {
      const p = normalizePath(path);
      return compiled.some((m) => m(p));
    };
    if (cache.size >= 256) cache.clear();
    cache.set(key, matcher);
  }
  byIdentity.set(patterns, matcher);
  return matcher;
}

// Every rule asks about every file, and most rules share their `files` and
// `ignores` arrays: remember the answer per pair of arrays and file name.
const selections = new WeakMap<readonly string[], WeakMap<readonly string[], Map<string, boolean>>>();

/** Whether a file is selected by `files` and not excluded by `ignores`. */
export function isSelected(name: string, files: readonly string[], ignores: readonly string[]): boolean {
  let byIgnores = selections.get(files);
  if (!byIgnores) selections.set(files, (byIgnores = new WeakMap()));
  let names = byIgnores.get(ignores);
  if (!names) byIgnores.set(ignores, (names = new Map()));
  let selected = names.get(name);
  if (selected === undefined) {
    selected = globMatcher(files)(name) && !globMatcher(ignores)(name);
    if (names.size >= 4096) names.clear();
    names.set(name, selected);
  }
  return selected;
}
