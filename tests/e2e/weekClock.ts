// Standard-work adherence is counted per ISO week, and a night shift belongs to the day it
// starts. Between midnight and 07:00 on a Monday the shift due now is Sunday's, so a checklist
// done then counts in last week, not this one. Specs that expect "this week" to show the
// checklist they just did run the tablet's clock from Sunday evening in that window (a
// clock some hours slow, which sync handles like any slow tablet clock).
import type { BrowserContext } from '@playwright/test'

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
})

/** When `now` is in the first hours of a London Monday: Sunday 21:00 London before it; otherwise undefined. */
function sundayEveningBefore(now: number): number | undefined {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(now)).map((part) => [part.type, part.value]))
  const hour = Number(parts.hour)
  if (parts.weekday !== 'Mon' || hour >= 7) return undefined
  // No clock change falls between Sunday 21:00 and Monday 07:00, so local minutes are real minutes.
  const sinceSundayNine = ((hour + 3) * 60 + Number(parts.minute)) * 60_000 + Number(parts.second) * 1000
  return now - sinceSundayNine - (now % 1000)
}

/** Runs the context's clock from Sunday 21:00 when the real time is early on a Monday. */
export async function avoidMondayNightShift(context: BrowserContext): Promise<void> {
  const time = sundayEveningBefore(Date.now())
  if (time !== undefined) await context.clock.install({ time })
}

/**
 * Runs the context's clock from 10:00 London today, in the early shift. The demo trust has done every checklist of
 * the shifts before now, so late at night (after the night shift's run) no checklist is left to start: a spec that
 * starts one runs the morning instead, whatever the hour CI runs it.
 */
export async function atMidMorning(context: BrowserContext): Promise<void> {
  const now = Date.now()
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(now)).map((part) => [part.type, part.value]))
  // Local minutes since midnight are real minutes except on the two nights a year the clocks change: then this is an
  // hour either side of 10:00, still the early shift.
  const sinceMidnight = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000
  await context.clock.install({ time: now - (now % 1000) - sinceMidnight + 10 * 3_600_000 })
}
