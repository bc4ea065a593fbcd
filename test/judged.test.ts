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
 * Skipped when the corpus is not beside the clone (a plain clone).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles, simplify, type Found } from "./helpers.js";

const corpus = new URL("../../shared/corpus/", import.meta.url).pathname;
const judgedDir = new URL("./judged/", import.meta.url).pathname;

interface Verdict {
  round: string;
  rule: string;
  file: string;
  line: number;
  right: boolean;
  reason: string;
  detail: string;
  /** Judged wrong, still fires: a known false positive (overrides.tsv). */
  known?: boolean;
}

function readVerdicts(): Verdict[] {
  const overrides = new Map(
    readFileSync(join(judgedDir, "overrides.tsv"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => {
        const [rule, file, line, verdict] = l.split("\t");
        if (!["right", "wrong", "known"].includes(verdict)) throw new Error(`overrides.tsv: bad verdict in "${l}"`);
        return [`${rule}\t${file}\t${line}`, verdict as "right" | "wrong" | "known"] as const;
      }),
  );
  const verdicts = readdirSync(judgedDir)
    .filter((f) => /^round-\d+(?:-[\w-]+)?\.tsv$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(judgedDir, f), "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => {
          const [rule, file, line, verdict, reason, detail] = l.split("\t");
          if (verdict !== "right" && verdict !== "wrong") throw new Error(`${f}: bad verdict in "${l}"`);
          return { round: f.replace(/\.tsv$/, ""), rule, file, line: Number(line), right: verdict === "right", reason, detail: detail ?? "" };
        }),
    );
  for (const v of verdicts) {
    const override = overrides.get(`${v.rule}\t${v.file}\t${v.line}`);
    if (override === "known") v.known = true;
    else if (override !== undefined) v.right = override === "right";
  }
  return verdicts;
}

/** Rules whose finding on a line stands for another's (ownership, see above). */
const STANDS_FOR: Record<string, string[]> = { SC006: ["SC006", "SC003"] };
const PAIRS: Record<string, string[]> = { SC003: ["SC003", "SC006"], SC006: ["SC003", "SC006"] };

const sectionOf = (detail: string) => /section "([^"]+)"/i.exec(detail)?.[1];

const present = existsSync(corpus);

// vitest runs a skipped describe's body to collect its tests: lint only when the corpus is there.
describe.skipIf(!present)("judged findings on the real-documents corpus", () => {
  const verdicts = readVerdicts();
  const missed = readFileSync(join(judgedDir, "false-negatives.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [rule, file, line, what] = l.split("\t");
      return { rule, file, line: Number(line), what };
    });
  const files = [...new Set([...verdicts.map((v) => v.file), ...missed.map((m) => m.file)])].sort();
  const results = present ? lintFiles(files.map((f) => join(corpus, f))) : {};
  const found = new Map<string, Found[]>(files.map((f) => [f, simplify(results[join(corpus, f)] ?? [])]));

  const matches = (v: Verdict, rules: string[]) => {
    const name = sectionOf(v.detail);
    // Rules that report several phrases on one line: the phrase is part of the finding's identity.
    const phrase = /^SC00[67]$/.test(v.rule) ? /Actual: (.*)$/.exec(v.detail)?.[1] : undefined;
    return found
      .get(v.file)!
      .filter(
        (f) =>
          rules.includes(f.rule) &&
          f.line === v.line &&
          (!name || f.detail.includes(`"${name}"`)) &&
          (!phrase || f.rule !== v.rule || f.detail.endsWith(phrase)),
      );
  };

  it("reads every judged finding", () => {
    expect(verdicts.length).toBeGreaterThanOrEqual(297);
    for (const v of verdicts) expect(existsSync(join(corpus, v.file)), v.file).toBe(true);
  });

  it("violations found by reading whole documents are reported", () => {
    const silent = missed.filter((m) => !found.get(m.file)!.some((f) => f.rule === m.rule && f.line === m.line));
    expect(silent.map((m) => `${m.rule} ${m.file}:${m.line} (${m.what})`)).toEqual([]);
  });

  for (const round of [...new Set(verdicts.map((v) => v.round))]) {
    const mine = verdicts.filter((v) => v.round === round);
    it(`${round}: findings judged right keep firing`, () => {
      const lost = mine.filter((v) => v.right && matches(v, STANDS_FOR[v.rule] ?? [v.rule]).length === 0);
      expect(lost.map((v) => `${v.rule} ${v.file}:${v.line} (${v.reason})`)).toEqual([]);
    });
    it(`${round}: findings judged wrong do not fire`, () => {
      const still = mine.filter((v) => {
        if (v.right || v.known) return false;
        if (/^duplicate/i.test(v.reason) && PAIRS[v.rule]) return matches(v, PAIRS[v.rule]).length !== 1;
        return matches(v, [v.rule]).length > 0;
      });
      expect(still.map((v) => `${v.rule} ${v.file}:${v.line} (${v.reason})`)).toEqual([]);
    });
  }
});
