// @vitest-environment jsdom
// The tablet's problem log: uncaught errors and failed saves are kept (bounded, repeats
// counted) in their own small database, so they can be shown and copied in Settings.
// Each test mounts its own throwaway app: several tiny components in one file on purpose.
/* eslint-disable vue/one-component-per-file */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick } from 'vue'
import { useGuardedSave } from '@/composables/useGuardedSave'
import {
  clearErrorLog,
  describeError,
  ERROR_LOG_DB_NAME,
  ERROR_LOG_MAX,
  errorLogDb,
  errorLogEntries,
  errorLogText,
  logError,
} from '@/db/errorLog'
import { InputError, saveFailureMessage } from '@/domain/errors'
import { reportFault } from '@/domain/faults'
import { installErrorHandlers } from '@/errorHandlers'
import { useActorStore } from '@/stores/actor'

beforeEach(async () => {
  await clearErrorLog()
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.restoreAllMocks())

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 26, 7, 42, seconds))

describe('logError', () => {
  it('keeps what went wrong, where and when, in its own database', async () => {
    await logError(new TypeError('x is undefined'), 'screen (render function)', at(0))
    const [entry] = await errorLogEntries()
    expect(entry).toMatchObject({
      at: at(0).toISOString(),
      where: 'screen (render function)',
      name: 'TypeError',
      message: 'x is undefined',
      path: '/',
      count: 1,
    })
    expect(entry?.stack).toContain('TypeError')
    expect(errorLogDb.name).toBe(ERROR_LOG_DB_NAME)
    expect(ERROR_LOG_DB_NAME).not.toBe('lim-huddle')
  })

  it('counts a fault repeating within a minute in one entry, and starts a new one after', async () => {
    for (let i = 0; i < 5; i++) await logError(new Error('Same fault'), 'page', at(i))
    await logError(new Error('Same fault'), 'page', new Date(at(4).getTime() + 61_000))
    expect((await errorLogEntries()).map((entry) => entry.count)).toEqual([1, 5])
  })

  it(`keeps at most ${ERROR_LOG_MAX} entries, dropping the oldest`, async () => {
    for (let i = 0; i < ERROR_LOG_MAX + 5; i++) await logError(new Error(`fault ${i}`), 'page', at(0))
    const entries = await errorLogEntries()
    expect(entries).toHaveLength(ERROR_LOG_MAX)
    expect(entries[0]?.message).toBe(`fault ${ERROR_LOG_MAX + 4}`)
    expect(entries.at(-1)?.message).toBe('fault 5')
  })

  it('never throws, even when the log itself cannot be written', async () => {
    vi.spyOn(errorLogDb, 'transaction').mockImplementation(() => {
      throw new Error('QuotaExceededError')
    })
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(logError(new Error('first'), 'save')).resolves.toBeUndefined()
    expect(consoleError).toHaveBeenCalled()
  })

  it.each([
    ['an Error', new RangeError('too far'), { name: 'RangeError', message: 'too far' }],
    [
      'a Dexie error wrapping the browser one',
      Object.assign(new Error('Transaction failed'), {
        name: 'AbortError',
        inner: Object.assign(new Error('Storage full'), { name: 'QuotaExceededError' }),
      }),
      { name: 'AbortError', message: 'Transaction failed (QuotaExceededError: Storage full)' },
    ],
    ['a string', 'plain words', { name: 'Thrown value', message: 'plain words' }],
    ['an object', { code: 7 }, { name: 'Thrown value', message: '{"code":7}' }],
    ['undefined', undefined, { name: 'Thrown value', message: 'undefined' }],
  ])('describes %s', (_what, error, expected) => {
    expect(describeError(error)).toMatchObject(expected)
  })

  it('describes a value JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(describeError(cyclic)).toEqual({ name: 'Thrown value', message: '[object Object]' })
  })

  it('writes the log as text for IT, newest first', async () => {
    await logError(new Error('older'), 'page', at(0))
    await logError(new Error('newer'), 'save', at(1))
    await logError(new Error('newer'), 'save', at(2))
    const text = errorLogText(await errorLogEntries(), (iso) => iso.slice(11, 19))
    expect(text.split('\n\n').map((block) => block.split('\n').slice(0, 2))).toEqual([
      ['07:42:02  save (×2)  on /', 'Error: newer'],
      ['07:42:00  page  on /', 'Error: older'],
    ])
    expect(errorLogText([], String)).toBe('No problems noted on this tablet.')
  })
})

describe('installErrorHandlers', () => {
  it('logs an error thrown by a screen, and keeps it in the console', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const Broken = defineComponent({
      setup() {
        return () =>
          h(
            'button',
            {
              onClick: () => {
                throw new Error('Handler broke')
              },
            },
            'Tap',
          )
      },
    })
    const root = document.createElement('div')
    const app = createApp(Broken)
    const events = new EventTarget() as unknown as Window
    installErrorHandlers(app, events)
    app.mount(root)
    root.querySelector('button')?.click()
    await nextTick()
    await vi.waitFor(async () =>
      expect(await errorLogEntries()).toEqual([
        expect.objectContaining({ where: expect.stringMatching(/^screen \(/), message: 'Handler broke' }),
      ]),
    )
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ message: 'Handler broke' }))
    app.unmount()
  })

  it('logs errors and unhandled rejections the window reports', async () => {
    const target = new EventTarget() as unknown as Window
    installErrorHandlers(createApp({ render: () => null }), target)
    target.dispatchEvent(
      Object.assign(new Event('error'), { error: new Error('Script failed'), message: 'Script failed' }),
    )
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('Nobody awaited me') }))
    await vi.waitFor(async () =>
      expect((await errorLogEntries()).map((entry) => [entry.where, entry.message])).toEqual([
        ['promise', 'Nobody awaited me'],
        ['page', 'Script failed'],
      ]),
    )
  })
  it('logs faults that pure code caught and reported (a trend chart it could not work out)', async () => {
    installErrorHandlers(createApp({ render: () => null }), new EventTarget() as unknown as Window)
    reportFault(new Error('Limits could not be worked out'), 'trend chart')
    await vi.waitFor(async () =>
      expect(await errorLogEntries()).toEqual([
        expect.objectContaining({ where: 'trend chart', message: 'Limits could not be worked out' }),
      ]),
    )
  })
})

describe('a save the tablet could not store', () => {
  it('tells the person in plain English, and reaches the problem log by default', async () => {
    useActorStore().pick('Sam')
    const guarded = useGuardedSave()
    const full = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }),
    })
    expect(await guarded.save(() => Promise.reject(full))).toEqual({ saved: false, reason: 'failed', failure: full })
    expect(guarded.error.value).toBe(saveFailureMessage(full))
    expect(guarded.error.value).toMatch(/out of storage space.*What you typed is still here/)
    await vi.waitFor(async () =>
      expect(await errorLogEntries()).toEqual([
        expect.objectContaining({
          where: 'save',
          name: 'AbortError',
          message: expect.stringContaining('QuotaExceededError'),
        }),
      ]),
    )
  })

  it('keeps the person’s own input errors out of the log (they are shown, not faults)', async () => {
    useActorStore().pick('Sam')
    const guarded = useGuardedSave()
    await guarded.save(() => Promise.reject(new InputError('Give the action a title')))
    expect(guarded.error.value).toBe('Give the action a title')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await errorLogEntries()).toEqual([])
  })
})
