import { readFileSync } from "node:fs";
import { lint } from "markdownlint/sync";
const { default: rules } = await import("/work/wt21/dist/index.js");
const f = process.argv[2];
const text = readFileSync(f, "utf8");
const only = rules.filter((r) => r.names.includes(process.argv[3]));
for (let i = 0; i < 60; i++) lint({ strings: { [f]: text + " x" + i }, config: { default: false, [process.argv[3]]: true }, customRules: only });
