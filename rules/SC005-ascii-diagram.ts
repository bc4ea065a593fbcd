/**
 * SC005 ascii-diagram: a PRD holds at least one ASCII diagram (seed 002:
 * "ASCII Architecture Diagram (REQUIRED)", "No ASCII diagrams → Add visual
 * representation"), optionally inside a named section.
 */
import { DEFAULT_DIAGRAM_LANGUAGES, isDiagramBlock } from "../lib/text/diagram.js";
import { KIND_FILES } from "../lib/core/files.js";
import { normalizeHeading } from "../lib/text/headings.js";
import type { Section } from "../lib/core/model.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";

export interface SC005Options {
  /** Minimum number of ASCII diagrams. */
  minimum: number;
  /** Heading of the section that must hold the diagrams (matched as CONTRACT.md says); "" for anywhere. */
  section: string;
  /** Info-string languages a diagram block may carry ("" is a block without language). */
  languages: string[];
  /** Whether a mermaid block (```mermaid) counts as a diagram. */
  mermaid: boolean;
  /**
   * Check only documents that hold a section with this heading (the
   * diagram may be anywhere in them); "" to check every document.
   */
  ifSection: string;
}

export const SC005Defaults: SC005Options = {
  minimum: 1,
  section: "",
  languages: [...DEFAULT_DIAGRAM_LANGUAGES],
  mermaid: false,
  ifSection: "",
};

/** A diagram block: an ASCII drawing, or (when `mermaid` is on) a mermaid block. */
export function countsAsDiagram(block: { lang: string; content: readonly string[] }, options: Pick<SC005Options, "languages" | "mermaid">): boolean {
  return (options.mermaid && block.lang.toLowerCase() === "mermaid" && block.content.some((l) => l.trim() !== "")) || isDiagramBlock(block, options.languages);
}

export default defineRule<SC005Options>({
  id: "SC005",
  slug: "ascii-diagram",
  description: "PRDs should hold an ASCII diagram",
  category: "diagram",
  files: [...KIND_FILES.prd],
  defaults: SC005Defaults,
  schema: { minimum: is.integer(1), section: is.string(), languages: is.strings(), mermaid: is.boolean(), ifSection: is.string() },
  run({ model, options, report }) {
    if (options.ifSection.trim() !== "") {
      const key = normalizeHeading(options.ifSection);
      if (!model.sections.some((s) => s.level > 0 && s.key === key)) return;
    }
    const kind = options.mermaid ? "diagram" : "ASCII diagram";
    const plural = (n: number) => `${n} ${kind}${n === 1 ? "" : "s"}`;
    const blocksIn = (blocks: readonly unknown[]) => `among ${blocks.length} code block${blocks.length === 1 ? "" : "s"}`;
    if (options.section.trim() === "") {
      // Anywhere in the document: the blocks are read until enough diagrams are found.
      let found = 0;
      for (const block of model.codeBlocks) if (countsAsDiagram(block, options) && ++found >= options.minimum) return;
      report({ line: 1, detail: `Expected: at least ${plural(options.minimum)}; Actual: ${found} ${blocksIn(model.codeBlocks)}` });
      return;
    }
    const diagram = new Set(model.codeBlocks.filter((b) => countsAsDiagram(b, options)));
    const key = normalizeHeading(options.section);
    const matching = model.sections.filter((s) => s.level > 0 && s.key === key);
    if (matching.length === 0) {
      report({
        line: 1,
        detail: `Expected: a section "${options.section}" holding at least ${plural(options.minimum)}; Actual: no such section`,
      });
      return;
    }
    // The matching section holding the most diagrams (the first on a tie) is judged.
    const count = (s: Section) => [...diagram].filter((b) => b.line >= s.line && b.line <= s.endLine).length;
    const scope = matching.reduce((best, s) => (count(s) > count(best) ? s : best));
    const blocks = model.codeBlocks.filter((b) => b.line >= scope.line && b.line <= scope.endLine);
    const diagrams = blocks.filter((b) => diagram.has(b)).length;
    if (diagrams >= options.minimum) return;
    report({
      line: scope.line,
      detail: `Section "${scope.title}": Expected: at least ${plural(options.minimum)}; Actual: ${diagrams} ${blocksIn(blocks)}`,
      context: model.lines[scope.line - 1]?.trim(),
    });
  },
});
