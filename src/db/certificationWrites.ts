// Writes of LIM certification (docs/CERTIFICATION.md). A submission and its thread live in the ward's
// scope; the office's criteria and the certified improvements in the trust library. Every move is
// checked against the thread as stored, in the same transaction as its entry, so a move another
// tablet's entry has made wrong meanwhile (an assessment after a pulled withdrawal) is refused and
// nothing is written. Certifying writes the assessment and the trust-wide record together.
// `certificationWritesFor(database)` serves the sync tests' tablets; the plain exports work on the app's database.
import {
  certificationId,
  certMoveRefusal,
  certThreadState,
  criteriaRecordId,
  endorsementError,
  outcomeOf,
  reflectionError,
} from '@/domain/certification'
import { InputError } from '@/domain/errors'
import { newId } from '@/domain/ids'
import type {
  CertCriteria,
  CertCriterion,
  CertCriterionDecision,
  CertEntry,
  CertEntryKind,
  CertRole,
  CertSubmission,
  Certification,
} from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { db, type HuddleDatabase } from './db'
import { repoFor, type Writable } from './repo'

/** Refused because the thread moved on (on another tablet, or before this screen caught up). */
export class CertThreadChangedError extends InputError {}

type NewSubmission = Omit<CertSubmission, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'>

export interface Assessment {
  decisions: CertCriterionDecision[]
  /** An overall note to the colleague and sponsor. */
  text: string
  evidence: NonNullable<CertEntry['evidence']>
  /** The trust-wide record, when every criterion is met. */
  certification: Omit<Certification, 'createdAt' | 'updatedAt' | 'updatedBy'> | null
}

