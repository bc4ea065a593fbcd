/**
 * A copy of a string that shares no memory with the text it was cut from.
 *
 * V8 keeps a slice of 13 or more characters (`slice`, `split`, `trim`, a
 * regex match) as a view into its parent string. A module-level cache keyed
 * on a heading or a fence's text would then keep the whole file it came from
 * alive for as long as the entry lives (docs/performance.md has the
 * measurement: a heading cache held many files' contents after the run).
 * Anything stored in a cache that outlives one file goes through here.
 */
export function detached(text: string): string {
  // The concatenation is flattened into a new string when sliced, and the
  // slice points into that copy, not into `text`: a plain copy, five times
  // faster than a JSON round trip (measured on 400-character slices).
  return text.length < 13 ? text : (" " + text).slice(1);
}
