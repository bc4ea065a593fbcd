/**
 * Adversarial lines for the linear-time test (issue 23): every regular
 * expression the suite runs on document text, the characters and classes
 * each one uses, long runs of them, and the documents (every kind, every
 * Markdown context) that carry such a line to the rules.
 *
 * The expressions are found two ways, so that neither a literal nor a
 * pattern built at run time is missed:
 *
 * - statically: every regular-expression literal in the built code (dist/),
 *   read with TypeScript's own parser;
 * - dynamically: `RegExp.prototype.exec` (which test, match, matchAll,
 *   replace, search and split all call) is wrapped while the suite lints
 *   every bundled Markdown file, and an expression counts when the suite's
 *   code (dist/) is on the stack, which takes in patterns built from
 *   options and phrase lists and those of the libraries the rules call on
 *   document text (the Python parser). This runs in a child process
 *   (test/executed-patterns.mjs): once `exec` has been replaced, V8 runs
 *   every regular expression of the process on its slow path, on which
 *   some operations are themselves quadratic.
 *
 * Patterns compiled for RE2 (`LinearRegExp`, lib/core/regex.ts) override `exec`
 * and never show up: their time is linear whatever the pattern.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { Rule, RuleParams } from "markdownlint";
import { lint } from "markdownlint/sync";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

/** One regular expression: source and flags, and where it was found. */
export interface Pattern {
  source: string;
  flags: string;
  where: string;
}

const files = (dir: string, ext: string): string[] =>
  readdirSync(dir).flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? files(path, ext) : e.endsWith(ext) ? [path] : [];
  });

