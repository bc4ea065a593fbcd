/**
 * SC011's options and their defaults (the rule: rules/SC011-no-template-placeholders.ts).
 */

export interface SC011Options {
  /** Words that mark unfinished text, matched case-sensitively as whole words (none by default; e.g. "TBD", "TODO"). */
  words: string[];
  /**
   * Nouns after which a word is a mention, not a placeholder ("a TODO
   * marker", "TODO comments").
   */
  mentions: string[];
  /** Report words in braces (`{slug}`, `{count}`, `{Feature Name}`, `{Auto-generated from existing adapters}`). */
  braces: boolean;
  /** Report `[Capitalised words]` in brackets that are not links (`[Feature Name]`, `[List adapters]`). */
  brackets: boolean;
  /** Exact texts that are never reported (e.g. "[Optional]", "{id}"). */
  allow: string[];
  /** Words that, alone in brackets or braces, are a value and not a blank (a status: "[Pending]", "[Done]"); case-insensitive. */
  labels: string[];
  /** Words that, in a heading, mark its section as holding templates on purpose ("## Templates for Research Findings"). */
  templateHeadings: string[];
  /**
   * Regular expressions (case-sensitive) of text that is a placeholder
   * wherever it stands in prose, quoted or not: an open
   * `[NEEDS CLARIFICATION: …]` and spec-kit's template tokens
   * (`[FEATURE NAME]`, `[DATE]`, `$ARGUMENTS`, `[###-feature-name]`).
   */
  markers: string[];
}

export const SC011Defaults: SC011Options = {
  words: [],
  mentions: [
    "marker",
    "markers",
    "comment",
    "comments",
    "placeholder",
    "placeholders",
    "item",
    "items",
    "tag",
    "tags",
    "list",
    "lists",
    "note",
    "notes",
    "entry",
    "entries",
    "label",
    "labels",
  ],
  braces: true,
  brackets: true,
  // The spec-kit template's own example of the marker, in its guidance text.
  allow: ["[NEEDS CLARIFICATION: specific question]"],
  labels: [
    "Pending", "Approved", "Rejected", "Accepted", "Proposed", "Draft", "Done", "Complete", "Completed", "In Progress",
    "Not Started", "Started", "Planned", "Blocked", "Skipped", "Deferred", "Cancelled", "Canceled", "Superseded",
    "Deprecated", "Obsolete", "Optional", "Required", "Unreleased", "Released", "Experimental", "Beta", "Alpha",
    "Stable", "New", "Updated", "Fixed", "Added", "Changed", "Removed", "Breaking", "Yes", "No", "Open", "Closed",
    "Resolved", "Verified", "Passed", "Failed", "Passing", "Failing",
  ],
  templateHeadings: ["template", "templates"],
  markers: [
    // An open question the spec still asks; "No [NEEDS CLARIFICATION] markers remain" has no colon and is a mention.
    "\\[NEEDS CLARIFICATION:[^\\]]*\\]?",
    // spec-kit's template tokens.
    "\\[(?:FEATURE(?: NAME)?|DATE|CHECKLIST TYPE|REMOVE IF UNUSED)\\]",
    "\\[###-[a-z-]+\\]",
    "(?<![\\w$])\\$ARGUMENTS\\b",
    // A template's example blank: "[e.g., Python 3.11, Swift 5.9]".
    "\\[e\\.g\\.[^\\]]*\\]",
  ],
};
