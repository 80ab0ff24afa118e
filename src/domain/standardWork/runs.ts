// Doing a checklist: a run keeps a copy of the template's steps as they were, each
// tap is a step result of its own, and a run is complete when every step has an answer.
import { textLength } from '../ideas'
import type { ChecklistRun, ChecklistStep, ChecklistTemplate, StepOutcome, StepResult } from '../types'
import { londonDay } from '../dates'
import type { DueSlot } from './slots'

export const REASON_MAX = 1000

export const OUTCOME_LABEL: Record<StepOutcome, string> = {
  done: 'Done',
  'not-done': 'Not done',
  'not-applicable': 'Not applicable',
}

/** A new run's fields (the caller adds id and unit). */
export function newRunFields(
  template: ChecklistTemplate,
  boardId: string,
  slot: DueSlot | null,
  now: Date,
): Omit<ChecklistRun, 'id' | 'unitId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  return {
    templateId: template.id,
    boardId,
    templateVersion: template.version,
    title: template.title,
    steps: JSON.parse(JSON.stringify(template.steps)) as ChecklistStep[],
    slot: slot?.key ?? null,
    day: slot?.day ?? londonDay(now),
    dueAt: slot?.dueAt.toISOString() ?? null,
    startedAt: now.toISOString(),
    completedAt: null,
    completedBy: '',
  }
}

/** Why an outcome cannot be saved, or undefined when it can. */
export function validateOutcome(outcome: StepOutcome, reason: string): string | undefined {
  const trimmed = reason.trim()
  if (outcome === 'not-done' && !trimmed)
    return 'Say why this step was not done: the reason is how the team learns from it'
  if (textLength(trimmed) > REASON_MAX)
    return `The reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer (it has ${textLength(trimmed).toLocaleString('en-GB')})`
  return undefined
}

export interface RunProgress {
  answered: number
  total: number
  /** Steps with no answer yet, in order. */
  missing: ChecklistStep[]
}

export function runProgress(run: Pick<ChecklistRun, 'steps'>, results: readonly StepResult[]): RunProgress {
  const answered = new Set(results.map((r) => r.stepId))
  const missing = run.steps.filter((s) => !answered.has(s.id))
  return { answered: run.steps.length - missing.length, total: run.steps.length, missing }
}

/** Why a run cannot be completed yet, or undefined when it can. */
export function completionProblem(
  run: Pick<ChecklistRun, 'steps' | 'completedAt'>,
  results: readonly StepResult[],
): string | undefined {
  if (run.completedAt) return 'This checklist is already complete'
  const { missing } = runProgress(run, results)
  if (missing.length === 1)
    return `Answer every step before completing: step ${run.steps.indexOf(missing[0]!) + 1} has no answer yet`
  if (missing.length > 1) return `Answer every step before completing: ${missing.length} steps have no answer yet`
  const unexplained = results.find((r) => r.outcome === 'not-done' && !r.reason.trim())
  if (unexplained) return 'Every “Not done” step needs a reason before completing'
  return undefined
}

/** Was the run completed by its slot's deadline? On-demand runs have none. */
export function completedOnTime(run: Pick<ChecklistRun, 'completedAt' | 'dueAt'>): boolean {
  return Boolean(run.completedAt && (!run.dueAt || run.completedAt <= run.dueAt))
}

/** What an action or idea made from a missed step says, within `max` characters. */
export function missText(
  run: Pick<ChecklistRun, 'title'>,
  step: Pick<ChecklistStep, 'text'>,
  reason: string,
  max: number,
): string {
  const text = `${run.title}: “${step.text}” not done – ${reason.trim()}`
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`
}
