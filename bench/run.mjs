#!/usr/bin/env node
/**
 * `npm run bench`: what the suite costs on top of a markdownlint-cli2 run.
 * See docs/performance.md for the method and the latest figures.
 *
 *   node bench/run.mjs [--files 1000] [--seed 1] [--runs 3] [--scaling-runs 3]
 *                      [--sections editor,cold,main,floor,own,inproc,scaling,rules,patho,linear,instructions]
 *                      [--patho-scale 1] [--instructions-every 10] [--instructions-variants B,F]
 *                      [--node-flags "--single-threaded"] [--dist bench/out/dist-old]
 *                      [--json bench/out/results.json]
 *
 * Corpus: ../shared/corpus plus a generated specs tree (bench/generate.mjs),
 * both copied under bench/out/corpus/ so no project configuration applies.
 * Sections:
 *   editor   re-lint one file in process after an edit, as the VS Code
 *            extension does (bench/editor.mjs): the largest PRD of
 *            ../shared/corpus, a generated 200 kB PRD and the largest
 *            document of each spec-kit and Kiro kind (../shared/corpus-sdd),
 *            default rules (A) vs default rules + suite (B)
 *   cold     one markdownlint-cli2 process on one file (what a commit hook
 *            pays): a small PRD, the largest, and the largest document of each
 *            spec-kit and Kiro kind, A vs B
 *   main     markdownlint-cli2, default rules (A) vs default rules + suite (B)
 *   floor    default rules (A) vs default rules + a no-op micromark rule (E):
 *            what any custom micromark rule costs (markdownlint freezes the
 *            tokens once custom rules are present)
 *   own      suite alone (C) vs a no-op micromark rule alone (D)
 *   inproc   A vs B again, in one process with markdownlint's library API
 *            (no process start, pairs seconds apart: less noise on a busy
 *            machine)
 *   scaling  A and B on 10/25/50/100% of the corpus, time per MB
 *   rules    per-rule share of the suite's own time (in-process, instrumented)
 *   patho    a huge PRD, a long tasks file, a many-fence document at 1×/2×/4×
 *   linear   (not run by default: about 10 minutes, up to 6 GB) the same three
 *            documents, every size held on one heap and every rule timed on
 *            each in interleaved rounds (bench/linear.mjs)
 *   ladder   (not run by default) the default rules alone, then with a no-op
 *            rule, with the shared model only, with the model and SC008, with
 *            the whole suite, in rotating order: what each layer costs
 *   instructions  (not run by default: about 15 minutes) A vs B under
 *            valgrind's callgrind on every 10th file (--instructions-every):
 *            instruction counts, which a busy machine does not change;
 *            --instructions-variants adds others (F: the suite without
 *            SC008 and SC013), two at a time
 * Runs are interleaved in pairs (A B, then B A, …) so drift on a shared
 * machine hits both sides alike; ratios are medians of the pairs' ratios.
 * Each cli2 run is a child process with `--import bench/rusage.mjs`, which
 * reports its peak RSS and CPU time (on Linux split into the main thread,
 * which sets the wall time, and V8's background threads). `--node-flags` adds node options to
 * those runs: with "--single-threaded" V8 collects garbage and compiles on
 * the main thread, so CPU time is all the work of the run, whatever other
 * threads the machine would have lent.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, relative, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateTree, hugePrd, PATHO_DOCS, prng } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(here, "out");
const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const FILES = Number(arg("files", "1000"));
const SEED = Number(arg("seed", "1"));
const RUNS = Number(arg("runs", "3"));
const SCALING_RUNS = Number(arg("scaling-runs", "3"));
const SECTIONS = new Set(arg("sections", "editor,cold,main,floor,own,inproc,scaling,rules,patho").split(","));
const EDITOR_ROUNDS = Number(arg("editor-rounds", "30"));
const COLD_RUNS = Number(arg("cold-runs", "10"));
const PATHO_SCALE = Number(arg("patho-scale", "1"));
const JSON_OUT = arg("json", join(out, "results.json"));
const NODE_FLAGS = arg("node-flags", "").split(/\s+/).filter(Boolean);

const cli2 = join(root, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
// --dist DIR: another build of the suite (e.g. an older commit's dist/ copied under bench/out/) for a before/after.
// The package's entry is the bundle (dist/bundle/index.js); a build without one is timed through its index.js.
const distDir = resolvePath(arg("dist", join(root, "dist")));
const dist = existsSync(join(distDir, "bundle", "index.js")) ? join(distDir, "bundle", "index.js") : join(distDir, "index.js");
if (!existsSync(dist)) {
  console.error(`${dist} is missing: run \`npm run build\` first`);
  process.exit(2);
}

// ---------------------------------------------------------------- corpus
const corpusDir = join(out, "corpus");
const stamp = `${FILES}:${SEED}:${readFileSync(join(here, "generate.mjs"), "utf8").length}`;
const stampFile = join(corpusDir, ".stamp");
if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const shared = join(root, "../shared/corpus");
  if (existsSync(shared)) cpSync(shared, join(corpusDir, "shared"), { recursive: true });
  for (const [path, text] of generateTree(FILES, SEED)) {
    mkdirSync(dirname(join(corpusDir, "gen", path)), { recursive: true });
    writeFileSync(join(corpusDir, "gen", path), text);
  }
  writeFileSync(stampFile, stamp);
}
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith(".md") ? [p] : [];
  });
}
const allFiles = walk(corpusDir).sort();
// A fixed shuffled order, so a fraction is a fair sample of both parts.
const rand = prng(SEED);
const shuffled = allFiles.map((f) => [rand(), f]).sort((a, b) => a[0] - b[0]).map(([, f]) => f);
const sizeOf = (files) => files.reduce((n, f) => n + statSync(f).size, 0);
const MB = (bytes) => bytes / 1e6;

// ---------------------------------------------------------------- configs
const configDir = join(out, "configs");
mkdirSync(configDir, { recursive: true });
const variants = {
  A: { label: "default rules", config: { default: true }, customRules: [] },
  B: { label: "default rules + suite", config: { default: true }, customRules: [dist] },
  C: { label: "suite alone", config: { default: false, "spec-contract": true }, customRules: [dist] },
  D: { label: "no-op micromark rule alone", config: { default: false, "bench-noop": true }, customRules: [join(here, "noop-rule.mjs")] },
  E: { label: "default rules + no-op rule", config: { default: true }, customRules: [join(here, "noop-rule.mjs")] },
  // The ladder section's steps: the shared document model alone, then the model and SC008 (py-ast).
  M: { label: "default rules + model only", config: { default: true }, customRules: [join(configDir, "model-rule.mjs")] },
  P: { label: "default rules + model + SC008", config: { default: true }, customRules: [join(configDir, "model-rule.mjs"), join(distDir, "rules/SC008-code-fence-syntax.js")] },
  // The suite without its two largest in-process shares (SC008's Python check, SC013's directory listings).
  F: { label: "default rules + suite − SC008, SC013", config: { default: true, SC008: false, SC013: false }, customRules: [dist] },
  // SC008's verdicts kept across runs (its `cache` option), as a commit hook may run it.
  K: { label: "default rules + suite, SC008's cache on", config: { default: true, SC008: { cache: true } }, customRules: [dist] },
};
// A rule that builds the suite's document model for every file and does nothing else.
writeFileSync(
  join(configDir, "model-rule.mjs"),
  `import { getModel } from ${JSON.stringify(pathToFileURL(join(distDir, "lib/core/model.js")).href)};\n` +
    `export default { names: ["bench-model"], description: "builds the model only", tags: ["bench"], parser: "micromark", function: (params) => { getModel(params); } };\n`,
);
for (const [key, v] of Object.entries(variants)) {
  v.file = join(configDir, `${key}.markdownlint-cli2.jsonc`);
  writeFileSync(v.file, JSON.stringify({ config: v.config, customRules: v.customRules, noProgress: true, noBanner: true }, null, 2));
}

// ---------------------------------------------------------------- runners
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

function spawnNode(nodeArgs, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: opts.cwd ?? root, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** One markdownlint-cli2 run of a variant over files: wall, CPU, peak RSS, findings. */
async function runCli(key, files) {
  const usage = join(out, `rusage-${process.pid}.json`);
  rmSync(usage, { force: true });
  const list = files.map((f) => `:${relative(corpusDir, f)}`);
  const t0 = process.hrtime.bigint();
  const r = await spawnNode([...NODE_FLAGS, "--import", join(here, "rusage.mjs"), cli2, "--config", variants[key].file, ...list], {
    cwd: corpusDir,
    env: { BENCH_RUSAGE_FILE: usage },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.code !== 0 && r.code !== 1) throw new Error(`cli2 ${key} exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  const u = JSON.parse(readFileSync(usage, "utf8"));
  const findings = (r.stdout + r.stderr).split("\n").filter((l) => / error /.test(l));
  const internal = findings.filter((l) => l.includes("Internal error in") || l.includes("threw an exception")).length;
  return {
    wallMs,
    cpuMs: (u.userUs + u.systemUs) / 1000,
    // CPU of the main thread (markdownlint and the rules) and of V8's background threads (compilers, collector helpers); Linux only.
    mainMs: u.threads?.mainMs ?? NaN,
    otherMs: u.threads?.otherMs ?? NaN,
    rssMB: u.maxRssKB / 1024,
    fullGCs: u.gc.major,
    findings: findings.length,
    internal,
  };
}

/** One line on stderr per cli2 run, as it ends: `what` says which run of which section. */
function logRun(what, key, r) {
  const threads = Number.isFinite(r.mainMs) ? ` (main thread ${fmt(r.mainMs / 1000)} s, other threads ${fmt(r.otherMs / 1000)} s)` : "";
  process.stderr.write(`  ${what} ${key}: ${fmt(r.wallMs / 1000)} s wall, ${fmt(r.cpuMs / 1000)} s cpu${threads}, ${fmt(r.rssMB, 0)} MB, ${r.fullGCs} full GCs\n`);
}

/** One side's medians, as a section's summary prints them. */
function logSide(key, side, withFindings) {
  const findings = withFindings ? `  findings ${side.findings}` : "";
  log(`${key} ${variants[key].label.padEnd(28)} wall ${fmt(side.wallMs / 1000)} s  cpu ${fmt(side.cpuMs / 1000)} s  peak RSS ${fmt(side.rssMB, 0)} MB  full GCs ${side.fullGCs.join("/")}${findings}`);
}

/** Interleaved pairs X Y, Y X, …; returns both sides' runs and the pairs' ratios. */
async function pairs(x, y, files, runs, tag) {
  const rx = [];
  const ry = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [x, y] : [y, x];
    for (const k of order) {
      const r = await runCli(k, files);
      (k === x ? rx : ry).push(r);
      logRun(`${tag} run ${i + 1}/${runs}`, k, r);
    }
  }
  const side = (rs) => ({
    wallMs: median(rs.map((r) => r.wallMs)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
    mainMs: median(rs.map((r) => r.mainMs)),
    otherMs: median(rs.map((r) => r.otherMs)),
    rssMB: median(rs.map((r) => r.rssMB)),
    fullGCs: rs.map((r) => r.fullGCs),
    findings: rs[0].findings,
    internal: rs[0].internal,
  });
  // Best of the runs: interference on a shared machine (other jobs, a slower
  // heap-sizing mode of V8) only ever adds time, so each side's fastest run
  // is the closest to its own cost; reported beside the medians.
  const best = (rs, k) => Math.min(...rs.map((r) => r[k]));
  return {
    [x]: side(rx),
    [y]: side(ry),
    bestWallRatio: best(ry, "wallMs") / best(rx, "wallMs"),
    bestCpuRatio: best(ry, "cpuMs") / best(rx, "cpuMs"),
    bestRssRatio: best(ry, "rssMB") / best(rx, "rssMB"),
    wallRatio: median(rx.map((r, i) => ry[i].wallMs / r.wallMs)),
    cpuRatio: median(rx.map((r, i) => ry[i].cpuMs / r.cpuMs)),
    mainRatio: median(rx.map((r, i) => ry[i].mainMs / r.mainMs)),
    rssRatio: median(rx.map((r, i) => ry[i].rssMB / r.rssMB)),
  };
}

async function instrument(job) {
  const jobFile = join(out, `job-${process.pid}.json`);
  writeFileSync(jobFile, JSON.stringify({ dist: distDir, ...job }));
  const r = await spawnNode(["--max-old-space-size=16384", join(here, "instrument.mjs"), jobFile]);
  if (r.code !== 0) throw new Error(`instrument failed (${r.code}): ${r.stderr.slice(0, 4000)}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------- sections
const results = {
  date: new Date().toISOString(),
  machine: { cpus: `${cpus().length} × ${cpus()[0]?.model}`, node: process.version, loadavgAtStart: loadavg().map((x) => x.toFixed(2)).join(" ") },
  nodeFlags: NODE_FLAGS,
  corpus: { files: allFiles.length, generatedFiles: FILES, seed: SEED, MB: MB(sizeOf(allFiles)) },
};
const log = (s = "") => console.log(s);
log(`corpus: ${allFiles.length} files, ${fmt(results.corpus.MB, 1)} MB (../shared/corpus + ${FILES} generated, seed ${SEED})`);
log(`machine: ${results.machine.cpus}, node ${process.version}, load ${results.machine.loadavgAtStart}`);
log(`markdownlint-cli2 runs: interleaved pairs, ${RUNS} runs per side; medians; ratios = median of per-pair ratios${NODE_FLAGS.length ? `; node ${NODE_FLAGS.join(" ")}` : ""}`);

// The documents of the editor and cold sections: the largest PRD of ../shared/corpus (from the
// corpus copy), a small one (the corpus PRD nearest 1.6 kB), and a generated 200 kB PRD.
const prds = allFiles.filter((f) => f.includes(`${join("corpus", "shared")}/`) && f.endsWith("/prd.md")).map((f) => [statSync(f).size, f]);
prds.sort((a, b) => a[0] - b[0]);
const largestPrd = prds.at(-1)?.[1];
const smallPrd = prds.length ? prds.reduce((best, p) => (Math.abs(p[0] - 1600) < Math.abs(best[0] - 1600) ? p : best))[1] : undefined;
const generatedPrd = join(corpusDir, "..", "editor", "specs", "active", "generated", "prd.md");
mkdirSync(dirname(generatedPrd), { recursive: true });
writeFileSync(generatedPrd, hugePrd(200_000));
const kB = (f) => `${fmt(statSync(f).size / 1000, 1)} kB`;

/**
 * The largest document of each kind of the spec-kit and Kiro corpus
 * (../shared/corpus-sdd, when it is there), read in place: the rules pick
 * the workflow's profile by the path.
 */
function workflowDocs() {
  const sdd = join(root, "../shared/corpus-sdd");
  if (!existsSync(sdd)) return [];
  const all = walk(sdd);
  const kinds = [/\/\.kiro\/specs\/[^/]+\/requirements\.md$/, /\/\.kiro\/specs\/[^/]+\/design\.md$/, /\/\.kiro\/specs\/[^/]+\/tasks\.md$/, /\/specs\/\d{3}[^/]*\/spec\.md$/, /\/specs\/\d{3}[^/]*\/tasks\.md$/];
  return kinds.map((re) => all.filter((f) => re.test(f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]).filter(Boolean);
}

if (SECTIONS.has("editor")) {
  log(`\n== editor: re-lint one file in process after an edit, A vs B, ${EDITOR_ROUNDS} interleaved rounds (after 5 warm-up rounds) ==`);
  results.editor = [];
  for (const f of [largestPrd, generatedPrd, ...workflowDocs()].filter(Boolean)) {
    const r = await spawnNode([join(here, "editor.mjs"), dist, f, String(EDITOR_ROUNDS)]);
    if (r.code !== 0) throw new Error(`editor.mjs failed (${r.code}): ${r.stderr.slice(0, 2000)}`);
    const { A, B, bytes } = JSON.parse(r.stdout);
    const row = { file: relative(root, f), bytes, A: median(A), B: median(B), ratio: median(A.map((a, i) => B[i] / a)), bestRatio: Math.min(...B) / Math.min(...A) };
    results.editor.push(row);
    const shown = f.includes("corpus-sdd") ? relative(join(root, "../shared"), f) : relative(corpusDir, f);
    log(`${kB(f).padStart(9)} ${shown}: A ${fmt(row.A, 1)} ms, B ${fmt(row.B, 1)} ms; ratio B/A ${fmt(row.ratio, 3)} (best of each ${fmt(row.bestRatio, 3)})   (target ≤ 1.10)`);
  }
}

if (SECTIONS.has("cold")) {
  log(`\n== cold: one markdownlint-cli2 process on one file, A vs B, ${COLD_RUNS} interleaved pairs ==`);
  results.cold = [];
  // The commit hook's targets: ≤ 1.10 on a small document, ≤ 1.15 on a large one; the workflows' largest documents too.
  for (const [f, target] of [[smallPrd, 1.1], [largestPrd, 1.15], ...workflowDocs().map((d) => [d, statSync(d).size < 10_000 ? 1.1 : 1.15])]) {
    if (!f) continue;
    const r = await pairs("A", "B", [f], COLD_RUNS, `cold ${kB(f)}`);
    results.cold.push({ file: relative(root, f), bytes: statSync(f).size, A: r.A.wallMs, B: r.B.wallMs, ratio: r.wallRatio, cpuRatio: r.cpuRatio, rssRatio: r.rssRatio });
    const shown = f.includes("corpus-sdd") ? relative(join(root, "../shared"), f) : relative(corpusDir, f);
    log(`${kB(f).padStart(9)} ${shown}: A ${fmt(r.A.wallMs, 0)} ms, B ${fmt(r.B.wallMs, 0)} ms wall; ratio B/A wall ${fmt(r.wallRatio, 3)}, cpu ${fmt(r.cpuRatio, 3)}, peak RSS ${fmt(r.rssRatio, 3)}   (target ≤ ${target})`);
  }
  // The same PRD without SC008 and SC013 (F), and with SC008's cache on (K), filled by one run
  // first: a commit hook linting a PRD whose fences did not change.
  if (largestPrd) {
    await runCli("K", [largestPrd]);
    for (const v of ["F", "K"]) {
      const r = await pairs("A", v, [largestPrd], COLD_RUNS, `cold ${kB(largestPrd)}, ${v}`);
      results.cold.push({ file: relative(root, largestPrd), variant: v, A: r.A.wallMs, B: r[v].wallMs, ratio: r.wallRatio, cpuRatio: r.cpuRatio, rssRatio: r.rssRatio });
      log(`${kB(largestPrd).padStart(9)} ${relative(corpusDir, largestPrd)}, ${variants[v].label}: A ${fmt(r.A.wallMs, 0)} ms, ${v} ${fmt(r[v].wallMs, 0)} ms wall; ratio ${v}/A wall ${fmt(r.wallRatio, 3)}, cpu ${fmt(r.cpuRatio, 3)}, peak RSS ${fmt(r.rssRatio, 3)}`);
    }
  }
}

if (SECTIONS.has("main")) {
  log("\n== main: default rules (A) vs default rules + suite (B) ==");
  const r = await pairs("A", "B", allFiles, RUNS, "main");
  results.main = r;
  for (const k of ["A", "B"]) {
    logSide(k, r[k], true);
  }
  log(`ratio B/A: wall ${fmt(r.wallRatio, 3)}  cpu ${fmt(r.cpuRatio, 3)}  memory ${fmt(r.rssRatio, 3)}   (targets ≤ 1.10, ≤ 1.10)`);
  if (Number.isFinite(r.mainRatio)) {
    log(`main-thread cpu B/A ${fmt(r.mainRatio, 3)}; other threads A ${fmt(r.A.otherMs / 1000)} s, B ${fmt(r.B.otherMs / 1000)} s (V8's background compilers and collector helpers)`);
  }
  log(`best of ${RUNS} runs each, B/A: wall ${fmt(r.bestWallRatio, 3)}  cpu ${fmt(r.bestCpuRatio, 3)}  memory ${fmt(r.bestRssRatio, 3)}`);
  if (r.B.internal) log(`!! ${r.B.internal} internal-error findings`);
}

if (SECTIONS.has("floor")) {
  log("\n== floor: default rules (A) vs default rules + a no-op micromark rule (E) ==");
  const r = await pairs("A", "E", allFiles, RUNS, "floor");
  results.floor = r;
  for (const k of ["A", "E"]) {
    logSide(k, r[k], false);
  }
  log(`ratio E/A: wall ${fmt(r.wallRatio, 3)}  cpu ${fmt(r.cpuRatio, 3)}  memory ${fmt(r.rssRatio, 3)}  (the floor under any custom rule)`);
  log(`best of ${RUNS} runs each, E/A: wall ${fmt(r.bestWallRatio, 3)}  cpu ${fmt(r.bestCpuRatio, 3)}  memory ${fmt(r.bestRssRatio, 3)}`);
}

if (SECTIONS.has("ladder")) {
  // What each layer costs over the default rules, every variant in every
  // round, the order rotated each round: markdownlint's price for any custom
  // rule (E), the shared model (M), the model and SC008's Python check (P),
  // the whole suite (B). Ratios are medians of the rounds' ratios to A.
  const keys = ["A", "E", "M", "P", "B"];
  log(`\n== ladder: ${keys.map((k) => `${k} = ${variants[k].label}`).join("; ")} ==`);
  const runsOf = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    const order = [...keys.slice(i % keys.length), ...keys.slice(0, i % keys.length)];
    for (const k of order) {
      const r = await runCli(k, allFiles);
      runsOf[k].push(r);
      logRun(`ladder round ${i + 1}/${RUNS}`, k, r);
    }
  }
  results.ladder = {};
  for (const k of keys) {
    const rs = runsOf[k];
    const ratio = (m) => median(rs.map((r, i) => r[m] / runsOf.A[i][m]));
    results.ladder[k] = { runs: rs, wallMs: median(rs.map((r) => r.wallMs)), wallRatio: ratio("wallMs"), cpuRatio: ratio("cpuMs"), rssRatio: ratio("rssMB") };
    const x = results.ladder[k];
    log(`${k} ${variants[k].label.padEnd(32)} wall ${fmt(x.wallMs / 1000)} s  ×${fmt(x.wallRatio, 3)} wall  ×${fmt(x.cpuRatio, 3)} cpu  ×${fmt(x.rssRatio, 3)} peak RSS`);
  }
}

if (SECTIONS.has("own")) {
  log("\n== own: suite alone (C) vs no-op micromark rule alone (D) ==");
  const r = await pairs("D", "C", allFiles, RUNS, "own");
  results.own = r;
  for (const k of ["D", "C"]) {
    logSide(k, r[k], true);
  }
  log(`ratio C/D: wall ${fmt(r.wallRatio, 3)}  cpu ${fmt(r.cpuRatio, 3)}  memory ${fmt(r.rssRatio, 3)}`);
}

if (SECTIONS.has("inproc")) {
  log("\n== inproc: default rules (A) vs default rules + suite (B), in one process (library API), interleaved ==");
  const r = await instrument({ files: allFiles, defaults: true, pairsOnly: true, pairRounds: Math.max(RUNS, 4) });
  results.inproc = { pairs: r.pairs, cpuRatio: r.pairCpuRatio, wallRatio: r.pairWallRatio, floorCpuRatio: r.floorCpuRatio, maxRssMB: r.maxRssMB };
  const med = (side, k) => median(r.pairs.map((p) => p[side][k]));
  log(
    `A wall ${fmt(med("A", "wallMs") / 1000)} s cpu ${fmt(med("A", "cpuMs") / 1000)} s | B wall ${fmt(med("B", "wallMs") / 1000)} s cpu ${fmt(med("B", "cpuMs") / 1000)} s | E (A + no-op rule) cpu ${fmt(med("E", "cpuMs") / 1000)} s`,
  );
  log(`ratio B/A: wall ${fmt(r.pairWallRatio, 3)}  cpu ${fmt(r.pairCpuRatio, 3)}  (per round: ${r.pairs.map((p) => fmt(p.B.cpuMs / p.A.cpuMs, 2)).join(", ")}); floor E/A cpu ${fmt(r.floorCpuRatio, 3)}`);
}

if (SECTIONS.has("instructions")) {
  // Instruction counts barely depend on what else the machine runs: on a
  // shared machine the wall-time pairs above spread from ×0.83 to ×1.5.
  // valgrind's callgrind counts every instruction of the process; node runs
  // with --predictable (V8's garbage collector and compilers on the main
  // thread, no timers), without which the count of the same run moved by
  // 4 to 14% with the machine's load. It runs a process about 70 times
  // slower, so it takes a sample of the corpus, and A and B run side by side
  // (one per core). The profiles are kept under bench/out/ for
  // callgrind_annotate.
  const every = Number(arg("instructions-every", "10"));
  // Variants to count besides A (e.g. "B,F"), A first; run two at a time, one per core.
  const counted = ["A", ...arg("instructions-variants", "B").split(",").filter((k) => k !== "A")];
  for (const k of counted) if (!variants[k]) throw new Error(`--instructions-variants: unknown variant ${k} (${Object.keys(variants).join(", ")})`);
  const sample = allFiles.filter((_, i) => (i + 1) % every === 0);
  log(`\n== instructions: valgrind --tool=callgrind, ${counted.join(", ")} on every ${every}th file (${sample.length} files, ${fmt(MB(sizeOf(sample)), 1)} MB) ==`);
  const vg = await new Promise((resolve) => {
    const c = spawn("valgrind", ["--version"], { stdio: "ignore" });
    c.on("error", () => resolve(false));
    c.on("close", (code) => resolve(code === 0));
  });
  if (!vg) log("valgrind is not installed: section skipped");
  else {
    const list = sample.map((f) => `:${relative(corpusDir, f)}`);
    const countOf = (key) =>
      new Promise((resolve, reject) => {
        const outFile = join(out, `callgrind-${key}.out`);
        const c = spawn("valgrind", ["--tool=callgrind", "--smc-check=all-non-file", `--callgrind-out-file=${outFile}`, process.execPath, "--predictable", cli2, "--config", variants[key].file, ...list], {
          cwd: corpusDir,
          stdio: ["ignore", "ignore", "pipe"],
        });
        let err = "";
        c.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
        c.on("error", reject);
        c.on("close", () => {
          const m = /Collected : (\d+)/.exec(err);
          if (m) resolve(Number(m[1]));
          else reject(new Error(`callgrind ${key}: ${err.slice(-500)}`));
        });
      });
    const t0 = Date.now();
    const counts = {};
    for (let i = 0; i < counted.length; i += 2) {
      const two = counted.slice(i, i + 2);
      const got = await Promise.all(two.map(countOf));
      two.forEach((k, j) => (counts[k] = got[j]));
    }
    const a = counts.A;
    results.instructions = { files: sample.length, MB: MB(sizeOf(sample)), counts, ...(counts.B ? { A: a, B: counts.B, ratio: counts.B / a } : {}) };
    for (const k of counted) {
      log(`${k} ${variants[k].label.padEnd(36)} ${fmt(counts[k] / 1e9, 2)} G instructions${k === "A" ? "" : `; ratio ${k}/A ${fmt(counts[k] / a, 3)}`}`);
    }
    log(`(target ≤ 1.10 for B; ${fmt((Date.now() - t0) / 60000, 1)} min)`);
    log(`profiles: ${counted.map((k) => `bench/out/callgrind-${k}.out`).join(", ")} (callgrind_annotate)`);
  }
}

if (SECTIONS.has("scaling")) {
  log("\n== scaling: A and B on a fixed sample of the corpus; time per MB ==");
  // The fixed cost of a run (node start, module loading) is measured on one tiny file and shown apart.
  const tiny = join(out, "tiny", "prd.md");
  mkdirSync(dirname(tiny), { recursive: true });
  writeFileSync(tiny, "# PRD\n\nText.\n");
  const fixed = {};
  for (const k of ["A", "B"]) {
    const xs = [];
    for (let i = 0; i < 3; i++) xs.push((await runCli(k, [tiny])).wallMs);
    fixed[k] = median(xs);
  }
  log(`fixed cost per run (one tiny file): A ${fmt(fixed.A / 1000)} s, B ${fmt(fixed.B / 1000)} s`);
  const rows = [];
  for (const pct of [10, 25, 50, 100]) {
    const files = shuffled.slice(0, Math.max(1, Math.round((shuffled.length * pct) / 100)));
    const mb = MB(sizeOf(files));
    const r = pct === 100 && results.main ? results.main : await pairs("A", "B", files, SCALING_RUNS, `scaling ${pct}%`);
    const own = await instrument({ files, rounds: 1 });
    const row = {
      pct,
      files: files.length,
      MB: mb,
      A_sPerMB: r.A.wallMs / 1000 / mb,
      B_sPerMB: r.B.wallMs / 1000 / mb,
      A_netSPerMB: (r.A.wallMs - fixed.A) / 1000 / mb,
      B_netSPerMB: (r.B.wallMs - fixed.B) / 1000 / mb,
      A_cpuSPerMB: r.A.cpuMs / 1000 / mb,
      B_cpuSPerMB: r.B.cpuMs / 1000 / mb,
      suiteMsPerMB: (own.parts.model + Object.entries(own.parts).filter(([k]) => k !== "model").reduce((n, [, v]) => n + v, 0)) / mb,
      parseMsPerMB: own.noopMs / mb,
      wallRatio: r.wallRatio,
    };
    rows.push(row);
    log(
      `${String(pct).padStart(3)}%  ${String(files.length).padStart(5)} files ${fmt(mb, 1).padStart(6)} MB | A ${fmt(row.A_sPerMB, 3)} s/MB (net ${fmt(row.A_netSPerMB, 3)}) | B ${fmt(row.B_sPerMB, 3)} s/MB (net ${fmt(row.B_netSPerMB, 3)}) | B/A ${fmt(row.wallRatio, 3)} | suite own ${fmt(row.suiteMsPerMB, 1)} ms/MB, parse ${fmt(row.parseMsPerMB, 0)} ms/MB`,
    );
  }
  const spread = (key) => {
    const xs = rows.map((r) => r[key]);
    return Math.max(...xs) / Math.min(...xs) - 1;
  };
  results.scaling = { fixed, rows, spread: { A_net: spread("A_netSPerMB"), B_net: spread("B_netSPerMB"), suite: spread("suiteMsPerMB") } };
  log(
    `spread of time/MB, 10%..100% (max/min − 1): A net ${fmt(100 * results.scaling.spread.A_net, 1)}%, B net ${fmt(100 * results.scaling.spread.B_net, 1)}%, suite own ${fmt(100 * results.scaling.spread.suite, 1)}%  (target ≤ 15%)`,
  );
}

if (SECTIONS.has("rules")) {
  log("\n== rules: share of the suite's own time (in-process, whole corpus, main-thread wall time, median of 3 rounds) ==");
  const r = await instrument({ files: allFiles, rounds: 3 });
  const own = Object.values(r.parts).reduce((a, b) => a + b, 0);
  results.rules = { ...r, ownMs: own };
  const firstOwn = Object.values(r.firstRound.parts).reduce((a, b) => a + b, 0);
  log(`markdownlint parse + no-op rule: ${fmt(r.noopMs, 0)} ms; suite run: ${fmt(r.suiteMs, 0)} ms; suite's own work: ${fmt(own, 0)} ms (${fmt((100 * own) / r.noopMs, 1)}% of the parse)`);
  log(`first round (cold, what one markdownlint-cli2 run pays): suite's own work ${fmt(firstOwn, 0)} ms (${fmt((100 * firstOwn) / r.firstRound.noopMs, 1)}% of that round's parse)`);
  log(`  rule       median ms  share     ms/MB   first round ms`);
  for (const [k, v] of Object.entries(r.parts).sort((a, b) => b[1] - a[1])) {
    log(`  ${k.padEnd(8)} ${fmt(v, 1).padStart(9)}  ${fmt((100 * v) / own, 1).padStart(5)}%  ${fmt(v / results.corpus.MB, 2).padStart(7)}  ${fmt(r.firstRound.parts[k], 1).padStart(9)}`);
  }
  if (r.internalErrors) log(`!! ${r.internalErrors} internal-error findings`);
}

if (SECTIONS.has("patho")) {
  log("\n== patho: single documents at 1×/2×/4× (in-process, each in its own process) ==");
  const docs = Object.entries(PATHO_DOCS).map(([generator, d]) => ({ generator, ...d }));
  results.patho = [];
  for (const d of docs) {
    const series = [];
    for (const k of [1, 2, 4]) {
      const size = Math.round(d.base * k * PATHO_SCALE);
      const r = await instrument({ doc: { generator: d.generator, size, name: d.name }, rounds: 1, noop: false });
      series.push({ k, size, ...r });
    }
    const keys = Object.keys(series[0].parts);
    const rows = keys.map((key) => {
      const t = series.map((s) => s.parts[key]);
      return { key, ms: t, ratio4x: t[2] / Math.max(t[0], 1e-3) };
    });
    const parse = series.map((s) => s.suiteMs - Object.values(s.parts).reduce((a, b) => a + b, 0));
    results.patho.push({ ...d, sizes: series.map((s) => s.size), MB: series.map((s) => MB(s.bytes)), rss: series.map((s) => s.maxRssMB), parseMs: parse, rows, internal: series.map((s) => s.internalErrors) });
    log(`${d.generator} (${series.map((s) => `${s.size} ${d.unit}, ${fmt(MB(s.bytes), 1)} MB`).join(" / ")}), peak RSS ${series.map((s) => fmt(s.maxRssMB, 0)).join(" / ")} MB`);
    log(`  markdownlint (parse etc.) ${parse.map((x) => fmt(x, 0)).join(" / ")} ms  4×/1× = ${fmt(parse[2] / parse[0])}`);
    for (const row of rows) log(`  ${row.key.padEnd(8)} ${row.ms.map((x) => fmt(x, 1)).join(" / ")} ms  4×/1× = ${fmt(row.ratio4x)}${row.ratio4x > 4 * 1.5 && row.ms[2] > 50 ? "  << super-linear?" : ""}`);
    if (series.some((s) => s.internalErrors)) log(`  !! internal-error findings: ${series.map((s) => s.internalErrors).join(" / ")}`);
  }
}

if (SECTIONS.has("linear")) {
  log("\n== linear: single documents at 1×/2×/4×, all sizes on one heap, interleaved rounds (bench/linear.mjs) ==");
  results.linear = [];
  for (const [generator, { base }] of Object.entries(PATHO_DOCS)) {
    const sizes = [1, 2, 4].map((k) => Math.round(base * k * PATHO_SCALE)).join(",");
    const run = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", join(here, "linear.mjs"), generator, sizes, "all", "5"], {
      encoding: "utf8",
      env: { ...process.env, LINEAR_JSON: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = (run.stdout ?? "").split("\n").filter(Boolean);
    for (const line of lines) if (!line.startsWith("JSON ")) log(line);
    const json = lines.find((l) => l.startsWith("JSON "));
    if (json) results.linear.push(JSON.parse(json.slice(5)));
    else log(`  !! bench/linear.mjs failed: ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}`);
  }
}

mkdirSync(dirname(JSON_OUT), { recursive: true });
writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
log(`\nresults: ${relative(root, JSON_OUT)}; load at end ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
