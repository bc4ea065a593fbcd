/**
 * Judged findings on real documents. Each `test/judged/round-N.tsv` holds a
 * random sample of the suite's findings on the real-documents corpus (the
 * workshop's `shared/corpus/`, beside the clone), judged one by one by a
 * reviewer who had not read the rules' code, by one standard: the spec's
 * author, who adopted the contract, agrees the finding is true and worth
 * fixing. Columns: rule, file (relative to the corpus), line, verdict
 * (right | wrong), reason, the finding's detail when it was judged.
 *
 * A finding judged right must keep firing; one judged wrong must not. Where
 * the detail names a section ("Expected: a section "X"…"), the section name
 * is part of the finding's identity (several such findings share line 1).
 *
 * One problem, one finding: where two rules reported the same words, the
 * reviewer judged the second "duplicate". In a PRD's acceptance criteria
 * SC003 owns vague wording (one finding per criterion) and SC006 stays
 * silent there (both rule pages say so), so a right SC006 finding there is
 * kept by SC003's, and a duplicate pair must leave exactly one finding.
 *
 * `overrides.tsv` (rule, file, line, verdict, why) changes a verdict where a
 * policy of the contract decides otherwise, or where the rule cannot tell
 * and stays silent; each line says why. The verdict "known" marks a finding
 * judged wrong that still fires: a known false positive, allowed here and
 * counted against the rule's precision. The rounds themselves stay as judged.
 *
 * `false-negatives.tsv` (rule, file, line, what) lists violations found by
 * reading whole documents that no rule reported at the time: each must fire.
 *
 * Skipped when the corpus is not beside the clone (a plain clone). The
 * spec-kit and Kiro corpus has its own rounds in `test/judged-sdd/`
 * (test/judged-sdd.test.ts).
 */
import { judgedSuite } from "./judged-suite.js";

judgedSuite(
  "judged findings on the real-documents corpus",
  new URL("../../shared/corpus/", import.meta.url).pathname,
  new URL("./judged/", import.meta.url).pathname,
  297,
);
