/**
 * A hook through which tools of this package (the scorecard) watch the rules
 * run: after a rule has read its options and selected a file, it hands the
 * observer its ID, the file name, its resolved options and the shared
 * document model. Nothing is recorded unless an observer is set, so a normal
 * lint pays one property read per rule and file.
 *
 * The observer lives on `globalThis` under a registered symbol, so it sees
 * every loaded copy of the rules (markdownlint-cli2 may import the package
 * from the project's node_modules while the scorecard runs from another
 * install).
 */
import type { DocumentModel } from "./model.js";

/** What a rule hands the observer for one file. */
export interface Observation {
  /** Rule ID, e.g. "SC001". */
  rule: string;
  /** The file name markdownlint passed (markdownlint-cli2: an absolute path). */
  file: string;
  /** The rule's options after merging the configuration over its defaults. */
  options: Readonly<Record<string, unknown>>;
  model: DocumentModel;
}

export type Observer = (observation: Observation) => void;

const KEY = Symbol.for("markdownlint-spec-contract.observer");
const slot = globalThis as unknown as Record<symbol, Observer | undefined>;

/** Set (or clear, with undefined) the observer; returns the previous one. */
export function setObserver(observer: Observer | undefined): Observer | undefined {
  const previous = slot[KEY];
  slot[KEY] = observer;
  return previous;
}

/** The current observer, if any. */
export function currentObserver(): Observer | undefined {
  return slot[KEY];
}
