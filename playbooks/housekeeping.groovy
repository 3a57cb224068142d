// Keeps roadie's own data dir tidy: enough free space, and no run artifacts older than keepDays.
// Run dirs that hold records people come back to (speaker backups, incident diagnostics bundles)
// are kept unless -p pruneRecords=true; reports go with their runs (publishTo keeps a copy).
// Given tempDirs and logDirs (comma-separated), also deletes old temp files and rotated logs.
// Try it safely first: roadie run housekeeping --dry-run -p logDirs=/var/log/audiodeck
description 'Checks free space in the data dir, prunes old run artifacts, old temp files and rotated logs'
schedule '0 30 5 * * ?'
timeout '10m'
param 'keepDays', type: 'int', default: 30, min: 1, description: 'keep run artifacts this many days'
param 'pruneRecords', type: 'boolean', default: false, description: 'prune old speaker backups and incident bundles too (kept by default)'
param 'minFreePercent', type: 'int', default: 10, min: 0, max: 100, description: 'fail below this much free space, in percent'
param 'tempDirs', default: '', description: 'comma-separated dirs to clear of temp files older than tempDays'
param 'tempDays', type: 'int', default: 7, min: 1, description: 'delete temp files older than this many days'
param 'logDirs', default: '', description: 'comma-separated dirs to clear of rotated logs older than rotatedDays'
param 'rotatedDays', type: 'int', default: 30, min: 1, description: 'delete rotated logs older than this many days'

step('free space') {
    def store = Files.getFileStore(run.workDir)
    long free = store.usableSpace * 100 / store.totalSpace
    println "data dir: ${free}% free of ${(store.totalSpace / (1L << 30)) as long} GiB"
    check free >= params.minFreePercent, "only ${free}% free; below ${params.minFreePercent}%"
}

step('prune old run artifacts') {
    def cutoff = Instant.now().minus(Duration.ofDays(params.keepDays))
    def runs = run.workDir.parent.toFile().listFiles().findAll { it.directory && it.name != run.id }.sort { it.name }
    def old = runs.findAll { Instant.ofEpochMilli(it.lastModified()).isBefore(cutoff) }
    def kept = params.pruneRecords ? [] : old.findAll { records(it) }
    println "${runs.size()} run artifact dirs, ${old.size()} older than ${params.keepDays} days" +
        (kept ? ", ${kept.size()} of them kept for their records (${kept.collect { "${it.name}: ${records(it).join(', ')}" }.join('; ')}; -p pruneRecords=true prunes them)" : '')
    (old - kept).each { dir ->
        run.mutate(dir.name, "delete run artifacts (last changed ${Instant.ofEpochMilli(dir.lastModified())})") {
            dir.deleteDir()
        }
    }
}

step('old temp files and rotated logs') {
    def dirs = { String list -> list.split(',')*.trim().findAll() }
    def options = [:]
    if (dirs(params.tempDirs)) {
        options += [tempDirs: dirs(params.tempDirs), tempOlderThan: "${params.tempDays}d"]
    }
    if (dirs(params.logDirs)) {
        options += [logDirs: dirs(params.logDirs), rotatedOlderThan: "${params.rotatedDays}d"]
    }
    println(options ? ops.housekeeping(options) : 'no tempDirs or logDirs given')
}

step('write report') {
    def report = run.workDir.resolve('report.txt')
    Files.writeString(report, "housekeeping ${run.id}: ${run.dryRun ? 'dry run' : 'done'}\n")
    println "report: ${report}"
}

// What in a run dir is a record to keep: speaker backups and incident diagnostics bundles.
List<String> records(File dir) {
    dir.listFiles().findAll {
        (it.file && it.name ==~ /speakers-.*\.json/) || (it.directory && it.name ==~ /incident-\d+/)
    }*.name.sort()
}
