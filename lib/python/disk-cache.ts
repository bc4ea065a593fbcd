/**
 * SC008's verdicts remembered across runs, when its `cache` option is on:
 * a commit hook that lints the same PRD again does not check its unchanged
 * python fences again (in a fresh process that check is most of what the
 * suite costs on a PRD full of fences: docs/performance.md).
 *
 * The file is `node_modules/.cache/markdownlint-spec-contract/python-verdicts.json`
 * under the project root (the convention of find-cache-dir, which Babel,
 * AVA and Prettier's `--cache` follow). It is used only where `node_modules`
 * is a real directory of the project, so nothing is created outside the
 * project or beside files a user keeps. It holds, per snippet, a hash of
 * the snippet and its verdict, never the source; the newest 4,096 are kept.
 * A build of the package reads only what the same build wrote (its version
 * and the size and time of its own module file), and a file it cannot read
 * or parse counts as empty: a cache never changes a finding. It is read the
 * first time SC008 runs with the option on, and written once, when the
 * process exits, through a file renamed into place, so two runs at once
 * cannot leave half a file.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../core/version.js";
import { type CheckOptions, checkPython, type PythonProblem } from "./check.js";

/** Where the verdicts of a project are kept, below its root. */
export const CACHE_PATH = ["node_modules", ".cache", "markdownlint-spec-contract", "python-verdicts.json"] as const;
const MAX_ENTRIES = 4096;
/** Far more than 4,096 verdicts take: a larger file is not ours, and is not read. */
const MAX_BYTES = 4 * 1024 * 1024;
const FORMAT = 1;

/** A verdict as stored: 0 when the snippet compiles, else [line, message] (and 1 for an interactive session). */
type Stored = 0 | [number, string] | [number, string, 1];

interface CacheFile {
  format: number;
  build: string;
  entries: [string, Stored][];
}

/** Verdicts by snippet hash, loaded from one cache file and written back at exit. */
export interface VerdictCache {
  /** The stored verdict of a snippet, else `check()`'s, which is stored. */
  get(source: string, topLevelAwait: boolean, check: () => PythonProblem | undefined): PythonProblem | undefined;
}

const caches = new Map<string, VerdictCache | null>();
/** What to write when the process exits: one listener for every cache file of the process. */
const unsaved = new Map<string, () => void>();
let listening = false;
function saveAtExit(file: string, write: () => void) {
  unsaved.set(file, write);
  if (listening) return;
  listening = true;
  process.once("exit", () => {
    for (const write of unsaved.values()) write();
    unsaved.clear();
  });
}

/** This build of the package: its version and its own module file's size and time. */
function buildId(): string {
  try {
    const me = statSync(fileURLToPath(import.meta.url));
    return `${VERSION}:${me.size}:${Math.round(me.mtimeMs)}`;
  } catch {
    return VERSION;
  }
}

const keyOf = (source: string, topLevelAwait: boolean) =>
  createHash("sha256")
    .update(topLevelAwait ? "a" : "s")
    .update(source)
    .digest("base64url");

function toStored(verdict: PythonProblem | undefined): Stored {
  if (!verdict) return 0;
  return verdict.interactive ? [verdict.line, verdict.message, 1] : [verdict.line, verdict.message];
}

function fromStored(stored: unknown): PythonProblem | undefined | null {
  if (stored === 0) return undefined;
  if (!Array.isArray(stored) || !Number.isInteger(stored[0]) || typeof stored[1] !== "string") return null;
  return stored[2] === 1 ? { line: stored[0], message: stored[1], interactive: true } : { line: stored[0], message: stored[1] };
}

function load(file: string, build: string): Map<string, Stored> {
  const entries = new Map<string, Stored>();
  try {
    if (statSync(file).size > MAX_BYTES) return entries;
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (data.format !== FORMAT || data.build !== build || !Array.isArray(data.entries)) return entries;
    for (const entry of data.entries) {
      if (Array.isArray(entry) && typeof entry[0] === "string" && fromStored(entry[1]) !== null) entries.set(entry[0], entry[1]);
    }
  } catch {
    // No cache yet, or one this build cannot read: start empty.
  }
  return entries;
}

function save(file: string, build: string, entries: Map<string, Stored>) {
  const kept = [...entries].slice(-MAX_ENTRIES);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(temp, JSON.stringify({ format: FORMAT, build, entries: kept } satisfies CacheFile));
    renameSync(temp, file);
  } catch {
    // A cache that cannot be written is only a slower next run.
    rmSync(temp, { force: true });
  }
}

/**
 * The verdict cache of the project at `root`, or undefined when the project
 * has no `node_modules` directory of its own (a symbolic link does not count).
 */
export function verdictCache(root: string): VerdictCache | undefined {
  const file = join(root, ...CACHE_PATH);
  const known = caches.get(file);
  if (known !== undefined) return known ?? undefined;
  let cache: VerdictCache | null = null;
  try {
    if (lstatSync(join(root, CACHE_PATH[0])).isDirectory()) {
      const build = buildId();
      const entries = load(file, build);
      cache = {
        get: (source, topLevelAwait, check) => {
          const key = keyOf(source, topLevelAwait);
          const stored = entries.get(key);
          const known = stored === undefined ? null : fromStored(stored);
          if (known !== null) {
            // Most recently used last: the oldest are the first dropped.
            entries.delete(key);
            entries.set(key, stored!);
            return known;
          }
          const verdict = check();
          entries.set(key, toStored(verdict));
          saveAtExit(file, () => save(file, build, entries));
          return verdict;
        },
      };
    }
  } catch {
    cache = null;
  }
  caches.set(file, cache);
  return cache ?? undefined;
}

/** checkPython, through the project's verdict cache when there is one. */
export function checkCached(source: string, options: CheckOptions, cache: VerdictCache | undefined): PythonProblem | undefined {
  if (!cache) return checkPython(source, options);
  return cache.get(source, options.topLevelAwait === true, () => checkPython(source, options));
}
