import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STUCK_DAYS,
  IDEA_STATUSES,
  IDEA_TEXT_MAX,
  ageText,
  daysInStatus,
  ideasByStatus,
  isStuck,
  moveFields,
  newIdeaFields,
  newSince,
  normaliseWastes,
  parseStuckDays,
  raisedByText,
  stuckIdeas,
  stuckLimits,
  stuckText,
  textLength,
  validateIdea,
  validateMove,
  validatePerson,
} from '@/domain/ideas'
import { historyText } from '@/domain/changeText'
import { SYNCED_TABLES, fieldKind } from '@/shared/sync/tables'
import { addDays } from '@/domain/dates'
import { WASTES, isWasteId, wasteById } from '@/domain/wastes'
import type { IdeaStatus } from '@/domain/types'

const limits = stuckLimits()

describe('validateIdea', () => {
  const ok = { problem: 'We walk to the far store room for dressings', idea: 'Keep a small stock in each bay' }

  it.each([
    ['a complete idea', ok, {}],
    ['an empty problem', { ...ok, problem: '' }, { problem: 'Enter what the problem is' }],
    ['a problem of spaces only', { ...ok, problem: '   \n ' }, { problem: 'Enter what the problem is' }],
    ['an empty idea', { ...ok, idea: '' }, { idea: 'Enter your idea' }],
    ['both empty', { problem: '', idea: ' ' }, { problem: 'Enter what the problem is', idea: 'Enter your idea' }],
    ['a problem of exactly 2,000 characters', { ...ok, problem: 'a'.repeat(IDEA_TEXT_MAX) }, {}],
    [
      'a 10,000-character idea',
      { ...ok, idea: 'b'.repeat(10_000) },
      { idea: 'Your idea must be 2,000 characters or fewer (it has 10,000)' },
    ],
    [
      'a 2,001-character benefit',
      { ...ok, benefit: 'c'.repeat(2001) },
      { benefit: 'The expected benefit must be 2,000 characters or fewer (it has 2,001)' },
    ],
    ['2,000 emoji (each counts once)', { ...ok, idea: '💡'.repeat(2000) }, {}],
    ['right-to-left text', { ...ok, idea: 'ضع مخزونًا صغيرًا في كل جناح' }, {}],
    [
      'a 61-character name',
      { ...ok, raisedBy: 'n'.repeat(61) },
      { raisedBy: 'Your name must be 60 characters or fewer (it has 61)' },
    ],
    ['no name (anonymous)', { ...ok, raisedBy: '' }, {}],
  ])('%s', (_name, input, expected) => {
    expect(validateIdea(input)).toEqual(expected)
  })

  it('counts an emoji as one character', () => {
    expect(textLength('💡ok')).toBe(3)
  })
})

describe('newIdeaFields', () => {
  const now = new Date('2026-11-26T09:30:00Z')

  it('trims the text, starts in New and is anonymous when no name is given', () => {
    expect(newIdeaFields({ problem: '  Long walk  ', idea: ' Stock in bays ', raisedBy: '  ' }, now)).toMatchObject({
      problem: 'Long walk',
      idea: 'Stock in bays',
      benefit: '',
      raisedBy: null,
      status: 'new',
      statusChangedAt: now.toISOString(),
      notProgressedReason: '',
      implementedAt: null,
      owner: '',
      sponsor: '',
      effort: null,
      impact: null,
    })
  })

  it('keeps the name of whoever raised it', () => {
    expect(newIdeaFields({ problem: 'p', idea: 'i', raisedBy: ' Sam Okafor ' }, now).raisedBy).toBe('Sam Okafor')
  })

  it('keeps known wastes only, once each, in chip order', () => {
    expect(normaliseWastes(['motion', 'nonsense', 'defects', 'motion'])).toEqual(['defects', 'motion'])
  })
})

describe('the 8 wastes', () => {
  it('lists all eight, each with a plain-English ward hint', () => {
    expect(WASTES.map((w) => w.name)).toEqual([
      'Defects',
      'Overproduction',
      'Waiting',
      'Unused talent',
      'Transport',
      'Inventory',
      'Motion',
      'Extra processing',
    ])
    expect(WASTES.every((w) => w.hint.length > 20)).toBe(true)
    expect(wasteById('unused-talent')?.name).toBe('Unused talent')
    expect(isWasteId('idle')).toBe(false)
  })
})

