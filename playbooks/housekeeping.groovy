// Keeps roadie's own data dir tidy: enough free space, and no run artifacts older than keepDays.
// Try it safely first: roadie run housekeeping --dry-run
description 'Checks free space in the data dir and prunes old run artifacts'
schedule '0 30 5 * * ?'
timeout '10m'
param 'keepDays', type: 'int', default: 30, description: 'keep run artifacts this many days'
param 'minFreePercent', type: 'int', default: 10, description: 'fail below this much free space'

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

step('write report') {
    def report = run.workDir.resolve('report.txt')
    Files.writeString(report, "housekeeping ${run.id}: ${run.dryRun ? 'dry run' : 'done'}\n")
    println "report: ${report}"
}
