// Timed inside roadie, so the figure is the analysis and not the JVM's start.
// Used by scripts/bench/logs: prints "figure errors MILLIS" and "figure cpu MILLIS" (the JVM's CPU
// time meanwhile), then "figure warm MILLIS" and "figure warm-cpu MILLIS" for a second analysis in
// the same process, and writes "COUNT TYPE" lines to `out`, as `uniq -c` would, to compare.
description 'Log errors by type, timed in-process (scripts/bench/logs)'
param 'dir', description: 'directory of the generated log'
param 'out', description: 'file for the counts by type'

step('errors') {
  // CPU time of the whole JVM (the reading threads and the JIT), for a machine shared with others.
  def os = java.lang.management.ManagementFactory.operatingSystemMXBean
  long cpu0 = os.processCpuTime
  long t0 = System.nanoTime()
  def report = ops.logs(params.dir).errors(since: '3650d')
  long millis = (System.nanoTime() - t0).intdiv(1_000_000)
  long cpuMillis = (os.processCpuTime - cpu0).intdiv(1_000_000)
  new File(params.out).withWriter('UTF-8') { w ->
    report.byType.each { type, count -> w << "${count} ${type}\n" }
  }
  println "figure errors ${millis}"
  println "figure cpu ${cpuMillis}"
  // The same analysis again in this process, its code compiled by now: what a resident roadie
  // (the daemon, the REPL) pays for it, reported apart from the one-shot figure above.
  long cpu1 = os.processCpuTime
  long t1 = System.nanoTime()
  def again = ops.logs(params.dir).errors(since: '3650d')
  println "figure warm ${(System.nanoTime() - t1).intdiv(1_000_000)}"
  println "figure warm-cpu ${(os.processCpuTime - cpu1).intdiv(1_000_000)}"
  check again.byType == report.byType, 'the second analysis counted differently'
  println report
}
