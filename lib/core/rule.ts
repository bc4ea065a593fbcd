/**
 * `defineRule` turns a short rule description into a markdownlint Rule:
 * names, tags, the information URL, option validation, file selection, the
 * shared document model, and a guard so a rule never throws.
 */
import type { Rule, RuleOnError, RuleOnErrorFixInfo, RuleParams } from "markdownlint";
import { detached } from "./detach.js";
import { declaresExample } from "./example.js";
import { DEFAULT_IGNORES, globMatcher, isSelected } from "./files.js";
import { withFsMemo } from "./fsmemo.js";
import { type DocumentModel, getModel } from "./model.js";
import { currentObserver } from "./observe.js";
import { type Check, is, readOptions, type Schema } from "./options.js";
import { ruleUrl } from "./version.js";

/** Options every rule takes. */
export interface CommonOptions {
  /** Glob patterns of the files the rule checks. */
  files: string[];
  /** Glob patterns of files the rule skips (replaces the default list). */
  ignores: string[];
}

/** A finding, as a rule reports it; the helper adds the URL and clamps ranges. */
export interface Finding {
  line: number;
  detail: string;
  context?: string;
  /** [column (1-based), length] on `line`. */
  range?: [number, number];
  fixInfo?: RuleOnErrorFixInfo;
  /**
   * `line` counts lines of the front matter (`params.frontMatterLines`), not
   * of the Markdown. markdownlint reports inside front matter from 0.42 on;
   * older versions (the VS Code extension's) get the finding on the first
   * line after the front matter, without range or fix.
   */
  frontMatter?: boolean;
}

/** Whether a markdownlint version (`params.version`) accepts `onError({ frontMatter: true })`. */
export function supportsFrontMatterFindings(version: string): boolean {
  if (version !== lastVersion.version) {
    const [major, minor] = version.split(".").map(Number);
    lastVersion = { version, supported: major > 0 || minor >= 42 };
  }
  return lastVersion.supported;
}
let lastVersion = { version: "", supported: false };

export interface RuleContext<O> {
  params: RuleParams;
  model: DocumentModel;
  options: O & CommonOptions;
  report(finding: Finding): void;
}

/**
 * Defaults a rule applies to the files of one workflow (lib/core/workflows.ts:
 * spec-kit, Kiro): for a file its patterns select, the profile's options
 * stand in for the rule's defaults, under any option the configuration
 * sets, and the rule checks the file even when its default `files` do not
 * select it (unless the configuration sets `files`). The first matching
 * profile applies.
 */
export interface Profile<O> {
  /** The workflow, e.g. "spec-kit" or "kiro". */
  name: string;
  /** Glob patterns of the files the profile applies to. */
  files: readonly string[];
  /** Options for those files (never a per-file table: those take entries with `files` of their own). */
  options: Partial<O>;
}

export interface RuleSpec<O extends object> {
  id: string;
  slug: string;
  description: string;
  /** Category tag, in addition to "spec-contract". */
  category: string;
  /** Whether the rule offers fixes (`markdownlint-cli2 --fix`). */
  fixable?: boolean;
  /** Default `files` (globs). */
  files: readonly string[];
  /**
   * Options that hold per-file tables (`documents`): a user's entries merge
   * with the default entries (lib/core/tables.ts), and the rule takes the option
   * `replaceDefaults` to replace the whole table instead.
   */
  tables?: readonly string[];
  defaults: O;
  /** Workflow defaults by file pattern (see Profile). */
  profiles?: readonly Profile<O>[];
  schema: Schema<O>;
  run(context: RuleContext<O>): void;
}

export const SUITE_TAG = "spec-contract";

const commonSchema: Record<keyof CommonOptions, Check> = { files: is.globs(), ignores: is.globs() };

/** A markdownlint rule of this suite, with its spec (defaults, schema) attached. */
export type SpecRule<O extends object = object> = Rule & { spec: RuleMeta<O> };

/** What a registry, the docs and the presets need to know of a rule: its spec without the function. */
export type RuleMeta<O extends object = object> = Omit<RuleSpec<O>, "run" | "schema">;

// Options with a profile applied, per resolved options object and profile.
const profiled = new WeakMap<object, Map<object, object>>();

/**
 * The profile that applies to a file, and the options it gives: the
 * resolved options (defaults with the configuration over them) with the
 * profile's options in place of every default the configuration left alone.
 * The same object for every file of one configuration and profile, so
 * rules' per-options caches keep working.
 */
export function applyProfile<O extends object>(
  name: string,
  options: O & CommonOptions,
  profiles: readonly Profile<O>[],
  config: unknown,
): { options: O & CommonOptions; profile?: Profile<O> } {
  if (profiles.length === 0) return { options };
  const profile = profiles.find((p) => globMatcher(p.files)(name));
  if (!profile) return { options };
  let byProfile = profiled.get(options);
  if (!byProfile) profiled.set(options, (byProfile = new Map()));
  let merged = byProfile.get(profile) as (O & CommonOptions) | undefined;
  if (!merged) {
    const set = typeof config === "object" && config !== null ? config : {};
    merged = { ...options };
    for (const [key, value] of Object.entries(profile.options)) if (!(key in set)) (merged as Record<string, unknown>)[key] = value;
    byProfile.set(profile, merged);
  }
  return { options: merged, profile };
}

