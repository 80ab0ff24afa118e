import { describe, expect, it } from 'vitest'
import {
  TRANSITIONS,
  canMove,
  categoriesOf,
  criteriaOf,
  DEFAULT_ESCALATION_CATEGORIES,
  DEFAULT_ESCALATION_CRITERIA,
  moveFields,
  newEscalationFields,
  nextTier,
  oldestFirst,
  refusal,
  validateEscalation,
  validateMove,
  waitingFor,
  type EscalationMove,
} from '@/domain/escalations'
import type { EscalationStatus } from '@/domain/types'
import { escalation } from './escalationFixture'

const STATUSES: EscalationStatus[] = ['raised', 'accepted', 'answered', 'returned', 'withdrawn', 'closed']
const ALLOWED: Record<EscalationMove, EscalationStatus[]> = {
  accept: ['raised'],
  answer: ['accepted'],
  return: ['raised', 'accepted'],
  reEscalate: ['accepted'],
  withdraw: ['raised'],
  close: ['answered', 'returned'],
}

describe('escalation state machine', () => {
  const cases = (Object.keys(ALLOWED) as EscalationMove[]).flatMap((move) =>
    STATUSES.map((status) => ({ move, status, allowed: ALLOWED[move].includes(status) })),
  )
  it.each(cases)('$move from $status: allowed $allowed', ({ move, status, allowed }) => {
    expect(canMove(status, move, 'csu')).toBe(allowed)
  })

  it.each([
    ['accept', 'accepted'],
    ['answer', 'answered'],
    ['return', 'returned'],
    ['reEscalate', 'raised'],
    ['withdraw', 'withdrawn'],
    ['close', 'closed'],
  ] as const)('%s leads to %s', (move, to) => {
    expect(TRANSITIONS[move].to).toBe(to)
  })

  it('re-escalating goes up one tier, back to raised, with no owner and a fresh wait', () => {
    const now = new Date('2026-11-21T10:00:00.000Z')
    const fields = moveFields(escalation({ status: 'accepted', owner: 'Jo' }), 'reEscalate', '', 'Jo', now)
    expect(fields).toMatchObject({
      tier: 'trust',
      status: 'raised',
      owner: '',
      tierSince: now.toISOString(),
      statusBy: 'Jo',
    })
  })

  it('cannot re-escalate beyond the trust', () => {
    expect(nextTier('unit')).toBe('csu')
    expect(nextTier('csu')).toBe('trust')
    expect(nextTier('trust')).toBeNull()
    expect(canMove('accepted', 'reEscalate', 'trust')).toBe(false)
  })

  it('a ward raises to its CSU and a CSU to the trust', () => {
    const at = new Date()
    expect(newEscalationFields({ title: 't', reason: 'r', category: 'Other' }, 'unit', 'Sam', null, at).tier).toBe(
      'csu',
    )
    expect(newEscalationFields({ title: 't', reason: 'r', category: 'Other' }, 'csu', 'Sam', null, at).tier).toBe(
      'trust',
    )
  })

  it('answering records the answer, who and when; returning does the same with advice', () => {
    const now = new Date('2026-11-21T10:00:00.000Z')
    expect(moveFields(escalation({ status: 'accepted' }), 'answer', ' Hoist ordered ', 'Jo', now)).toMatchObject({
      status: 'answered',
      answer: 'Hoist ordered',
      answeredBy: 'Jo',
      answeredAt: now.toISOString(),
    })
    expect(moveFields(escalation(), 'return', 'Ring the on-call engineer', 'Jo', now)).toMatchObject({
      status: 'returned',
      answer: 'Ring the on-call engineer',
    })
    expect(moveFields(escalation(), 'accept', ' Jo ', 'Jo', now)).toMatchObject({ status: 'accepted', owner: 'Jo' })
    expect(moveFields(escalation({ status: 'answered' }), 'close', '', 'Sam', now)).toMatchObject({
      status: 'closed',
      closedAt: now.toISOString(),
    })
  })
})

