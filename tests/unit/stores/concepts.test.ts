import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { deleteRecord, saveRecord } from '@/db/repo'
import { exampleLabel } from '@/domain/conceptExamples'
import { entryId } from '@/domain/ids'
import { addDays } from '@/domain/dates'
import type { Action, DayEntry, Idea, Measure, Unit } from '@/domain/types'
import { useConceptsStore } from '@/stores/concepts'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

const at = (day: string, time = '10:00') => `${day}T${time}:00.000Z`
const meta = (id: string, unitId: string, created: string, updated = created) => ({
  id,
  unitId,
  createdAt: created,
  updatedAt: updated,
  updatedBy: 'Seed',
})
const unit = (id: string, name: string): Unit => ({
  ...meta(id, id, at('2026-01-01')),
  csuId: 'csu',
  name,
  kind: 'ward',
  people: [],
})

function measure(
  id: string,
  unitId: string,
  name: string,
  conceptIds: string[],
  created: string,
  extra: Partial<Measure> = {},
): Measure {
  return {
    ...meta(id, unitId, created, extra.updatedAt ?? created),
    boardId: `board-${unitId}`,
    categoryId: 'safety',
    name,
    type: 'count',
    unit: '',
    direction: 'lower',
    target: null,
    thresholds: null,
    description: '',
    conceptIds,
    order: 1,
    archived: false,
    ...extra,
  }
}

function entry(m: Measure, day: string, comment: string): DayEntry {
  return {
    ...meta(entryId(m.id, day), m.unitId, at(day, '18:00')),
    measureId: m.id,
    boardId: m.boardId,
    day,
    value: 1,
    comment,
  }
}

function action(
  id: string,
  unitId: string,
  title: string,
  conceptIds: string[],
  created: string,
  status: Action['status'] = 'open',
  closedAt: string | null = null,
): Action {
  return {
    ...meta(id, unitId, created, closedAt ?? created),
    boardId: `board-${unitId}`,
    title,
    owner: 'Sam',
    dueDay: null,
    status,
    measureId: null,
    measureDay: null,
    conceptIds,
    closedAt,
  }
}

/** Two wards that both practise 5S, with everything that should NOT count alongside. */
async function seedTwoWards() {
  const sluice = measure('m7', 'u7', 'Sluice room in order', ['five-s', 'visual-management'], at('2026-10-01'))
  const cupboard = measure('m12', 'u12', 'Dressings cupboard labelled', ['five-s'], at('2026-09-01'), {
    archived: true,
    updatedAt: at('2026-11-05'),
  })
  const falls = measure('m7-falls', 'u7', 'Falls', ['root-cause'], at('2026-09-01'))
  await db.units.bulkPut([unit('u7', 'Ward 7'), unit('u12', 'Ward 12')])
  await db.measures.bulkPut([sluice, cupboard, falls])
  await db.entries.bulkPut([
    entry(sluice, '2026-11-20', 'Sorted the sluice room with the HCAs'),
    entry(sluice, '2026-11-21', ''), // a bare value: not an example
    entry(sluice, '2026-11-22', '   '), // only spaces: not an example
    entry(falls, '2026-11-23', 'Bay 3 at night'), // a measure not linked to 5S
    entry(cupboard, '2026-11-01', 'Every shelf has a label now'),
  ])
  await db.actions.bulkPut([
    action('a7', 'u7', 'Re-stock pressure cushions', ['five-s'], at('2026-11-02'), 'done', at('2026-11-12')),
    action('a12', 'u12', 'Mark homes for the obs machines', ['five-s', 'visual-management'], at('2026-11-15')),
    action('a12-cancelled', 'u12', 'Buy new shelving', ['five-s'], at('2026-11-18'), 'cancelled', at('2026-11-19')),
    action('a7-other', 'u7', 'Chase estates', ['root-cause'], at('2026-11-24')),
  ])
}

