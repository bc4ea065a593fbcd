/**
 * How SC009 reads a document (the rule: rules/SC009-verified-reference.ts).
 */
import { dirname } from "node:path";
import { verifiedComments } from "../text/fences.js";
import { fileFacts, filePath, isAbsoluteReference, isInside, projectRoot, resolveInside } from "../core/project.js";
import type { Finding, RuleContext } from "../core/rule.js";
import type { CodeBlock } from "../core/model.js";

export interface SC009Options {
  /**
   * The project root, relative to the working directory. Empty (the
   * default): the nearest ancestor directory of the linted file that holds
   * `.git`. With no root, existence checks are skipped (absolute paths are
   * still reported).
   */
  root: string;
  /** Also require the fence's code (comments and blank lines aside) to appear in the referenced lines. */
  matchContent: boolean;
  /** Files larger than this (bytes) are checked for existence only. */
  maxFileBytes: number;
  /**
   * Words that mark a comment as describing code that does not exist yet
   * ("# VERIFIED: Proposed new code for src/x.py"): files it names are not
   * checked for existence (absolute paths are still reported).
   */
  proposed: string[];
}

export const SC009Defaults: SC009Options = {
  root: "",
  matchContent: false,
  maxFileBytes: 10 * 1024 * 1024,
  proposed: ["proposed", "planned", "to be created", "will be created", "will be added", "new file", "new module"],
};

/** Info strings of fences that quote a whole document (its `# VERIFIED:` lines are not this document's). */
const QUOTED_DOCUMENTS = new Set(["markdown", "md", "mdx", "gfm"]);

/** A line specification after a path: `:45`, `:45-62`, `#L45`, `#L45-L62`. */
const LINE_SPEC = /^(.*?)(?::(\d+)(?:\s*[-–]\s*(\d+))?|#L(\d+)(?:-L?(\d+))?)$/;

/** A file extension: a letter, then up to 9 letters or digits. */
const EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,9}$/;

export interface Reference {
  /** The reference as written (path and line specification). */
  text: string;
  /** Offset of `text` in the comment. */
  offset: number;
  path: string;
  start?: number;
  end?: number;
}

/**
 * The file references in the text of a `# VERIFIED:` comment. A token is a
 * path when it has a file extension or a directory part that looks like one
 * (`src/x.py`, `tests/unit/`, `a/b/c`, `./x`, `/abs`, `~/x`); a bare name
 * counts with a line specification (`factory.py:45-62`, `Makefile:3`) or,
 * with an extension, when it is the whole comment, so prose such as "Syntax checked with py_compile", "Python
 * 3.7-3.11", "mypy/pyright" or "Node.js" is not taken for a path.
 */
