/**
 * Code fences: which language an info string names, and where a Python
 * snippet's comments are. Shared by SC004, SC008, SC010 and the scorecard.
 */

/** A comment in Python source: 0-based line index, 0-based column, text from the `#`. */
export interface PythonComment {
  index: number;
  column: number;
  text: string;
}

/**
 * The comments of a Python snippet, skipping strings (single, double and
 * triple quoted, with any prefix; backslash escapes and line continuations
 * honoured), so a `#` inside a string is not a comment. Never throws; text
 * that is not Python is scanned the same way.
 */
export function pythonComments(lines: readonly string[]): PythonComment[] {
  const comments: PythonComment[] = [];
  let quote: { char: string; triple: boolean } | undefined;
  lines.forEach((line, index) => {
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (quote) {
        if (c === "\\") {
          i += 2;
          continue;
        }
        if (quote.triple ? line.startsWith(quote.char.repeat(3), i) : c === quote.char) {
          i += quote.triple ? 3 : 1;
          quote = undefined;
          continue;
        }
        i++;
        continue;
      }
      if (c === "#") {
        comments.push({ index, column: i, text: line.slice(i) });
        break;
      }
      if (c === '"' || c === "'") {
        const triple = line.startsWith(c.repeat(3), i);
        quote = { char: c, triple };
        i += triple ? 3 : 1;
        continue;
      }
      i++;
    }
    // A single-quoted string ends with its line unless the line ends in a backslash.
    if (quote && !quote.triple && !line.endsWith("\\")) quote = undefined;
  });
  return comments;
}

/** The first word of an info string, lower-cased (`{.python}` and `python title="x.py"` give "python"). */
export function fenceLanguage(info: string): string {
  return info.trim().replace(/^\{\s*\.?/, "").split(/[\s{},;:]/)[0].toLowerCase();
}