/** Every regular-expression literal in the built code. */
export function literalPatterns(): Pattern[] {
  const out: Pattern[] = [];
  // The modules tsc builds; dist/bundle/ is the same code in one file, with the libraries' own code.
  for (const file of files(dist, ".js").filter((f) => !f.startsWith(join(dist, "bundle")))) {
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf("/");
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ source: text.slice(1, slash), flags: text.slice(slash + 1), where: `${file.slice(dist.length + 1)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** The expressions executed from the suite's code while it lints `markdownFiles` (found in a child process: see test/executed-patterns.mjs). */
export function executedPatterns(markdownFiles: string[]): Pattern[] {
  const child = spawnSync(process.execPath, [join(root, "test", "executed-patterns.mjs"), ...markdownFiles], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`test/executed-patterns.mjs failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Pattern[];
}

/** Every Markdown file bundled with the package (examples and rule fixtures). */
export const bundledMarkdown = (): string[] => files(join(root, "fixtures"), ".md");

/** Every pattern once (by source and flags); the first place found is kept. */
export function uniquePatterns(patterns: Pattern[]): Pattern[] {
  const out = new Map<string, Pattern>();
  for (const p of patterns) {
    const key = `${p.flags.replace(/[gy]/g, "")}/${p.source}`;
    if (!out.has(key)) out.set(key, p);
  }
  return [...out.values()];
}

/** Characters that stand for classes (`\w`, `\p{L}`, `[^…]`, `.`) when no literal of the pattern fits. */
const BASE = [" ", "a", "A", "é", "7", "_", "-", ".", ",", "!", "|", "/", "*", "`", "#", ":", "(", ")", "[", "]", "<", ">", "\t", "中", "\u00a0"];

/** A character that no pattern of the suite names, ending each run so that the match fails. */
export const TERMINATOR = "¤";

/**
 * The atoms of a pattern: each literal character, each class (`[…]`,
 * `\w`, `\p{…}`, `.`) as its source, and each member of a class.
 */
export function atoms(source: string): { literals: string[]; classes: string[] } {
  const literals: string[] = [];
  const classes: string[] = [];
  const escaped = (i: number): [string | undefined, string, number] => {
    // Returns [literal char or undefined, class source, next index] for the escape at source[i] === "\\".
    const c = source[i + 1];
    if (c === undefined) return [undefined, "", i + 1];
    if ("dDwWsS".includes(c)) return [undefined, `\\${c}`, i + 2];
    if (c === "p" || c === "P") {
      const end = source.indexOf("}", i);
      return [undefined, source.slice(i, end + 1), end + 1];
    }
    if (c === "u" && source[i + 2] === "{") {
      const end = source.indexOf("}", i);
      return [String.fromCodePoint(parseInt(source.slice(i + 3, end), 16)), "", end + 1];
    }
    if (c === "u") return [String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)), "", i + 6];
    if (c === "x") return [String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)), "", i + 4];
    if (c === "k") return [undefined, "", source.indexOf(">", i) + 1];
    const named: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", "0": "\0" };
    if (c in named) return [named[c], "", i + 2];
    if ("bB".includes(c) || /\d/.test(c)) return [undefined, "", i + 2];
    return [c, "", i + 2];
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === "\\") {
      const [lit, cls, next] = escaped(i);
      if (lit !== undefined) literals.push(lit);
      if (cls) classes.push(cls);
      i = next;
    } else if (c === "[") {
      let j = i + 1;
      if (source[j] === "^") j++;
      if (source[j] === "]") j++;
      while (j < source.length && source[j] !== "]") {
        if (source[j] === "\\") {
          const [lit, cls, next] = escaped(j);
          if (lit !== undefined) literals.push(lit);
          if (cls) classes.push(cls);
          j = next;
        } else {
          const cp = String.fromCodePoint(source.codePointAt(j)!);
          literals.push(cp);
          j += cp.length;
        }
      }
      classes.push(source.slice(i, j + 1));
      i = j + 1;
    } else if (c === "(" && source[i + 1] === "?") {
      // (?:  (?=  (?!  (?<=  (?<!  (?<name>
      if (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!") i = source.indexOf(">", i) + 1;
      else i += source[i + 2] === "<" ? 4 : 3;
    } else if (c === "{" && /^\{\d*(?:,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf("}", i) + 1;
    } else if ("()|*+?^$".includes(c)) {
      i++;
    } else if (c === ".") {
      classes.push(".");
      i++;
    } else {
      const cp = String.fromCodePoint(source.codePointAt(i)!);
      literals.push(cp);
      i += cp.length;
    }
  }
  return { literals, classes };
}

/**
 * The characters whose runs a pattern gets: each of its literal
 * characters (class members included) and, for each class, up to two
 * characters of `pool` (the suite's literals first tried from BASE) that it
 * matches, so that `[^\s"]`, `\p{L}` and `.` get runs too.
 */
export function characters(p: Pattern, pool: readonly string[]): string[] {
  const { literals, classes } = atoms(p.source);
  const out = new Set(literals.filter((c) => c !== "\n" && c !== "\r" && c !== "\0"));
  const flags = p.flags.replace(/[gyd]/g, "");
  for (const cls of classes) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${cls})$`, flags);
    } catch {
      continue;
    }
    let n = 0;
    for (const c of [...BASE, ...pool]) {
      if (c === "\n" || c === "\r" || !re.test(c)) continue;
      out.add(c);
      if (++n === 2) break;
    }
  }
  return [...out];
}

/** The characters of all patterns (BASE first). */
export function characterPool(patterns: Pattern[]): string[] {
  const pool = new Set<string>(BASE);
  for (const p of patterns) for (const c of atoms(p.source).literals) if (c !== "\n" && c !== "\r" && c !== "\0") pool.add(c);
  return [...pool];
}

/** The paths that select each document kind under the default patterns. */
export const KINDS = {
  prd: "specs/active/demo/prd.md",
  tasks: "specs/active/demo/tasks.md",
  plan: "specs/active/demo/research/plan.md",
  analysis: "specs/active/demo/research/analysis.md",
  recovery: "specs/active/demo/recovery.md",
  guide: "docs/guides/demo.md",
  // The workflow profiles: Kiro's EARS criteria (SC003 reads the response after SHALL), spec-kit's T001 tasks.
  "kiro-requirements": ".kiro/specs/demo/requirements.md",
  "spec-kit-tasks": "specs/001-demo/tasks.md",
  // spec-kit's spec: SC003 reads the other lines for the terms they define (the vague outcome below).
  "spec-kit-spec": "specs/001-demo/spec.md",
} as const;
export type KindName = keyof typeof KINDS;

/** The Markdown contexts an adversarial line is put in. */
export const CONTEXTS = {
  fence: (line: string) => `\`\`\`\n${line}\n\`\`\``,
  "python fence": (line: string) => `\`\`\`python\n${line}\n\`\`\``,
  paragraph: (line: string) => line,
  // A task list's items are tasks ("- [ ] T001 …"); other kinds get plain items.
  "list item": (line: string) => `- ${line}`,
  "task item": (line: string) => `- [ ] T001 ${line}`,
  "table cell": (line: string) => `| Name | Value |\n| --- | --- |\n| a | ${line} |`,
  heading: (line: string) => `## ${line}`,
} as const;
export type ContextName = keyof typeof CONTEXTS;

/** The contexts a kind is tested in: a task list's items are tasks, other kinds' plain items. */
export const contextsOf = (kind: KindName): ContextName[] =>
  (Object.keys(CONTEXTS) as ContextName[]).filter((c) => c !== (kind.endsWith("tasks") ? "list item" : "task item"));

/** A run of `n` code points of `c`, then the terminator. */
export const run = (c: string, n: number) => c.repeat(n) + TERMINATOR;

/** Sizes of the runs: linear time doubles from the first to the second, quadratic time quadruples. */
export const SIZES = [5_000, 10_000] as const;
/** The largest ratio of the two times accepted (linear: 2, quadratic: 4). */
export const LIMIT = 3;
/** Rounds of the rules alone on both sizes, the fastest kept: one round's time of a millisecond or two is easily doubled by a collection. */
const ROUNDS = 3;
/** Rounds on a new parse after a full collection when the rules' ratio is still over the limit, the fastest kept. */
const RETRIES = 4;

