/**
 * SC009 verified-reference: a `# VERIFIED: path:start-end` comment in a code
 * block points at a file that exists under the project root, and at lines
 * that exist in it (seed 002: "# VERIFIED: src/goe/offload/factory/
 * backend_api_factory.py:45-62").
 *
 * Safety: only files inside the project root are looked at (lib/core/project.ts
 * resolves each path component by component and refuses `..` and symbolic
 * links that leave the root before touching anything outside it); absolute
 * paths are reported as not portable and never opened.
 */
import { is } from "../lib/core/options.js";
import { defineRule } from "../lib/core/rule.js";
import { checkVerifiedReferences, SC009Defaults, type SC009Options } from "../lib/rules/SC009-references.js";

export { type Reference, references, SC009Defaults, type SC009Options } from "../lib/rules/SC009-references.js";

export default defineRule<SC009Options>({
  id: "SC009",
  slug: "verified-reference",
  description: "# VERIFIED: references should point at existing files and lines in the project",
  category: "code-verification",
  files: ["**/*.md"],
  defaults: SC009Defaults,
  schema: { root: is.string(), matchContent: is.boolean(), maxFileBytes: is.integer(0), proposed: is.strings() },
  run: checkVerifiedReferences,
});
