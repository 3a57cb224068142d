// The weekly performance report: how fast the estate's endpoints answer, how loaded this host is,
// and the week's trends once a metrics log is there. Written to the run's work dir as report.md,
// report.html and charts; `roadie show RUN_ID` says where.
//   roadie run weekly-performance -p urls=http://127.0.0.1:8080/health,http://127.0.0.1:8080/api/status
description 'Weekly performance report: endpoint response times, host load and memory, trends'
schedule '0 0 7 ? * MON'
timeout '15m'
param 'urls', default: '', description: 'endpoints to time, comma-separated (default: every service health_url in config)'
param 'samples', type: 'int', default: 5, min: 1, description: 'times each endpoint is asked'
param 'metricsLog', default: '', description: 'a metrics log to chart the week from (lines: a time, then key=value pairs)'
param 'publishTo', default: '', description: 'a directory to copy the report to, as a recorded change'

step('check params') {
    // Refused before anything is timed.
    def bad = urls().findAll { !httpUrl(it) }
    check !bad, "bad input: urls: ${bad.join(', ')} ${bad.size() == 1 ? 'is not an' : 'are not'} http(s) URL${bad.size() == 1 ? '' : 's'}; give full URLs, comma-separated (-p urls=http://host:8080/health)"
}

// An endpoint that answered none of its requests fails the run, after the report showing it is
// written: this step goes on to the host, trends and publish steps either way.
step('response times', continueOnFailure: true) {
    report.title 'Weekly performance'
    def urls = urls()
    if (!urls) {
        report.section('Response time') {
            text 'No endpoints to time: give -p urls=..., or a health_url to the services in config.'
        }
        println 'nothing to time: no -p urls given and no service in config has a health_url'
        return
    }
    def timings = urls.collectEntries { [(it): []] }      // url -> [[time, millis], ...]
    def errors = urls.collectEntries { [(it): 0] }
    def levels = [:]
    params.samples.times {
        ops.http.getAll(urls).each { result ->
            if (result.error || result.status >= 500) {
                errors[result.url]++
            } else {
                timings[result.url] << [Instant.now(), result.millis]
                levels[result.url] = worse(levels[result.url], result.level)
            }
        }
    }
    def stats = urls.collect { url ->
        def millis = timings[url].collect { it[1] }.sort()
        [url: url, p50: percentile(millis, 50), p95: percentile(millis, 95), max: millis ? millis.max() : null,
         errors: errors[url], level: levels[url] ?: 'critical']
    }
    def slowest = stats.max { it.p95 == null ? Long.MAX_VALUE : it.p95 }
    def failed = errors.values().sum()
    def ms = { it == null ? '-' : "${it} ms" }
    report.section('Response time') {
        figure 'endpoints', urls.size()
        figure 'slowest p95', "${ms(slowest.p95)} at ${slowest.url}", status: slowest.level
        figure 'failed requests', "${failed} of ${urls.size() * params.samples}", status: failed ? 'critical' : 'ok'
        table(['endpoint', 'p50', 'p95', 'max', 'errors', 'level'],
              stats.collect { [it.url, ms(it.p50), ms(it.p95), ms(it.max), it.errors, it.level] })
        chart('Response time per request', series: timings, type: 'line', yLabel: 'ms')
    }
    println "${urls.size()} endpoints, slowest p95 ${ms(slowest.p95)} (${slowest.url}), ${failed} failed requests"
    def dead = stats.findAll { it.errors == params.samples }*.url
    check !dead, "every request to ${dead.join(', ')} failed (${params.samples} of ${params.samples}${dead.size() > 1 ? ' each' : ''}); the report shows the errors"
}

step('host') {
    def host = ops.host
    def loadPerCpu = host.load[0] / host.cpus
    def memory = host.memory
    report.section('Host') {
        figure 'load (1 min)', String.format('%.2f on %d CPUs', host.load[0], host.cpus),
            status: loadPerCpu > 2 ? 'critical' : loadPerCpu > 1 ? 'warning' : 'ok'
        figure 'memory used', String.format('%.0f%%', memory.usedPercent),
            status: memory.usedPercent > 95 ? 'critical' : memory.usedPercent > 85 ? 'warning' : 'ok'
        figure 'up', "${(host.uptime / 86400) as int} days"
        table(['load 1 min', 'load 5 min', 'load 15 min'], [host.load])
    }
    println "load ${host.load}, memory ${memory}"
}

step('trends') {
    report.section('Trends over the week') {
        if (params.metricsLog) {
            // Every metric of the log (response_ms, memory_mb, connections...): a table, a chart each.
            trends ops.metricsLog(params.metricsLog).trends(window: '7d', bucket: '1h')
        } else {
            text 'No metrics log given (-p metricsLog=FILE): the week\'s trends are charted here when one is.'
        }
    }
}

step('publish') {
    if (params.publishTo) {
        println "published to ${report.publish(params.publishTo)}"
    } else {
        println "report: ${report.write()}"
    }
}

// The worse of two response-time levels, as ops rates them.
String worse(String a, String b) {
    def order = ['ok', 'warning', 'critical']
    order.indexOf(a) > order.indexOf(b) ? a : b
}

// Nearest-rank percentile of sorted values; null when there are none.
Long percentile(List sorted, int p) {
    sorted ? sorted[Math.max(0, (Math.ceil(p / 100.0 * sorted.size()) as int) - 1)] as Long : null
}

// The endpoints to time: -p urls, else every configured service's health_url.
List<String> urls() {
    params.urls ? params.urls.split(',')*.trim().findAll() :
        config.services.collect { name, service -> service.health_url }.findAll()
}

// An absolute http or https URL with a host: what ops.http can ask.
boolean httpUrl(String text) {
    try {
        def uri = new URI(text)
        uri.scheme in ['http', 'https'] && uri.host
    } catch (URISyntaxException e) {
        false
    }
}
