// Two (or more) simulated tablets, each with its own IndexedDB (fake-indexeddb), repo
// and sync engine, talking to one in-memory sync server with the tablet's own token.
import { HuddleDatabase } from '@/db/db'
import { repoFor } from '@/db/repo'
import type { Action, Board, Measure, Unit } from '@/domain/types'
import { createSyncEngine } from '@/sync/engine'
import { readEnrolment, saveEnrolment } from '@/sync/enrolment'
import type { MemorySyncServer } from '../../../helpers/memorySyncServer'
import { isFailure, type SyncTransport } from '@/sync/transport-types'

let databases = 0

export const UNIT_ID = 'unit-7'
const BOARD_ID = 'board-7'

/** Enrol `database` for one unit the way the app does: a code from the server, exchanged for a token. */
export async function enrolDatabase(
  server: MemorySyncServer,
  database: HuddleDatabase,
  unitId = UNIT_ID,
  deviceName = "Ward 7 nurses' station",
) {
  if (!server.units.has(unitId)) server.addUnit({ id: unitId, name: 'Ward 7' })
  const response = await server.transport().enrol(server.issueCode({ kind: 'unit', id: unitId }), deviceName)
  if (isFailure(response)) throw new Error(response.message)
  return saveEnrolment(database, response, deviceName)
}

/** The memory server's transport, with the token this database is enrolled with. */
export function transportFor(server: MemorySyncServer, database: HuddleDatabase): SyncTransport {
  return server.transport({ token: async () => (await readEnrolment(database))?.token })
}

export function makeTablet(
  name: string,
  server: MemorySyncServer,
  {
    pageSize,
    wrap,
    // Every record new to a tablet has its state packed (syncStates.ts), so these tests run the packed path; the
    // real-server tests and every other tablet of the convergence test keep the app's threshold (rows).
    packFrom = 1,
  }: { pageSize?: number; wrap?: (transport: SyncTransport) => SyncTransport; packFrom?: number } = {},
) {
  databases += 1
  const database = new HuddleDatabase(`tablet-${name}-${databases}`)
  const repo = repoFor(database)
  const transport = wrap ? wrap(transportFor(server, database)) : transportFor(server, database)
  const engine = createSyncEngine({
    database,
    transport,
    ...(pageSize ? { pageSize } : {}),
    packFrom,
  })
  return {
    name,
    database,
    repo,
    engine,
    transport,
    /** Enrolled for the unit: it syncs exactly that scope. */
    enrol: (unitId = UNIT_ID) => enrolDatabase(server, database, unitId, `Tablet ${name}`),
    async snapshot() {
      const [units, boards, measures, actions, entries] = await Promise.all([
        database.units.toArray(),
        database.boards.toArray(),
        database.measures.toArray(),
        database.actions.toArray(),
        database.entries.toArray(),
      ])
      return { units, boards, measures, actions, entries }
    },
  }
}

export type Tablet = ReturnType<typeof makeTablet>

export const unit = (over: Partial<Unit> = {}): Omit<Unit, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: UNIT_ID,
  unitId: UNIT_ID,
  csuId: 'csu',
  name: 'Ward 7',
  kind: 'ward',
  people: ['Sam', 'Priya'],
  ...over,
})

export const board = (over: Partial<Board> = {}): Omit<Board, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: BOARD_ID,
  unitId: UNIT_ID,
  name: 'Ward 7 board',
  categories: [{ id: 'safety', name: 'Safety' }],
  agenda: [],
  huddleMinutes: 10,
  ...over,
})

export const action = (over: Partial<Action> = {}): Omit<Action, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: 'action-1',
  unitId: UNIT_ID,
  boardId: BOARD_ID,
  title: 'Fix the sluice door',
  owner: 'Sam',
  dueDay: null,
  status: 'open',
  measureId: null,
  measureDay: null,
  conceptIds: [],
  closedAt: null,
  ...over,
})

export const measure = (over: Partial<Measure> = {}): Omit<Measure, 'createdAt' | 'updatedAt' | 'updatedBy'> => ({
  id: 'measure-1',
  unitId: UNIT_ID,
  boardId: BOARD_ID,
  categoryId: 'safety',
  name: 'Falls',
  type: 'count',
  unit: 'falls',
  direction: 'lower',
  target: 0,
  thresholds: null,
  description: '',
  conceptIds: [],
  order: 1,
  archived: false,
  ...over,
})
