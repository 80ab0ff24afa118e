// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_AGENDA } from '@/domain/defaults'
import type { Board, HuddleRecord } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { HuddleEndError, RUNNING_HUDDLE_KEY, useHuddleStore } from '@/stores/huddle'

const BOARD: Pick<Board, 'id' | 'unitId' | 'agenda' | 'huddleMinutes'> = {
  id: 'board-1',
  unitId: 'unit-1',
  agenda: DEFAULT_AGENDA,
  huddleMinutes: 15,
}
// 00:30 BST on Sunday 25/10/2026 (23:30 UTC the evening before): a London day of 25/10.
const T0 = Date.parse('2026-10-24T23:30:00Z')
const s = (seconds: number) => T0 + seconds * 1000

beforeEach(async () => {
  await resetDatabase()
  sessionStorage.clear()
  setActivePinia(createPinia())
})

function started() {
  const huddle = useHuddleStore()
  huddle.start(BOARD, T0)
  return huddle
}

describe('useHuddleStore', () => {
  it('starts on the first agenda item with nobody counted yet', () => {
    const huddle = started()
    expect(huddle.running).toMatchObject({ boardId: 'board-1', startedAt: T0, currentIndex: 0, totalSeconds: 900 })
    expect(huddle.attendance).toBe(0)
    expect(huddle.unitId).toBe('unit-1')
  })

  it('will not start a huddle with no agenda', () => {
    expect(() => useHuddleStore().start({ ...BOARD, agenda: [] }, T0)).toThrow(InputError)
    expect(useHuddleStore().running).toBeNull()
  })

  it.each([
    [{ attendance: 0, facilitator: 'Sam' }, { attendance: 'Enter how many people were at the huddle (at least 1)' }],
    [
      { attendance: 201, facilitator: 'Sam' },
      { attendance: 'The number of people at the huddle must be 200 or fewer' },
    ],
    [{ attendance: 8, facilitator: '' }, { facilitator: 'Enter who facilitated the huddle' }],
  ])('refuses to end with %j and saves nothing', async (details, errors) => {
    const huddle = started()
    Object.assign(huddle, details)
    const failure = await huddle.end('Sam', s(600)).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(HuddleEndError)
    expect((failure as HuddleEndError).errors).toEqual(errors)
    expect(huddle.running).not.toBeNull()
    expect(await db.huddles.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('counts every notes step towards the notes limit', async () => {
    const huddle = started()
    huddle.attendance = 5
    huddle.facilitator = 'Sam'
    huddle.notes = 'x'.repeat(3000)
    huddle.stepNotes = { plan: 'y'.repeat(1000) }
    const failure = (await huddle.end('Sam', s(60)).catch((error: unknown) => error)) as HuddleEndError
    expect(failure.errors.notes).toMatch(/^The notes must be 4000 characters or fewer/)
  })

  it('saves the huddle record with an outbox row, then clears the running huddle', async () => {
    const huddle = started()
    huddle.next(s(200))
    huddle.next(s(330))
    huddle.previous(s(400))
    huddle.attendance = 8
    huddle.facilitator = '  Priya Natarajan '
    huddle.notes = 'Fire drill at 2pm'
    huddle.stepNotes = { plan: 'Two discharges before noon', ideas: 'Label the sluice cupboards' }

    const saved = await huddle.end('Sam Okafor', s(750))

    const stored = (await db.huddles.get(saved.id)) as HuddleRecord
    expect(stored).toMatchObject({
      unitId: 'unit-1',
      boardId: 'board-1',
      day: '2026-10-25',
      startedAt: '2026-10-24T23:30:00.000Z',
      endedAt: '2026-10-24T23:42:30.000Z',
      durationSeconds: 750,
      attendance: 8,
      facilitator: 'Priya Natarajan',
      updatedBy: 'Sam Okafor',
      notes: "Fire drill at 2pm\n\nToday's plan: Two discharges before noon\n\nIdeas: Label the sluice cupboards",
    })
    expect(stored.timings.map((t) => [t.agendaItemId, t.seconds, t.timeBoxSeconds])).toEqual([
      ['safety', 200, 180],
      ['yesterday', 480, 180],
      ['plan', 70, 180],
      ['actions', 0, 150],
      ['answers', 0, 60],
      ['ideas', 0, 90],
      ['recognition', 0, 60],
    ])
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ table: 'huddles', recordId: saved.id, unitId: 'unit-1', by: 'Sam Okafor' })
    expect(outbox[0]!.fields).toMatchObject({ attendance: 8, durationSeconds: 750 })

    expect(huddle.running).toBeNull()
    expect(huddle.attendance).toBe(0)
    expect(huddle.notes).toBe('')
    expect(huddle.lastSaved?.id).toBe(saved.id)
    expect(huddle.recent[0]?.id).toBe(saved.id)
    expect(sessionStorage.getItem(RUNNING_HUDDLE_KEY)).toBeNull()
  })

  it('resumes exactly where it was after a reload, notes and all', async () => {
    const huddle = started()
    huddle.next(s(190))
    huddle.attendance = 6
    huddle.facilitator = 'Grace Mensah'
    huddle.stepNotes = { ...huddle.stepNotes, plan: 'Bed 4 going to theatre' }
    huddle.notes = 'Half-typed note'
    await nextTick()
    const before = JSON.parse(JSON.stringify(huddle.running)) as unknown

    // A reload: a new Pinia (new store instance) reading the same sessionStorage.
    setActivePinia(createPinia())
    const resumed = useHuddleStore()
    expect(resumed).not.toBe(huddle)
    expect(resumed.running).toEqual(before)
    expect(resumed.running?.currentIndex).toBe(1)
    expect(resumed.attendance).toBe(6)
    expect(resumed.facilitator).toBe('Grace Mensah')
    expect(resumed.stepNotes).toEqual({ plan: 'Bed 4 going to theatre' })
    expect(resumed.notes).toBe('Half-typed note')
    expect(resumed.unitId).toBe('unit-1')
  })

  it('saves every keystroke straight away, without waiting for a tick', () => {
    const huddle = started()
    huddle.notes = 'A'
    expect(JSON.parse(sessionStorage.getItem(RUNNING_HUDDLE_KEY)!).notes).toBe('A')
    huddle.stepNotes = { ideas: 'B' }
    expect(JSON.parse(sessionStorage.getItem(RUNNING_HUDDLE_KEY)!).stepNotes).toEqual({ ideas: 'B' })
  })

  it('ignores a corrupt saved huddle instead of failing', () => {
    sessionStorage.setItem(RUNNING_HUDDLE_KEY, '{"running": {"startedAt": "soon"}}')
    expect(useHuddleStore().running).toBeNull()
    sessionStorage.setItem(RUNNING_HUDDLE_KEY, 'not json')
    setActivePinia(createPinia())
    expect(useHuddleStore().running).toBeNull()
  })

  it('cancel() stops without saving and forgets the huddle', async () => {
    const huddle = started()
    huddle.notes = 'Not needed'
    huddle.cancel()
    expect(huddle.running).toBeNull()
    expect(sessionStorage.getItem(RUNNING_HUDDLE_KEY)).toBeNull()
    expect(await db.huddles.count()).toBe(0)
  })

  it('lists the board’s huddles from the last 28 days, newest first', async () => {
    const record = (id: string, boardId: string, day: string): HuddleRecord => ({
      id,
      unitId: 'unit-1',
      boardId,
      day,
      startedAt: `${day}T08:00:00.000Z`,
      endedAt: `${day}T08:12:00.000Z`,
      durationSeconds: 720,
      attendance: 7,
      facilitator: 'Sam',
      notes: '',
      timings: [],
      createdAt: '',
      updatedAt: '',
      updatedBy: 'Sam',
    })
    await db.huddles.bulkPut([
      record('a', 'board-1', '2026-11-20'),
      record('b', 'board-1', '2026-11-26'),
      record('c', 'board-1', '2026-10-30'),
      record('d', 'board-1', '2026-10-29'),
      record('e', 'board-2', '2026-11-25'),
    ])
    const recent = await useHuddleStore().loadRecent('board-1', '2026-11-26')
    expect(recent.map((r) => r.id)).toEqual(['b', 'a', 'c'])
  })
})
