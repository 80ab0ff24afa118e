// "Share this board with Ward 7": a board set up on this tablet before it was enrolled
// lives in a unit only this tablet knows. Sharing moves everything of that unit into the
// enrolled (server) unit, so the next sync uploads it. One Dexie transaction: the move
// happens completely or not at all, and no sync round can see it half done.
import { clockOffsetMs, loadDeviceClock } from '@/db/clock'
import { SYNC_META, type HuddleDatabase, type OutboxEntry } from '@/db/db'
import { repoFor } from '@/db/repo'
import { deleteSyncStatesOfScope } from '@/db/syncStates'
import { newId } from '@/domain/ids'
import type { Board, RecordMeta, SyncedTable, Unit } from '@/domain/types'
import { SYNCED_TABLES } from '@/shared/sync/tables'
import { enrolledUnitIds, isDemoId, type Enrolment } from './enrolment'
import type { EnrolledUnit } from './transport-types'

export interface ShareableUnit {
  unit: Unit
  boards: Board[]
}

/** Units set up on this tablet that no server knows: not demo data, not enrolled, with a board. */
export async function shareableUnits(
  database: HuddleDatabase,
  enrolment: Enrolment | undefined,
): Promise<ShareableUnit[]> {
  const enrolled = enrolledUnitIds(enrolment)
  const [units, boards] = await Promise.all([database.units.toArray(), database.boards.toArray()])
  return units
    .filter((unit) => !isDemoId(unit.id) && !enrolled.has(unit.id))
    .map((unit) => ({ unit, boards: boards.filter((board) => board.unitId === unit.id) }))
    .filter((shareable) => shareable.boards.length > 0)
}

const RECORD_TABLES = (Object.keys(SYNCED_TABLES) as SyncedTable[]).filter((table) => table !== 'units')

/** A record as an outbox entry that sets every field: for records with nothing queued. */
function fullPut(
  table: SyncedTable,
  record: RecordMeta,
  unitId: string,
  by: string,
  at: string,
  hlc: string,
): OutboxEntry {
  const { id: _id, unitId: _unit, ...fields } = record as RecordMeta & Record<string, unknown>
  return { mutationId: newId(), table, recordId: record.id, unitId, op: 'put', fields, at, by, hlc }
}

/**
 * Re-scope every record, history row and outbox entry of local unit `fromId` to the
 * enrolled unit `to`. The local `units` row gives way to the server's (its people list
 * merged in); records with nothing queued get an entry that sends them whole. Returns
 * how many records moved.
 */
export async function shareLocalUnit(
  database: HuddleDatabase,
  fromId: string,
  to: EnrolledUnit,
  by: string,
  given?: Date,
): Promise<number> {
  if (isDemoId(fromId)) throw new Error('Demo boards stay on this tablet and cannot be shared')
  const now = given ?? new Date(Date.now() + (await clockOffsetMs(database)))
  if (fromId === to.id) return 0
  const at = now.toISOString()
  const repo = repoFor(database)
  const tables = [
    ...RECORD_TABLES.map((t) => database.table(t)),
    database.units,
    database.history,
    database.outbox,
    database.syncState,
    database.syncStatePacks,
    database.meta,
    database.csus,
    database.trusts,
  ]
  return database.transaction('rw', tables, async () => {
    const local = await database.units.get(fromId)
    if (!local) throw new Error('That board is no longer on this tablet')

    // Whatever was queued keeps its stamp and moves with its record; the local unit's
    // own entries would overwrite the server's unit (name, CSU), so they go.
    const queued = (await database.outbox.toArray()).filter((entry) => entry.unitId === fromId)
    const stillQueued = new Set<string>()
    for (const entry of queued) {
      if (entry.table === 'units') await database.outbox.delete(entry.seq!)
      else {
        await database.outbox.update(entry.seq!, { unitId: to.id })
        stillQueued.add(`${entry.table}/${entry.recordId}`)
      }
    }

    const clock = await loadDeviceClock(database)
    let moved = 0
    for (const table of RECORD_TABLES) {
      const store = database.table<RecordMeta, string>(table)
      for (const record of await store.where('unitId').equals(fromId).toArray()) {
        await store.put({ ...record, unitId: to.id })
        if (!stillQueued.has(`${table}/${record.id}`))
          await database.outbox.add(fullPut(table, record, to.id, by, at, clock.clock.tick()))
        moved += 1
      }
    }
    await clock.save()

    // Server state kept for the local scope (from some earlier server) no longer applies.
    await deleteSyncStatesOfScope(database, fromId)
    await database.meta.delete(SYNC_META.cursor(fromId))
    for (const row of await database.history.where('unitId').equals(fromId).toArray()) {
      await database.history.update(row.id, {
        unitId: to.id,
        ...(row.table === 'units' && row.recordId === fromId ? { recordId: to.id } : {}),
      })
    }

    const server = await database.units.get(to.id)
    const base: Unit = server ?? {
      id: to.id,
      unitId: to.id,
      csuId: to.csuId,
      name: to.name,
      kind: to.kind,
      people: [],
      createdAt: at,
      updatedAt: at,
      updatedBy: by,
    }
    const people = [
      ...base.people,
      ...local.people.filter((name) => !base.people.some((p) => p.toLowerCase() === name.toLowerCase())),
    ]
    await database.units.delete(fromId)
    await repo.saveRecord<Unit>('units', { ...base, people }, by, undefined, now)

    // The CSU and trust typed in at setup now belong to nothing: remove them.
    if (!(await database.units.where('csuId').equals(local.csuId).count())) {
      const csu = await database.csus.get(local.csuId)
      await database.csus.delete(local.csuId)
      if (csu && !(await database.csus.where('trustId').equals(csu.trustId).count()))
        await database.trusts.delete(csu.trustId)
    }
    return moved
  })
}
