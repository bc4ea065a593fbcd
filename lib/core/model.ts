/**
 * The document model: one per file, built from markdownlint's own micromark
 * tokens and shared by every rule of that file (getModel keeps the model of
 * the `params.lines` array markdownlint hands every rule of one file).
 *
 * No rule parses Markdown again; everything a rule needs about sections,
 * words, lists, fences and paragraphs is here. The walk is iterative, so a
 * deeply nested document cannot overflow the stack.
 */
import type { MicromarkToken, RuleParams } from "markdownlint";
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { headingBudget, normalizeHeading } from "../text/headings.js";
import { countProseWords, countWcWords } from "../text/words.js";

/** A section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  /** 0 for the document itself, 1–6 for headings. */
  level: number;
  /** Heading text content ("" for the document). */
  title: string;
  /** Normalised title for matching (see headings.ts). */
  key: string;
  /** A "(N+ words)" budget written in the heading. */
  budget: number | undefined;
  /** Line of the heading (1-based; 1 for the document). */
  line: number;
  /** Last line of the heading itself (setext headings span two lines). */
  headingEndLine: number;
  /** Last line of the section, subsections included. */
  endLine: number;
  parent: Section | undefined;
  children: Section[];
  /** Words of the section body (subsections included; own heading excluded). */
  words: { prose: number; wc: number };
}

/** A list item; nested items are its children. */
export interface ListItem {
  line: number;
  endLine: number;
  /** 0 for a top-level item, 1 for an item in a nested list, … */
  depth: number;
  ordered: boolean;
  /** Text content of the item's own paragraphs (nested lists excluded). */
  text: string;
  /** `[ ]` / `[x]` task-list state, or undefined when the item is no task. */
  checked: boolean | undefined;
  section: Section;
  parent: ListItem | undefined;
  children: ListItem[];
}

/** A fenced (or indented) code block. */
export interface CodeBlock {
  /** Line of the opening fence (or first line of an indented block). */
  line: number;
  endLine: number;
  fenced: boolean;
  /** Whether the fence has a closing fence. */
  closed: boolean;
  /** Full info string, e.g. "python title=x.py". */
  info: string;
  /** First word of the info string, lower-cased. */
  lang: string;
  /** Content lines (container prefixes removed) and the line of the first one. */
  content: string[];
  contentLine: number;
  section: Section;
}

/** A block of text: paragraph, heading text or table cell. */
export interface TextBlock {
  kind: "paragraph" | "heading" | "cell";
  line: number;
  endLine: number;
  text: string;
  words: number;
  section: Section;
  listItem: ListItem | undefined;
  inQuote: boolean;
}

export interface DocumentModel {
  lines: readonly string[];
  root: Section;
  /** All sections in document order, the root first. */
  sections: Section[];
  /** All list items in document order (nested ones included). */
  listItems: ListItem[];
  codeBlocks: CodeBlock[];
  blocks: TextBlock[];
  /**
   * The lines with everything that is not prose (code, HTML, URLs, link
   * definitions) replaced by spaces, so columns stay those of `lines`.
   */
  masked: string[];
  /** Section holding a line (the innermost one). */
  sectionAt(line: number): Section;
  /**
   * The inline spans on a line whose text is Markdown syntax or not prose
   * (see InlineSpan), in order of their start; read from markdownlint's
   * tokens on first use.
   */
  inlineSpans(line: number): readonly InlineSpan[];
}

/**
 * A span of inline Markdown that is not plain prose: a link, an image, a
 * reference, a footnote call or label, a definition (micromark resolved
 * their brackets, so the brackets are Markdown), a code span, inline HTML,
 * an autolink or inline math. Lines and columns are 1-based; the end is
 * exclusive. A span over several lines is listed on each of them.
 */
