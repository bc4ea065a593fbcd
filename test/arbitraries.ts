/**
 * fast-check generators of Markdown as specs trees write it (headings at
 * every level with the contract's names, nested/ordered/task lists, fences
 * with and without a closing fence, python fences with and without
 * `# VERIFIED:`, tables, HTML blocks and comments, front matter, block
 * quotes, ASCII diagrams) and of hostile text (CRLF, CR, BOM, tabs, NUL,
 * astral-plane and combining characters, mojibake, lone surrogates), plus
 * mutations of real specs documents (test/real-docs.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { corpusDir } from "./real-docs.js";

const HEADINGS = [
  "Overview (300+ words)",
  "Problem Statement",
  "Solution Summary (100+ words)",
  "Architecture",
  "Current State (200+ words)",
  "Proposed Changes",
  "Implementation Details",
  "Testing Strategy (400+ words)",
  "Acceptance Criteria",
  "Acceptance Criteria (MINIMUM 8 - ALL MUST BE SPECIFIC & MEASURABLE)",
  "Success Metrics",
  "Requirements",
  "Non-Functional Requirements",
  "Risks & Mitigation",
  "Dependencies",
  "Phase 1: Scope Discovery (1000+ words)",
  "Phase 2: Component Deep-Dive (1500+ words)",
  "Internal Patterns (600+ words)",
  "Library Best Practices",
  "ASCII Architecture Diagram (REQUIRED)",
  "1. Goals",
  "✅ Definition of Done",
  "Task 1.2",
  "Quick Context",
  "",
];

const WORDS = [
  "the", "adapter", "loads", "1M", "rows", "in", "<5", "minutes", "p95", "under", "200", "ms", "coverage", "≥90%",
  "works", "correctly", "fast", "robust", "as", "needed", "etc.", "recommended", "best", "for", "ideal", "better",
  "perfect", "trade-offs", "should", "use", "Choose", "X", "when", "TBD", "TODO", "{slug}", "{count}", "[Feature Name]",
  "[Specific, measurable, testable criterion]", "**AC1**:", "**R1**:", "**T1.2**", "`code()`", "`x`", "[link](https://x.y/z)",
  "<https://example.com>", "https://example.com/a_b", "<span>html</span>", "<!-- c -->", "&amp;", "&#35;", "&#x0;", "\\*",
  "âœ“", "â€™", "Ã©", "â€”", "ðŸš€", "😀", "👍🏽", "𝔘𝔫𝔦", "e\u0301", "a\u0308\u0308\u0308", "\u200d", "\uFE0F", "\u0000", "\t",
  "\uD800", "\uDFFF", "✅", "❌", "**Total PRD Words**: 2150", "**Acceptance Criteria**: 10", "**Code Snippets**: 4 (100% verified)",
  "Words: 4700 (minimum 4500 required)", "**Total Tasks**: 12", "#", "##", "|", "---", "```", "~~~", ">", "-", "*", "1.",
  "+--+", "-->", "│", "▼", "┌─┐", "…", "\\", "_", "__", "$$", "$x$", "[^1]", "[x]", "[ ]",
];

const word = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: "binary" }) });
export const inline = fc.array(word, { minLength: 0, maxLength: 14 }).map((ws) => ws.join(" "));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.oneof(fc.constantFrom(...HEADINGS), inline), fc.boolean())
  .map(([level, text, closed]) => `${"#".repeat(level)} ${text}${closed ? ` ${"#".repeat(level)}` : ""}`);
const setext = fc.tuple(fc.oneof(fc.constantFrom(...HEADINGS), inline), fc.constantFrom("===", "---", "-")).map(([t, u]) => `${t}\n${u}`);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((ls) => ls.join("\n"));

const listItemText = fc.oneof(inline, fc.constant("**AC1**: processes 1M rows in <5 minutes"), fc.constant("works correctly"));
const list = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom("- ", "* ", "+ ", "1. ", "2) ", "10. "),
      fc.constantFrom("", "[ ] ", "[x] ", "[X] ", "[-] "),
      listItemText,
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((items) => items.map(([depth, marker, box, text]) => `${"  ".repeat(depth)}${marker}${box}${text}`).join("\n"));

const PYTHON = [
  "import os",
  "def f(x):",
  "    return x + 1",
  "class A:",
  "    pass",
  "print('hi'",
  "x = [1, 2,",
  "async def g(): await h()",
  "    ",
  "'''doc",
  "# VERIFIED: src/pkg/factory.py:10-20",
  "# VERIFIED: ../../etc/passwd:1-2",
  "# VERIFIED: /etc/passwd",
  "# VERIFIED: Syntax checked with py_compile",
  "\tx = 1",
  "λ = 1",
];
const fenceBody = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PYTHON) }, { weight: 1, arbitrary: inline }), { maxLength: 8 });
const fence = fc
  .tuple(
    fc.constantFrom("```", "````", "~~~", "``"),
    fc.constantFrom("python", "py", "python3", "py3", "Python title=x.py", "bash", "", "text", "mermaid", "markdown", "json", "python {.x}"),
    fc.boolean(),
    fenceBody,
    fc.boolean(),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([tick, lang, verified, body, closed, indent]) => {
    const pad = " ".repeat(indent);
    const lines = [`${tick}${lang}`, ...(verified ? ["# VERIFIED: src/pkg/factory.py:1-5"] : []), ...body];
    if (closed) lines.push(tick);
    return lines.map((l) => pad + l).join("\n");
  });
const indented = fenceBody.map((ls) => ls.map((l) => `    ${l}`).join("\n"));
const diagram = fc.constantFrom(
  "```\n┌──────┐\n│ api  │\n└──┬───┘\n   ▼\n┌──────┐\n│ db   │\n└──────┘\n```",
  "```text\n+-----+     +-----+\n| A   | --> | B   |\n+-----+     +-----+\n```",
  "```\nsrc/\n├── a.py\n└── b.py\n```",
  "```mermaid\ngraph TD; A-->B\n```",
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 1, maxLength: 4 }), { maxLength: 4 }))
  .map(([cols, rows]) =>
    [`|${" h |".repeat(cols)}`, `|${" --- |".repeat(cols)}`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n"),
  );
const html = fc.constantFrom(
  "<div>\n\ntext **in** html\n\n</div>",
  "<details><summary>x</summary>\n\n- [ ] hidden item\n\n</details>",
  "<!-- comment\n# not a heading\n-->",
  "<!-- markdownlint-disable -->",
  "<!-- markdownlint-enable SC003 -->",
  "<!-- markdownlint-disable-next-line SC006 -->",
  "<!-- markdownlint-configure-file { \"SC002\": { \"minimum\": 2 } } -->",
  "<!-- unterminated",
  "<script>alert(1)</script>",
  "<pre>\n```python\nx=1\n```\n</pre>",
);
const claims = fc.constantFrom(
  "**Total PRD Words**: 2150 (minimum 2000 required)",
  "**Code Snippets**: 4 (100% verified)",
  "**Acceptance Criteria**: 10 (minimum 8 required)",
  "**Total Tasks**: 7",
  "Words: 4700 (minimum 4500 required)",
  "**Analysis**: 4500+ words in research/analysis.md",
);
const simpleBlock = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 4, arbitrary: paragraph },
  { weight: 4, arbitrary: list },
  { weight: 3, arbitrary: fence },
  { weight: 1, arbitrary: indented },
  { weight: 1, arbitrary: diagram },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: claims },
  { weight: 1, arbitrary: fc.constantFrom("---", "***", "", "[ref]: https://x.y", "[^1]: note", "$$\nx\n$$", "\\", "&nbsp;") },
);
/** Block quotes and list items wrap blocks (a few levels deep). */
const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: simpleBlock },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 4 }), simpleBlock)
      .map(([depth, b]) => b.split("\n").map((l) => `${"> ".repeat(depth)}${l}`).join("\n")),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("- ", "1. ", "- [ ] "), simpleBlock)
      .map(([m, b]) => b.split("\n").map((l, i) => (i === 0 ? m : " ".repeat(m.length)) + l).join("\n")),
  },
);

