import { describe, expect, it } from 'vitest'
import { escalatedWords, escalationOfSource } from '@/domain/escalations'
import type { Escalation } from '@/domain/types'
import { escalation } from './escalationFixture'

const fromAction = (id: string, over: Partial<Escalation> = {}) =>
  escalation({ id, source: { table: 'actions', id: 'a1' }, ...over })

describe('an item already escalated', () => {
  it('finds the escalation made from an action', () => {
    const list = [escalation({ id: 'other' }), fromAction('e-a1')]
    expect(escalationOfSource(list, { table: 'actions', id: 'a1' })?.id).toBe('e-a1')
    expect(escalationOfSource(list, { table: 'actions', id: 'a2' })).toBeUndefined()
    expect(escalationOfSource(list, { table: 'ideas', id: 'a1' })).toBeUndefined()
  })

  it('a withdrawn escalation leaves the item free to escalate again', () => {
    expect(escalationOfSource([fromAction('e', { status: 'withdrawn' })], { table: 'actions', id: 'a1' })).toBe(
      undefined,
    )
  })

  it('the latest escalation wins', () => {
    const list = [
      fromAction('old', { status: 'withdrawn', raisedAt: '2026-11-19T09:00:00.000Z' }),
      fromAction('new', { raisedAt: '2026-11-20T09:00:00.000Z' }),
    ]
    expect(escalationOfSource(list, { table: 'actions', id: 'a1' })?.id).toBe('new')
  })

  it("a measure's red day is its own item: another day can be escalated", () => {
    const list = [escalation({ id: 'e', source: { table: 'measures', id: 'm1', day: '2026-11-20' } })]
    expect(escalationOfSource(list, { table: 'measures', id: 'm1', day: '2026-11-20' })?.id).toBe('e')
    expect(escalationOfSource(list, { table: 'measures', id: 'm1', day: '2026-11-21' })).toBeUndefined()
  })

  it.each<[string, Partial<Escalation>, string]>([
    ['waiting', {}, 'Escalated to the CSU: waiting to be picked up'],
    ['accepted', { status: 'accepted', owner: 'Jo Bloggs' }, 'Escalated to the CSU: accepted by Jo Bloggs'],
    ['passed on', { status: 'raised', tier: 'trust' }, 'Escalated, now with the trust: waiting to be picked up'],
    ['answered', { status: 'answered' }, 'Escalated to the CSU: answered, to confirm at the huddle'],
    ['returned', { status: 'returned' }, 'Escalated to the CSU: returned with advice, to confirm at the huddle'],
    ['closed', { status: 'closed' }, 'Escalated to the CSU: closed'],
  ])('says where it is when %s', (_, over, words) => {
    expect(escalatedWords(escalation(over))).toBe(words)
  })
})