export interface InlineSpan {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

// One model at a time. markdownlint runs every rule of a file before it
// starts the next file's (our rules are synchronous), and hands each rule the
// same frozen `lines` array, so the model is kept for that array only. It is
// dropped when the next file's model is built or, at the latest, when the
// task that linted the file ends (a microtask), so it never outlives its
// file: markdownlint-cli2 lints each file in its own task, and a model kept
// until the next file would carry the file's tokens into the next parse's
// young-generation collections. No WeakRef: V8 keeps a WeakRef's target alive
// until the current task ends, which under markdownlint's synchronous API
// (markdownlint-cli, `lint({ files })` from `markdownlint/sync`) is the
// whole run, so every file's lines stayed alive to the end (a few MB per
// hundred files). Were an earlier file asked for again, its model is rebuilt.
let currentLines: readonly string[] | undefined;
let currentModel: DocumentModel | undefined;
let dropQueued = false;
const dropModel = () => {
  currentLines = undefined;
  currentModel = undefined;
  dropQueued = false;
};

/** The shared model of the file a rule is looking at. */
export function getModel(params: Pick<RuleParams, "lines" | "parsers">): DocumentModel {
  if (params.lines === currentLines && currentModel) return currentModel;
  currentModel = buildModel(params.lines, params.parsers?.micromark?.tokens ?? []);
  currentLines = params.lines;
  if (!dropQueued) {
    dropQueued = true;
    queueMicrotask(dropModel);
  }
  return currentModel;
}

/** Token types whose text (and children) never count as prose. */
const SKIPPED = new Set([
  "htmlText",
  "resource",
  "reference",
  "gfmFootnoteCall",
  "codeTextSequence",
  "characterEscape",
  "characterReference",
]);

/** Token types whose whole span is masked out of the prose lines. */
const MASKED = new Set([
  "codeText",
  "codeFenced",
  "codeIndented",
  "htmlFlow",
  "htmlText",
  "resourceDestination",
  "resourceTitle",
  "definition",
  "autolink",
  "literalAutolink",
  "mathFlow",
  "mathText",
]);

const TEXT_CONTAINERS: Record<string, TextBlock["kind"]> = {
  paragraph: "paragraph",
  atxHeadingText: "heading",
  setextHeadingText: "heading",
  tableContent: "cell",
};

/** Decode `&amp;`, `&#35;`, `&#x23;` the way CommonMark does. */
function decodeReference(raw: string): string {
  const body = raw.slice(1, -1);
  if (body.startsWith("#")) {
    const hex = body[1] === "x" || body[1] === "X";
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return "\uFFFD";
    }
    return String.fromCodePoint(code);
  }
  const decoded = decodeNamedCharacterReference(body);
  return decoded === false ? raw : decoded;
}

/**
 * Text content of a text container (paragraph, heading text, table cell)
 * and the inline tokens to mask out of the prose lines (code, HTML, URLs),
 * in one walk.
 * Masked tokens may sit inside subtrees whose text is skipped (a link's
 * destination inside its resource), so skipped subtrees are still walked for
 * masks.
 */
function inlineWalk(token: MicromarkToken, masks: MicromarkToken[]): string {
  let out = "";
  // The walk's stacks are shared by every call (the walk is not re-entrant):
  // allocating them per text block was a quarter of the model's allocation.
  const stack = walkStack;
  const modes = walkModes;
  stack.length = 0;
  modes.length = 0;
  push(token.children, WALK_TEXT | WALK_MASKS);
  while (stack.length > 0) {
    const t = stack.pop()!;
    let mode = modes.pop()!;
    if (mode & WALK_MASKS && MASKED.has(t.type)) {
      masks.push(t);
      mode &= ~WALK_MASKS;
    }
    if (!(mode & WALK_TEXT)) {
      if (mode) push(t.children, mode);
      continue;
    }
    switch (t.type as string) {
      case "data":
      case "codeTextData":
      case "mathTextData":
      case "literalAutolinkWww":
      case "literalAutolinkHttp":
      case "literalAutolinkEmail":
      case "autolinkProtocol":
      case "autolinkEmail":
        out += t.text;
        break;
      case "characterEscape":
        out += t.text.slice(1);
        break;
      case "directiveText":
        // markdownlint < 0.41 parsed inline directives (`foo:bar`, `:abbr[x]`);
        // later versions read them as plain text. Keep the text either way.
        out += t.text;
        break;
      case "characterReference":
        out += decodeReference(t.text);
        break;
      case "lineEnding":
      case "hardBreakEscape":
      case "hardBreakTrailing":
        out += t.type === "lineEnding" ? "\n" : " ";
        break;
      default:
        if (SKIPPED.has(t.type)) mode &= ~WALK_TEXT;
        if (mode) push(t.children, mode);
        continue;
    }
    // The text of these is taken whole; their children are walked for masks only.
    if (mode & WALK_MASKS && t.children.length > 0) push(t.children, WALK_MASKS);
  }
  return out;
}
const WALK_TEXT = 1;
const WALK_MASKS = 2;
const walkStack: MicromarkToken[] = [];
// Parallel to `walkStack`: what is still collected below each token.
const walkModes: number[] = [];
function push(children: readonly MicromarkToken[], mode: number) {
  for (let i = children.length - 1; i >= 0; i--) {
    walkStack.push(children[i]);
    walkModes.push(mode);
  }
}

