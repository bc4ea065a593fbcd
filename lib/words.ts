/**
 * Word counting, as CONTRACT.md defines it.
 *
 * - "prose": a maximal run of non-space characters holding at least one
 *   letter or digit, over the text content of the Markdown.
 * - "wc": what `LC_ALL=C wc -w` prints: runs of bytes other than ASCII
 *   white space.
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

// `wc -w` in the C locale splits on the six ASCII white-space bytes only.
const WC_RUN = /[^ \t\n\v\f\r]+/g;

/** Count words exactly as `LC_ALL=C wc -w` does for one line of text. */
export function countWcWords(line: string): number {
  let count = 0;
  WC_RUN.lastIndex = 0;
  while (WC_RUN.exec(line) !== null) count++;
  return count;
}

/** The counting modes a rule may be configured with. */
export type CountMode = "prose" | "wc";
