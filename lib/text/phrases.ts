/**
 * The one matcher for literal phrase lists (SC003, SC006, SC007): the
 * phrases are data (lib/data/), the matching rules live here.
 */
import { compiledNow, escapeRegExp } from "../core/regex.js";

/** A phrase found in a text: [start, end) and the index of the phrase in the list given. */
export interface PhraseHit {
  start: number;
  end: number;
  phrase: number;
}

/** Finds every phrase of one list in a text, left to right, without overlaps. */
export type PhraseMatcher = (text: string) => PhraseHit[];

const WORDY_START = /^[\p{L}\p{N}]/u;
const WORDY_END = /[\p{L}\p{N}]$/u;

/** The regular expression source of a literal phrase, without the word boundaries. */
function phraseBody(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => word.split("-").map(escapeRegExp).join("[-\\u2010\\u2011]"))
    .join("\\s+");
}

/** A letter or digit, then a joiner, right before the end of a text: "fast" in "best_fast" starts inside an identifier. */
const JOINED = /[\p{L}\p{N}][-_.]$/u;

/**
 * Whether a match at `start` continues an identifier ("best-fast",
 * "best_effort", "node.fast"). A match right after a letter or digit
 * ("breakfast") is kept out by the expression's own look-behind.
 */
function joined(text: string, start: number): boolean {
  const before = text.charCodeAt(start - 1);
  return (before === 45 || before === 95 || before === 46) && JOINED.test(text.slice(Math.max(0, start - 3), start));
}

/** What may not follow a phrase that ends in a letter or digit: another one, or a joiner and one ("fast-path", "fast.js"). */
const WORD_END = "(?![\\p{L}\\p{N}])(?![-_.][\\p{L}\\p{N}])";

const matchers = new Map<string, PhraseMatcher>();

/**
 * A matcher for literal phrases, case-insensitive and on whole words: white
 * space in a phrase matches any white space (a soft line break included), a
 * hyphen matches any hyphen character, and a phrase never matches inside a
 * longer word or identifier (`fast` does not match `breakfast`, `best-fast`,
 * `fast-path`, `fast_mode` or `fast.js`). The word boundary applies only
 * where the phrase has a letter or digit at that end: `<` matches in `<5`,
 * and `etc.` at the end of a sentence.
 *
 * All phrases run as one regular expression, longest first where several
 * match at one place. The look-behind and the look-ahead are written once
 * per run of phrases, not once per phrase: each copy of a \p{L} class is
 * compiled on its own, and one look-behind per position lets V8 skip ahead
 * to where a phrase can start. Two phrases that match at one place start
 * with the same character, so splitting them by their first character
 * never reorders them.
 */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const key = JSON.stringify(phrases);
  let matcher = matchers.get(key);
  if (matcher) return matcher;
  const order = phrases
    .map((phrase, index) => ({ body: phraseBody(phrase), index, start: WORDY_START.test(phrase.trim()), end: WORDY_END.test(phrase.trim()) }))
    .filter((p) => p.body !== "")
    .sort((a, b) => b.body.length - a.body.length);
  if (order.length === 0) {
    matcher = () => [];
  } else {
    // Capture groups are numbered in the order they are written: keep the phrases in that order too.
    const written: (typeof order)[number][] = [];
    const runs = (list: typeof order) => {
      const out: string[] = [];
      for (let i = 0; i < list.length; ) {
        const wordyEnd = list[i].end;
        let j = i;
        while (j < list.length && list[j].end === wordyEnd) written.push(list[j++]);
        const body = list
          .slice(i, j)
          .map((p) => `(${p.body})`)
          .join("|");
        out.push(wordyEnd ? `(?:${body})${WORD_END}` : body);
        i = j;
      }
      return out.join("|");
    };
    const wordy = order.filter((p) => p.start);
    const other = order.filter((p) => !p.start);
    const parts: string[] = [];
    if (wordy.length > 0) parts.push(`(?<![\\p{L}\\p{N}])(?:${runs(wordy)})`);
    if (other.length > 0) parts.push(runs(other));
    const re = new RegExp(parts.join("|"), "giu");
    matcher = (text: string) => {
      // Compiled on the first call, not before: a rule builds its matchers with its options, and may not use them all.
      compiledNow(re);
      const hits: PhraseHit[] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        let group = 1;
        while (m[group] === undefined) group++;
        const found = written[group - 1];
        if (found.start && joined(text, m.index)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        hits.push({ start: m.index, end: m.index + m[0].length, phrase: found.index });
      }
      return hits;
    };
  }
  if (matchers.size > 100) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}
