import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { useHuddleMayRun } from '@/composables/useHuddleMayRun'
import { resetDatabase } from '@/db/db'
import { useHuddleStore } from '@/stores/huddle'
import { RUNNING_HUDDLE_KEY } from '@/stores/runningHuddleKey'

describe('whether a huddle may be running (App.vue loads the huddle banner only then)', () => {
  beforeEach(async () => {
    await resetDatabase()
    sessionStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => sessionStorage.clear())

  it('is false on a fresh start, and true once the huddle store is in use', async () => {
    const mayRun = useHuddleMayRun()
    expect(mayRun.value).toBe(false)
    useHuddleStore()
    await nextTick()
    expect(mayRun.value).toBe(true)
  })

  it('is true at once when a huddle was kept in this tab before a reload', () => {
    sessionStorage.setItem(RUNNING_HUDDLE_KEY, '{}')
    expect(useHuddleMayRun().value).toBe(true)
  })
})
