/**
 * Directory listings and `lstat` results, remembered while one rule checks
 * one file. SC013 lists a workspace folder once per required entry and SC009
 * looks at every folder on the way to each referenced path; inside one run of
 * one rule on one file the answers cannot usefully differ, so each folder is
 * listed, and each path looked at, once. Outside such a run (the scorecard,
 * tests calling the helpers) nothing is remembered, and nothing outlives the
 * run, so a long-lived process (an editor) never sees a stale listing.
 */
import { type Dirent, lstatSync, readdirSync, type Stats } from "node:fs";

let depth = 0;
const listings = new Map<string, Dirent[] | Error>();
const stats = new Map<string, Stats | Error>();

/** Run `fn` with the memo on; it is emptied when the outermost call returns. */
export function withFsMemo<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    if (--depth === 0) {
      listings.clear();
      stats.clear();
    }
  }
}

function remembered<T extends object>(cache: Map<string, T | Error>, key: string, read: () => T): T {
  if (depth === 0) return read();
  let value = cache.get(key);
  if (value === undefined) {
    try {
      value = read();
    } catch (error) {
      value = error instanceof Error ? error : new Error(String(error));
    }
    cache.set(key, value);
  }
  if (value instanceof Error) throw value;
  return value;
}

/** `readdirSync(dir, { withFileTypes: true })`, remembered inside `withFsMemo`; throws as it does. */
export function readDirEntries(dir: string): Dirent[] {
  return remembered(listings, dir, () => readdirSync(dir, { withFileTypes: true }));
}

/**
 * `lstatSync(path)`, remembered inside `withFsMemo`: undefined when nothing
 * is there, and throws as `lstatSync` does for any other error. A missing
 * path makes no exception: node builds each one with a stack trace, and
 * SC009 meets a missing path for every reference to code not written yet
 * (half of a generated tree's references), which made the young-generation
 * collector copy several MB more on every collection.
 */
export function lstatPath(path: string): Stats | undefined {
  const found = remembered(stats, path, () => lstatSync(path, { throwIfNoEntry: false }) ?? MISSING);
  return found === MISSING ? undefined : found;
}
const MISSING = {} as Stats;