/** Build a markdownlint rule from a spec. */
export function defineRule<O extends object>(spec: RuleSpec<O>): SpecRule<O> {
  const tables = spec.tables ?? [];
  const tableOptions = tables.length > 0 ? { replaceDefaults: false } : {};
  const defaults = { files: [...spec.files], ignores: [...DEFAULT_IGNORES], ...tableOptions, ...spec.defaults } as O & CommonOptions;
  const schema = { ...commonSchema, ...spec.schema, ...(tables.length > 0 ? { replaceDefaults: is.boolean() } : {}) } as Schema<O & CommonOptions>;
  const information = ruleUrl(spec.id, spec.slug);
  const profiles = spec.profiles ?? [];
  const name = `${spec.id}/${spec.slug}`;
  const ruleFunction = {
    [spec.id](params: RuleParams, onError: RuleOnError) {
      const { options: resolved, problems } = readOptions(params.config, defaults, schema, tables);
      const frontMatterFindings = supportsFrontMatterFindings(String(params.version ?? ""));
      // A file that is only front matter: markdownlint hands rules one empty
      // line after it, but when the closing fence has no final newline that
      // line is not in the file, and onError throws a TypeError for it
      // (markdownlint 0.42.1 reads past its per-line table), taking the whole
      // run down. Such findings go on the front matter's first line instead.
      const onlyFrontMatter = params.frontMatterLines.length > 0 && params.lines.length === 1 && params.lines[0] === "";
      const report = (finding: Finding) => {
        if (onlyFrontMatter && finding.frontMatter !== true) finding = { line: 1, detail: finding.detail, context: finding.context, frontMatter: true };
        const inFrontMatter = finding.frontMatter === true && params.frontMatterLines.length > 0;
        const useFrontMatter = inFrontMatter && frontMatterFindings;
        if (inFrontMatter && !useFrontMatter) finding = { line: 1, detail: finding.detail, context: finding.context };
        const source = useFrontMatter ? params.frontMatterLines : params.lines;
        const line = Math.min(Math.max(1, Math.trunc(finding.line) || 1), Math.max(1, source.length));
        const text = source[line - 1] ?? "";
        let range = finding.range;
        if (range) {
          const start = Math.max(1, Math.trunc(range[0]));
          const length = Math.min(Math.trunc(range[1]), text.length - start + 1);
          range = start <= text.length && length > 0 ? [start, length] : undefined;
        }
        // markdownlint before 0.42 cannot place it at all: drop it rather than crash the run.
        if (onlyFrontMatter && !useFrontMatter) return;
        // markdownlint-cli2 keeps every result until the run ends: a detail or
        // context cut from this file's text would keep all of it alive.
        const fixInfo = finding.fixInfo?.insertText === undefined ? finding.fixInfo : { ...finding.fixInfo, insertText: detached(finding.fixInfo.insertText) };
        onError({
          lineNumber: line,
          detail: detached(finding.detail),
          context: finding.context === undefined ? undefined : detached(finding.context.slice(0, 200)),
          information,
          range,
          fixInfo,
          ...(useFrontMatter ? { frontMatter: true } : {}),
        });
      };
      if (problems.length > 0) {
        for (const problem of problems) report({ line: 1, detail: `Invalid configuration of ${name}: ${problem}` });
        return;
      }
      const { options, profile } = applyProfile(params.name, resolved, profiles, params.config);
      // A workflow's files are checked by its profile unless the configuration chose the files itself.
      const ownFiles = typeof params.config === "object" && params.config !== null && "files" in params.config;
      const selected = profile && !ownFiles ? !globMatcher(options.ignores)(params.name) : isSelected(params.name, options.files, options.ignores);
      if (!selected) return;
      try {
        const model = getModel(params);
        // An example document shows the layout; its gaps are on purpose (lib/core/example.ts).
        if (declaresExample(model)) return;
        currentObserver()?.({ rule: spec.id, file: params.name, options: options as unknown as Record<string, unknown>, model });
        withFsMemo(() => spec.run({ params, model, options, report }));
      } catch (error) {
        // A rule must never take markdownlint down: report instead of throwing.
        report({ line: 1, detail: `Internal error in ${name}: ${(error as Error)?.message ?? String(error)}` });
      }
    },
  }[spec.id];
  return {
    names: [spec.id, spec.slug],
    description: spec.description,
    information,
    tags: [SUITE_TAG, spec.category],
    parser: "micromark",
    function: ruleFunction,
    spec: { id: spec.id, slug: spec.slug, description: spec.description, category: spec.category, fixable: spec.fixable, files: spec.files, defaults: spec.defaults, profiles },
  };
}
