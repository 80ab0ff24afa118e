// Doing one checklist on two tablets through the in-memory sync server: ticks of
// different steps both stay, the same slot is one run on both, and a run finished on
// the other tablet shows as done here after a sync.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, resetDatabase } from '@/db/db'
import { DEFAULT_SHIFTS, newRunFields, slotRunId, slotsOnDay, stepResultId } from '@/domain/standardWork'
import type { ChecklistRun, ChecklistTemplate, StepResult } from '@/domain/types'
import { useOrgStore } from '@/stores/org'
import { useStandardWorkStore } from '@/stores/standardWork'
import { useChecklistRunsStore } from '@/stores/standardWorkRuns'
import { useSyncStore } from '@/stores/sync'
import { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { enrolDatabase, makeTablet, transportFor, type Tablet } from './tablets'

/** Live queries answer after IndexedDB does: generous for a loaded two-core machine. */
const LIVE = { timeout: 10_000, interval: 20 }

let server: MemorySyncServer
let other: Tablet
let template: ChecklistTemplate
let run: ChecklistRun

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
  server = new MemorySyncServer()
  other = makeTablet('other', server)
  const sync = useSyncStore()
  sync.useTransport(transportFor(server, db))
  const board = await useOrgStore().setUp(
    {
      trustName: 'Leeds',
      csuName: 'Medicine',
      unitName: 'Ward 7',
      unitKind: 'ward',
      boardName: 'Ward 7 board',
      people: [],
    },
    'Sam',
  )
  await enrolDatabase(server, db, board.unitId)
  const templates = useStandardWorkStore()
  await templates.load(board.id, board.unitId)
  await useChecklistRunsStore().load(board.id, board.unitId)
  template = await templates.create(
    {
      title: 'Safety walk',
      purpose: '',
      forRole: '',
      frequency: { kind: 'daily', dueBy: '10:00' },
      conceptIds: [],
      leaderStandardWork: false,
      auditCard: false,
      steps: [
        { id: 'st1', text: 'Check the resus trolley', keyPoint: '', expectedMinutes: null, conceptIds: [] },
        { id: 'st2', text: 'Check fire exits', keyPoint: '', expectedMinutes: null, conceptIds: [] },
      ],
    },
    'Sam',
  )
  run = await useChecklistRunsStore().start(
    template,
    slotsOnDay(template.frequency, '2026-11-26', DEFAULT_SHIFTS)[0]!,
    'Sam',
  )
  await sync.syncNow()
  await other.enrol(board.unitId)
  await other.engine.syncOnce()
})

afterEach(() => {
  other.database.close()
})

describe('a checklist done on two tablets', () => {
  it("keeps both tablets' ticks of different steps, and shows a run completed there as done here", async () => {
    expect(await other.database.checklistRuns.get(run.id)).toMatchObject({
      templateId: template.id,
      templateVersion: 1,
    })
    const runs = useChecklistRunsStore()
    await runs.record(run.id, 'st1', 'done', '', 'Sam')
    await other.repo.saveRecord<StepResult>(
      'stepResults',
      {
        id: stepResultId(run.id, 'st2'),
        unitId: run.unitId,
        runId: run.id,
        stepId: 'st2',
        outcome: 'not-done',
        reason: 'Exit blocked by beds',
        actionId: null,
        ideaId: null,
      },
      'Priya',
    )
    await useSyncStore().syncNow()
    await other.engine.syncOnce()
    await useSyncStore().syncNow()

    for (const database of [db, other.database]) {
      const results = await database.stepResults.where('runId').equals(run.id).toArray()
      expect(results.map((r) => [r.stepId, r.outcome, r.updatedBy]).sort()).toEqual([
        ['st1', 'done', 'Sam'],
        ['st2', 'not-done', 'Priya'],
      ])
    }

    await other.repo.updateRecord<ChecklistRun>(
      'checklistRuns',
      run.id,
      { completedAt: '2026-11-26T09:30:00.000Z', completedBy: 'Priya' },
      'Priya',
    )
    await other.engine.syncOnce()
    await useSyncStore().syncNow()
    await vi.waitFor(
      () =>
        expect(runs.runs.find((r) => r.id === run.id)).toMatchObject({
          completedBy: 'Priya',
          completedAt: '2026-11-26T09:30:00.000Z',
        }),
      LIVE,
    )
  })

  it('makes the same slot one run on both tablets, even when both start it offline', async () => {
    const slot = slotsOnDay(template.frequency, '2026-11-27', DEFAULT_SHIFTS)[0]!
    const here = await useChecklistRunsStore().start(template, slot, 'Sam')
    const there = await other.repo.saveRecord<ChecklistRun>(
      'checklistRuns',
      {
        id: slotRunId(template.id, slot.key, run.unitId),
        unitId: run.unitId,
        ...newRunFields(template, run.boardId, slot, new Date()),
      },
      'Priya',
    )
    expect(there.id).toBe(here.id)
    await useSyncStore().syncNow()
    await other.engine.syncOnce()
    await useSyncStore().syncNow()
    expect(await db.checklistRuns.where('templateId').equals(template.id).count()).toBe(2)
    expect(await other.database.checklistRuns.where('templateId').equals(template.id).count()).toBe(2)
  })
})
