import { describe, expect, it } from 'vitest'
import { libraryScopeId } from '@/shared/sync/scopes'
import { scopeDisplayName, tierBoardName, tierOfScope } from '@/domain/tiers'

const org = {
  units: [{ id: 'ward-7', name: 'Ward 7' }],
  csus: [{ id: 'csu-med', name: 'Medicine' }],
  trusts: [{ id: 'trust-1', name: 'Northfield Teaching Hospitals' }],
}

describe('tiers of sync scopes', () => {
  it.each([
    ['ward-7', 'unit'],
    ['csu-med', 'csu'],
    ['trust-1', 'trust'],
    [libraryScopeId('trust-1'), 'trust'],
    // A unit this tablet has not heard of yet (its record not pulled) is still a unit.
    ['ward-unknown', 'unit'],
  ] as const)('%s is a %s scope', (scope, tier) => {
    expect(tierOfScope(scope, org)).toBe(tier)
  })

  it.each([
    ['ward-7', 'Ward 7'],
    ['csu-med', 'Medicine CSU'],
    ['trust-1', 'Northfield Teaching Hospitals'],
    ['nope', undefined],
  ])('names %s as %s', (scope, name) => {
    expect(scopeDisplayName(scope, org)).toBe(name)
  })

  it('names new tier boards after their CSU or trust', () => {
    expect(tierBoardName('csu', 'Medicine')).toBe('Medicine CSU board')
    expect(tierBoardName('csu', 'Surgery csu')).toBe('Surgery csu board')
    expect(tierBoardName('trust', 'Northfield')).toBe('Northfield trust board')
  })
})
