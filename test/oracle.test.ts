/**
 * The document model against independent oracles, on every file of
 * real specs documents (test/real-docs.ts):
 *
 * - "prose" words per section equal the count computed from a remark parse
 *   (unified + remark-parse + remark-frontmatter + remark-gfm, text from
 *   mdast-util-to-string, the same word definition);
 * - "wc" words per section equal what `LC_ALL=C.UTF-8 wc -w` prints for the same
 *   lines.
 *
 * remark-gfm is part of the oracle because markdownlint's micromark parse
 * includes GFM tables, footnotes and autolink literals.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import type { Rule } from "markdownlint";
import type { Nodes, Parents, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { type DocumentModel, getModel } from "../dist/lib/core/model.js";
import { countProseWords } from "../dist/lib/text/words.js";
import { atLeast, corpusDir as corpus } from "./real-docs.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith(".md") ? [path] : [];
  });
}

/** Model of a file as markdownlint builds it (its own micromark parse). */
function modelOf(file: string): { model: DocumentModel; offset: number } {
  let captured: { model: DocumentModel; offset: number } | undefined;
  const collector: Rule = {
    names: ["collect-model"],
    description: "collects the document model",
    tags: ["test"],
    parser: "micromark",
    function: (params) => {
      captured = { model: getModel(params), offset: params.frontMatterLines.length };
    },
  };
  lint({ files: [file], config: { default: false, "collect-model": true }, customRules: [collector] });
  if (!captured) throw new Error(`no model for ${file}`);
  return captured;
}

const EXCLUDED = new Set(["html", "code", "yaml", "toml", "definition", "footnoteReference"]);

/** Drop what the contract leaves out (code, HTML, front matter, definitions); a hard break separates words. */
function prune(node: Parents) {
  node.children = node.children
    .filter((child) => !EXCLUDED.has(child.type))
    .map((child) => (child.type === "break" ? { type: "text", value: " " } : child)) as typeof node.children;
  for (const child of node.children) if ("children" in child) prune(child);
}

/** Words per text block (paragraph, heading, table cell) of a remark parse, by start line. */
function oracleBlocks(source: string): { line: number; words: number }[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm).parse(source) as Root;
  prune(tree);
  const blocks: { line: number; words: number }[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      blocks.push({ line: node.position!.start.line, words: countProseWords(toString(node)) });
    } else if ("children" in node) {
      stack.push(...node.children);
    }
  }
  return blocks;
}

const files = walk(corpus).sort();

describe("document model against independent oracles on real specs documents", () => {
  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThanOrEqual(atLeast(400, 20));
  });

  it("prose words per section equal a remark + mdast-util-to-string count", () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      const { model, offset } = modelOf(file);
      const blocks = oracleBlocks(source);
      for (const section of model.sections) {
        const from = section.level === 0 ? 1 : section.headingEndLine + 1 + offset;
        const to = section.endLine + offset;
        const expected = blocks.filter((b) => b.line >= from && b.line <= to).reduce((n, b) => n + b.words, 0);
        compared++;
        if (section.words.prose !== expected) {
          mismatches.push(`${file}:${section.line} "${section.title}" model ${section.words.prose} oracle ${expected}`);
        }
      }
    }
    console.log(`oracle: compared prose words of ${compared} sections in ${files.length} files`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(atLeast(5000, 400));
  });

  it('"wc" words per section equal `LC_ALL=C.UTF-8 wc -w` over the same lines', () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-wc-"));
    let compared = 0;
    const mismatches: string[] = [];
    try {
      for (const file of files) {
        const { model } = modelOf(file);
        const names: string[] = [];
        model.sections.forEach((section, i) => {
          const from = section.level === 0 ? 0 : section.headingEndLine;
          const body = model.lines.slice(from, section.endLine).join("\n");
          const name = join(dir, `s${i}`);
          writeFileSync(name, body.length > 0 ? `${body}\n` : "");
          names.push(name);
        });
        const out = execFileSync("wc", ["-w", ...names], { env: { ...process.env, LC_ALL: "C.UTF-8" }, encoding: "utf8" });
        const counts = out
          .trim()
          .split("\n")
          .slice(0, names.length)
          .map((l) => Number(l.trim().split(/\s+/)[0]));
        model.sections.forEach((section, i) => {
          compared++;
          if (section.words.wc !== counts[i]) {
            mismatches.push(`${file}:${section.line} "${section.title}" model ${section.words.wc} wc ${counts[i]}`);
          }
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`oracle: compared wc words of ${compared} sections in ${files.length} files`);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(atLeast(5000, 400));
  });
});
