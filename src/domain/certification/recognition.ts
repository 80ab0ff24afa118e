// Recognition: a certified improvement as the trust sees it. When the office certifies, a record goes
// to the trust library (every tablet reads it): the improvement, its ward and CSU, its measure and the
// sustain check's finding, the concepts practised, and the names only when the people agreed to share
// them. Pure: no Vue, no Dexie.
import { canEditLibrary } from '../conceptNames'
import type { CertSubmission, Certification, Instant } from '../types'
import type { SustainCheck } from './sustained'

/** One recognition record per submission, so two office tablets certifying it at once make one. */
export function certificationId(submissionId: string): string {
  return `certified-${submissionId}`
}

/** Whether this device assesses for the improvement office: a trust tablet, or one not enrolled (its own library). */
export function mayAssess(enrolmentKind: string | undefined): boolean {
  return canEditLibrary(enrolmentKind)
}

export function certificationFrom(
  submission: CertSubmission,
  place: { unitName: string; csuId: string; csuName: string },
  sustain: SustainCheck | null,
  sustainWeeks: number,
  libraryScope: string,
  certifiedAt: Instant,
  certifiedBy: string,
): Omit<Certification, 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    id: certificationId(submission.id),
    unitId: libraryScope,
    submissionId: submission.id,
    submissionUnitId: submission.unitId,
    unitName: place.unitName,
    csuId: place.csuId,
    csuName: place.csuName,
    ideaId: submission.ideaId,
    title: submission.title,
    problem: submission.problem,
    names: submission.consentToShare ? [...submission.names] : [],
    teamSize: submission.names.length,
    measureName: submission.measureName,
    headline: sustain?.headline ?? '',
    levels: sustain?.reasons[0] ?? '',
    conceptIds: [...submission.conceptIds],
    sustainWeeks,
    certifiedAt,
    certifiedBy,
  }
}

/** Who made it, as the trust-wide list shows it: their names, or "A team of 3 on Ward 7" without consent. */
export function certifiedPeople(c: Pick<Certification, 'names' | 'teamSize' | 'unitName'>): string {
  if (c.names.length)
    return c.names.length < 2 ? c.names[0]! : `${c.names.slice(0, -1).join(', ')} and ${c.names.at(-1)}`
  return c.teamSize > 1 ? `A team of ${c.teamSize} on ${c.unitName}` : `A colleague on ${c.unitName}`
}

export interface CertificationSearch {
  /** Words to find in the improvement, its problem, ward or measure. */
  text: string
  /** '' for any. */
  conceptId: string
  csuId: string
}

/** The certified improvements that match every filter given, newest first. */
export function searchCertifications<
  T extends Pick<
    Certification,
    'title' | 'problem' | 'unitName' | 'measureName' | 'conceptIds' | 'csuId' | 'certifiedAt'
  >,
>(list: readonly T[], search: CertificationSearch): T[] {
  const words = search.text.toLowerCase().split(/\s+/).filter(Boolean)
  return list
    .filter((c) => {
      if (search.conceptId && !c.conceptIds.includes(search.conceptId)) return false
      if (search.csuId && c.csuId !== search.csuId) return false
      const haystack = [c.title, c.problem, c.unitName, c.measureName].join(' ').toLowerCase()
      return words.every((w) => haystack.includes(w))
    })
    .sort((a, b) => b.certifiedAt.localeCompare(a.certifiedAt))
}

/** Certified improvements per ward, most first: the coverage view's "certifications by unit". */
export function certificationsByUnit(
  list: readonly Pick<Certification, 'submissionUnitId' | 'unitName' | 'csuName'>[],
): { unitId: string; unitName: string; csuName: string; count: number }[] {
  const byUnit = new Map<string, { unitId: string; unitName: string; csuName: string; count: number }>()
  for (const c of list) {
    const row = byUnit.get(c.submissionUnitId) ?? {
      unitId: c.submissionUnitId,
      unitName: c.unitName,
      csuName: c.csuName,
      count: 0,
    }
    row.count++
    byUnit.set(c.submissionUnitId, row)
  }
  return [...byUnit.values()].sort((a, b) => b.count - a.count || a.unitName.localeCompare(b.unitName))
}
