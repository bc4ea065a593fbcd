#!/usr/bin/env node
/**
 * Split a callgrind profile of a node run by what V8 was doing, from the
 * self cost of each function (`callgrind_annotate`):
 *
 *   node bench/callgrind-split.mjs callgrind.out [more.out …]
 *
 * JavaScript compiled by V8 has no symbols ("???"); the interpreter and
 * the built-ins ("Builtins_…") and V8's C++ (garbage collector, parser,
 * compilers, regular-expression compiler) are named.
 */
import { execFileSync } from "node:child_process";

const CATEGORIES = [
  ["garbage collector", /Heap::|Scaveng|MarkCompact|Marking|Sweep|Evacuat|MinorM|\bGC|Mark(?:ing)?Visitor|RememberedSet|SlotSet|MemoryAllocator|PagedSpace|NewSpace|LargeObjectSpace|Worklist|ObjectStats/],
  ["regular-expression compiler", /RegExp(?!Exec|Impl::Exec|Builtins)|irregexp|Regexp/],
  ["JavaScript parser and compilers", /compiler::|turboshaft|maglev|Maglev|Pipeline|BytecodeGenerator|interpreter::|Parser|Scanner|PreParse|AstNode|Zone::|Compiler::|Baseline|baseline/],
  ["JIT code and interpreter (JavaScript)", /^\?\?\?$|^Builtins_/],
];

for (const file of process.argv.slice(2)) {
  const text = execFileSync("callgrind_annotate", ["--threshold=100", "--auto=no", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const totals = new Map(CATEGORIES.map(([name]) => [name, 0]));
  totals.set("other", 0);
  let all = 0;
  for (const line of text.split("\n")) {
    // "1,221,608,917 ( 3.25%)  ???:Builtins_StoreIC [/usr/bin/node]"; JIT code: "???:0x… [???]"
    const m = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+[^:]*:(.*) \[(.*)\]$/.exec(line);
    if (!m) continue;
    const ir = Number(m[1].replace(/,/g, ""));
    const name = m[3] === "???" ? "???" : m[2];
    all += ir;
    const hit = CATEGORIES.find(([, re]) => re.test(name));
    totals.set(hit ? hit[0] : "other", totals.get(hit ? hit[0] : "other") + ir);
  }
  console.log(`${file}: ${(all / 1e9).toFixed(2)} G instructions`);
  for (const [k, v] of totals) console.log(`  ${k.padEnd(40)} ${(v / 1e9).toFixed(2).padStart(7)} G  ${((100 * v) / all).toFixed(1).padStart(5)}%`);
}
