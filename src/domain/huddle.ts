// The huddle clock and what a finished huddle records. Pure and framework-free: every
// function takes `now` (epoch ms) so the clock can be tested from a table and resumed
// after a reload from its serialised state. Time is wall-clock time since the step
// began, so a tablet that slept or reloaded mid-huddle still shows the real time.
import { addDays, weekStart } from './dates'
import { LIMITS, validateAgenda, validateName, validateNotes, type Errors } from './validation'
import type { AgendaItem, AgendaKind, DayKey, HuddleItemTiming, HuddleRecord, Measure, MeasureCategory } from './types'

/** A running huddle, as stored in sessionStorage. The agenda is a snapshot taken at the
 * start, so an agenda edited (or synced) mid-huddle cannot shift the timings. */
export interface RunningHuddle {
  boardId: string
  agenda: AgendaItem[]
  /** The overall time box, in seconds. */
  totalSeconds: number
  /** Epoch ms. */
  startedAt: number
  currentIndex: number
  /** Milliseconds spent on each agenda item (same order) before the current visit. */
  spentMs: number[]
  /** Epoch ms when the current item was last entered. */
  itemEnteredAt: number
}

export type ItemProgress = 'done' | 'current' | 'upcoming'

export function startHuddle(boardId: string, agenda: AgendaItem[], huddleMinutes: number, now: number): RunningHuddle {
  return {
    boardId,
    agenda: agenda.map((item) => ({ ...item })),
    totalSeconds: Math.round(huddleMinutes * 60),
    startedAt: now,
    currentIndex: 0,
    spentMs: agenda.map(() => 0),
    itemEnteredAt: now,
  }
}

/** Move to another item, banking the time spent on the one being left. */
export function goTo(state: RunningHuddle, index: number, now: number): RunningHuddle {
  const target = clampIndex(state, index)
  if (target === state.currentIndex) return state
  const spentMs = state.spentMs.map((ms, i) =>
    i === state.currentIndex ? ms + Math.max(0, now - state.itemEnteredAt) : ms,
  )
  return { ...state, currentIndex: target, spentMs, itemEnteredAt: now }
}

export function next(state: RunningHuddle, now: number): RunningHuddle {
  return goTo(state, state.currentIndex + 1, now)
}

export function previous(state: RunningHuddle, now: number): RunningHuddle {
  return goTo(state, state.currentIndex - 1, now)
}

function clampIndex(state: RunningHuddle, index: number): number {
  return Math.min(Math.max(0, Math.trunc(index)), Math.max(0, state.agenda.length - 1))
}

export function currentItem(state: RunningHuddle): AgendaItem | undefined {
  return state.agenda[state.currentIndex]
}

export function isFirstItem(state: RunningHuddle): boolean {
  return state.currentIndex === 0
}

export function isLastItem(state: RunningHuddle): boolean {
  return state.currentIndex >= state.agenda.length - 1
}

/** Whole seconds since the huddle started (never negative, even if the clock moved back). */
export function elapsedSeconds(state: RunningHuddle, now: number): number {
  return Math.floor(Math.max(0, now - state.startedAt) / 1000)
}

/** Seconds left of the overall time box; negative once the huddle runs over. */
export function remainingSeconds(state: RunningHuddle, now: number): number {
  return state.totalSeconds - elapsedSeconds(state, now)
}

/** Whole seconds spent on an item so far, across every visit to it. */
export function itemElapsedSeconds(state: RunningHuddle, now: number, index = state.currentIndex): number {
  const banked = state.spentMs[index] ?? 0
  const live = index === state.currentIndex ? Math.max(0, now - state.itemEnteredAt) : 0
  return Math.floor((banked + live) / 1000)
}

/** Seconds left of an item's time box; negative once it runs over. */
export function itemRemainingSeconds(state: RunningHuddle, now: number, index = state.currentIndex): number {
  return (state.agenda[index]?.seconds ?? 0) - itemElapsedSeconds(state, now, index)
}

/** Exactly on the time box is not over; one second past it is. */
export function isItemOver(state: RunningHuddle, now: number, index = state.currentIndex): boolean {
  return state.agenda[index] !== undefined && itemRemainingSeconds(state, now, index) < 0
}

