import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readRun, useRuns, type RunsWanted } from '@/db/queries/standardWork'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { addDays, londonDay } from '@/domain/dates'
import { newId } from '@/domain/ids'
import { IDEA_TEXT_MAX } from '@/domain/ideas'
import {
  completionProblem,
  dueList,
  missText,
  newRunFields,
  slotRunId,
  stepResultId,
  validateOutcome,
  weeklyAdherence,
  type DueSlot,
} from '@/domain/standardWork'
import type { ChecklistRun, ChecklistTemplate, StepOutcome, StepResult } from '@/domain/types'
import { LIMITS } from '@/domain/validation'
import { useActionsStore } from './actions'
import { InputError } from '@/domain/errors'
import { useIdeasStore } from './ideas'
import { useStandardWorkStore } from './standardWork'

/** Days of runs kept in memory: this week and the seven before it, for adherence. */
export const RUN_DAYS = 15

/** Doing checklists on the board on screen: runs, each step's tap, completion, and misses
 * turned into actions or ideas. Every tap is saved on the tablet at once. */
export const useChecklistRunsStore = defineStore('checklistRuns', () => {
  const templatesStore = useStandardWorkStore()
  const boardId = ref<string | null>(null)
  const unitId = ref<string | null>(null)
  const wanted = ref<RunsWanted | null>(null)
  // Live: two tablets ticking one checklist see each other's ticks at once.
  const live = useRuns(wanted)
  const runs = computed(() => live.data.value.runs)
  const results = computed(() => live.data.value.results)
  /** Bumped by the screens each minute, so "due now" moves with the clock. */
  const now = ref(new Date())

  const due = computed(() => dueList(templatesStore.templates, runs.value, now.value, templatesStore.shifts))
  const adherenceInput = computed(() => ({
    templates: templatesStore.templates,
    runs: runs.value,
    results: [...results.value.values()],
    shifts: templatesStore.shifts,
    now: now.value,
  }))
  const thisWeek = computed(() => weeklyAdherence(adherenceInput.value, londonDay(now.value)))
  const lastWeek = computed(() => weeklyAdherence(adherenceInput.value, addDays(londonDay(now.value), -7)))

  async function load(forBoardId: string, forUnitId: string, today = londonDay()) {
    boardId.value = forBoardId
    unitId.value = forUnitId
    wanted.value = { boardId: forBoardId, from: addDays(today, -RUN_DAYS), to: addDays(today, 1), alsoRunIds: [] }
    await live.settled()
  }

  /** A run opened from a link, perhaps older than the days shown. */
  async function ensureRun(runId: string): Promise<ChecklistRun | undefined> {
    const known = runs.value.find((r) => r.id === runId)
    if (known) return known
    const run = await readRun(runId)
    if (!run) return undefined
    await show(run.id)
    return runs.value.find((r) => r.id === runId)
  }

  /** Keep this run on screen with the days' ones (a run started for an older slot, or opened from a link). */
  async function show(runId: string) {
    const current = wanted.value
    if (current && !current.alsoRunIds.includes(runId))
      wanted.value = { ...current, alsoRunIds: [...current.alsoRunIds, runId] }
    await live.settled()
  }

  function resultsOf(runId: string): StepResult[] {
    return [...results.value.values()].filter((r) => r.runId === runId)
  }

  /** Start (or pick up) the run for a slot; on-demand runs get a fresh id each time. A
   * slot's run id is the same on every tablet, so two tablets meet on one run. */
  async function start(template: ChecklistTemplate, slot: DueSlot | null, by: string): Promise<ChecklistRun> {
    if (!boardId.value || !unitId.value) throw new InputError('Open a board first')
    const id = slot ? slotRunId(template.id, slot.key, unitId.value) : newId()
    const existing = slot ? ((await readRun(id)) ?? null) : null
    const run =
      existing ??
      (await saveRecord<ChecklistRun>(
        'checklistRuns',
        { id, unitId: unitId.value, ...newRunFields(template, boardId.value, slot, await recordNow()) },
        by,
      ))
    await show(run.id)
    return run
  }

  /** One tap: Done, Not done (with its reason) or Not applicable, saved at once. */
  async function record(
    runId: string,
    stepId: string,
    outcome: StepOutcome,
    reason: string,
    by: string,
  ): Promise<StepResult> {
    const run = findRun(runId)
    if (run.completedAt) throw new InputError('This checklist is already complete')
    const problem = validateOutcome(outcome, reason)
    if (problem) throw new InputError(problem)
    const id = stepResultId(runId, stepId)
    const fields = { outcome, reason: outcome === 'not-done' ? reason.trim() : '' }
    const saved = results.value.has(id)
      ? await updateRecord<StepResult>('stepResults', id, fields, by)
      : await saveRecord<StepResult>(
          'stepResults',
          { id, unitId: run.unitId, runId, stepId, actionId: null, ideaId: null, ...fields },
          by,
        )
    return putResult(saved)
  }

  async function complete(runId: string, by: string): Promise<ChecklistRun> {
    const problem = completionProblem(findRun(runId), resultsOf(runId))
    if (problem) throw new InputError(problem)
    const saved = await updateRecord<ChecklistRun>(
      'checklistRuns',
      runId,
      { completedAt: (await recordNow()).toISOString(), completedBy: by },
      by,
    )
    if (!saved) throw new InputError('This checklist is no longer on this tablet')
    await live.settled()
    return saved
  }

  /** A missed step becomes an action on the board, owned by whoever turned it into one. */
  async function missToAction(runId: string, stepId: string, by: string): Promise<StepResult> {
    const { run, step, result } = miss(runId, stepId)
    const actions = useActionsStore()
    if (actions.boardId !== run.boardId) await actions.load(run.boardId, run.unitId)
    const action = await actions.add(
      { title: missText(run, step, result.reason, LIMITS.title), owner: by, dueDay: null, conceptIds: step.conceptIds },
      by,
    )
    return putResult(await updateRecord<StepResult>('stepResults', result.id, { actionId: action.id }, by))
  }

  /** A missed step becomes an idea card, to find out why it is missed. */
  async function missToIdea(runId: string, stepId: string, by: string): Promise<StepResult> {
    const { run, step, result } = miss(runId, stepId)
    const ideas = useIdeasStore()
    if (ideas.boardId !== run.boardId) await ideas.load(run.boardId, run.unitId)
    const idea = await ideas.add(
      {
        problem: missText(run, step, result.reason, IDEA_TEXT_MAX),
        idea: `Find out why “${step.text}” gets missed, and change the work so it is easy to do right every time.`.slice(
          0,
          IDEA_TEXT_MAX,
        ),
        conceptIds: step.conceptIds,
        raisedBy: by,
      },
      by,
    )
    return putResult(await updateRecord<StepResult>('stepResults', result.id, { ideaId: idea.id }, by))
  }

  function miss(runId: string, stepId: string) {
    const run = findRun(runId)
    const step = run.steps.find((s) => s.id === stepId)
    const result = results.value.get(stepResultId(runId, stepId))
    if (!step || result?.outcome !== 'not-done')
      throw new InputError('Only a step marked “Not done” can become an action or an idea')
    return { run, step, result }
  }

  function findRun(runId: string): ChecklistRun {
    const run = runs.value.find((r) => r.id === runId)
    if (!run) throw new InputError('This checklist is no longer on this tablet')
    return run
  }

  async function putResult(saved: StepResult | undefined): Promise<StepResult> {
    if (!saved) throw new InputError('This step is no longer on this tablet')
    await live.settled()
    return saved
  }

  return {
    boardId,
    unitId,
    runs,
    results,
    now,
    due,
    thisWeek,
    lastWeek,
    adherenceInput,
    loaded: live.loaded,
    load,
    ensureRun,
    resultsOf,
    start,
    record,
    complete,
    missToAction,
    missToIdea,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useChecklistRunsStore, import.meta.hot))
