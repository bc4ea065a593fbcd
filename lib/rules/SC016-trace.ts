/**
 * References between the documents of one feature (SC016), read from plain
 * lines: what a requirements document defines (Kiro's numbered acceptance
 * criteria, spec-kit's user stories and `FR-001` IDs) and what a task list,
 * plan or design cites (`_Requirements: 1.2, 3.1_`, `[US2]`, `FR-007`).
 *
 * The defining document is a sibling of the linted file, read as text (no
 * Markdown parse: fenced code is skipped, headings and list items are
 * recognised by their line shape). Pure: no I/O.
 */

/** What a requirements document defines. */
export interface Targets {
  /** Kiro: requirement numbers ("3") and criterion numbers ("3.2", also "3.2.1"). */
  requirements: Set<string>;
  criteria: Set<string>;
  /** Lines of each defined criterion or requirement number (for uncited ones). */
  lineOf: Map<string, number>;
  /** spec-kit: numbers of the user stories ("2" for "User Story 2"). */
  stories: Set<string>;
  /** spec-kit: IDs such as "FR-007", "SC-001" (upper case). */
  ids: Set<string>;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** "Requirement 3", "Requirement 3: Title", "要件3", "Req 3". */
const REQUIREMENT_HEADING = /^(?:\*\*)?(?:requirement|req\.?|要件)\s*(\d+)(?!\.\d)\b/iu;
/** A numbered heading: "1. CloudWatch Alarm Integration", "1.1 Alarm State Detection". */
const NUMBERED_HEADING = /^(?:\*\*)?(\d+(?:\.\d+)*)[.)]?(?=\s)/u;
/** A numbered list item (a criterion): "1. WHEN …", "  2) …". */
const NUMBERED_ITEM = /^(\s*)(\d+)[.)]\s/;
/** A criterion written with its full number: "1.2 WHEN …", "- 1.2 WHEN …", "**1.2** WHEN …". */
const FULL_NUMBER = /^\s*(?:[-*+]\s+)?(?:\*\*)?(\d+\.\d+(?:\.\d+)*)(?:\*\*)?[.):]?\s/;
/** A requirement named on a line of its own, not a heading: "**Requirement 3: Sharing**", "Requirement 3:". */
const REQUIREMENT_LINE = /^\s{0,3}(?:\*\*|__)?(?:requirement|要件)\s*(\d+)(?!\.\d)\b[^\n]*$/iu;
/** The start of a requirement's acceptance criteria, as a heading or a label. */
const CRITERIA_LABEL = /^(?:acceptance\s+criteria|受入基準)\b/iu;
/** A bulleted item (a criterion where a requirement numbers none): "- WHEN …". */
const BULLET_ITEM = /^(\s*)[-*+]\s+(?!\[[ xX]\])\S/;
/** A user story heading: "User Story 2 - Title", "Story 3 — Title", "US2: Title". */
const STORY_HEADING = /(?:\buser\s+story|\bstory)\s*#?(\d+)\b|\bUS-?(\d+)\b/i;

