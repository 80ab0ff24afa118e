// Records a fault in the tablet's problem log (errorLog.ts: its own small database), which loads with the first
// fault or once the browser is idle after the first screen shows its values (db/writes.ts prefetchWrites), so the
// shell loads without it. When and on which screen are taken as the fault happens, not once the log has loaded.
type ErrorLog = typeof import('./errorLog')

let loading: Promise<ErrorLog> | undefined

export function loadErrorLog(): Promise<ErrorLog> {
  // A failed fetch (offline before the service worker holds the app) is tried again by the next fault.
  loading ??= import('./errorLog').catch((problem: unknown) => {
    loading = undefined
    throw problem
  })
  return loading
}

/** As errorLog.ts `logError`: never throws and never rejects, as it runs in error handlers. */
export async function logError(error: unknown, where: string, now = new Date()): Promise<void> {
  const path = typeof location === 'undefined' ? undefined : location.pathname
  let errorLog: ErrorLog
  try {
    errorLog = await loadErrorLog()
  } catch (failure) {
    console.error('Could not record a fault in the error log', error, failure)
    return
  }
  await errorLog.logError(error, where, now, path)
}
