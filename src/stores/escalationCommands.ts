// The escalations store's commands: raise, move (checked against the record as stored, in the write's
// transaction) and a board's categories and criteria. Loaded by the first of them (useEscalationsStore's
// raise, move, setBoardSettings), so the board's escalations tile loads without them.
import { readEscalationsHeld } from '@/db/queries/escalations'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { formatClock, formatInstant, londonDay } from '@/domain/dates'
import { InputError } from '@/domain/errors'
import {
  escalatedWords,
  ESCALATION_CATEGORY_MAX,
  ESCALATION_CRITERIA_MAX,
  escalationOfSource,
  moveFields,
  newEscalationFields,
  nextTier,
  refusal,
  validateEscalation,
  validateMove,
  type EscalationInput,
  type EscalationMove,
} from '@/domain/escalations'
import { newId } from '@/domain/ids'
import type { Board, Escalation } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { useBoardStore } from './board'
import { EscalationChangedError, type EscalationsContext } from './escalations'

/** Raise one from `board` to the tier above. Saved here at once, sent when it can be. */
export async function raise(
  store: EscalationsContext,
  board: Board,
  input: EscalationInput,
  source: Escalation['source'],
  by: string,
  given?: Date,
): Promise<Escalation> {
  const errors = validateEscalation(input)
  if (hasErrors(errors)) throw new InputError(Object.values(errors).find(Boolean)!)
  const now = given ?? (await recordNow())
  const from = store.tierOf(board)
  if (nextTier(from) === null) throw new InputError('The trust is the highest tier: there is nowhere to escalate to')
  // Read from storage, not memory: the first escalation may have been raised on another screen a moment ago.
  const already = source ? escalationOfSource(await readEscalationsHeld(), source) : undefined
  if (already) throw new InputError(`This is already escalated (${escalatedWords(already)})`)
  const saved = await saveRecord<Escalation>(
    'escalations',
    {
      id: newId(),
      unitId: board.unitId,
      boardId: board.id,
      ...newEscalationFields(input, from, by, source, now),
    },
    by,
    undefined,
    now,
  )
  await store.settled()
  return saved
}

/**
 * Accept (text = owner), answer, return with advice (text = advice), pass on, withdraw
 * or close. Checked against the record as stored now, in the same transaction as the
 * write: after a pull it may say "withdrawn", and then nothing is written and
 * EscalationChangedError says who withdrew it and when.
 */
export async function move(
  store: EscalationsContext,
  id: string,
  which: EscalationMove,
  text: string,
  by: string,
  given?: Date,
): Promise<Escalation> {
  const problem = validateMove(which, text)
  if (problem) throw new InputError(problem)
  const now = given ?? (await recordNow())
  const saved = await updateRecord<Escalation>(
    'escalations',
    id,
    (stored) => {
      const refused = refusal(stored, which, store.nameOf(stored.unitId), timeOf)
      if (refused) throw new EscalationChangedError(refused)
      return moveFields(stored, which, text, by, now)
    },
    by,
    { now },
  ).finally(() => store.settled())
  if (!saved) throw new InputError('That escalation is no longer on this tablet')
  return saved
}

/** The board's own categories and written criteria (blank criteria: the default text). */
export async function setBoardSettings(
  store: EscalationsContext,
  board: Board,
  categories: string[],
  criteria: string,
  by: string,
): Promise<Board> {
  const clean = [...new Set(categories.map((c) => c.trim()).filter(Boolean))]
  if (!clean.length) throw new InputError('Keep at least one category')
  if (clean.some((c) => c.length > ESCALATION_CATEGORY_MAX))
    throw new InputError(`Each category must be ${ESCALATION_CATEGORY_MAX} characters or fewer`)
  if (criteria.trim().length > ESCALATION_CRITERIA_MAX)
    throw new InputError(`The criteria must be ${ESCALATION_CRITERIA_MAX.toLocaleString('en-GB')} characters or fewer`)
  const saved = await updateRecord<Board>(
    'boards',
    board.id,
    { escalationCategories: clean, escalationCriteria: criteria.trim() },
    by,
  )
  if (!saved) throw new InputError('This board is no longer on this tablet')
  await Promise.all([store.org.settled(), useBoardStore().settled()])
  return saved
}

/** "09:12" today, "20/11/2026 09:12" another day. */
function timeOf(at: string): string {
  return londonDay(new Date(at)) === londonDay() ? formatClock(at) : formatInstant(at)
}
