// Improvement ideas: what a new idea must contain, how it moves across the idea board,
// and when one counts as stuck. Suggestion boxes fail because ideas vanish, so the two
// rules that matter most live here: an idea that is not going ahead always says why,
// and an idea that sits in one status too long is flagged for the huddle. Pure: no Vue,
// no Dexie; days are Europe/London calendar days (dates.ts).
import { daysBetween, londonDay } from './dates'
import type { DayKey, Idea, IdeaStatus, IdeaStuckLimits, Instant, WasteId } from './types'
import { LIMITS, type Errors } from './validation'
import { textLength } from './textLength'
import { WASTES } from './wastes'

export { textLength }

/** Board order, left to right; 'not-progressed' sits apart at the end. */
export const IDEA_STATUSES: readonly IdeaStatus[] = [
  'new',
  'review',
  'testing',
  'implemented',
  'sustained',
  'not-progressed',
]

export const IDEA_STATUS_LABEL: Record<IdeaStatus, string> = {
  new: 'New',
  review: 'Under review',
  testing: 'Testing (PDSA)',
  implemented: 'Implemented',
  sustained: 'Sustained',
  'not-progressed': 'Not progressed',
}

/** Longest problem, idea, benefit or reason, in characters as people count them. */
export const IDEA_TEXT_MAX = 2000

/** Recorded as the writer of an anonymous idea, so no name reaches its history or the server. */
export const ANONYMOUS = 'Anonymous'

/** Days in a status before an idea is flagged. Sustained and not-progressed are where
 * ideas end up, so they never count as stuck; an implemented idea is flagged after
 * three months so someone checks the change has stuck. */
export const DEFAULT_STUCK_DAYS: Readonly<Record<IdeaStatus, number | null>> = {
  new: 14,
  review: 30,
  testing: 30,
  implemented: 90,
  sustained: null,
  'not-progressed': null,
}

const STUCK_DAYS_MAX = 365

export interface IdeaInput {
  problem: string
  idea: string
  benefit?: string
  wastes?: readonly string[]
  /** Blank or missing: anonymous. */
  raisedBy?: string | null
  conceptIds?: readonly string[]
}

export type IdeaField = 'problem' | 'idea' | 'benefit' | 'raisedBy'

function textError(label: string, text: string, required: boolean, max = IDEA_TEXT_MAX): string | undefined {
  const trimmed = text.trim()
  if (required && !trimmed) return `Enter ${label}`
  const length = textLength(trimmed)
  if (length > max)
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${length.toLocaleString('en-GB')})`
  return undefined
}

export function validateIdea(input: IdeaInput): Errors<IdeaField> {
  const errors: Errors<IdeaField> = {}
  const problem = textError('what the problem is', input.problem, true)
  const idea = textError('your idea', input.idea, true)
  const benefit = textError('the expected benefit', input.benefit ?? '', false)
  const raisedBy = textError('your name', input.raisedBy ?? '', false, LIMITS.person)
  if (problem) errors.problem = problem
  if (idea) errors.idea = idea
  if (benefit) errors.benefit = benefit
  if (raisedBy) errors.raisedBy = raisedBy
  return errors
}

/** Known wastes only, each once, in the order the chips show them. */
export function normaliseWastes(ids: readonly string[] = []): WasteId[] {
  return WASTES.filter((w) => ids.includes(w.id)).map((w) => w.id)
}

/** The fields of a newly captured idea (the caller adds id, unit and board). */
export function newIdeaFields(
  input: IdeaInput,
  now: Date,
): Omit<Idea, 'id' | 'unitId' | 'boardId' | 'createdAt' | 'updatedAt' | 'updatedBy'> {
  const raisedBy = input.raisedBy?.trim() || null
  return {
    problem: input.problem.trim(),
    idea: input.idea.trim(),
    benefit: input.benefit?.trim() ?? '',
    wastes: normaliseWastes(input.wastes),
    raisedBy,
    status: 'new',
    statusChangedAt: now.toISOString(),
    notProgressedReason: '',
    implementedAt: null,
    owner: '',
    sponsor: '',
    effort: null,
    impact: null,
    measureId: null,
    conceptIds: [...new Set(input.conceptIds ?? [])],
  }
}

/**
 * Why a move cannot be made, or undefined when it can. Any status may move to any
 * other: teams go back a step when a test fails, and a not-progressed idea can be
 * picked up again with no reason needed. Entering not-progressed needs a reason.
 */
export function validateMove(from: IdeaStatus, to: IdeaStatus, reason = ''): string | undefined {
  if (from === to) return `This idea is already in ${IDEA_STATUS_LABEL[to]}`
  if (to !== 'not-progressed') return undefined
  return textError('why this idea is not going ahead', reason, true)
}

/** The fields a move sets. The reason goes when the idea leaves not-progressed (its
 * history keeps it); implementedAt stays while the idea is implemented or sustained. */
export function moveFields(
  idea: Pick<Idea, 'status' | 'implementedAt'>,
  to: IdeaStatus,
  reason: string,
  now: Date,
): Pick<Idea, 'status' | 'statusChangedAt' | 'notProgressedReason' | 'implementedAt'> {
  const implemented = to === 'implemented' || to === 'sustained'
  return {
    status: to,
    statusChangedAt: now.toISOString(),
    notProgressedReason: to === 'not-progressed' ? reason.trim() : '',
    implementedAt: implemented ? (idea.implementedAt ?? now.toISOString()) : null,
  }
}

export function validatePerson(label: 'owner' | 'sponsor', name: string): string | undefined {
  const length = textLength(name.trim())
  return length > LIMITS.person
    ? `The ${label}'s name must be ${LIMITS.person} characters or fewer (it has ${length})`
    : undefined
}