export function references(comment: string): Reference[] {
  const out: Reference[] = [];
  // Bounded: a comment longer than this is not a reference worth following.
  comment = comment.slice(0, 2000);
  const whole = comment.trim();
  const token = /[^\s`'"()<>[\]{},;]+/g;
  for (let m = token.exec(comment); m; m = token.exec(comment)) {
    let text = m[0].replace(/(?<![.:!?])[.:!?]+$/, "");
    const offset = m.index;
    if (!text || text.includes("://")) continue;
    const spec = LINE_SPEC.exec(text);
    let path = text;
    let start: number | undefined;
    let end: number | undefined;
    if (spec && spec[1]) {
      path = spec[1];
      start = Number(spec[2] ?? spec[4]);
      end = spec[3] ?? spec[5] ? Number(spec[3] ?? spec[5]) : start;
    } else if (/:\D/.test(text)) {
      // "file.py:start-end" (a template left unfilled): the path alone.
      path = text.slice(0, text.indexOf(":"));
      text = path;
    }
    if (!path || !isPath(path, start !== undefined, text === whole)) continue;
    out.push({ text, offset, path, start, end });
  }
  return out;
}

function isPath(path: string, withLines: boolean, whole: boolean): boolean {
  if (isAbsoluteReference(path) || /^\.{1,2}[\\/]/.test(path)) return true;
  const parts = path.split(/[\\/]/);
  const last = parts[parts.length - 1];
  const hasExtension = EXTENSION.test(last) && /[A-Za-z_]/.test(last.replace(EXTENSION, ""));
  // A bare name: "factory.py" as the whole comment; "factory.py:45-62", "Makefile:3" anywhere.
  if (parts.length === 1) return (whole && hasExtension) || (withLines && /^[A-Za-z_][\w.-]*$/.test(last));
  // "and/or", "TCP/IP", "3.7/3.11", "mypy/pyright": one slash, no extension.
  return hasExtension || path.endsWith("/") || parts.filter(Boolean).length >= 3;
}

/** Normalised code lines of a fence for `matchContent`: no comments, no blank lines, no `...`. */
function codeLines(block: CodeBlock): string[] {
  return block.content
    .map((l) => l.trim().replace(/\s+/g, " "))
    .filter((l) => l !== "" && !l.startsWith("#") && l !== "..." && l !== "…");
}

/** What SC009 checks in one document. */
export function checkVerifiedReferences({ model, options, params, report }: RuleContext<SC009Options>): void {
  const comments: { line: number; column: number; text: string; block: CodeBlock }[] = [];
  for (const block of model.codeBlocks) {
    // A Markdown fence quotes another document; its fences are that document's.
    if (QUOTED_DOCUMENTS.has(block.lang)) continue;
    // The comments SC004 finds (real comments, the marker in any case), in any code block.
    if (!block.content.some((l) => l.includes("#"))) continue;
    for (const c of verifiedComments(block.content)) {
      const content = block.content[c.index];
      const line = block.contentLine + c.index;
      const raw = model.lines[line - 1] ?? "";
      // Content lines have container prefixes (quotes, list indents) removed.
      const shift = raw.endsWith(content) ? raw.length - content.length : 0;
      comments.push({ line, column: shift + c.textColumn + 1, text: c.text, block });
    }
  }
  if (comments.length === 0) return;

  const root = projectRoot(params.name, options.root);
  if (options.root && !root) {
    report({ line: 1, detail: `Option "root": Expected: an existing directory; Actual: "${options.root}" not found` });
  }
  const here = dirname(filePath(params.name));

  const lower = options.proposed.map((w) => w.toLowerCase());
  for (const comment of comments) {
    const text = comment.text.toLowerCase();
    const proposed = lower.some((w) => text.includes(w));
    for (const ref of references(comment.text)) {
      const at = (detail: string): Finding => ({
        line: comment.line,
        detail: `"${ref.text}": ${detail}`,
        context: comment.text.trim(),
        range: [comment.column + ref.offset, ref.text.length],
      });
      if (isAbsoluteReference(ref.path)) {
        report(at("Expected: a path relative to the project root; Actual: an absolute path (not portable)"));
        continue;
      }
      if (!root || proposed) continue;
      const relativeToFile = /^\.{1,2}[\\/]/.test(ref.path);
      const target = relativeToFile ? `${here}/${ref.path}` : `${root}/${ref.path}`;
      if (relativeToFile && !isInside(root, here)) continue;
      const found = resolveInside(root, target);
      switch (found.status) {
        case "outside":
          report(at("Expected: a path inside the project root; Actual: the path leaves it"));
          continue;
        case "symlink-outside":
          report(at("Expected: a path inside the project root; Actual: a symbolic link leads out of it"));
          continue;
        case "missing":
        case "unreadable":
          report(at("Expected: an existing file under the project root; Actual: not found"));
          continue;
        case "directory":
          if (ref.start !== undefined) report(at("Expected: a file; Actual: a directory"));
          continue;
      }
      if (ref.start !== undefined && (ref.start < 1 || ref.end! < ref.start)) {
        report(at(`Expected: a line range start-end with 1 ≤ start ≤ end; Actual: ${ref.start}-${ref.end}`));
        continue;
      }
      const facts = fileFacts(found.real, options.maxFileBytes);
      if (!facts) continue;
      if (ref.start !== undefined && ref.end! > facts.lineCount) {
        const lines = ref.start === ref.end ? `line ${ref.start}` : `lines ${ref.start}-${ref.end}`;
        report(at(`Expected: ${lines} to exist; Actual: the file has ${facts.lineCount} lines`));
        continue;
      }
      if (options.matchContent) {
        const from = (ref.start ?? 1) - 1;
        const to = ref.end ?? facts.lineCount;
        const source = facts.lines.slice(from, to).map((l) => l.trim().replace(/\s+/g, " "));
        const missing = codeLines(comment.block).find((code) => !source.some((l) => l.includes(code)));
        if (missing !== undefined) {
          const where = ref.start !== undefined ? "those lines" : "the file";
          report(at(`Expected: the fence's code in ${where}; Actual: "${missing.slice(0, 80)}" not found`));
        }
      }
    }
  }
}

