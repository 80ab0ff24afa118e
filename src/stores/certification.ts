import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as writes from '@/db/certificationWrites'
import type { SubmissionPage } from '@/db/queries/certification'
import { recordNow } from '@/db/repo'
import {
  certificationFrom,
  certificationId,
  checkSustained,
  criteriaInUse,
  decisionsFrom,
  endorsementError,
  FEEDBACK_MAX,
  mayAssess,
  notEligibleReason,
  outcomeOf,
  reflectionError,
  submissionFrom,
  validateAssessment,
  validateCriteria,
  validateSubmission,
  type CriteriaInput,
  type DecisionInput,
  type EligibleIdea,
  type SubmissionInput,
  type SustainCheck,
} from '@/domain/certification'
import { londonDay } from '@/domain/dates'
import { FieldErrors, InputError } from '@/domain/errors'
import type { DayKey, Measure, PdsaCycle } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { libraryScopeId } from '@/shared/sync/scopes'
import { useConceptLibraryStore } from './conceptLibrary'

/** Thrown with every problem of a certification form, keyed by field, for the error summary. */
export class CertFormErrors extends FieldErrors {}

/** The sustain check of a submission's measure over the office's period, as the assessor sees it. */
export function submissionCheck(page: SubmissionPage, today: DayKey): SustainCheck | null {
  if (!page.submission || !page.measure) return null
  const { sustainWeeks } = criteriaInUse(page.criteria)
  return checkSustained(page.measure, page.values, page.submission.changeDay, today, sustainWeeks)
}

/**
 * LIM certification's commands: put an improvement forward, endorse, assess, send again, withdraw,
 * and the office's criteria. Each checks the form with the domain's rules (the same the write checks)
 * and writes through db/certificationWrites.ts; screens read through db/queries/certification.ts.
 */
export const useCertificationStore = defineStore('certification', () => {
  const library = useConceptLibraryStore()
  const today = ref(londonDay())
  /** This device assesses for the improvement office. */
  const canAssess = computed(() => mayAssess(library.enrolmentKind))

  /** A free-text note: optional, at most FEEDBACK_MAX characters. */
  function noteError(text: string, label: string): string | undefined {
    return text.trim().length > FEEDBACK_MAX
      ? `${label} must be ${FEEDBACK_MAX.toLocaleString('en-GB')} characters or fewer`
      : undefined
  }

  function refuse(errors: Record<string, string | undefined>) {
    if (hasErrors(errors)) throw new CertFormErrors(errors)
  }

  async function submit(
    idea: EligibleIdea,
    cycles: readonly PdsaCycle[],
    measure: Measure | null,
    input: SubmissionInput,
    by: string,
  ) {
    refuse(validateSubmission(input))
    const reason = notEligibleReason(idea, cycles, measure)
    if (reason || !measure) throw new InputError(reason ?? 'The measure is not on this tablet')
    return writes.submit(submissionFrom(idea, cycles, measure, input), by, await recordNow())
  }

  async function endorse(submissionId: string, text: string, by: string) {
    refuse({ endorsement: endorsementError(text) })
    return writes.endorse(submissionId, text, by, await recordNow())
  }

  async function assess(page: SubmissionPage, input: DecisionInput[], note: string, by: string) {
    const submission = page.submission
    if (!submission) throw new InputError('That submission is no longer on this tablet')
    const { criteria, sustainWeeks } = criteriaInUse(page.criteria)
    const check = submissionCheck(page, today.value)
    refuse({ ...validateAssessment(criteria, input, check), note: noteError(note, 'Your note') })
    const decisions = decisionsFrom(criteria, input)
    const now = await recordNow()
    const certified = outcomeOf(decisions) === 'certified'
    if (certified && !page.trustId)
      throw new InputError('This tablet does not know its trust, so it cannot share the result')
    return writes.assess(
      submission.id,
      {
        decisions,
        text: note,
        evidence: {
          verdict: check?.verdict ?? 'cannot-judge',
          headline: check?.headline ?? 'The measure was not on the assessing tablet.',
          sustainWeeks,
        },
        certification: certified
          ? certificationFrom(
              submission,
              { unitName: page.unitName, csuId: page.csuId, csuName: page.csuName },
              check,
              sustainWeeks,
              libraryScopeId(page.trustId!),
              now.toISOString(),
              by,
            )
          : null,
      },
      by,
      now,
    )
  }

  async function resubmit(submissionId: string, reflection: string, note: string, by: string) {
    refuse({ reflection: reflectionError(reflection), note: noteError(note, 'What you changed') })
    return writes.resubmit(submissionId, reflection, note, by, await recordNow())
  }

  async function withdraw(submissionId: string, reason: string, by: string) {
    refuse({ withdraw: noteError(reason, 'Why you are withdrawing it') })
    return writes.withdraw(submissionId, reason, by, await recordNow())
  }

  async function saveCriteria(trustId: string, input: CriteriaInput, by: string) {
    refuse(validateCriteria(input))
    const criteria = input.criteria.map((c) => ({
      id: c.id,
      name: c.name.trim(),
      description: c.description.trim(),
      check: c.check,
    }))
    return writes.saveCriteria(trustId, criteria, Number(input.sustainWeeks.trim()), by, await recordNow())
  }

  return { today, canAssess, submit, endorse, assess, resubmit, withdraw, saveCriteria, certificationId }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCertificationStore, import.meta.hot))
