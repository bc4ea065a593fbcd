/**
 * The project a linted file belongs to, and safe access to the files in it.
 *
 * Rules that look at other files (SC009 verified-reference, SC010
 * declared-metrics) go through here, so every read stays inside the project
 * root: a path is resolved one component at a time with `lstat`/`readlink`,
 * never touching anything outside the root (not even to `stat` it), and a
 * symbolic link whose target leaves the root is refused before it is
 * followed. Nothing is ever written, executed or fetched.
 *
 * File facts (line count, `wc -w` words, lines) are cached per real path and
 * revalidated by size and modification time, so a run over a tree of specs
 * reads each referenced file once, and a long-lived process (an editor) never
 * sees stale facts.
 */
import { existsSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from "node:path";
import { lstatPath } from "./fsmemo.js";
import { countWcWords } from "../text/words.js";

/**
 * Where a linted file lives on disk: the name resolved against the working
 * directory (as markdownlint-cli2 does), with the symbolic links of its
 * existing ancestor folders resolved, so it compares with the real paths of
 * `projectRoot` and `resolveInside` (e.g. macOS's /var → /private/var). The
 * file itself need not exist.
 */
export function filePath(name: string): string {
  const path = resolve(process.cwd(), name);
  const dir = dirname(path);
  let real = realDirCache.get(dir);
  if (real === undefined) {
    real = realDir(dir);
    if (realDirCache.size >= 1000) realDirCache.clear();
    realDirCache.set(dir, real);
  }
  return join(real, basename(path));
}

// Every rule that looks outside its file asks for the file's real path, and
// the files of one folder share it: one `realpath` per folder, not per call.
const realDirCache = new Map<string, string>();

/** A folder with the symbolic links of its existing ancestors resolved (the folder itself need not exist). */
function realDir(dir: string): string {
  const rest: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      if (dirname(at) === at) return dir;
      rest.unshift(basename(at));
    }
  }
}

const rootCache = new Map<string, string | null>();

/**
 * The project root of a linted file: `configured` (resolved against the
 * working directory; undefined when it does not exist) or else the nearest
 * ancestor directory of the file that holds `.git`. The file itself need not
 * exist (Markdown linted as a string is placed where its name says).
 * Returned as a real path; undefined when there is none.
 */
export function projectRoot(name: string, configured = ""): string | undefined {
  if (configured) {
    try {
      const real = realpathSync(resolve(process.cwd(), configured));
      return statSync(real).isDirectory() ? real : undefined;
    } catch {
      return undefined;
    }
  }
  const start = dirname(filePath(name));
  const hit = rootCache.get(start);
  if (hit !== undefined) return hit ?? undefined;
  // Every folder passed on the way up has the same root: remember them all,
  // so the next file in a sibling folder stops at the first known one.
  const passed: string[] = [];
  let found: string | null = null;
  for (let dir = start; ; dir = dirname(dir)) {
    const known = rootCache.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    passed.push(dir);
    if (existsSync(join(dir, ".git"))) {
      try {
        found = realpathSync(dir);
      } catch {
        found = null;
      }
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (rootCache.size + passed.length > 1000) rootCache.clear();
  for (const dir of passed) rootCache.set(dir, found);
  return found ?? undefined;
}

/** Whether `path` is `root` or lies below it (both absolute and normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** Whether a path written in a document is absolute (and so not portable): `/…`, `~/…`, `C:\…`, `\\server\…`. */
export function isAbsoluteReference(path: string): boolean {
  return /^(?:[/\\~]|[A-Za-z]:[\\/])/.test(path);
}

export type Resolved =
  | { status: "file" | "directory"; real: string }
  | { status: "missing" | "outside" | "symlink-outside" | "unreadable" };

const MAX_LINK_HOPS = 40;

/**
 * Resolve `target` (an absolute, lexical path) inside `root` (a real path)
 * without touching anything outside the root. Each component is looked at
 * with `lstat`; a symbolic link is read with `readlink` and its target
 * checked against the root before it is followed.
 */
export function resolveInside(root: string, target: string): Resolved {
  const lexical = normalize(target);
  if (!isInside(root, lexical)) return { status: "outside" };
  const pending = relative(root, lexical).split(sep).filter(Boolean).reverse();
  let current = root;
  let hops = 0;
  try {
    while (pending.length > 0) {
      const part = pending.pop()!;
      if (part === ".") continue;
      if (part === "..") {
        current = dirname(current);
        if (!isInside(root, current)) return { status: "symlink-outside" };
        continue;
      }
      const next = join(current, part);
      let info;
      try {
        info = lstatPath(next); // undefined when nothing is there
      } catch {
        // any other error (not a directory, no permission) counts as missing too
      }
      if (!info) return { status: "missing" };
      if (!info.isSymbolicLink()) {
        current = next;
        continue;
      }
      if (++hops > MAX_LINK_HOPS) return { status: "unreadable" };
      const link = readlinkSync(next);
      if (isAbsolute(link)) {
        const to = normalize(link);
        if (!isInside(root, to)) return { status: "symlink-outside" };
        current = root;
        pending.push(...relative(root, to).split(sep).filter(Boolean).reverse());
      } else {
        const to = normalize(join(current, link));
        if (!isInside(root, to)) return { status: "symlink-outside" };
        pending.push(...link.split(/[\\/]/).filter(Boolean).reverse());
      }
    }
    const info = lstatPath(current);
    if (!info) return { status: "unreadable" };
    if (info.isDirectory()) return { status: "directory", real: current };
    if (info.isFile()) return { status: "file", real: current };
    return { status: "unreadable" };
  } catch {
    return { status: "unreadable" };
  }
}

/** What the rules need to know about a file's text. */
export interface FileFacts {
  /** Number of lines (as editors number them; a final newline does not start a new line). */
  lineCount: number;
  /** Words as `LC_ALL=C wc -w` counts them. */
  wcWords: number;
  /** The lines (without line endings). */
  lines: string[];
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  facts: FileFacts;
}

const MAX_CACHED = 256;
const factsCache = new Map<string, CacheEntry>();

/**
 * Facts about a file found by `resolveInside` (pass its `real` path only).
 * Undefined when it cannot be read or is larger than `maxBytes`. Cached per
 * real path, revalidated by size and modification time.
 */
export function fileFacts(real: string, maxBytes: number): FileFacts | undefined {
  try {
    const info = statSync(real);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const hit = factsCache.get(real);
    if (hit && hit.size === info.size && hit.mtimeMs === info.mtimeMs) return hit.facts;
    const text = readFileSync(real, "utf8");
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    const facts: FileFacts = {
      lineCount: text.length === 0 ? 0 : lines.length,
      wcWords: countWcWords(text),
      lines,
    };
    if (factsCache.size >= MAX_CACHED) factsCache.delete(factsCache.keys().next().value!);
    factsCache.set(real, { size: info.size, mtimeMs: info.mtimeMs, facts });
    return facts;
  } catch {
    return undefined;
  }
}
