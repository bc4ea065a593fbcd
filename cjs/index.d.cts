import type { SpecRule } from "../dist/index.js";

declare const rules: SpecRule[];
export = rules;
