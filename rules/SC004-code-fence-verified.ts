/**
 * SC004 code-fence-verified: every python fence in a PRD, analysis or
 * research document carries a `# VERIFIED:` comment (seed 002 checks the
 * number of fences against `grep -c "# VERIFIED:"`). One finding per
 * unverified fence; a document's self-reported snippet count belongs to
 * SC010.
 */
import { fencesIn, PYTHON_LANGUAGES, verifiedComments } from "../lib/text/fences.js";
import { KIND_FILES } from "../lib/core/files.js";
import type { CodeBlock } from "../lib/core/model.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";

export interface SC004Options {
  /** Info-string languages that make a fence a python fence (first word, compared case-insensitively). */
  languages: string[];
  /** The text a comment must hold, spelled exactly (the seed counts it with `grep -c`), e.g. "# VERIFIED:". */
  marker: string;
}

export { fenceLanguage, pythonComments, type PythonComment } from "../lib/text/fences.js";

export const SC004Defaults: SC004Options = {
  languages: [...PYTHON_LANGUAGES],
  marker: "# VERIFIED:",
};

/** Why a python fence is not verified, or undefined when it is. */
function unverified(block: CodeBlock, marker: string): string | undefined {
  const comments = verifiedComments(block.content, marker);
  if (comments.some((c) => c.exact)) return undefined;
  if (comments.length > 0) return `"${comments[0].written}", spelled differently`;
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
    languages: is.arrayOf(is.nonEmptyString(), "languages"),
    marker: is.nonEmptyString(),
  },
  run({ model, options, report }) {
    for (const fence of fencesIn(model, options)) {
      const why = unverified(fence, options.marker);
      if (why === undefined) continue;
      report({
        line: fence.line,
        detail: `Expected: a "${options.marker}" comment in the python fence; Actual: ${why}`,
        context: model.lines[fence.line - 1]?.trim(),
      });
    }
  },
});
