import { describe, expect, it } from 'vitest'
import {
  answeredFrom,
  answersBack,
  inboxOf,
  passedOnFrom,
  raisedBy,
  raiserName,
  tierOfBoardScope,
} from '@/domain/escalationsScope'
import { escalation } from './escalationFixture'

const org = {
  trusts: [
    { id: 'trust1', name: 'Trust' },
    { id: 'trust2', name: 'Other trust' },
  ],
  csus: [
    { id: 'medicine', trustId: 'trust1', name: 'Medicine' },
    { id: 'surgery', trustId: 'trust1', name: 'Surgery' },
    { id: 'far', trustId: 'trust2', name: 'Far' },
  ],
  units: [
    { id: 'ward7', csuId: 'medicine', name: 'Ward 7' },
    { id: 'ward8', csuId: 'medicine', name: 'Ward 8' },
    { id: 'theatres', csuId: 'surgery', name: 'Theatres' },
    { id: 'farward', csuId: 'far', name: 'Far ward' },
  ],
}

const list = [
  escalation({ id: 'w7-raised', unitId: 'ward7', tierSince: '2026-11-21T09:00:00.000Z' }),
  escalation({ id: 'w8-accepted', unitId: 'ward8', status: 'accepted', tierSince: '2026-11-20T09:00:00.000Z' }),
  escalation({ id: 'w7-answered', unitId: 'ward7', status: 'answered', answeredAt: '2026-11-22T09:00:00.000Z' }),
  escalation({ id: 'w7-closed', unitId: 'ward7', status: 'closed' }),
  escalation({ id: 'w8-trust', unitId: 'ward8', tier: 'trust', status: 'raised' }),
  escalation({ id: 'theatres', unitId: 'theatres' }),
  escalation({ id: 'medicine-to-trust', unitId: 'medicine', tier: 'trust', raisedAt: '2026-11-23T09:00:00.000Z' }),
  escalation({ id: 'far', unitId: 'farward', tier: 'trust' }),
]

describe('scope rules', () => {
  it.each([
    ['ward7', 'unit'],
    ['medicine', 'csu'],
    ['trust1', 'trust'],
    ['unknown', 'unit'],
  ] as const)('%s is a %s board', (scope, tier) => {
    expect(tierOfBoardScope(scope, org)).toBe(tier)
  })

  it("a CSU's inbox holds only its own wards' open escalations at CSU tier, oldest first", () => {
    expect(inboxOf(list, 'csu', 'medicine', org).map((e) => e.id)).toEqual(['w8-accepted', 'w7-raised'])
    expect(inboxOf(list, 'csu', 'surgery', org).map((e) => e.id)).toEqual(['theatres'])
  })

  it("a trust's inbox holds what reached the trust from its own CSUs and their wards, never another trust's", () => {
    expect(
      inboxOf(list, 'trust', 'trust1', org)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['medicine-to-trust', 'w8-trust'])
    expect(inboxOf(list, 'trust', 'trust2', org).map((e) => e.id)).toEqual(['far'])
  })

  it('a CSU follows what it passed to the trust and sees the answers it sent back', () => {
    expect(passedOnFrom(list, 'csu', 'medicine', org).map((e) => e.id)).toEqual(['w8-trust'])
    expect(answeredFrom(list, 'csu', 'medicine', org).map((e) => e.id)).toEqual(['w7-answered'])
  })

  it('a ward board has no inbox; it sees everything it raised and the answers to confirm', () => {
    expect(inboxOf(list, 'unit', 'ward7', org)).toEqual([])
    expect(
      raisedBy(list, 'ward7')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['w7-answered', 'w7-closed', 'w7-raised'])
    expect(answersBack(list, 'ward7').map((e) => e.id)).toEqual(['w7-answered'])
    expect(raisedBy(list, 'medicine').map((e) => e.id)).toEqual(['medicine-to-trust'])
  })

  it('names the raiser', () => {
    expect(raiserName('ward7', org)).toBe('Ward 7')
    expect(raiserName('medicine', org)).toBe('Medicine')
  })
})
