import { lint } from "markdownlint/sync";
import rules from "./dist/index.js";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
const walk = (d) => readdirSync(d).flatMap((e) => { const p = join(d, e); return statSync(p).isDirectory() ? walk(p) : p.endsWith(".md") ? [p] : []; });
const files = walk("/work/shared/corpus");
let t = Date.now();
lint({ files, config: { default: false }, customRules: rules });
console.log("none", Date.now() - t);
for (const r of rules) {
  t = Date.now();
  lint({ files, config: { default: false, [r.names[0]]: true }, customRules: rules });
  console.log(r.names[0], Date.now() - t);
}
