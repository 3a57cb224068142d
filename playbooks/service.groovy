// Controls one service of the estate by hand: status, start, stop or restart.
description 'Shows, starts, stops or restarts a service named under services in config'
param 'name', required: true, description: 'the service'
param 'action', default: 'status', allowed: ['status', 'start', 'stop', 'restart']

step('service') {
    def service = ops.service(params.name)
    def status = params.action == 'status' ? service.status() : service."${params.action}"()
    println status
}
