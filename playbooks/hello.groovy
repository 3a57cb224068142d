// The smallest playbook: one step that says hello. `roadie run hello -p name=you`
description 'Says hello: checks that roadie runs'
param 'name', default: 'world', description: 'who to greet'

step('greet') {
    println "hello, ${params.name}"
}
