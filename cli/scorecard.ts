#!/usr/bin/env node
/**
 * markdownlint-spec-contract-scorecard: where each document of a specs tree
 * stands against the contract, one row per document.
 *
 *     markdownlint-spec-contract-scorecard [--format table|json|markdown]
 *       [--output file] [--config file] [--check] glob...
 *
 * It runs markdownlint-cli2 in this process with the project's own
 * configuration (.markdownlint-cli2.jsonc, `extends`, per-directory files,
 * `--config`), the suite's rules and an observer (lib/core/observe.ts) that
 * receives, for every rule and file, the options the rule resolved and the
 * document model it read. The rows are built from those and from the
 * findings (cli/scorecard-rows.ts): the same parse, options and judgements as the
 * lint, nothing counted twice.
 *
 * Why a bin and not a markdownlint-cli2 output formatter: a formatter
 * receives only the findings, after linting; a passing section's words, a
 * document's criteria or fences never become findings, and the formatter
 * module is loaded too late to watch the rules run.
 *
 * Exit codes: 0, or 1 with --check when a document fails; 2 when linting
 * could not run (bad arguments, a configuration error, no markdownlint-cli2).
 */
import { appendFileSync, realpathSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import rules from "../index.js";
import { type Observation, setObserver } from "../lib/core/observe.js";
import { buildScorecard, renderJson, renderMarkdown, renderTable, type ResultLike, type Scorecard } from "./scorecard-rows.js";

const USAGE = `Usage: markdownlint-spec-contract-scorecard [options] glob...

One row per document: kind, words against the budgets, acceptance criteria
counted and judged measurable, python fences verified, diagram, pass/fail.
Uses the project's markdownlint-cli2 configuration, as the lint does.

Options:
  -f, --format <table|json|markdown>  output format (default: table)
  -o, --output <file>                 write to a file instead of stdout
      --append                        append to the output file (e.g. $GITHUB_STEP_SUMMARY)
      --config <file>                 markdownlint-cli2 configuration file (as its --config)
      --check                         exit 1 when a document fails
  -h, --help                          show this help

Example (GitHub Actions job summary):
  npx markdownlint-spec-contract-scorecard --format markdown "specs/**/*.md" >> "$GITHUB_STEP_SUMMARY"
`;

type Cli2Main = (params: {
  directory: string;
  argv: string[];
  logMessage: (message: string) => void;
  logError: (message: string) => void;
  optionsOverride: Record<string, unknown>;
}) => Promise<number>;

/** Lint with markdownlint-cli2 in-process and build the scorecard; `errors` gets what cli2 logged as errors. */
export async function scorecard(directory: string, argv: string[], errors: string[] = []): Promise<Scorecard> {
  // Not a static import: markdownlint-cli2 is an optional peer dependency.
  const id = "markdownlint-cli2";
  const { main } = (await import(id)) as { main: Cli2Main };
  const observations = new Map<string, Map<string, Observation>>();
  let results: ResultLike[] = [];
  const previous = setObserver((o) => {
    let seen = observations.get(o.file);
    if (!seen) observations.set(o.file, (seen = new Map()));
    seen.set(o.rule, o);
  });
  try {
    const code = await main({
      directory,
      argv,
      logMessage: () => {},
      logError: (message) => errors.push(message),
      optionsOverride: {
        // This copy of the rules, so the observer sees them whatever copy the configuration names.
        customRules: rules,
        outputFormatters: [
          [
            (options: { results: ResultLike[] }) => {
              results = options.results;
            },
          ],
        ],
      },
    });
    if (code === 2 || (code !== 0 && errors.length > 0 && observations.size === 0)) {
      throw new Error(errors.join("\n") || `markdownlint-cli2 exited ${code}`);
    }
  } finally {
    setObserver(previous);
  }
  return buildScorecard(observations, results, directory);
}

async function cli(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "table" },
        output: { type: "string", short: "o" },
        append: { type: "boolean", default: false },
        config: { type: "string" },
        check: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const render = { table: renderTable, json: renderJson, markdown: renderMarkdown }[values.format as string];
  if (!render || positionals.length === 0) {
    process.stderr.write(`${render ? "No glob given." : `Unknown format "${values.format}".`}\n\n${USAGE}`);
    return 2;
  }
  const argv = [...positionals, ...(values.config ? ["--config", values.config] : [])];
  let card: Scorecard;
  const errors: string[] = [];
  try {
    card = await scorecard(process.cwd(), argv, errors);
  } catch (error) {
    const message = (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND"
      ? "markdownlint-spec-contract-scorecard needs markdownlint-cli2: npm install --save-dev markdownlint-cli2"
      : (error as Error).message;
    process.stderr.write(`${message}\n`);
    return 2;
  }
  const text = render(card);
  if (values.output) (values.append ? appendFileSync : writeFileSync)(values.output, text);
  else process.stdout.write(text);
  return values.check && card.summary.failed > 0 ? 1 : 0;
}

/** Whether this module is the program (run directly or through the npm bin link). */
function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) process.exitCode = await cli(process.argv.slice(2));
