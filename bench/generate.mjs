#!/usr/bin/env node
/**
 * Deterministic generator of realistic specs trees for the benchmark.
 *
 *   node bench/generate.mjs [--files 2000] [--seed 1] [--out bench/out/gen]
 *
 * Writes workspaces (specs/active/{slug}/ and specs/archive/{slug}/ holding
 * prd.md, tasks.md, recovery.md, research/analysis.md, research/plan.md) and
 * guides (docs/guides/*.md, specs/guides/*.md) shaped like the seed templates
 * (../shared/seeds/002_*.txt, 003_*.txt, 004_*.txt): budget-annotated
 * headings, python fences with and without `# VERIFIED:`, bash fences, ASCII
 * diagrams, task lists, tables, self-reported figures, the odd placeholder,
 * vague phrase, marketing word and mojibake, so every rule has work to do.
 * The same seed and size always give the same bytes.
 *
 * Also exports the pathological single-document generators the benchmark
 * uses (a huge PRD, a long tasks file, a document made of fences).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the a an of to in for on with by from into over under between across through " +
  "adapter backend frontend driver session connection pool transaction cursor statement query result row column " +
  "table index schema migration parameter binding config configuration option default value setting environment " +
  "service handler request response middleware plugin route controller template renderer cache store queue worker " +
  "event signal hook callback listener observer registry factory builder mapper serializer parser compiler loader " +
  "test fixture mock coverage benchmark metric counter trace span log error exception retry timeout deadline " +
  "batch stream chunk buffer offset limit cursor page window partition shard replica cluster node region " +
  "oracle postgres sqlite duckdb bigquery snowflake asyncpg psycopg litestar vite pytest mypy ruff arrow " +
  "implements returns accepts validates converts stores reads writes loads commits rolls caches emits records " +
  "exposes registers resolves wraps delegates forwards reuses replaces extends keeps drops measures reports " +
  "existing current proposed new legacy internal external public private async sync typed optional explicit " +
  "every each both either neither this that these those which when where while because unless after before " +
  "is are was be has have does can must will may should would could not only also still already " +
  "1 2 3 4 5 10 20 50 100 250 500 1000 5000 10000"
).split(" ");
const NOUNS = WORDS.slice(20, 140);
const IDENT = ["session", "driver", "pool", "config", "adapter", "cursor", "result", "stack", "loader", "cache", "plugin", "router"];
const VAGUE = ["works correctly", "performance is good", "should be fast", "as needed", "user-friendly", "robust", "etc."];
const MARKETING = ["recommended", "best for", "ideal for", "better", "perfect", "excellent", "trade-offs"];
const MOJIBAKE = ["âœ“", "â€™", "â€”", "Ã©"];

/** A text generator bound to one PRNG. */
export function makeText(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const word = () => pick(WORDS);
  const code = () => `\`${pick(IDENT)}_${pick(IDENT)}()\``;
  const sentence = (min = 8, max = 22) => {
    const n = int(min, max);
    const out = [];
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.04) out.push(code());
      else if (r < 0.06) out.push(`**${pick(NOUNS)}**`);
      else if (r < 0.065) out.push(`[${pick(NOUNS)}](https://example.com/${pick(NOUNS)}/${int(1, 999)})`);
      else out.push(word());
    }
    const s = out.join(" ");
    return s[0].toUpperCase() + s.slice(1) + ".";
  };
  const paragraph = (min = 3, max = 7) => Array.from({ length: int(min, max) }, () => sentence()).join(" ");
  /** Paragraphs holding about `words` words. */
  const prose = (words) => {
    const out = [];
    let n = 0;
    while (n < words) {
      const p = paragraph();
      n += p.split(/\s+/).length;
      out.push(p);
    }
    return out.join("\n\n");
  };
  const bullets = (n, task = false, checked = 0.3) =>
    Array.from({ length: n }, () => {
      const box = task ? (rand() < checked ? "[x] " : "[ ] ") : "";
      let line = `- ${box}${sentence(5, 14)}`;
      if (rand() < 0.2) line += `\n  - ${sentence(4, 10)}\n  - ${sentence(4, 10)}`;
      return line;
    }).join("\n");
  const pythonBody = () => {
    const name = `${pick(IDENT)}_${pick(IDENT)}`;
    const lines = [
      `from ${pick(IDENT)}.${pick(IDENT)} import ${pick(IDENT).replace(/^./, (c) => c.toUpperCase())}`,
      "",
      `def ${name}(${pick(IDENT)}: str, limit: int = ${int(1, 500)}) -> dict:`,
      `    """${sentence(4, 9)}"""`,
      `    result = {"${pick(IDENT)}": ${pick(IDENT)}, "limit": limit}`,
    ];
    for (let i = int(0, 6); i > 0; i--) lines.push(`    result["${pick(IDENT)}_${i}"] = limit * ${int(2, 9)}`);
    if (rand() < 0.05) lines.push("    return result["); // a syntax error now and then
    else lines.push("    return result");
    return lines;
  };
  const python = (verified) => {
    const head = verified
      ? [`# VERIFIED: src/${pick(IDENT)}/${pick(IDENT)}.py:${int(1, 200)}-${int(201, 400)}`, "# VERIFIED: Syntax checked with py_compile"]
      : [];
    return ["```python", ...head, ...pythonBody(), "```"].join("\n");
  };
  const bash = () =>
    ["```bash", `# ${sentence(3, 6)}`, `uv run pytest tests/${pick(IDENT)} -x -q`, `wc -w specs/active/${pick(IDENT)}/prd.md`, "```"].join("\n");
  const diagram = () => {
    const boxes = Array.from({ length: int(2, 4) }, () => pick(IDENT));
    const lines = ["```"];
    for (const [i, b] of boxes.entries()) {
      const label = ` ${b}_api `;
      if (rand() < 0.5) {
        lines.push(`┌${"─".repeat(label.length)}┐`, `│${label}│`, `└${"─".repeat(label.length)}┘`);
        if (i < boxes.length - 1) lines.push("      │", "      ▼");
      } else {
        lines.push(`+${"-".repeat(label.length)}+`, `|${label}|`, `+${"-".repeat(label.length)}+`);
        if (i < boxes.length - 1) lines.push("      |", "      v");
      }
    }
    lines.push("```");
    return lines.join("\n");
  };
  const table = (rows = int(3, 6)) => {
    const out = ["| Risk | Impact | Probability | Mitigation |", "|------|--------|-------------|------------|"];
    for (let i = 0; i < rows; i++) out.push(`| ${sentence(2, 5)} | ${pick(["High", "Medium", "Low"])} | ${pick(["High", "Medium", "Low"])} | ${sentence(4, 10)} |`);
    return out.join("\n");
  };
  const criteria = (n) =>
    Array.from({ length: n }, (_, i) => {
      const measurable = rand() < 0.85;
      const text = measurable
        ? `${pick(IDENT)} ${pick(["handles", "processes", "returns", "loads"])} ${int(1, 100)}${pick(["k rows", " requests", " MB", " files"])} in <${int(1, 30)} ${pick(["seconds", "minutes", "ms"])} (measured with pytest timing)`
        : `${pick(IDENT)} ${pick(VAGUE)}`;
      return `- [ ] **AC${i + 1}**: ${text}`;
    }).join("\n");
  const spice = (text, list, p) => (rand() < p ? `${text} It is ${pick(list)} here.` : text);
  return { pick, int, sentence, paragraph, prose, bullets, python, bash, diagram, table, criteria, spice, rand };
}