describe('useConceptsStore', () => {
  it('lists the examples from both wards, what worked first, then newest, each labelled with its unit', async () => {
    await seedTwoWards()
    const store = useConceptsStore()
    await store.loadExamples('five-s')
    expect(store.loading).toBe(false)
    expect(store.error).toBe('')
    expect(store.conceptId).toBe('five-s')
    expect(store.examples.map(exampleLabel)).toEqual([
      'Ward 7 · action · Re-stock pressure cushions · done 12/11/2026',
      'Ward 7 · day note · Sluice room in order: \u201cSorted the sluice room with the HCAs\u201d · 20/11/2026',
      'Ward 12 · action · Mark homes for the obs machines · open, raised 15/11/2026',
      'Ward 12 · day note · Dressings cupboard labelled: \u201cEvery shelf has a label now\u201d · 01/11/2026',
      'Ward 7 · measure · Sluice room in order · on the board since 01/10/2026',
      'Ward 12 · measure · Dressings cupboard labelled · archived 05/11/2026',
    ])
    expect(store.examples.map((e) => [e.kind, e.place, e.boardId])).toEqual([
      ['action', 'actions', 'board-u7'],
      ['day-note', 'board', 'board-u7'],
      ['action', 'actions', 'board-u12'],
      ['day-note', 'board', 'board-u12'],
      ['measure', 'measures', 'board-u7'],
      ['measure', 'measures', 'board-u12'],
    ])
  })

  it('finds items linked to several concepts under each of them', async () => {
    await seedTwoWards()
    const store = useConceptsStore()
    await store.loadExamples('visual-management')
    expect(store.examples.map((e) => e.key)).toEqual(['day-note:m7:2026-11-20', 'action:a12', 'measure:m7'])
  })

  it('drops an item once it is deleted, and shows nothing for a concept no item links to', async () => {
    await seedTwoWards()
    await saveRecord<Action>(
      'actions',
      action('a7-new', 'u7', 'Red-tag the broken commode', ['five-s'], at('2026-11-25')),
      'Sam',
    )
    const store = useConceptsStore()
    await store.loadExamples('five-s')
    expect(store.examples[1]?.title).toBe('Red-tag the broken commode') // newest after the done action
    await deleteRecord('actions', 'a7-new', 'Sam')
    await store.loadExamples('five-s')
    expect(store.examples.map((e) => e.title)).not.toContain('Red-tag the broken commode')
    expect(store.examples).toHaveLength(6)
    await store.loadExamples('takt-time')
    expect(store.examples).toEqual([])
  })

  it('names a unit this tablet no longer holds in plain words', async () => {
    await db.measures.put(measure('m-gone', 'u-gone', 'Safety brief held', ['daily-management'], at('2026-11-01')))
    const store = useConceptsStore()
    await store.loadExamples('daily-management')
    expect(store.examples.map(exampleLabel)).toEqual([
      'Another unit · measure · Safety brief held · on the board since 01/11/2026',
    ])
  })

  it('finds the demo trust\u2019s 5S action on both wards', async () => {
    const { useOrgStore } = await import('@/stores/org')
    await useOrgStore().loadDemo('2026-11-26')
    const store = useConceptsStore()
    await store.loadExamples('five-s')
    expect(store.examples.map((e) => `${e.unitName} · ${e.title}`)).toEqual(
      expect.arrayContaining([
        'Ward 7 – Elderly care · Move the observation machines back to their marked bays',
        'Ward 12 – Respiratory · Move the observation machines back to their marked bays',
      ]),
    )
  })

  it('prints each idea in the portfolio with its measure before and after, as its own A3 shows it', async () => {
    const falls = measure('m7-falls', 'u7', 'Falls', ['root-cause'], at('2026-08-01'), { unit: 'falls' })
    await db.units.bulkPut([unit('u7', 'Ward 7')])
    await db.measures.bulkPut([falls])
    const day = (i: number) => addDays('2026-10-01', i)
    // Four weeks of 3 falls a day before the change on 01/10/2026, then 1 a day.
    await db.entries.bulkPut(
      Array.from({ length: 56 }, (_, i) => ({
        ...entry(falls, day(i - 28), ''),
        value: i < 28 ? 3 : 1,
      })),
    )
    const idea = (id: string, measureId: string | null): Idea => ({
      ...meta(id, 'u7', at('2026-09-01')),
      boardId: 'board-u7',
      problem: `Problem ${id}`,
      idea: 'Low beds in bay 3',
      benefit: '',
      wastes: [],
      raisedBy: 'Priya Shah',
      status: 'implemented',
      statusChangedAt: at('2026-10-01', '09:00'),
      notProgressedReason: '',
      implementedAt: at('2026-10-01', '09:00'),
      owner: 'Priya Shah',
      sponsor: '',
      effort: null,
      impact: null,
      measureId,
      conceptIds: [],
    })
    await db.ideas.bulkPut([idea('i-measured', falls.id), idea('i-unmeasured', null)])

    const store = useConceptsStore()
    await store.loadPortfolio('Priya Shah')

    const byId = new Map(store.portfolioIdeas.map((p) => [p.idea.id, p.evidence]))
    expect(byId.get('i-measured')?.measure).toEqual({ name: 'Falls', unit: 'falls' })
    expect(byId.get('i-measured')?.changeSource).toBe('the day it was implemented')
    expect(byId.get('i-measured')?.comparison?.before).toMatchObject({ recorded: 28, mean: 3 })
    expect(byId.get('i-measured')?.comparison?.after).toMatchObject({ recorded: 28, mean: 1 })
    expect(byId.get('i-unmeasured')).toEqual({ measure: null, comparison: null, changeSource: '', sustained: null })
    // Eight weeks of values: too little history to call it sustained, and it says so.
    expect(byId.get('i-measured')?.sustained?.verdict).toBe('cannot-judge')
    expect(store.portfolio?.items.find((i) => i.recordId === 'i-measured')?.role).toBe('raised and own')
  })
})
