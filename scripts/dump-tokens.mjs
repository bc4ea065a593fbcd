import { lint } from "markdownlint/sync";
import fs from "node:fs";
const src = fs.readFileSync(process.argv[2], "utf8");
const dump = (ts, d=0) => { for (const t of ts) { console.log(" ".repeat(d*2) + t.type + ` ${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn} ` + JSON.stringify(t.text.slice(0,40))); dump(t.children, d+1); } };
lint({ strings: { a: src }, config: { default: false, x: true }, customRules: [{ names: ["x"], description: "d", tags: ["t"], parser: "micromark", function: (p) => { console.log(p.lines.length, p.frontMatterLines.length); dump(p.parsers.micromark.tokens); } }] });