function prd(t, slug) {
  const py = t.int(1, 5);
  const verifiedAll = t.rand() < 0.7;
  const s = [];
  s.push(`# PRD: ${slug.replace(/-/g, " ")}`, "", `**Status**: Draft\n**Workspace**: specs/active/${slug}/\n**Analysis**: 4500+ words in research/analysis.md`, "");
  s.push("## Overview (300+ words)", "", "### Problem Statement (200+ words)", "", t.prose(t.int(150, 260)), "");
  s.push("### Solution Summary (100+ words)", "", t.prose(t.int(80, 140)), "", "### Affected Components", "", t.bullets(t.int(3, 7), true), "");
  s.push("## Architecture (600+ words)", "", "### Current State (200+ words)", "", t.prose(t.int(180, 260)), "");
  s.push("### Proposed Changes (400+ words)", "", t.prose(t.int(200, 300)), "");
  for (let i = 0; i < py; i++) s.push(t.python(verifiedAll || t.rand() < 0.5), "", t.paragraph(), "");
  s.push("### ASCII Architecture Diagram (REQUIRED)", "", t.rand() < 0.9 ? t.diagram() : "TBD", "");
  s.push("## Implementation Details (400+ words)", "", t.prose(t.int(300, 450)), "", "### Configuration Schema", "", t.bash(), "");
  s.push("## Testing Strategy (400+ words)", "", "### Unit Tests (tests/unit/)", "", t.bullets(t.int(3, 6), true), "", t.prose(t.int(300, 420)), "");
  s.push("## Acceptance Criteria", "", t.criteria(t.int(5, 12)), "");
  s.push("## Risks & Mitigation (100+ words)", "", t.table(), "", t.prose(t.int(60, 130)), "");
  s.push("## Dependencies (100+ words)", "", t.bullets(t.int(2, 5), true), "", t.prose(t.int(60, 130)), "");
  s.push("## Success Metrics", "", t.spice(t.bullets(t.int(2, 4)), VAGUE, 0.2), "");
  s.push("---", "", `**Total PRD Words**: ${t.int(1800, 2600)} (minimum 2000 required)`, `**Code Snippets**: ${py} (100% verified)`, `**Acceptance Criteria**: ${t.int(6, 12)} (minimum 8 required)`, "");
  if (t.rand() < 0.05) s.push(`Template left over: [Feature Name] in specs/active/{slug}/`, "");
  return s.join("\n");
}

