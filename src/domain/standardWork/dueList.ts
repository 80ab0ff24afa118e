// What the tablet shows at an instant: checklists due now, overdue, done in the last day, and
// those done on demand. A slot is due now from when it opens until its deadline,
// overdue for 24 hours after its deadline (after that it only counts against
// adherence), and done once a run for it is completed (late or not). Slots whose
// deadline passed before the template was created never fell due.
import { addDays, londonDay } from '../dates'
import type { ChecklistRun, ChecklistTemplate, DayKey, ShiftTimes } from '../types'
import { slotsBetween, type DueSlot } from './slots'

export type SlotState = 'upcoming' | 'due-now' | 'overdue' | 'done' | 'lapsed'

/** How long a missed slot stays on the overdue list. */
const OVERDUE_SHOWN_MS = 24 * 60 * 60 * 1000

export interface DueItem {
  template: ChecklistTemplate
  slot: DueSlot
  /** The run for this slot, if someone has started (or finished) it. */
  run: ChecklistRun | null
  state: SlotState
}

export interface DueList {
  dueNow: DueItem[]
  overdue: DueItem[]
  /** Slots of today (and last night) that are completed. */
  done: DueItem[]
  /** Runs of on-demand checklists completed today. */
  doneOnDemand: ChecklistRun[]
  onDemand: ChecklistTemplate[]
}

export function slotState(slot: DueSlot, run: ChecklistRun | null, now: Date): SlotState {
  if (run?.completedAt) return 'done'
  const t = now.getTime()
  if (t < slot.opensAt.getTime()) return 'upcoming'
  if (t < slot.dueAt.getTime()) return 'due-now'
  return t - slot.dueAt.getTime() < OVERDUE_SHOWN_MS ? 'overdue' : 'lapsed'
}

/** Runs by template and slot (`slotKey`), built once per list so a year of runs costs one pass. */
export function runsBySlot(runs: readonly ChecklistRun[]): Map<string, ChecklistRun> {
  const map = new Map<string, ChecklistRun>()
  for (const run of runs) if (run.slot) map.set(slotKey(run.templateId, run.slot), run)
  return map
}

export function slotKey(templateId: string, slot: string): string {
  return `${templateId}|${slot}`
}

export function dueList(
  templates: readonly ChecklistTemplate[],
  runs: readonly ChecklistRun[],
  now: Date,
  shifts: ShiftTimes,
): DueList {
  const bySlot = runsBySlot(runs)
  const today: DayKey = londonDay(now)
  const list: DueList = { dueNow: [], overdue: [], done: [], doneOnDemand: [], onDemand: [] }
  for (const template of templates) {
    if (template.retired) continue
    if (template.frequency.kind === 'on-demand') {
      list.onDemand.push(template)
      continue
    }
    // Yesterday's slots too: last night's shift, and anything missed in the last day.
    const created = Date.parse(template.createdAt)
    for (const slot of slotsBetween(template.frequency, addDays(today, -1), today, shifts)) {
      // A slot whose deadline passed before the checklist existed was never due.
      if (slot.dueAt.getTime() <= created) continue
      const run = bySlot.get(slotKey(template.id, slot.key)) ?? null
      const state = slotState(slot, run, now)
      const item = { template, slot, run, state }
      if (state === 'due-now') list.dueNow.push(item)
      else if (state === 'overdue') list.overdue.push(item)
      else if (state === 'done' && (slot.day === today || slot.dueAt.getTime() > now.getTime() - OVERDUE_SHOWN_MS))
        list.done.push(item)
    }
  }
  list.doneOnDemand = runs.filter((r) => !r.slot && r.completedAt && londonDay(new Date(r.completedAt)) === today)
  const byDeadline = (a: DueItem, b: DueItem) =>
    a.slot.dueAt.getTime() - b.slot.dueAt.getTime() || a.template.title.localeCompare(b.template.title)
  list.dueNow.sort(byDeadline)
  list.overdue.sort(byDeadline)
  list.done.sort(byDeadline)
  list.onDemand.sort((a, b) => a.title.localeCompare(b.title))
  return list
}