/** One lint whose time went up more than linearly with the run's length. */
export interface SlowCase {
  kind: KindName;
  context: ContextName;
  character: string;
  /** The sizes of the last measurement (the run's lengths). */
  sizes: [number, number];
  ms: [number, number];
  ratio: number;
}

/** The document all kinds share (one parse serves every kind): an acceptance criteria section, with a task after the block, and a vague measurable outcome. */
export const sharedDocument = (block: string) =>
  `# Demo\n\n## Overview\n\nThe importer loads rows.\n\n## Acceptance Criteria\n\n${block}\n\n- [ ] T002 An import of 10,000 rows finishes within 5 seconds.\n\n## Success Criteria\n\n- **SC-001**: Imports show a clear error message.\n`;

/** A full garbage collection, when node can be asked for one (it makes the retries' times steadier). */
const collect: () => void = (() => {
  try {
    v8.setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return () => {};
  }
})();

/**
 * Lint a document with a run of each character in each context once (the
 * parse is markdownlint's own, captured by a rule that keeps its
 * parameters), then run every rule of the suite on it as each kind, the way
 * markdownlint calls them, at both sizes; return the cases whose time (the
 * suite's own: markdownlint's parse is left out) grows faster than the
 * limit allows. Each run gets a fresh copy of the lines, so the shared
 * model is built again as in a lint of its own. A case over the limit is
 * measured again on new parses (a digit after the terminator changes the
 * text each round, so nothing remembered from the round before is reused),
 * each after a full collection, the fastest round kept; if it is still over,
 * at four times both sizes.
 */
export function superLinearCases(rules: Rule[], kinds: readonly KindName[], characters: readonly string[]): { cases: number; retried: number; slow: SlowCase[] } {
  let captured: RuleParams | undefined;
  const capture: Rule = {
    names: ["capture-params"],
    description: "keeps the parameters markdownlint hands a rule",
    tags: ["test"],
    parser: "micromark",
    function: (params) => {
      captured = params;
    },
  };
  const parse = (markdown: string): RuleParams => {
    captured = undefined;
    lint({ strings: { "doc.md": markdown }, config: { default: false, "capture-params": true }, customRules: [capture] });
    if (!captured) throw new Error("markdownlint did not call the capturing rule");
    return captured;
  };
  const timeRules = (params: RuleParams, kind: KindName) => {
    const own = { ...params, name: KINDS[kind], lines: [...params.lines], config: {} } as RuleParams;
    const start = performance.now();
    for (const rule of rules) (rule.function as (p: RuleParams, e: () => void) => void)(own, () => {});
    return performance.now() - start;
  };
  // A retry parses a slightly different text (a digit after the terminator, so that nothing a rule
  // remembers from the round before applies), then collects the parse's garbage, so that the rules'
  // time holds no collection of markdownlint's leftovers.
  const retryTime = (kind: KindName, context: ContextName, c: string, n: number, round: number) => {
    const params = parse(sharedDocument(CONTEXTS[context](run(c, n) + round)));
    collect();
    return timeRules(params, kind);
  };
  const slow: SlowCase[] = [];
  let cases = 0;
  let retried = 0;
  for (const context of Object.keys(CONTEXTS) as ContextName[]) {
    const ofContext = kinds.filter((k) => contextsOf(k).includes(context));
    if (ofContext.length === 0) continue;
    for (const c of characters) {
      const params = SIZES.map((n) => parse(sharedDocument(CONTEXTS[context](run(c, n)))));
      for (const kind of ofContext) {
        cases++;
        let ms: [number, number] = [Infinity, Infinity];
        for (let round = 0; round < ROUNDS && !(ms[1] / ms[0] <= LIMIT); round++) {
          const again = params.map((p) => timeRules(p, kind));
          ms = [Math.min(ms[0], again[0]), Math.min(ms[1], again[1])];
        }
        if (ms[1] / ms[0] <= LIMIT) continue;
        retried++;
        // Again on new parses; then, if still over, at four times the sizes, where a millisecond of
        // noise no longer weighs like the work of a few thousand characters.
        let sizes: readonly number[] = SIZES;
        for (const scale of [1, 4]) {
          sizes = SIZES.map((n) => n * scale);
          ms = [Infinity, Infinity];
          for (let round = 1; round <= RETRIES; round++) {
            const again = sizes.map((n) => retryTime(kind, context, c, n, round));
            ms = [Math.min(ms[0], again[0]), Math.min(ms[1], again[1])];
          }
          if (ms[1] / ms[0] <= LIMIT) break;
        }
        if (ms[1] / ms[0] > LIMIT) slow.push({ kind, context, character: c, sizes: [sizes[0], sizes[1]], ms, ratio: ms[1] / ms[0] });
      }
    }
  }
  return { cases, retried, slow };
}
