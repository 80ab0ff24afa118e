import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { db, resetDatabase } from '@/db/db'
import { useOrgStore } from '@/stores/org'

beforeEach(async () => {
  await resetDatabase()
  setActivePinia(createPinia())
})

describe('loading the demo trust', () => {
  it('loads the demo’s checklists, runs, ideas, PDSA cycles and escalations, local only', async () => {
    const org = useOrgStore()
    await org.loadDemo('2026-11-26')
    expect(await db.checklistTemplates.where('boardId').equals('demo-board-1').count()).toBe(4)
    expect(
      await db.checklistRuns
        .where('[boardId+day]')
        .between(['demo-board-1', '2026-11-19'], ['demo-board-1', '2026-11-25'], true, true)
        .count(),
    ).toBeGreaterThan(20)
    expect(await db.stepResults.count()).toBeGreaterThan(1000)
    expect(await db.ideas.where('boardId').equals('demo-board-2').count()).toBe(8)
    expect(await db.pdsaCycles.count()).toBe(5)
    expect((await db.escalations.toArray()).map((e) => e.status).sort()).toEqual(['accepted', 'answered', 'closed'])
    expect(await db.outbox.count()).toBe(0)
    expect(await db.history.count()).toBe(0)
  })
})
