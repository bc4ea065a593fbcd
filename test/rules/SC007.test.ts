import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findings, lintString } from "../helpers.js";

const guide = "docs/guides/storage.md";
const RECOMMENDATION = "a statement of what it does, not a recommendation";
const PRAISE = "a factual description of what it does, not how good it is";
const COMPARISON = "objective characteristics (metrics, feature lists, limitations), not a comparison";
const PRESCRIPTION = "what it does and its limits, not when to choose it";
const VERDICT = "✅/❌ only on code examples, not as a verdict on a product or use case";
const actual = (suggestion: string, category: string, phrase: string) => `Expected: ${suggestion}; Actual: ${category} "${phrase}"`;

/** [line, detail, range] of each SC007 finding. */
function found(markdown: string, options: unknown = true, name = guide) {
  return lintString(markdown, name, "SC007", options).map((e) => [e.lineNumber, e.errorDetail, e.errorRange]);
}
const doc = (...lines: string[]) => ["# Storage", "", ...lines, ""].join("\n");
/** Whether a single sentence, alone in a guide, is reported. */
const reported = (sentence: string) => found(doc(sentence)).length > 0;

describe("SC007 no-marketing-language", () => {
  it("reports each category with the phrase and a range over it", () => {
    const md = doc(
      "asyncpg is the recommended driver for PostgreSQL.",
      "",
      "SQLSpec provides seamless integration with Apache Arrow.",
      "",
      "Pros: no dependencies. Cons: slower.",
      "",
      "Choose Oracle when you need enterprise features.",
      "",
      "✅ Great for prototyping",
    );
    expect(found(md)).toEqual([
      [3, actual(RECOMMENDATION, "recommendation", "recommended"), [16, 11]],
      [5, actual(PRAISE, "praise", "seamless"), [18, 8]],
      [7, actual(COMPARISON, "comparison", "Pros"), [1, 4]],
      [7, actual(COMPARISON, "comparison", "Cons"), [24, 4]],
      [9, actual(PRESCRIPTION, "prescription", "Choose Oracle when"), [1, 18]],
      [11, actual(VERDICT, "verdict marker", "✅"), [1, 1]],
      [11, actual(PRAISE, "praise", "Great"), [3, 5]],
    ]);
  });

  it.each([
    "DuckDB is ideal for analytical workloads.",
    "This is the best way to structure your services.",
    "The Rust backend is far better than the Python one.",
    "Trade-offs: more memory for fewer round trips.",
    "You should use the async session in web handlers.",
    "Teams should use UUID primary keys in new schemas.",
    "We recommend enabling statement caching.",
    "The service layer is the preferred place for business rules.",
    "If you care about speed, pick the Rust extension.",
    "Spanner is the right choice for global applications.",
    "This approach is much faster than the ORM.",
    "Use Redis for session storage.",
    "Use obstore for high-throughput object storage.",
    "For analytics, use DuckDB.",
    "## When to Use Obstore",
    "## When to Use MERGE vs INSERT ON CONFLICT",
    "Use HNSW when recall matters more than memory.",
    "❌ Avoid for large tables",
  ])("reports marketing or prescriptive language: %s", (sentence) => {
    expect(reported(sentence)).toBe(true);
  });

  it.each([
    "Use `make docs` to build the documentation.",
    "Use the `--dry-run` option to print the SQL without executing it.",
    "Use the `session` argument for per-request settings.",
    "Choose the output directory with `--outdir`.",
    "Install `better-exceptions` to get annotated tracebacks in development.",
    "The `best_effort` flag disables retries for idempotent reads.",
    "The `recommended` field in the response is computed by the ranking service.",
    "`perfect_match` is set when every filter matches the row.",
    "Redis is used for the rate limiter state in this example.",
    "Use sentence case for headings.",
    "Use transactions for multi-statement writes.",
    "Use VPC peering for internal connections.",
    "**Solution**: Check the compatibility table above. Use TEXT for maximum compatibility.",
    "Use UUIDs or other distributed keys for primary keys to avoid write hotspots.",
    "Use --no-auto-sync for debugging.",
    "Replace `asyncpg` with your preferred database adapter.",
    "A higher pool size allows more concurrent queries and uses more memory.",
    "See the Best Practices section and the best-effort delivery notes.",
    "The exported tables are validated with Great Expectations.",
    "## When to use this pattern",
  ])("accepts plain technical text: %s", (sentence) => {
    expect(found(doc(sentence))).toEqual([]);
  });

  describe("verdict markers", () => {
    it("allows ✅/❌ on code examples, correctness labels and table cells", () => {
      const md = doc(
        "✅ Correct:",
        "",
        "```python",
        "await store.put(key, data)",
        "```",
        "",
        "- ❌ `CREATE TABLE IF NOT EXISTS` - masks isolation issues",
        "",
        "❌ **Bad:**",
        "",
        '- "The pool size has been updated."',
        "",
        "### ✅ DO",
        "",
        "| Backend | Multipart |",
        "|---|---|",
        "| S3 | ✅ |",
        "| Local | ❌ |",
      );
      expect(found(md)).toEqual([]);
    });

    it("reports ✅/❌ used as a verdict on a product or use case", () => {
      const md = doc("Obstore suits:", "", "- ✅ High-volume uploads", "- ❌ Small files");
      expect(found(md)).toEqual([
        [5, actual(VERDICT, "verdict marker", "✅"), [3, 1]],
        [6, actual(VERDICT, "verdict marker", "❌"), [3, 1]],
      ]);
    });
  });

  describe("real-document shapes (issue 20)", () => {
    it("reads headings as text: Title Case and a parenthesis are no name unless the body names it", () => {
      const md = doc(
        "### GitHub Actions (Recommended)",
        "",
        "### Pool Settings for Better Concurrency",
        "",
        "Tables are checked with Great Expectations and Better Auth signs users in.",
        "",
        "### Great Expectations Setup",
        "",
        "### Better Auth (Recommended)",
      );
      expect(found(md)).toEqual([
        [3, actual(RECOMMENDATION, "recommendation", "Recommended"), [21, 11]],
        [5, actual(PRAISE, "praise", "Better"), [23, 6]],
        [11, actual(RECOMMENDATION, "recommendation", "Recommended"), [18, 11]],
      ]);
    });

    it("never splits an identifier into words", () => {
      expect(found(doc("When to use oracle_query in handlers.", "", "For pooling, use use_pool.", "", "Set use_pool for better_throughput."))).toEqual([]);
    });

    it("checks the rest of a line that holds a code span; a marker right before code or a quoted example marks it", () => {
      const md = doc("- ✅ Great for prototyping with `duckdb`", "- ✅ `select_to_arrow()` returns an Arrow table", '- ❌ **Passive voice**: "The pool is configured"');
      expect(found(md)).toEqual([
        [3, actual(VERDICT, "verdict marker", "✅"), [3, 1]],
        [3, actual(PRAISE, "praise", "Great"), [5, 5]],
      ]);
    });

    it("reads ✅ in a checklist or change log, and on a status, as a tick", () => {
      const md = doc(
        "**What Changed**:",
        "",
        "- ✅ Dict-based result access",
        "",
        "**Requirements**:",
        "",
        "- ✅ Type hints on all parameters",
        "",
        "**Status**: ✅ Complete",
        "",
        "**Features**:",
        "",
        "- ✅ Unified interface",
      );
      expect(found(md)).toEqual([[15, actual(VERDICT, "verdict marker", "✅"), [3, 1]]]);
    });

    it("states a parameter's effect without praise: higher = better recall", () => {
      expect(found(doc("- **M**: 8-64, higher = better recall, more memory", "- Larger values give better accuracy"))).toEqual([]);
      expect(found(doc("The new index gives better recall."))).toEqual([[3, actual(PRAISE, "praise", "better"), [21, 6]]]);
    });

    it("does not take a sentence introducing the example below for a prescription", () => {
      const md = doc("Use the Spanner session store for Litestar applications:", "", "```python", "store = SpannerStore(config)", "```", "", "Use Redis for session storage:", "", "- fast");
      expect(found(md)).toEqual([[9, actual(PRESCRIPTION, "prescription", "Use Redis for"), [1, 13]]]);
    });

    it("leaves coding conventions alone: under a patterns, standards or rules heading, Use Y for instructs contributors", () => {
      const conventions = doc("## CLI Patterns", "", "- **Rich Output**: Use rich for formatted output", "", "### Key Standards", "", "- Use TypeScript for all new code.", "", "**When to use**: In CLI commands.");
      expect(found(conventions)).toEqual([]);
      expect(found(conventions, { conventions: [] }).map(([line]) => line)).toEqual([5, 9, 11]);
      const product = doc("## Session Storage", "", "Use Redis for session storage.", "", "**When to use**:", "", "- Deploying on GCP");
      expect(found(product).map(([line, detail]) => [line, detail])).toEqual([
        [5, actual(PRESCRIPTION, "prescription", "Use Redis for")],
        [7, actual(PRESCRIPTION, "prescription", "When to use")],
      ]);
    });

    it("reports intensified praise, superlatives, Benefits labels, good use cases and Use Y when", () => {
      expect(found(doc("DuckDB is extremely fast. Query time: very fast (<10ms for 1M rows)."))).toEqual([[3, actual(PRAISE, "praise", "extremely fast"), [11, 14]]]);
      expect(found(doc("One of the fastest Python web frameworks."))).toEqual([[3, actual(PRAISE, "praise", "One of the fastest"), [1, 18]]]);
      expect(found(doc("**Key Benefits**:", "", "Verify the optimization benefits."))).toEqual([[3, actual(COMPARISON, "comparison", "Benefits"), [7, 8]]]);
      expect(found(doc("**Good use cases**: exports"))).toEqual([[3, actual(RECOMMENDATION, "recommendation", "Good use cases"), [3, 14]]]);
      expect(found(doc("**Use HNSW when**: recall matters.", "", "Use manual mode when you need control."))).toEqual([
        [3, actual(PRESCRIPTION, "prescription", "Use HNSW when"), [3, 13]],
      ]);
    });
  });

  describe("options", () => {
    it("takes categories with their own phrases, patterns and suggestion", () => {
      const md = doc("It is blazing quick and a cut above.");
      const options = { categories: { hype: { phrases: ["blazing quick"], patterns: ["\\ba\\s+cut\\s+above\\b"], suggestion: "a measured fact" } } };
      expect(found(md, options)).toEqual([
        [3, 'Expected: a measured fact; Actual: hype "blazing quick"', [7, 13]],
        [3, 'Expected: a measured fact; Actual: hype "a cut above"', [25, 11]],
      ]);
    });

    it("uses a default suggestion for a category without one", () => {
      expect(found(doc("It is snappy."), { categories: { hype: { phrases: ["snappy"] } } })).toEqual([
        [3, 'Expected: no hype language; Actual: hype "snappy"', [7, 6]],
      ]);
    });

    it("skips allowed phrases, and turns markers and names off", () => {
      expect(found(doc("The best practices page."), { allow: [] })).toEqual([[3, actual(PRAISE, "praise", "best"), [5, 4]]]);
      expect(found(doc("- ✅ Small files"), { markers: [] })).toEqual([]);
      expect(found(doc("Use Redis for session storage."), { names: false })).toEqual([]);
    });

    it("reports a pattern that does not compile on line 1, naming the option", () => {
      expect(findings(doc("text"), guide, "SC007", { categories: { praise: { patterns: ["("] } } })).toEqual([
        {
          line: 1,
          rule: "SC007",
          detail:
            'Invalid configuration of SC007/no-marketing-language: option "categories" must be an object of categories ({ phrases, patterns, suggestion }); "praise": "patterns" to be regular expressions that compile; "(" does not (Invalid regular expression: /(/iu: Unterminated group)',
        },
      ]);
    });

    it("reports other bad options on line 1", () => {
      const bad = (options: unknown) => findings(doc("text"), guide, "SC007", options).map((f) => f.detail);
      expect(bad({ markers: [""] })).toEqual([
        'Invalid configuration of SC007/no-marketing-language: option "markers" must be an array of non-empty strings; found an array with an empty or non-string item',
      ]);
      expect(bad({ conventions: [""] })[0]).toMatch(/^Invalid configuration of SC007\/no-marketing-language: option "conventions" must be/);
      expect(bad({ names: "yes" })).toEqual([
        'Invalid configuration of SC007/no-marketing-language: option "names" must be a boolean; found "yes"',
      ]);
      expect(bad({ categories: { praise: { words: [] } } })[0]).toContain('no key "words" (known: phrases, patterns, suggestion)');
    });

    it("refuses configured patterns with nested unbounded quantifiers, naming the option", () => {
      const [problem, ...rest] = findings(doc("text"), guide, "SC007", { categories: { x: { patterns: ["(?:\\w+\\s?)*$"] } } });
      expect(rest).toEqual([]);
      expect(problem.line).toBe(1);
      expect(problem.detail).toMatch(
        /^Invalid configuration of SC007\/no-marketing-language: option "categories" must be an object of categories \(\{ phrases, patterns, suggestion \}\); "x": "patterns" to be regular expressions without nested /,
      );
    });

    it("runs a configured pattern in linear time on a very long line", () => {
      const started = Date.now();
      expect(found(doc("word ".repeat(20_000)), { categories: { x: { patterns: ["[\\w ]+x"] } } })).toEqual([]);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  });

  describe("edge cases", () => {
    it("ignores code blocks, HTML, link targets and quoted mentions, not link text", () => {
      const md = doc(
        "Avoid hyperbole such as \"blazing fast\" or “revolutionary”.",
        "",
        '<span title="seamless">x</span> and [the best driver](https://example.com/best) exist.',
        "",
        "```text",
        "recommended perfect ✅",
        "```",
      );
      expect(found(md)).toEqual([[5, actual(PRAISE, "praise", "best"), [42, 4]]]);
    });

    it("finds a phrase across a soft line break, on the line where it starts", () => {
      const md = doc("The plugin is the right", "choice for you.");
      expect(found(md)).toEqual([[3, actual(RECOMMENDATION, "recommendation", "the right choice"), [15, 9]]]);
    });

    it("reports file lines with front matter and CRLF line endings", () => {
      const md = ["---", "title: Storage", "---", "# Storage", "", "It is excellent.", ""].join("\r\n");
      expect(found(md)).toEqual([[6, actual(PRAISE, "praise", "excellent"), [7, 9]]]);
    });

    it("checks guides only", () => {
      expect(found(doc("It is excellent."), true, "specs/active/demo/prd.md")).toEqual([]);
      expect(found(doc("It is excellent."), true, "specs/guides/patterns/storage.md")).toHaveLength(1);
    });
  });
  it("reports each shape of its rule page's Incorrect example, and none of the Correct one", () => {
    const page = readFileSync(new URL("../../docs/rules/SC007-no-marketing-language.md", import.meta.url), "utf8");
    const example = (heading: string) => /^````markdown file=(\S+)\n([\s\S]*?)^````$/m.exec(page.slice(page.indexOf(`\n## ${heading}\n`)))!;
    const [, file, incorrect] = example("Incorrect");
    expect(found(incorrect, true, file).map(([line, detail]) => [line, detail])).toEqual([
      [3, actual(RECOMMENDATION, "recommendation", "ideal")],
      [3, actual(PRAISE, "praise", "seamless")],
      [5, actual(VERDICT, "verdict marker", "✅")],
      [5, actual(PRAISE, "praise", "Great")],
      [6, actual(VERDICT, "verdict marker", "❌")],
      [8, actual(COMPARISON, "comparison", "Trade-offs")],
      [10, actual(PRESCRIPTION, "prescription", "Choose obstore when")],
      [10, actual(RECOMMENDATION, "recommendation", "recommend")],
      [12, actual(RECOMMENDATION, "recommendation", "Recommended")],
      [14, actual(PRESCRIPTION, "prescription", "When to use")],
    ]);
    const [, correctFile, correct] = example("Correct");
    expect(found(correct, true, correctFile)).toEqual([]);
    expect(found(correct, { conventions: [] }, correctFile).map(([line]) => line)).toEqual([37]);
  });
  describe("second judged round", () => {
    it("does not search the project's own plans (Next Steps, Roadmap)", () => {
      const md = "# Observability\n\n## Next Steps\n\n1. Document recommended dashboards.\n\n## Setup\n\nThe recommended exporter is OTLP.\n";
      expect(found(md).map(([line]) => line)).toEqual([9]);
      expect(found(md, { plans: [] }).map(([line]) => line)).toEqual([5, 9]);
    });

    it("takes ✅/❌ in a style guide as do and don't", () => {
      const md = "# Documentation Style Guide\n\n## Voice\n\n✅ Professional, technical\n❌ Casual, marketing\n";
      expect(found(md)).toEqual([]);
      expect(found(md.replace("Documentation Style Guide", "Storage Backends")).map(([line]) => line)).toEqual([5, 6]);
    });

    it("third judged round: a mechanism, a plain noun and a preferred way to code are no marketing", () => {
      expect(reported("A cached plan is fetched from the cache, which is much faster than re-executing the query.")).toBe(false);
      expect(reported("Building SQL by string defeats the statement cache advantages.")).toBe(false);
      expect(reported("psqlpy is a Rust-based driver, which can offer significant performance advantages.")).toBe(true);
      expect(reported("The advantages of Obstore are its speed and size.")).toBe(true);
      const md = "# Implementation Patterns\n\n## Option A: Service Layer (Preferred)\n\nText.\n";
      expect(found(md)).toEqual([]);
    });

    it("reads a pattern's \"When to use\" line in conventions as its purpose", () => {
      const md = "# Error Handling\n\n## CLI Error Handling Pattern\n\n**When to use**: In CLI commands to provide user-friendly error messages.\n";
      expect(found(md)).toEqual([]);
    });
  });
});