function analysis(t) {
  const s = ["# Ultra-Deep Analysis Report", "", `**Words**: ${t.int(4300, 5200)} (minimum 4500 required)`, ""];
  const phases = [
    ["Phase 1: Scope Discovery", 1000],
    ["Phase 2: Component Deep-Dive", 1500],
    ["Phase 3: Integration Analysis", 1200],
    ["Phase 4: Edge Cases & Error Paths", 1000],
    ["Phase 5: Performance & Security", 800],
  ];
  for (const [title, words] of phases) {
    s.push(`## ${title} (${words}+ words)`, "", t.prose(Math.round(words * (0.8 + t.rand() * 0.4))), "");
    if (t.rand() < 0.5) s.push(t.python(t.rand() < 0.8), "");
    if (t.rand() < 0.3) s.push(t.bullets(t.int(3, 6)), "");
  }
  s.push("## Critical Decisions Made", "", t.bullets(t.int(2, 5)), "");
  return s.join("\n");
}

function plan(t) {
  const s = ["# EXTENSIVE Research Report", ""];
  for (const [title, words] of [["Internal Patterns", 600], ["Library Best Practices", 600], ["Industry Best Practices", 500], ["Comparable Implementations", 300]]) {
    s.push(`## ${title} (${words}+ words)`, "", `### Pattern ${t.int(1, 3)}: ${t.sentence(2, 4).slice(0, -1)}`, "", t.prose(Math.round(words * (0.8 + t.rand() * 0.4))), "");
    s.push(t.python(t.rand() < 0.8), "");
  }
  s.push("## Code Snippet Verification (MANDATORY)", "", t.bash(), "");
  return s.join("\n");
}

function tasks(t, slug) {
  const s = [`# Tasks: ${slug}`, "", `**Workspace**: specs/active/${slug}/`, "**Status**: In Progress", "", "## Phase 1: Planning & Research ✓", "", t.bullets(t.int(3, 6), true, 1), ""];
  let n = 0;
  for (let phase = 2; phase <= 5; phase++) {
    s.push(`## Phase ${phase}: ${t.sentence(2, 3).slice(0, -1)}`, "");
    for (let g = t.int(1, 3); g > 0; g--) {
      s.push(`### ${t.sentence(1, 3).slice(0, -1)}`, "");
      const prefix = t.pick(["R", "I", "A", "F", "C", "UT", "IT", "PT", "D", "QG"]);
      for (let i = t.int(2, 6); i > 0; i--) {
        n++;
        s.push(`- [${t.rand() < 0.4 ? "x" : " "}] **${prefix}${n}**: ${t.sentence(4, 10)}`, `  - File: \`src/${t.pick(IDENT)}/${t.pick(IDENT)}.py\``);
      }
      s.push("");
    }
  }
  s.push("---", "", `**Total Tasks**: ${t.rand() < 0.8 ? n : n + 2}`, "");
  return s.join("\n");
}

function recovery(t, slug) {
  return [
    `# Session Recovery: ${slug}`,
    "",
    `**Workspace**: specs/active/${slug}/`,
    "",
    "## Quick Context",
    "",
    t.prose(t.int(80, 160)),
    "",
    "## Key Decisions",
    "",
    t.bullets(t.int(2, 5)),
    "",
    "## Next Steps for Expert Agent",
    "",
    Array.from({ length: t.int(3, 6) }, (_, i) => `${i + 1}. ${t.sentence(5, 12)}`).join("\n"),
    "",
    "## Commands to Resume",
    "",
    t.bash(),
    "",
  ].join("\n");
}

