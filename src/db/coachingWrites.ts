// Writes of coaching and learning together (docs/CERTIFICATION.md, "Coaching" and "Learning together").
// Coaches per CSU, a colleague's listing and the questions to them live in the trust library; coaching
// requests and their sessions in the scope of the board asked from. A move on a request is checked against
// the request and the coaches as stored, in the same transaction as its write, so a request another coach
// took meanwhile (pulled since the screen showed it) is refused and nothing is written.
// `coachingWritesFor(database)` serves the sync tests' tablets; the plain exports work on the app's database.
import { coachesFor, coachMoveRefusal, rosterId, type CoachMove } from '@/domain/coaching'
import { InputError } from '@/domain/errors'
import { newId } from '@/domain/ids'
import type { CoachRequest, CoachRoster, CoachSession, ConceptQuestion, PractitionerListing } from '@/domain/types'
import { libraryScopeId } from '@/shared/sync/scopes'
import { db, type HuddleDatabase } from './db'
import { repoFor, type Writable } from './repo'

/** Refused because the request moved on (another coach took it, on another tablet). */
export class CoachRequestChangedError extends InputError {}

export type NewCoachRequest = Omit<
  CoachRequest,
  'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'askedBy' | 'askedAt' | 'state' | 'takenBy' | 'takenAt' | 'doneAt'
>

export function coachingWritesFor(database: HuddleDatabase) {
  const repo = repoFor(database)
  const requestTables = () => [
    database.coachRequests,
    database.coachSessions,
    database.coachRosters,
    database.history,
    database.outbox,
    database.meta,
    database.syncState,
    database.syncStatePacks,
  ]

  function saveRoster(trustId: string, csuId: string, coaches: string[], by: string, now: Date) {
    return repo.saveRecord<CoachRoster>(
      'coachRosters',
      { id: rosterId(csuId), unitId: libraryScopeId(trustId), csuId, coaches },
      by,
      undefined,
      now,
    )
  }

  function ask(fields: NewCoachRequest, by: string, now: Date): Promise<CoachRequest> {
    return repo.saveRecord<CoachRequest>(
      'coachRequests',
      {
        id: newId(),
        ...fields,
        text: fields.text.trim(),
        askedBy: by,
        askedAt: now.toISOString(),
        state: 'open',
        takenBy: null,
        takenAt: null,
        doneAt: null,
      },
      by,
      undefined,
      now,
    )
  }

  /** The stored request, with the move checked against it and the coaches held now. */
  async function checked(requestId: string, move: CoachMove, by: string): Promise<CoachRequest> {
    const request = await database.coachRequests.get(requestId)
    if (!request) throw new InputError('That request is no longer on this tablet')
    const refused = coachMoveRefusal(request, move, by, coachesFor(request, await database.coachRosters.toArray()))
    if (refused) throw new CoachRequestChangedError(refused)
    return request
  }

  function take(requestId: string, by: string, now: Date): Promise<CoachRequest | undefined> {
    return database.transaction('rw', requestTables(), async () => {
      await checked(requestId, 'take', by)
      return repo.updateRecord<CoachRequest>(
        'coachRequests',
        requestId,
        { state: 'taken', takenBy: by, takenAt: now.toISOString() },
        by,
        { now },
      )
    })
  }

  function markDone(requestId: string, by: string, now: Date): Promise<CoachRequest | undefined> {
    return database.transaction('rw', requestTables(), async () => {
      await checked(requestId, 'done', by)
      return repo.updateRecord<CoachRequest>(
        'coachRequests',
        requestId,
        { state: 'done', doneAt: now.toISOString() },
        by,
        {
          now,
        },
      )
    })
  }

  function logSession(requestId: string, session: { day: string; notes: string }, by: string, now: Date) {
    return database.transaction('rw', requestTables(), async () => {
      const request = await checked(requestId, 'session', by)
      return repo.saveRecord<CoachSession>(
        'coachSessions',
        { id: newId(), unitId: request.unitId, requestId, day: session.day, notes: session.notes.trim(), coach: by },
        by,
        undefined,
        now,
      )
    })
  }

  function saveListing(listing: Writable<PractitionerListing>, by: string, now: Date) {
    return repo.saveRecord<PractitionerListing>('practitioners', listing, by, undefined, now)
  }

  function post(fields: Writable<ConceptQuestion>, by: string, now: Date) {
    return repo.saveRecord<ConceptQuestion>('conceptQuestions', fields, by, undefined, now)
  }

  return { saveRoster, ask, take, markDone, logSession, saveListing, post }
}

const appWrites = coachingWritesFor(db)
export const { saveRoster, ask, take, markDone, logSession, saveListing, post } = appWrites
