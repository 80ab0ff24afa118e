// What component tests share: waiting for the app to finish its IndexedDB work, and
// finding controls the way a screen reader (or Playwright's getByRole) does.
import { flushPromises } from '@vue/test-utils'

/**
 * Wait until the screen has finished what it started. Dexie over fake-indexeddb needs a
 * macrotask per request, so one `flushPromises` is not enough for a whole transaction;
 * `flushPromises` waits for one macrotask, and 25 of them cover a screen's first reads.
 */
export async function settle(rounds = 25) {
  for (let i = 0; i < rounds; i++) {
    await flushPromises()
    // Live queries start and answer again on a timer (Dexie's setTimeout 0), which
    // flushPromises (setImmediate) can outrun.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

/**
 * The stores' command modules (goalCommands, escalationCommands: their checks and writes), which the app fetches
 * when the browser is idle after the first screen, as a tablet has them by the time someone saves. A test that
 * saves through a screen and then `settle()`s loads them first: loading one here means transforming it, which
 * on a busy machine can outlast `settle()`.
 */
export async function loadCommandModules(): Promise<void> {
  await Promise.all([import('@/stores/goalCommands'), import('@/stores/escalationCommands')])
}

/** For `vi.waitFor`: long enough for a screen's first reads on a loaded two-core machine. */
export const WAIT = { timeout: 10_000, interval: 20 }

/** A control's accessible name: aria-label if set, otherwise its text without aria-hidden parts. */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label')
  if (label) return label
  const copy = element.cloneNode(true) as Element
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
}

interface Findable {
  findAll(
    selector: 'button',
  ): { element: Element; trigger(event: string): Promise<void>; attributes(name: string): string | undefined }[]
}

/** The button with this accessible name; throws (naming it) if there is none. */
export function buttonNamed<W extends Findable>(wrapper: W, name: string) {
  const found = wrapper.findAll('button').find((b) => accessibleName(b.element) === name)
  if (!found) throw new Error(`No button named "${name}"`)
  return found
}

/** The open `<dialog>`: dialogs are teleported to the body, outside the mounted wrapper. */
export function openDialog(): HTMLDialogElement {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]')
  if (!dialog) throw new Error('No dialog is open')
  return dialog
}

/** The button with this accessible name in the open dialog; throws if there is none. */
export function buttonInDialog(name: string): HTMLButtonElement {
  const found = [...openDialog().querySelectorAll('button')].find((b) => accessibleName(b) === name)
  if (!found) throw new Error(`No button named "${name}" in the open dialog`)
  return found
}
