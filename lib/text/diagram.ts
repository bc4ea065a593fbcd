/**
 * ASCII diagram detection (CONTRACT.md, "ASCII diagram"): does a code block
 * draw boxes, arrows or flows with characters?
 *
 * The verdict rests on structure, never on words. Evidence, strongest first:
 *
 * - **boxes**: a top edge with corners (`┌──┐`, `╭──╮`, `╔══╗`, `+--+`,
 *   `.--.`, or `___` over `|___|`), a bottom edge below it at about the same
 *   columns and a left wall on every row between (right walls may drift, as
 *   they do in hand-drawn art). A box whose edges are divided into columns
 *   (`┬` on top and `┴` below, `┼`, `+---+---+`) is a table grid, not a box;
 * - **arrow chains**: a line where two or more arrows pointing the same way
 *   (`-->`, `──▶`, `→`, `=>`, `<--`) join labels (`A --> B --> C`);
 * - **drawn or attached arrows**: an arrow drawn with strokes between two
 *   labels (`A ──▶ B`, `A ---> B`, `A -- HTTP --> B`), an arrow that starts or ends at a wall,
 *   corner or bracketed node (`|------>|`, `| A | ---> | B |`,
 *   `[idle] --> [run]`), or a headless stroke line between labels
 *   (`Q1 ───── Q2`);
 * - **vertical flows**: connector lines (`│`, `|`, `/`, `\`, `▼`, `v`, `↓`,
 *   optionally followed by a label: `↓ HTTP`) between two label lines, with
 *   the connector under the label above and over the label below.
 *
 * Horizontal arrows must fill at least a quarter of the block's lines: one
 * `A → B → C` sentence in a page of text is not a drawing. One vertical
 * link without an arrowhead, or arrows between plain words one per line (a
 * mapping such as `GET /a -> handler`, a log's `renamed a → b`), is not
 * enough either.
 *
 * A block is not a diagram when it is diagram *notation* (mermaid,
 * PlantUML, Graphviz), a placeholder (one line such as `TBD` or
 * `[diagram here]`, boxed or not; an HTML comment; nothing), a terminal session (`$ command` first: its output is a
 * log, banners included), mostly code or configuration (unless it draws
 * boxes), a table, or a tree listing: `├── name` lines are neutral, their
 * glyphs and annotation arrows count for nothing.
 */
import { textMemo } from "../core/memo.js";

/** Info-string languages whose blocks may hold a diagram ("" is a block without language). */
export const DEFAULT_DIAGRAM_LANGUAGES: readonly string[] = [
  "",
  "text",
  "txt",
  "plain",
  "plaintext",
  "ascii",
  "asciiart",
  "ascii-art",
  "art",
  "diagram",
  "drawing",
  "svgbob",
  "goat",
  "ditaa",
  "none",
  "nohighlight",
];

/** What the detector found in one block. */
export interface DiagramFeatures {
  /** Closed boxes that are not table grids. */
  boxes: number;
  /** Closed boxes divided into columns (tables). */
  grids: number;
  /** Lines with two or more arrows pointing the same way and joining labels. */
  chains: number;
  /** Drawn arrows (`──▶`, `--->`) and arrows that start or end at a wall, corner or bracketed node. */
  attachedArrows: number;
  /** Lines holding at least one attached arrow. */
  attachedLines: number;
  /** Other arrows with text on both sides. */
  looseArrows: number;
  /** Connector runs between two label lines. */
  verticalLinks: number;
  /** Vertical links that carry an arrowhead (`▼`, `v`, `↓`, `^`). */
  pointedLinks: number;
  treeLines: number;
  /**
   * Tree lines whose entry is a call or a typed member, not a file:
   * `└── __call__(scope, receive, send)`, `├── _portal: BlockingPortal`.
   */
  callTreeLines: number;
  codeLines: number;
  /** Non-blank lines. */
  lines: number;
}

export interface DiagramVerdict {
  diagram: boolean;
  /** Why, in a few words ("2 boxes", "tree listing", "diagram notation, not a drawing"). */
  reason: string;
  features: DiagramFeatures;
}