/**
 * A section. Its matching key and "(N+ words)" budget are read from the
 * title on first use: most files have no rule that looks at either, and
 * normalising every heading of every file was a fifth of the model's time.
 */
class SectionNode implements Section {
  endLine: number;
  readonly children: Section[] = [];
  readonly words: { prose: number; wc: number };
  #key: string | undefined;
  #budget: number | undefined | null = null;
  constructor(
    counts: WordCounts,
    readonly level: number,
    readonly title: string,
    readonly line: number,
    readonly headingEndLine: number,
    readonly parent: Section | undefined,
  ) {
    this.endLine = line;
    // `words` reads the document's lazy counts, which need the section itself.
    this.words = new SectionWords(counts, this);
  }
  get key(): string {
    // normalizeHeading remembers the headings it has seen (they repeat across a tree).
    return (this.#key ??= normalizeHeading(this.title));
  }
  get budget(): number | undefined {
    if (this.#budget === null) this.#budget = this.level === 0 ? undefined : headingBudget(this.title);
    return this.#budget;
  }
}

/**
 * Word counts of one document's sections, computed on first use (the
 * section list and blocks are complete by then): most files are not under a
 * word budget, and counting every line's words was a quarter of the model's
 * time.
 */
class WordCounts {
  #prose: Map<Section, number> | undefined;
  #wc: Map<Section, number> | undefined;
  constructor(
    private readonly lines: readonly string[],
    private readonly sections: readonly Section[],
    private readonly blocks: readonly TextBlock[],
  ) {}

  prose(section: Section): number {
    if (!this.#prose) {
      const { sections, blocks } = this;
      // Each block counts for every section whose body holds it; a heading's
      // own text counts for its parent, not for itself. Each block is added
      // to its own section, then each section to its parent, children first
      // (sections are in document order, a parent before its children).
      const index = new Map<Section, number>(sections.map((s, i) => [s, i]));
      const own = new Array<number>(sections.length).fill(0);
      const headingLines = new Set(sections.map((s) => s.line));
      const sectionOfHeading = new Map<number, Section>();
      for (const s of sections) if (s.level > 0 && !sectionOfHeading.has(s.line)) sectionOfHeading.set(s.line, s);
      for (const block of blocks) {
        const words = block.words;
        if (words === 0) continue;
        const s = block.kind === "heading" && headingLines.has(block.line) ? sectionOfHeading.get(block.line)?.parent : block.section;
        const at = s ? index.get(s) : undefined;
        if (at !== undefined) own[at] += words;
      }
      for (let i = sections.length - 1; i >= 0; i--) {
        const parent = sections[i].parent;
        const at = parent ? index.get(parent) : undefined;
        if (at !== undefined) own[at] += own[i];
      }
      this.#prose = new Map(sections.map((s, i) => [s, own[i]]));
    }
    return this.#prose.get(section)!;
  }

  wc(section: Section): number {
    if (!this.#wc) {
      const { lines, sections } = this;
      // Prefix sums over lines.
      const prefix = new Array<number>(lines.length + 1);
      prefix[0] = 0;
      for (let i = 0; i < lines.length; i++) prefix[i + 1] = prefix[i] + countWcWords(lines[i]);
      this.#wc = new Map(
        sections.map((s) => [
          s,
          s.level === 0 ? prefix[lines.length] : prefix[Math.min(lines.length, s.endLine)] - prefix[Math.min(lines.length, s.headingEndLine)],
        ]),
      );
    }
    return this.#wc.get(section)!;
  }
}

/** A section's `words`, read from its document's lazy counts. */
class SectionWords {
  constructor(
    private readonly counts: WordCounts,
    private readonly section: Section,
  ) {}
  get prose(): number {
    return this.counts.prose(this.section);
  }
  get wc(): number {
    return this.counts.wc(this.section);
  }
  toJSON(): { prose: number; wc: number } {
    return { prose: this.prose, wc: this.wc };
  }
}

/** A text block; its word count is computed on first use. */
class Block implements TextBlock {
  #words = -1;
  constructor(
    readonly kind: TextBlock["kind"],
    readonly line: number,
    readonly endLine: number,
    readonly text: string,
    readonly section: Section,
    readonly listItem: ListItem | undefined,
    readonly inQuote: boolean,
  ) {}
  get words(): number {
    if (this.#words < 0) this.#words = countProseWords(this.text);
    return this.#words;
  }
  toJSON(): TextBlock {
    const { kind, line, endLine, text, words, section, listItem, inQuote } = this;
    return { kind, line, endLine, text, words, section, listItem, inQuote };
  }
}

interface Frame {
  tokens: MicromarkToken[];
  index: number;
  /** Set on list tokens. */
  list?: { ordered: boolean; depth: number; current: ListItem | undefined; parentItem: ListItem | undefined };
  quote?: boolean;
}

/** Build the model from lines and micromark tokens. */
export function buildModel(lines: readonly string[], tokens: readonly MicromarkToken[]): DocumentModel {
  const lastLine = Math.max(1, lines.length);
  const sections: Section[] = [];
  const blocks: TextBlock[] = [];
  const counts = new WordCounts(lines, sections, blocks);
  const root: Section = new SectionNode(counts, 0, "", 1, 0, undefined);
  root.endLine = lastLine;
  sections.push(root);
  const listItems: ListItem[] = [];
  const codeBlocks: CodeBlock[] = [];
  // A loop, not lines.slice(): markdownlint freezes `lines`, and slicing a
  // frozen array takes V8's slow path (a tenth of the model's own time).
  const masked = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) masked[i] = lines[i];
  const maskSpans: MicromarkToken[] = [];

