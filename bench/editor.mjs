#!/usr/bin/env node
/**
 * The editor's cost (run by bench/run.mjs, section "editor"; one document per
 * process): re-lint one file in process after each edit, as the VS Code
 * extension does, with markdownlint's default rules (A) and with the default
 * rules and the suite (B), in interleaved rounds.
 *
 *   node bench/editor.mjs DIST FILE ROUNDS   → one JSON line on stdout
 *
 * Each round edits the document first (a word in the middle paragraph
 * changes), so nothing keyed on the text is reused from the round before,
 * then lints it once with A and once with B (the order alternates). The
 * first rounds warm both up, as an open editor is.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { lint } from "markdownlint/sync";

const [dist, file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? "30");
const { default: suite } = await import(pathToFileURL(dist).href);
const text = readFileSync(file, "utf8");
const lines = text.split("\n");
// The edited line: the prose line nearest the middle.
let at = Math.floor(lines.length / 2);
while (at < lines.length - 1 && !/^[A-Za-z]/.test(lines[at])) at++;

const sides = {
  A: { config: { default: true }, customRules: [] },
  B: { config: { default: true }, customRules: suite },
};
const edited = (round) => {
  const copy = [...lines];
  copy[at] = `${copy[at]} edit${round}`;
  return copy.join("\n");
};
const once = (key, round) => {
  const t0 = performance.now();
  lint({ strings: { [file]: edited(round) }, ...sides[key] });
  return performance.now() - t0;
};

const WARM = 5;
const times = { A: [], B: [] };
for (let round = 0; round < WARM + rounds; round++) {
  for (const key of round % 2 ? ["B", "A"] : ["A", "B"]) {
    const ms = once(key, round);
    if (round >= WARM) times[key].push(ms);
  }
}
console.log(JSON.stringify({ file, bytes: Buffer.byteLength(text), ...times }));
