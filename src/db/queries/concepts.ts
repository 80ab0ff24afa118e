// The trust's concept library (the improvement office's edits) and what uses each
// concept on this tablet.
import type { Ref } from 'vue'
import { knownPeople } from '@/domain/portfolio'
import type { ConceptEdit } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { readEnrolment } from '@/sync/whenEnrolled'
import { readConceptLinks, readCoverageRows, readPortfolioRows } from '../conceptLinks'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface ConceptLibraryShown {
  /** The enrolment's scope kind; undefined on a tablet that is not enrolled. */
  enrolmentKind: string | undefined
  /** The enrolment's trust, else the first trust this tablet holds. */
  trustId: string | null
  edits: ConceptEdit[]
}

const NO_LIBRARY: ConceptLibraryShown = { enrolmentKind: undefined, trustId: null, edits: [] }

export async function readConceptLibrary(): Promise<ConceptLibraryShown> {
  const [enrolment, trusts] = await Promise.all([readEnrolment(db), db.trusts.toArray()])
  const trustId = enrolment?.trust.id ?? trusts[0]?.id ?? null
  const edits = trustId ? await db.conceptEdits.where('unitId').equals(libraryScopeId(trustId)).toArray() : []
  return { enrolmentKind: enrolment?.scope.kind, trustId, edits }
}

/** The library as chips and pickers need it: nothing is read until `wanted`. */
export function useConceptLibrary(wanted: Ref<boolean>) {
  return useLiveQuery(() => (wanted.value ? readConceptLibrary() : NO_LIBRARY), NO_LIBRARY, wanted)
}

/** Everything on this tablet that uses a concept (its local examples). */
export function readConceptExamples(conceptId: string) {
  return readConceptLinks(db, conceptId)
}

/** Every name on the units' lists and the CSU and trust boards' own lists. */
export async function readKnownPeople(): Promise<string[]> {
  const [units, boards] = await Promise.all([db.units.toArray(), db.boards.toArray()])
  return knownPeople([...units, ...boards])
}

export function readPortfolioSource() {
  return readPortfolioRows(db)
}

export function readCoverageSource() {
  return readCoverageRows(db)
}
