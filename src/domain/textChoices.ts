// Texts typed at the same time on two tablets, named in the ward's words: which record,
// which text ("Action", "Day comment"), and who wrote each version when.
import { ORG_NAME_MAX } from '../shared/adminLimits'
import { REFLECTION_MAX } from './certification/limits'
import { problemA3TextRules } from './problemA3Fields'
import { COACH_TEXT_MAX, SESSION_NOTES_MAX } from './coaching/limits'
import { formatDay, isDayKey } from './dates'
import { ESCALATION_ANSWER_MAX, ESCALATION_REASON_MAX } from './escalations'
import { fieldLabel } from './history'
import { REVIEW_COMMENTARY_MAX } from './goals/limits'
import { IDEA_TEXT_MAX } from './ideas'
import type { SyncedTable } from './types'
import { LIMITS } from './validation'
import { REASON_MAX } from './standardWork/runs'
import { TEMPLATE_LIMITS } from './standardWork/templates'

interface TextRule {
  label: string
  max: number
  required: boolean
}

const RULES: Record<SyncedTable, Record<string, TextRule>> = {
  actions: { title: { label: 'Action', max: LIMITS.title, required: true } },
  measures: {
    name: { label: 'Measure name', max: LIMITS.name, required: true },
    description: { label: 'Measure description', max: LIMITS.description, required: false },
  },
  entries: { comment: { label: 'Day comment', max: LIMITS.comment, required: false } },
  boards: { name: { label: 'Board name', max: LIMITS.name, required: true } },
  units: { name: { label: 'Ward or department name', max: ORG_NAME_MAX, required: true } },
  huddles: { notes: { label: 'Huddle notes', max: LIMITS.notes, required: false } },
  ideas: {
    problem: { label: 'Idea: the problem', max: IDEA_TEXT_MAX, required: true },
    idea: { label: 'Idea', max: IDEA_TEXT_MAX, required: true },
    benefit: { label: 'Idea: expected benefit', max: IDEA_TEXT_MAX, required: false },
    notProgressedReason: { label: 'Why an idea was not progressed', max: IDEA_TEXT_MAX, required: true },
  },
  // The tables below name their own text rules as their screens are built; until then a
  // text field falls back to its field label and the notes limit (ruleFor).
  pdsaCycles: {
    change: { label: 'PDSA: the change tested', max: IDEA_TEXT_MAX, required: true },
    prediction: { label: 'PDSA: prediction', max: IDEA_TEXT_MAX, required: false },
    measurePlan: { label: 'PDSA: what to measure', max: IDEA_TEXT_MAX, required: false },
    whatHappened: { label: 'PDSA: what happened', max: IDEA_TEXT_MAX, required: false },
    study: { label: 'PDSA: result against prediction', max: IDEA_TEXT_MAX, required: false },
  },
  checklistTemplates: {
    title: { label: 'Checklist title', max: TEMPLATE_LIMITS.title, required: true },
    purpose: { label: 'Checklist purpose', max: TEMPLATE_LIMITS.purpose, required: false },
    forRole: { label: 'Who the checklist is for', max: TEMPLATE_LIMITS.forRole, required: false },
  },
  checklistRuns: {},
  stepResults: { reason: { label: 'Why a checklist step was not done', max: REASON_MAX, required: true } },
  conceptEdits: {},
  escalations: {
    title: { label: 'Escalation', max: LIMITS.title, required: true },
    reason: { label: 'Why it was escalated', max: ESCALATION_REASON_MAX, required: true },
    answer: { label: 'Answer to an escalation', max: ESCALATION_ANSWER_MAX, required: false },
  },
  goals: {
    title: { label: 'Goal', max: LIMITS.title, required: true },
    a3Background: { label: 'Goal A3: background', max: LIMITS.notes, required: false },
    a3CurrentCondition: { label: 'Goal A3: current condition', max: LIMITS.notes, required: false },
    a3TargetCondition: { label: 'Goal A3: target condition', max: LIMITS.notes, required: false },
    a3Analysis: { label: 'Goal A3: analysis and root cause', max: LIMITS.notes, required: false },
    a3Countermeasures: { label: 'Goal A3: countermeasures', max: LIMITS.notes, required: false },
    a3Plan: { label: 'Goal A3: plan', max: LIMITS.notes, required: false },
    a3FollowUp: { label: 'Goal A3: follow-up', max: LIMITS.notes, required: false },
  },
  catchBall: {},
  goalReviews: {
    commentary: { label: 'Goal review: commentary', max: REVIEW_COMMENTARY_MAX, required: true },
  },
  certSubmissions: {
    reflection: { label: 'Certification: reflection', max: REFLECTION_MAX, required: true },
  },
  certEntries: {},
  certCriteria: {},
  certifications: {},
  problemA3s: problemA3TextRules(),
  practitioners: {},
  conceptQuestions: {},
  coachRosters: {},
  coachRequests: { text: { label: 'Coaching request', max: COACH_TEXT_MAX, required: true } },
  coachSessions: { notes: { label: 'Coaching session notes', max: SESSION_NOTES_MAX, required: true } },
}

function ruleFor(table: SyncedTable, field: string): TextRule {
  const label = fieldLabel(field)
  return (
    RULES[table][field] ?? { label: label.charAt(0).toUpperCase() + label.slice(1), max: LIMITS.notes, required: false }
  )
}

/** "Action", "Measure name", "Day comment". */
export function textLabel(table: SyncedTable, field: string): string {
  return ruleFor(table, field).label
}

/** "1 text to choose", "2 texts to choose". */
export { textsToChoose } from './textsToChoose'

/** Which record a text belongs to, when the text alone does not say: "Falls on 26/11/2026". */
export function textContext(table: SyncedTable, record: Record<string, unknown>, measureName?: string): string {
  const day = typeof record.day === 'string' && isDayKey(record.day) ? formatDay(record.day) : undefined
  if (table === 'entries') return `${measureName ?? 'A measure'}${day ? ` on ${day}` : ''}`
  if (table === 'huddles') return day ? `Huddle on ${day}` : 'Huddle'
  return ''
}

/** A version's value as text ('' for none). */
export function versionText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Checks the wording someone keeps, with the same limits as the form it came from. */
export function validateChosenText(table: SyncedTable, field: string, text: string): string | undefined {
  const rule = ruleFor(table, field)
  const trimmed = text.trim()
  if (rule.required && !trimmed) return `Enter the ${rule.label.toLowerCase()}, or choose one of the versions`
  if (trimmed.length > rule.max)
    return `${rule.label} must be ${rule.max} characters or fewer (it has ${trimmed.length})`
  return undefined
}
