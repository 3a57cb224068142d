// The morning checklist of an estate, every day at six: the audio service is up and answers
// healthy, the disk has room, the last day's logs hold no critical error, every speaker answers,
// and the audio path makes sound. Each check runs whatever the others found, and says what it
// found; when one fails, the run fails and raises a P2 alert.
// On the demo estate (scripts/demo runs it): with the simulated AudioDeck up,
//   scripts/roadie run daily-maintenance -c config/demo.yaml -p logDir=var/services/audiodeck
description 'Daily checks: service, health, disk, logs, speakers, audio path'
schedule '0 0 6 * * ?'
timeout '15m'
param 'service', default: 'audiodeck', description: 'the service to check, as named under services in config'
param 'logDir', default: '', description: "the service's log directory (empty: logs are not read)"
param 'minFreePercent', type: 'int', default: 10, min: 0, max: 100, description: 'the least free disk space allowed, in percent'

step('service is active', continueOnFailure: true) {
    println ops.service(params.service).requireActive()
}

step('health endpoint', continueOnFailure: true) {
    def url = config.services[params.service]?.health_url
    check url, "services.${params.service}.health_url is not set in config: nothing to ask"
    def health = ops.http.get(url).requireStatus(200)
    println "${url}: ${health.status} in ${health.millis} ms"
    check health.json?.status == 'healthy', "status is ${health.json?.status}"
}

step('disk', continueOnFailure: true) {
    println ops.disk(run.workDir).requireFree(percent: params.minFreePercent)
}

step('logs', continueOnFailure: true) {
    if (!params.logDir) {
        println 'no log directory given (-p logDir=DIR): logs not read'
        return
    }
    def report = ops.logs(params.logDir).errors(since: '24h')
    println report
    check !report.critical, "${report.critical.size()} critical or fatal lines, the last: ${report.critical ? report.critical[-1] : ''}"
}

step('speakers answer', continueOnFailure: true) {
    if (speakers.size() == 0) {
        println 'no speakers in the inventory (speakers.devices or DEVICE_HOSTS): none checked'
        return
    }
    def health = speakers.health()
    println health
    check health.ok, "unhealthy: ${health.unhealthy*.toString().join(', ')}"
}

step('audio path') {
    def path = synth.checkAudioPath()
    println path
    check path.passed, path.toString()
}

onFailure { failure -> alerts.raise('P2', "daily maintenance: ${failure.step}", failure.message) }
