/**
 * SC008 code-fence-syntax: every python fence of a PRD, analysis or research
 * document compiles, as CPython 3.11's `compile(source, "<fence>", "exec")`
 * decides (seed 002 runs `py_compile` on each snippet), except that
 * top-level `await` is accepted by default, as IPython, Jupyter and
 * `python -m asyncio` accept it (CPython's PyCF_ALLOW_TOP_LEVEL_AWAIT). The
 * check needs no Python and runs nothing: see lib/python/ and
 * docs/design/python-parser.md.
 */
import { fencesIn, PYTHON_LANGUAGES } from "../lib/text/fences.js";
import { KIND_FILES } from "../lib/core/files.js";
import { is } from "../lib/core/options.js";
import { checkCached, verdictCache } from "../lib/python/index.js";
import { projectRoot } from "../lib/core/project.js";
import { defineRule } from "../lib/core/rule.js";

export interface SC008Options {
  /** Info-string languages that make a fence a python fence (first word, compared case-insensitively). */
  languages: string[];
  /**
   * Accept `await`, `async with`, `async for` and async comprehensions at
   * module level (how async examples are written; IPython, Jupyter and
   * `python -m asyncio` run them). false: exactly what `py_compile` accepts.
   */
  topLevelAwait: boolean;
  /**
   * Remember verdicts across runs in the project's
   * `node_modules/.cache/markdownlint-spec-contract/` (when the project has
   * a `node_modules` directory), so a commit hook does not check unchanged
   * fences again. Off by default: a lint rule writes nothing unasked.
   */
  cache: boolean;
}

export const SC008Defaults: SC008Options = {
  languages: [...PYTHON_LANGUAGES],
  topLevelAwait: true,
  cache: false,
};

export default defineRule<SC008Options>({
  id: "SC008",
  slug: "code-fence-syntax",
  description: "Python fences should compile",
  category: "code-verification",
  files: [...KIND_FILES.prd, ...KIND_FILES.analysis, ...KIND_FILES.research],
  defaults: SC008Defaults,
  schema: {
    languages: is.arrayOf(is.nonEmptyString(), "languages"),
    topLevelAwait: is.boolean(),
    cache: is.boolean(),
  },
  run({ params, model, options, report }) {
    const cache = options.cache ? verdictCache(projectRoot(params.name) ?? process.cwd()) : undefined;
    for (const fence of fencesIn(model, options)) {
      const problem = checkCached(`${fence.content.join("\n")}\n`, { topLevelAwait: options.topLevelAwait }, cache);
      if (!problem) continue;
      const offset = Math.min(Math.max(problem.line, 1), Math.max(fence.content.length, 1)) - 1;
      const line = fence.content.length > 0 ? fence.contentLine + offset : fence.line;
      report({
        line,
        detail: problem.message,
        context: model.lines[line - 1]?.trim(),
      });
    }
  },
});
