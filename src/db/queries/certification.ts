// LIM certification, read live: submissions and their threads (a ward tablet holds its own, a CSU tablet
// its wards', the office every unit's), the office's criteria and the certified improvements (the library).
import type { Ref } from 'vue'
import { BASELINE_WEEKS_READ } from '@/domain/certification/sustained'
import { addDays, weekStart } from '@/domain/dates'
import type {
  CertCriteria,
  CertEntry,
  CertSubmission,
  Certification,
  DayKey,
  EntryValue,
  Measure,
  PdsaCycle,
} from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { readEnrolment } from '@/sync/enrolment'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'
import { readMeasureValues } from './ideas'

export interface SubmissionsHeld {
  submissions: CertSubmission[]
  entries: CertEntry[]
}

const NOTHING_HELD: SubmissionsHeld = { submissions: [], entries: [] }

export function readSubmissionsHeld(): Promise<SubmissionsHeld> {
  return db.transaction('r', [db.certSubmissions, db.certEntries], async () => {
    const [submissions, entries] = await Promise.all([db.certSubmissions.toArray(), db.certEntries.toArray()])
    return { submissions, entries }
  })
}

/** Every submission and thread entry held: nothing until `wanted`. */
export function useSubmissionsHeld(wanted: Ref<boolean>) {
  return useLiveQuery(
    () => (wanted.value ? readSubmissionsHeld() : Promise.resolve(NOTHING_HELD)),
    NOTHING_HELD,
    wanted,
  )
}

/** The submissions of one idea, with their entries (the idea page's "Certification" line). */
export function readIdeaSubmissions(ideaId: string): Promise<SubmissionsHeld> {
  return db.transaction('r', [db.certSubmissions, db.certEntries], async () => {
    const submissions = await db.certSubmissions.where('ideaId').equals(ideaId).toArray()
    const entries = await db.certEntries
      .where('submissionId')
      .anyOf(submissions.map((s) => s.id))
      .toArray()
    return { submissions, entries }
  })
}

export function useIdeaSubmissions(ideaId: Ref<string>) {
  return useLiveQuery(() => readIdeaSubmissions(ideaId.value), NOTHING_HELD, ideaId)
}

export interface SubmissionPage {
  submission: CertSubmission | null
  entries: CertEntry[]
  /** The trust's criteria record; undefined while the office has not changed the defaults. */
  criteria: CertCriteria | undefined
  measure: Measure | null
  /** The measure's values from 26 weeks before the change week to today (the sustain check's days). */
  values: { day: DayKey; value: EntryValue }[]
  cycles: PdsaCycle[]
  unitName: string
  csuId: string
  csuName: string
  trustId: string | null
}

const NO_PAGE: SubmissionPage = {
  submission: null,
  entries: [],
  criteria: undefined,
  measure: null,
  values: [],
  cycles: [],
  unitName: '',
  csuId: '',
  csuName: '',
  trustId: null,
}

export async function readSubmissionPage(id: string, today: DayKey): Promise<SubmissionPage> {
  const submission = await db.certSubmissions.get(id)
  if (!submission) return NO_PAGE
  const [entries, measure, unit, cycles] = await Promise.all([
    db.certEntries.where('submissionId').equals(id).toArray(),
    db.measures.get(submission.measureId),
    db.units.get(submission.unitId),
    db.pdsaCycles.bulkGet(submission.pdsaCycleIds),
  ])
  const csu = unit ? await db.csus.get(unit.csuId) : undefined
  const trustId = csu?.trustId ?? (await db.trusts.toCollection().first())?.id ?? null
  const criteria = trustId ? await readCriteria(trustId) : undefined
  const from = addDays(weekStart(submission.changeDay), -BASELINE_WEEKS_READ * 7)
  return {
    submission,
    entries,
    criteria,
    measure: measure ?? null,
    values: measure ? await readMeasureValues(measure.id, from, today) : [],
    cycles: cycles.filter((c): c is PdsaCycle => c !== undefined),
    unitName: unit?.name ?? 'Another unit',
    csuId: csu?.id ?? '',
    csuName: csu?.name ?? '',
    trustId,
  }
}

/** One submission with what its page shows, live: a pulled assessment or value shows at once. */
export function useSubmissionPage(id: Ref<string>, today: Ref<DayKey>) {
  return useLiveQuery(() => readSubmissionPage(id.value, today.value), NO_PAGE, [id, today])
}

export function readCriteria(trustId: string): Promise<CertCriteria | undefined> {
  return db.certCriteria.get(`cert-criteria-${trustId}`)
}

export interface CertificationsHeld {
  certifications: Certification[]
  criteria: CertCriteria | undefined
  trustId: string | null
}

const NO_CERTIFICATIONS: CertificationsHeld = { certifications: [], criteria: undefined, trustId: null }

export async function readCertifications(): Promise<CertificationsHeld> {
  const [enrolment, trusts] = await Promise.all([readEnrolment(db), db.trusts.toArray()])
  const trustId = enrolment?.trust.id ?? trusts[0]?.id ?? null
  if (!trustId) return NO_CERTIFICATIONS
  const [certifications, criteria] = await Promise.all([
    db.certifications.where('unitId').equals(libraryScopeId(trustId)).toArray(),
    readCriteria(trustId),
  ])
  return { certifications, criteria, trustId }
}

/** The certified improvements and the criteria this tablet holds: nothing until `wanted`. */
export function useCertifications(wanted: Ref<boolean>) {
  return useLiveQuery(
    () => (wanted.value ? readCertifications() : Promise.resolve(NO_CERTIFICATIONS)),
    NO_CERTIFICATIONS,
    wanted,
  )
}

export interface CertificateShown {
  certification: Certification | null
  /** The submission, when this tablet holds it (the ward's and the office's): the certificate names the people. */
  submission: CertSubmission | null
}

const NO_CERTIFICATE: CertificateShown = { certification: null, submission: null }

export async function readCertificate(submissionId: string): Promise<CertificateShown> {
  const [certification, submission] = await Promise.all([
    db.certifications.get(`certified-${submissionId}`),
    db.certSubmissions.get(submissionId),
  ])
  return { certification: certification ?? null, submission: submission ?? null }
}

export function useCertificate(submissionId: Ref<string>) {
  return useLiveQuery(() => readCertificate(submissionId.value), NO_CERTIFICATE, submissionId)
}
