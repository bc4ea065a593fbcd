/**
 * Preloaded into a markdownlint-cli2 run (`node --import ./bench/heap-timeline.mjs …`):
 * samples RSS and V8's heap spaces every 0.5 s and after each full garbage
 * collection, and at exit writes them, tab-separated, to the file named by
 * HEAP_TIMELINE_FILE. Shows when a run reaches its peak RSS and what the
 * heap holds then (docs/performance.md, "Peak memory, compiled code").
 *
 *   cd bench/out/corpus
 *   HEAP_TIMELINE_FILE=/tmp/B.tsv node --no-allocation-site-pretenuring \
 *     --import ../../heap-timeline.mjs ../../../node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs \
 *     --config ../configs/B.markdownlint-cli2.jsonc "**\/*.md"
 *
 * Columns: seconds since start, why (t: timer, major: after a full
 * collection, exit), RSS, old space committed and used, new space, code
 * space and large-object space committed (MB).
 */
import { writeFileSync } from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";
import v8 from "node:v8";

const file = process.env.HEAP_TIMELINE_FILE;
if (file) {
  const rows = [];
  const mb = (bytes) => (bytes / 1048576).toFixed(1);
  const sample = (why) => {
    const space = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
    const code = space.code_space.physical_space_size + (space.code_large_object_space?.physical_space_size ?? 0);
    rows.push([
      process.uptime().toFixed(2),
      why,
      mb(process.memoryUsage.rss()),
      mb(space.old_space.physical_space_size),
      mb(space.old_space.space_used_size),
      mb(space.new_space.physical_space_size),
      mb(code),
      mb(space.large_object_space.physical_space_size),
    ]);
  };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) sample("major");
  });
  observer.observe({ entryTypes: ["gc"] });
  setInterval(() => sample("t"), 500).unref();
  process.on("exit", () => {
    sample("exit");
    const header = "seconds\twhy\trss\told_committed\told_used\tnew\tcode\tlarge_objects\n";
    writeFileSync(file, header + rows.map((r) => r.join("\t")).join("\n") + "\n");
  });
}
