/**
 * The package version and the documentation URL of each rule, pinned to the
 * released version (a tag), built in one place.
 */
import { readFileSync } from "node:fs";

/** Where the project lives; rule pages are under docs/rules/ at the release tag. */
export const REPOSITORY = "https://github.com/markdownlint-spec-contract/markdownlint-spec-contract";

/**
 * The version in the package's own package.json: the nearest one above this
 * module named markdownlint-spec-contract (dist/lib/core/ and dist/bundle/
 * sit at different depths).
 */
function readVersion(): string {
  for (let depth = 1; depth <= 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${"../".repeat(depth)}package.json`, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "markdownlint-spec-contract") return pkg.version ?? "0.0.0";
    } catch {
      // No package.json at this level: look one higher.
    }
  }
  return "0.0.0";
}

export const VERSION = readVersion();

/** The docs page of a rule, for this release. */
export function ruleUrl(id: string, slug: string): URL {
  return new URL(`${REPOSITORY}/blob/v${VERSION}/docs/rules/${id}-${slug}.md`);
}
