#!/usr/bin/env node
// Builds test/data/python-compile-truth.json, the differential test set of
// SC008: every python fence of ../shared/corpus and ../shared/seeds, the
// hand-written snippets of test/data/python-handwritten.txt, and seeded
// mutations of the corpus fences, each labelled by the real CPython:
// `compile(source, "<fence>", "exec")` (never executed), and again with
// `flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT` (SC008's default): where that
// verdict differs, the case holds it as `tla: {valid, line?, message?}`. Run after
// `npm run build`, with python3 (3.11) on PATH:
//
//     node scripts/sc008-truth.mjs
//
// Mutations are stored as splices on their base fence ({of, at, del, ins})
// so the file stays small; test/python.test.ts re-applies them.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lint } from "markdownlint/sync";
import { buildModel } from "../dist/lib/core/model.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const shared = resolve(process.env.SPEC_CONTRACT_SHARED ?? join(root, "..", "shared"));
const out = join(root, "test", "data", "python-compile-truth.json");

/** Bodies after `### name` lines, as the eval files hold them. */
export function readSnippets(text) {
  const snippets = [];
  let current;
  for (const line of text.split("\n")) {
    const m = /^### (.+)$/.exec(line);
    if (m) snippets.push((current = { name: m[1].trim(), lines: [] }));
    else if (current) current.lines.push(line);
  }
  for (const s of snippets) {
    while (s.lines.length > 0 && s.lines[s.lines.length - 1] === "") s.lines.pop();
  }
  return snippets.map((s) => ({ name: s.name, source: s.lines.join("\n") + "\n" }));
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Python fences of a Markdown file, as SC008 sees them. */
function pythonFences(file) {
  const fences = [];
  const markdown = readFileSync(file, "utf8");
  lint({
    strings: { doc: markdown },
    config: { default: false, collect: true },
    customRules: [
      {
        names: ["collect"],
        description: "collect python fences",
        tags: ["sc008-truth"],
        parser: "micromark",
        function: (params) => {
          const model = buildModel(params.lines, params.parsers.micromark.tokens);
          for (const b of model.codeBlocks) {
            if (b.fenced && /^(python3?|py3?)$/.test(b.lang)) fences.push({ line: b.contentLine, source: b.content.join("\n") + "\n" });
          }
        },
      },
    ],
  });
  return fences;
}

// Deterministic pseudo-random numbers (a fixed LCG), so the set is reproducible.
let seed = 20240611;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (list) => list[Math.floor(random() * list.length)];

const TOKENS = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "==", ".", "*", "**", "->", "return ", "yield ", "await ",
  "lambda ", "async ", "not ", "in ", "\"", "'", "\"\"\"", "\\", "@", "if ", "else ", ":=", "del ", "\t", "    ", "#",
  "f\"{", "}\"", "0", "1_", "0x", "...", "!", "$", "->", ";", "print ", "except ", "as ", "from ", "import "];
const LINES = ["return x", "yield x", "await x", "break", "continue", "nonlocal x", "global x", "from __future__ import annotations",
  "f() = 1", "x := 1", "async with x: pass", "async for x in y: pass", "y = [x async for x in z]", "del f()", "*a = b",
  "x, *a, *b = c", "f(a=1, a=2)", "def g(a, a): pass", "lambda: (yield)", "print \"x\"", "1 = x", "x += 1", "(a, b) += 1",
  "None = 1", "return", "yield from x", "class C: return 1", "def g(): nonlocal x", "global x; x = 1", "match x:\n    case _: pass\n    case 1: pass",
  "x = f\"{a}}\"", "try:\n    pass", "\tx = 1", "from os import *", "raise X from", "assert", "else:", "pass"];

