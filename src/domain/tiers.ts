// Tiered huddles: a board belongs to a ward or department (tier 1), a CSU (tier 2) or a
// trust (tier 3). A board's `unitId` is its sync scope: a unit id, or the CSU's or trust's
// own id for their boards (a CSU or trust has no `units` record). Pure: the org lists are
// passed in (the trust and CSU rows this tablet holds, written from its enrolment).
import { isLibraryScope, trustOfLibraryScope } from '@/shared/sync/scopes'

export type Tier = 'unit' | 'csu' | 'trust'

export interface TierOrg {
  csus: readonly { id: string }[]
  trusts: readonly { id: string }[]
}

/** The tier of a sync scope. The trust library belongs to the trust; any other id is a unit's. */
export function tierOfScope(scopeId: string, org: TierOrg): Tier {
  if (org.csus.some((csu) => csu.id === scopeId)) return 'csu'
  if (org.trusts.some((trust) => trust.id === scopeId)) return 'trust'
  if (isLibraryScope(scopeId) && trustOfLibraryScope(scopeId)) return 'trust'
  return 'unit'
}

export interface NamedOrg {
  units: readonly { id: string; name: string }[]
  csus: readonly { id: string; name: string }[]
  trusts: readonly { id: string; name: string }[]
}

/** "Medicine CSU"; a CSU already called "Medicine CSU" is not called "Medicine CSU CSU". */
export function csuDisplayName(name: string): string {
  return /\bCSU$/i.test(name.trim()) ? name.trim() : `${name.trim()} CSU`
}

/** What a scope is called: "Ward 7", "Medicine CSU", "Northfield Teaching Hospitals"; undefined when unknown. */
export function scopeDisplayName(scopeId: string, org: NamedOrg): string | undefined {
  const unit = org.units.find((u) => u.id === scopeId)
  if (unit) return unit.name
  const csu = org.csus.find((c) => c.id === scopeId)
  if (csu) return csuDisplayName(csu.name)
  return org.trusts.find((t) => t.id === scopeId)?.name
}

/** The name a new tier board gets: "Medicine CSU board", "Northfield Teaching Hospitals trust board". */
export function tierBoardName(tier: Exclude<Tier, 'unit'>, name: string): string {
  return tier === 'csu' ? `${csuDisplayName(name)} board` : `${name} trust board`
}
