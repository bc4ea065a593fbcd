/**
 * Values derived from a rule's options (sets, matchers, compiled
 * expressions), built once per options object instead of once per file.
 * `readOptions` (lib/core/options.ts) hands every file with the same
 * configuration the same options object, so the object is the key; a
 * WeakMap lets a configuration that is no longer used go.
 */
const derived = new WeakMap<object, Map<string, unknown>>();

/** The value `build()` returns for these options, built on the first call. */
export function fromOptions<T>(options: object, what: string, build: () => T): T {
  let values = derived.get(options);
  if (!values) derived.set(options, (values = new Map()));
  if (values.has(what)) return values.get(what) as T;
  const value = build();
  values.set(what, value);
  return value;
}
