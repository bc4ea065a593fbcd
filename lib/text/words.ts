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
  if (!NON_ASCII.test(text)) return countAsciiRuns(text, isAsciiAlnum);
  let count = 0;
  for (const match of text.matchAll(RUN)) {
    if (LETTER_OR_DIGIT.test(match[0])) count++;
  }
  return count;
}

// Fast paths for ASCII text (most of a specs tree): a loop over char codes
// instead of a regex match per word; the same counts (see test/words.test.ts).
/** ASCII white space as `\s` sees it: space, tab, line feed, vertical tab, form feed, carriage return. */
export const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiPrintable = (c: number) => c >= 0x21 && c <= 0x7e;

/** Runs of ASCII non-space characters holding at least one character that passes `counts`. */
function countAsciiRuns(text: string, counts: (c: number) => boolean): number {
  let count = 0;
  let inRun = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAsciiSpace(c)) {
      inRun = false;
      continue;
    }
    if (!inRun) {
      inRun = true;
      counted = false;
    }
    if (!counted && counts(c)) {
      counted = true;
      count++;
    }
  }
  return count;
}

// `wc -w` (GNU coreutils 9, UTF-8 locale) splits on white space as glibc's
// iswspace() sees it plus the no-break spaces U+00A0, U+2007, U+202F and
// U+2060, and counts a run only when it holds a printable character (not a
// control character, not an unassigned code point).
const WC_RUN = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u3000]+/gu;
const WC_PRINTABLE = /[^\p{Cc}\p{Cn}]/u;
const NON_ASCII = /[^\x00-\x7f]/;

/** Count words exactly as `wc -w` does (GNU coreutils 9, C.UTF-8 locale) for one line of text. */
export function countWcWords(line: string): number {
  if (!NON_ASCII.test(line)) return countAsciiRuns(line, isAsciiPrintable);
  let count = 0;
  for (const match of line.matchAll(WC_RUN)) if (WC_PRINTABLE.test(match[0])) count++;
  return count;
}

/** The counting modes a rule may be configured with. */
export type CountMode = "prose" | "wc";
