// Checklist templates: what a form may hold, the plain-English problems with it, and
// how an edit becomes a new version. Steps keep their ids across versions so results
// and links follow a step that was reworded.
import { clockMinutes } from './shifts'
import { textLength } from '../ideas'
import type { ChecklistFrequency, ChecklistStep, ChecklistTemplate } from '../types'
import type { Errors } from '../validation'

export const TEMPLATE_LIMITS = {
  title: 120,
  purpose: 1000,
  forRole: 80,
  stepText: 500,
  keyPoint: 1000,
  steps: 60,
  expectedMinutes: 480,
} as const

/** What the editor holds: a template's own fields, without bookkeeping. */
export interface TemplateInput {
  title: string
  purpose: string
  forRole: string
  frequency: ChecklistFrequency
  steps: ChecklistStep[]
  conceptIds: string[]
  leaderStandardWork: boolean
  auditCard: boolean
}

function count(n: number): string {
  return n.toLocaleString('en-GB')
}

function textError(label: string, text: string, max: number, required: boolean): string | undefined {
  const trimmed = text.trim()
  if (required && !trimmed) return `Enter ${label}`
  const length = textLength(trimmed)
  if (length > max)
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${count(max)} characters or fewer (it has ${count(length)})`
  return undefined
}

/** Problems keyed by field: `title`, `steps`, `step-3-text` (1-based), `frequency`… */
export function validateTemplate(input: TemplateInput): Errors {
  const errors: Errors = {}
  const set = (field: string, message: string | undefined) => {
    if (message) errors[field] = message
  }
  set('title', textError('a title', input.title, TEMPLATE_LIMITS.title, true))
  set('purpose', textError('the purpose', input.purpose, TEMPLATE_LIMITS.purpose, false))
  set('forRole', textError('who it is for', input.forRole, TEMPLATE_LIMITS.forRole, false))
  set('frequency', frequencyError(input.frequency))
  if (input.steps.filter((s) => s.text.trim()).length === 0)
    set('steps', 'Add at least one step: a checklist with no steps cannot be done')
  if (input.steps.length > TEMPLATE_LIMITS.steps)
    set('steps', `A checklist can have up to ${TEMPLATE_LIMITS.steps} steps (it has ${input.steps.length})`)
  input.steps.forEach((step, i) => {
    const n = i + 1
    const blank = !step.text.trim() && !step.keyPoint.trim()
    if (blank && input.steps.length > 1) return // an empty row is dropped on save
    set(
      `step-${n}-text`,
      textError(
        `the text of step ${n}`,
        step.text,
        TEMPLATE_LIMITS.stepText,
        input.steps.length > 1 || Boolean(step.keyPoint.trim()),
      ),
    )
    set(`step-${n}-keyPoint`, textError(`the key point of step ${n}`, step.keyPoint, TEMPLATE_LIMITS.keyPoint, false))
    const minutes = step.expectedMinutes
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > TEMPLATE_LIMITS.expectedMinutes)) {
      set(
        `step-${n}-minutes`,
        `Expected minutes for step ${n} must be a whole number from 1 to ${TEMPLATE_LIMITS.expectedMinutes}, or left blank`,
      )
    }
  })
  return errors
}

function frequencyError(frequency: ChecklistFrequency): string | undefined {
  switch (frequency.kind) {
    case 'every-shift':
      return frequency.shifts.length === 0 ? 'Choose at least one shift' : undefined
    case 'daily':
      return clockMinutes(frequency.dueBy) === null
        ? 'Enter the time it is due by as hours and minutes, like 10:00'
        : undefined
    case 'weekly':
      if (frequency.days.length === 0) return 'Choose at least one day of the week'
      return clockMinutes(frequency.dueBy) === null
        ? 'Enter the time it is due by as hours and minutes, like 10:00'
        : undefined
    case 'on-demand':
      return undefined
  }
}

/** The input as saved: texts trimmed, empty step rows dropped. */
export function normaliseTemplate(input: TemplateInput): TemplateInput {
  const frequency: ChecklistFrequency =
    input.frequency.kind === 'weekly'
      ? { kind: 'weekly', days: [...new Set(input.frequency.days)].sort(), dueBy: input.frequency.dueBy.trim() }
      : input.frequency.kind === 'daily'
        ? { kind: 'daily', dueBy: input.frequency.dueBy.trim() }
        : input.frequency
  return {
    ...input,
    title: input.title.trim(),
    purpose: input.purpose.trim(),
    forRole: input.forRole.trim(),
    frequency,
    conceptIds: [...new Set(input.conceptIds)],
    steps: input.steps
      .filter((s) => s.text.trim() || s.keyPoint.trim())
      .map((s) => ({ ...s, text: s.text.trim(), keyPoint: s.keyPoint.trim(), conceptIds: [...new Set(s.conceptIds)] })),
  }
}

const VERSIONED: readonly (keyof TemplateInput)[] = [
  'title',
  'purpose',
  'forRole',
  'frequency',
  'steps',
  'conceptIds',
  'leaderStandardWork',
  'auditCard',
]

/** The fields of `input` that differ from `template`. */
function templateChanges(template: ChecklistTemplate, input: TemplateInput): Partial<TemplateInput> {
  const changes: Partial<TemplateInput> = {}
  for (const field of VERSIONED) {
    if (JSON.stringify(template[field]) !== JSON.stringify(input[field]))
      (changes as Record<string, unknown>)[field] = input[field]
  }
  return changes
}

/** An edit: the changed fields and the next version, or null when nothing changed. */
export function nextVersion(
  template: ChecklistTemplate,
  input: TemplateInput,
): (Partial<TemplateInput> & { version: number }) | null {
  const changes = templateChanges(template, normaliseTemplate(input))
  return Object.keys(changes).length === 0 ? null : { ...changes, version: template.version + 1 }
}

/** Steps with the one at `index` moved by `delta` places (clamped to the list). */
export function moveStep<T>(steps: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(steps.length - 1, index + delta))
  const next = [...steps]
  const [moved] = next.splice(index, 1)
  if (moved !== undefined) next.splice(to, 0, moved)
  return next
}

/** A template's editable fields, for the editor to start from. */
export function templateInput(template: ChecklistTemplate): TemplateInput {
  const { title, purpose, forRole, frequency, steps, conceptIds, leaderStandardWork, auditCard } = template
  // A JSON copy, not structuredClone: the template may be a Vue reactive proxy.
  return JSON.parse(
    JSON.stringify({ title, purpose, forRole, frequency, steps, conceptIds, leaderStandardWork, auditCard }),
  ) as TemplateInput
}
