import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import MeasureTiles from '@/components/huddle/MeasureTiles.vue'
import { db, resetDatabase } from '@/db/db'
import { addDays, londonDay } from '@/domain/dates'
import { useActorStore } from '@/stores/actor'
import { useReviewDayStore } from '@/stores/reviewDay'
import { makeEntry, makeMeasure, seedBoard } from './boardFixture'
import { buttonNamed } from '../helpers/dom'

const today = londonDay()
const yesterday = addDays(today, -1)
const harmFree = makeMeasure({ id: 'm-harm', name: 'Harm-free day', type: 'yesno', goodAnswer: 'yes' })
const falls = makeMeasure({ id: 'm-falls', name: 'Falls', type: 'count', unit: 'falls', direction: 'lower' })

enableAutoUnmount(afterEach)

describe('measure tiles in the running huddle', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(async () => {
    await resetDatabase()
    localStorage.clear()
    pinia = createPinia()
    setActivePinia(pinia)
  })

  const mountTiles = () =>
    mount(MeasureTiles, {
      props: { measures: [harmFree, falls], emptyText: 'None' },
      global: { plugins: [pinia] },
      attachTo: document.body,
    })

  it('says which day it reviews in words, and records that day from the tile', async () => {
    await seedBoard(pinia, [harmFree, falls], [makeEntry(falls, yesterday, 2)])
    useActorStore(pinia).pick('Test Nurse')
    const tiles = mountTiles()
    expect(tiles.text()).toContain(`Reviewing yesterday`)
    expect(tiles.text()).toContain('tap a measure to record or correct it')

    await buttonNamed(tiles, 'Yes').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-harm:${yesterday}`))?.value).toBe(true))

    await buttonNamed(tiles, 'Record Falls').trigger('click')
    await flushPromises()
    await buttonNamed(tiles, '3').trigger('click')
    await buttonNamed(tiles, 'Save').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-falls:${yesterday}`))?.value).toBe(3))
    expect(await db.entries.get(`m-falls:${today}`)).toBeUndefined()
  })

  it('reviews and records today when the ward chose today', async () => {
    await seedBoard(pinia, [harmFree])
    useActorStore(pinia).pick('Test Nurse')
    useReviewDayStore(pinia).choose('today')
    const tiles = mountTiles()
    expect(tiles.text()).toContain('Reviewing today so far')
    await buttonNamed(tiles, 'No').trigger('click')
    await vi.waitFor(async () => expect((await db.entries.get(`m-harm:${today}`))?.value).toBe(false))
    // Chosen once: a new Pinia (a reload) keeps the choice.
    expect(useReviewDayStore(createPinia()).choice).toBe('today')
  })
})
