import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { HuddleDatabase, SYNC_META } from '@/db/db'
import { slotRunId } from '@/domain/standardWork'
import { latestVersion, shippedDatabase } from './shippedSchemas'

const at = '2026-11-26T08:00:00.000Z'
const legacyRun = (unitId: string) => ({
  id: 'trust-safety_2026-11-26_early',
  unitId,
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Sam',
  templateId: 'trust-safety',
  boardId: `board-${unitId}`,
  templateVersion: 1,
  title: 'Safety huddle',
  steps: [{ id: 's1', text: 'Brief' }],
  slot: '2026-11-26/early',
  day: '2026-11-26',
  dueAt: at,
  startedAt: at,
  completedAt: at,
  completedBy: 'Sam',
})

describe('database version 6', () => {
  it('renames slot runs and their step results to ids that name the unit, keeping everything and queueing the move', async () => {
    const old = shippedDatabase('upgrade-from-v5', 5)
    await old.table('checklistRuns').put(legacyRun('ward-a'))
    await old.table('checklistRuns').put({ ...legacyRun('ward-a'), id: 'on-demand-1', slot: null })
    await old.table('stepResults').put({
      id: 'trust-safety_2026-11-26_early:s1',
      unitId: 'ward-a',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'Sam',
      runId: 'trust-safety_2026-11-26_early',
      stepId: 's1',
      outcome: 'not-done',
      reason: 'No staff',
      actionId: null,
      ideaId: null,
    })
    await old.table('history').put({
      id: 'h1',
      unitId: 'ward-a',
      table: 'checklistRuns',
      recordId: 'trust-safety_2026-11-26_early',
      at,
      by: 'Sam',
      kind: 'created',
      changes: [],
    })
    await old.table('outbox').add({
      mutationId: 'm1',
      table: 'stepResults',
      recordId: 'trust-safety_2026-11-26_early:s1',
      unitId: 'ward-a',
      op: 'put',
      fields: { outcome: 'not-done' },
      at,
      by: 'Sam',
      hlc: '1764144000000:000000:dabc',
    })
    await old.table('outbox').add({
      mutationId: 'm2',
      table: 'actions',
      recordId: 'a1',
      unitId: 'ward-a',
      op: 'put',
      fields: { title: 'Untouched' },
      at,
      by: 'Sam',
      hlc: '1764144000001:000000:dabc',
    })
    await old
      .table('meta')
      .put({ key: SYNC_META.device, value: { nodeId: 'dabc', latest: '1764144000001:000000:dabc' } })
    old.close()

    const upgraded = new HuddleDatabase('upgrade-from-v5')
    await upgraded.open()
    expect(upgraded.verno).toBe(latestVersion)
    const runId = slotRunId('trust-safety', '2026-11-26/early', 'ward-a')
    expect(runId).toBe('trust-safety_2026-11-26_early_ward-a')
    expect((await upgraded.checklistRuns.toArray()).map((run) => run.id).sort()).toEqual(['on-demand-1', runId])
    expect(await upgraded.checklistRuns.get(runId)).toMatchObject({ completedAt: at, title: 'Safety huddle' })
    expect(await upgraded.stepResults.toArray()).toMatchObject([
      { id: `${runId}:s1`, runId, outcome: 'not-done', reason: 'No staff' },
    ])
    expect(await upgraded.history.get('h1')).toMatchObject({ recordId: runId })

    const outbox = await upgraded.outbox.orderBy('seq').toArray()
    expect(outbox.find((entry) => entry.mutationId === 'm2')).toMatchObject({ recordId: 'a1' })
    expect(outbox.find((entry) => entry.mutationId === 'm1')).toBeUndefined()
    const byRecord = new Map(outbox.map((entry) => [`${entry.table}/${entry.recordId}`, entry]))
    expect(byRecord.get(`checklistRuns/${runId}`)?.fields).toMatchObject({ slot: '2026-11-26/early', completedAt: at })
    expect(byRecord.get(`stepResults/${runId}:s1`)?.fields).toMatchObject({ runId, outcome: 'not-done' })
    expect(byRecord.get('checklistRuns/trust-safety_2026-11-26_early')?.fields).toEqual({ deleted: true })
    expect(byRecord.get('stepResults/trust-safety_2026-11-26_early:s1')?.fields).toEqual({ deleted: true })
    // New stamps come after everything the clock had issued, from the same node.
    for (const entry of outbox.filter((e) => e.mutationId !== 'm2')) {
      expect(entry.hlc > '1764144000001:000000:dabc').toBe(true)
      expect(entry.hlc.endsWith(':dabc')).toBe(true)
    }
    upgraded.close()
    await Dexie.delete('upgrade-from-v5')
  })
})
