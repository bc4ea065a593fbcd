/**
 * SC014 task-ids: checkbox tasks in tasks.md carry an ID (`**R1**`,
 * `**UT3**`, `**INT2**`, seed 003), IDs are unique in the file, and the
 * tasks of one section share its prefix scheme.
 */
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { WORKFLOW_FILES } from "../lib/core/workflows.js";
import { SPEC_KIT_ID_PATTERN } from "../lib/rules/SC014-tasks.js";
import { checkTaskIds, patternCheck, SC014Defaults, type SC014Options } from "../lib/rules/SC014-ids.js";

export { SC014Defaults, type SC014Options } from "../lib/rules/SC014-ids.js";

export default defineRule<SC014Options>({
  id: "SC014",
  slug: "task-ids",
  description: "Tasks should carry unique IDs that follow their section's prefix",
  category: "tasks",
  files: [...KIND_FILES.tasks],
  defaults: SC014Defaults,
  profiles: [
    // spec-kit: `- [ ] T001 [P] [US1] Description with file path`, IDs in order.
    { name: "spec-kit", files: WORKFLOW_FILES["spec-kit tasks"], options: { idPattern: SPEC_KIT_ID_PATTERN, order: true } },
    // Kiro: `- [ ] 1. Task`, `  - [ ] 1.1 Sub-task`, numbered as an outline.
    { name: "kiro", files: WORKFLOW_FILES["kiro tasks"], options: { outline: true } },
  ],
  schema: {
    requireIds: is.oneOf("always", "when-used", "never"),
    idPattern: patternCheck,
    samePrefix: is.boolean(),
    order: is.boolean(),
    outline: is.boolean(),
  },
  run: checkTaskIds,
});