const TL = "┌╭╔┏╒╓┍┎";
const TR = "┐╮╗┓╕╖┑┒";
const BL = "└╰╚┗╘╙┕┖";
const BR = "┘╯╝┛╛╜┙┚";
const HORIZONTAL = "─━═┄┅┈┉╌╍";
const VERTICAL = "│┃║╎╏┆┇┊┋|¦";
const JUNCTIONS = "├┤┬┴┼┣┫┳┻╋╠╣╦╩╬╞╡╤╧╪╟╢╥╨╫┝┥┯┷┿";
const GRID_CROSS = "┼╋╬╪╫┿";
const DOWN_UP_HEADS = "▼▲↓↑⬇⬆▽△▾▴⇓⇑";
const cls = (chars: string) => `[${chars}]`;

/**
 * The run between an edge's corners: anything but a corner or a gap of three
 * spaces. The two alternatives share no character, so a run that never
 * reaches a closing corner fails in one pass (an alternative for the
 * horizontal and junction glyphs, which the first class holds already, made
 * `┌` + 28 `─` take 14 s).
 */
const EDGE_RUN = `(?:[^\\s${TL}${TR}${BL}${BR}]|\\s(?!\\s\\s))*?`;
const TOP_EDGE = new RegExp(`${cls(TL)}${cls(HORIZONTAL)}${EDGE_RUN}${cls(TR)}`, "gu");
const BOTTOM_EDGE = new RegExp(`${cls(BL)}${cls(HORIZONTAL)}${EDGE_RUN}${cls(BR)}`, "gu");
/** `+----+`, `+----+----+` (a grid), `.----.`, `'----'`. */
const ASCII_EDGE = /\+[-=]{2,}(?:\+[-=]{2,})*\+|\+-+ [^+|]{1,40}? -+\+|\.-{2,}\.|'-{2,}'/g;

/**
 * Arrows: labelled ones (`-- HTTP -->`, `── calls ──▶`); ASCII `->`, `-->`,
 * `<--`, `=>`, `==>`, `<==`, `<->`, `~~>`, `..>`; box-drawing runs ending in
 * a head (`──▶`, `─►`, `──>`); single arrow glyphs (`→`, `⇒`).
 */
const ARROW_PARTS: Array<[run: string | undefined, source: string]> = [
  // Labelled arrows first: "-- HTTP -->", "<-- JSON --", "── calls ──▶".
  ["-", `-{2,} [^-<>|\n]{1,30}? -{2,}>`],
  [undefined, `<-{2,} [^-<>|\n]{1,30}? -{2,}`],
  ["─━", `[─━]{2,} [^─━<>│\n]{1,30}? [─━]+[►▶▸>]`],
  [undefined, `<[-─]+>?`],
  [undefined, `<={2,}>?`],
  ["\\-─━", `[-─━]+>`],
  ["=", `=+>`],
  ["~", `~+>`],
  [".", `\\.{2,}>`],
  [undefined, `[◄◀◂←⟵⬅⇐◁][─━═-]*`],
  ["─━═\\-", `[─━═-]*[►▶▸→⟶➜➔➡⇒▷]`],
  [undefined, `[↔⟷⇔]`],
];
/** The arrows, each tried at any position (sticky): what a match right after another may start with. */
const ARROW_AT = new RegExp(ARROW_PARTS.map(([, source]) => source).join("|"), "uy");
/**
 * The arrows, where an arrow that starts with a run of strokes may not start
 * inside such a run: from inside the run it would fail exactly as from its
 * start, after reading the run again (`─` × 5,000 and no head read the line
 * 5,000 times). See `arrows`.
 */
const ARROW = new RegExp(
  ARROW_PARTS.map(([run, source]) => (run ? `(?<![${run}])(?:${source})` : source)).join("|"),
  "gu",
);
/** Characters an arrow's leading run may hold. */
const ARROW_RUNS = "-─━═=~.";