function guide(t, title) {
  const s = [`# ${title}`, "", t.prose(t.int(60, 120)), ""];
  for (let i = t.int(3, 7); i > 0; i--) {
    s.push(`## ${t.sentence(2, 4).slice(0, -1)}`, "", t.spice(t.prose(t.int(80, 300)), MARKETING, 0.15), "");
    const r = t.rand();
    if (r < 0.35) s.push(t.python(false), "");
    else if (r < 0.5) s.push(t.table(), "");
    else if (r < 0.6) s.push(t.diagram(), "");
    else if (r < 0.8) s.push(t.bullets(t.int(3, 6)), "");
    if (t.rand() < 0.03) s.push(`Status ${t.pick(MOJIBAKE)} done.`, "");
  }
  return s.join("\n");
}

/** The files of a generated tree: [relative path, content][]. */
export function generateTree(files, seed = 1) {
  const rand = prng(seed);
  const t = makeText(rand);
  const out = [];
  let w = 0;
  while (out.length < files) {
    const repo = `repo-${w % 7}`;
    if (t.rand() < 0.25) {
      const dir = t.rand() < 0.5 ? "docs/guides" : "specs/guides";
      out.push([`${repo}/${dir}/guide-${w}.md`, guide(t, `${t.sentence(2, 4).slice(0, -1)} Guide`)]);
    } else {
      const slug = `${t.pick(IDENT)}-${t.pick(IDENT)}-${w}`;
      const base = `${repo}/specs/${t.rand() < 0.8 ? "active" : "archive"}/${slug}`;
      out.push([`${base}/prd.md`, prd(t, slug)]);
      out.push([`${base}/tasks.md`, tasks(t, slug)]);
      out.push([`${base}/recovery.md`, recovery(t, slug)]);
      out.push([`${base}/research/analysis.md`, analysis(t)]);
      out.push([`${base}/research/plan.md`, plan(t)]);
    }
    w++;
  }
  return out.slice(0, files);
}

/**
 * The single large documents of the patho and linear sections (run.mjs,
 * linear.mjs): the name each is linted under, its 1× size
 * and the unit of that size.
 */
export const PATHO_DOCS = {
  hugePrd: { name: "specs/active/huge/prd.md", base: 2_500_000, unit: "bytes" },
  longTasks: { name: "specs/active/long/tasks.md", base: 25_000, unit: "lines" },
  manyFences: { name: "specs/active/fences/research/plan.md", base: 1_250, unit: "fences" },
};

/** A PRD of about `bytes` bytes: the template's sections, repeated prose, fences, diagrams and criteria. */
export function hugePrd(bytes, seed = 7) {
  const t = makeText(prng(seed));
  const parts = [prd(t, "huge-prd")];
  let size = parts[0].length;
  let i = 0;
  while (size < bytes) {
    const chunk = [`### Detail ${++i}`, "", t.prose(400), "", t.python(t.rand() < 0.8), "", t.bullets(5), "", t.table(4), ""].join("\n");
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join("\n");
}

/** A tasks file of `lines` lines: phases, groups and task items with IDs. */
export function longTasks(lines, seed = 8) {
  const t = makeText(prng(seed));
  const out = ["# Tasks: long", "", "**Status**: In Progress", ""];
  let n = 0;
  while (out.length < lines) {
    if (n % 200 === 0) out.push(`## Phase ${n / 200 + 1}: ${t.sentence(2, 3).slice(0, -1)}`, "");
    if (n % 20 === 0) out.push(`### Group ${n / 20 + 1}`, "");
    n++;
    out.push(`- [${t.rand() < 0.4 ? "x" : " "}] **T${n}**: ${t.sentence(4, 10)}`);
    if (n % 20 === 19) out.push("");
  }
  out.length = lines;
  return `${out.join("\n")}\n`;
}

/** A research plan made of `fences` fences (python verified or not, bash, diagrams) with a line of prose between. */
export function manyFences(fences, seed = 9) {
  const t = makeText(prng(seed));
  const out = ["# Research: fences", "", "## Internal Patterns (600+ words)", ""];
  for (let i = 0; i < fences; i++) {
    const r = t.rand();
    out.push(r < 0.6 ? t.python(t.rand() < 0.7) : r < 0.8 ? t.bash() : t.diagram(), "", t.sentence(), "");
  }
  return out.join("\n");
}

function main() {
  const args = process.argv.slice(2);
  const arg = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const here = dirname(fileURLToPath(import.meta.url));
  const files = Number(arg("files", "2000"));
  const seed = Number(arg("seed", "1"));
  const out = arg("out", join(here, "out", "gen"));
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, text] of generateTree(files, seed)) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), text);
    bytes += Buffer.byteLength(text);
  }
  console.log(`generated ${files} files, ${(bytes / 1e6).toFixed(1)} MB, seed ${seed}, in ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
