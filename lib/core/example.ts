/**
 * Example documents. A specs tree often ships one example workspace that
 * shows the layout ("This is an example requirement folder. Delete this and
 * create real requirements"); its placeholders, short sections and missing
 * parts are on purpose, so no rule checks it. A document is an example when
 * it says so near its top:
 *
 * - a sentence "This is an example / a sample / a demo / a template …" or
 *   "(No testing) needed for this example" in
 *   its first lines (a paragraph, list item or quote), or
 * - a title that names an example document: "Example Feature", "Tasks for
 *   Example Requirement", "Template Workspace Structure".
 *
 * A spec about examples ("End-to-End Example Testing Framework") is none.
 */
import type { DocumentModel } from "./model.js";

/** How far from the top a declaration is looked for (lines). */
const TOP_LINES = 12;
const DECLARATION = /\b(?:this is an? (?:example|sample|demo|template)|(?:needed|required) for this example)\b/i;
const EXAMPLE_TITLE =
  /\b(?:example|sample|template)\s+(?:requirements?|features?|specs?|specifications?|prds?|workspaces?|projects?|documents?|plans?|tasks?)\b/i;

/** Whether the document introduces itself as an example or a template. */
export function declaresExample(model: DocumentModel): boolean {
  for (const block of model.blocks) {
    if (block.line > TOP_LINES) break;
    if (DECLARATION.test(block.text)) return true;
    if (block.kind === "heading" && block.section.level === 1 && block.section.line === block.line && EXAMPLE_TITLE.test(block.text)) {
      return true;
    }
  }
  return false;
}
