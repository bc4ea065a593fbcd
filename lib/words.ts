/**
 * Word counting, as CONTRACT.md defines it.
 *
 * - "prose": a maximal run of non-space characters holding at least one
 *   letter or digit, over the text content of the Markdown.
 * - "wc": what `wc -w` prints in a UTF-8 locale (GNU coreutils 9).
 */

const RUN = /\S+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Count "prose" words in a piece of text content. */
export function countProseWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(RUN)) {
    if (LETTER_OR_DIGIT.test(match[0])) count++;
  }
  return count;
}

// `wc -w` (GNU coreutils 9, UTF-8 locale) splits on white space as glibc's
// iswspace() sees it plus the no-break spaces U+00A0, U+2007, U+202F and
// U+2060, and counts a run only when it holds a printable character (not a
// control character, not an unassigned code point).
const WC_RUN = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u3000]+/gu;
const WC_PRINTABLE = /[^\p{Cc}\p{Cn}]/u;
const ASCII_RUN = /[^\t\n\v\f\r ]+/g;
const ASCII_PRINTABLE = /[\x21-\x7e]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Count words exactly as `wc -w` does (GNU coreutils 9, C.UTF-8 locale) for one line of text. */
export function countWcWords(line: string): number {
  const ascii = !NON_ASCII.test(line);
  const run = ascii ? ASCII_RUN : WC_RUN;
  const printable = ascii ? ASCII_PRINTABLE : WC_PRINTABLE;
  let count = 0;
  for (const match of line.matchAll(run)) if (printable.test(match[0])) count++;
  return count;
}

/** The counting modes a rule may be configured with. */
export type CountMode = "prose" | "wc";
