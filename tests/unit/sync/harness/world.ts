// One run of the convergence property: three tablets running the real engine on fake-indexeddb against the real
// server, each behind its own unreliable network, doing a random list of steps; then the network comes back and
// every tablet syncs. `check` then says whether they all hold exactly what the server holds and nothing a tablet
// sent honestly was lost.
//
// The tablets: Ward A's (still on an older version of the app that does not know the `ideas` table, until it is
// updated), Ward B's (which also forges changes naming other scopes' records), and the improvement office's
// (trust) tablet, which reads and writes both wards (so it edits Ward A's records alongside Ward A's tablet) and
// the trust library. Both wards run the same trust-wide checklist slot. (Each tablet costs a sync round or two per
// run, and runs are counted in thousands: three is the fewest that meets every case.)
import { expect } from 'vitest'
import { SYNC_META, type OutboxEntry } from '@/db/db'
import { storedSyncRecords } from '@/db/syncRecords'
import { allSyncStates } from '@/db/syncStates'
import { addDays, londonDay } from '@/domain/dates'
import { DEFAULT_SHIFTS, newRunFields, slotRunId, slotsOnDay, weeklyAdherence } from '@/domain/standardWork'
import type { Action, ChecklistRun, ChecklistTemplate, Idea, SyncedTable } from '@/domain/types'
import { newIdeaFields } from '@/domain/ideas'
import { canonicalJson } from '@/shared/sync/json'
import { isDeleted } from '@/shared/sync/merge'
import { MAX_FUTURE_SKEW_MS, wallOf } from '@/shared/sync/hlc'
import type { ServerRecord } from '@/shared/sync/protocol'
import { libraryScopeId } from '@/shared/sync/scopes'
import { DELETED_FIELD, SYNCED_TABLES } from '@/shared/sync/tables'
import { createSyncEngine, type SyncEngine, type SyncResult } from '@/sync/engine'
import { readableScopeIds, readEnrolment } from '@/sync/enrolment'
import { template } from '../../standardWork/fixtures'
import { newNetwork, unreliable, type Fault, type Network } from './network'
import { createCsu, createTrust, createUnit } from '../../../../server/devices/org.ts'
import { currentSeq } from '../../../../server/sync/pull.ts'
import { uniqueName } from '../../../server/devices.fixtures.ts'
import type { RealServer, RealTablet } from './realServer'
import { forgedEntry, newAction } from './records'

export const TABLETS = ['ward-a', 'ward-b', 'office'] as const
const OLD = 0
const FORGER = 1
const OFFICE = 2
const HOUR = 3_600_000

export type ActionChange =
  | { field: 'title'; value: string }
  | { field: 'owner'; value: string }
  | { field: 'status'; value: Action['status'] }
  | { field: 'deleted' }

export type Step =
  /** Tablet edits (or creates, when it does not hold it) one of the actions of a unit it may write. */
  | { kind: 'edit'; tablet: number; record: number; change: ActionChange }
  /** The same, while the tablet's clock runs three hours fast (it is right again afterwards). */
  | { kind: 'fastEdit'; tablet: number; record: number; title: string }
  /** An idea of the tablet's ward (the office: Ward A's); on a version that does not know ideas, the office's. */
  | { kind: 'idea'; tablet: number; record: number; problem: string }
  /** The office edits the trust library's checklist. */
  | { kind: 'library'; title: string }
  /** A ward tablet completes the trust checklist's slot for its own unit. */
  | { kind: 'slot'; tablet: number }
  /** Ward B puts a change naming a record of another scope (that the server holds) in its own scope. */
  | { kind: 'forge'; target: number }
  /** One sync round; its requests meet these faults in order. */
  | { kind: 'sync'; tablet: number; faults: Fault[] }
  | { kind: 'offline'; tablet: number; offline: boolean }
  /** A push the tablet sent earlier arrives at the server again. */
  | { kind: 'replay'; tablet: number; index: number }
  /** The tablet on the older version is updated ("Update now"). */
  | { kind: 'upgrade' }

interface Tablet {
  real: RealTablet
  engine: SyncEngine
  network: Network
  knowsIdeas: boolean
  /** The units it may write actions (and ideas) in. */
  units: string[]
}

const { ideas: _ideas, ...OLDER_TABLES } = SYNCED_TABLES
/** The tables runs change: comparing only these halves the cost of a check. */
const TOUCHED_TABLES = ['actions', 'ideas', 'checklistRuns', 'checklistTemplates'] as const

/**
 * A trust with one CSU of two wards, and the four tablets enrolled, made once: a run costs a handful of sync
 * rounds, and making the organisation and enrolling four tablets would cost as much again. Each run (`begin`)
 * then starts from tablets with nothing in them but their enrolment and pull cursors at the server's current
 * sequence of every scope, uses record ids no earlier run used, and compares only records changed in it.
 */
