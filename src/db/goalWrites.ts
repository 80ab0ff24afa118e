// Writes of strategy deployment: goals and catch-ball entries. A catch-ball move is checked against
// the thread as stored, in the same transaction as its entry, so a move another tablet's entry has
// made wrong meanwhile (an acceptance after a pulled counter-proposal) is refused, nothing written.
// `goalWritesFor(database)` serves the sync tests' tablets; the plain exports work on the app's database.
import { InputError } from '@/domain/errors'
import {
  archiveRefusal,
  bowlingMonths,
  catchBallFields,
  catchBallRefusal,
  goalReviewId,
  goalTerms,
  reviewRefusal,
  type GoalActor,
} from '@/domain/goals'
import { newId } from '@/domain/ids'
import { monthOf } from '@/domain/dates'
import type {
  CatchBallEntry,
  CatchBallKind,
  CatchBallSide,
  DayKey,
  Goal,
  GoalReview,
  GoalTerms,
  GoalTier,
} from '@/domain/types'
import { db, type HuddleDatabase } from './db'
import { repoFor, type Changes, type Writable } from './repo'

/** Refused because the thread moved on (on another tablet): the message says where it stands now. */
export class CatchBallChangedError extends InputError {}

/** Refused because of the goal as stored (archived or brought back meanwhile, another tier's): kept as typed. */
export class GoalRefusedError extends InputError {}

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
    database.goalReviews,
    database.history,
    database.outbox,
    database.meta,
    database.syncState,
    database.syncStatePacks,
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

  /**
   * A month's review of a goal (its commentary and countermeasure status), checked against the goal and its
   * thread as stored: the goal's own tier, not archived, a month of its review that has started.
   */
  async function saveReview(
    goalId: string,
    month: string,
    fields: Pick<GoalReview, 'commentary' | 'status'>,
    actor: GoalActor,
    today: DayKey,
    by: string,
    now?: Date,
  ): Promise<GoalReview> {
    return database.transaction('rw', bookkeeping(), async () => {
      const goal = await database.goals.get(goalId)
      if (!goal) throw new InputError('That goal is no longer on this tablet')
      const thread = await database.catchBall.where('goalId').equals(goalId).toArray()
      const months = bowlingMonths({ ...goal, ...goalTerms(goal, thread) }, today)
      const refused = reviewRefusal(actor, goal, month, months, monthOf(today))
      if (refused) throw new GoalRefusedError(refused)
      return repo.saveRecord<GoalReview>(
        'goalReviews',
        { id: goalReviewId(goalId, month), unitId: goal.unitId, goalId, month, ...fields },
        by,
        undefined,
        now,
      )
    })
  }

  /** Archive a goal or bring it back, checked against the goal and its thread as stored. */
  async function setGoalArchived(goalId: string, archived: boolean, actor: GoalActor, by: string): Promise<Goal> {
    return database.transaction('rw', bookkeeping(), async () => {
      const goal = await database.goals.get(goalId)
      if (!goal) throw new InputError('That goal is no longer on this tablet')
      const thread = await database.catchBall.where('goalId').equals(goalId).toArray()
      const refused = archiveRefusal(actor, goal, archived, thread)
      if (refused) throw new GoalRefusedError(refused)
      const saved = await repo.updateRecord<Goal>('goals', goalId, { archived }, by, {
        kind: archived ? 'archived' : 'restored',
      })
      if (!saved) throw new InputError('That goal is no longer on this tablet')
      return saved
    })
  }

  return { saveGoal, updateGoal, proposeGoal, addCatchBall, saveReview, setGoalArchived }
}

const appWrites = goalWritesFor(db)
export const { saveGoal, updateGoal, proposeGoal, addCatchBall, saveReview, setGoalArchived } = appWrites