describe('moving an idea', () => {
  const every = IDEA_STATUSES.flatMap((from) => IDEA_STATUSES.map((to) => [from, to] as [IdeaStatus, IdeaStatus]))

  it.each(every.filter(([from, to]) => from !== to && to !== 'not-progressed'))(
    '%s → %s is allowed with no reason',
    (from, to) => {
      expect(validateMove(from, to)).toBeUndefined()
    },
  )

  it.each(IDEA_STATUSES.filter((s) => s !== 'not-progressed'))('%s → not-progressed needs a reason', (from) => {
    expect(validateMove(from, 'not-progressed')).toBe('Enter why this idea is not going ahead')
    expect(validateMove(from, 'not-progressed', '   ')).toBe('Enter why this idea is not going ahead')
    expect(validateMove(from, 'not-progressed', 'Estates said the wall cannot take a shelf')).toBeUndefined()
  })

  it.each(IDEA_STATUSES)('%s → itself is not a move', (status) => {
    expect(validateMove(status, status)).toMatch(/^This idea is already in /)
  })

  it('refuses a reason over 2,000 characters', () => {
    expect(validateMove('new', 'not-progressed', 'x'.repeat(2001))).toMatch(/2,000 characters or fewer/)
  })

  const now = new Date('2026-12-01T10:00:00Z')
  const earlier = '2026-11-20T10:00:00.000Z'

  it.each([
    [
      'into Not progressed: keeps the reason, trimmed',
      { status: 'review', implementedAt: null },
      'not-progressed',
      ' No budget ',
      { notProgressedReason: 'No budget', implementedAt: null },
    ],
    [
      'out of Not progressed: the reason goes',
      { status: 'not-progressed', implementedAt: null },
      'review',
      '',
      { notProgressedReason: '', implementedAt: null },
    ],
    [
      'into Implemented: stamps when',
      { status: 'testing', implementedAt: null },
      'implemented',
      '',
      { notProgressedReason: '', implementedAt: now.toISOString() },
    ],
    [
      'on to Sustained: keeps the first implemented date',
      { status: 'implemented', implementedAt: earlier },
      'sustained',
      '',
      { notProgressedReason: '', implementedAt: earlier },
    ],
    [
      'back to Testing: no longer implemented',
      { status: 'implemented', implementedAt: earlier },
      'testing',
      '',
      { notProgressedReason: '', implementedAt: null },
    ],
  ] as const)('%s', (_name, idea, to, reason, expected) => {
    expect(moveFields(idea, to, reason, now)).toEqual({ status: to, statusChangedAt: now.toISOString(), ...expected })
  })

  it.each([
    ['owner', 'Sam', undefined],
    ['sponsor', 's'.repeat(61), "The sponsor's name must be 60 characters or fewer (it has 61)"],
  ] as const)('checks the %s name', (label, name, expected) => {
    expect(validatePerson(label, name)).toBe(expected)
  })
})

describe('stuck ideas', () => {
  // Both London days: 00:30 BST on 1 April is still 31 March in UTC.
  it.each([
    ['moved today', '2026-11-26T08:00:00Z', '2026-11-26', 0],
    ['moved yesterday', '2026-11-25T23:59:00Z', '2026-11-26', 1],
    ['moved just after midnight BST (23:30 UTC the day before)', '2026-03-31T23:30:00Z', '2026-04-01', 0],
    ['across the clocks going forward', '2026-03-28T12:00:00Z', '2026-03-30', 2],
  ])('counts London days: %s', (_name, statusChangedAt, today, days) => {
    expect(daysInStatus({ statusChangedAt }, today)).toBe(days)
  })

  const today = '2026-11-30'
  const daysAgo = (days: number) => `${addDays(today, -days)}T12:00:00.000Z`

  it.each([
    ['New for 14 days (the limit)', 'new', 14, false],
    ['New for 15 days', 'new', 15, true],
    ['Under review for 30 days', 'review', 30, false],
    ['Under review for 31 days', 'review', 31, true],
    ['Testing for 31 days', 'testing', 31, true],
    ['Implemented for 91 days', 'implemented', 91, true],
    ['Sustained for 2 years', 'sustained', 730, false],
    ['Not progressed for 2 years', 'not-progressed', 730, false],
  ] as const)('%s → stuck %s', (_name, status, days, stuck) => {
    expect(isStuck({ status, statusChangedAt: daysAgo(days) }, limits, today)).toBe(stuck)
  })

  it('uses the board’s own limits, the default for any status it leaves out, and null for never', () => {
    const own = stuckLimits({ ideaStuckDays: { new: 3, testing: null } })
    expect(own).toEqual({ ...DEFAULT_STUCK_DAYS, new: 3, testing: null })
    expect(isStuck({ status: 'new', statusChangedAt: daysAgo(4) }, own, today)).toBe(true)
    expect(isStuck({ status: 'testing', statusChangedAt: daysAgo(400) }, own, today)).toBe(false)
  })

  it('lists stuck ideas longest-waiting first, and says why in words', () => {
    const ideas = [
      { id: 'a', status: 'new' as const, statusChangedAt: daysAgo(20) },
      { id: 'b', status: 'new' as const, statusChangedAt: daysAgo(2) },
      { id: 'c', status: 'review' as const, statusChangedAt: daysAgo(45) },
    ]
    expect(stuckIdeas(ideas, limits, today).map((i) => i.id)).toEqual(['c', 'a'])
    expect(stuckText(ideas[0]!, limits, today)).toBe('Stuck: 20 days in New (flagged after 14)')
  })

  it.each([
    ['', { days: null }],
    ['14', { days: 14 }],
    [' 7 ', { days: 7 }],
    ['0', { days: null, error: 'Enter a number of days from 1 to 365' }],
    ['366', { days: null, error: 'Enter a number of days from 1 to 365' }],
    ['2.5', { days: null, error: 'Enter a whole number of days, or leave it blank' }],
    ['two', { days: null, error: 'Enter a whole number of days, or leave it blank' }],
  ])('reads the limit %j', (text, expected) => {
    expect(parseStuckDays(text)).toEqual(expected)
  })
})

