// @vitest-environment node
// Two wards running the same trust-wide checklist slot: each run's id names its unit, so on the CSU's
// tablet both runs are kept and both wards count as done in adherence (real engine and server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, londonDay } from '@/domain/dates'
import { DEFAULT_SHIFTS, newRunFields, slotRunId, slotsOnDay, weeklyAdherence } from '@/domain/standardWork'
import type { ChecklistRun, ChecklistTemplate } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { template } from '../../standardWork/fixtures'
import { startRealServer, type RealServer } from '../harness/realServer'

let server: RealServer
beforeAll(async () => {
  server = await startRealServer()
})
afterAll(() => server.close())

describe('one trust checklist slot run by two wards', () => {
  it('keeps both runs on the CSU tablet, and both wards count as done', async () => {
    const { org } = server
    const trust = server.tablet('office')
    const csu = server.tablet('csu-office')
    const wards = [org.unitA.id, org.unitB.id].map((unitId) => ({ unitId, tablet: server.tablet(`ward-${unitId}`) }))
    await trust.enrol('trust', org.trust.id)
    await csu.enrol('csu', org.csu.id)
    for (const ward of wards) await ward.tablet.enrol('unit', ward.unitId)

    const shared: ChecklistTemplate = template(
      `trust-safety-${org.trust.id}`,
      { kind: 'daily', dueBy: '10:00' },
      {
        unitId: libraryScopeId(org.trust.id),
        boardId: null,
      },
    )
    await trust.repo.saveRecord<ChecklistTemplate>('checklistTemplates', shared, 'Office')
    await trust.engine.syncOnce()

    const day = addDays(londonDay(new Date()), -1)
    const slot = slotsOnDay(shared.frequency, day, DEFAULT_SHIFTS)[0]!
    for (const { unitId, tablet } of wards) {
      await tablet.engine.syncOnce()
      const fields = newRunFields(shared, `board-${unitId}`, slot, new Date(slot.dueAt.getTime() - 30 * 60_000))
      await tablet.repo.saveRecord<ChecklistRun>(
        'checklistRuns',
        {
          id: slotRunId(shared.id, slot.key, unitId),
          unitId,
          ...fields,
          completedAt: new Date(slot.dueAt.getTime() - 60_000).toISOString(),
          completedBy: 'Sam',
        },
        'Sam',
      )
      expect(await tablet.engine.syncOnce()).toMatchObject({ outcome: 'synced', pushed: 1 })
    }

    await csu.engine.syncOnce()
    const runs = await csu.database.checklistRuns.toArray()
    expect(runs.map((run) => run.unitId).sort()).toEqual([org.unitA.id, org.unitB.id].sort())
    for (const { unitId } of wards) {
      const week = weeklyAdherence(
        {
          templates: [shared],
          runs: runs.filter((run) => run.unitId === unitId),
          results: [],
          shifts: DEFAULT_SHIFTS,
          now: new Date(),
        },
        day,
      )
      const counted = week.templates.find((t) => t.templateId === shared.id)
      expect(counted?.onTime, unitId).toBeGreaterThanOrEqual(1)
    }
  })
})
