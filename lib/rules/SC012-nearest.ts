/**
 * How close two headings are, for "did you mean" hints. Both sides are
 * normalised first (normalizeHeading: case, numbering, emoji, trailing
 * parenthetical, "&" as "and"), then compared two ways, keeping the higher
 * score:
 *
 * - characters: 1 − Levenshtein distance / length of the longer key, kept
 *   only from 0.8 up, where it means a typo or a plural ("risks and
 *   mitigations" ~ "risks and mitigation": 0.95); below that, shared letters
 *   say nothing ("documentation" ~ "implementation": 0.64);
 * - words: the Dice coefficient of the content words, with a plural "s"
 *   dropped and "and", "of", "the", "for"… left out ("Quality Gate" ~
 *   "Quality Gate & Archive": 0.8; "Testing" ~ "Testing Strategy": 0.67).
 *
 * Pure functions, no I/O.
 */
import { normalizeHeading } from "../text/headings.js";

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  return levenshteinWithin(a, b, Number.POSITIVE_INFINITY);
}

/**
 * Edit distance when it is at most `limit`, otherwise `limit + 1` (two rows,
 * stopped as soon as a whole row exceeds the limit: the hints only need
 * distances that make a similarity of 0.8 or more).
 */
export function levenshteinWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit + 1);
}

/** Character similarity below this is noise, not a typo. */
const CHAR_FLOOR = 0.8;

const STOP_WORDS = new Set(["a", "an", "and", "the", "of", "for", "to", "in", "on", "with", "or"]);

/** Content words of a normalised key, singular. */
function words(key: string): Set<string> {
  const out = new Set<string>();
  for (const w of key.split(" ")) {
    if (!w || STOP_WORDS.has(w)) continue;
    out.add(w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w);
  }
  return out;
}

/** Similarity of two headings (raw or normalised) from 0 (nothing shared) to 1 (equal keys). */
export function headingSimilarity(a: string, b: string): number {
  return keySimilarity(normalizeHeading(a), normalizeHeading(b));
}

/**
 * Whether headingSimilarity to one heading reaches a threshold, as a
 * function of another heading's normalised key (a section's `key`) and,
 * optionally, that key's content words from `headingWords`: the name is
 * normalised once, not per heading, and the edit distance is computed only
 * when the shared words fall short, and only up to the threshold.
 */
export function similarityTo(name: string): (key: string, keyWords: Set<string> | undefined, threshold: number) => boolean {
  const x = normalizeHeading(name);
  const wx = words(x);
  return (y, keyWords, threshold) => {
    if (x === y || threshold <= 0) return true;
    if (!x || !y) return false;
    return reaches(x, y, wx, keyWords ?? words(y), threshold);
  };
}

/** Whether two keys reach the threshold: the words first (cheap), then the edit distance only as far as the threshold needs. */
function reaches(x: string, y: string, wx: Set<string>, wy: Set<string>, threshold: number): boolean {
  let shared = 0;
  for (const w of wx) if (wy.has(w)) shared++;
  if (wx.size + wy.size > 0 && (2 * shared) / (wx.size + wy.size) >= threshold) return true;
  const floor = Math.max(threshold, CHAR_FLOOR);
  const longer = Math.max(x.length, y.length);
  const limit = Math.floor((1 - floor) * longer + 1e-9);
  if (Math.abs(x.length - y.length) > limit || bagDistance(x, y) > limit) return false;
  return 1 - levenshteinWithin(x, y, limit) / longer >= floor;
}

const bag = new Int32Array(128);
/**
 * A lower bound of the edit distance, in one pass over each string: the
 * characters one has more of than the other, the larger side (characters
 * counted by their code modulo 128, which can only lower the bound).
 */
function bagDistance(x: string, y: string): number {
  for (let i = 0; i < x.length; i++) bag[x.charCodeAt(i) & 127]++;
  for (let i = 0; i < y.length; i++) bag[y.charCodeAt(i) & 127]--;
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < x.length; i++) {
    const k = x.charCodeAt(i) & 127;
    if (bag[k] > 0) {
      more += bag[k];
      bag[k] = 0;
    }
  }
  for (let i = 0; i < y.length; i++) {
    const k = y.charCodeAt(i) & 127;
    if (bag[k] < 0) fewer -= bag[k];
    bag[k] = 0;
  }
  return Math.max(more, fewer);
}

/** The content words of a normalised heading key, as similarityTo compares them. */
export const headingWords = (key: string): Set<string> => words(key);

/** headingSimilarity of two headings already normalised (`wx`, `wy`: their content words, when known). */
function keySimilarity(x: string, y: string, wx: Set<string> = words(x), wy?: Set<string>): number {
  if (x === y) return 1;
  if (!x || !y) return 0;
  const longer = Math.max(x.length, y.length);
  // ratio ≥ CHAR_FLOOR ⇔ distance ≤ (1 − CHAR_FLOOR) × longer; a larger distance scores 0 anyway.
  const ratio = 1 - levenshteinWithin(x, y, Math.floor((1 - CHAR_FLOOR) * longer + 1e-9)) / longer;
  const chars = ratio >= CHAR_FLOOR ? ratio : 0;
  const wyy = wy ?? words(y);
  let shared = 0;
  for (const w of wx) if (wyy.has(w)) shared++;
  const dice = wx.size + wyy.size === 0 ? 0 : (2 * shared) / (wx.size + wyy.size);
  return Math.max(chars, dice);
}

// The content words of each candidate, kept while the candidate lives: a
// rule asks for the nearest section once per missing section, always among
// the same sections, and a long heading's words were split out every time.
const candidateWordsMemo = new WeakMap<object, { key: string; words: Set<string> }>();

function candidateWords(c: unknown, key: string): Set<string> {
  if (typeof c !== "object" || c === null) return words(key);
  const known = candidateWordsMemo.get(c);
  if (known && known.key === key) return known.words;
  const found = words(key);
  candidateWordsMemo.set(c, { key, words: found });
  return found;
}

/**
 * The candidate most similar to `wanted`, when its similarity reaches
 * `threshold` (ties: the first candidate). `key` gives a candidate's
 * normalised heading (a section's `key`, already computed once per file):
 * normalising every candidate again per call made the cost depend on
 * normalizeHeading's memo, which a tasks file with tens of thousands of
 * headings outgrows.
 */
export function nearest<T>(wanted: string, candidates: readonly T[], key: (c: T) => string, threshold: number): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  const wantedKey = normalizeHeading(wanted);
  const wantedWords = words(wantedKey);
  for (const c of candidates) {
    const k = key(c);
    const score = keySimilarity(wantedKey, k, wantedWords, candidateWords(c, k));
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore >= threshold ? best : undefined;
}