const frontMatter = fc.constantFrom("", "", "", "---\ntitle: x\nslug: demo\n---\n", "---\n---\n", "+++\ntitle = 'x'\n+++\n", "---\nunterminated: true\n");

export interface Doc {
  markdown: string;
  name: string;
}

const NAMES = [
  "specs/active/demo/prd.md",
  "specs/active/demo/tasks.md",
  "specs/active/demo/research/plan.md",
  "specs/active/demo/research/analysis.md",
  "specs/active/demo/recovery.md",
  "docs/guides/demo.md",
  "specs/archive/old/prd.md",
  "requirements/demo/prd.md",
];
export const lintName = fc.constantFrom(...NAMES);

/** Line endings, BOM, tabs and stray control characters applied to a whole document. */
const finish = fc
  .tuple(fc.constantFrom("\n", "\n", "\n", "\r\n", "\r", "mixed"), fc.boolean(), fc.boolean(), fc.boolean(), fc.nat())
  .map(([eol, bom, tabs, trailing, seed]) => (text: string) => {
    let out = text;
    if (tabs) out = out.replace(/^ {2}/gm, "\t");
    if (eol === "mixed") {
      let i = seed;
      out = out.replace(/\n/g, () => ["\n", "\r\n", "\r"][i++ % 3]);
    } else if (eol !== "\n") out = out.replace(/\n/g, eol);
    if (bom) out = `\uFEFF${out}`;
    if (trailing) out += eol === "mixed" ? "\n" : eol;
    return out;
  });

