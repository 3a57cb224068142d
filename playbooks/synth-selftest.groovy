// The synth API on this machine: the default soundfont, an offline render checked for level and
// pitch, and a live FluidSynth started, played and stopped. `roadie run synth-selftest`
description 'Synth self-test: default soundfont, audio path (render, level, pitch), live FluidSynth'

step('default soundfont') {
    def sf = synth.defaultSoundfont()
    println sf
    check sf.valid(), "the default soundfont is unusable: ${sf}"
}

step('audio path') {
    def r = synth.checkAudioPath()
    println r
    check r.passed, r.toString()
}

step('live fluidsynth') {
    synth.fluid.start().withCloseable { server ->
        server.client().withCloseable { fs ->
            println "fluidsynth on port ${server.port()}: fonts ${fs.fonts()*.path}"
            fs.noteon(0, 69, 100)
            check fs.voiceCount() > 0, 'fluidsynth played no voice'
            fs.reset()
        }
    }
}
