// SC008 code-fence-syntax on ../shared/eval/python-snippets.txt: each body
// after `### name` is put in a python fence of a PRD (linted as
// specs/active/eval/prd.md with the built rule) and agrees when SC008
// reports it exactly when python-snippets.truth.tsv says CPython 3.11's
// compile() rejects it. The truth is plain compile() (the labels call
// module-level await invalid), so the rule runs with `topLevelAwait: false`,
// its strict mode; the default (top-level await accepted) is held to CPython
// with PyCF_ALLOW_TOP_LEVEL_AWAIT by test/python.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lint } from "markdownlint/sync";
import suite from "../../dist/index.js";

export const name = "SC008";
// Only the rule under evaluation, so another rule's state cannot break the score.
const rules = suite.filter((r) => r.names[0] === name);

/** Bodies after `### name` lines (trailing blank lines dropped). */
export function readSnippets(text) {
  const snippets = [];
  let current;
  for (const line of text.split(/\r?\n/)) {
    const m = /^### (.+)$/.exec(line);
    if (m) snippets.push((current = { name: m[1].trim(), lines: [] }));
    else if (current) current.lines.push(line);
  }
  for (const s of snippets) while (s.lines.length > 0 && s.lines[s.lines.length - 1] === "") s.lines.pop();
  return snippets;
}

/** A python fence long enough for any backticks the snippet holds. */
function fence(lines) {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const ticks = "`".repeat(longest + 1);
  return [`${ticks}python`, ...lines, ticks].join("\n");
}

/** The SC008 findings for one snippet. */
function judge(lines) {
  const file = "specs/active/eval/prd.md";
  const markdown = `# PRD\n\n${fence(lines)}\n`;
  const result = lint({ strings: { [file]: markdown }, config: { default: false, SC008: { topLevelAwait: false } }, customRules: rules });
  return (result[file] ?? []).filter((e) => e.ruleNames[0] === "SC008");
}

export function run(evalDir) {
  const snippets = readSnippets(readFileSync(join(evalDir, "python-snippets.txt"), "utf8"));
  const truth = new Map();
  for (const row of readFileSync(join(evalDir, "python-snippets.truth.tsv"), "utf8").split(/\r?\n/).slice(1)) {
    const [label, snippet] = row.split("\t");
    if (snippet) truth.set(snippet.trim(), label.trim());
  }
  let agree = 0;
  let total = 0;
  const misses = [];
  for (const s of snippets) {
    const label = truth.get(s.name);
    if (label !== "valid" && label !== "invalid") continue;
    total++;
    const found = judge(s.lines);
    if ((found.length > 0) === (label === "invalid")) agree++;
    else if (label === "invalid") misses.push(`${s.name}: no finding, but CPython rejects it`);
    else misses.push(`${s.name}: ${found[0].errorDetail}`);
  }
  return {
    rule: "SC008",
    set: "python-snippets.txt (strict: topLevelAwait false)",
    agree,
    total,
    misses,
    target: "all",
    ok: total > 0 && agree === total,
  };
}
