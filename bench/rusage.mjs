/**
 * Preloaded into a benchmarked child (`node --import ./bench/rusage.mjs …`):
 * at exit, writes the process's own resource usage (peak RSS, CPU time) and
 * its count of full garbage collections to the file named by
 * BENCH_RUSAGE_FILE. That count tells which of V8's two modes a run fell in
 * (docs/performance.md, "Which mode a run falls in").
 *
 * On Linux it also splits the CPU time by thread (/proc/self/task): the main
 * thread, which runs markdownlint and the rules and so sets the wall time,
 * and the others (V8's background compilers and garbage-collector helpers),
 * which only cost CPU while a second core is free.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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
    writeFileSync(file, JSON.stringify({ maxRssKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime, gc, threads: threadCpu() }));
  });
}

/** CPU milliseconds of the main thread and of all other threads, or undefined off Linux. */
function threadCpu() {
  try {
    const tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)
    let mainMs = 0;
    let otherMs = 0;
    for (const tid of readdirSync("/proc/self/task")) {
      let stat;
      try {
        stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      } catch {
        continue; // the thread ended meanwhile
      }
      // Fields after the command name: state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = (Number(fields[11]) + Number(fields[12])) * tick;
      if (Number(tid) === process.pid) mainMs += ms;
      else otherMs += ms;
    }
    return { mainMs, otherMs };
  } catch {
    return undefined;
  }
}
