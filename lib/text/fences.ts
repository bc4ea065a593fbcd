/**
 * Code fences: which language an info string names, where a Python
 * snippet's comments are, and which of them are `# VERIFIED:` comments.
 * Shared by SC004, SC008, SC009, SC010 and the scorecard.
 */
import { fromOptions } from "../core/memo.js";
import type { CodeBlock, DocumentModel } from "../core/model.js";

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
      if (quote) {
        // The next backslash (it escapes the character after it) or quote character.
        const stop = (quote.char === '"' ? IN_DOUBLE : IN_SINGLE);
        stop.lastIndex = i;
        const j = stop.exec(line)?.index ?? -1;
        if (j < 0) break;
        if (line[j] === "\\") {
          i = j + 2;
          continue;
        }
        if (!quote.triple || line.startsWith(quote.char.repeat(3), j)) {
          i = j + (quote.triple ? 3 : 1);
          quote = undefined;
          continue;
        }
        i = j + 1;
        continue;
      }
      OUTSIDE.lastIndex = i;
      const j = OUTSIDE.exec(line)?.index ?? -1;
      if (j < 0) break;
      const c = line[j];
      if (c === "#") {
        comments.push({ index, column: j, text: line.slice(j) });
        break;
      }
      const triple = line.startsWith(c.repeat(3), j);
      quote = { char: c, triple };
      i = j + (triple ? 3 : 1);
    }
    // A single-quoted string ends with its line unless the line ends in a backslash.
    if (quote && !quote.triple && !line.endsWith("\\")) quote = undefined;
  });
  return comments;
}

/** What ends a stretch of a line: outside strings a comment or a quote; inside one a backslash or its quote. */
const OUTSIDE = /[#"']/g;
const IN_DOUBLE = /[\\"]/g;
const IN_SINGLE = /[\\']/g;

/** A `# VERIFIED:` comment found in a snippet. */
export interface VerifiedComment {
  /** 0-based line index in the snippet. */
  index: number;
  /** 0-based column of the marker in its line. */
  column: number;
  /** The marker as written ("# VERIFIED:", "#verified:"). */
  written: string;
  /** Whether it is written exactly as the marker (the seed's `grep -c "# VERIFIED:"` counts only those). */
  exact: boolean;
  /** The comment's text after the marker. */
  text: string;
  /** 0-based column where `text` starts. */
  textColumn: number;
}

const markerPatterns = new Map<string, RegExp>();

/**
 * The expression that finds a marker in a comment: its letters in any case,
 * any spacing where it has a space and before its final colon ("# VERIFIED:"
 * finds "#VERIFIED:", "# Verified :" and "# verified:").
 */
function markerPattern(marker: string): RegExp {
  let re = markerPatterns.get(marker);
  if (!re) {
    const body = marker
      .trim()
      .split(/\s+/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:$/, "\\s*:"))
      .join("\\s*");
    re = new RegExp(body, "i");
    if (markerPatterns.size > 16) markerPatterns.clear();
    markerPatterns.set(marker, re);
  }
  return re;
}

/**
 * The `# VERIFIED:` comments of a snippet: real comments (a `#` inside a
 * string is none) that hold the marker, spelled in any case and spacing,
 * anywhere in the comment (`x = f()  # VERIFIED: src/f.py:3`). The one
 * finder of SC004 (which wants the exact spelling), SC009 (which follows
 * the references after it) and SC010 (which counts verified fences).
 */
export function verifiedComments(lines: readonly string[], marker = "# VERIFIED:"): readonly VerifiedComment[] {
  // SC004, SC009 and SC010 read the same blocks of one model: found once per block and marker.
  let byMarker = verifiedMemo.get(lines);
  if (!byMarker) verifiedMemo.set(lines, (byMarker = new Map()));
  let found = byMarker.get(marker);
  if (!found) byMarker.set(marker, (found = findVerified(lines, marker)));
  return found;
}

const verifiedMemo = new WeakMap<readonly string[], Map<string, readonly VerifiedComment[]>>();

function findVerified(lines: readonly string[], marker: string): VerifiedComment[] {
  const pattern = markerPattern(marker);
  const found: VerifiedComment[] = [];
  for (const comment of pythonComments(lines)) {
    const m = pattern.exec(comment.text);
    if (!m) continue;
    const column = comment.column + m.index;
    found.push({
      index: comment.index,
      column,
      written: m[0],
      exact: comment.text.includes(marker),
      text: comment.text.slice(m.index + m[0].length),
      textColumn: column + m[0].length,
    });
  }
  return found;
}

/** The first word of an info string, lower-cased (`{.python}` and `python title="x.py"` give "python"). */
export function fenceLanguage(info: string): string {
  return info.trim().replace(/^\{\s*\.?/, "").split(/[\s{},;:]/)[0].toLowerCase();
}

/** The info-string languages that make a fence a python fence by default (SC004, SC008). */
export const PYTHON_LANGUAGES: readonly string[] = ["python", "py", "python3", "py3"];

/** The fenced blocks of a document whose language (first word, any case) is one of `options.languages`. */
export function fencesIn(model: DocumentModel, options: { readonly languages: readonly string[] }): CodeBlock[] {
  const languages = fromOptions(options, "fence languages", () => new Set(options.languages.map((l) => l.trim().toLowerCase())));
  return model.codeBlocks.filter((block) => block.fenced && languages.has(fenceLanguage(block.info)));
}
