// Adherence, exactly: for one ISO week (Monday to Sunday, London days) and one
// template, the DUE SLOTS are the template's slots on those days whose deadline is
// after the template was created and which opened before it was retired. A slot
// COUNTS once its deadline has passed at `now`, or earlier if it was already
// completed on time. ADHERENCE = counted slots whose run was completed at or before
// the slot's deadline ÷ counted slots. Late completions and misses both count
// against it (and are reported apart). On-demand templates have no slots and no
// adherence. A unit's adherence adds up the slots of all its templates.
// Most-missed steps: "Not done" step results in runs of that week, by template and
// step, most often first, with their reasons (newest first).
import { addDays, weekStart } from '../dates'
import type { ChecklistRun, ChecklistTemplate, DayKey, Instant, ShiftTimes, StepResult } from '../types'
import { runsBySlot, slotKey } from './dueList'
import { slotsBetween } from './slots'

export interface AdherenceCount {
  /** Slots counted (deadline passed, or done on time already). */
  due: number
  onTime: number
  late: number
  missed: number
  /** onTime ÷ due, 0–1; null when nothing was due. */
  share: number | null
}

export interface TemplateAdherence extends AdherenceCount {
  templateId: string
  title: string
}

export interface MissedStep {
  templateId: string
  stepId: string
  /** The step's wording in the newest run that missed it. */
  text: string
  title: string
  count: number
  /** Distinct reasons, newest first. */
  reasons: string[]
}

export interface WeekAdherence {
  /** The Monday. */
  weekStart: DayKey
  unit: AdherenceCount
  templates: TemplateAdherence[]
  mostMissed: MissedStep[]
}

export interface AdherenceInput {
  templates: readonly ChecklistTemplate[]
  runs: readonly ChecklistRun[]
  results: readonly StepResult[]
  shifts: ShiftTimes
  now: Date
}

function share(onTime: number, due: number): number | null {
  return due === 0 ? null : onTime / due
}

function templateCount(
  template: ChecklistTemplate,
  monday: DayKey,
  bySlot: Map<string, ChecklistRun>,
  shifts: ShiftTimes,
  now: Date,
): AdherenceCount {
  const counts = { due: 0, onTime: 0, late: 0, missed: 0 }
  const created = Date.parse(template.createdAt)
  const retired = template.retired && template.retiredAt ? Date.parse(template.retiredAt) : Infinity
  for (const slot of slotsBetween(template.frequency, monday, addDays(monday, 6), shifts)) {
    const deadline = slot.dueAt.getTime()
    if (deadline <= created || slot.opensAt.getTime() >= retired) continue
    const completed = bySlot.get(slotKey(template.id, slot.key))?.completedAt
    const onTime = Boolean(completed && Date.parse(completed) <= deadline)
    if (deadline > now.getTime() && !onTime) continue // still open: not yet counted
    counts.due++
    if (onTime) counts.onTime++
    else if (completed) counts.late++
    else counts.missed++
  }
  return { ...counts, share: share(counts.onTime, counts.due) }
}

/** The adherence of one ISO week (any day of it may be given as `day`). */
export function weeklyAdherence(input: AdherenceInput, day: DayKey): WeekAdherence {
  return weekOf(input, day, indexes(input))
}

interface Indexes {
  bySlot: Map<string, ChecklistRun>
  byDay: Map<DayKey, ChecklistRun[]>
  misses: Map<string, StepResult[]>
}

// One pass over the runs and results, shared by every week asked for.
function indexes(input: AdherenceInput): Indexes {
  const byDay = new Map<DayKey, ChecklistRun[]>()
  for (const run of input.runs) {
    const list = byDay.get(run.day)
    if (list) list.push(run)
    else byDay.set(run.day, [run])
  }
  return { bySlot: runsBySlot(input.runs), byDay, misses: resultsByRun(input.results) }
}

function resultsByRun(results: readonly StepResult[]): Map<string, StepResult[]> {
  const map = new Map<string, StepResult[]>()
  for (const result of results) {
    if (result.outcome !== 'not-done') continue
    const list = map.get(result.runId)
    if (list) list.push(result)
    else map.set(result.runId, [result])
  }
  return map
}

function weekOf(input: AdherenceInput, day: DayKey, { bySlot, byDay, misses }: Indexes): WeekAdherence {
  const monday = weekStart(day)
  const templates = input.templates
    .filter((t) => t.frequency.kind !== 'on-demand')
    .map((t) => ({ templateId: t.id, title: t.title, ...templateCount(t, monday, bySlot, input.shifts, input.now) }))
    .filter((t) => t.due > 0)
  const unit = { due: 0, onTime: 0, late: 0, missed: 0 }
  for (const t of templates) {
    unit.due += t.due
    unit.onTime += t.onTime
    unit.late += t.late
    unit.missed += t.missed
  }
  const weekRuns = Array.from({ length: 7 }, (_, i) => byDay.get(addDays(monday, i)) ?? []).flat()
  const weekMisses = weekRuns.flatMap((r) => misses.get(r.id) ?? [])
  return {
    weekStart: monday,
    unit: { ...unit, share: share(unit.onTime, unit.due) },
    templates,
    mostMissed: mostMissed(weekRuns, weekMisses),
  }
}

/** The adherence of each of `weeks` weeks ending with the week of `lastDay`, oldest first. */
export function adherenceByWeek(input: AdherenceInput, lastDay: DayKey, weeks: number): WeekAdherence[] {
  const shared = indexes(input)
  return Array.from({ length: weeks }, (_, i) =>
    weekOf(input, addDays(weekStart(lastDay), (i - weeks + 1) * 7), shared),
  )
}

function mostMissed(runs: readonly ChecklistRun[], results: readonly StepResult[]): MissedStep[] {
  const runById = new Map(runs.map((r) => [r.id, r]))
  const byStep = new Map<string, MissedStep & { latest: Instant }>()
  const misses = results
    .filter((r) => r.outcome === 'not-done' && runById.has(r.runId))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  for (const result of misses) {
    const run = runById.get(result.runId)!
    const key = `${run.templateId}:${result.stepId}`
    const step = run.steps.find((s) => s.id === result.stepId)
    const entry = byStep.get(key) ?? {
      templateId: run.templateId,
      stepId: result.stepId,
      text: step?.text ?? '',
      title: run.title,
      count: 0,
      reasons: [],
      latest: result.updatedAt,
    }
    entry.count++
    const reason = result.reason.trim()
    if (reason && !entry.reasons.includes(reason)) entry.reasons.push(reason)
    byStep.set(key, entry)
  }
  return [...byStep.values()]
    .sort((a, b) => b.count - a.count || b.latest.localeCompare(a.latest))
    .map(({ latest: _latest, ...missed }) => missed)
}

/** "83%" or "–" when nothing was due. */
export function shareText(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`
}
