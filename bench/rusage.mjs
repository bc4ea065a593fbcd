/**
 * Preloaded into a benchmarked child (`node --import ./bench/rusage.mjs …`):
 * at exit, writes the process's own resource usage (peak RSS, CPU time) and
 * its count of full garbage collections to the file named by
 * BENCH_RUSAGE_FILE. That count tells which of V8's two modes a run fell in
 * (docs/performance.md, "Which mode a run falls in").
 */
import { writeFileSync } from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";

const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  const gc = { major: 0 };
  const count = (entries) => {
    for (const e of entries) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
  };
  const observer = new PerformanceObserver((list) => count(list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  process.on("exit", () => {
    count(observer.takeRecords());
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime, gc }));
  });
}
