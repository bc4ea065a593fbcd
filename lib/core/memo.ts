import { detached } from "./detach.js";

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

/**
 * A memo of values computed from texts, for the editor, which lints a
 * document again after each edit: the last `entries` texts of at most
 * `maxChars` characters each, `totalChars` in all, oldest dropped first.
 * Its keys are copies (lib/core/detach.ts), so a memo that outlives a file
 * keeps none of the file's text alive. `compute` must depend on the text
 * alone (and on what the memo was made for, such as one options object).
 */
export interface TextMemo<T> {
  get(text: string, compute: (text: string) => T): T;
}

export function textMemo<T>(entries: number, maxChars: number, totalChars: number): TextMemo<T> {
  const values = new Map<string, T>();
  let chars = 0;
  return {
    get(text, compute) {
      if (values.has(text)) return values.get(text) as T;
      if (text.length > maxChars) return compute(text);
      const own = detached(text);
      const value = compute(own);
      while (values.size > 0 && (values.size >= entries || chars + own.length > totalChars)) {
        const oldest = values.keys().next().value as string;
        values.delete(oldest);
        chars -= oldest.length;
      }
      values.set(own, value);
      chars += own.length;
      return value;
    },
  };
}
