// Errors every layer shares. A store throws InputError with a plain-English message that
// the screen shows beside the field; anything else is a fault, not the person's input,
// and `saveFailureMessage` turns it into words staff can act on.

/** The person's input cannot be saved as it is; `message` says why, in plain English. */
export class InputError extends Error {
  override name = 'InputError'
}

/** Every problem of a form at once, keyed by field, so the screen puts each beside its field and in the error summary. */
export class FieldErrors extends InputError {
  constructor(
    readonly errors: Record<string, string | undefined>,
    summary = 'Check the form',
  ) {
    super(Object.values(errors).find(Boolean) ?? summary)
  }
}

const STORAGE_FULL = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])

function namesOf(error: unknown): string[] {
  // Dexie wraps the browser's error: the cause is in `inner`.
  const names: string[] = []
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown }
    if (typeof name === 'string') names.push(name)
    current = inner
  }
  return names
}

/** True when the browser refused to store more (the tablet's storage is full). */
export function isStorageFull(error: unknown): boolean {
  return namesOf(error).some((name) => STORAGE_FULL.has(name))
}

/**
 * What to tell the person when something they asked for could not be done and nothing was
 * being saved (opening a chart, starting a huddle): an InputError's own message, or
 * `otherwise`. A save goes through useGuardedSave instead.
 */
export function problemMessage(error: unknown, otherwise: string): string {
  return error instanceof InputError ? error.message : otherwise
}

/**
 * What to tell the person when their change could not be stored. An InputError's own
 * message is already for them; anything else says what happened to their change and
 * what to do, never a stack trace. What they typed stays on screen either way.
 */
export function saveFailureMessage(error: unknown): string {
  if (error instanceof InputError) return error.message
  if (isStorageFull(error)) {
    return 'This tablet is out of storage space, so your change was not saved. What you typed is still here. Free some space (or ask IT to), then save again.'
  }
  const names = namesOf(error)
  if (names.includes('DatabaseClosedError') || names.includes('VersionError') || names.includes('InvalidStateError')) {
    return 'This tablet could not open its storage, so your change was not saved. What you typed is still here. Reload the page and save again.'
  }
  return 'Your change could not be saved on this tablet. What you typed is still here. Try again; if it keeps happening, note it down and tell your IT team.'
}

/** What a form shows after a failed save: a store's field problems beside their fields, any other failure in words under `fallbackField`. */
export function fieldErrorsOf(failure: unknown, fallbackField: string): Record<string, string | undefined> {
  return failure instanceof FieldErrors ? failure.errors : { [fallbackField]: saveFailureMessage(failure) }
}
