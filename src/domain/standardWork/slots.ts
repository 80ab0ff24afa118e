// When a checklist falls due. Each template yields "due slots": one per chosen shift
// (every shift), one per day (daily by a time) or one per chosen weekday (weekly). A
// slot opens and has a deadline; a night shift's slot belongs to the day it starts.
// Daily and weekly slots open at the start of their London day.
import { addDays, weekdayIndex } from '../dates'
import type { ChecklistFrequency, DayKey, ShiftId, ShiftTimes } from '../types'
import { londonInstant, SHIFT_IDS, SHIFT_LABEL, shiftWindow } from './shifts'

export interface DueSlot {
  /** `2026-11-26/early`, `2026-11-26/daily`, `2026-11-26/weekly`: what a run records. */
  key: string
  day: DayKey
  /** "Early shift", "By 10:00". */
  label: string
  opensAt: Date
  dueAt: Date
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

/** The slots of `frequency` that belong to `day` (none for on demand). */
export function slotsOnDay(frequency: ChecklistFrequency, day: DayKey, shifts: ShiftTimes): DueSlot[] {
  switch (frequency.kind) {
    case 'every-shift':
      return SHIFT_IDS.filter((id) => frequency.shifts.includes(id)).map((id) => shiftSlot(day, id, shifts))
    case 'daily':
      return [clockSlot(day, 'daily', frequency.dueBy)]
    case 'weekly':
      return frequency.days.includes(weekdayIndex(day)) ? [clockSlot(day, 'weekly', frequency.dueBy)] : []
    case 'on-demand':
      return []
  }
}

function shiftSlot(day: DayKey, id: ShiftId, shifts: ShiftTimes): DueSlot {
  const window = shiftWindow(day, shifts[id])
  return { key: `${day}/${id}`, day, label: `${SHIFT_LABEL[id]} shift`, opensAt: window.start, dueAt: window.end }
}

function clockSlot(day: DayKey, kind: 'daily' | 'weekly', dueBy: string): DueSlot {
  return {
    key: `${day}/${kind}`,
    day,
    label: `By ${dueBy}`,
    opensAt: londonInstant(day, '00:00'),
    dueAt: londonInstant(day, dueBy),
  }
}

/** Every slot whose day is from `from` to `to`, in time order. */
export function slotsBetween(frequency: ChecklistFrequency, from: DayKey, to: DayKey, shifts: ShiftTimes): DueSlot[] {
  const slots: DueSlot[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) slots.push(...slotsOnDay(frequency, day, shifts))
  return slots
}

/** "Every shift (early, night)", "Daily by 10:00", "Weekly on Monday and Thursday by 12:00". */
export function frequencyText(frequency: ChecklistFrequency): string {
  switch (frequency.kind) {
    case 'every-shift':
      return frequency.shifts.length === 3
        ? 'Every shift'
        : `Every ${listText(SHIFT_IDS.filter((id) => frequency.shifts.includes(id)).map((id) => id))} shift`
    case 'daily':
      return `Daily by ${frequency.dueBy}`
    case 'weekly':
      return `Weekly on ${listText([...frequency.days].sort().map((d) => WEEKDAY_NAMES[d] ?? '?'))} by ${frequency.dueBy}`
    case 'on-demand':
      return 'On demand'
  }
}

function listText(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
