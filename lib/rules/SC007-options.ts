/**
 * SC007's options and their defaults (the rule: rules/SC007-no-marketing-language.ts).
 */

/** A category of marketing or prescriptive language. */
export interface MarketingCategory {
  /** Literal phrases, case-insensitive, on whole words. */
  phrases?: string[];
  /**
   * Regular expressions, case-insensitive, Unicode; run on RE2's
   * linear-time engine unless they need lookahead or backreferences. A group
   * named `phrase` narrows the finding to that part of the match.
   */
  patterns?: string[];
  /** What the text should do instead; the finding's "Expected: …". */
  suggestion?: string;
}

export interface SC007Options {
  /** Categories by name (the name appears in each finding); replaces the default set. */
  categories: Record<string, MarketingCategory>;
  /** Phrases never reported: a match inside one of them is skipped ("best practices"). */
  allow: string[];
  /** Verdict markers, allowed only on code examples (same line as a code span, or right before a code block) and in table cells. */
  markers: string[];
  /**
   * Report "Use Y for …", "Choose Y for …" and "For …, use Y" when Y is a
   * product or library named in prose (a capitalised word, or one bare
   * lower-case name such as "obstore"), as category "prescription".
   */
  names: boolean;
  /**
   * Words that, in a heading over the text (the document title included),
   * mark it as the project's own coding conventions ("Code Style",
   * "Implementation Patterns", "Key Principles", "Do's and Don'ts"): there
   * "Use Y for …" and "When to use" instruct contributors; they are not
   * use-case prescriptions. Case-insensitive, whole words.
   */
  conventions: string[];
  /**
   * Headings of sections that hold the project's own plans ("Next Steps",
   * "Roadmap", "TODO", "Backlog"): a task there ("document recommended
   * dashboards") is no advice to the reader, so they are not searched.
   * Matched as headings are.
   */
  plans: string[];
}

