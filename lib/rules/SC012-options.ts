/**
 * SC012's options and their defaults (the rule: rules/SC012-required-sections.ts).
 */
import { KIND_FILES } from "../core/files.js";
import { KIRO_FEATURE, KIRO_FILES, SPEC_KIT_FILES, WORKFLOW_FILES } from "../core/workflows.js";

/**
 * A required section: a heading, a list of headings any one of which will
 * do (the first names the section in messages), or an object that also
 * says when the section is needed: `onlyIf: "code"` when the document holds
 * a code block, `"unfinished"` unless it says its work is complete
 * ("**Status**: Complete").
 */
export type RequiredSection =
  | string
  | string[]
  | {
      name: string;
      alternatives?: string[];
      onlyIf?: "code" | "unfinished";
      /** Not needed when the document holds one of these sections (an older template's, which did not ask for it). */
      unless?: string[];
    };

export interface RequiredSections {
  /** Glob patterns of the files this entry applies to (the first matching entry wins). */
  files: string[];
  /** Headings the document must hold, at any level (matched as SC001 matches them). */
  sections: RequiredSection[];
  /** Whether the sections must appear in the order listed (default false). */
  order?: boolean;
  /**
   * Report missing sections only when the document holds at least this
   * many of them (default 0: always). A document that holds fewer follows
   * another structure, and the rule cannot tell what it lacks.
   */
  minPresent?: number;
}

export interface SC012Options {
  documents: RequiredSections[];
  /**
   * Other names of a section, by section name: any heading that names one
   * of them (as it would name the section) holds the section. Entries are
   * added to the defaults; a section's own entry replaces its default list.
   */
  aliases: Record<string, string[]>;
  /**
   * Sections that may be folded into another, by section name: a missing
   * "Solution Summary" is present when a heading named "Overview" holds a
   * paragraph of at least 20 words (its summary is that paragraph; a list
   * of metadata is none). Entries are added to the defaults.
   */
  within: Record<string, string[]>;
  /** How similar (0–1, see lib/rules/SC012-nearest.ts) a heading must be to a name to hold it despite a typo; 1: exact words only. */
  similarity: number;
}

