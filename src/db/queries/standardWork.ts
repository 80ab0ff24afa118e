// Standard work: checklist templates (a board's own and the trust library's), runs and
// each step's result, read live.
import type { Ref } from 'vue'
import type { ChecklistRun, ChecklistTemplate, DayKey, StepResult } from '@/domain/types'
import { db } from '../db'
import { useLiveQuery } from '../useLiveQuery'

export interface TemplatesShown {
  /** The board's own templates. */
  own: ChecklistTemplate[]
  /** The trust library's templates (boardId null) a unit can adopt. */
  library: ChecklistTemplate[]
}

const NO_TEMPLATES: TemplatesShown = { own: [], library: [] }

export async function readTemplates(boardId: string | null, libraryScope: string | null): Promise<TemplatesShown> {
  if (!boardId) return NO_TEMPLATES
  const [own, library] = await Promise.all([
    db.checklistTemplates.where('boardId').equals(boardId).toArray(),
    libraryScope ? db.checklistTemplates.where('unitId').equals(libraryScope).toArray() : Promise.resolve([]),
  ])
  return { own, library }
}

export function useTemplates(boardId: Ref<string | null>, libraryScope: Ref<string | null>) {
  return useLiveQuery(() => readTemplates(boardId.value, libraryScope.value), NO_TEMPLATES, [boardId, libraryScope])
}

export interface RunsShown {
  runs: ChecklistRun[]
  /** Step results of those runs by id (`runId:stepId`). */
  results: Map<string, StepResult>
}

export interface RunsWanted {
  boardId: string
  from: DayKey
  to: DayKey
  /** Older runs opened from a link, wanted as well as the days' ones. */
  alsoRunIds: readonly string[]
}

const NO_RUNS: RunsShown = { runs: [], results: new Map() }

export async function readRuns(wanted: RunsWanted | null): Promise<RunsShown> {
  if (!wanted) return NO_RUNS
  const { boardId, from, to, alsoRunIds } = wanted
  const [inRange, linked] = await Promise.all([
    db.checklistRuns.where('[boardId+day]').between([boardId, from], [boardId, to], true, true).toArray(),
    db.checklistRuns.bulkGet([...alsoRunIds]),
  ])
  const byId = new Map(inRange.map((run) => [run.id, run]))
  for (const run of linked) if (run) byId.set(run.id, run)
  const runs = [...byId.values()]
  const found = await db.stepResults
    .where('runId')
    .anyOf(runs.map((r) => r.id))
    .toArray()
  return { runs, results: new Map(found.map((r) => [r.id, r])) }
}

export function useRuns(wanted: Ref<RunsWanted | null>) {
  return useLiveQuery(() => readRuns(wanted.value), NO_RUNS, wanted)
}

/** A stored run, whether or not any screen shows it. */
export function readRun(runId: string): Promise<ChecklistRun | undefined> {
  return db.checklistRuns.get(runId)
}
