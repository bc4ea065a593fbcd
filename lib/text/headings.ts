/**
 * Heading matching, as CONTRACT.md defines it: case, extra spaces, leading
 * numbering ("1.", "2.3", "Phase 2:", "Step 3 -"), emoji and a trailing
 * parenthetical are ignored; a "(300+ words)" annotation is read as a budget.
 */
import { detached } from "../core/detach.js";
import type { Section } from "../core/model.js";

const EMOJI_AND_SYMBOLS = /[\p{Extended_Pictographic}\p{So}\u{FE0F}\u{200D}\u{20E3}]/gu;
const LEADING_NUMBERING =
  /^\s*(((phase|step|part|stage|checkpoint|section)\s+)?(\d+(\.\d+)*|[ivx]+|[a-z])[.):]?(?=\s)\s*[:.\-–—]?\s*)/iu;
// A budget is a minimum: "(300+ words)", "(at least 300 words)", "(minimum
// 300 words)", "(≥ 300 words)", "(300 words minimum)", "(300 words or
// more)". A plain size ("(5,690 words)" in a README listing other files, "(~300
// words)") is no budget.
const NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
const BUDGET = new RegExp(
  "\\(\\s*(?:" +
    `(?:at\\s+least|minimum(?:\\s+of)?|min\\.?|≥|>=)\\s*${NUMBER}\\s*(?:\\+\\s*)?words?\\b` +
    `|${NUMBER}\\s*\\+\\s*words?\\b` +
    `|${NUMBER}\\s*words?\\s+(?:minimum|min\\b\\.?|or\\s+more|at\\s+least)` +
    ")[^)]*\\)",
  "iu",
);

// Rules normalise their configured heading names for every file, and the
// same headings recur across a tree: remember the last thousand. On the
// bench corpus (35,472 calls) 1,024 entries miss 5,850 times against 5,399
// for 4,096, at the same time spent, and keep at most a quarter of the
// memory alive (each entry holds two copied strings).
const MEMO_SIZE = 1024;
const normalized = new Map<string, string>();

/** Normalise a heading (or a configured heading name) for matching. */
export function normalizeHeading(text: string): string {
  let key = normalized.get(text);
  if (key === undefined) {
    key = normalize(text);
    if (text.length <= 200) {
      if (normalized.size >= MEMO_SIZE) normalized.clear();
      // Cached strings must not be views into a file's text (lib/core/detach.ts).
      normalized.set(detached(text), detached(key));
    }
  }
  return key;
}

/**
 * The expressions of one normalisation. ASCII text takes the same expressions
 * without Unicode classes or the `u` flag, which run faster: no ASCII
 * character is an emoji or a symbol (\p{So}), letters and digits are
 * [A-Za-z0-9], and case-insensitive Unicode matching differs from ASCII
 * matching only on non-ASCII text. test/lib/headings-fast.test.ts holds the
 * ASCII path to the Unicode definition.
 */
const UNICODE = {
  symbols: EMOJI_AND_SYMBOLS as RegExp | undefined,
  numbering: LEADING_NUMBERING,
  letterOrDigit: /[\p{L}\p{N}]/u,
  separators: /[^\p{L}\p{N}]+/gu,
};
const ASCII: typeof UNICODE = {
  symbols: undefined,
  numbering: new RegExp(LEADING_NUMBERING.source, "i"),
  letterOrDigit: /[A-Za-z0-9]/,
  separators: /[^a-z0-9]+/g,
};
const NON_ASCII = /[^\x00-\x7f]/;

const SPACE = /\s/;

/**
 * The text without its trailing parentheticals: what
 * `t.replace(/(\s*(\([^()]*\)|\[[^[\]]*\]))+\s*$/u, "")` gives, read
 * backwards from the end. Each group is found from its closing bracket, so
 * the text is read once; the expression reads it again from every place a
 * match may start (a heading of 20,000 spaces and a letter took 0.3 s).
 */
export function withoutTrailingParentheticals(t: string): string {
  let end = t.length;
  while (end > 0 && SPACE.test(t[end - 1])) end--;
  let cut = -1;
  for (;;) {
    const close = t[end - 1];
    const open = close === ")" ? "(" : close === "]" ? "[" : undefined;
    if (open === undefined) break;
    let at = end - 2;
    while (at >= 0 && t[at] !== open && t[at] !== close) at--;
    if (at < 0 || t[at] !== open) break;
    end = at;
    while (end > 0 && SPACE.test(t[end - 1])) end--;
    cut = end;
  }
  return cut < 0 ? t : t.slice(0, cut);
}

function normalize(text: string): string {
  const re = NON_ASCII.test(text) ? UNICODE : ASCII;
  let t = re.symbols ? text.replace(re.symbols, " ") : text;
  t = withoutTrailingParentheticals(t);
  // Numbering is stripped only when something is left after it.
  const stripped = t.replace(re.numbering, "");
  if (re.letterOrDigit.test(stripped)) t = stripped;
  return t
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(re.separators, " ")
    .trim()
    .split(" ")
    .map(singular)
    .join(" ");
}

/**
 * A crude singular, applied to both sides of a comparison so "Risks &
 * Mitigations" matches "Risks & Mitigation" and "Dependency" matches
 * "Dependencies". Short words and words ending in "ss"/"us"/"is" stay.
 */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

/** The "(N+ words)" budget written in a heading, or undefined (a plain "(N words)" size is none). */
export function headingBudget(text: string): number | undefined {
  const match = BUDGET.exec(text);
  const number = match && (match[1] ?? match[2] ?? match[3]);
  return number ? Number(number.replace(/,/g, "")) : undefined;
}

/**
 * A test of whether a section, or one of its ancestors (the document itself
 * excepted), has a heading that `holds` accepts ("under a Code Style
 * heading"). Each section's answer is remembered, so each heading of a
 * document is tested once however many blocks ask.
 */
export function underHeading(holds: (section: Section) => boolean): (section: Section) => boolean {
  const known = new Map<Section, boolean>();
  const under = (section: Section): boolean => {
    let answer = known.get(section);
    if (answer === undefined) {
      answer = section.level > 0 && (holds(section) || (section.parent !== undefined && under(section.parent)));
      known.set(section, answer);
    }
    return answer;
  };
  return under;
}
