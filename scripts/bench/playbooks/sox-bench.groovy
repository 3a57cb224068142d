// Timed inside roadie, so the figures are the pool's and not the JVM's start.
// Used by scripts/bench/sox; prints one "figure NAME MILLIS" line per timed round.
description 'SoX API figures: a pooled batch and a stream, timed in-process'
param 'inputs', description: 'directory of short WAV files'
param 'out', description: 'directory for the batch outputs'
param 'long', description: 'a long WAV file for the stream figure'
param 'rounds', type: 'int', default: 5

step('batch') {
  def files = new File(params.inputs).listFiles().findAll { it.name.endsWith('.wav') }.sort()
  sox.batch(files, params.out) { rate 16000; channels 1; bits 16 }   // warm-up, not timed
  params.rounds.times {
    long t0 = System.nanoTime()
    def result = sox.batch(files, params.out) { rate 16000; channels 1; bits 16 }
    println "figure batch ${(System.nanoTime() - t0).intdiv(1_000_000)}"
    result.requireAllOk()
  }
}

// The same conversions with a bare ProcessBuilder per file on as many threads: what the JVM's own
// process start costs, with none of the pool's work (checks, temp files, retries, records).
step('bare ProcessBuilder') {
  def files = new File(params.inputs).listFiles().findAll { it.name.endsWith('.wav') }.sort()
  def out = new File(params.out, 'bare')
  out.mkdirs()
  def threads = java.util.concurrent.Executors.newFixedThreadPool(sox.status().maxWorkers)
  try {
    (params.rounds + 1).times { round ->
      long t0 = System.nanoTime()
      files.collect { f ->
        threads.submit({
          def p = new ProcessBuilder('sox', '-q', f.path, '-r', '16000', '-c', '1', '-b', '16',
              new File(out, f.name).path)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD).start()
          assert p.waitFor() == 0
        } as java.util.concurrent.Callable)
      }*.get()
      if (round > 0) println "figure bare ${(System.nanoTime() - t0).intdiv(1_000_000)}"
    }
  } finally {
    threads.shutdown()
  }
}

step('stream') {
  def raw = new File(params.out, 'long.raw')
  def to = [format: 'raw', rate: 16000, channels: 1, bits: 16, encoding: 'signed-integer']
  (params.rounds + 1).times { round ->
    long t0 = System.nanoTime()
    new File(params.long).withInputStream { input ->
      raw.withOutputStream { output -> sox.stream(input, output, from: 'wav', to: to) }
    }
    if (round > 0) println "figure stream ${(System.nanoTime() - t0).intdiv(1_000_000)}"
  }
}
