// Checks this machine's SoX toolchain the way the audio path uses it: a known tone is written,
// measured and resampled, and every figure must come out as the physics says.
// `roadie run sox-selftest` (nothing outside the run's work dir is written)
description 'SoX self-test: writes a test tone, measures its level and pitch, resamples it'
timeout '2m'
param 'freq', type: 'int', default: 1000, min: 20, max: 20000, description: 'test tone frequency in Hz'
param 'levelDb', type: 'int', default: -6, min: -120, max: 0, description: 'test tone peak level in dBFS'

step('tone') {
    def tone = sox.tone(freq: params.freq, seconds: 1, gain: params.levelDb, channels: 2)
    def stats = sox.stats(tone)
    println stats
    check Math.abs(stats.peakDb - params.levelDb) < 0.1, "peak ${stats.peakDb} dB, expected ${params.levelDb}"
    check Math.abs(stats.roughFrequencyHz - params.freq) < params.freq * 0.02, "pitch ${stats.roughFrequencyHz} Hz, expected ${params.freq}"
}

step('resample for the speakers') {
    def tone = run.workDir.resolve("tone-${params.freq}hz-1.wav")
    def mono = sox.convert(tone, run.workDir.resolve('tone-16k-mono.wav'), rate: 16000, channels: 1)
    def info = sox.info(mono)
    println "${info.rate} Hz, ${info.channels} ch, ${info.durationSeconds} s"
    check info.rate == 16000 && info.channels == 1 && info.durationSeconds == 1.0, "resampled to ${info}"
}

step('silence is found') {
    def tone = run.workDir.resolve("tone-${params.freq}hz-1.wav")
    def padded = sox.convert(tone, run.workDir.resolve('padded.wav'), effects: ['pad 0 0.5'])
    def silent = sox.silence(padded, minSeconds: 0.3)
    println "silent: ${silent}"
    check silent.size() == 1 && Math.abs(silent[0].seconds - 0.5) < 0.05, "silence found: ${silent}"
}

step('pool') {
    def status = sox.status()
    println "sox pool: ${status.health}, ${status.totalConversions} operations, ${status.failedConversions} failed, ${status.maxWorkers} workers"
    check status.health == 'healthy', "sox pool is ${status.health}"
}
