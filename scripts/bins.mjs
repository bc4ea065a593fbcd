#!/usr/bin/env node
// Make the package's bins executable after a build: tsc writes them as plain
// files, and `npx markdownlint-spec-contract-hook` in a clone (or a hook that
// runs it there) needs them executable. npm does the same when it installs
// the package as a dependency.
import { chmodSync, readFileSync } from "node:fs";

const { bin } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
for (const file of Object.values(bin)) chmodSync(new URL(`../${file}`, import.meta.url), 0o755);