/** The lines of a document outside fenced code (blanked), so line numbers stay. */
export function proseLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const m = FENCE.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1].trim() + line.trim().slice(m[1].trim().length)) {
        if (/^\s{0,3}(`{3,}|~{3,})\s*$/.test(line)) fence = undefined;
      }
      out.push("");
      continue;
    }
    if (m) {
      fence = m[1];
      out.push("");
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * What a requirements or spec document defines. `idPrefixes` are the
 * prefixes of requirement IDs ("FR" for "FR-007").
 */
export function readTargets(lines: readonly string[], idPrefixes: readonly string[]): Targets {
  const targets: Targets = { requirements: new Set(), criteria: new Set(), lineOf: new Map(), stories: new Set(), ids: new Set() };
  const idRe = idPattern(idPrefixes);
  let current: string | undefined;
  let currentLevel = 7;
  // Items of the current requirement: numbered ones, and bullets counted in order where it numbers none.
  let numberedItems = 0;
  let bullets = 0;
  // Whether the current requirement's acceptance criteria have begun ("#### Acceptance Criteria", "**Acceptance Criteria:**").
  let inCriteria = false;
  const enter = (requirement: string, level: number, line: number) => {
    current = requirement;
    currentLevel = level;
    numberedItems = 0;
    bullets = 0;
    inCriteria = false;
    define(targets.requirements, requirement, line);
  };
  const define = (set: Set<string>, key: string, line: number) => {
    set.add(key);
    if (!targets.lineOf.has(key)) targets.lineOf.set(key, line);
  };
  proseLines(lines).forEach((text, i) => {
    const line = i + 1;
    if (idRe) for (const m of text.matchAll(idRe)) targets.ids.add(m[1].toUpperCase());
    const heading = HEADING.exec(text);
    if (heading) {
      const level = heading[1].length;
      const title = heading[2].replace(/^[*_]+|[*_]+$/g, "").trim();
      const story = STORY_HEADING.exec(title);
      if (story) targets.stories.add(story[1] ?? story[2]);
      const requirement = REQUIREMENT_HEADING.exec(title);
      const numbered = NUMBERED_HEADING.exec(title);
      if (requirement) {
        enter(requirement[1], level, line);
      } else if (numbered) {
        const parts = numbered[1].split(".");
        define(targets.requirements, parts[0], line);
        if (parts.length > 1) define(targets.criteria, numbered[1], line);
        if (parts.length === 1) enter(parts[0], level, line);
      } else if (current !== undefined && CRITERIA_LABEL.test(title)) {
        inCriteria = true;
      } else if (level <= currentLevel) {
        current = undefined;
        currentLevel = 7;
      }
      return;
    }
    const full = FULL_NUMBER.exec(text);
    if (full) {
      define(targets.criteria, full[1], line);
      define(targets.requirements, full[1].split(".")[0], line);
      return;
    }
    const named = REQUIREMENT_LINE.exec(text);
    if (named && !/^\s*[-*+]\s/.test(text)) {
      enter(named[1], currentLevel === 7 ? 7 : currentLevel, line);
      return;
    }
    const item = NUMBERED_ITEM.exec(text);
    if (item && current !== undefined && item[1].length <= 3) {
      numberedItems++;
      define(targets.criteria, `${current}.${Number(item[2])}`, line);
      return;
    }
    if (current !== undefined && !inCriteria && CRITERIA_LABEL.test(text.replace(/^[\s*_]+/, ""))) {
      inCriteria = true;
      return;
    }
    const bullet = BULLET_ITEM.exec(text);
    if (bullet && current !== undefined && inCriteria && bullet[1].length <= 1 && numberedItems === 0) define(targets.criteria, `${current}.${++bullets}`, line);
  });
  return targets;
}

/** A whole-word pattern of requirement IDs with these prefixes ("FR-007", "NFR-002a"); group 1 is the ID. */
export function idPattern(prefixes: readonly string[]): RegExp | undefined {
  const list = prefixes.map((p) => p.trim()).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return list.length > 0 ? new RegExp(`(?<![\\w-])((?:${list.join("|")})-\\d+[a-z]?)(?![\\w-])`, "g") : undefined;
}

/** One cited target on a line: its text, where it is, and the numbers it stands for. */
export interface Citation {
  kind: "criterion" | "story" | "id";
  /** As written ("1.2", "14.1-14.5", "US2", "FR-007"). */
  text: string;
  /** 0-based column on the line. */
  column: number;
  /** The keys it needs ("1.2"; a range of one requirement: each number; "2" for US2; "FR-007"). */
  keys: string[];
}

/**
 * Where a list of cited criteria starts: "_Requirements: 1.2, 3.1_",
 * "**Requirements:** 2.1", "_要件: 1.1_", "**Validates: Requirements 1.2,
 * 3.4**"; and a criterion named in prose, "(requirement 6.4)".
 */
const LIST_LABEL = /(?<![\p{L}\p{N}])(?:(?:requirements?|reqs?|要件)[ \t]*[*_]*[ \t]*[:：]|validates[ \t]*[*_]*[ \t]*:?[ \t]*[*_]*[ \t]*(?:requirements?(?![\p{L}]))?)/giu;
const PROSE_MENTION = /(?<![\p{L}\p{N}])requirements?[ \t]+(\d+\.\d+(?:\.\d+)*)(?![\d.]*\d)/giu;
/** What a line citing criteria holds: "Requirements", "Req", "要件" or "Validates". */
const CITING = /req|要件|validates/iu;
/** One item of a list: a number or a range, maybe with a note in parentheses. */
const LIST_ITEM = /^(\d+(?:\.\d+)*)(?:[ \t]*(?:[-–]|to)[ \t]*(\d+(?:\.\d+)*))?[.]?(?:[ \t]*\([^)]*\))?$/u;

/** Criterion citations of a line (Kiro). Items that are not numbers ("All", "Enterprise quality") name nothing to check. */
export function criterionCitations(text: string): Citation[] {
  // Every label and mention below holds one of these: most lines are left at once.
  if (!CITING.test(text)) return [];
  const out: Citation[] = [];
  const taken: [number, number][] = [];
  LIST_LABEL.lastIndex = 0;
  for (let m = LIST_LABEL.exec(text); m; m = LIST_LABEL.exec(text)) {
    if (m[0] === "") {
      LIST_LABEL.lastIndex++;
      continue;
    }
    const start = m.index + m[0].length;
    // The list runs to the end of its emphasis or of the line.
    const rest = text.slice(start);
    const end = /[_*]|$/.exec(rest.replace(/^[ \t]*[*_]+/, (x) => " ".repeat(x.length)))!.index;
    const list = rest.slice(0, end);
    let at = 0;
    for (const piece of list.split(/([,、;]|\band\b)/u)) {
      const column = start + at;
      at += piece.length;
      const item = LIST_ITEM.exec(piece.trim());
      if (!item) continue;
      const offset = piece.indexOf(item[1]);
      const shown = item[2] === undefined ? item[1] : piece.trim().replace(/[ \t]*\([^)]*\)$/, "").replace(/\.$/, "");
      out.push({ kind: "criterion", text: shown, column: column + offset, keys: expand(item[1], item[2]) });
    }
    taken.push([m.index, start + end]);
  }
  PROSE_MENTION.lastIndex = 0;
  for (let m = PROSE_MENTION.exec(text); m; m = PROSE_MENTION.exec(text)) {
    if (taken.some(([a, b]) => m!.index >= a && m!.index < b)) continue;
    out.push({ kind: "criterion", text: m[1], column: m.index + m[0].length - m[1].length, keys: [m[1]] });
  }
  return out;
}

/** The numbers a cited range stands for: "14.1"–"14.5" is 14.1 … 14.5; a range across requirements only its ends. */
function expand(from: string, to: string | undefined): string[] {
  if (to === undefined) return [from];
  const a = from.split(".");
  const b = to.split(".");
  if (a.length === b.length && a.slice(0, -1).join(".") === b.slice(0, -1).join(".")) {
    const head = a.slice(0, -1);
    const lo = Number(a[a.length - 1]);
    const hi = Number(b[b.length - 1]);
    if (hi >= lo && hi - lo <= 100) return Array.from({ length: hi - lo + 1 }, (_, k) => [...head, String(lo + k)].join("."));
  }
  return [from, to];
}

const STORY_LABEL = /\[US-?(\d+)\]/g;

/** spec-kit story labels of a line: "[US2]". */
export function storyCitations(text: string): Citation[] {
  const out: Citation[] = [];
  if (!text.includes("[US")) return out;
  // exec, not matchAll: matchAll copies its expression on every call, and this runs for every line.
  STORY_LABEL.lastIndex = 0;
  for (let m = STORY_LABEL.exec(text); m; m = STORY_LABEL.exec(text)) out.push({ kind: "story", text: m[0], column: m.index, keys: [m[1]] });
  return out;
}

/** Requirement IDs of a line: "FR-007". */
export function idCitations(text: string, pattern: RegExp | undefined): Citation[] {
  const out: Citation[] = [];
  if (!pattern || !text.includes("-")) return out;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) out.push({ kind: "id", text: m[1], column: m.index, keys: [m[1].toUpperCase()] });
  return out;
}
