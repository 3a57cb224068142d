// The speaker part of the daily check: every speaker answers, none is louder than the house
// allows (turned down, as a change, when one is), and a backup of every speaker's settings is kept
// with the run. One speaker down fails the run, naming it, but the others still get their volume
// check and their backup. Try it on the simulator: scripts/roadie sim speakers --count 5
// --base-port 18090, then DEVICE_HOSTS=127.0.0.1:18090,...,127.0.0.1:18094 scripts/roadie run
// speaker-check
description 'Speakers answer, volumes within the house limit, a backup of every speaker'
timeout '10m'
param 'maxVolume', type: 'int', default: 60, min: 0, max: 100, description: 'the loudest a speaker may be left'

step('speakers answer', continueOnFailure: true) {
    def health = speakers.health()
    println health
    check speakers.size() > 0, 'no speakers in the inventory: set speakers.devices or DEVICE_HOSTS'
    check health.ok, "unhealthy: ${health.unhealthy*.toString().join(', ')}"
}

step('volumes within the limit', continueOnFailure: true) {
    def read = speakers.all().run('check volume') { it.volume() }
    def loud = read.ok.findAll { it.value > params.maxVolume }
    println "${read.ok.size()} speakers read, ${loud.size()} above ${params.maxVolume}"
    read.results.each { r ->
        if (!r.ok) println "  ${r.device}: not checked (${r.reason})"
        else if (r.value > params.maxVolume) println "  ${r.device}: ${r.value}, turned down to ${params.maxVolume}"
        else if (everyOne(read.results)) println "  ${r.device}: ${r.value}"
    }
    // Only the speakers that answered are turned down; one that did not is named above.
    loud.each { speakers.at(it.address).volume(params.maxVolume) }
}

step('backup') {
    def file = speakers.backup(run.workDir)
    def kept = speakers.snapshot(file)
    println "backup: ${file} (${kept.devices.size()} speakers, ${kept.failed.size()} not reached)"
    if (everyOne(kept.devices)) kept.devices.each { println "  ${it.name}: kept" }
    kept.failed.each { println "  ${it.name}: not kept (${it.reason})" }
}

// A venue's fleet is listed speaker by speaker; past 20 speakers only the ones that need a look
// are, so that a fleet of a thousand does not bury them in a thousand lines that say "fine".
def everyOne(List all) { all.size() <= 20 }