describe('showing ideas', () => {
  it.each([
    [0, 'since today'],
    [1, 'for 1 day'],
    [9, 'for 9 days'],
  ])('ageText(%i) = %s', (days, text) => {
    expect(ageText(days)).toBe(text)
  })

  it('names whoever raised it, or says Anonymous', () => {
    expect(raisedByText({ raisedBy: 'Priya' })).toBe('Priya')
    expect(raisedByText({ raisedBy: null })).toBe('Anonymous')
  })

  it('puts each idea in its column, longest in the status first', () => {
    const columns = ideasByStatus([
      { id: 'x', status: 'testing' as const, statusChangedAt: '2026-11-20T00:00:00Z' },
      { id: 'y', status: 'testing' as const, statusChangedAt: '2026-11-10T00:00:00Z' },
      { id: 'z', status: 'new' as const, statusChangedAt: '2026-11-25T00:00:00Z' },
    ])
    expect(columns.testing.map((i) => i.id)).toEqual(['y', 'x'])
    expect(columns.new.map((i) => i.id)).toEqual(['z'])
    expect(columns['not-progressed']).toEqual([])
  })

  it('finds ideas raised since the last huddle, newest first; with none, every idea still New', () => {
    const ideas = [
      { id: 'old', status: 'new' as const, createdAt: '2026-11-20T08:00:00Z' },
      { id: 'fresh', status: 'review' as const, createdAt: '2026-11-26T07:00:00Z' },
      { id: 'fresher', status: 'new' as const, createdAt: '2026-11-26T08:00:00Z' },
      { id: 'done', status: 'sustained' as const, createdAt: '2026-01-01T08:00:00Z' },
    ]
    expect(newSince(ideas, '2026-11-25T09:00:00Z').map((i) => i.id)).toEqual(['fresher', 'fresh'])
    expect(newSince(ideas, null).map((i) => i.id)).toEqual(['fresher', 'old'])
  })
})

describe('an idea in its history', () => {
  it.each([
    [
      [
        { field: 'status', from: 'new', to: 'testing' },
        { field: 'statusChangedAt', from: '2026-11-01T08:00:00Z', to: '2026-11-26T08:00:00Z' },
      ],
      'Sam changed status from New to Testing (PDSA)',
    ],
    [
      [
        { field: 'status', from: 'review', to: 'not-progressed' },
        { field: 'notProgressedReason', from: '', to: 'No budget this year' },
      ],
      'Sam changed status from Under review to Not progressed and set reason not progressed to “No budget this year”',
    ],
    [[{ field: 'wastes', from: [], to: ['motion', 'unused-talent'] }], 'Sam set wastes to Motion, Unused talent'],
    [[{ field: 'sponsor', from: '', to: 'Matron Hughes' }], 'Sam set sponsor to Matron Hughes'],
  ])('reads in plain English (%#)', (changes, text) => {
    expect(historyText({ kind: 'updated', by: 'Sam', changes })).toBe(text)
  })
})

describe('ideas sync like every other table', () => {
  it.each([
    ['problem', 'text'],
    ['idea', 'text'],
    ['benefit', 'text'],
    ['notProgressedReason', 'text'],
    ['status', 'value'],
    ['owner', 'value'],
    ['wastes', 'value'],
  ])('%s merges as %s', (field, kind) => {
    expect(fieldKind(SYNCED_TABLES, 'ideas', field)).toBe(kind)
  })
})
