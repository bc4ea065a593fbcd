/**
 * The package version and the documentation URL of each rule, pinned to the
 * released version (a tag), built in one place.
 */
import { readFileSync } from "node:fs";

/** Where the project lives; rule pages are under docs/rules/ at the release tag. */
export const REPOSITORY = "https://github.com/markdownlint-spec-contract/markdownlint-spec-contract";

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

export const VERSION = readVersion();

/** The docs page of a rule, for this release. */
export function ruleUrl(id: string, slug: string): URL {
  return new URL(`${REPOSITORY}/blob/v${VERSION}/docs/rules/${id}-${slug}.md`);
}