export const SC007Defaults: SC007Options = {
  categories: {
    recommendation: {
      suggestion: "a statement of what it does, not a recommendation",
      phrases: [
        "recommend", "recommends", "recommended", "best for", "ideal", "optimal for", "good use case", "good use cases",
        "ideally suited", "well-suited", "well suited", "best suited", "better suited", "the right choice",
        "right choice", "good choice", "great choice", "best choice", "solid choice", "good fit", "great fit",
        "perfect fit", "excellent fit", "better fit", "best fit", "go-to", "the way to go", "we suggest",
        "we advise", "we encourage",
      ],
      patterns: [
        String.raw`\bshould\s+(?:always\s+|probably\s+|generally\s+|really\s+)?(?:use|be\s+used|choose|pick|prefer)\b`,
        String.raw`\bpreferred\b(?<!\b(?:your|you|you're|you’re|their|our|own)\s+preferred)`,
        // "we prefer X" (not "we prefer to construct configs …", a team's way of working)
        String.raw`\bwe\s+prefer\b(?!\s+to\s)`,
        // "Recommendation: use …", "our recommendation" (not "a recommendation system")
        String.raw`\b(?:our|my|the\s+general|general)\s+recommendations?\b|\b(?<phrase>recommendations?)[*_]*\s*:`,
      ],
    },
    praise: {
      suggestion: "a factual description of what it does, not how good it is",
      phrases: [
        "better", "worse", "best", "perfect", "perfectly", "excellent", "excellently", "powerful", "seamless",
        "seamlessly", "effortless", "effortlessly", "revolutionary", "cutting-edge", "cutting edge",
        "game-changing", "game changing", "game-changer", "game changer", "great", "elegant", "elegantly",
        "intuitive", "intuitively", "amazing", "awesome", "incredible", "incredibly", "fantastic", "superb",
        "outstanding", "superior", "unmatched", "unparalleled", "unrivaled", "unrivalled", "best-in-class",
        "world-class", "state-of-the-art", "next-generation", "next-gen", "blazing-fast", "blazing fast",
        "blazingly", "lightning-fast", "lightning fast", "beautiful", "beautifully", "delightful", "painless",
        "hassle-free", "robust", "easy-to-use", "easy to use", "simple to use", "user-friendly",
        "user friendly", "excels", "shines", "a breeze", "like a charm", "rock-solid",
        "battle-tested", "empowers", "supercharge", "supercharges",
      ],
      patterns: [
        // "extremely fast", "very efficient", "highly scalable" (not "very fast (<10ms)", which states the figure)
        String.raw`\b(?:extremely|incredibly|super|very|really|highly|insanely|ultra)[\s-]+(?:fast|quick|efficient|performant|powerful|scalable|flexible|reliable|easy|simple|lightweight|responsive)\b(?!\s*\(\s*[<>~≈≤≥]?\s*\d)`,
        // "one of the fastest Python web frameworks"
        String.raw`\bone\s+of\s+the\s+(?:fastest|best|easiest|simplest|leading|most\s+\p{L}+)\b`,
      ],
    },
    comparison: {
      suggestion: "objective characteristics (metrics, feature lists, limitations), not a comparison",
      phrases: [
        "pros", "cons", "pros and cons", "pros & cons", "trade-off", "trade-offs", "tradeoff", "tradeoffs",
        "trade off", "trade offs", "drawbacks", "downsides", "upsides", "outperforms", "outperform",
      ],
      patterns: [
        // not "much faster than re-executing the query", which explains a mechanism
        String.raw`\b(?:much|far|way|vastly|significantly|considerably|dramatically|a\s+lot)\s+(?:better|worse|faster|slower|simpler|easier|cleaner|more\s+\p{L}+|less\s+\p{L}+)\b(?!\s+than\s+[\p{L}-]+ing\b)`,
        String.raw`\b(?:easier|simpler|cleaner|nicer)\s+than\b|\bsuperior\s+to\b`,
        // A "Benefits:" label over a list of selling points.
        String.raw`(?<phrase>\bbenefits)[*_]*\s*:`,
        // "Advantages:", "the advantages of Obstore" (not "defeats the statement cache advantages")
        String.raw`\b(?<phrase>(?:dis)?advantages)(?=[*_]*\s*:|\s+of\b|\s+(?:and|&)\s+disadvantages\b)`,
        // "significant performance advantages", "key benefits"
        String.raw`\b(?:significant|major|huge|big|clear|real|key|main|many|several|numerous|substantial)\s+(?:[\p{L}-]+\s+)?(?<phrase>(?:dis)?advantages)\b`,
      ],
    },
    prescription: {
      suggestion: "what it does and its limits, not when to choose it",
      phrases: ["opt for"],
      patterns: [
        // "Choose Oracle when you need …", "pick the Rust extension if …"
        String.raw`\b(?:choose|pick)\s+[^.!?;:\n]{0,60}?\p{L}[^.!?;:\n]{0,60}?\s(?:when|whenever|if|unless)\b`,
        // "If you care about speed, pick the Rust extension" (not "…, use `--flag`")
        String.raw`(?<phrase>\bif\s+you(?:'re|’re|\s+are)?\s[^.!?;\n]{1,80}?,\s*(?:use|choose|pick|go\s+with|opt\s+for|prefer|switch\s+to))\s(?:(?:the|a|an)\s)?\p{L}`,
      ],
    },
  },
  allow: [
    "best practice", "best practices", "best-practice", "best-practices", "best effort", "best match", "perfect recall",
    "perfect hash", "perfect hashing", "perfect forward secrecy",
  ],
  markers: ["✅", "❌", "✔️", "✖️", "👍", "👎"],
  names: true,
  conventions: [
    "pattern", "patterns", "convention", "conventions", "standard", "standards", "rules", "principles", "guidelines",
    "style guide", "code style", "coding style", "do's", "dos", "don't", "don'ts", "donts",
  ],
  plans: ["Next Steps", "Roadmap", "TODO", "To Do", "Open Questions", "Backlog"],
};
