/**
 * Preloaded into a benchmarked child (`node --import ./bench/rusage.mjs …`):
 * at exit, writes the process's own resource usage (peak RSS, CPU time) to
 * the file named by BENCH_RUSAGE_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
  });
}
