#!/usr/bin/env node
/**
 * Profile one rule (or several) with V8's CPU profiler:
 *
 *   npm run build
 *   node bench/profile.mjs --rule SC003 [--files 300] [--seed 1] [path …]
 *
 * Lints the given Markdown files or directories (default: ../shared/corpus
 * plus `--files` generated documents) in-process with bench/instrument.mjs
 * under `node --cpu-prof`, with only the model builder and the named rules
 * enabled, then prints the hottest functions of the suite (dist/) by self
 * and inclusive time. The .cpuprofile file is kept under bench/out/prof/
 * (open it in Chrome DevTools → Performance, or VS Code, for a flame chart).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTree } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "out");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const rules = opt("rule", "").split(",").filter(Boolean);
const positional = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--")));

const walk = (p) =>
  statSync(p).isDirectory() ? readdirSync(p).flatMap((e) => walk(join(p, e))) : p.endsWith(".md") ? [resolve(p)] : [];
let files = positional.flatMap(walk);
if (files.length === 0) {
  const gen = join(out, "profile-gen");
  rmSync(gen, { recursive: true, force: true });
  for (const [path, text] of generateTree(Number(opt("files", "300")), Number(opt("seed", "1")))) {
    mkdirSync(dirname(join(gen, path)), { recursive: true });
    writeFileSync(join(gen, path), text);
  }
  const shared = join(here, "../../shared/corpus");
  files = [...walk(gen), ...(existsSync(shared) ? walk(shared) : [])];
}

const profDir = join(out, "prof");
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const job = join(out, "profile-job.json");
writeFileSync(job, JSON.stringify({ files, rounds: 1, noop: false, ...(rules.length ? { rules } : {}) }));
const run = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profDir}`, join(here, "instrument.mjs"), job], { encoding: "utf8" });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const result = JSON.parse(run.stdout);
console.log(`${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB; ms per part: ${JSON.stringify(result.parts)}`);
const profile = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
console.log(`profile: ${join(profDir, profile)}`);
spawnSync(process.execPath, [join(here, "profile-summary.mjs"), join(profDir, profile), "--filter", "dist/", "--top", opt("top", "20")], { stdio: "inherit" });