export function isHuddleOver(state: RunningHuddle, now: number): boolean {
  return remainingSeconds(state, now) < 0
}

export function itemProgress(state: RunningHuddle, index: number): ItemProgress {
  if (index === state.currentIndex) return 'current'
  // An item counts as done once the team has moved past it or spent time on it, so
  // going back to an earlier item does not make later, discussed items look untouched.
  return index < state.currentIndex || (state.spentMs[index] ?? 0) > 0 ? 'done' : 'upcoming'
}

/** "30 seconds", "1 minute", "3 minutes 5 seconds": for sentences read aloud. */
export function describeSeconds(totalSeconds: number): string {
  const s = Math.abs(Math.round(totalSeconds))
  const minutes = Math.floor(s / 60)
  const seconds = s % 60
  const parts: string[] = []
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`)
  if (seconds || !minutes) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`)
  return parts.join(' ')
}

/** "12 min 30 s", "12 min", "45 s": for durations on screen and in messages. */
export function formatMinSec(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds))
  const minutes = Math.floor(s / 60)
  const seconds = s % 60
  if (!minutes) return `${seconds} s`
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`
}

/** e.g. "Safety is 30 seconds over its 3 minutes – move on?", or null while on time. */
export function itemNudge(state: RunningHuddle, now: number): string | null {
  const item = currentItem(state)
  if (!item || !isItemOver(state, now)) return null
  const over = -itemRemainingSeconds(state, now)
  return `${item.title} is ${describeSeconds(over)} over its ${describeSeconds(item.seconds)} – move on?`
}

/** e.g. "The huddle is 1 minute 10 seconds over its 15 minutes – time to finish?" */
export function huddleNudge(state: RunningHuddle, now: number): string | null {
  if (!isHuddleOver(state, now)) return null
  return `The huddle is ${describeSeconds(-remainingSeconds(state, now))} over its ${describeSeconds(state.totalSeconds)} – time to finish?`
}

/** Time spent on each item, for the huddle record. */
export function huddleTimings(state: RunningHuddle, now: number): HuddleItemTiming[] {
  return state.agenda.map((item, index) => ({
    agendaItemId: item.id,
    title: item.title,
    seconds: itemElapsedSeconds(state, now, index),
    timeBoxSeconds: item.seconds,
  }))
}

/** Total of the agenda's time boxes, in seconds. */
export function agendaSeconds(agenda: Pick<AgendaItem, 'seconds'>[]): number {
  return agenda.reduce((sum, item) => sum + item.seconds, 0)
}

// ——— What the huddle records ———

/** Steps whose screen is a notes box; what is typed there goes into the huddle notes. */
export const NOTE_KINDS: readonly AgendaKind[] = ['plan', 'ideas', 'recognition', 'notes']

export function isNoteStep(kind: AgendaKind): boolean {
  return NOTE_KINDS.includes(kind)
}

/** The record's notes: the general notes, then each notes step under its own heading
 * ("Today's plan: …"), in agenda order. Empty steps are left out. */
export function composeHuddleNotes(agenda: AgendaItem[], notes: string, stepNotes: Record<string, string>): string {
  const parts: string[] = []
  if (notes.trim()) parts.push(notes.trim())
  for (const item of agenda) {
    const text = stepNotes[item.id]?.trim()
    if (text && isNoteStep(item.kind)) parts.push(`${item.title.trim()}: ${text}`)
  }
  return parts.join('\n\n')
}

export const ATTENDANCE_MAX = 200

export type HuddleEndField = 'attendance' | 'facilitator' | 'notes'

export function validateAttendance(attendance: number): string | undefined {
  if (!Number.isFinite(attendance) || attendance < 1) return 'Enter how many people were at the huddle (at least 1)'
  if (!Number.isInteger(attendance)) return 'Enter the number of people at the huddle as a whole number'
  if (attendance > ATTENDANCE_MAX) return `The number of people at the huddle must be ${ATTENDANCE_MAX} or fewer`
  return undefined
}

export function validateHuddleEnd(input: {
  attendance: number
  facilitator: string
  notes: string
}): Errors<HuddleEndField> {
  const errors: Errors<HuddleEndField> = {}
  const attendance = validateAttendance(input.attendance)
  if (attendance) errors.attendance = attendance
  const facilitator = validateName('who facilitated the huddle', input.facilitator, LIMITS.person)
  if (facilitator) errors.facilitator = facilitator
  const notes = validateNotes(input.notes)
  if (notes) errors.notes = notes
  return errors
}

// ——— What the step screens show ———

/** Categories the Safety step shows: the starter 'safety' category, or any a team named "Safety…". */
export function isSafetyCategory(category: MeasureCategory): boolean {
  return category.id === 'safety' || category.name.trim().toLowerCase().startsWith('safety')
}

/** Measures for the Safety step ('safety') or the measures step (everything else), in board order. */
export function measuresForStep<M extends Pick<Measure, 'categoryId'>>(
  kind: 'safety' | 'measures',
  byCategory: { category: MeasureCategory; measures: M[] }[],
): M[] {
  const wantSafety = kind === 'safety'
  return byCategory
    .filter(({ category }) => isSafetyCategory(category) === wantSafety)
    .flatMap(({ measures }) => measures)
}

export const TILES_PER_PAGE = 8

export function pageCount(itemCount: number, perPage = TILES_PER_PAGE): number {
  return Math.max(1, Math.ceil(itemCount / perPage))
}

/** Page `page` (0-based, clamped) of a list shown `perPage` at a time. */
export function pageOf<T>(items: T[], page: number, perPage = TILES_PER_PAGE): T[] {
  const last = pageCount(items.length, perPage) - 1
  const p = Math.min(Math.max(0, page), last)
  return items.slice(p * perPage, (p + 1) * perPage)
}

// ——— Reports ———

export interface WeekCount {
  /** The Monday the week starts on. */
  weekStart: DayKey
  /** Huddle records held that week (two on one day count twice). */
  huddles: number
  /** Monday–Friday days with at least one huddle (0–5). */
  weekdaysHeld: number
  /** Saturday and Sunday with at least one huddle (0–2): a weekend huddle counts too. */
  weekendDaysHeld: number
}

/**
 * Huddles per Monday-to-Sunday week for every week touching `from`…`to`, including
 * weeks with none. Records are grouped by their London `day`, so a huddle at 00:30 BST
 * counts on the London day it happened, whichever side of a clock change it falls.
 */
export function huddlesPerWeek(records: Pick<HuddleRecord, 'day'>[], from: DayKey, to: DayKey): WeekCount[] {
  const weeks = new Map<DayKey, { huddles: number; weekdays: Set<DayKey>; weekend: Set<DayKey> }>()
  for (let week = weekStart(from); week <= to; week = addDays(week, 7))
    weeks.set(week, { huddles: 0, weekdays: new Set(), weekend: new Set() })
  for (const { day } of records) {
    if (day < from || day > to) continue
    const week = weeks.get(weekStart(day))
    if (!week) continue
    week.huddles += 1
    if (day < addDays(weekStart(day), 5)) week.weekdays.add(day)
    else week.weekend.add(day)
  }
  return [...weeks].map(([start, { huddles, weekdays, weekend }]) => ({
    weekStart: start,
    huddles,
    weekdaysHeld: weekdays.size,
    weekendDaysHeld: weekend.size,
  }))
}

/** "3 of 5 weekdays", and "… and 1 weekend day" when the team huddled at the weekend. */
export function heldDaysText({ weekdaysHeld, weekendDaysHeld }: WeekCount): string {
  const weekdays = `${weekdaysHeld} of 5 weekdays`
  if (!weekendDaysHeld) return weekdays
  return `${weekdays} and ${weekendDaysHeld} weekend ${weekendDaysHeld === 1 ? 'day' : 'days'}`
}

/** The week containing `today`, for "Huddles held this week: 3 of 5 weekdays". */
export function thisWeek(records: Pick<HuddleRecord, 'day'>[], today: DayKey): WeekCount {
  const start = weekStart(today)
  return huddlesPerWeek(records, start, addDays(start, 6))[0]!
}

// ——— Editing the agenda ———

/** An agenda item as typed in the editor: times stay text until saved, so nothing typed is lost. */
export interface AgendaDraftItem {
  id: string
  title: string
  kind: AgendaKind
  minutes: string
  seconds: string
  /** LIM concepts the item practises; missing on items that never had any. */
  conceptIds?: string[]
}

export interface AgendaDraft {
  items: AgendaDraftItem[]
  huddleMinutes: string
}

export const HUDDLE_MINUTES_MIN = 5
export const HUDDLE_MINUTES_MAX = 60

export function draftFromAgenda(agenda: AgendaItem[], huddleMinutes: number): AgendaDraft {
  return {
    items: agenda.map((item) => ({
      id: item.id,
      title: item.title,
      kind: item.kind,
      minutes: String(Math.floor(item.seconds / 60)),
      seconds: String(item.seconds % 60),
      ...(item.conceptIds ? { conceptIds: [...item.conceptIds] } : {}),
    })),
    huddleMinutes: String(huddleMinutes),
  }
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  if (!trimmed) return 0
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null
}

/** An item's time box in seconds, or null when the minutes or seconds are not whole numbers. */
export function draftItemSeconds(item: Pick<AgendaDraftItem, 'minutes' | 'seconds'>): number | null {
  const minutes = wholeNumber(item.minutes)
  const seconds = wholeNumber(item.seconds)
  if (minutes === null || seconds === null || seconds > 59) return null
  return minutes * 60 + seconds
}

/** Total of the time boxes that can be read so far (for the "adds up to" line while typing). */
export function draftTotalSeconds(draft: AgendaDraft): number {
  return draft.items.reduce((sum, item) => sum + (draftItemSeconds(item) ?? 0), 0)
}

/**
 * Field-by-field errors for the agenda editor (keys: `huddleMinutes`, `agenda`,
 * `title-<id>`, `time-<id>`), and the agenda to save when there are none. The wording
 * follows validateAgenda, which has the last word on the whole list.
 */
export function validateAgendaDraft(draft: AgendaDraft): {
  errors: Record<string, string>
  agenda: AgendaItem[] | null
  huddleMinutes: number | null
} {
  const errors: Record<string, string> = {}
  const minutesText = draft.huddleMinutes.trim()
  const huddleMinutes = /^\d+$/.test(minutesText) ? Number(minutesText) : null
  if (huddleMinutes === null || huddleMinutes < HUDDLE_MINUTES_MIN || huddleMinutes > HUDDLE_MINUTES_MAX)
    errors.huddleMinutes = `Enter the huddle length as a whole number of minutes from ${HUDDLE_MINUTES_MIN} to ${HUDDLE_MINUTES_MAX}`

  const agenda: AgendaItem[] = []
  draft.items.forEach((item, i) => {
    const n = i + 1
    const title = item.title.trim()
    if (!title) errors[`title-${item.id}`] = `Enter a title for agenda item ${n}`
    else if (title.length > LIMITS.name)
      errors[`title-${item.id}`] =
        `Agenda item ${n}'s title must be ${LIMITS.name} characters or fewer (it has ${title.length})`
    const seconds = draftItemSeconds(item)
    if (seconds === null)
      errors[`time-${item.id}`] = `Enter agenda item ${n}'s time as whole minutes and seconds (0 to 59 seconds)`
    else if (seconds < 15 || seconds > 30 * 60)
      errors[`time-${item.id}`] = `Agenda item ${n}'s time must be between 15 seconds and 30 minutes`
    agenda.push({
      id: item.id,
      title,
      kind: item.kind,
      seconds: seconds ?? 0,
      ...(item.conceptIds?.length ? { conceptIds: item.conceptIds } : {}),
    })
  })
  if (Object.keys(errors).length === 0) {
    const problem = validateAgenda(agenda)
    if (problem) errors.agenda = problem
  }
  const valid = Object.keys(errors).length === 0
  return { errors, agenda: valid ? agenda : null, huddleMinutes: valid ? huddleMinutes : null }
}
