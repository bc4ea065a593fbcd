/**
 * The Python syntax checker behind SC008: `checkPython(source)` tells whether
 * CPython 3.11 would compile a snippet, without Python and without running it.
 */
export { type CheckOptions, checkPython, interactivePromptLine, INTERACTIVE_MESSAGE, type PythonProblem } from "./check.js";
export { checkCached, verdictCache, type VerdictCache } from "./disk-cache.js";
export { tokenize, type Token, type TokenizeResult } from "./tokenizer.js";
