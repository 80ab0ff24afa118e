// The Dexie schema as each version shipped it (db.ts versions 1 to 11), written out here rather than read from
// db.ts, so an upgrade test opens what a tablet in use holds even after db.ts changes.
import Dexie from 'dexie'
import { HuddleDatabase } from '@/db/db'

const SHIPPED: readonly Record<string, string>[] = [
  {
    trusts: 'id',
    csus: 'id, trustId',
    units: 'id, csuId',
    boards: 'id, unitId',
    measures: 'id, boardId, unitId',
    entries: 'id, [measureId+day], [boardId+day], unitId',
    actions: 'id, boardId, unitId',
    huddles: 'id, [boardId+day], unitId',
    history: 'id, [table+recordId], unitId',
    outbox: '++seq, &mutationId, table',
    meta: 'key',
  },
  { outbox: '++seq, &mutationId, table, [table+recordId]', syncState: '[table+id], scope, conflicted' },
  { ideas: 'id, boardId, unitId, status' },
  {
    pdsaCycles: 'id, ideaId, unitId',
    checklistTemplates: 'id, boardId, unitId',
    checklistRuns: 'id, templateId, [boardId+day], unitId',
    stepResults: 'id, runId, unitId',
    conceptEdits: 'id, unitId',
    escalations: 'id, boardId, unitId, status',
  },
  { notSent: 'mutationId, setAsideAt' },
  // Version 6 changed ids only (its upgrade step runs on tablets that had version 5).
  {},
  { keptRecords: '[table+id], scope' },
  { goals: 'id, unitId, ownerScopeId', catchBall: 'id, goalId, unitId' },
  {
    certSubmissions: 'id, unitId, ideaId',
    certEntries: 'id, submissionId, unitId',
    certCriteria: 'id, unitId',
    certifications: 'id, unitId, submissionId, csuId',
  },
  // Version 10 changed the sync state's rows only (its upgrade step runs on tablets that had version 9).
  {},
  { goalReviews: 'id, goalId, unitId' },
  { problemA3s: 'id, unitId, boardId' },
  {
    practitioners: 'id, unitId',
    conceptQuestions: 'id, threadId, conceptId, unitId',
    coachRosters: 'id, unitId',
    coachRequests: 'id, unitId, ideaId, boardId',
    coachSessions: 'id, requestId, unitId',
  },
]

/** A database named `name` at `version` (1 to 13) as that version of the app made it, not yet opened. */
export function shippedDatabase(name: string, version: number): Dexie {
  if (version < 1 || version > SHIPPED.length) throw new Error(`No shipped schema for version ${version}`)
  const old = new Dexie(name)
  SHIPPED.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores))
  return old
}

export const at = '2026-11-26T08:00:00.000Z'
/** When the records in these tests were made, and the bookkeeping fields every stored record has, in unit `u1`. */
export const meta = (id: string) => ({ id, unitId: 'u1', createdAt: at, updatedAt: at, updatedBy: 'Sam' })

/** The version today's app opens every database at (the highest it declares): an upgrade test checks that an
 * old database reached it, and goes on passing when a later version is added. */
export const latestVersion = new HuddleDatabase('latest-version-probe').verno
