/**
 * The workflow profiles: config/spec-kit.jsonc and config/kiro.jsonc, and
 * their pages under docs/profiles/. Each page's Before example is a feature
 * folder that the real markdownlint-cli2, extending the page's preset,
 * reports exactly as the page prints; its After example is clean. Options
 * set next to `extends` take effect over the profile's defaults, and the
 * tag turns the suite off.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanup, cli2, type CliFinding, linkedProject, parseCli2, ROOT, run } from "./integration.js";

const PROFILES = [
  { name: "spec-kit", globs: ["specs/**/*.md"] },
  { name: "kiro", globs: [".kiro/specs/**/*.md", ".kiro/steering/*.md"] },
];

/** The text of a page between `## heading` and the next `## ` heading outside its fenced examples. */
function part(page: string, heading: string): string {
  const lines = page.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return "";
  const out: string[] = [];
  let fence = "";
  for (const line of lines.slice(start + 1)) {
    const m = /^(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = "";
    } else if (m) fence = m[1];
    else if (line.startsWith("## ")) break;
    out.push(line);
  }
  return out.join("\n");
}

/** The files of an example: every block fenced with four backticks and `markdown file=<path>`. */
function files(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^````markdown file=(\S+)\n([\s\S]*?)^````$/gm)) out[m[1]] = m[2];
  return out;
}

/** The findings an example prints, in a ```text block. */
function printed(text: string): CliFinding[] {
  const block = /^```text\n([\s\S]*?)^```$/m.exec(text);
  return block ? parseCli2(block[1]) : [];
}

for (const profile of PROFILES) {
  describe(`config/${profile.name}.jsonc`, () => {
    const text = readFileSync(join(ROOT, "config", `${profile.name}.jsonc`), "utf8");
    const preset = JSON.parse(text.replace(/^\s*\/\/.*$/gm, "")) as Record<string, unknown>;

    it("extends the recommended preset and names no SC rule and not the tag", () => {
      expect(preset).toEqual({ extends: "./recommended.jsonc" });
      expect(text).toMatch(/names no SC rule and not the "spec-contract" tag/);
    });
  });

  describe(`docs/profiles/${profile.name}.md`, () => {
    const page = readFileSync(join(ROOT, "docs", "profiles", `${profile.name}.md`), "utf8");
    const before = part(page, "Before");
    const after = part(page, "After");
    const dirs: string[] = [];
    afterAll(() => dirs.forEach(cleanup));

    const lint = (tree: Record<string, string>, own: Record<string, unknown> = {}) => {
      const dir = linkedProject(`profile-${profile.name}`, tree);
      dirs.push(dir);
      writeFileSync(
        join(dir, ".markdownlint-cli2.jsonc"),
        JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { extends: `markdownlint-spec-contract/config/${profile.name}.jsonc`, ...own } }),
      );
      const result = cli2(dir, profile.globs);
      return { status: result.status, found: parseCli2(result.stdout + result.stderr), output: result.stdout + result.stderr };
    };

    it("has a Before and an After example of more than one document", () => {
      expect(Object.keys(files(before)).length).toBeGreaterThan(1);
      expect(Object.keys(files(after)).sort()).toEqual(Object.keys(files(before)).sort());
    });

    it("reports the Before example exactly as the page prints it", () => {
      const expected = printed(before);
      expect(expected.length).toBeGreaterThan(3);
      const { status, found, output } = lint(files(before));
      expect(output).not.toMatch(/Internal error|threw an exception/);
      expect(status).toBe(1);
      expect(found).toEqual(expected);
    });

    it("accepts the After example", () => {
      const { status, found } = lint(files(after));
      expect(found).toEqual([]);
      expect(status).toBe(0);
    });

    it("scores the Before example as the page shows it, by the workflow's kinds", () => {
      const dir = linkedProject(`profile-card-${profile.name}`, files(before));
      dirs.push(dir);
      writeFileSync(
        join(dir, ".markdownlint-cli2.jsonc"),
        JSON.stringify({ customRules: ["markdownlint-spec-contract"], config: { extends: `markdownlint-spec-contract/config/${profile.name}.jsonc` } }),
      );
      const card = run(process.execPath, [join(ROOT, "dist", "cli", "scorecard.js"), profile.globs[0]], { cwd: dir });
      const shown = /^```text\n([\s\S]*?)^```$/m.exec(part(page, "Scorecard"))?.[1];
      expect(card.stderr).toBe("");
      expect(card.stdout).toBe(shown);
      expect(card.stdout).toMatch(new RegExp(`${profile.name} (spec|requirements)`));
    });

    it("keeps the recommended preset's built-in rules", () => {
      const tree = { ...files(after) };
      const [first] = Object.keys(tree);
      tree[first] = `${tree[first]}\n#Not a heading   \n`;
      const found = lint(tree).found.filter((f) => f.rule.startsWith("MD"));
      expect(found.map((f) => f.rule)).toEqual(["MD018"]);
    });

    it("lets options next to extends take effect, by ID or slug, and the tag turn the suite off", () => {
      const tree = files(before);
      const rules = (own: Record<string, unknown>) => lint(tree, own).found.map((f) => f.rule);
      expect(rules({ "spec-contract": false }).filter((r) => r.startsWith("SC"))).toEqual([]);
      expect(rules({ SC016: false })).not.toContain("SC016");
      expect(rules({ traceability: false })).not.toContain("SC016");
      expect(rules({ "no-template-placeholders": { ignores: ["**/*.md"] } })).not.toContain("SC011");
      // An option set by slug changes the profile's default and keeps the rest of it.
      const sc002 = lint(tree, { "acceptance-criteria-count": { unitMinimum: 3 } }).found.filter((f) => f.rule === "SC002");
      expect(sc002.length).toBeGreaterThan(printed(before).filter((f) => f.rule === "SC002").length);
      expect(sc002.every((f) => /Expected: at least 3 acceptance criteria/.test(f.detail))).toBe(true);
    });
  });
}
