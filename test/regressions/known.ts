/**
 * Counterexamples found by the property tests and the fuzzer, kept as
 * regression fixtures (the files beside this one). Each entry says how the
 * file is linted and, while the bug is open, which rule owns it and which
 * violations it produces (`signature`, matched against the invariant
 * messages of test/invariants.ts).
 *
 * While `open` is set, test/regressions.test.ts expects the fixture to
 * still fail (`it.fails`: it turns red the day the bug is fixed, so the
 * entry is closed by deleting `open` and `signature`), and the property
 * tests set such violations aside (logged, not failed) so they keep looking
 * for new ones instead of stopping at a known one. Once closed, the fixture
 * must pass every invariant.
 */
export interface Regression {
  /** File under test/regressions/. */
  file: string;
  /** The name it is linted as (default patterns apply to it). */
  lintAs: string;
  /** What it exercises. */
  note: string;
  /** The rule that owns the open bug. */
  open?: string;
  /** Matches the violation messages of the open bug. */
  signature?: RegExp;
  /** The fixture hangs a rule: it is linted in a child process with a time limit. */
  hang?: boolean;
  /** Only these rules are enabled (default: the whole suite). */
  rules?: string[];
  /** Builds the document from the fixture (e.g. repeats a line), for inputs too big to keep as files. */
  build?: (fixture: string) => string;
}

export const regressions: Regression[] = [
  {
    file: "001-fix-unveils-claim.md",
    lintAs: "specs/active/demo/prd.md",
    note:
      "SC015's fix turns \"2150 âœ“\" into \"2150 ✓\"; only then did SC010 read \"Total PRD Words: 2150\" as an exact claim and offer a fix, so one fix pass left a fixable finding; fixed in lib/rules/SC010-claims.ts (a unit word after the number is ASCII letters only)",
  },
  {
    file: "002-front-matter-only-no-final-newline.md",
    lintAs: "specs/active/demo/research/plan.md",
    note:
      "found by the fuzzer: a file that is only front matter, without a final newline; SC001 reported on line 1 of the empty remainder, which is not in the file, and markdownlint's onError threw a TypeError out of lint() (markdownlint-cli2 exits 2); fixed in lib/core/rule.ts",
  },
  {
    file: "003-front-matter-only.md",
    lintAs: "specs/active/demo/prd.md",
    note: "the same, minimal, as a PRD (SC001, SC002, SC005, SC012, SC013 all report on line 1)",
  },
  {
    file: "004-sc003-exponential-artifact-pattern.md",
    lintAs: "specs/active/demo/prd.md",
    hang: true,
    note:
      'SC003\'s default artifactPatterns[7], (?<![\\p{L}\\p{N}])[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+(?![\\p{L}\\p{N}]), backtracks exponentially on "Ab" + capitals + a letter: 26 capitals take 3 s, 44 take hours; nestedQuantifier (lib/core/regex.ts) flags it; fixed by writing the group as (?:[A-Z][a-z0-9]*)+, which matches the same strings without the ambiguity',
  },
  {
    file: "005-sc003-quadratic-long-criterion.md",
    lintAs: "specs/active/demo/prd.md",
    hang: true,
    note:
      "SC003 is quadratic in a criterion's length: for every number, isThreshold searches the whole rest of the text for a multi-word unit (c.trailingUnits.exec(after), unanchored), so a 400 kB criterion with 5,000 numbers takes minutes (148 kB: 12 s); the fixture's line is repeated 5,000 times; fixed (the unit search is anchored at the number)",
    rules: ["SC003"],
    build: (fixture) => fixture.replace(/^- (.*)$/m, (_, unit: string) => `- ${unit.repeat(5_000)}`),
  },
  {
    file: "006-sc006-quadratic-overlaps.md",
    lintAs: "specs/active/demo/prd.md",
    hang: true,
    note:
      "SC006 is quadratic in the number of vague phrases in one text: dropOverlaps (lib/text/prose.ts) compares every hit with every kept hit; a 1 MB criterion (14,000 repetitions of the fixture's line) takes 66 s, 148 kB about 3 s; fixed (overlaps are removed in one sorted pass); checked with 8,000 repetitions (570 kB) in a child process with a 30 s limit",
    rules: ["SC006"],
    build: (fixture) => fixture.replace(/^- (.*)$/m, (_, unit: string) => `- ${unit.repeat(8_000)}`),
  },
];

/** Open bugs' signatures, for the property tests to set aside. */
export const openSignatures: RegExp[] = regressions.flatMap((r) => (r.open && r.signature ? [r.signature] : []));
