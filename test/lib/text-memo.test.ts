/**
 * textMemo (lib/core/memo.ts): the memo behind SC003's judgements, SC005's
 * diagram verdicts, SC006's matches and SC008's verdicts. It computes each
 * text once while remembered, keeps at most `entries` texts and
 * `totalChars` characters (oldest dropped first), never keeps a text over
 * `maxChars`, and remembers an undefined value as a value.
 */
import { describe, expect, it } from "vitest";
import { textMemo } from "../../dist/lib/core/memo.js";

describe("textMemo", () => {
  it("computes a text once while it is remembered, and again after it is dropped", () => {
    const memo = textMemo<number>(3, 100, 1000);
    const calls: string[] = [];
    const get = (t: string) => memo.get(t, (own) => (calls.push(own), own.length));
    expect(["a", "bb", "a", "ccc", "bb"].map(get)).toEqual([1, 2, 1, 3, 2]);
    expect(calls).toEqual(["a", "bb", "ccc"]);
    // A fourth text drops the oldest ("a").
    get("dddd");
    get("a");
    expect(calls).toEqual(["a", "bb", "ccc", "dddd", "a"]);
  });

  it("holds at most totalChars characters and never a text over maxChars", () => {
    const memo = textMemo<string>(100, 10, 20);
    const calls: string[] = [];
    const get = (t: string) => memo.get(t, (own) => (calls.push(own), own.toUpperCase()));
    const long = "x".repeat(11);
    expect(get(long)).toBe(long.toUpperCase());
    expect(get(long)).toBe(long.toUpperCase());
    expect(calls).toEqual([long, long]);
    calls.length = 0;
    for (const t of ["aaaaaaaaa", "bbbbbbbbb", "ccccccccc"]) get(t);
    // 27 characters do not fit in 20: the first went.
    get("ccccccccc");
    get("bbbbbbbbb");
    get("aaaaaaaaa");
    expect(calls).toEqual(["aaaaaaaaa", "bbbbbbbbb", "ccccccccc", "aaaaaaaaa"]);
  });

  it("remembers undefined as a value", () => {
    const memo = textMemo<undefined | number>(4, 100, 100);
    let calls = 0;
    const get = (t: string) => memo.get(t, () => (calls++, undefined));
    get("same");
    get("same");
    expect(calls).toBe(1);
  });
});
