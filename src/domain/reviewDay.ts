// Which day the huddle reviews. Most wards huddle in the morning about the day before,
// while the board records the day in hand; a ward that huddles late in the day can choose
// to review today instead. Chosen once per tablet; both screens say which in words.
import { addDays, formatDay, formatDayLong } from './dates'
import type { DayKey } from './types'

export type ReviewChoice = 'yesterday' | 'today'

export const DEFAULT_REVIEW_CHOICE: ReviewChoice = 'yesterday'

export function reviewDayFor(choice: ReviewChoice, today: DayKey): DayKey {
  return choice === 'today' ? today : addDays(today, -1)
}

/** One sentence for the board and the huddle: which day is reviewed, which is recorded. */
export function huddleDayWords(choice: ReviewChoice, today: DayKey): string {
  if (choice === 'today')
    return `The huddle reviews today so far, ${formatDayLong(today)}, the same day the board records.`
  return `The huddle reviews yesterday, ${formatDayLong(addDays(today, -1))}. The board records today, ${formatDayLong(today)}.`
}

/** The board's short line: "The huddle reviews yesterday, 06/12/2026". */
export function huddleDayShortWords(choice: ReviewChoice, today: DayKey): string {
  return choice === 'today'
    ? 'The huddle reviews today so far'
    : `The huddle reviews yesterday, ${formatDay(addDays(today, -1))}`
}

/** A stored choice read tolerantly: anything but 'today' is the usual 'yesterday'. */
export function readReviewChoice(stored: unknown): ReviewChoice {
  return stored === 'today' ? 'today' : DEFAULT_REVIEW_CHOICE
}
