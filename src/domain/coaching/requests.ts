// Coaching capacity, the distributed improvement-office model: the office names coaches for each CSU, any
// board or idea can ask for a coach, a coach takes a request and logs sessions against it, and marks it done.
// Who may do what is by name (a shared tablet has no accounts: the name picked is who is acting), the same
// way a sponsor endorses a certification. Pure: no Vue, no Dexie.
import { namesFrom, sameName } from '../certification/submission'
import { isDayKey } from '../dates'
import type { CoachRequest, CoachRequestAbout, CoachRequestState, CoachRoster, DayKey } from '../types'
import { LIMITS, type Errors } from '../validation'
import { COACH_TEXT_MAX, SESSION_NOTES_MAX } from './limits'

export { COACH_TEXT_MAX, SESSION_NOTES_MAX }

export const MAX_COACHES = 20

export const COACH_STATE_LABEL: Record<CoachRequestState, string> = {
  open: 'Open: waiting for a coach',
  taken: 'Taken',
  done: 'Done',
}

export const COACH_ABOUT_LABEL: Record<CoachRequestAbout, string> = {
  board: 'The board',
  idea: 'An idea',
  concepts: 'LIM concepts',
}

/** One roster per CSU, so two office tablets naming coaches edit one record. */
export function rosterId(csuId: string): string {
  return `coaches-${csuId}`
}

/** The coaches who may take a request: its CSU's, or every CSU's for a request on the trust's own board. */
export function coachesFor(
  request: Pick<CoachRequest, 'csuId'>,
  rosters: readonly Pick<CoachRoster, 'csuId' | 'coaches'>[],
): string[] {
  const named = request.csuId === null ? rosters : rosters.filter((r) => r.csuId === request.csuId)
  return [...new Set(named.flatMap((r) => r.coaches))]
}

export function isCoach(name: string, coaches: readonly string[]): boolean {
  return coaches.some((c) => sameName(c, name))
}

export type RosterField = 'coaches'

/** The office's list of coaches for a CSU, typed one a line or separated by commas. */
export function validateRoster(typed: string): Errors<RosterField> {
  const names = namesFrom(typed)
  if (names.length > MAX_COACHES) return { coaches: `Name ${MAX_COACHES} coaches or fewer for one CSU` }
  if (names.some((n) => n.length > LIMITS.person))
    return { coaches: `Each name must be ${LIMITS.person} characters or fewer` }
  return {}
}

export type RequestField = 'text'

export function validateRequest(input: { text: string }): Errors<RequestField> {
  const text = input.text.trim()
  if (!text) return { text: 'Say in a sentence or two what you would like help with' }
  if (text.length > COACH_TEXT_MAX) return { text: `Keep it to ${COACH_TEXT_MAX} characters or fewer` }
  return {}
}

export type SessionField = 'day' | 'notes'

export function validateSession(input: { day: string; notes: string }, today: DayKey): Errors<SessionField> {
  const errors: Errors<SessionField> = {}
  if (!isDayKey(input.day)) errors.day = 'Enter the day of the session'
  else if (input.day > today) errors.day = 'The session day must be today or in the past'
  const notes = input.notes.trim()
  if (!notes) errors.notes = 'Write what you worked on and what the team will try next'
  else if (notes.length > SESSION_NOTES_MAX)
    errors.notes = `Session notes must be ${SESSION_NOTES_MAX.toLocaleString('en-GB')} characters or fewer`
  return errors
}

export type CoachMove = 'take' | 'session' | 'done'

/**
 * Why a move on a request is refused, in words for the person making it; null when it may go ahead.
 * Open → taken by a coach named for the request's CSU; only the coach who took it logs sessions and
 * marks it done. Checked in the write against the request as stored, so a request another coach took
 * meanwhile (pulled since the screen showed it) is refused and nothing is written.
 */
export function coachMoveRefusal(
  request: Pick<CoachRequest, 'state' | 'takenBy' | 'csuId'>,
  move: CoachMove,
  by: string,
  coaches: readonly string[],
): string | null {
  if (move === 'take') {
    if (request.state !== 'open')
      return request.takenBy ? `${request.takenBy} has already taken it` : 'It is no longer open'
    if (coaches.length === 0)
      return 'No coaches are named for this CSU yet: the improvement office names them on the coaching page'
    if (!isCoach(by, coaches)) return `${by} is not named as a coach for this CSU`
    return null
  }
  if (request.state === 'open') return 'A coach takes it first'
  if (!request.takenBy || !sameName(by, request.takenBy))
    return `Only ${request.takenBy ?? 'the coach'} who took it can do that`
  if (move === 'done' && request.state === 'done') return 'It is already done'
  return null
}

/** What the person at the tablet may do next, shown as buttons; the write checks again under the picked name. */
export function coachMovesOpen(request: Pick<CoachRequest, 'state'>): CoachMove[] {
  return request.state === 'open' ? ['take'] : request.state === 'taken' ? ['session', 'done'] : ['session']
}

/** Requests by state, the open ones oldest first (waiting longest), then taken, then done newest first. */
export function orderRequests<T extends Pick<CoachRequest, 'state' | 'askedAt' | 'id'>>(list: readonly T[]): T[] {
  const rank: Record<CoachRequestState, number> = { open: 0, taken: 1, done: 2 }
  return [...list].sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.state === 'done' ? b.askedAt.localeCompare(a.askedAt) : a.askedAt.localeCompare(b.askedAt)) ||
      a.id.localeCompare(b.id),
  )
}

/** The subject of an offer from the coverage view: the concepts a unit has not used yet. */
export function offerSubject(untouched: readonly string[]): string {
  const shown = untouched.slice(0, 4).join(', ')
  return untouched.length > 4 ? `${shown} and ${untouched.length - 4} more` : shown
}

/** The open or taken offer already made to a unit, so one tap never makes two. */
export function liveOffer<T extends Pick<CoachRequest, 'origin' | 'unitId' | 'state' | 'about'>>(
  list: readonly T[],
  unitId: string,
): T | undefined {
  return list.find((r) => r.origin === 'offered' && r.about === 'concepts' && r.unitId === unitId && r.state !== 'done')
}
