/**
 * Reports through markdownlint-cli2's own formatter packages, with the
 * example configurations in docs/examples/ run by the real CLI in a project
 * that uses this package by name:
 *
 * - sarif.markdownlint-cli2.jsonc (markdownlint-cli2-formatter-sarif): the
 *   SARIF log holds the findings, and every rule carries its docs page
 *   (the rule's `information` URL) as `helpUri`;
 * - json.markdownlint-cli2.jsonc (markdownlint-cli2-formatter-json): the
 *   JSON results hold the findings with rule, line, detail and URL;
 * - pretty.markdownlint-cli2.jsonc (markdownlint-cli2-formatter-pretty with
 *   appendLink): each finding's line ends with its rule's page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import rules from "../dist/index.js";
import { cleanup, cli2, linkedProject, parseCli2, ROOT, SAMPLE_SC001, SAMPLE_SPECS } from "./integration.js";

const examples = join(ROOT, "docs", "examples");
const example = (name: string) => readFileSync(join(examples, name), "utf8");
const urlOf = new Map(rules.map((r) => [r.names[0], String(r.information)]));

let dir: string;
beforeAll(() => {
  dir = linkedProject("spec-contract-reports", {
    ".markdownlint-cli2.jsonc": example("project.markdownlint-cli2.jsonc"),
    "sarif.markdownlint-cli2.jsonc": example("sarif.markdownlint-cli2.jsonc"),
    "json.markdownlint-cli2.jsonc": example("json.markdownlint-cli2.jsonc"),
    "pretty.markdownlint-cli2.jsonc": example("pretty.markdownlint-cli2.jsonc"),
    ...SAMPLE_SPECS,
  });
});
afterAll(() => cleanup(dir));

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; name: string; helpUri?: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

describe("docs/examples/sarif.markdownlint-cli2.jsonc", () => {
  let sarif: SarifLog;
  let terminal: ReturnType<typeof parseCli2>;
  beforeAll(() => {
    const result = cli2(dir, ["--config", "sarif.markdownlint-cli2.jsonc", "specs/**/*.md"]);
    expect(result.status).toBe(1);
    terminal = parseCli2(result.stderr);
    sarif = JSON.parse(readFileSync(join(dir, "markdownlint-spec-contract.sarif"), "utf8")) as SarifLog;
  });

  it("writes a SARIF 2.1.0 log with the findings, and keeps the terminal output", () => {
    expect(sarif.version).toBe("2.1.0");
    const found = sarif.runs[0].results
      .filter((r) => r.ruleId === "SC001")
      .map((r) => ({
        file: r.locations[0].physicalLocation.artifactLocation.uri,
        line: r.locations[0].physicalLocation.region.startLine,
        rule: r.ruleId,
        text: r.message.text,
      }));
    expect(found).toEqual(
      SAMPLE_SC001.map((f) => ({ file: f.file, line: f.line, rule: f.rule, text: expect.stringContaining(f.detail) as unknown })),
    );
    expect(terminal.filter((f) => f.rule === "SC001")).toEqual(SAMPLE_SC001);
    expect(sarif.runs[0].results).toHaveLength(terminal.length);
  });

  it("gives every SC rule that reported its docs page as helpUri", () => {
    const sarifRules = sarif.runs[0].tool.driver.rules.filter((r) => r.id.startsWith("SC"));
    expect(sarifRules.length).toBeGreaterThan(0);
    for (const rule of sarifRules) {
      expect(rule.helpUri).toBe(urlOf.get(rule.id));
      expect(rule.helpUri).toMatch(new RegExp(`/blob/v\\d+\\.\\d+\\.\\d+[^/]*/docs/rules/${rule.id}-[a-z0-9-]+\\.md$`));
    }
    expect(sarifRules.map((r) => r.id)).toContain("SC001");
  });
});

describe("docs/examples/json.markdownlint-cli2.jsonc", () => {
  it("writes the findings as JSON with rule, line, detail and the rule's URL", () => {
    const result = cli2(dir, ["--config", "json.markdownlint-cli2.jsonc", "specs/**/*.md"]);
    expect(result.status).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, "markdownlint-spec-contract.json"), "utf8")) as {
      fileName: string;
      lineNumber: number;
      ruleNames: string[];
      errorDetail: string | null;
      ruleInformation: string | null;
    }[];
    const sc001 = json
      .filter((r) => r.ruleNames[0] === "SC001")
      .map((r) => ({ file: r.fileName, line: r.lineNumber, rule: r.ruleNames[0], detail: r.errorDetail }));
    expect(sc001).toEqual(SAMPLE_SC001);
    for (const r of json.filter((x) => x.ruleNames[0].startsWith("SC"))) {
      expect(r.ruleNames).toEqual(rules.find((rule) => rule.names[0] === r.ruleNames[0])!.names);
      expect(r.ruleInformation).toBe(urlOf.get(r.ruleNames[0]));
    }
    expect(json).toHaveLength(parseCli2(result.stderr).length);
  });
});

describe("docs/examples/pretty.markdownlint-cli2.jsonc", () => {
  it("ends each finding with the link to its rule's page", () => {
    const result = cli2(dir, ["--config", "pretty.markdownlint-cli2.jsonc", "specs/**/*.md"]);
    expect(result.status).toBe(1);
    // eslint-disable-next-line no-control-regex
    const lines = result.stderr.replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((l) => / SC\d{3}\//.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(SAMPLE_SC001.length);
    for (const line of lines) {
      const id = / (SC\d{3})\//.exec(line)![1];
      expect(line.endsWith(urlOf.get(id)!), line).toBe(true);
    }
    const sc001 = lines.filter((l) => l.includes(" SC001/"));
    expect(sc001.map((l) => l.slice(0, l.indexOf(" "))).sort()).toEqual(SAMPLE_SC001.map((f) => `${f.file}:${f.line}`).sort());
  });
});