export function certificationWritesFor(database: HuddleDatabase) {
  const repo = repoFor(database)
  const tables = () => [
    database.certSubmissions,
    database.certEntries,
    database.certifications,
    database.history,
    database.outbox,
    database.meta,
    database.syncState,
    database.syncStatePacks,
  ]

  function entry(
    submission: Pick<CertSubmission, 'id' | 'unitId'>,
    kind: CertEntryKind,
    role: CertRole,
    by: string,
    now: Date,
    rest: Partial<Pick<CertEntry, 'text' | 'reflection' | 'decisions' | 'outcome' | 'evidence'>> = {},
  ): Writable<CertEntry> {
    return {
      id: newId(),
      unitId: submission.unitId,
      submissionId: submission.id,
      kind,
      role,
      author: by,
      at: now.toISOString(),
      text: rest.text?.trim() ?? '',
      reflection: rest.reflection ?? null,
      decisions: rest.decisions ?? null,
      outcome: rest.outcome ?? null,
      evidence: rest.evidence ?? null,
    }
  }

  /** The stored submission and its thread, with the move checked against them. */
  async function checked(submissionId: string, kind: CertEntryKind, role: CertRole, by: string) {
    const submission = await database.certSubmissions.get(submissionId)
    if (!submission) throw new InputError('That submission is no longer on this tablet')
    const thread = await database.certEntries.where('submissionId').equals(submissionId).toArray()
    const refused = certMoveRefusal(submission, thread, kind, role, by)
    if (refused) throw new CertThreadChangedError(refused)
    return submission
  }

  /** Put an idea forward: the submission and the first entry of its thread land together, or neither. */
  async function submit(fields: NewSubmission, by: string, now: Date): Promise<CertSubmission> {
    const error = reflectionError(fields.reflection)
    if (error) throw new InputError(error)
    return database.transaction('rw', tables(), async () => {
      const earlier = await database.certSubmissions.where('ideaId').equals(fields.ideaId).toArray()
      for (const s of earlier) {
        const { state } = certThreadState(await database.certEntries.where('submissionId').equals(s.id).toArray())
        if (state !== 'withdrawn')
          throw new CertThreadChangedError('This improvement has already been put forward: open it to see where it is')
      }
      const saved = await repo.saveRecord<CertSubmission>(
        'certSubmissions',
        { id: newId(), ...fields },
        by,
        undefined,
        now,
      )
      await repo.saveRecord<CertEntry>(
        'certEntries',
        entry(saved, 'submit', 'colleague', by, now, { reflection: saved.reflection }),
        by,
        undefined,
        now,
      )
      return saved
    })
  }

  /** The sponsor backs it, under the name the submission gives. */
  async function endorse(submissionId: string, text: string, by: string, now: Date): Promise<CertEntry> {
    const error = endorsementError(text)
    if (error) throw new InputError(error)
    return database.transaction('rw', tables(), async () => {
      const submission = await checked(submissionId, 'endorse', 'sponsor', by)
      return repo.saveRecord<CertEntry>(
        'certEntries',
        entry(submission, 'endorse', 'sponsor', by, now, { text }),
        by,
        undefined,
        now,
      )
    })
  }

  /** The office's decision per criterion; certifying also shares the improvement trust-wide. */
  async function assess(submissionId: string, assessment: Assessment, by: string, now: Date): Promise<CertEntry> {
    const outcome = outcomeOf(assessment.decisions)
    if ((outcome === 'certified') !== (assessment.certification !== null))
      throw new Error('A certification record goes with a certified outcome, and only with one')
    return database.transaction('rw', tables(), async () => {
      const submission = await checked(submissionId, 'assess', 'office', by)
      const saved = await repo.saveRecord<CertEntry>(
        'certEntries',
        entry(submission, 'assess', 'office', by, now, {
          text: assessment.text,
          decisions: assessment.decisions,
          outcome,
          evidence: assessment.evidence,
        }),
        by,
        undefined,
        now,
      )
      if (assessment.certification) {
        if (
          assessment.certification.id !== certificationId(submission.id) ||
          assessment.certification.submissionId !== submission.id
        )
          throw new Error('The certification record names another submission')
        await repo.saveRecord<Certification>('certifications', assessment.certification, by, undefined, now)
      }
      return saved
    })
  }

  /** The colleague improves the reflection and sends it again, after "not yet": both land together. */
  async function resubmit(
    submissionId: string,
    reflection: string,
    note: string,
    by: string,
    now: Date,
  ): Promise<CertEntry> {
    const error = reflectionError(reflection)
    if (error) throw new InputError(error)
    return database.transaction('rw', tables(), async () => {
      const submission = await checked(submissionId, 'resubmit', 'colleague', by)
      const trimmed = reflection.trim()
      if (trimmed !== submission.reflection)
        await repo.updateRecord<CertSubmission>('certSubmissions', submissionId, { reflection: trimmed }, by, { now })
      return repo.saveRecord<CertEntry>(
        'certEntries',
        entry(submission, 'resubmit', 'colleague', by, now, { text: note, reflection: trimmed }),
        by,
        undefined,
        now,
      )
    })
  }

  async function withdraw(submissionId: string, reason: string, by: string, now: Date): Promise<CertEntry> {
    return database.transaction('rw', tables(), async () => {
      const submission = await checked(submissionId, 'withdraw', 'colleague', by)
      return repo.saveRecord<CertEntry>(
        'certEntries',
        entry(submission, 'withdraw', 'colleague', by, now, { text: reason }),
        by,
        undefined,
        now,
      )
    })
  }

  /** The office's criteria and sustain period, one record in the trust library. */
  function saveCriteria(trustId: string, criteria: CertCriterion[], sustainWeeks: number, by: string, now?: Date) {
    return repo.saveRecord<CertCriteria>(
      'certCriteria',
      { id: criteriaRecordId(trustId), unitId: libraryScopeId(trustId), criteria, sustainWeeks },
      by,
      undefined,
      now,
    )
  }

  return { submit, endorse, assess, resubmit, withdraw, saveCriteria }
}

const appWrites = certificationWritesFor(db)
export const { submit, endorse, assess, resubmit, withdraw, saveCriteria } = appWrites
