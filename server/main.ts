import { firstLine, StartupError } from './startupErrors.ts'
import { startServer, stopServer, type Running } from './startup.ts'

let running: Running
try {
  running = await startServer()
} catch (error) {
  // One line naming what to fix: a stack trace here only hides the reason.
  console.error(error instanceof StartupError ? error.message : `LIM Huddle could not start: ${firstLine(error)}`)
  process.exit(1)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopServer(running).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Error while stopping: ${firstLine(error)}`)
        process.exit(1)
      },
    )
  })
}
