// The tablet's own record of faults: errors nobody caught, and saves the tablet could not
// store. Staff see it in Settings and copy it for IT ("it said something went wrong on
// Tuesday") instead of a problem vanishing into a console nobody opens.
//
// It is its own small Dexie database, not a table of the main one, for two reasons: it must
// still work when the main database cannot open (a failed upgrade, storage full, another tab
// holding an old version open), which is exactly when there is most to record; and it keeps
// the main schema, which sync work changes, free of it. It holds at most ERROR_LOG_MAX entries
// (the oldest go first), and a burst of one fault repeating counts in one entry.
import Dexie, { type EntityTable } from 'dexie'

export interface ErrorLogEntry {
  id?: number
  /** When it last happened (ISO). */
  at: string
  /** Where it was caught: 'save', 'screen' (Vue), 'page' (window error), 'promise' (unhandled rejection)… */
  where: string
  /** The error's name and message, bounded; never what the person typed (save faults are not input errors). */
  name: string
  message: string
  /** The first lines of the stack, for IT. */
  stack?: string
  /** The screen it happened on (path only). */
  path?: string
  /** Times it happened in a row. */
  count: number
}

export const ERROR_LOG_MAX = 200
const MESSAGE_MAX = 500
const STACK_MAX = 2_000
/** The same fault again within this long adds to the last entry instead of writing a new one. */
const REPEAT_WITHIN_MS = 60_000

class ErrorLogDatabase extends Dexie {
  errors!: EntityTable<ErrorLogEntry, 'id'>

  constructor(name: string) {
    super(name)
    this.version(1).stores({ errors: '++id' })
  }
}

export const ERROR_LOG_DB_NAME = 'lim-huddle-errors'
export const errorLogDb = new ErrorLogDatabase(ERROR_LOG_DB_NAME)

/** Name, message and stack of anything thrown (Dexie wraps the browser's error in `inner`). */
export function describeError(error: unknown): Pick<ErrorLogEntry, 'name' | 'message' | 'stack'> {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const { name, message, stack, inner } = error as {
      name?: unknown
      message?: unknown
      stack?: unknown
      inner?: unknown
    }
    const innerText = inner instanceof Error ? ` (${inner.name}: ${inner.message})` : ''
    const described: Pick<ErrorLogEntry, 'name' | 'message' | 'stack'> = {
      name: typeof name === 'string' && name ? name : 'Error',
      message: `${String(message)}${innerText}`.slice(0, MESSAGE_MAX),
    }
    if (typeof stack === 'string') described.stack = stack.slice(0, STACK_MAX)
    return described
  }
  let text: string
  try {
    text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error))
  } catch {
    // Something JSON cannot write (a cycle): its string form is the best there is.
    text = String(error)
  }
  return { name: 'Thrown value', message: text.slice(0, MESSAGE_MAX) }
}

function currentPath(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.pathname
}

/**
 * Records a fault. Never throws and never rejects: it runs in error handlers, where a second
 * failure (storage full, IndexedDB unavailable) must not hide the first, which still reaches
 * the console.
 */
export async function logError(error: unknown, where: string, now = new Date(), path = currentPath()): Promise<void> {
  const entry: ErrorLogEntry = { at: now.toISOString(), where, ...describeError(error), count: 1 }
  if (path) entry.path = path
  try {
    await errorLogDb.transaction('rw', errorLogDb.errors, async () => {
      const last = await errorLogDb.errors.orderBy('id').last()
      if (
        last &&
        last.where === entry.where &&
        last.message === entry.message &&
        now.getTime() - Date.parse(last.at) < REPEAT_WITHIN_MS
      ) {
        await errorLogDb.errors.update(last.id as number, { at: entry.at, count: last.count + 1 })
        return
      }
      await errorLogDb.errors.add(entry)
      const extra = (await errorLogDb.errors.count()) - ERROR_LOG_MAX
      if (extra > 0) {
        const oldest = await errorLogDb.errors.orderBy('id').limit(extra).primaryKeys()
        await errorLogDb.errors.bulkDelete(oldest)
      }
    })
  } catch (failure) {
    console.error('Could not record a fault in the error log', failure)
  }
}

/** Newest first. */
export function errorLogEntries(): Promise<ErrorLogEntry[]> {
  return errorLogDb.errors.orderBy('id').reverse().toArray()
}

export function clearErrorLog(): Promise<void> {
  return errorLogDb.errors.clear()
}

/** The whole log as plain text for IT: one block per entry, newest first. */
export function errorLogText(entries: readonly ErrorLogEntry[], formatTime: (iso: string) => string): string {
  if (entries.length === 0) return 'No problems noted on this tablet.'
  return entries
    .map((entry) =>
      [
        `${formatTime(entry.at)}  ${entry.where}${entry.count > 1 ? ` (×${entry.count})` : ''}${entry.path ? `  on ${entry.path}` : ''}`,
        `${entry.name}: ${entry.message}`,
        ...(entry.stack ? [entry.stack] : []),
      ].join('\n'),
    )
    .join('\n\n')
}
