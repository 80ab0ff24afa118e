// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { REMEMBER_NAME_MS, useActorStore } from '@/stores/actor'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('useActorStore: who is doing this on a shared tablet', () => {
  it('remembers a picked name for a few minutes, then forgets it', () => {
    const actor = useActorStore()
    actor.pick('Sam', 1_000)
    actor.tick(1_000 + REMEMBER_NAME_MS - 1)
    expect(actor.current).toBe('Sam')
    actor.tick(1_000 + REMEMBER_NAME_MS)
    expect(actor.current).toBe('')
  })

  it('keeps the name across a reload while it is fresh', () => {
    useActorStore().pick('Sam')
    setActivePinia(createPinia())
    expect(useActorStore().current).toBe('Sam')
  })

  it('asks when nobody is remembered, and resolves with the picked name', async () => {
    const actor = useActorStore()
    const answer = actor.whoIsDoingThis()
    expect(actor.asking).toBe(true)
    actor.answerWho('Priya')
    await expect(answer).resolves.toBe('Priya')
    expect(actor.asking).toBe(false)
    await expect(actor.whoIsDoingThis()).resolves.toBe('Priya')
  })

  it('resolves null when the person cancels', async () => {
    const actor = useActorStore()
    const answer = actor.whoIsDoingThis()
    actor.answerWho(null)
    await expect(answer).resolves.toBeNull()
    expect(actor.current).toBe('')
  })
})
