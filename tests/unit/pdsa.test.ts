import { describe, expect, it } from 'vitest'
import {
  emptyPdsaInput,
  firstStartDay,
  nextCycleNumber,
  pdsaFields,
  pdsaStage,
  sortCycles,
  validatePdsa,
  type PdsaInput,
} from '@/domain/pdsa'

const today = '2026-11-26'
const input = (fields: Partial<PdsaInput>): PdsaInput => ({
  ...emptyPdsaInput(),
  change: 'Dressings box in bay 1',
  ...fields,
})

describe('validatePdsa', () => {
  it.each<[string, Partial<PdsaInput>, Record<string, string>]>([
    ['a plan alone is enough', {}, {}],
    [
      'a full cycle',
      {
        prediction: 'Fewer trips',
        measurePlan: 'Trips a shift',
        whatHappened: 'Used all week',
        study: 'Trips halved',
        decision: 'adopt',
        startDay: '2026-11-01',
        endDay: '2026-11-07',
      },
      {},
    ],
    ['no change', { change: '   ' }, { change: 'Enter the change you will test' }],
    [
      'a decision before the study',
      { decision: 'adopt' },
      { decision: 'Write the result against the prediction (Study) before deciding what to do' },
    ],
    [
      'end before start',
      { startDay: '2026-11-10', endDay: '2026-11-09' },
      { endDay: 'The end date must be the same as or after the start date' },
    ],
    ['same start and end day', { startDay: '2026-11-10', endDay: '2026-11-10' }, {}],
    ['an end without a start', { endDay: '2026-11-09' }, { endDay: 'Enter the start date as well as the end date' }],
    [
      'an end in the future',
      { startDay: '2026-11-20', endDay: '2026-11-27' },
      { endDay: 'The end date cannot be in the future: leave it blank while the test runs' },
    ],
    ['a planned start in the future', { startDay: '2026-12-01' }, {}],
    ['not a day', { startDay: '2026-02-30' }, { startDay: 'Enter a real start date, or leave it blank' }],
  ])('%s', (_, fields, errors) => {
    expect(validatePdsa(input(fields), today)).toEqual(errors)
  })

  it('counts emoji as one character and refuses 10,000 characters, naming the field', () => {
    expect(validatePdsa(input({ study: '🙂'.repeat(2000) }), today)).toEqual({})
    expect(validatePdsa(input({ whatHappened: 'x'.repeat(10_000) }), today)).toEqual({
      whatHappened: 'What happened must be 2,000 characters or fewer (it has 10,000)',
    })
  })
})

describe('cycles', () => {
  it('trims text, stores blank days as null and each concept once', () => {
    expect(pdsaFields(input({ change: '  Box  ', startDay: '', conceptIds: ['pdsa', 'pdsa'] }))).toMatchObject({
      change: 'Box',
      startDay: null,
      endDay: null,
      conceptIds: ['pdsa'],
    })
  })

  it('numbers the next cycle after the highest, even with gaps', () => {
    expect(nextCycleNumber([])).toBe(1)
    expect(nextCycleNumber([{ number: 1 }, { number: 3 }])).toBe(4)
  })

  it('sorts by number, then by when added (two tablets picking the same number)', () => {
    const sorted = sortCycles([
      { number: 2, createdAt: '2026-11-02', id: 'b' },
      { number: 1, createdAt: '2026-11-03', id: 'c' },
      { number: 1, createdAt: '2026-11-01', id: 'a' },
    ])
    expect(sorted.map((c) => c.id)).toEqual(['a', 'c', 'b'])
  })

  it.each([
    [{ whatHappened: '', study: '', decision: null }, 'do'],
    [{ whatHappened: 'Tried it', study: '', decision: null }, 'study'],
    [{ whatHappened: 'Tried it', study: 'Halved', decision: null }, 'act'],
    [{ whatHappened: '', study: 'Halved', decision: 'adapt' as const }, 'done'],
  ])('stage of %o is %s', (cycle, stage) => {
    expect(pdsaStage(cycle)).toBe(stage)
  })

  it('finds the first start day of any cycle', () => {
    expect(firstStartDay([{ startDay: null }, { startDay: '2026-11-09' }, { startDay: '2026-11-02' }])).toBe(
      '2026-11-02',
    )
    expect(firstStartDay([{ startDay: null }])).toBeNull()
  })
})
