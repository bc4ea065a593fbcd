/**
 * The judged-findings test of one corpus (see test/judged.test.ts for what
 * the files hold and what is checked).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFiles, simplify, type Found } from "./helpers.js";

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

function readVerdicts(judgedDir: string): Verdict[] {
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

/**
 * The judged findings of one corpus: `judgedDir` holds its rounds,
 * overrides.tsv and false-negatives.tsv; `minimum` is how many verdicts it
 * must read (a guard against a round file gone missing).
 */
export function judgedSuite(title: string, corpus: string, judgedDir: string, minimum: number): void {
  const present = existsSync(corpus);

  // vitest runs a skipped describe's body to collect its tests: lint only when the corpus is there.
  describe.skipIf(!present)(title, () => {
    const verdicts = readVerdicts(judgedDir);
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
      expect(verdicts.length).toBeGreaterThanOrEqual(minimum);
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
}
