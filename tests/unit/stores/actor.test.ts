// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { RECENT_NAMES_KEPT, useActorStore } from '@/stores/actor'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('useActorStore: who is doing this on a shared tablet', () => {
  it('holds a picked name only for the screen in hand: forgetting it makes the next save ask', async () => {
    const actor = useActorStore()
    actor.pick('Sam')
    await expect(actor.whoIsDoingThis()).resolves.toBe('Sam')
    actor.forget()
    void actor.whoIsDoingThis()
    expect(actor.asking).toBe(true)
  })

  it('carries the name only to the screen a save opened (a checklist just started)', () => {
    const actor = useActorStore()
    actor.pick('Joe')
    actor.carryTo('/board/standard-work/run-1')
    actor.arrive('/board/standard-work/run-1')
    expect(actor.current).toBe('Joe')
    actor.arrive('/board')
    expect(actor.current).toBe('')
  })

  it('never carries a name over a reload (the next person is asked)', () => {
    useActorStore().pick('Sam')
    setActivePinia(createPinia())
    expect(useActorStore().current).toBe('')
  })

  it('keeps no expiry: the picker never pops up mid-task because time passed', async () => {
    const actor = useActorStore()
    actor.pick('Sam')
    expect('tick' in actor).toBe(false)
    await expect(actor.whoIsDoingThis()).resolves.toBe('Sam')
  })

  it('offers recent names first, newest first, without repeats, across reloads', () => {
    const actor = useActorStore()
    actor.pick('Sam')
    actor.pick('Priya')
    actor.pick('sam ')
    setActivePinia(createPinia())
    expect(useActorStore().recent).toEqual(['sam', 'Priya'])
    for (let i = 0; i < RECENT_NAMES_KEPT + 3; i++) useActorStore().pick(`Person ${i}`)
    expect(useActorStore().recent).toHaveLength(RECENT_NAMES_KEPT)
  })

  it('asks when nobody is picked, and resolves with the picked name', async () => {
    const actor = useActorStore()
    const answer = actor.whoIsDoingThis()
    expect(actor.asking).toBe(true)
    actor.answerWho('Priya')
    await expect(answer).resolves.toBe('Priya')
    expect(actor.asking).toBe(false)
  })

  it('resolves null when the person cancels', async () => {
    const actor = useActorStore()
    const answer = actor.whoIsDoingThis()
    actor.answerWho(null)
    await expect(answer).resolves.toBeNull()
    expect(actor.current).toBe('')
  })
})