/**
 * The arrows of a line, as `text.matchAll` with the unguarded alternatives
 * would find them, in linear time. ARROW refuses to start a run alternative
 * inside a run of its strokes; that loses a match only where the run began
 * before the end of the previous match (a match at a later place in the
 * run implies one at the run's start, which the scan reached earlier), so
 * right after a match that ends next to a stroke, the unguarded ARROW_AT is
 * tried at that place first.
 */
function arrows(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let from = 0;
  while (from < text.length) {
    let m: RegExpExecArray | null = null;
    if (from > 0 && ARROW_RUNS.includes(text[from - 1])) {
      ARROW_AT.lastIndex = from;
      m = ARROW_AT.exec(text);
    }
    if (!m) {
      ARROW.lastIndex = from;
      m = ARROW.exec(text);
    }
    if (!m) break;
    found.push({ start: m.index, end: m.index + m[0].length });
    from = m.index + m[0].length;
  }
  return found;
}

/** A tree listing line: `├── name`, `│   └── name`, `|-- name`, `` `-- name ``, `+-- name`. */
const TREE_LINE = new RegExp(
  `^[\\s${VERTICAL}]*(?:[├└┣┗╠╚┝┕]|[\`+|])[─━═-]{1,4}\\s?(?![─━═\\-►▶>▸→+${TR}${BR}${JUNCTIONS}${VERTICAL}\\s])\\S`,
  "u",
);

/** A line whose arrow runs into a vertical wall: a message of a sequence diagram, not a tree entry. */
const MESSAGE_TO_WALL = /[─━═-]{2,}\s*[>►▶]\s*[│┃|┤]\s*$/u;

const NOTATION = [
  /^(?:graph|flowchart)\s+(?:TB|TD|BT|RL|LR)\b/i,
  /^(?:sequenceDiagram|classDiagram|stateDiagram(?:-v2)?|erDiagram|gantt|pie|journey|gitGraph|mindmap|timeline|quadrantChart|requirementDiagram|C4Context|sankey-beta|xychart-beta|block-beta)\b/,
  /^@start(?:uml|mindmap|gantt|salt|wbs|json|yaml)\b/i,
  /^(?:strict\s+)?(?:di)?graph\s*(?:\w+\s*)?\{/i,
];

/** A terminal session starts with a prompt and a command (`$ make build`); its output is a log, whatever it draws. */
const TRANSCRIPT = /^(?:\$|❯|PS>|>>>)\s+\S/u;

const PLACEHOLDER = /^(?:tbd|tba|todo|fixme|xxx|n\/a|none|placeholder|diagram|ascii diagram|\.\.\.|…)$/i;

/** Lines that read as program text (or configuration) rather than labels. */
const CODE_LINE = [
  /[;{]\s*$/,
  /^\s*[}\])]+[;,]?\s*$/,
  /^\s*(?:def|class|async\s+def)\s+\w+.*:\s*$/,
  /^\s*(?:import\s+[\w.{*]|from\s+[\w.]+\s+import\b|export\s|return\b|#include\b|package\s+\w|use\s+[\w:]+;)/,
  /^\s*(?:const|let|var|val)\s+\w+\s*[:=]/,
  /^\s*(?:function|fn|func)\s+\w+\s*[(<]/,
  /^\s*(?:if|elif|while|for|with|try|except|else)\b.*:\s*$/,
  /^\s*@\w+/,
  /^\s*\w+\s*::\s*\S/,
  /^\s*[\w.]+(?:\[[^\]]*\])?\s*(?:=(?![=>])|\+=|-=)\s*\S/,
  /^\s*[\w.]+\(.*\)\s*$/,
  /^\s*(?:-\s*)?[\w-]+:(?:\s+\S.*)?$/,
  /^\s*"[^"]+"\s*:/,
  /^\s*(?:#|\/\/)/,
];

/** A line of program text; a line that draws an arrow counts only when it ends like a statement. */
function isCodeLine(text: string): boolean {
  if (!CODE_LINE.some((re) => re.test(text))) return false;
  return !/[→▶►▼↓←◀⇒]|-->|<--|[─━]{2}/u.test(text) || /[;{]\s*$/.test(text);
}

interface Row {
  text: string;
  /** Code points, tabs expanded. */
  cells: string[];
  blank: boolean;
  tree: boolean;
  /** Columns of the connector glyphs when this is a connector line. */
  connector: number[] | undefined;
  pointed: boolean;
}

const isIn = (chars: string, c: string | undefined) => c !== undefined && c !== "" && chars.includes(c);

/** Code-point column of a UTF-16 index. */
const column = (text: string, index: number) => Array.from(text.slice(0, index)).length;

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  let col = 0; // code points in `out`
  for (const c of line) {
    const n = c === "\t" ? 4 - (col % 4) : 1;
    out += c === "\t" ? " ".repeat(n) : c;
    col += n;
  }
  return out;
}

/** Replace HTML comments with spaces (a `<!-- diagram -->` placeholder draws nothing). */
function stripComments(lines: readonly string[]): string[] {
  const joined = lines.join("\n").replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, " "));
  return joined.split("\n");
}