  // Section stack: current open sections by level.
  let current = root;
  const openSection = (level: number, title: string, line: number, endLine: number) => {
    while (current.level >= level) current = current.parent!;
    const s = new SectionNode(counts, level, title, line, endLine, current);
    current.children.push(s);
    sections.push(s);
    current = s;
  };

  const frames: Frame[] = [{ tokens: tokens as MicromarkToken[], index: 0 }];
  // Open list frames and quote count, kept as frames are pushed and popped
  // (searching the frame stack per block was quadratic in the nesting depth).
  const listFrames: Frame[] = [];
  let quotes = 0;
  const innermostItem = (): ListItem | undefined => listFrames[listFrames.length - 1]?.list?.current;
  const inQuote = () => quotes > 0;
  const listDepth = () => listFrames.length;

  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.index >= frame.tokens.length) {
      frames.pop();
      if (frame.list) listFrames.pop();
      if (frame.quote) quotes--;
      continue;
    }
    const token = frame.tokens[frame.index++];
    // markdownlint appends undefined reference tokens at the top level, out of order.
    if (frames.length === 1 && token.type.startsWith("undefinedReference")) continue;
    if (MASKED.has(token.type)) maskSpans.push(token);

    if (frame.list && token.type === "listItemPrefix") {
      const l = frame.list;
      const item: ListItem = {
        line: token.startLine,
        endLine: token.endLine,
        depth: l.depth,
        ordered: l.ordered,
        text: "",
        checked: undefined,
        section: current,
        parent: l.parentItem,
        children: [],
      };
      l.parentItem?.children.push(item);
      l.current = item;
      listItems.push(item);
      continue;
    }
    if (frame.list?.current && !token.type.startsWith("lineEnding")) {
      // A token ending at column 1 ends with the line break before that line.
      const end = token.endColumn === 1 && token.endLine > token.startLine ? token.endLine - 1 : token.endLine;
      frame.list.current.endLine = Math.max(frame.list.current.endLine, end);
    }

