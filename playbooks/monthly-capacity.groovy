// The monthly capacity review: how full the disks are, memory and swap, what the backups take and
// how fresh they are, and the month's trends once a metrics log is there. Written to the run's
// work dir as report.md, report.html and charts; `roadie show RUN_ID` says where.
//   roadie run monthly-capacity -p paths=/,/var,/srv -p backupDir=/backup
description 'Monthly capacity review: disks, memory, backups and trends'
schedule '0 0 8 1 * ?'
timeout '15m'
param 'paths', default: '', description: 'paths whose file systems to review, comma-separated (default: / and the data dir)'
param 'backupDir', default: '', description: 'a directory of ops.backup archives to review'
param 'warnPercent', type: 'int', default: 80, min: 0, max: 100, description: 'a disk this full (used %) is a warning'
param 'criticalPercent', type: 'int', default: 90, min: 0, max: 100, description: 'a disk this full (used %) is critical'
param 'metricsLog', default: '', description: 'a metrics log to chart the month from (lines: a time, then key=value pairs)'
param 'publishTo', default: '', description: 'a directory to copy the report to, as a recorded change'

step('disks') {
    report.title 'Monthly capacity review'
    def dataDir = run.workDir.parent.parent.toString()
    // By default / and the data dir, once when they are on the same file system.
    def paths = params.paths ? params.paths.split(',')*.trim().findAll() :
        ['/', dataDir].unique { Files.getFileStore(Path.of(it)) }
    def disks = paths.collect { ops.disk(it) }
    def gib = { bytes -> String.format('%.1f GiB', bytes / (1L << 30)) }
    def used = { disk -> disk.size ? 100.0 * disk.used / disk.size : 0.0 }
    def rate = { percent ->
        percent >= params.criticalPercent ? 'critical' : percent >= params.warnPercent ? 'warning' : 'ok'
    }
    def fullest = disks.max { used(it) }
    report.section('Disks') {
        figure 'fullest', String.format('%s at %.0f%% used', fullest.path, used(fullest)), status: rate(used(fullest))
        table(['path', 'size', 'used', 'free', 'used %', 'level'],
              disks.collect { [it.path, gib(it.size), gib(it.used), gib(it.free), String.format('%.1f', used(it)), rate(used(it))] })
        chart('Disk use (%)', type: 'bar', yLabel: 'used %', series: ['used %': disks.collect { [it.path, used(it)] }])
    }
    disks.each { println it }
}

step('memory') {
    def memory = ops.host.memory
    def swapUsed = memory.swapTotal ? 100.0 * (memory.swapTotal - memory.swapFree) / memory.swapTotal : 0.0
    report.section('Memory') {
        figure 'memory used', String.format('%.0f%%', memory.usedPercent),
            status: memory.usedPercent > 95 ? 'critical' : memory.usedPercent > 85 ? 'warning' : 'ok'
        figure 'available', String.format('%.0f MB', memory.availableMb)
        figure 'swap used', memory.swapTotal ? String.format('%.0f%%', swapUsed) : 'no swap',
            status: swapUsed > 50 ? 'warning' : 'ok'
        figure 'CPUs', ops.host.cpus
    }
    println memory
}

step('backups') {
    report.section('Backups') {
        if (!params.backupDir) {
            text 'No backup directory given (-p backupDir=DIR): its archives are reviewed here when one is.'
            return
        }
        def backups = ops.backups(params.backupDir)
        if (!backups) {
            figure 'backups', 0, status: 'critical'
            text "No backups in ${params.backupDir}."
            return
        }
        def newest = backups[0]
        def ageDays = Duration.between(newest.created, Instant.now()).toHours() / 24.0
        def unverified = backups.count { !it.verified }
        figure 'backups', backups.size()
        figure 'newest', String.format('%.1f days old', ageDays), status: ageDays > 7 ? 'critical' : ageDays > 2 ? 'warning' : 'ok'
        figure 'total size', String.format('%.1f MiB', backups.sum { it.bytes } / (1L << 20))
        figure 'not verified', unverified, status: unverified ? 'warning' : 'ok'
        table(['archive', 'created', 'size (MiB)', 'files', 'verification'],
              backups.take(20).collect { [it.file.fileName, it.created, String.format('%.1f', it.bytes / (1L << 20)), it.files, it.verification] })
        chart('Backup size (MiB)', type: 'line', yLabel: 'MiB',
              series: backups.groupBy { it.name }.collectEntries { name, list ->
                  [(name): list.collect { [it.created, it.bytes / (1L << 20)] }] })
        println "${backups.size()} backups, newest ${newest}"
    }
}

step('trends') {
    report.section('Trends over the month') {
        if (params.metricsLog) {
            // Every metric of the log (response_ms, memory_mb, connections...): a table, a chart each.
            trends ops.metricsLog(params.metricsLog).trends(window: '30d', bucket: '6h')
        } else {
            text 'No metrics log given (-p metricsLog=FILE): the month\'s trends are charted here when one is.'
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
