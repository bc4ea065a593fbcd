/**
 * Whether a heading can be a required section, as the contract defines
 * "present": a heading that names the same thing counts, whatever its word
 * order, "&" or "and", singular or plural, qualifiers ("Internal
 * Dependencies" for "Dependencies", "Risk Assessment and Mitigation" for
 * "Risks & Mitigation"), numbering or phase prefix ("Phase 6: Testing"), or
 * an accepted synonym (an alias: "Technical Design" for "Implementation
 * Details"). A heading that joins two sections ("Testing & Documentation")
 * holds both, and a name that joins two ("Planning & Research") is held by
 * a heading that names either. Used by SC012; pure, no I/O.
 */
import { normalizeHeading } from "../text/headings.js";

const STOP = new Set(["a", "an", "and", "or", "the", "of", "for", "to", "in", "on", "with", "by", "at", "from", "into", "vs", "versus"]);

/** A crude stem, applied to both sides: "Testing", "Tests" and "Tested" are all "test". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  return word;
}

/** The content words of a heading or name, stemmed (normalizeHeading has made them singular). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeHeading(text).split(" ")) if (w && !STOP.has(w)) out.add(stem(w));
  return out;
}

/** The word sets a name is held by: the whole name, and each side of an "and" ("Planning & Research"). */
export function nameForms(name: string): Set<string>[] {
  const key = normalizeHeading(name);
  const forms = [contentWords(name)];
  const parts = key.split(/\s+and\s+/).filter(Boolean);
  if (parts.length > 1) for (const part of parts) forms.push(contentWords(part));
  return forms.filter((f) => f.size > 0);
}

/** Whether every word of `wanted` is among `have`. */
function subset(wanted: ReadonlySet<string>, have: ReadonlySet<string>): boolean {
  for (const w of wanted) if (!have.has(w)) return false;
  return true;
}

/** Whether a heading (its content words) names one of the forms. */
export function holds(heading: ReadonlySet<string>, forms: readonly ReadonlySet<string>[]): boolean {
  return forms.some((f) => subset(f, heading));
}