/** The columns of a connector line's glyphs, or undefined when the line is not one. */
function connectorColumns(cells: readonly string[]): { columns: number[]; pointed: boolean } | undefined {
  const columns: number[] = [];
  let pointed = false;
  let i = 0;
  const n = cells.length;
  while (i < n && cells[i] === " ") i++;
  if (i === n) return undefined;
  // Pure connector lines: only vertical and diagonal strokes and arrowheads (ASCII heads stand alone).
  let pure = true;
  for (let j = i; j < n; j++) {
    const c = cells[j];
    if (c === " ") continue;
    const alone = (cells[j - 1] ?? " ") === " " && (cells[j + 1] ?? " ") === " ";
    if (isIn(VERTICAL, c) || c === "/" || c === "\\") columns.push(j);
    else if (isIn(DOWN_UP_HEADS, c) || ("vV^".includes(c) && alone)) {
      columns.push(j);
      pointed = true;
    } else {
      pure = false;
      break;
    }
  }
  if (pure) return { columns, pointed };
  // Annotated connector: one leading glyph, then a label, no further walls ("▼ HTTP", "│ async").
  const first = cells[i];
  const rest = cells.slice(i + 1);
  const restText = rest.join("");
  const glyph = isIn(VERTICAL + DOWN_UP_HEADS, first) || ("vV".includes(first) && cells[i + 1] === " ");
  if (!glyph || cells[i + 1] !== " " || !/[\p{L}\p{N}]/u.test(restText)) return undefined;
  if (rest.some((c) => isIn(VERTICAL, c)) || /[-─=]>|[▶►→]/u.test(restText)) return undefined;
  return { columns: [i], pointed: isIn(DOWN_UP_HEADS, first) || "vV".includes(first) };
}

function extent(cells: readonly string[]): [number, number] {
  let a = 0;
  while (a < cells.length && cells[a] === " ") a++;
  let b = cells.length - 1;
  while (b >= 0 && cells[b] === " ") b--;
  return [a, b];
}

interface Edge {
  row: number;
  from: number;
  to: number;
  text: string;
}

function edges(rows: readonly Row[], re: RegExp): Edge[] {
  const out: Edge[] = [];
  rows.forEach((row, r) => {
    // Columns counted on from the previous match: a line of many edges is read once.
    let index = 0;
    let col = 0;
    for (const m of row.text.matchAll(re)) {
      col += column(row.text.slice(index, m.index), m.index - index);
      index = m.index;
      const from = col;
      out.push({ row: r, from, to: from + Array.from(m[0]).length - 1, text: m[0] });
    }
  });
  return out;
}

const wallAt = (row: Row, col: number, tolerance: number, ascii: boolean) => {
  for (let c = col - tolerance; c <= col + tolerance; c++) {
    const ch = row.cells[c];
    if (isIn(VERTICAL + JUNCTIONS + TL + TR + BL + BR, ch) || (ascii && ch === "+")) return true;
  }
  return false;
};