/** A generated specs document and the name it is linted as. */
export const generatedDoc: fc.Arbitrary<Doc> = fc
  .tuple(frontMatter, fc.array(block, { minLength: 0, maxLength: 14 }), fc.constantFrom("\n\n", "\n"), finish, lintName)
  .map(([fm, blocks, sep, fin, name]) => ({ markdown: fin(fm + blocks.join(sep)), name }));

// ------------------------------------------------------------ real corpus

const corpusRoot = corpusDir;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".md") ? [p] : [];
  });
}

/** The real documents' files. */
export const corpusFiles: string[] = existsSync(corpusRoot) ? walk(corpusRoot).sort() : [];
const textCache = new Map<string, string[]>();
const linesOf = (file: string) => {
  let lines = textCache.get(file);
  if (!lines) textCache.set(file, (lines = readFileSync(file, "utf8").split("\n")));
  return lines;
};

/** A window of at most `max` lines of a corpus file, then mutated: cut, lines shuffled, a section duplicated, a block spliced in. */
export function corpusDoc(max = 160): fc.Arbitrary<Doc> {
  return fc
    .tuple(
      fc.constantFrom(...(corpusFiles.length > 0 ? corpusFiles : [""])),
      fc.nat(),
      fc.constantFrom("none", "cut", "cut-mid-line", "shuffle", "duplicate", "splice", "swap"),
      fc.nat(),
      fc.nat(),
      block,
      finish,
      lintName,
    )
    .map(([file, start, mutation, a, b, extra, fin, name]) => {
      const all = file ? linesOf(file) : ["# empty corpus"];
      const from = start % Math.max(1, all.length);
      let lines = all.slice(from, from + max);
      const n = Math.max(1, lines.length);
      switch (mutation) {
        case "cut":
          lines = lines.slice(0, a % (n + 1));
          break;
        case "cut-mid-line": {
          const text = lines.join("\n");
          lines = text.slice(0, a % (text.length + 1)).split("\n");
          break;
        }
        case "shuffle": {
          let s = a >>> 0 || 1;
          for (let i = lines.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [lines[i], lines[j]] = [lines[j], lines[i]];
          }
          break;
        }
        case "duplicate": {
          const heads = lines.map((l, i) => (/^#{1,6}\s/.test(l) ? i : -1)).filter((i) => i >= 0);
          if (heads.length > 0) {
            const h = heads[a % heads.length];
            const next = heads.find((i) => i > h) ?? lines.length;
            lines = [...lines.slice(0, next), ...lines.slice(h, next), ...lines.slice(next)];
          }
          break;
        }
        case "splice":
          lines = [...lines.slice(0, a % (n + 1)), ...extra.split("\n"), ...lines.slice(a % (n + 1))];
          break;
        case "swap": {
          const i = a % n;
          const j = b % n;
          [lines[i], lines[j]] = [lines[j], lines[i]];
          break;
        }
      }
      return { markdown: fin(lines.join("\n")), name };
    });
}
