/**
 * Mojibake: UTF-8 text that was decoded as Windows-1252 (or Latin-1) and
 * saved again, so "✓" became "âœ“" and "’" became "â€™".
 *
 * Detection reverses the accident: each character of a candidate run is
 * turned back into the one byte it came from (Windows-1252 or Latin-1), and
 * the bytes must form well-formed UTF-8 (`TextDecoder` with `fatal: true`)
 * that decodes to a plausible character. Pure functions, no I/O.
 */

/** The characters Windows-1252 gives the bytes 0x80–0x9F (five bytes are undefined there and keep their C1 code point, as Latin-1 does). */
const CP1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Character → the byte it was decoded from (only characters of 0x80–0xFF bytes). */
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 32; i++) BYTE_OF.set(CP1252_80_9F[i], 0x80 + i);
// Latin-1: the C1 controls U+0080–U+009F stand for their own byte.
for (let b = 0x80; b <= 0x9f; b++) if (!BYTE_OF.has(String.fromCharCode(b))) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0xa0; b <= 0xff; b++) BYTE_OF.set(String.fromCharCode(b), b);

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Characters that are never the intended result of a repair. */
const IMPLAUSIBLE = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;

/** One place where a run of characters reads as re-decoded UTF-8. */
export interface Mojibake {
  /** 0-based index of the run in the text. */
  index: number;
  /** The garbled characters. */
  text: string;
  /**
   * The intended text (after undoing repeated garbling), or undefined when
   * a byte of the sequence was lost and the repair is ambiguous.
   */
  intended: string | undefined;
  /** What the lost byte most likely was, when `intended` is undefined. */
  likely?: string;
  /** Which wrong decoding produced the run. */
  encoding: "Windows-1252" | "Latin-1";
}

interface Sequence {
  start: number;
  end: number;
  decoded: string;
  /** Three- and four-byte sequences and Â/Ã leads are strong evidence; other two-byte leads ("ß“", "É…") are weak alone. */
  strong: boolean;
}

/** Number of continuation bytes a UTF-8 lead byte announces, or 0 when the byte is no lead. */
function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

const isContinuation = (ch: string | undefined): boolean => {
  const b = ch === undefined ? undefined : BYTE_OF.get(ch);
  return b !== undefined && b >= 0x80 && b <= 0xbf;
};

/** The UTF-8 sequence starting at `i`, when the characters there re-encode to one. */
function sequenceAt(text: string, i: number): Sequence | undefined {
  const lead = BYTE_OF.get(text[i]);
  if (lead === undefined) return undefined;
  const n = continuationCount(lead);
  if (n === 0 || i + n >= text.length) return undefined;
  const bytes = [lead];
  for (let k = 1; k <= n; k++) {
    const ch = text[i + k];
    if (!isContinuation(ch)) return undefined;
    bytes.push(BYTE_OF.get(ch)!);
  }
  let decoded: string;
  try {
    decoded = decoder.decode(Uint8Array.from(bytes));
  } catch {
    return undefined; // overlong, surrogate or beyond U+10FFFF
  }
  if (IMPLAUSIBLE.test(decoded)) return undefined;
  return { start: i, end: i + n + 1, decoded, strong: n >= 2 || lead === 0xc2 || lead === 0xc3 };
}

/** Undo one round of garbling wherever the evidence holds; returns the text unchanged when nothing is found. */
function repairOnce(text: string): { runs: { start: number; end: number; decoded: string }[]; result: string } {
  const sequences: Sequence[] = [];
  for (let i = 0; i < text.length; ) {
    const s = text.charCodeAt(i) >= 0x80 ? sequenceAt(text, i) : undefined;
    if (s) {
      sequences.push(s);
      i = s.end;
    } else i++;
  }
  // Group adjacent sequences into runs. Evidence: a run with a strong sequence or two sequences; a run
  // whose word holds another sequence ("gÄ™Å›lÄ…"); any run of a text that holds such evidence elsewhere
  // (a text that went through the accident has no correct non-ASCII character left).
  const groups: Sequence[][] = [];
  for (let k = 0; k < sequences.length; ) {
    let j = k;
    while (j + 1 < sequences.length && sequences[j + 1].start === sequences[j].end) j++;
    groups.push(sequences.slice(k, j + 1));
    k = j + 1;
  }
  const wordOf = (g: Sequence[]): [number, number] => {
    let from = g[0].start;
    let to = g[g.length - 1].end;
    while (from > 0 && !/\s/.test(text[from - 1])) from--;
    while (to < text.length && !/\s/.test(text[to])) to++;
    return [from, to];
  };
  const evident = groups.map((g) => {
    if (g.length >= 2 || g[0].strong) return true;
    const [from, to] = wordOf(g);
    return sequences.filter((q) => q.start >= from && q.end <= to).length >= 2;
  });
  const anyEvidence = evident.some(Boolean);
  const runs = groups
    .filter((_, i) => anyEvidence || evident[i])
    .map((g) => ({ start: g[0].start, end: g[g.length - 1].end, decoded: g.map((q) => q.decoded).join("") }));
  let result = "";
  let at = 0;
  for (const r of runs) {
    result += text.slice(at, r.start) + r.decoded;
    at = r.end;
  }
  return { runs, result: result + text.slice(at) };
}

/**
 * The fully repaired form of a garbled run: garbling applied twice
 * ("Ã¢â‚¬â„¢") is undone twice, so one fix leaves nothing to fix. A
 * byte-order mark that surfaces this way is removed.
 */
export function repairRun(run: string): string {
  return finish(repairOnce(run).result);
}

/** Further rounds over a run already decoded once (garbling applied twice or more), and no byte-order mark. */
function finish(decoded: string): string {
  let text = decoded;
  for (let round = 0; round < 3; round++) {
    const { runs, result } = repairOnce(text);
    if (runs.length === 0) break;
    text = result;
  }
  return text.replace(/\uFEFF/g, "");
}

/** Repair every garbled run of a text (the ambiguous ones stay). */
export function repairMojibake(text: string): string {
  let out = "";
  let at = 0;
  for (const m of findMojibake(text)) {
    if (m.intended === undefined) continue;
    out += text.slice(at, m.index) + m.intended;
    at = m.index + m.text.length;
  }
  return out + text.slice(at);
}

/** "â€" followed by no third character: the third byte (0x9D of "”", most often) was dropped by a decoder that had no character for it. */
const TRUNCATED = /â€(?![€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u0080-\u00bf])/g;

/** Find the garbled runs of a text, in order. */
export function findMojibake(text: string): Mojibake[] {
  // Every finding starts with a UTF-8 lead byte read as a character: Â … ô.
  if (!/[\u00c2-\u00f4]/.test(text)) return [];
  const found: Mojibake[] = [];
  for (const r of repairOnce(text).runs) {
    const garbled = text.slice(r.start, r.end);
    found.push({
      index: r.start,
      text: garbled,
      intended: finish(r.decoded),
      encoding: /[\u0080-\u009f]/.test(garbled) ? "Latin-1" : "Windows-1252",
    });
  }
  for (const m of text.matchAll(TRUNCATED)) {
    const index = m.index ?? 0;
    if (found.some((f) => index >= f.index && index < f.index + f.text.length)) continue;
    found.push({ index, text: m[0], intended: undefined, likely: "”", encoding: "Windows-1252" });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Show a string in a message: invisible characters (spaces other than " ", controls, format characters) as <U+XXXX>. */
export function showText(text: string): string {
  let out = "";
  for (const ch of text) {
    out += /[\p{Z}\p{C}]/u.test(ch) && ch !== " " ? `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>` : ch;
  }
  return `"${out}"`;
}
