/**
 * Spec workspaces on disk (seed 001: `specs/active/{slug}/`, moved to
 * `specs/archive/{slug}/`; seed 004: `requirements/{slug}/` and
 * `requirements/archive/{slug}/`).
 *
 * These helpers only list directories (readdirSync); they never open a
 * file. Paths given to them are what markdownlint passes as the file name
 * (absolute from markdownlint-cli2, whatever the caller gave through the
 * API); a name inside the project root (the nearest directory holding
 * `.git`, else the current directory) is matched relative to it, so folders
 * above the project (a checkout under `/home/me/requirements/…`) never make
 * a workspace.
 */
import { type Dirent, existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { globMatcher, normalizePath } from "./files.js";
import { readDirEntries } from "./fsmemo.js";

/** Where workspaces live. */
export interface WorkspaceLocation {
  /** Glob matched against a workspace directory, e.g. "**\/specs/active/*". */
  directories: string;
  /** Archived workspaces must not hold the `forbidden` entries (tmp/). */
  archived?: boolean;
  /** Files the workspace must hold (relative paths); replaces the rule's default list. */
  required?: string[];
}

/** A workspace found above a file. */
export interface Workspace {
  /** The location entry it matched. */
  location: WorkspaceLocation;
  /** Directory on disk (as given: absolute or relative to the current directory). */
  dir: string;
  /** The workspace directory in the form of the linted name (for file selection). */
  nameDir: string;
  /** The workspace path as matched (relative to the root when inside it), "/" separated. */
  display: string;
  /** The last path segment. */
  slug: string;
  /** The linted file's path inside the workspace, "/" separated. */
  file: string;
}

/**
 * The workspace holding `name`, or undefined. Location entries are tried in
 * order; for each, the deepest matching ancestor directory wins.
 */
export function findWorkspace(
  name: string,
  locations: readonly WorkspaceLocation[],
  root: string = process.cwd(),
): Workspace | undefined {
  const nameParts = normalizePath(name).split("/");
  const rel = normalizePath(relative(root, resolve(process.cwd(), name)));
  const inside = rel !== "" && !rel.startsWith("../") && rel !== ".." && !isAbsolute(rel);
  const parts = inside ? rel.split("/") : nameParts;
  for (const location of locations) {
    const match = globMatcher([location.directories]);
    // Directories only: never the file itself.
    for (let depth = parts.length - 1; depth >= 1; depth--) {
      const display = parts.slice(0, depth).join("/");
      if (!display || !match(display)) continue;
      const inner = parts.length - depth; // segments of the file below the workspace
      if (inner > nameParts.length - 1) continue;
      const nameDir = nameParts.slice(0, nameParts.length - inner).join("/");
      return {
        location,
        dir: inside ? join(root, ...parts.slice(0, depth)) : nameDir || "/",
        nameDir,
        display,
        slug: parts[depth - 1],
        file: parts.slice(depth).join("/"),
      };
    }
  }
  return undefined;
}

/** Entries of a directory, or [] when it cannot be read. */
export function listDir(dir: string): Dirent[] {
  try {
    return readDirEntries(dir);
  } catch {
    return [];
  }
}

/** Whether two file names are the same name, case aside (`RECOVERY.md` is `recovery.md`). */
export function sameName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether `entry` (a "/"-separated path relative to `dir`; a trailing "/"
 * asks for a directory) exists, by listing each parent directory. Names
 * match whatever their case (`RECOVERY.md` holds the place of `recovery.md`,
 * `Research/` of `research/`), on every file system; where a directory holds
 * several spellings, any one of the right type will do.
 */
export function hasEntry(dir: string, entry: string): boolean {
  const wantDir = entry.endsWith("/");
  const segments = entry.split("/").filter(Boolean);
  let currents = [dir];
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const current of currents) {
      for (const d of listDir(current)) {
        if (!sameName(d.name, segments[i])) continue;
        if ((!last || wantDir) && !d.isDirectory()) continue;
        next.push(join(current, d.name));
      }
    }
    if (next.length === 0) return false;
    currents = next;
  }
  return segments.length > 0;
}

/** Required entries that are missing, in the order given. */
export function missingEntries(dir: string, required: readonly string[]): string[] {
  return required.filter((entry) => !hasEntry(dir, entry));
}

const WALK_LIMIT = 5000;

/**
 * All files of a workspace, "/"-separated and relative to it, sorted by
 * code unit (the same on every machine and locale). Symbolic links, hidden
 * directories and node_modules are not entered; the walk stops after
 * WALK_LIMIT entries.
 */
export function listFiles(dir: string, maxDepth = 8): string[] {
  const files: string[] = [];
  const stack: { path: string; rel: string; depth: number }[] = [{ path: dir, rel: "", depth: 0 }];
  let seen = 0;
  while (stack.length > 0 && seen < WALK_LIMIT) {
    const { path, rel, depth } = stack.pop()!;
    for (const d of listDir(path)) {
      if (++seen > WALK_LIMIT) break;
      const childRel = rel ? `${rel}/${d.name}` : d.name;
      if (d.isFile()) files.push(childRel);
      else if (d.isDirectory() && depth < maxDepth && !d.name.startsWith(".") && d.name !== "node_modules") {
        stack.push({ path: join(path, d.name), rel: childRel, depth: depth + 1 });
      }
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The file of a workspace that carries its findings: `preferred` (prd.md)
 * when it is among the candidates (else its first spelling in another case,
 * `PRD.md`), else the first candidate in code-unit order. The choice depends only on what is on disk, not on which files
 * were linted.
 */
export function reporterOf(candidates: readonly string[], preferred: string): string | undefined {
  if (candidates.includes(preferred)) return preferred;
  const sorted = [...candidates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // `PRD.md` carries the findings as `prd.md` would.
  return sorted.find((c) => sameName(c, preferred)) ?? sorted[0];
}

/**
 * Sibling workspaces of the same location (directories next to `ws.dir`
 * that match its pattern), hidden directories left out. Lists only the
 * parent directory.
 */
export function siblingWorkspaces(ws: Workspace): string[] {
  const parentDisplay = ws.display.split("/").slice(0, -1).join("/");
  const parentDir = join(ws.dir, "..");
  const match = globMatcher([ws.location.directories]);
  return listDir(parentDir)
    .filter((d) => d.isDirectory() && !d.name.startsWith(".") && match(parentDisplay ? `${parentDisplay}/${d.name}` : d.name))
    .map((d) => d.name)
    .sort();
}

/** Whether the linted file exists on disk (strings linted under an invented name do not). */
export function existsOnDisk(name: string): boolean {
  try {
    return existsSync(name);
  } catch {
    return false;
  }
}
