/**
 * underHeading (lib/text/headings.ts): whether a section or an ancestor has
 * a heading a test accepts, the document itself never counting, each
 * heading tested once.
 */
import { describe, expect, it } from "vitest";
import { underHeading } from "../../dist/lib/text/headings.js";

type Node = { level: number; title: string; parent?: Node };
const doc: Node = { level: 0, title: "Code Style" };
const style: Node = { level: 2, title: "Code Style", parent: doc };
const naming: Node = { level: 3, title: "Naming", parent: style };
const deep: Node = { level: 4, title: "Classes", parent: naming };
const other: Node = { level: 2, title: "Usage", parent: doc };

describe("underHeading", () => {
  it("answers for a section and everything below it, never for the document", () => {
    const seen: string[] = [];
    const under = underHeading((s) => (seen.push(s.title), /style/i.test(s.title)));
    const ask = (n: Node) => under(n as never);
    expect([deep, naming, style, other, doc].map(ask)).toEqual([true, true, true, false, false]);
    // Each heading was tested once: the answers of ancestors are remembered.
    expect(seen.sort()).toEqual(["Classes", "Code Style", "Naming", "Usage"]);
    expect(ask(deep)).toBe(true);
    expect(seen).toHaveLength(4);
  });
});