/** Splice-shaped mutations of a source: delete a line, a character, insert a token, a statement, cut, re-indent. */
function mutations(source, count) {
  const result = [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n" && i + 1 < source.length) lineStarts.push(i + 1);
  for (let k = 0; k < count; k++) {
    const op = Math.floor(random() * 7);
    const li = Math.floor(random() * lineStarts.length);
    const ls = lineStarts[li];
    const le = source.indexOf("\n", ls) + 1 || source.length;
    const at = Math.floor(random() * source.length);
    const indent = /^[ \t]*/.exec(source.slice(ls, le))[0];
    if (op === 0) result.push({ at: ls, del: le - ls, ins: "" });
    else if (op === 1) result.push({ at, del: 1, ins: "" });
    else if (op === 2) result.push({ at, del: 0, ins: pick(TOKENS) });
    else if (op === 3) result.push({ at: ls, del: 0, ins: random() < 0.5 ? " " : "\t" });
    else if (op === 4) result.push({ at, del: source.length - at, ins: "" });
    else if (op === 5) result.push({ at: ls, del: Math.min(4, indent.length), ins: "" });
    else result.push({ at: ls, del: 0, ins: pick(LINES).replace(/\n/g, "\n" + indent).replace(/^/, indent) + "\n" });
  }
  return result;
}

export function applySplice(source, m) {
  return source.slice(0, m.at) + m.ins + source.slice(m.at + m.del);
}

const PYTHON = String.raw`
import ast, json, sys, warnings
warnings.simplefilter("ignore")
flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if sys.argv[1:] == ["tla"] else 0
out = []
for src in json.load(sys.stdin):
    try:
        compile(src, "<fence>", "exec", flags=flags)
        out.append(None)
    except SyntaxError as e:
        out.append([e.lineno, type(e).__name__ + ": " + str(e.msg)])
    except Exception as e:  # ValueError for NUL bytes in 3.11
        out.append([None, type(e).__name__ + ": " + str(e)])
json.dump({"version": sys.version.split()[0], "results": out}, sys.stdout)
`;

/**
 * Label sources with the real CPython (compile only; nothing runs); with
 * `topLevelAwait`, compiled with PyCF_ALLOW_TOP_LEVEL_AWAIT.
 */
export function cpython(sources, topLevelAwait = false) {
  const args = ["-c", PYTHON, ...(topLevelAwait ? ["tla"] : [])];
  const run = spawnSync(process.env.PYTHON ?? "python3", args, { input: JSON.stringify(sources), maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout.toString());
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cases = [];
  const seen = new Set();
  const add = (c) => {
    if (seen.has(c.source)) return;
    seen.add(c.source);
    cases.push(c);
  };
  for (const s of readSnippets(readFileSync(join(root, "test", "data", "python-handwritten.txt"), "utf8"))) {
    add({ origin: `handwritten:${s.name}`, source: s.source });
  }
  const files = [...walk(join(shared, "corpus")).filter((f) => f.endsWith(".md")), ...walk(join(shared, "seeds"))].sort();
  for (const file of files) {
    for (const f of pythonFences(file)) add({ origin: `${relative(shared, file)}:${f.line}`, source: f.source });
  }
  const bases = cases.length;
  const mutated = [];
  for (let i = 0; i < bases; i++) {
    if (cases[i].source.length > 6000) continue;
    for (const m of mutations(cases[i].source, 4)) {
      const source = applySplice(cases[i].source, m);
      if (seen.has(source)) continue;
      seen.add(source);
      mutated.push({ of: i, ...m, source });
    }
  }
  const all = [...cases, ...mutated];
  const { version, results } = cpython(all.map((c) => c.source));
  const tla = cpython(all.map((c) => c.source), true).results;
  const rows = all.map((c, i) => {
    const [line, message] = results[i] ?? [null, null];
    const row = c.of === undefined ? { origin: c.origin, source: c.source } : { of: c.of, at: c.at, del: c.del, ins: c.ins };
    const differs = JSON.stringify(results[i]) !== JSON.stringify(tla[i]);
    const other = tla[i] ? { valid: false, line: tla[i][0], message: tla[i][1] } : { valid: true };
    return { ...row, valid: results[i] === null, ...(results[i] ? { line, message } : {}), ...(differs ? { tla: other } : {}) };
  });
  writeFileSync(out, JSON.stringify({ python: version, compile: 'compile(source, "<fence>", "exec")', cases: rows }, null, 0).replace(/\},\{/g, "},\n{") + "\n");
  const invalid = rows.filter((r) => !r.valid).length;
  const differ = rows.filter((r) => r.tla).length;
  console.log(`python ${version}: ${rows.length} cases (${bases} fences and snippets, ${mutated.length} mutations), ${invalid} invalid, ${differ} judged otherwise with top-level await -> ${relative(root, out)}`);
}