export async function convergenceWorld(server: RealServer) {
  const { db } = server.test
  const trust = await createTrust(db, { name: uniqueName('Trust') })
  const csu = await createCsu(db, { trustId: trust.id, name: uniqueName('Medicine') })
  const unitA = (await createUnit(db, { csuId: csu.id, name: uniqueName('Ward'), kind: 'ward' })).id
  const unitB = (await createUnit(db, { csuId: csu.id, name: uniqueName('Ward'), kind: 'ward' })).id
  const library = libraryScopeId(trust.id)
  const reals: RealTablet[] = []
  const networks: Network[] = []
  for (const [i, name] of TABLETS.entries()) {
    const network = newNetwork()
    const real = server.tablet(name, { wrap: (transport) => unreliable(transport, network) })
    if (i === OFFICE) await real.enrol('trust', trust.id)
    else await real.enrol('unit', i === FORGER ? unitB : unitA)
    reals.push(real)
    networks.push(network)
  }
  const everyScope = [...readableScopeIds(await readEnrolment(reals[OFFICE]!.database))]
  let runs = 0

  async function begin() {
    runs += 1
    const run = `run${runs}`
    const startSeq = new Map<string, number>()
    for (const scope of everyScope) startSeq.set(scope, await currentSeq(db, scope))
    const tablets: Tablet[] = []
    for (const [i, real] of reals.entries()) {
      const { database } = real
      const enrolment = (await database.meta.get(SYNC_META.enrolment))!
      const cursors = [...readableScopeIds(await readEnrolment(database))].map((scope) => ({
        key: SYNC_META.cursor(scope),
        value: startSeq.get(scope)!,
      }))
      await database.transaction('rw', database.tables, async () => {
        await Promise.all(database.tables.map((table) => table.clear()))
        await database.meta.bulkPut([enrolment, ...cursors])
      })
      const network = networks[i]!
      Object.assign(network, newNetwork())
      tablets.push({
        real,
        engine: createSyncEngine({
          database,
          transport: real.transport,
          ...(i === OLD ? { tables: OLDER_TABLES } : {}),
          // Every other tablet stores each record new to it in a pack (syncStates.ts), so both ways are run.
          ...(i % 2 === 0 ? { packFrom: 1 } : {}),
        }),
        network,
        knowsIdeas: i !== OLD,
        units: i === OFFICE ? [unitA, unitB] : [i === FORGER ? unitB : unitA],
      })
    }
    const shared = template(`${run}-safety`, { kind: 'daily', dueBy: '10:00' }, { unitId: library, boardId: null })
    const day = addDays(londonDay(new Date()), -1)
    const slot = slotsOnDay(shared.frequency, day, DEFAULT_SHIFTS)[0]!

    /** Every change a tablet saved honestly, as it left the tablet (collected from outboxes before each round). */
    const honest = new Map<string, OutboxEntry>()
    /** Saved while the tablet's clock was fast: the server re-stamps them. */
    const fastStamped = new Set<string>()
    const forged = new Set<string>()
    const slotDoneBy = new Set<string>()

    const actionId = (unit: string, n: number) => `${run}-${unit}-action-${n}`
    const ideaId = (unit: string, n: number) => `${run}-${unit}-idea-${n}`
    const libraryChecklistId = `${run}-library-checklist`

    async function collect(tablet: Tablet): Promise<void> {
      for (const entry of await tablet.real.database.outbox.toArray()) {
        if (!forged.has(entry.mutationId)) honest.set(entry.mutationId, entry)
      }
    }

    async function editAction(tablet: Tablet, record: number, change: ActionChange): Promise<void> {
      const unit = tablet.units[record % tablet.units.length]!
      const id = actionId(unit, Math.floor(record / tablet.units.length) % 3)
      const { repo, database } = tablet.real
      const stored = await database.actions.get(id)
      if (change.field === 'deleted') {
        if (stored) await repo.deleteRecord('actions', id, 'Sam')
      } else if (stored) {
        await repo.updateRecord<Action>('actions', id, { [change.field]: change.value }, 'Sam')
      } else {
        await repo.saveRecord<Action>('actions', newAction(id, unit, { [change.field]: change.value }), 'Sam')
      }
    }

    async function sync(tablet: Tablet, pullOnly?: 'pull only'): Promise<SyncResult> {
      await collect(tablet)
      const result = await (pullOnly ? tablet.engine.pullOnce() : tablet.engine.syncOnce())
      // A thrown error inside the engine is a defect whatever the network did.
      expect(result.message ?? '').not.toMatch(/Something went wrong/)
      return result
    }

    async function step(s: Step): Promise<void> {
      const tablet = 'tablet' in s ? tablets[s.tablet % tablets.length]! : undefined
      switch (s.kind) {
        case 'edit':
          return editAction(tablet!, s.record, s.change)
        case 'fastEdit': {
          const before = new Set((await tablet!.real.database.outbox.toArray()).map((e) => e.mutationId))
          const realNow = Date.now
          Date.now = () => realNow() + 3 * HOUR
          try {
            await editAction(tablet!, s.record, { field: 'title', value: s.title })
          } finally {
            Date.now = realNow
          }
          for (const entry of await tablet!.real.database.outbox.toArray()) {
            if (!before.has(entry.mutationId)) fastStamped.add(entry.mutationId)
          }
          return
        }
        case 'idea': {
          // An older version has no screen for ideas: the office raises Ward A's instead, so the tablet on the
          // older version pulls ideas it cannot show yet.
          const writer = tablet!.knowsIdeas ? tablet! : tablets[OFFICE]!
          const unit = writer.units[0]!
          const id = ideaId(unit, s.record % 2)
          const { repo, database } = writer.real
          if (await database.ideas.get(id)) await repo.updateRecord<Idea>('ideas', id, { problem: s.problem }, 'Sam')
          else {
            const fields = newIdeaFields({ problem: s.problem, idea: 'Try it', raisedBy: 'Sam' }, new Date())
            await repo.saveRecord<Idea>('ideas', { ...fields, id, unitId: unit, boardId: 'board-1' }, 'Sam')
          }
          return
        }
        case 'library': {
          const { repo, database } = tablets[OFFICE]!.real
          if (await database.checklistTemplates.get(libraryChecklistId)) {
            await repo.updateRecord<ChecklistTemplate>(
              'checklistTemplates',
              libraryChecklistId,
              { title: s.title },
              'Office',
            )
          } else {
            await repo.saveRecord<ChecklistTemplate>(
              'checklistTemplates',
              { ...shared, id: libraryChecklistId, title: s.title },
              'Office',
            )
          }
          return
        }
        case 'slot': {
          if (s.tablet % tablets.length === OFFICE) return
          const unit = tablet!.units[0]!
          const fields = newRunFields(shared, `board-${unit}`, slot, new Date(slot.dueAt.getTime() - 30 * 60_000))
          await tablet!.real.repo.saveRecord<ChecklistRun>(
            'checklistRuns',
            {
              id: slotRunId(shared.id, slot.key, unit),
              unitId: unit,
              ...fields,
              completedAt: new Date(slot.dueAt.getTime() - 60_000).toISOString(),
              completedBy: 'Sam',
            },
            'Sam',
          )
          slotDoneBy.add(unit)
          return
        }
        case 'forge': {
          const notB = everyScope.filter((scope) => scope !== unitB)
          const others = (await server.records(notB, startSeq)).sort((x, y) =>
            `${x.scope}/${x.table}/${x.id}`.localeCompare(`${y.scope}/${y.table}/${y.id}`),
          )
          const target = others[s.target % Math.max(others.length, 1)]
          if (!target) return
          const entry = forgedEntry(target.table as SyncedTable, target.id, unitB, {
            title: 'Forged',
            owner: 'Forger',
            [DELETED_FIELD]: true,
          })
          forged.add(entry.mutationId)
          await tablets[FORGER]!.real.database.outbox.add(entry)
          return
        }
        case 'sync':
          tablet!.network.faults = [...s.faults]
          await sync(tablet!)
          tablet!.network.faults = []
          return
        case 'offline':
          tablet!.network.offline = s.offline
          return
        case 'replay': {
          const { pushes } = tablet!.network
          const body = pushes[s.index % Math.max(pushes.length, 1)]
          if (body) await tablet!.real.http.push(body)
          return
        }
        case 'upgrade':
          upgrade()
          return
      }
    }

    function upgrade(): void {
      const old = tablets[OLD]!
      if (old.knowsIdeas) return
      old.engine = createSyncEngine({ database: old.real.database, transport: old.real.transport })
      old.knowsIdeas = true
    }

    /** Probe changes made once every clock is right: the server must keep their stamps. */
    const probes = new Map<string, OutboxEntry>()

    /** The network comes back and every tablet is updated; each makes one more change and syncs, then the others
     * sync again, so every tablet has pulled what every other sent. */
    async function settle(): Promise<SyncResult[]> {
      upgrade()
      const final: SyncResult[] = []
      for (const tablet of tablets) {
        tablet.network.offline = false
        tablet.network.faults = []
      }
      for (const [i, tablet] of tablets.entries()) {
        const id = `${run}-${tablet.units[0]}-probe-${i}`
        await tablet.real.repo.saveRecord<Action>('actions', newAction(id, tablet.units[0]!), 'Sam')
        const entry = (await tablet.real.database.outbox.toArray()).find((e) => e.recordId === id)!
        probes.set(entry.mutationId, entry)
        final.push(await sync(tablet))
      }
      // The last tablet pulled everything in its first round; the others have nothing left to send.
      for (const tablet of tablets.slice(0, -1)) final.push(await sync(tablet, 'pull only'))
      return final
    }

    /** All tablets and the server hold the same records; nothing sent honestly was lost; nothing forged got in. */
    async function check(final: readonly SyncResult[]): Promise<void> {
      for (const result of final) expect(result, result.message).toMatchObject({ outcome: 'synced' })
      // The office reads every scope of the trust.
      const serverRecords = await server.records(everyScope, startSeq)

      for (const tablet of tablets) {
        const { database, name } = tablet.real
        expect(await database.outbox.count(), `${name}: outbox`).toBe(0)
        const notSent = await database.notSent.toArray()
        if (tablet === tablets[FORGER]) {
          // Every forged change was refused and set aside, and no honest one was.
          expect(new Set(notSent.map((row) => row.mutationId)), `${name}: set aside`).toEqual(forged)
        } else {
          expect(notSent, `${name}: set aside`).toEqual([])
        }

        // Its app tables and sync state are exactly the server's records of the scopes it reads.
        const readable = readableScopeIds(await readEnrolment(database))
        const expected = serverRecords.filter((record) => readable.has(record.scope))
        for (const table of TOUCHED_TABLES) {
          const rows = (await database.table(table).toArray()) as Record<string, unknown>[]
          const shown = expected
            .filter((record) => record.table === table && !isDeleted(record))
            .map((record) => appRecord(record))
          expect(sortById(rows), `${name}: ${table}`).toEqual(sortById(shown))
        }
        const rows = await allSyncStates(database)
        const states = (await storedSyncRecords(database, rows)).map((record, i) => ({ ...record, seq: rows[i]!.seq }))
        expect(sortByKey(states), `${name}: sync state`).toEqual(sortByKey(expected))
        expect(await database.keptRecords.count(), `${name}: kept records`).toBe(0)
      }

      // Every honest change reached the server, and no later stamp hides behind an earlier one.
      const applied = await server.applied([...honest.keys(), ...forged])
      for (const entry of honest.values()) {
        expect(applied.has(entry.mutationId), `${entry.table}/${entry.recordId} ${entry.mutationId} applied`).toBe(true)
        if (fastStamped.has(entry.mutationId)) continue // re-stamped by the server
        const record = serverRecords.find(
          (r) => r.scope === entry.unitId && r.table === entry.table && r.id === entry.recordId,
        )
        expect(record, `${entry.table}/${entry.recordId} on the server`).toBeDefined()
        for (const [field, value] of Object.entries(entry.fields)) {
          const clock = record!.clocks[field]!
          expect(clock >= entry.hlc, `${entry.recordId}.${field} stamped ${entry.hlc}, server has ${clock}`).toBe(true)
          if (clock === entry.hlc) expect(record!.fields[field]).toEqual(value)
        }
      }
      for (const id of forged) expect(applied.has(id), `forged ${id} applied`).toBe(false)

      // A change made once the clock is right keeps its stamp: the "clock is wrong" warning can clear.
      for (const probe of probes.values()) {
        const record = serverRecords.find((r) => r.table === 'actions' && r.id === probe.recordId)!
        expect(record.clocks.title, `${probe.recordId} kept its stamp`).toBe(probe.hlc)
        expect(wallOf(probe.hlc)).toBeLessThanOrEqual(Date.now() + MAX_FUTURE_SKEW_MS)
      }

      // Both wards' runs of the trust slot are on the office tablet, and each ward counts as done.
      const runs = await tablets[OFFICE]!.real.database.checklistRuns.toArray()
      for (const unit of slotDoneBy) {
        const week = weeklyAdherence(
          {
            templates: [shared],
            runs: runs.filter((run) => run.unitId === unit),
            results: [],
            shifts: DEFAULT_SHIFTS,
            now: new Date(),
          },
          day,
        )
        expect(week.templates.find((t) => t.templateId === shared.id)?.onTime, `slot done by ${unit}`).toBe(1)
      }
    }

    return { tablets, step, settle, check, honest, forged }
  }

  return { begin }
}

/** A pulled record as a tablet's app table stores it (what the engine writes). */
function appRecord(record: ServerRecord): Record<string, unknown> {
  const { [DELETED_FIELD]: _deleted, ...fields } = record.fields
  return { ...fields, id: record.id, unitId: record.scope }
}

const sortById = (rows: readonly Record<string, unknown>[]) =>
  [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id))).map((row) => JSON.parse(canonicalJson(row)))

const sortByKey = (rows: readonly { table: string; id: string }[]) =>
  [...rows]
    .sort((a, b) => `${a.table}/${a.id}`.localeCompare(`${b.table}/${b.id}`))
    .map((row) => JSON.parse(canonicalJson(row)))
