// Timed inside roadie, so the figure is the analysis and not the JVM's start.
// Used by scripts/bench/logs: prints "figure errors MILLIS" and writes "COUNT TYPE" lines to `out`,
// as `uniq -c` would, for the benchmark to compare with the pipeline's.
description 'Log errors by type, timed in-process (scripts/bench/logs)'
param 'dir', description: 'directory of the generated log'
param 'out', description: 'file for the counts by type'

step('errors') {
  long t0 = System.nanoTime()
  def report = ops.logs(params.dir).errors(since: '3650d')
  long millis = (System.nanoTime() - t0).intdiv(1_000_000)
  new File(params.out).withWriter('UTF-8') { w ->
    report.byType.each { type, count -> w << "${count} ${type}\n" }
  }
  println "figure errors ${millis}"
  println report
}
