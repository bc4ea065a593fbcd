/**
 * SC013 workspace-complete: a spec workspace holds its five documents, an
 * archived one holds no tmp/, and (optionally) only so many are active.
 * Reads directory listings only, never a file's content.
 */
import { isSelected } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { projectRoot } from "../lib/core/project.js";
import { defineRule } from "../lib/core/rule.js";
import {
  existsOnDisk,
  findWorkspace,
  hasEntry,
  listFiles,
  missingEntries,
  reporterOf,
  sameName,
  siblingWorkspaces,
  type WorkspaceLocation,
} from "../lib/core/workspace.js";

export type { WorkspaceLocation };

export interface SC013Options {
  /** Where workspaces live; entries are tried in order. */
  workspaces: WorkspaceLocation[];
  /** Files (relative to the workspace) every workspace holds, unless its location lists its own. */
  required: string[];
  /** Entries an archived workspace must not hold (a trailing "/" means a directory). */
  forbiddenInArchive: string[];
  /** The file that carries a workspace's findings when it exists; otherwise the first Markdown file in code-unit order. */
  reportOn: string;
  /** At most this many active workspaces per location directory (0: no limit). */
  maxActive: number;
}

/** The workspace of seed 004's "Workspace Management" (no analysis.md). */
const SEED_004_FILES = ["prd.md", "tasks.md", "recovery.md", "research/plan.md"] as const;

export const SC013Defaults: SC013Options = {
  workspaces: [
    // specs/active/{slug}/, archived to specs/archive/{slug}/ (some trees
    // archive to specs/completed/{slug}/). An archive is finished work:
    // adding its missing documents afterwards is worth nothing, so only
    // its tmp/ is checked.
    { directories: "**/specs/archive/*", archived: true, required: [] },
    { directories: "**/specs/completed/*", archived: true, required: [] },
    { directories: "**/specs/active/*" },
    // requirements/{slug}/ without research/analysis.md, archived to requirements/archive/
    { directories: "**/requirements/archive/*", archived: true, required: [] },
    { directories: "**/requirements/!(archive)", required: [...SEED_004_FILES] },
  ],
  required: ["prd.md", "tasks.md", "recovery.md", "research/analysis.md", "research/plan.md"],
  forbiddenInArchive: ["tmp/"],
  reportOn: "prd.md",
  maxActive: 0,
};

const relativePaths = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === "string" && x.trim() !== "" && !x.split(/[\\/]/).includes("..") && !/^([\\/]|[A-Za-z]:)/.test(x))
    ? undefined
    : `an array of relative paths inside the workspace; found ${JSON.stringify(v)}`;

/** One glob pattern (a string that compiles). */
const glob = (v: unknown) => (typeof v === "string" ? is.globs()([v]) : `a glob pattern; found ${JSON.stringify(v)}`);

const locationCheck = is.object({ directories: glob, archived: is.boolean(), required: relativePaths }, ["directories"]);

export default defineRule<SC013Options>({
  id: "SC013",
  slug: "workspace-complete",
  description: "Spec workspaces should hold their documents, and archives no tmp/",
  category: "workspace",
  files: ["**/*.md"],
  defaults: SC013Defaults,
  schema: {
    workspaces: is.arrayOf(locationCheck, "workspace locations"),
    required: relativePaths,
    forbiddenInArchive: relativePaths,
    reportOn: (v) =>
      typeof v === "string" && relativePaths([v]) === undefined
        ? undefined
        : `a relative path inside the workspace; found ${JSON.stringify(v)}`,
    maxActive: is.integer(0),
  },
  run({ options, params, report }) {
    // The name first (no file system access): most files are in no workspace.
    const ws = findWorkspace(params.name, options.workspaces, projectRoot(params.name) ?? process.cwd());
    if (!ws || !existsOnDisk(params.name)) return; // a string linted under an invented name
    const selected = (rel: string) => isSelected(`${ws.nameDir}/${rel}`, options.files, options.ignores);
    // Report once per workspace: on reportOn when it exists (in any case:
    // PRD.md), else on the first selected Markdown file.
    if (ws.file !== options.reportOn) {
      if (!sameName(ws.file, options.reportOn) && hasEntry(ws.dir, options.reportOn) && selected(options.reportOn)) return;
      const candidates = listFiles(ws.dir).filter(selected);
      if (reporterOf(candidates, options.reportOn) !== ws.file) return;
    }
    const kind = ws.location.archived ? "Archived" : "Active";
    const label = `${kind} workspace "${ws.slug}"`;
    const required = ws.location.required ?? options.required;
    const missing = missingEntries(ws.dir, required);
    // A folder holding none of the documents follows another layout (a spec.md and a
    // plan.md of its own): the rule cannot tell what it lacks, and stays silent.
    if (missing.length > 0 && missing.length < required.length) {
      report({ line: 1, detail: `${label}: Expected: ${required.join(", ")}; Actual: missing ${missing.join(", ")}` });
    }
    if (ws.location.archived) {
      const present = options.forbiddenInArchive.filter((entry) => hasEntry(ws.dir, entry));
      if (present.length > 0) {
        report({ line: 1, detail: `${label}: Expected: no ${options.forbiddenInArchive.join(", ")}; Actual: ${present.join(", ")} present` });
      }
    } else if (options.maxActive > 0) {
      const active = siblingWorkspaces(ws).length;
      if (active > options.maxActive) {
        report({ line: 1, detail: `${label}: Expected: at most ${options.maxActive} active workspaces beside it; Actual: ${active}` });
      }
    }
  },
});
