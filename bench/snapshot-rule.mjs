/**
 * A custom rule for heap snapshots in the middle of a real run: at the
 * SNAP_AT-th file (default 1000) it collects garbage twice and writes a heap
 * snapshot to SNAP_FILE. Needs `node --expose-gc`; put it after the suite
 * in `customRules` (and alone beside the default rules for the baseline):
 *
 *   SNAP_FILE=/tmp/B.heapsnapshot node --expose-gc node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs \
 *     --config cfg.jsonc "**\/*.md"
 */
import v8 from "node:v8";

let seen = 0;
export default {
  names: ["bench-snapshot"],
  description: "writes a heap snapshot at the SNAP_AT-th file",
  tags: ["bench"],
  parser: "none",
  function: () => {
    if (++seen !== Number(process.env.SNAP_AT ?? 1000)) return;
    globalThis.gc?.();
    globalThis.gc?.();
    v8.writeHeapSnapshot(process.env.SNAP_FILE ?? `bench-${process.pid}.heapsnapshot`);
  },
};
