// Faults nobody caught still leave a trace: Vue's error handler (a screen that failed to
// render or an event handler that threw), the window's error and unhandled-rejection events,
// and faults pure code reports (domain/faults.ts) all write to the tablet's problem log
// (db/errorLog.ts, loaded by db/logFault.ts), shown in Settings, and to the console as before.
import type { App } from 'vue'
import { logError } from '@/db/logFault'
import { setFaultReporter } from '@/domain/faults'

export function installErrorHandlers(app: App, target: Window = window): void {
  // Faults pure code caught so a screen keeps working (a trend chart it could not work out).
  setFaultReporter((error, where) => void logError(error, where))
  app.config.errorHandler = (error, _instance, info) => {
    console.error(error)
    void logError(error, `screen (${info})`)
  }
  target.addEventListener('error', (event) => {
    // Only script errors: a failed image or stylesheet raises no ErrorEvent here.
    void logError(event.error ?? event.message, 'page')
  })
  target.addEventListener('unhandledrejection', (event) => {
    void logError(event.reason, 'promise')
  })
}