describe('validation', () => {
  it.each([
    [{ title: '', reason: 'r', category: 'Other' }, 'title', 'Enter what needs escalating'],
    [{ title: 't', reason: '   ', category: 'Other' }, 'reason', 'Enter why the team cannot solve this itself'],
    [
      { title: 't', reason: 'x'.repeat(501), category: 'Other' },
      'reason',
      'Why the team cannot solve this itself must be 500 characters or fewer (it has 501)',
    ],
    [{ title: 't', reason: 'r', category: '' }, 'category', 'Choose a category'],
  ] as const)('%o → %s', (input, field, message) => {
    expect(validateEscalation(input)[field]).toBe(message)
  })

  it('a good escalation has no errors', () => {
    expect(validateEscalation({ title: 'Hoist', reason: 'Estates closed', category: 'Other' })).toEqual({})
  })

  it.each([
    ['accept', '', 'Enter who owns this'],
    ['answer', ' ', 'Enter the answer'],
    ['return', '', 'Enter your advice'],
    ['accept', 'Jo', undefined],
    ['reEscalate', '', undefined],
  ] as const)('%s with %j → %s', (move, text, message) => {
    expect(validateMove(move, text)).toBe(message)
  })
})

describe('categories and criteria', () => {
  it('a board without its own list offers the defaults', () => {
    expect(categoriesOf({})).toEqual(DEFAULT_ESCALATION_CATEGORIES)
    expect(categoriesOf({ escalationCategories: [' ', ''] })).toEqual(DEFAULT_ESCALATION_CATEGORIES)
    expect(categoriesOf({ escalationCategories: ['Infection control ', 'Other'] })).toEqual([
      'Infection control',
      'Other',
    ])
  })
  it('criteria fall back to the default text', () => {
    expect(criteriaOf(null)).toBe(DEFAULT_ESCALATION_CRITERIA)
    expect(criteriaOf({ escalationCriteria: 'Only red safety days' })).toBe('Only red safety days')
  })
})

describe('ageing', () => {
  it.each([
    ['2026-11-20T09:00:00.000Z', '2026-11-22T12:05:00.000Z', '2 days 3 hours'],
    ['2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '1 day'],
    ['2026-11-20T09:00:00.000Z', '2026-11-20T10:59:00.000Z', '1 hour'],
    ['2026-11-20T09:00:00.000Z', '2026-11-20T09:45:30.000Z', '45 minutes'],
    ['2026-11-20T09:00:00.000Z', '2026-11-20T09:00:20.000Z', 'less than a minute'],
    ['2026-11-20T09:00:00.000Z', '2026-11-20T08:00:00.000Z', 'less than a minute'],
  ])('from %s to %s: %s', (since, now, text) => {
    expect(waitingFor(since, new Date(now))).toBe(text)
  })

  it('lists the one waiting longest at its tier first', () => {
    const a = escalation({ id: 'a', tierSince: '2026-11-21T09:00:00.000Z' })
    const b = escalation({ id: 'b', tierSince: '2026-11-19T09:00:00.000Z' })
    const c = escalation({ id: 'c', tierSince: '2026-11-20T09:00:00.000Z' })
    expect(oldestFirst([a, b, c]).map((e) => e.id)).toEqual(['b', 'c', 'a'])
  })
})

describe('a move on an escalation changed meanwhile on another tablet', () => {
  const time = (at: string) => at.slice(11, 16)
  it('answering one the ward withdrew names who and when and says the answer is kept', () => {
    const stored = escalation({ status: 'withdrawn', statusBy: 'Sam', statusAt: '2026-11-20T09:12:00.000Z' })
    expect(refusal(stored, 'answer', 'Ward 7', time)).toBe(
      'This escalation was withdrawn by Ward 7 at 09:12; your answer is kept below',
    )
  })
  it('accepting one someone else accepted says so', () => {
    const stored = escalation({ status: 'accepted', statusBy: 'Jo', statusAt: '2026-11-20T10:00:00.000Z' })
    expect(refusal(stored, 'accept', 'Ward 7', time)).toBe(
      'This escalation is now “Accepted” (changed by Jo at 10:00), so you cannot accept it',
    )
  })
  it('an allowed move has no refusal', () => {
    expect(refusal(escalation({ status: 'accepted' }), 'answer', 'Ward 7', time)).toBeUndefined()
  })
})
