/**
 * Per-file tables (SC001's and SC012's `documents`: entries that each apply
 * to the files their `files` patterns select, the first matching entry
 * winning) merge with their defaults, so changing one entry or one section
 * budget keeps every other default.
 */

/** An entry of a per-file table. */
export interface FileEntry {
  files: readonly string[];
}

const sameFiles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\0") === [...b].sort().join("\0");

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A user's table merged with the default table. A user entry whose `files`
 * holds the same patterns as a default entry (in any order) changes that
 * entry: each key it sets replaces the default's, except that an object on
 * both sides (SC001's `sections` budgets) merges key by key. Every other
 * user entry is new and goes before the defaults, in the user's order, so it
 * wins for the files it selects.
 */
export function mergeTable<E extends FileEntry>(defaults: readonly E[], user: readonly E[]): E[] {
  const merged: E[] = [...defaults];
  const added: E[] = [];
  for (const entry of user) {
    const at = merged.findIndex((d, i) => i < defaults.length && sameFiles(d.files, entry.files));
    if (at < 0) {
      added.push(entry);
      continue;
    }
    const next: Record<string, unknown> = { ...(merged[at] as object) };
    for (const [key, value] of Object.entries(entry as object)) {
      const base = next[key];
      next[key] = isRecord(base) && isRecord(value) ? { ...base, ...value } : value;
    }
    merged[at] = next as unknown as E;
  }
  return [...added, ...merged];
}
