/**
 * What the rules remember across lints for the editor, which re-lints a
 * document after each edit (docs/performance.md): SC003's judgements by
 * criterion and the headings' terms, SC005's diagram verdicts by block
 * text, SC006's matches by text, SC012's answers by the headings' levels and
 * titles, SC008's verdicts by snippet. A lint must find what it would find with nothing
 * remembered: the same document edited back and forth, and many documents
 * linted in one order and then in the reverse order, give the same
 * findings each time.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings, markdownFiles } from "../helpers.js";
import { corpusDir } from "../real-docs.js";

const PRD = "specs/active/demo/prd.md";

describe("what the rules remember across lints", () => {
  it("SC005: a diagram edited into text and back is judged again each time", () => {
    const prd = (block: string) => `# PRD\n\n## Architecture\n\n\`\`\`text\n${block}\n\`\`\`\n`;
    const box = "┌─────┐     ┌─────┐\n│ API │ ──▶ │ DB  │\n└─────┘     └─────┘";
    const plain = "API then DB";
    const missing = [{ line: 1, rule: "SC005", detail: "Expected: at least 1 ASCII diagram; Actual: 0 among 1 code block" }];
    for (let round = 0; round < 3; round++) {
      expect(findings(prd(box), PRD, "SC005")).toEqual([]);
      expect(findings(prd(plain), PRD, "SC005")).toEqual(missing);
    }
  });

  it("SC012: a section added, renamed and moved is looked for again each time", () => {
    const only = (md: string) => findings(md, PRD, "SC012").map((f) => f.detail).filter((d) => d.includes("Acceptance Criteria"));
    const base = "# PRD\n\n## Overview\n\ntext\n\n## Problem Statement\n\ntext\n";
    const absent = ['Expected: a section "Acceptance Criteria"; Actual: none'];
    for (let round = 0; round < 3; round++) {
      expect(only(base)).toEqual(absent);
      expect(only(`${base}\n## Acceptance Criteria\n\n- [ ] one\n`)).toEqual([]);
      // A title close enough to the name counts; another does not.
      expect(only(`${base}\n## Acceptance Critera\n\n- [ ] one\n`)).toEqual([]);
      expect(only(`${base}\n## Acceptance Testing Budget\n\ntext\n`)).toEqual(absent);
      expect(only(`${base}\n#### Acceptance Criteria\n\n- [ ] one\n`)).toEqual([]);
    }
  });

  it("SC003: the same criterion is judged again when the headings give other terms, and when it changes", () => {
    const crit = "## Acceptance Criteria\n\n- [ ] Optimized entry resolution returns the selected variant\n";
    const vague = [
      {
        line: 9,
        rule: "SC003",
        detail: 'Criterion is not measurable: vague wording "Optimized" without a threshold or a stated check ("Optimized entry resolution returns the selected variant")',
      },
    ];
    for (let round = 0; round < 3; round++) {
      // "Resolve Optimized Entries" names the thing: "optimized entry" is a term of the document.
      expect(findings(`# PRD\n\n## Resolve Optimized Entries\n\ntext\n\n${crit}`, PRD, "SC003")).toEqual([]);
      expect(findings(`# PRD\n\n## Resolve entries\n\ntext\n\n${crit}`, PRD, "SC003")).toEqual(vague);
      expect(findings(`# PRD\n\n## Resolve entries\n\ntext\n\n${crit.replace("Optimized", "Cached")}`, PRD, "SC003")).toEqual([]);
    }
  });

  it("SC006: a requirement edited and edited back is searched again each time", () => {
    const prd = (sentence: string) => `# PRD\n\n## Functional Requirements\n\n- ${sentence}\n`;
    const fast = [{ line: 5, rule: "SC006", detail: 'Expected: a time limit, e.g. p95 under 200 ms; Actual: vague phrase "fast"' }];
    for (let round = 0; round < 3; round++) {
      expect(findings(prd("The page loads fast."), PRD, "SC006")).toEqual(fast);
      expect(findings(prd("The page loads in under 2 s at p95."), PRD, "SC006")).toEqual([]);
    }
  });

  it("the whole suite finds the same on real documents linted in one order and then in the reverse order", () => {
    const docs = markdownFiles(corpusDir)
      .filter((f) => /\/(?:prd|tasks|plan|requirements|design)\.md$/.test(f))
      .slice(0, 60)
      .map((f) => ({ name: f.slice(corpusDir.length), text: readFileSync(f, "utf8") }));
    expect(docs.length).toBeGreaterThan(5);
    const lintAll = (list: typeof docs) => new Map(list.map((d) => [d.name, findings(d.text, d.name, "spec-contract")]));
    const forward = lintAll(docs);
    const backward = lintAll([...docs].reverse());
    for (const d of docs) expect(backward.get(d.name), d.name).toEqual(forward.get(d.name));
    expect([...forward.values()].flat().length).toBeGreaterThan(0);
  });
});
