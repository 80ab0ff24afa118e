// Writes that create an organisation on this tablet: the first-run set-up and the demo
// trust. They touch tables that repo.saveRecords does not (trusts and CSUs are not synced
// records, the demo is loaded without outbox entries), so they live here, beside the schema.
import type { DemoData } from '@/domain/demo'
import type { Board, Csu, Trust, Unit } from '@/domain/types'
import { db } from './db'
import { saveRecords, setMeta, type Writable } from './repo'

/** Trust, CSU, unit and board of a first run, in one transaction; the board becomes the current one. */
export async function storeNewOrganisation(
  created: { trust: Trust; csu: Csu; unit: Writable<Unit>; board: Writable<Board> },
  currentBoardKey: string,
  by: string,
): Promise<void> {
  await db.transaction('rw', [db.trusts, db.csus, db.units, db.boards, db.history, db.outbox, db.meta], async () => {
    await db.trusts.put(created.trust)
    await db.csus.put(created.csu)
    await saveRecords(
      [
        { table: 'units', record: created.unit },
        { table: 'boards', record: created.board },
      ],
      by,
    )
    await setMeta(currentBoardKey, created.board.id)
  })
}

/** The fictional demo trust, bulk-loaded without outbox entries so it never syncs. */
export async function storeDemoTrust(demo: DemoData, currentBoardKey: string): Promise<void> {
  const tables = [
    db.trusts,
    db.csus,
    db.units,
    db.boards,
    db.measures,
    db.entries,
    db.actions,
    db.huddles,
    db.meta,
    db.checklistTemplates,
    db.checklistRuns,
    db.stepResults,
    db.ideas,
    db.pdsaCycles,
    db.escalations,
    db.goals,
    db.catchBall,
  ]
  await db.transaction('rw', tables, async () => {
    await db.trusts.put(demo.trust)
    await db.csus.put(demo.csu)
    await db.units.bulkPut(demo.units)
    await db.boards.bulkPut(demo.boards)
    await db.measures.bulkPut(demo.measures)
    await db.entries.bulkPut(demo.entries)
    await db.actions.bulkPut(demo.actions)
    await db.huddles.bulkPut(demo.huddles)
    // Newer features, so every screen of the demo has something to show.
    await db.checklistTemplates.bulkPut(demo.checklistTemplates)
    await db.checklistRuns.bulkPut(demo.checklistRuns)
    await db.stepResults.bulkPut(demo.stepResults)
    await db.ideas.bulkPut(demo.ideas)
    await db.pdsaCycles.bulkPut(demo.pdsaCycles)
    await db.escalations.bulkPut(demo.escalations)
    await db.goals.bulkPut(demo.goals)
    await db.catchBall.bulkPut(demo.catchBall)
    await setMeta(currentBoardKey, demo.boards[0]!.id)
  })
}
