/**
 * A custom rule that asks for micromark tokens and does nothing: the floor
 * of any micromark custom rule (markdownlint parses, freezes the tokens and
 * calls the rule). The suite's own cost is measured against it.
 */
export default {
  names: ["bench-noop"],
  description: "no-op micromark rule (benchmark baseline)",
  tags: ["bench"],
  parser: "micromark",
  function: () => {},
};
