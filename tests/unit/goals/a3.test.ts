import { describe, expect, it } from 'vitest'
import { A3_SECTIONS, a3DraftOf, a3VersionText, validateA3, type A3Draft } from '@/domain/goals'

const blank = a3DraftOf(undefined)
const typed = (over: Partial<A3Draft>): A3Draft => ({ ...blank, ...over })

describe('a goal’s A3', () => {
  it('has the seven boxes of the method, in order', () => {
    expect(A3_SECTIONS.map((s) => s.title)).toEqual([
      'Background',
      'Current condition',
      'Target condition',
      'Analysis and root cause',
      'Countermeasures',
      'Plan',
      'Follow-up',
    ])
  })

  it.each<[string, A3Draft, A3Draft, number, object]>([
    ['nothing changed: no new version', blank, blank, 2, { errors: {}, changes: { a3Version: 2 } }],
    [
      'changed boxes only, trimmed, and the next version',
      typed({ a3Background: ' Falls are our most common harm ', a3Plan: 'Cohort bay 2' }),
      typed({ a3Plan: 'Cohort bay 2' }),
      0,
      { errors: {}, changes: { a3Background: 'Falls are our most common harm', a3Version: 1 } },
    ],
    [
      'a box emptied counts as a change',
      typed({ a3Plan: '' }),
      typed({ a3Plan: 'Cohort bay 2' }),
      3,
      { errors: {}, changes: { a3Plan: '', a3Version: 4 } },
    ],
    [
      'a box over the limit says which and by how much',
      typed({ a3Analysis: 'x'.repeat(4001) }),
      blank,
      1,
      { errors: { a3Analysis: 'Analysis and root cause must be 4,000 characters or fewer (it has 4,001)' } },
    ],
  ])('%s', (_name, draft, shown, version, expected) => {
    expect(validateA3(draft, shown, version)).toEqual(expected)
  })

  it('says which version it is', () => {
    expect(a3VersionText({})).toBe('Not started')
    expect(a3VersionText({ a3Version: 3 })).toBe('Version 3')
  })
})
