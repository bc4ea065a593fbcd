/**
 * SC004 code-fence-verified: every python fence in a PRD, analysis or
 * research document carries a `# VERIFIED:` comment, and the number of
 * python fences equals the number of verified ones (seed 002 checks both
 * with `grep -c`).
 */
import { fenceLanguage, pythonComments } from "../lib/fences.js";
import { KIND_FILES } from "../lib/files.js";
import { fromOptions } from "../lib/memo.js";
import type { CodeBlock } from "../lib/model.js";
import { is } from "../lib/options.js";
import { defineRule } from "../lib/rule.js";

export interface SC004Options {
  /** Info-string languages that make a fence a python fence (first word, compared case-insensitively). */
  languages: string[];
  /** The text a comment must hold (case-sensitive), e.g. "# VERIFIED:". */
  marker: string;
  /** Also report the document's fence/verified totals (on line 1) when they differ. */
  totals: boolean;
}

export { fenceLanguage, pythonComments, type PythonComment } from "../lib/fences.js";

export const SC004Defaults: SC004Options = {
  languages: ["python", "py", "python3", "py3"],
  marker: "# VERIFIED:",
  totals: true,
};

/** Why a python fence is not verified, or undefined when it is. */
function unverified(block: CodeBlock, marker: string): string | undefined {
  if (pythonComments(block.content).some((c) => c.text.includes(marker))) return undefined;
  if (block.content.every((l) => l.trim() === "")) return "empty fence";
  if (block.content.some((l) => l.includes(marker))) return `"${marker}" only inside a string`;
  return "none";
}

export default defineRule<SC004Options>({
  id: "SC004",
  slug: "code-fence-verified",
  description: "Python fences should carry a # VERIFIED: comment",
  category: "code-verification",
  files: [...KIND_FILES.prd, ...KIND_FILES.analysis, ...KIND_FILES.research],
  defaults: SC004Defaults,
  schema: {
    languages: is.arrayOf((v) => (typeof v === "string" && v.trim() !== "" ? undefined : "a non-empty string"), "languages"),
    marker: (v) => (typeof v === "string" && v.trim() !== "" ? undefined : `a non-empty string; found ${JSON.stringify(v)}`),
    totals: is.boolean(),
  },
  run({ model, options, report }) {
    const languages = fromOptions(options, "SC004", () => new Set(options.languages.map((l) => l.trim().toLowerCase())));
    const fences = model.codeBlocks.filter((b) => b.fenced && languages.has(fenceLanguage(b.info)));
    let missing = 0;
    for (const fence of fences) {
      const why = unverified(fence, options.marker);
      if (why === undefined) continue;
      missing++;
      report({
        line: fence.line,
        detail: `Expected: a "${options.marker}" comment in the python fence; Actual: ${why}`,
        context: model.lines[fence.line - 1]?.trim(),
      });
    }
    if (options.totals && missing > 0) {
      report({
        line: 1,
        detail: `Document: Expected: all ${fences.length} python fences verified; Actual: ${fences.length - missing} of ${fences.length} verified`,
      });
    }
  },
});