/** The board's limits with the defaults filled in. */
export function stuckLimits(board?: { ideaStuckDays?: IdeaStuckLimits } | null): Record<IdeaStatus, number | null> {
  const own = board?.ideaStuckDays ?? {}
  return Object.fromEntries(
    IDEA_STATUSES.map((s) => [s, Object.hasOwn(own, s) ? (own[s] ?? null) : DEFAULT_STUCK_DAYS[s]]),
  ) as Record<IdeaStatus, number | null>
}

/** A limit as typed in settings: blank means "never flag", else whole days 1–365. */
export function parseStuckDays(text: string): { days: number | null; error?: string } {
  const trimmed = text.trim()
  if (!trimmed) return { days: null }
  if (!/^\d+$/.test(trimmed)) return { days: null, error: 'Enter a whole number of days, or leave it blank' }
  const days = Number(trimmed)
  if (days < 1 || days > STUCK_DAYS_MAX)
    return { days: null, error: `Enter a number of days from 1 to ${STUCK_DAYS_MAX}` }
  return { days }
}

/** Whole London days since the idea entered its status (0 on the day it moved). */
export function daysInStatus(idea: Pick<Idea, 'statusChangedAt'>, today: DayKey): number {
  return Math.max(0, daysBetween(londonDay(new Date(idea.statusChangedAt)), today))
}

/** Stuck: in one status for longer than the board allows for it. */
export function isStuck(
  idea: Pick<Idea, 'status' | 'statusChangedAt'>,
  limits: Record<IdeaStatus, number | null>,
  today: DayKey,
): boolean {
  const limit = limits[idea.status]
  return limit !== null && daysInStatus(idea, today) > limit
}

/** Stuck ideas, the longest-waiting first. */
export function stuckIdeas<T extends Pick<Idea, 'status' | 'statusChangedAt'>>(
  ideas: readonly T[],
  limits: Record<IdeaStatus, number | null>,
  today: DayKey,
): T[] {
  return ideas
    .filter((i) => isStuck(i, limits, today))
    .sort((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt))
}

/** "Since today", "1 day", "20 days". */
export function ageText(days: number): string {
  if (days === 0) return 'since today'
  return days === 1 ? 'for 1 day' : `for ${days} days`
}

/** "In New for 20 days". */
export function timeInStatusText(idea: Pick<Idea, 'status' | 'statusChangedAt'>, today: DayKey): string {
  return `In ${IDEA_STATUS_LABEL[idea.status]} ${ageText(daysInStatus(idea, today))}`
}

/** The flag's words: "Stuck: 20 days in New (flagged after 14)". */
export function stuckText(
  idea: Pick<Idea, 'status' | 'statusChangedAt'>,
  limits: Record<IdeaStatus, number | null>,
  today: DayKey,
): string {
  return `Stuck: ${daysInStatus(idea, today)} days in ${IDEA_STATUS_LABEL[idea.status]} (flagged after ${limits[idea.status]})`
}

export function raisedByText(idea: Pick<Idea, 'raisedBy'>): string {
  return idea.raisedBy?.trim() || ANONYMOUS
}

/** Ideas raised after `since` (the last huddle); with no earlier huddle, every idea still New. */
export function newSince<T extends Pick<Idea, 'status' | 'createdAt'>>(
  ideas: readonly T[],
  since: Instant | null,
): T[] {
  const fresh = since ? ideas.filter((i) => i.createdAt > since) : ideas.filter((i) => i.status === 'new')
  return [...fresh].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Each column's ideas, the longest-waiting first, so the ones needing attention are on top. */
export function ideasByStatus<T extends Pick<Idea, 'status' | 'statusChangedAt'>>(
  ideas: readonly T[],
): Record<IdeaStatus, T[]> {
  const columns = Object.fromEntries(IDEA_STATUSES.map((s) => [s, [] as T[]])) as Record<IdeaStatus, T[]>
  for (const idea of ideas) columns[idea.status]?.push(idea)
  for (const status of IDEA_STATUSES) columns[status].sort((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt))
  return columns
}
