/**
 * SC001 section-word-budget: the document and its sections meet their
 * minimum word counts.
 */
import { KIND_FILES } from "../lib/files.js";
import { globMatcher } from "../lib/files.js";
import { normalizeHeading } from "../lib/headings.js";
import type { Section } from "../lib/model.js";
import { is } from "../lib/options.js";
import { defineRule } from "../lib/rule.js";
import type { CountMode } from "../lib/words.js";

export interface DocumentBudget {
  /** Glob patterns of the files this budget applies to (the first matching entry wins). */
  files: string[];
  /** Minimum words of the whole document (0: no minimum). */
  minWords?: number;
  /** Minimum words per section, by heading (matched as CONTRACT.md says). */
  sections?: Record<string, number>;
}

export interface SC001Options {
  /** "prose" (text content, the default) or "wc" (what `wc -w` prints). */
  count: CountMode;
  documents: DocumentBudget[];
}

export const SC001Defaults: SC001Options = {
  count: "prose",
  documents: [
    {
      files: [...KIND_FILES.prd],
      minWords: 2000,
      sections: {
        Overview: 300,
        "Problem Statement": 200,
        "Solution Summary": 100,
        Architecture: 600,
        "Current State": 200,
        "Proposed Changes": 400,
        "Implementation Details": 400,
        "Testing Strategy": 400,
        "Risks & Mitigation": 100,
        Dependencies: 100,
      },
    },
    {
      files: [...KIND_FILES.analysis],
      minWords: 4500,
      sections: {
        "Phase 1: Scope Discovery": 1000,
        "Phase 2: Component Deep-Dive": 1500,
        "Phase 3: Integration Analysis": 1200,
        "Phase 4: Edge Cases & Error Paths": 1000,
        "Phase 5: Performance & Security": 800,
      },
    },
    {
      files: [...KIND_FILES.research],
      minWords: 2000,
      sections: {
        "Internal Patterns": 600,
        "Library Best Practices": 600,
        "Industry Best Practices": 500,
        "Comparable Implementations": 300,
      },
    },
  ],
};

const budgetCheck = is.object(
  { files: is.globs(), minWords: is.integer(0), sections: is.record(is.integer(0), "word minimums") },
  ["files"],
);

/** The shallowest, first section whose heading matches `key`. */
function findSection(sections: readonly Section[], key: string): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.level > 0 && s.key === key && (!best || s.level < best.level)) best = s;
  return best;
}

export default defineRule<SC001Options>({
  id: "SC001",
  slug: "section-word-budget",
  description: "Documents and sections should meet their word budget",
  category: "word-budget",
  files: ["**/*.md"],
  defaults: SC001Defaults,
  schema: { count: is.oneOf("prose", "wc"), documents: is.arrayOf(budgetCheck, "document budgets") },
  run({ model, options, params, report }) {
    const words = (s: Section) => s.words[options.count];
    const entry = options.documents.find((d) => globMatcher(d.files)(params.name));
    const minimums = new Map<Section, number>();
    for (const [heading, min] of Object.entries(entry?.sections ?? {})) {
      const section = findSection(model.sections, normalizeHeading(heading));
      if (section) minimums.set(section, Math.max(min, minimums.get(section) ?? 0));
    }
    for (const s of model.sections) {
      if (s.budget !== undefined) minimums.set(s, Math.max(s.budget, minimums.get(s) ?? 0));
    }
    const min = entry?.minWords ?? 0;
    if (min > 0 && words(model.root) < min) {
      report({ line: 1, detail: `Document: Expected: at least ${min} words; Actual: ${words(model.root)} words` });
    }
    for (const s of model.sections) {
      const need = minimums.get(s);
      if (need !== undefined && words(s) < need) {
        report({
          line: s.line,
          detail: `Section "${s.title}": Expected: at least ${need} words; Actual: ${words(s)} words`,
          context: model.lines[s.line - 1],
        });
      }
    }
  },
});
