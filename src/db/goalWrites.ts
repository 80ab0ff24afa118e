// Writes of strategy deployment: goals and catch-ball entries. A catch-ball move is checked against
// the thread as stored, in the same transaction as its entry, so a move another tablet's entry has
// made wrong meanwhile (an acceptance after a pulled counter-proposal) is refused, nothing written.
// `goalWritesFor(database)` serves the sync tests' tablets; the plain exports work on the app's database.
import { InputError } from '@/domain/errors'
import { catchBallFields, catchBallRefusal } from '@/domain/goals'
import { newId } from '@/domain/ids'
import type { CatchBallEntry, CatchBallKind, CatchBallSide, Goal, GoalTerms, GoalTier } from '@/domain/types'
import { db, type HuddleDatabase } from './db'
import { repoFor, type Changes, type Writable } from './repo'

/** Refused because the thread moved on (on another tablet): the message says where it stands now. */
export class CatchBallChangedError extends InputError {}

export interface CatchBallMove {
  kind: CatchBallKind
  side: CatchBallSide
  /** The tier making the move. */
  tier: GoalTier
  text: string
  terms: GoalTerms | null
}

export function goalWritesFor(database: HuddleDatabase) {
  const repo = repoFor(database)
  const bookkeeping = () => [
    database.goals,
    database.catchBall,
    database.history,
    database.outbox,
    database.meta,
    database.syncState,
  ]

  /** A goal its own tier sets (or edits): no catch-ball. */
  function saveGoal(goal: Writable<Goal>, by: string, now?: Date): Promise<Goal> {
    return repo.saveRecord<Goal>('goals', goal, by, undefined, now)
  }

  function updateGoal(id: string, changes: Changes<Goal>, by: string): Promise<Goal | undefined> {
    return repo.updateRecord<Goal>('goals', id, changes, by)
  }

  /** A goal the tier above proposes, with the first entry of its thread: both land or neither. */
  async function proposeGoal(goal: Writable<Goal>, move: Omit<CatchBallMove, 'kind' | 'side'>, by: string, now: Date) {
    return database.transaction('rw', bookkeeping(), async () => {
      const saved = await repo.saveRecord<Goal>('goals', goal, by, undefined, now)
      const entry = await repo.saveRecord<CatchBallEntry>(
        'catchBall',
        {
          id: newId(),
          unitId: saved.unitId,
          ...catchBallFields(saved, 'propose', 'upper', move.tier, move.text, move.terms, by, now),
        },
        by,
        undefined,
        now,
      )
      return { goal: saved, entry }
    })
  }

  /** One move on a goal's thread, kept in the goal's scope (both tiers may write it). */
  async function addCatchBall(goalId: string, move: CatchBallMove, by: string, now: Date): Promise<CatchBallEntry> {
    return database.transaction('rw', bookkeeping(), async () => {
      const goal = await database.goals.get(goalId)
      if (!goal) throw new InputError('That goal is no longer on this tablet')
      const thread = await database.catchBall.where('goalId').equals(goalId).toArray()
      const refused = catchBallRefusal(thread, move.kind, move.side)
      if (refused) throw new CatchBallChangedError(refused)
      return repo.saveRecord<CatchBallEntry>(
        'catchBall',
        {
          id: newId(),
          unitId: goal.unitId,
          ...catchBallFields(goal, move.kind, move.side, move.tier, move.text, move.terms, by, now),
        },
        by,
        undefined,
        now,
      )
    })
  }

  return { saveGoal, updateGoal, proposeGoal, addCatchBall }
}

const appWrites = goalWritesFor(db)
export const { saveGoal, updateGoal, proposeGoal, addCatchBall } = appWrites