export const SC012Defaults: SC012Options = {
  documents: [
    {
      // spec-kit's spec template marks these "(mandatory)".
      files: [...WORKFLOW_FILES["spec-kit spec"]],
      sections: [
        "User Scenarios & Testing",
        "Requirements",
        // Older spec templates (with a "Review & Acceptance Checklist") had no success criteria.
        { name: "Success Criteria", unless: ["Review & Acceptance Checklist", "Execution Status"] },
      ],
    },
    // spec-kit's other templates mark no section mandatory.
    { files: [...SPEC_KIT_FILES], sections: [] },
    {
      // Kiro's requirements document: an introduction, then the requirements with their acceptance criteria.
      files: [`${KIRO_FEATURE}/requirements.md`],
      sections: ["Introduction", "Requirements"],
    },
    {
      // The sections Kiro's design document includes.
      files: [...WORKFLOW_FILES["kiro design"]],
      sections: ["Overview", "Architecture", "Components and Interfaces", "Data Models", "Error Handling", "Testing Strategy"],
      // A design document with fewer of them is organised its own way (by workflow, by phase).
      minPresent: 4,
    },
    { files: [...KIRO_FILES], sections: [] },
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
        { name: "Code Snippet Verification", onlyIf: "code" },
      ],
    },
    {
      // seed 002, Checkpoint 6 (recovery template)
      files: [...KIND_FILES.recovery],
      sections: ["Quick Context", { name: "Next Steps", alternatives: ["Next Steps for Expert Agent"], onlyIf: "unfinished" }],
    },
    {
      // The phases both tasks templates share (seed 002 Checkpoint 5, seed 003).
      files: [...KIND_FILES.tasks],
      sections: ["Phase 1: Planning & Research", "Testing", "Documentation", "Quality Gate & Archive"],
    },
  ],
  aliases: {
    // PRD
    Overview: ["Summary", "Executive Summary", "Introduction", "Background", "Context", "Problem Statement", "Problem", "Motivation", "Goals", "Purpose", "Description", "TL;DR", "Abstract", "概要"],
    "Problem Statement": ["Problem", "Problems", "Background", "Motivation", "Context", "Pain Points", "Issue", "Why", "Current Behavior", "Current State", "Root Cause"],
    "Solution Summary": ["Solution", "Proposed Solution", "Proposal", "Proposed Approach", "Proposed Direction", "Proposed Changes", "Proposed Fix", "The Fix", "Solution Overview", "Completion Summary", "Summary of Changes", "Executive Summary"],
    "Affected Components": ["Components", "Affected Files", "Affected Modules", "Affected Areas", "Affected Surfaces", "Impacted Components", "Files to Modify", "Files Changed", "Files Modified", "File Changes", "File Structure", "Modules", "Integration Points"],
    Architecture: ["Design", "Technical Design", "System Design", "Solution Design", "Current State", "Proposed Changes", "Proposed Direction", "Design Decisions", "Architecture Diagram", "Data Flow", "Components", "アーキテクチャ"],
    "Implementation Details": ["Implementation", "Technical Details", "Technical Design", "Technical Approach", "Technical Notes", "Technical Specification", "Specification", "Detailed Design", "Design Details", "Interface Changes", "API Changes", "Code Changes", "Proposed Changes", "Solution Implemented", "Implementation Summary"],
    "Testing Strategy": ["Testing", "Tests", "Test Plan", "Validation", "Verification", "QA", "Quality Assurance", "Test Cases", "テスト戦略", "テスト"],
    "Acceptance Criteria": ["Success Criteria", "Definition of Done", "Exit Criteria", "Done Criteria", "Completion Criteria"],
    "Risks & Mitigation": ["Risks", "Risk", "Mitigations", "Concerns", "Threats"],
    Dependencies: ["Prerequisites", "Depends On", "Blockers"],
    // research
    "Internal Patterns": ["Codebase Patterns", "Existing Patterns", "Code Analysis", "Codebase Analysis", "Internal Code", "Existing Code"],
    "Library Best Practices": ["Library Research", "Libraries", "Library Documentation", "External Libraries", "Library Patterns"],
    "Industry Best Practices": ["Best Practices", "Industry Patterns", "Industry Research"],
    "Comparable Implementations": ["Prior Art", "Similar Implementations", "Comparable Projects", "Related Projects", "Existing Solutions", "Other Implementations", "Alternatives", "Comparison"],
    "Code Snippet Verification": ["Snippet Verification", "Code Verification", "Verification"],
    // recovery
    "Quick Context": ["Context", "Current State", "Status", "Current Status", "Summary", "Overview", "Progress", "State", "Where We Are"],
    "Next Steps": ["Next Actions", "Remaining Work", "Remaining Tasks", "TODO", "To Do", "What's Next", "Resume Checklist", "How to Resume", "Pending", "Outstanding", "Open Items", "Follow-up", "Follow-ups", "Handoff", "Implementation Steps", "Remaining Steps", "Action Items", "Next Session", "How to Continue", "To Continue", "Resume Instructions"],
    // tasks
    "Phase 1: Planning & Research": ["Analysis", "Discovery", "Preparation", "Design"],
    Testing: ["Tests", "Test", "Validation", "Verification", "QA", "Quality Assurance"],
    Documentation: ["Docs", "Guides", "README"],
    "Quality Gate & Archive": ["Quality Gates", "Definition of Done", "Final Review", "Final Validation", "Final Checks", "Final Verification", "Verification Checklist", "Archival", "Archiving", "Completion", "Wrap-up", "Release"],
    // spec-kit spec
    "User Scenarios & Testing": ["User Scenarios", "User Stories", "Scenarios", "Acceptance Scenarios"],
    "Success Criteria": ["Measurable Outcomes", "Acceptance Criteria", "Definition of Done", "Exit Criteria", "Outcomes"],
    // Kiro requirements and design (Kiro writes them in the user's language: its Japanese headings too)
    Introduction: ["Overview", "Summary", "Background", "Purpose", "Context", "はじめに", "概要"],
    Requirements: ["要件"],
    "Components and Interfaces": ["コンポーネントとインターフェース", "コンポーネント"],
    "Data Models": ["Data Model", "Schema", "Schemas", "Data Structures", "Type Definitions", "Domain Model", "Message Formats", "Message Classes", "Data Flow", "データモデル"],
    "Error Handling": ["Errors", "Failure Handling", "エラーハンドリング", "エラー処理"],
  },
  within: {
    "Problem Statement": ["Overview"],
    "Solution Summary": ["Overview", "Architecture"],
  },
  similarity: 0.85,
};