    switch (token.type as string) {
      case "atxHeading":
      case "setextHeading": {
        // markdownlint freezes tokens, and V8 (node 20) runs find/filter/some on a
        // frozen array ten to thirty times slower: the children are copied first.
        const children = [...token.children];
        const textToken = children.find((c) => c.type === "atxHeadingText" || c.type === "setextHeadingText");
        const text = textToken ? inlineWalk(textToken, maskSpans) : "";
        const title = text.trim();
        const seq =
          token.type === "atxHeading"
            ? children.find((c) => c.type === "atxHeadingSequence")?.text.length ?? 1
            : children.some((c) => c.type === "setextHeadingLine" && c.text.trimStart().startsWith("-"))
              ? 2
              : 1;
        // Headings inside lists or quotes do not open sections.
        if (frames.length === 1) openSection(seq, title, token.startLine, token.endLine);
        if (textToken) addBlock(textToken, "heading", text);
        continue;
      }
      case "listOrdered":
      case "listUnordered": {
        const listFrame: Frame = {
          tokens: token.children,
          index: 0,
          list: {
            ordered: token.type === "listOrdered",
            depth: listDepth(),
            current: undefined,
            parentItem: innermostItem(),
          },
        };
        frames.push(listFrame);
        listFrames.push(listFrame);
        continue;
      }
      case "blockQuote":
        frames.push({ tokens: token.children, index: 0, quote: true });
        quotes++;
        continue;
      case "codeFenced":
      case "codeIndented":
      case "mathFlow":
        if ((token.type as string) !== "mathFlow") codeBlocks.push(codeBlock(token, current));
        continue;
      case "paragraph":
      case "tableContent":
        addBlock(token, TEXT_CONTAINERS[token.type as string]);
        continue;
      case "htmlFlow":
      case "definition":
        continue;
      default:
        if (token.children.length > 0) frames.push({ tokens: token.children, index: 0 });
    }
  }

  function addBlock(token: MicromarkToken, kind: TextBlock["kind"], walked?: string) {
    let text = walked ?? inlineWalk(token, maskSpans);
    const item = innermostItem();
    if (item && kind === "paragraph") {
      // A GFM task-list checkbox opens the item's first paragraph; it is not text.
      const task = item.text === "" && item.checked === undefined ? /^\[([ xX])\](?=\s|$)/.exec(text) : null;
      if (task) {
        item.checked = task[1] !== " ";
        text = text.slice(3).trimStart();
      }
      item.text = item.text ? `${item.text}\n${text}` : text;
    }
    blocks.push(new Block(kind, token.startLine, token.endLine, text, current, item, inQuote()));
  }

  // Section ends: a section runs to the line before the next heading of the same or a higher level.
  for (let i = sections.length - 1; i >= 1; i--) {
    const s = sections[i];
    let end = lastLine;
    for (let j = i + 1; j < sections.length; j++) {
      if (sections[j].level <= s.level) {
        end = sections[j].line - 1;
        break;
      }
    }
    s.endLine = Math.max(s.headingEndLine, end);
  }

  maskAll(masked, maskSpans);

  // Line → innermost section, for rules that start from a line; built on first use.
  let owner: Section[] | undefined;
  const sectionAt = (line: number): Section => {
    if (!owner) {
      owner = new Array<Section>(lastLine + 2).fill(root);
      for (const s of sections) if (s.level > 0) for (let l = s.line; l <= s.endLine && l <= lastLine; l++) owner[l] = s;
    }
    return owner[line] ?? root;
  };

  return {
    lines,
    root,
    sections,
    listItems,
    codeBlocks,
    blocks,
    masked,
    sectionAt,
    inlineSpans: lazyInlineSpans(tokens),
  };
}

/** Inline token types whose spans `inlineSpans` lists. */
const INLINE_NOT_PROSE = new Set([
  "link",
  "image",
  "gfmFootnoteCall",
  "gfmFootnoteDefinitionLabel",
  "definition",
  "codeText",
  "htmlText",
  "autolink",
  "literalAutolink",
  "mathText",
]);
/** Flow tokens whose insides are not walked for inline spans (code, HTML and math blocks). */
const INLINE_SKIPPED = new Set(["codeFenced", "codeIndented", "htmlFlow", "mathFlow"]);
const NO_SPANS: readonly InlineSpan[] = Object.freeze([]);

/**
 * `inlineSpans` for one document: the tokens are walked (without recursion)
 * on the first question only, since most files have no rule that asks.
 */
