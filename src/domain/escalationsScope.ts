// Which escalations a board shows. An escalation stays in the scope of whoever raised it
// (`unitId` = the ward, or the CSU when a CSU board escalates to the trust), and `tier`
// says who holds it now. So a ward device sees its own escalations and their answers, a
// CSU device (which syncs every unit of its CSU, and the CSU's own scope) sees what its
// wards raised, a trust device (which syncs its CSUs) sees what reached the trust, and
// no device ever holds another CSU's escalations. Pure: the org lists are passed in.
import { ANSWERED_STATUSES, OPEN_STATUSES, oldestFirst } from './escalationStatus'
import { tierOfScope } from './tiers'
import type { Csu, Escalation, EscalationTier, Trust, Unit } from './types'

export interface OrgView {
  units: readonly Pick<Unit, 'id' | 'csuId' | 'name'>[]
  csus: readonly Pick<Csu, 'id' | 'trustId' | 'name'>[]
  trusts: readonly Pick<Trust, 'id' | 'name'>[]
}

/** The tier of a board's scope: a unit, a CSU or a trust id (tiers.ts). Unknown scopes count as a unit. */
export function tierOfBoardScope(scopeId: string, org: OrgView): EscalationTier {
  return tierOfScope(scopeId, org)
}

/** The CSU a raising scope belongs to (the CSU itself for a CSU board). */
function csuOfScope(scopeId: string, org: OrgView): string | undefined {
  return org.units.find((u) => u.id === scopeId)?.csuId ?? org.csus.find((c) => c.id === scopeId)?.id
}

function trustOfScope(scopeId: string, org: OrgView): string | undefined {
  const csuId = csuOfScope(scopeId, org)
  return org.csus.find((c) => c.id === csuId)?.trustId ?? org.trusts.find((t) => t.id === scopeId)?.id
}

/** "Ward 7", or the CSU's name for an escalation a CSU board raised. */
export function raiserName(scopeId: string, org: OrgView): string {
  return org.units.find((u) => u.id === scopeId)?.name ?? org.csus.find((c) => c.id === scopeId)?.name ?? 'the ward'
}

/** Whether an escalation is within reach of a board at `tier` with scope `scopeId`. */
function fromBelow(e: Escalation, tier: EscalationTier, scopeId: string, org: OrgView): boolean {
  if (tier === 'csu') return csuOfScope(e.unitId, org) === scopeId
  if (tier === 'trust') return trustOfScope(e.unitId, org) === scopeId
  return false
}

/** A CSU or trust board's inbox: open escalations held at its tier, oldest first. */
export function inboxOf(
  list: readonly Escalation[],
  tier: EscalationTier,
  scopeId: string,
  org: OrgView,
): Escalation[] {
  return oldestFirst(
    list.filter((e) => e.tier === tier && OPEN_STATUSES.includes(e.status) && fromBelow(e, tier, scopeId, org)),
  )
}

/** Escalations from below that this tier passed up and are still open higher up: followed, not actioned. */
export function passedOnFrom(
  list: readonly Escalation[],
  tier: EscalationTier,
  scopeId: string,
  org: OrgView,
): Escalation[] {
  if (tier !== 'csu') return []
  return oldestFirst(
    list.filter(
      (e) =>
        e.tier === 'trust' &&
        e.unitId !== scopeId &&
        OPEN_STATUSES.includes(e.status) &&
        fromBelow(e, tier, scopeId, org),
    ),
  )
}

/** Answered or returned from below and waiting for the raiser to confirm: the tier sees its answer went back. */
export function answeredFrom(
  list: readonly Escalation[],
  tier: EscalationTier,
  scopeId: string,
  org: OrgView,
): Escalation[] {
  return oldestFirst(
    list.filter((e) => e.tier === tier && ANSWERED_STATUSES.includes(e.status) && fromBelow(e, tier, scopeId, org)),
  )
}

/** What a board raised itself, newest first, including closed and withdrawn ones. */
export function raisedBy(list: readonly Escalation[], scopeId: string): Escalation[] {
  return list
    .filter((e) => e.unitId === scopeId)
    .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id))
}

/** Answers back: answered or returned escalations the raiser has still to confirm closed, oldest answer first. */
export function answersBack(list: readonly Escalation[], scopeId: string): Escalation[] {
  return list
    .filter((e) => e.unitId === scopeId && ANSWERED_STATUSES.includes(e.status))
    .sort((a, b) => (a.answeredAt ?? '').localeCompare(b.answeredAt ?? '') || a.id.localeCompare(b.id))
}
