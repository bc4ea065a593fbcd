/**
 * SC016 traceability: every reference between the documents of one feature
 * resolves. A Kiro task's `_Requirements: 1.2_` names an acceptance
 * criterion of the feature's requirements.md; a spec-kit task's `[US2]`
 * names a user story of its spec.md, and an `FR-007` cited in tasks.md or
 * plan.md is a requirement of spec.md. Optionally, a criterion, story or
 * requirement that no task cites is reported on its own line.
 *
 * The defining (or citing) document is a sibling of the linted file: read
 * inside the project root only (lib/core/project.ts), as text, once per run for
 * all the files that cite it (its facts are cached by path and mtime).
 */
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { WORKFLOW_FILES } from "../lib/core/workflows.js";
import { checkReferences, fileNames, referenceList, SC016Defaults, type SC016Options } from "../lib/rules/SC016-references.js";

export { SC016Defaults, type SC016Options } from "../lib/rules/SC016-references.js";

export default defineRule<SC016Options>({
  id: "SC016",
  slug: "traceability",
  description: "References between a feature's documents should resolve",
  category: "references",
  files: [
    ...WORKFLOW_FILES["spec-kit tasks"],
    ...WORKFLOW_FILES["spec-kit plan"],
    ...WORKFLOW_FILES["kiro tasks"],
    ...WORKFLOW_FILES["kiro design"],
  ],
  defaults: SC016Defaults,
  profiles: [
    { name: "spec-kit", files: [...WORKFLOW_FILES["spec-kit tasks"], ...WORKFLOW_FILES["spec-kit plan"]], options: { definedIn: ["spec.md"], references: ["stories", "ids"] } },
    // The defining documents, for `uncited` (nothing is checked there otherwise).
    { name: "spec-kit", files: WORKFLOW_FILES["spec-kit spec"], options: { references: ["stories", "ids"] } },
    { name: "kiro", files: [...WORKFLOW_FILES["kiro tasks"], ...WORKFLOW_FILES["kiro design"]], options: { definedIn: ["requirements.md", "bugfix.md"], references: ["criteria"] } },
    { name: "kiro", files: WORKFLOW_FILES["kiro requirements"], options: { references: ["criteria"] } },
  ],
  schema: {
    definedIn: fileNames,
    citedIn: fileNames,
    references: referenceList,
    idPrefixes: is.strings(),
    uncited: is.boolean(),
    root: is.string(),
    maxFileBytes: is.integer(0),
  },
  run: checkReferences,
});
