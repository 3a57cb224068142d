// The speaker part of the daily check: every speaker answers, none is louder than the house
// allows (turned down, as a change, when one is), and a backup of every speaker's settings is kept
// with the run. Try it on the simulator: scripts/roadie sim speakers --count 5 --base-port 18090,
// then DEVICE_HOSTS=127.0.0.1:18090,...,127.0.0.1:18094 scripts/roadie run speaker-check
description 'Speakers answer, volumes within the house limit, a backup of every speaker'
timeout '10m'
param 'maxVolume', type: 'int', default: 60, description: 'the loudest a speaker may be left'

step('speakers answer') {
    def health = speakers.health()
    println health
    check speakers.size() > 0, 'no speakers in the inventory: set speakers.devices or DEVICE_HOSTS'
    check health.ok, "unhealthy: ${health.unhealthy*.toString().join(', ')}"
}

step('volumes within the limit') {
    def loud = speakers.all().run('check volume') { it.volume() }.ok.findAll { it.value > params.maxVolume }
    println "${speakers.size()} speakers, ${loud.size()} above ${params.maxVolume}"
    loud.each { speakers.at(it.address).volume(params.maxVolume) }
}

step('backup') {
    def file = speakers.backup(run.workDir)
    println "backup: ${file}"
}