function lazyInlineSpans(tokens: readonly MicromarkToken[]): (line: number) => readonly InlineSpan[] {
  let byLine: Map<number, InlineSpan[]> | undefined;
  return (line) => {
    if (!byLine) {
      byLine = new Map();
      const stack: MicromarkToken[] = [...tokens];
      while (stack.length > 0) {
        const t = stack.pop()!;
        if (INLINE_SKIPPED.has(t.type)) continue;
        if (INLINE_NOT_PROSE.has(t.type)) {
          const span: InlineSpan = { startLine: t.startLine, startColumn: t.startColumn, endLine: t.endLine, endColumn: t.endColumn };
          for (let l = t.startLine; l <= t.endLine; l++) {
            const list = byLine.get(l);
            if (list) list.push(span);
            else byLine.set(l, [span]);
          }
          continue;
        }
        for (const c of t.children) stack.push(c);
      }
      for (const list of byLine.values()) list.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
    }
    return byLine.get(line) ?? NO_SPANS;
  };
}

function codeBlock(token: MicromarkToken, section: Section): CodeBlock {
  const fenced = token.type === "codeFenced";
  // Copies: builtins are slow on markdownlint's frozen arrays (see the headings above).
  const children = [...token.children];
  const fences = children.filter((c) => c.type === "codeFencedFence");
  const fenceParts = fences.length > 0 ? [...fences[0].children] : [];
  const infoToken = fenceParts.find((c) => c.type === "codeFencedFenceInfo");
  const metaToken = fenceParts.find((c) => c.type === "codeFencedFenceMeta");
  const info = [infoToken?.text ?? "", metaToken?.text ?? ""].join(" ").trim();
  const contentLine = fenced ? token.startLine + 1 : token.startLine;
  const lastContentLine = fenced && fences.length > 1 ? token.endLine - 1 : token.endLine;
  const content: string[] = [];
  for (let l = contentLine; l <= lastContentLine; l++) content.push("");
  for (const c of children) {
    if (c.type === "codeFlowValue" && c.startLine >= contentLine && c.startLine <= lastContentLine) {
      content[c.startLine - contentLine] = c.text;
    }
  }
  return {
    line: token.startLine,
    endLine: token.endLine,
    fenced,
    closed: !fenced || fences.length > 1,
    info,
    lang: (infoToken?.text ?? "").split(/[\s{,]/)[0].toLowerCase(),
    content,
    contentLine,
    section,
  };
}

/**
 * Blank the tokens' spans in the masked lines, keeping line lengths. Spans
 * are gathered per line and each line is rebuilt once (blanking span by span
 * rebuilt a long line once per span: quadratic on a line with thousands of
 * code spans or links). Spans are kept as flat [from, to, …] lists and
 * blanks of a given length are shared: this was half of the model's
 * allocation, and what a rule allocates while markdownlint's tokens are
 * alive gets those tokens promoted to the old generation.
 */
function maskAll(masked: string[], tokens: readonly MicromarkToken[]) {
  const perLine: (number[] | undefined)[] = [];
  const touched: number[] = [];
  for (const token of tokens) {
    for (let l = token.startLine; l <= token.endLine && l <= masked.length; l++) {
      const from = l === token.startLine ? token.startColumn - 1 : 0;
      const to = l === token.endLine ? token.endColumn - 1 : masked[l - 1].length;
      if (to <= from) continue;
      const ranges = perLine[l];
      if (ranges) ranges.push(from, to);
      else {
        perLine[l] = [from, to];
        touched.push(l);
      }
    }
  }
  for (const l of touched) {
    const ranges = sortPairs(perLine[l]!);
    const line = masked[l - 1];
    let out = "";
    let at = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      const start = Math.max(ranges[i], at);
      const end = Math.min(ranges[i + 1], line.length);
      if (end <= start) continue;
      out += line.slice(at, start) + blank(end - start);
      at = end;
    }
    masked[l - 1] = out + line.slice(at);
  }
}

/** Flat [from, to, …] pairs in order of `from`, stably; they nearly always come in that order already. */
function sortPairs(pairs: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < pairs.length && sorted; i += 2) sorted = pairs[i - 2] <= pairs[i];
  if (sorted) return pairs;
  const tuples: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) tuples.push([pairs[i], pairs[i + 1]]);
  return tuples.sort((a, b) => a[0] - b[0]).flat();
}

const blanks: string[] = [];
/** `n` spaces; lengths up to 512 are made once and shared. */
function blank(n: number): string {
  if (n > 512) return " ".repeat(n);
  return (blanks[n] ??= " ".repeat(n));
}