/** Count boxes and table grids. */
function findBoxes(rows: readonly Row[]): { boxes: number; grids: number } {
  let boxes = 0;
  let grids = 0;
  const pairs: Array<[Edge[], Edge[], boolean]> = [
    [edges(rows, TOP_EDGE), edges(rows, BOTTOM_EDGE), false],
    [edges(rows, ASCII_EDGE).filter((e) => !e.text.startsWith("'")), edges(rows, ASCII_EDGE).filter((e) => !e.text.startsWith(".")), true],
    // Underscore boxes: " _____ " over "|_____|"; the top's corners are the columns either side.
    [edges(rows, /_{3,}/g).map((e) => ({ ...e, from: e.from - 1, to: e.to + 1 })), edges(rows, /\|_{3,}(?:\|_{3,})*\|/g), true],
  ];
  for (const [tops, bottoms, ascii] of pairs) {
    const used = new Set<Edge>();
    for (const top of tops) {
      const bottom = bottoms.find(
        (b) => b.row > top.row + 1 && !used.has(b) && Math.abs(b.from - top.from) <= 2 && Math.abs(b.to - top.to) <= 4,
      );
      if (!bottom) continue;
      const inner = rows.slice(top.row + 1, bottom.row);
      if (!inner.every((row) => wallAt(row, top.from, 1, ascii))) continue;
      const right = inner.filter((row) => wallAt(row, top.to, 4, ascii)).length;
      if (right * 2 < inner.length) continue;
      used.add(bottom);
      const columns = ascii
        ? /\+[-=]+\+[-=]/.test(top.text) || /\+[-=]+\+[-=]/.test(bottom.text) || /\|_+\|_/.test(bottom.text)
        : (/[┬┳╦╤┯]/u.test(top.text) && /[┴┻╩╧┷]/u.test(bottom.text)) ||
          inner.some((row) => row.cells.slice(top.from, top.to + 1).some((c) => isIn(GRID_CROSS, c)));
      if (columns) grids++;
      else boxes++;
    }
  }
  return { boxes, grids };
}

const NODE_END = VERTICAL + JUNCTIONS + TL + TR + BL + BR + "+";
/** A drawn arrow: a line of two or more box-drawing strokes, or three or more dashes, with a head ("──▶", "--->", "◀──"). */
const DRAWN = /[─━═]{2,}|-{3,}|-{2,} .+ -{2,}/u;
/** A drawn line of three or more box-drawing strokes. */
const WIRE = /[─━═]{3,}/gu;

