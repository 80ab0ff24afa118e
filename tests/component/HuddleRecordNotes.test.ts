// The huddle record read back: its notes in the history, and its plan at the next day's huddle.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import RecentHuddles from '@/components/huddle/RecentHuddles.vue'
import StepContent from '@/components/huddle/StepContent.vue'
import type { AgendaItem, HuddleRecord } from '@/domain/types'
import { db, resetDatabase } from '@/db/db'
import { useHuddleStore } from '@/stores/huddle'

enableAutoUnmount(afterEach)

const yesterday: HuddleRecord = {
  id: 'h1',
  unitId: 'u',
  boardId: 'b',
  day: '2026-12-06',
  startedAt: '2026-12-06T07:30:00.000Z',
  endedAt: '2026-12-06T07:44:00.000Z',
  durationSeconds: 840,
  attendance: 7,
  facilitator: 'Sam Okafor',
  notes:
    "Bay 4 short of a hoist\n\nToday's plan: Two discharges before 11\n\nRecognition: Thanks to Tom for the night cover",
  sections: [
    { kind: 'plan', title: "Today's plan", text: 'Two discharges before 11' },
    { kind: 'recognition', title: 'Recognition', text: 'Thanks to Tom for the night cover' },
  ],
  timings: [],
  createdAt: '',
  updatedAt: '',
  updatedBy: 'Sam Okafor',
}

let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  sessionStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

describe('the huddle record', () => {
  it('shows each huddle’s plan, recognition and other notes in the history, with a way to print them', () => {
    const w = mount(RecentHuddles, {
      props: { records: [yesterday], today: '2026-12-07' },
      global: { plugins: [pinia] },
    })
    const notes = w.get('[data-testid="huddle-record-notes"]')
    expect(notes.text()).toContain('06/12/2026')
    expect(notes.findAll('dt').map((d) => d.text())).toEqual(["Today's plan", 'Recognition', 'Other notes'])
    expect(notes.findAll('dd').map((d) => d.text())).toEqual([
      'Two discharges before 11',
      'Thanks to Tom for the night cover',
      'Bay 4 short of a hoist',
    ])
    expect(w.findAll('button').map((b) => b.text())).toContain('Print huddle notes')
  })

  it("reads yesterday's plan back on the next day's plan step", async () => {
    // The store reads recent huddles live from IndexedDB, as a pull or a save there leaves them.
    await resetDatabase()
    await db.huddles.put(yesterday)
    await useHuddleStore(pinia).loadRecent(yesterday.boardId, '2026-12-07')
    const plan: AgendaItem = { id: 'p', title: "Today's plan", kind: 'plan', seconds: 180 } as AgendaItem
    const w = mount(StepContent, { props: { item: plan, today: '2026-12-07' }, global: { plugins: [pinia] } })
    const shown = w.get('[data-testid="yesterdays-plan"]')
    expect(shown.get('h2').text()).toBe("Yesterday's plan (06/12/2026)")
    expect(shown.get('p').text()).toBe('Two discharges before 11')
  })
})
