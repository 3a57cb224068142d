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
