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
 * picomatch's own test of one pattern, without its matcher's wrapping: the
 * matcher returned by `picomatch(glob, options)` answers
 * `input !== "" && (input === glob || regex.exec(input) !== null)` with the
 * expression `makeRe` builds (no ignore list, no basename matching, no
 * callbacks; names are normalised to "/" first), and its per-call result
 * objects were most of the time a file's selection took (about 90 of
 * 143 ms in a profile of the 1,471-file bench corpus).
 * test/lib/files.test.ts holds the two to the same answers.
 */
function patternTest(glob: string): (path: string) => boolean {
  // `windows` as picomatch's default export sets it (utils.isWindows reads
  // navigator.platform where it exists, "Win32" on Windows, else process.platform).
  // `nocase`: file names match whatever their case (CONTRACT.md, "File names":
  // `RECOVERY.md` is the recovery document, `PRD.md` the PRD).
  const regex = picomatch.makeRe(glob, { dot: true, nocase: true, windows: process.platform === "win32" });
  return (path) => path !== "" && (path === glob || regex.test(path));
}

/**
 * A matcher for a list of glob patterns (picomatch, dot files included).
 * Throws on a pattern picomatch cannot compile; callers validate options
 * first. Cached per array (options objects are stable across files) and per
 * content, so rules with the same patterns (every rule's default `ignores`)
 * share one matcher. markdownlint runs every rule on a file before the next
 * file, and each rule asks about the same name: a matcher remembers its last
 * answer.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  let matcher = byIdentity.get(patterns);
  if (matcher) return matcher;
  const key = JSON.stringify(patterns);
  matcher = cache.get(key);
  if (!matcher) {
    const compiled = patterns.map(patternTest);
    let lastPath: string | undefined;
    let lastResult = false;
    matcher = (path: string) => {
      if (path !== lastPath) {
        const p = normalizePath(path);
        lastResult = false;
        for (let i = 0; i < compiled.length && !lastResult; i++) lastResult = compiled[i](p);
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
