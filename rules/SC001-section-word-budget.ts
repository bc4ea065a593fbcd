/**
 * SC001 section-word-budget: the document and its sections meet their
 * minimum word counts.
 */
import { type BudgetEntry, documentBudgets } from "../lib/text/budgets.js";
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import type { CountMode } from "../lib/text/words.js";

/** One budget entry: `files` (the first matching entry wins), `minWords` of the document, `sections` by heading. */
export type DocumentBudget = BudgetEntry;

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

export default defineRule<SC001Options>({
  id: "SC001",
  slug: "section-word-budget",
  description: "Documents and sections should meet their word budget",
  category: "word-budget",
  files: ["**/*.md"],
  tables: ["documents"],
  defaults: SC001Defaults,
  schema: { count: is.oneOf("prose", "wc"), documents: is.arrayOf(budgetCheck, "document budgets") },
  run({ model, options, params, report }) {
    const budgets = documentBudgets(model, params.name, options);
    if (budgets.minimum > 0 && budgets.words < budgets.minimum) {
      report({ line: 1, detail: `Document: Expected: at least ${budgets.minimum} words; Actual: ${budgets.words} words` });
    }
    for (const { section, budget, words } of budgets.sections) {
      if (words < budget) {
        report({
          line: section.line,
          detail: `Section "${section.title}": Expected: at least ${budget} words; Actual: ${words} words`,
          context: model.lines[section.line - 1],
        });
      }
    }
  },
});
