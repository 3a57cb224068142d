// Keeps roadie's own data dir tidy: enough free space, and no run artifacts older than keepDays.
// Given tempDirs and logDirs (comma-separated), also deletes old temp files and rotated logs.
// Try it safely first: roadie run housekeeping --dry-run -p logDirs=/var/log/audiodeck
description 'Checks free space in the data dir, prunes old run artifacts, old temp files and rotated logs'
schedule '0 30 5 * * ?'
timeout '10m'
param 'keepDays', type: 'int', default: 30, description: 'keep run artifacts this many days'
param 'minFreePercent', type: 'int', default: 10, description: 'fail below this much free space'
param 'tempDirs', default: '', description: 'comma-separated dirs to clear of temp files older than tempDays'
param 'tempDays', type: 'int', default: 7, description: 'delete temp files older than this many days'
param 'logDirs', default: '', description: 'comma-separated dirs to clear of rotated logs older than rotatedDays'
param 'rotatedDays', type: 'int', default: 30, description: 'delete rotated logs older than this many days'

step('free space') {
    def store = Files.getFileStore(run.workDir)
    long free = store.usableSpace * 100 / store.totalSpace
    println "data dir: ${free}% free of ${(store.totalSpace / (1L << 30)) as long} GiB"
    check free >= params.minFreePercent, "only ${free}% free; below ${params.minFreePercent}%"
}

step('prune old run artifacts') {
    def cutoff = Instant.now().minus(Duration.ofDays(params.keepDays))
    def runs = run.workDir.parent.toFile().listFiles().findAll { it.directory && it.name != run.id }
    def old = runs.findAll { Instant.ofEpochMilli(it.lastModified()).isBefore(cutoff) }
    println "${runs.size()} run artifact dirs, ${old.size()} older than ${params.keepDays} days"
    old.each { dir ->
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
