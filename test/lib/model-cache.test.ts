/**
 * lib/core/model.ts keeps one document model at a time: every rule on a file
 * shares it, the next file's model replaces it, and it is dropped when the
 * task that linted the file ends. Nothing of a linted file may stay reachable
 * from the module afterwards, also under markdownlint's synchronous API,
 * where one task lints every file.
 */
import type { Rule, RuleParams } from "markdownlint";
import { lint } from "markdownlint/sync";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { type DocumentModel, getModel } from "../../dist/lib/core/model.js";

interface Seen {
  name: string;
  lines: readonly string[];
  model: DocumentModel;
}

/** Two rules that ask for the model of every file, as the suite's rules do. */
function askers(into: Seen[]): Rule[] {
  return ["first", "second"].map((n) => ({
    names: [`model-${n}`],
    description: "Asks for the document model",
    tags: ["test"],
    parser: "micromark",
    function(params: RuleParams) {
      into.push({ name: params.name, lines: params.lines, model: getModel(params) });
    },
  }));
}

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const ONLY = { default: false, "model-first": true, "model-second": true, "model-register": true };
const strings = { a: "# A\n\nSome words here.\n", b: "# B\n\n- item\n" };

describe("getModel", () => {
  it("gives every rule on a file the same model, and each file its own", () => {
    const seen: Seen[] = [];
    lint({ strings, config: ONLY, customRules: askers(seen) });
    expect(seen.map((s) => s.name)).toEqual(["a", "a", "b", "b"]);
    expect(seen[1].model).toBe(seen[0].model);
    expect(seen[3].model).toBe(seen[2].model);
    expect(seen[2].model).not.toBe(seen[0].model);
    expect(seen[0].model.sections.map((s) => s.title)).toContain("A");
    expect(seen[2].model.sections.map((s) => s.title)).toContain("B");
  });

  it("rebuilds an earlier file's model when asked again, and the rebuilt one is equal", () => {
    const seen: Seen[] = [];
    lint({ strings, config: ONLY, customRules: askers(seen) });
    const again = getModel({ lines: seen[0].lines, parsers: { micromark: { tokens: [] } } as never });
    expect(again).not.toBe(seen[0].model);
    expect(again.lines).toEqual(seen[0].model.lines);
  });

  it("drops the model when the task ends", async () => {
    const seen: Seen[] = [];
    lint({ strings: { a: strings.a }, config: ONLY, customRules: askers(seen) });
    const params = { lines: seen[0].lines, parsers: { micromark: { tokens: [] } } as never };
    // Within the same task the last file's model is still the shared one.
    expect(getModel(params)).toBe(seen[0].model);
    await Promise.resolve();
    expect(getModel(params)).not.toBe(seen[0].model);
  });

  it("keeps no earlier file reachable during a long synchronous lint", async () => {
    // A WeakRef would keep every file's lines alive until the task ends. The
    // collection runs inside the lint (the same task); the registry's
    // callbacks then name the lines arrays that collection freed.
    const collected = new Set<string>();
    const registry = new FinalizationRegistry<string>((name) => collected.add(name));
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}`] = `# File ${i}\n\n${"word ".repeat(200)}\n`;
    const rule: Rule = {
      names: ["model-register"],
      description: "Registers each file's lines",
      tags: ["test"],
      parser: "micromark",
      function(params: RuleParams) {
        getModel(params);
        registry.register(params.lines, params.name);
        if (params.name === "f39") gc();
      },
    };
    lint({ strings: files, config: ONLY, customRules: [rule] });
    for (let i = 0; i < 20 && collected.size < 39; i++) await new Promise((r) => setTimeout(r, 5));
    // f39 is the file being linted when the collection ran; every earlier one was already unreachable.
    expect([...collected].sort()).toEqual(Object.keys(files).filter((n) => n !== "f39").sort());
  });
});
