// CommonJS entry (the `require` export condition): `require("markdownlint-spec-contract")`
// returns the rule array itself, as markdownlint-cli's `--rules` and
// `customRules` and any CommonJS caller expect, instead of the ES module's
// namespace object. It loads the ES module build with Node's require() of ES
// modules (Node 20.19 and later, 22.12 and later).
"use strict";

let esm;
try {
  esm = require("../dist/bundle/index.js");
} catch (error) {
  if (error && error.code === "ERR_REQUIRE_ESM") {
    throw new Error(
      `markdownlint-spec-contract: require() of this package needs Node.js 20.19 or later (22.12 or later on 22); this is ${process.version}. Use import, or markdownlint-cli2.`,
      { cause: error },
    );
  }
  throw error;
}

module.exports = esm.default;
