// @vitest-environment jsdom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useGuardedSave } from '@/composables/useGuardedSave'
import { InputError } from '@/domain/errors'
import { useActorStore } from '@/stores/actor'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('useGuardedSave', () => {
  it('saves under the picked name', async () => {
    useActorStore().pick('Sam')
    const guarded = useGuardedSave()
    const action = vi.fn(async (by: string) => `saved by ${by}`)
    expect(await guarded.save(action)).toEqual({ saved: true, value: 'saved by Sam' })
    expect(guarded.error.value).toBe('')
    expect(guarded.saving.value).toBe(false)
  })

  it('saves nothing when nobody picks a name', async () => {
    const actor = useActorStore()
    const guarded = useGuardedSave()
    const action = vi.fn(async () => undefined)
    const pending = guarded.save(action)
    expect(guarded.saving.value).toBe(true)
    actor.answerWho(null)
    expect(await pending).toEqual({ saved: false, reason: 'cancelled' })
    expect(action).not.toHaveBeenCalled()
    expect(guarded.saving.value).toBe(false)
  })

  it('refuses a second tap while the first save runs', async () => {
    useActorStore().pick('Sam')
    const guarded = useGuardedSave()
    let finish!: () => void
    const first = guarded.save(() => new Promise<void>((resolve) => (finish = resolve)))
    expect(await guarded.save(async () => undefined)).toEqual({ saved: false, reason: 'busy' })
    await vi.waitFor(() => expect(finish).toBeTypeOf('function'))
    finish()
    expect((await first).saved).toBe(true)
  })

  it.each([
    [
      'bad input keeps its own words',
      new InputError('Enter a number from 0 to 100'),
      'Enter a number from 0 to 100',
      false,
    ],
    [
      'a full tablet says so',
      Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
      'This tablet is out of storage space',
      true,
    ],
    ['any other fault', new TypeError('x is undefined'), 'Your change could not be saved on this tablet', true],
  ])('%s, and is reported as a fault only when it is one', async (_case, failure, words, fault) => {
    useActorStore().pick('Sam')
    const onFault = vi.fn()
    const guarded = useGuardedSave({ onFault })
    expect(
      await guarded.save(async () => {
        throw failure
      }),
    ).toEqual({ saved: false, reason: 'failed', failure })
    expect(guarded.error.value).toContain(words)
    expect(onFault).toHaveBeenCalledTimes(fault ? 1 : 0)
    expect(guarded.saving.value).toBe(false)
  })

  it('saves a setting that nobody signs for without asking a name', async () => {
    const actor = useActorStore()
    const guarded = useGuardedSave()
    expect(await guarded.saveUnsigned(async () => 42)).toEqual({ saved: true, value: 42 })
    expect(actor.asking).toBe(false)
  })
})
