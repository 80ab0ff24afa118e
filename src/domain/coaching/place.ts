// Where a coaching request goes, in its own small module: the board works it out for its
// "Ask a coach" button, and importing it must not bring the coaching rules and writes into
// the board's first load. Pure: no Vue, no Dexie.
import type { Csu, Unit } from '../types'

/** Where a request comes from: the board's scope (ward, CSU or trust), its CSU and its name. */
export interface AskPlace {
  scopeId: string
  csuId: string | null
  place: string
  boardId: string | null
}

/** Where a request from a board in `scopeId` goes: a ward's to its CSU's coaches, a CSU board's to its own, a
 * trust board's to any coach. `scopeName` names a scope ("Ward 7"), null for one this tablet does not hold. */
export function askPlace(
  scopeId: string,
  boardId: string | null,
  org: { units: readonly Pick<Unit, 'id' | 'csuId'>[]; csus: readonly Pick<Csu, 'id'>[] },
  scopeName: (scopeId: string) => string | null,
): AskPlace {
  const unit = org.units.find((u) => u.id === scopeId)
  const csuId = unit ? unit.csuId : (org.csus.find((c) => c.id === scopeId)?.id ?? null)
  return { scopeId, csuId, place: scopeName(scopeId) ?? 'This tablet', boardId }
}