/** Chains, attached and loose arrows on one line. */
function lineArrows(row: Row): { chain: boolean; attached: number; loose: number } {
  const text = row.text;
  const found = arrows(text);
  let attached = 0;
  let loose = 0;
  let right = 0;
  let left = 0;
  found.forEach((a, i) => {
    const before = text.slice(i === 0 ? 0 : found[i - 1].end, a.start);
    const after = text.slice(a.end, i + 1 < found.length ? found[i + 1].start : text.length);
    const leftEnd = before.trimEnd().slice(-1);
    const rightEnd = after.trimStart().slice(0, 1);
    const hasLeft = /[\p{L}\p{N}\])}>"'`]/u.test(before) || isIn(NODE_END, leftEnd);
    const hasRight = /[\p{L}\p{N}[({<"'`]/u.test(after) || isIn(NODE_END, rightEnd);
    const token = text.slice(a.start, a.end);
    const atNode = isIn(NODE_END, leftEnd) || isIn(NODE_END, rightEnd) || leftEnd === "]" || rightEnd === "[";
    if (atNode || (DRAWN.test(token) && hasLeft && hasRight)) attached++;
    else if (hasLeft && hasRight) loose++;
    if (hasLeft && hasRight) {
      // Direction: "<--", "◀──", "←" point left; "<->", "↔" both ways.
      const pointsLeft = /^[<◄◀◂←⟵⬅⇐◁↔⟷⇔]/u.test(token);
      const pointsRight = /[>►▶▸→⟶➜➔➡⇒▷↔⟷⇔]$/u.test(token);
      if (pointsLeft) left++;
      if (pointsRight) right++;
    }
  });
  // Drawn edges without heads between labels ("Q1 ───── Q2"); rules such as "──── Title ────" have a bare end.
  const firstText = text.search(/\S/u);
  const lastText = text.trimEnd().length - 1;
  let next = 0; // the first arrow that does not end before the current wire (both lists are in order)
  for (const m of text.matchAll(WIRE)) {
    const start = m.index;
    const end = start + m[0].length;
    while (next < found.length && found[next].end <= start) next++;
    if (next < found.length && found[next].start < end) continue;
    if (text[start - 1] !== " " || (text[end] ?? " ") !== " ") continue;
    if (firstText >= 0 && firstText < start && lastText >= end) attached++;
  }
  // A chain: two or more arrows the same way joining labels ("A --> B --> C"), not "x → y <-- note".
  return { chain: left >= 2 || right >= 2, attached, loose };
}

/** The entry of a tree line, without its branch: "`│   └── name`" → "name". */
const TREE_BRANCH = new RegExp(`^[\\s${VERTICAL}├└┣┗╠╚┝┕\`+─━═-]+`, "u");
/** A file or folder name: `src/`, `test_config.py`, `package.json`. */
const FILE_ENTRY = /^[\w.@/-]+$/u;

/** Whether a tree line's entry is a call or a component (`f(x)`, `name: Type`, `Name [role]`), not a file. */
function isCallEntry(text: string): boolean {
  const entry = text.replace(TREE_BRANCH, "").trim();
  const head = entry.split(/\s+/)[0] ?? "";
  // A folder (`active/`) or a file with an extension (`conftest.py`), whatever note follows it.
  if (FILE_ENTRY.test(head) && (/\/$/.test(head) || /\.[A-Za-z0-9]{1,8}$/.test(head))) return false;
  // `to_dict()`, `__call__(scope, send)`, `_portal: BlockingPortal`, `set_data_attribute() [existing path]`;
  // a name with a note in parentheses (`docs (guides)`) may be a folder.
  // A "[" after an unclosed "[" is not tried again: its match implies one from the first (a run of "[" was read to its end from each).
  return /[\w\])]\(|^[\w.]+:\s|\[(?<!\[[^[\]]*\[)[^\]]+\]/.test(entry);
}

/** Analyse the lines of one code block. */
export function diagramFeatures(lines: readonly string[]): DiagramFeatures {
  const rows: Row[] = stripComments(lines).map((raw) => {
    const text = expandTabs(raw).trimEnd();
    const cells = Array.from(text);
    const blank = text.trim() === "";
    // A sequence diagram's message ("├─ spawn() ───>│") starts like a tree line but ends in an arrow into a wall.
    const tree = !blank && TREE_LINE.test(text) && !MESSAGE_TO_WALL.test(text);
    const conn = blank || tree ? undefined : connectorColumns(cells);
    return { text, cells, blank, tree, connector: conn?.columns, pointed: conn?.pointed ?? false };
  });
  const features: DiagramFeatures = {
    ...findBoxes(rows),
    chains: 0,
    attachedArrows: 0,
    attachedLines: 0,
    looseArrows: 0,
    verticalLinks: 0,
    pointedLinks: 0,
    treeLines: rows.filter((r) => r.tree).length,
    callTreeLines: rows.filter((r) => r.tree && isCallEntry(r.text)).length,
    codeLines: rows.filter((r) => !r.blank && !r.tree && isCodeLine(r.text)).length,
    lines: rows.filter((r) => !r.blank).length,
  };
  for (const row of rows) {
    if (row.blank || row.tree || row.connector) continue;
    const a = lineArrows(row);
    if (a.chain) features.chains++;
    features.attachedArrows += a.attached;
    if (a.attached > 0) features.attachedLines++;
    features.looseArrows += a.loose;
  }
  // Vertical links: a run of connector lines between two label lines, aligned with both.
  for (let i = 0; i < rows.length; i++) {
    if (!rows[i].connector) continue;
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].connector) j++;
    const above = rows[i - 1];
    const below = rows[j + 1];
    if (above && below && !above.blank && !below.blank && !above.tree && !below.tree) {
      const [a0, a1] = extent(above.cells);
      const [b0, b1] = extent(below.cells);
      const first = rows[i].connector!;
      const last = rows[j].connector!;
      const aligned =
        first.some((c) => c >= a0 - 2 && c <= a1 + 2) && last.some((c) => c >= b0 - 2 && c <= b1 + 2);
      if (aligned) {
        features.verticalLinks++;
        if (rows.slice(i, j + 1).some((r) => r.pointed)) features.pointedLinks++;
      }
    }
    i = j;
  }
  return features;
}

