// How pure code that must not fail a screen still reports a fault it caught: it calls
// `reportFault`, and the app (errorHandlers.ts) decides where reports go (the tablet's
// problem log). Domain code stays free of storage; with no reporter set (tests, the server)
// a report goes nowhere.

export type FaultReporter = (error: unknown, where: string) => void

let reporter: FaultReporter = () => undefined

export function setFaultReporter(next: FaultReporter): void {
  reporter = next
}

/** Never throws: a reporter that fails must not turn a handled fault into an unhandled one. */
export function reportFault(error: unknown, where: string): void {
  try {
    reporter(error, where)
  } catch (failure) {
    console.error('Could not report a fault', failure)
  }
}
