// P1 runbook: a service of the estate is down. Restart it, verify it answers healthy, and escalate
// (with a diagnostics bundle) when that does not bring it back. A dry run records its incident as
// `dry-run`: the plan, with the health check after the planned restart not judged.
description 'P1 response: restart a down service, verify its health, escalate when that fails'
param 'service', default: 'audiodeck', description: 'the service, as named under services in config'

step('respond') {
    def service = ops.service(params.service)
    def url = config.services[params.service].health_url
    // getAll returns a refused connection as a result, where get would throw.
    if (service.active && ops.http.getAll([url])[0].ok) {
        println "${params.service} is active and healthy; nothing to do"
        return
    }
    // In a dry run the restart is only planned, so the health check after it is not judged:
    // ops.incident then ends the incident as a plan and returns null instead of escalating.
    def verified = ops.incident('P1', "${params.service} is down", service: params.service) { incident ->
        incident.note("before: ${service.status()}")
        service.restart()
        def health = ops.http.get(url)
        health.requireStatus(200).requireJson(status: 'healthy')
        incident.note("verified: ${health.status} in ${health.millis} ms")
        println "${params.service} restarted and healthy (incident ${incident.id})"
        true
    }
    if (!verified) {
        println "dry run: ${params.service} would be restarted; its health is verified on a real run"
    }
}
