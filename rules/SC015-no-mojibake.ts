/**
 * SC015 no-mojibake: text garbled by decoding UTF-8 as Windows-1252 or
 * Latin-1 (`âœ“` for "✓", `â€™` for "’", `Ã©` for "é"; seed 003 has one).
 * Fixable: the fix writes the intended text over the run.
 */
import { findMojibake, type Mojibake, showText } from "../lib/rules/SC015-mojibake.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";

export interface SC015Options {
  /**
   * Whether code spans and code blocks are checked too (default true: a
   * wrong decoding garbles a whole file, code included, and a repair that
   * left the code garbled would be half a repair).
   */
  code: boolean;
}

export const SC015Defaults: SC015Options = { code: true };

/** The line with every repairable run replaced by its intended text. */
function applyRepairs(line: string, found: readonly Mojibake[]): string {
  let out = "";
  let at = 0;
  for (const m of found) {
    if (m.intended === undefined || m.index < at) continue;
    out += line.slice(at, m.index) + m.intended;
    at = m.index + m.text.length;
  }
  return out + line.slice(at);
}

export default defineRule<SC015Options>({
  id: "SC015",
  slug: "no-mojibake",
  description: "Text should not be garbled by a wrong character encoding",
  category: "encoding",
  fixable: true,
  files: ["**/*.md"],
  defaults: SC015Defaults,
  schema: { code: is.boolean() },
  run({ model, options, report }) {
    // HTML comments arrive blanked by markdownlint; front matter is not in the lines.
    const lines = options.code ? model.lines : model.masked;
    for (let i = 0; i < lines.length; i++) {
      const found = findMojibake(lines[i]);
      if (found.length === 0) continue;
      // Fixes are offered only when repairing the line leaves nothing that looks garbled:
      // a repair that produces new candidates (random bytes do) is not unambiguous.
      const converges = findMojibake(applyRepairs(lines[i], found)).length === 0;
      for (const m of found) {
        const why = `UTF-8 read as ${m.encoding}`;
        const range: [number, number] = [m.index + 1, m.text.length];
        if (m.intended === undefined) {
          report({
            line: i + 1,
            detail: `Expected: the intended character (likely ${showText(m.likely ?? "")}); Actual: ${showText(m.text)} (${why}, a byte lost)`,
            context: m.text,
            range,
          });
          continue;
        }
        report({
          line: i + 1,
          detail: `Expected: ${m.intended === "" ? "nothing (a byte-order mark)" : showText(m.intended)}; Actual: ${showText(m.text)} (${why})`,
          context: m.text,
          range,
          fixInfo: converges ? { editColumn: m.index + 1, deleteCount: m.text.length, insertText: m.intended } : undefined,
        });
      }
    }
  },
});
