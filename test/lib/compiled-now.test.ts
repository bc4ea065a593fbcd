/**
 * compiledNow (lib/core/regex.ts): a first run on a long subject, so that V8
 * compiles an expression straight to machine code instead of to bytecode
 * first. It must change nothing an expression matches, leave `lastIndex` at
 * 0, and pass a LinearRegExp through. The last test checks the premise on the
 * node that runs the tests: with the priming run, V8 reports no bytecode
 * compilation for the expression; without it, it does.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compiledNow, LinearRegExp } from "../../dist/lib/core/regex.js";
import { phraseMatcher } from "../../dist/lib/text/phrases.js";

const TEXT = "Faster builds: about 2,000 items per run, ~5 ms each.\nThe UI is fast, faster and fastest.";

describe("compiledNow", () => {
  it("returns the same expression, with lastIndex 0 and the same matches", () => {
    for (const [source, flags] of [
      ["fast(?:er|est)?", "giu"],
      ["(?<![\\p{L}\\p{N}])\\d+(?:,\\d{3})*", "gu"],
      ["^\\w+", "ym"],
      ["[^x]*items", "iu"],
    ] as const) {
      const plain = new RegExp(source, flags);
      const re = new RegExp(source, flags);
      re.lastIndex = 7;
      expect(compiledNow(re)).toBe(re);
      expect(re.lastIndex).toBe(0);
      // Later calls, one per use, leave the expression as it is.
      re.lastIndex = 5;
      expect(compiledNow(re)).toBe(re);
      expect(re.lastIndex).toBe(5);
      re.lastIndex = 0;
      const all = (r: RegExp) => (r.global || r.sticky ? [...TEXT.matchAll(new RegExp(r.source, r.flags.includes("g") ? r.flags : `${r.flags}g`))].map((m) => [m.index, m[0]]) : [r.exec(TEXT)?.[0]]);
      expect(all(re)).toEqual(all(plain));
      expect(re.exec(TEXT)?.index).toBe(plain.exec(TEXT)?.index);
    }
  });

  it("passes a LinearRegExp through untouched", () => {
    const re = new LinearRegExp("fast(er)?", "g");
    re.lastIndex = 3;
    expect(compiledNow(re)).toBe(re);
    expect(re.lastIndex).toBe(3);
  });

  it("leaves a phrase matcher's results as they were", () => {
    const match = phraseMatcher(["fast", "faster", "per run"]);
    expect(match(TEXT)).toEqual([
      { start: 0, end: 6, phrase: 1 },
      { start: 33, end: 40, phrase: 2 },
      { start: 64, end: 68, phrase: 0 },
      { start: 70, end: 76, phrase: 1 },
    ]);
  });

  it("makes V8 compile the expression to machine code without bytecode first", () => {
    const script = (prime: boolean) => `
      const { compiledNow } = await import(${JSON.stringify(new URL("../../dist/lib/core/regex.js", import.meta.url).href)});
      const re = new RegExp("(?<![\\\\p{L}])(?:quick|fast)(?![\\\\p{L}])", "giu");
      console.log("--start--");
      ${prime ? "compiledNow(re);" : ""}
      re.test("a fast run"); re.lastIndex = 0; re.test("a quick run");`;
    const trace = (prime: boolean) => {
      const child = spawnSync(process.execPath, ["--trace-regexp-tier-up", "--input-type=module", "-e", script(prime)], { encoding: "utf8" });
      expect(child.status).toBe(0);
      return child.stdout.slice(child.stdout.indexOf("--start--"));
    };
    expect(trace(false)).toMatch(/bytecode size/);
    expect(trace(true)).not.toMatch(/bytecode size/);
    expect(trace(true)).toMatch(/native code size|Forcing tier-up/);
  });
});
