/**
 * Judged findings on real spec-kit and Kiro documents (the workshop's
 * `shared/corpus-sdd/`, beside the clone), by the standard and in the
 * format of test/judged.test.ts: `test/judged-sdd/round-N.tsv`, with its
 * own overrides.tsv and false-negatives.tsv. Skipped in a plain clone.
 */
import { judgedSuite } from "./judged-suite.js";

judgedSuite(
  "judged findings on the spec-kit and Kiro corpus",
  new URL("../../shared/corpus-sdd/", import.meta.url).pathname,
  new URL("./judged-sdd/", import.meta.url).pathname,
  430,
);