/**
 * Whether the block, once drawing characters are removed, holds only a
 * placeholder: nothing, a word such as "TBD", or one template slot
 * ("[Diagram here]", "{diagram}", "<insert diagram>") on a single line.
 */
function isPlaceholder(lines: readonly string[]): boolean {
  const texts = stripComments(lines)
    .map((l) => l.replace(/[─━═│┃║┌┐└┘├┤┬┴┼╭╮╯╰╔╗╚╝┏┓┗┛+|\-=_*#.']/gu, " ").replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
  if (texts.length === 0) return true;
  if (texts.length > 1) return false;
  return PLACEHOLDER.test(texts[0]) || /^(?:\[[^\]]*\]|\{[^}]*\}|<[^>]*>)$/.test(texts[0]);
}

/** Decide whether the lines of a code block draw an ASCII diagram, and why. */
export function diagramVerdict(lines: readonly string[]): DiagramVerdict {
  const features = diagramFeatures(lines);
  const verdict = (diagram: boolean, reason: string): DiagramVerdict => ({ diagram, reason, features });
  const firstLine = lines.find((l) => l.trim() !== "")?.trim() ?? "";
  if (NOTATION.some((re) => re.test(firstLine))) return verdict(false, "diagram notation, not a drawing");
  if (isPlaceholder(lines)) return verdict(false, "placeholder");
  if (TRANSCRIPT.test(firstLine)) return verdict(false, "terminal session");
  const f = features;
  if (f.boxes > 0) return verdict(true, `${f.boxes} box${f.boxes === 1 ? "" : "es"}`);
  if (f.codeLines * 2 >= f.lines) return verdict(false, "code");
  // Horizontal arrows must make up a fair share of the block: one "A → B → C" sentence in a page of text is not a drawing.
  const content = f.lines - f.treeLines;
  if (f.chains > 0 && f.chains * 4 >= content) return verdict(true, "arrow chain");
  if (f.attachedLines > 0 && f.attachedLines * 4 >= content) return verdict(true, "arrows between walls or nodes");
  if (f.pointedLinks > 0) return verdict(true, "vertical flow with arrowheads");
  if (f.verticalLinks >= 2) return verdict(true, "vertical flow");
  if (f.verticalLinks >= 1 && f.looseArrows >= 1) return verdict(true, "vertical and horizontal flow");
  if (f.grids > 0) return verdict(false, "table");
  // A tree of calls or components (`└── to_dict() (serialize flash)`) draws how the parts nest; a tree of files lists a folder.
  if (f.callTreeLines >= 2 && f.callTreeLines * 2 >= f.treeLines) return verdict(true, "call tree");
  if (f.treeLines > 0 && f.treeLines * 2 >= f.lines) return verdict(false, "tree listing");
  return verdict(false, "no boxes, arrows or flows");
}

/**
 * Whether the lines of a code block draw an ASCII diagram. The last
 * verdicts are remembered by the block's text (at most 256 blocks, 256 K
 * characters), so re-linting a document after an edit reads again only
 * the blocks that changed.
 */
export function isAsciiDiagram(lines: readonly string[]): boolean {
  return verdicts.get(lines.join("\n"), () => diagramVerdict(lines).diagram);
}

const verdicts = textMemo<boolean>(256, 16_384, 262_144);

/**
 * Whether a code block (its info-string language and content) is an ASCII
 * diagram: its language is one of `languages` (compared lower-cased; "" is
 * a block without language) and its content draws one.
 */
export function isDiagramBlock(
  block: { lang: string; content: readonly string[] },
  languages: readonly string[] = DEFAULT_DIAGRAM_LANGUAGES,
): boolean {
  const lang = block.lang.toLowerCase();
  if (!languages.some((l) => l.toLowerCase() === lang)) return false;
  return isAsciiDiagram(block.content);
}
