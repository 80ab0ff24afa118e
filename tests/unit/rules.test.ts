import { describe, expect, it } from 'vitest'
import { sortActions, urgencyOf } from '@/domain/actions'
import { buildDemoTrust } from '@/domain/demo'
import { diffRecords } from '@/domain/history'
import { orderBetween, orderForMove } from '@/domain/ordering'
import { parsePeople, validateSetup } from '@/domain/setup'
import { statusOf } from '@/domain/status'
import { validateEntry } from '@/domain/validation'

const today = '2026-11-26'

describe('action urgency', () => {
  it.each([
    [{ status: 'open', dueDay: '2026-11-25' }, 'overdue'],
    [{ status: 'open', dueDay: today }, 'due-today'],
    [{ status: 'open', dueDay: '2026-11-27' }, 'upcoming'],
    [{ status: 'open', dueDay: null }, 'no-date'],
    [{ status: 'done', dueDay: '2026-11-01' }, 'closed'],
    [{ status: 'cancelled', dueDay: null }, 'closed'],
  ] as const)('%j is %s', (action, urgency) => {
    expect(urgencyOf(action, today)).toBe(urgency)
  })

  it('sorts overdue (oldest first), due today, upcoming, undated, closed', () => {
    const a = (title: string, status: 'open' | 'done', dueDay: string | null) => ({
      title,
      status,
      dueDay,
      createdAt: '2026-11-01T00:00:00Z',
    })
    const sorted = sortActions(
      [
        a('done', 'done', '2026-11-01'),
        a('undated', 'open', null),
        a('later', 'open', '2026-12-01'),
        a('today', 'open', today),
        a('late2', 'open', '2026-11-20'),
        a('late1', 'open', '2026-11-10'),
      ],
      today,
    )
    expect(sorted.map((x) => x.title)).toEqual(['late1', 'late2', 'today', 'later', 'undated', 'done'])
  })
})

describe('fractional ordering', () => {
  it.each([
    [undefined, undefined, 1],
    [undefined, 1, 0],
    [3, undefined, 4],
    [1, 2, 1.5],
  ])('between %j and %j is %j', (a, b, order) => {
    expect(orderBetween(a, b)).toBe(order)
  })

  it('moving an item down puts it between its new neighbours', () => {
    const list = [{ order: 1 }, { order: 2 }, { order: 3 }]
    expect(orderForMove(list, 0, 1)).toBe(2.5)
    expect(orderForMove(list, 2, 0)).toBe(0)
    expect(orderForMove(list, 1, 2)).toBe(4)
  })
})

describe('diffRecords', () => {
  it('lists changed fields only, never bookkeeping', () => {
    const before = { id: 'a', unitId: 'u', title: 'Fix', owner: 'Sam', updatedAt: '1', conceptIds: ['flow'] }
    const after = { id: 'a', unitId: 'u', title: 'Fix door', owner: 'Sam', updatedAt: '2', conceptIds: ['flow'] }
    expect(diffRecords(before, after)).toEqual([{ field: 'title', from: 'Fix', to: 'Fix door' }])
  })

  it('treats every field as new when there was no record', () => {
    expect(diffRecords(undefined, { id: 'a', title: 'Fix' })).toEqual([{ field: 'title', from: undefined, to: 'Fix' }])
  })
})

describe('first-run setup', () => {
  it('cleans the people list', () => {
    expect(parsePeople(' Sam  Okafor \n\nsam okafor\nPriya, Tom;Grace ')).toEqual([
      'Sam Okafor',
      'Priya',
      'Tom',
      'Grace',
    ])
  })

  it('asks for every name in plain English', () => {
    expect(
      validateSetup({
        trustName: '',
        csuName: '',
        unitName: '',
        unitKind: 'ward',
        boardName: '',
        people: '',
        yourName: '',
      }),
    ).toEqual({
      trustName: 'Enter the name of your trust',
      csuName: 'Enter the name of your clinical service unit (CSU)',
      unitName: 'Enter the name of your ward or department',
      boardName: 'Enter a name for the board',
      yourName: 'Enter your name',
    })
  })

  it('refuses a name longer than the limit', () => {
    const errors = validateSetup({
      trustName: 'T',
      csuName: 'C',
      unitName: 'U',
      unitKind: 'ward',
      boardName: 'B',
      people: 'x'.repeat(61),
      yourName: 'Me',
    })
    expect(errors.people).toMatch(/60 characters or fewer/)
  })
})

describe('the demo trust', () => {
  const demo = buildDemoTrust(today)

  it('has one CSU with two wards, each with a board and measures in every default category', () => {
    expect(demo.units.map((u) => u.csuId)).toEqual([demo.csu.id, demo.csu.id])
    expect(demo.boards).toHaveLength(2)
    for (const board of demo.boards) {
      const categories = new Set(demo.measures.filter((m) => m.boardId === board.id).map((m) => m.categoryId))
      expect([...categories].sort()).toEqual(['cost', 'flow', 'people', 'quality', 'safety'])
    }
  })

  it('holds only valid values, none for today or later, and a mix of statuses', () => {
    const measures = new Map(demo.measures.map((m) => [m.id, m]))
    const statuses = new Set<string>()
    for (const entry of demo.entries) {
      const measure = measures.get(entry.measureId)!
      expect(validateEntry(measure, entry.day, entry.value, today)).toBeUndefined()
      expect(entry.day < today).toBe(true)
      statuses.add(statusOf(measure, entry.value))
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['green', 'amber', 'red']))
  })

  it('has overdue and done actions, and huddles on most days', () => {
    expect(demo.actions.some((a) => a.status === 'open' && a.dueDay !== null && a.dueDay < today)).toBe(true)
    expect(demo.actions.some((a) => a.status === 'done')).toBe(true)
    expect(demo.huddles.length).toBeGreaterThan(2 * 42 * 0.7)
  })

  it('is the same every time for the same day', () => {
    expect(buildDemoTrust(today)).toEqual(demo)
  })
})
