/**
 * SC012 required-sections: each document kind holds the sections of its
 * seed template (seed 002, Checkpoints 2–6; seed 003).
 */
import { globMatcher, KIND_FILES } from "../lib/files.js";
import { normalizeHeading } from "../lib/headings.js";
import type { Section } from "../lib/model.js";
import { nearest } from "../lib/nearest.js";
import { type Check, is } from "../lib/options.js";
import { defineRule } from "../lib/rule.js";

/**
 * A required section: a heading, or a list of headings any one of which
 * will do (the first names the section in messages).
 */
export type RequiredSection = string | string[];

export interface RequiredSections {
  /** Glob patterns of the files this entry applies to (the first matching entry wins). */
  files: string[];
  /** Headings the document must hold, at any level (matched as SC001 matches them). */
  sections: RequiredSection[];
  /** Whether the sections must appear in the order listed (default false). */
  order?: boolean;
}

export interface SC012Options {
  documents: RequiredSections[];
  /**
   * How similar (0–1, see lib/nearest.ts) a heading must be to a missing
   * section's name to be offered as the nearest heading; 1 turns hints off.
   */
  similarity: number;
}

export const SC012Defaults: SC012Options = {
  documents: [
    {
      // seed 002, Checkpoint 4 (PRD template)
      files: [...KIND_FILES.prd],
      sections: [
        "Overview",
        "Problem Statement",
        "Solution Summary",
        "Affected Components",
        "Architecture",
        "Implementation Details",
        "Testing Strategy",
        "Acceptance Criteria",
        "Risks & Mitigation",
        "Dependencies",
      ],
    },
    {
      // seed 002, Checkpoint 2 (analysis template)
      files: [...KIND_FILES.analysis],
      sections: [
        "Phase 1: Scope Discovery",
        "Phase 2: Component Deep-Dive",
        "Phase 3: Integration Analysis",
        "Phase 4: Edge Cases & Error Paths",
        "Phase 5: Performance & Security",
        ["Critical Decisions Made", "Critical Decisions"],
      ],
    },
    {
      // seed 002, Checkpoint 3 (research template)
      files: [...KIND_FILES.research],
      sections: [
        "Internal Patterns",
        "Library Best Practices",
        "Industry Best Practices",
        "Comparable Implementations",
        "Code Snippet Verification",
      ],
    },
    {
      // seed 002, Checkpoint 6 (recovery template)
      files: [...KIND_FILES.recovery],
      sections: ["Quick Context", ["Next Steps", "Next Steps for Expert Agent"]],
    },
    {
      // The phases both tasks templates share (seed 002 Checkpoint 5, seed 003).
      files: [...KIND_FILES.tasks],
      sections: ["Phase 1: Planning & Research", "Testing", "Documentation", "Quality Gate & Archive"],
    },
  ],
  similarity: 0.6,
};

const requiredCheck: Check = (v) =>
  typeof v === "string" && v.trim() !== ""
    ? undefined
    : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x.trim() !== "")
      ? undefined
      : `a heading or a non-empty array of alternative headings; found ${Array.isArray(v) ? "an array" : JSON.stringify(v)}`;

const entryCheck = is.object(
  { files: is.globs(), sections: is.arrayOf(requiredCheck, "headings"), order: is.boolean() },
  ["files", "sections"],
);

const similarityCheck: Check = (v) =>
  typeof v === "number" && v >= 0 && v <= 1 ? undefined : `a number from 0 to 1; found ${JSON.stringify(v)}`;

/** The shallowest, first section whose heading matches one of `keys` (as SC001 finds budget sections). */
function findSection(sections: readonly Section[], keys: ReadonlySet<string>): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.level > 0 && keys.has(s.key) && (!best || s.level < best.level)) best = s;
  return best;
}

/** Indices (into `lines`) of a longest strictly increasing subsequence. */
function longestIncreasing(lines: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(lines.length).fill(-1);
  for (let i = 0; i < lines.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[tails[mid]] < lines[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}

export default defineRule<SC012Options>({
  id: "SC012",
  slug: "required-sections",
  description: "Documents should hold the sections their template requires",
  category: "structure",
  files: ["**/*.md"],
  tables: ["documents"],
  defaults: SC012Defaults,
  schema: { documents: is.arrayOf(entryCheck, "required-section entries"), similarity: similarityCheck },
  run({ model, options, params, report }) {
    const entry = options.documents.find((d) => globMatcher(d.files)(params.name));
    if (!entry) return;
    const headings = model.sections.filter((s) => s.level > 0);
    const required = entry.sections.map((r) => {
      const names = typeof r === "string" ? [r] : r;
      return { name: names[0], keys: new Set(names.map(normalizeHeading)), section: undefined as Section | undefined };
    });
    // Each required section once, even when listed twice.
    const unique = required.filter((r, i) => required.findIndex((o) => o.keys.has([...r.keys][0])) === i);
    for (const r of unique) r.section = findSection(headings, r.keys);
    const matched = new Set(unique.map((r) => r.section).filter((s): s is Section => s !== undefined));
    const unmatched = headings.filter((s) => !matched.has(s));

    for (const r of unique) {
      if (r.section) continue;
      const near = options.similarity < 1 ? nearest(r.name, unmatched, (s) => s.key, options.similarity) : undefined;
      report({
        line: 1,
        detail: `Expected: a section "${r.name}"; Actual: none${near ? ` (nearest heading: "${near.title}")` : ""}`,
      });
    }

    if (!entry.order) return;
    const present = unique.filter((r) => r.section);
    const lines = present.map((r) => r.section!.line);
    const inOrder = longestIncreasing(lines);
    for (let i = 0; i < present.length; i++) {
      if (inOrder.has(i)) continue;
      const s = present[i].section!;
      // A kept section that should come before this one but comes after it, else one that should come after but comes before.
      let detail: string | undefined;
      for (let j = i - 1; j >= 0 && !detail; j--) {
        if (inOrder.has(j) && lines[j] > lines[i]) detail = `Expected: after "${present[j].name}"; Actual: before it`;
      }
      for (let j = i + 1; j < present.length && !detail; j++) {
        if (inOrder.has(j) && lines[j] < lines[i]) detail = `Expected: before "${present[j].name}"; Actual: after it`;
      }
      report({ line: s.line, detail: `Section "${s.title}": ${detail ?? "Expected: the listed order; Actual: out of order"}`, context: model.lines[s.line - 1] });
    }
  },
});
