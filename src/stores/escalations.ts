import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { readEscalationsHeld, useEscalationsHeld } from '@/db/queries/escalations'
import { recordNow, saveRecord, updateRecord } from '@/db/repo'
import { formatClock, formatInstant, londonDay } from '@/domain/dates'
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
import { raiserName, tierOfBoardScope, type OrgView } from '@/domain/escalationsScope'
import { newId } from '@/domain/ids'
import type { Board, Escalation, EscalationTier } from '@/domain/types'
import { hasErrors } from '@/domain/validation'
import { useBoardStore } from './board'
import { InputError } from '@/domain/errors'
import { useOrgStore } from './org'

/**
 * A move refused because the escalation changed on another tablet meanwhile (withdrawn,
 * already accepted…). The screen shows the message and keeps what was typed.
 */
export class EscalationChangedError extends InputError {}

/** Every escalation this tablet holds: its own unit's, or all its units' on a CSU or trust tablet. */
export const useEscalationsStore = defineStore('escalations', () => {
  const org = useOrgStore()
  /** Whether a screen has asked for them (most screens never show escalations). */
  const wanted = ref(false)
  // Live: a raise, an answer or a withdrawal on another tablet shows at once.
  const live = useEscalationsHeld(wanted)
  const escalations = computed(() => live.data.value)
  const loaded = computed(() => wanted.value && live.loaded.value)

  const orgView = computed<OrgView>(() => ({ units: org.units, csus: org.csus, trusts: org.trusts }))

  /** The tier of a board: a ward's, a CSU's or the trust's. */
  function tierOf(board: Pick<Board, 'unitId'>): EscalationTier {
    return tierOfBoardScope(board.unitId, orgView.value)
  }

  function nameOf(scopeId: string): string {
    return raiserName(scopeId, orgView.value)
  }

  /** Whether a board can escalate at all (the trust is the top tier). */
  function canEscalateFrom(board: Pick<Board, 'unitId'> | null): boolean {
    return Boolean(board) && nextTier(tierOf(board!)) !== null
  }

  async function load() {
    wanted.value = true
    await live.settled()
  }

  /** Raise one from `board` to the tier above. Saved here at once, sent when it can be. */
  async function raise(
    board: Board,
    input: EscalationInput,
    source: Escalation['source'],
    by: string,
    given?: Date,
  ): Promise<Escalation> {
    const errors = validateEscalation(input)
    if (hasErrors(errors)) throw new InputError(Object.values(errors).find(Boolean)!)
    const now = given ?? (await recordNow())
    const from = tierOf(board)
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
    if (wanted.value) await live.settled()
    return saved
  }

  /**
   * Accept (text = owner), answer, return with advice (text = advice), pass on, withdraw
   * or close. Checked against the record as stored now, in the same transaction as the
   * write: after a pull it may say "withdrawn", and then nothing is written and
   * EscalationChangedError says who withdrew it and when.
   */
  async function move(id: string, which: EscalationMove, text: string, by: string, given?: Date): Promise<Escalation> {
    const problem = validateMove(which, text)
    if (problem) throw new InputError(problem)
    const now = given ?? (await recordNow())
    const saved = await updateRecord<Escalation>(
      'escalations',
      id,
      (stored) => {
        const refused = refusal(stored, which, nameOf(stored.unitId), timeOf)
        if (refused) throw new EscalationChangedError(refused)
        return moveFields(stored, which, text, by, now)
      },
      by,
      { now },
    ).finally(() => (wanted.value ? live.settled() : undefined))
    if (!saved) throw new InputError('That escalation is no longer on this tablet')
    return saved
  }

  /** The board's own categories and written criteria (blank criteria: the default text). */
  async function setBoardSettings(board: Board, categories: string[], criteria: string, by: string): Promise<Board> {
    const clean = [...new Set(categories.map((c) => c.trim()).filter(Boolean))]
    if (!clean.length) throw new InputError('Keep at least one category')
    if (clean.some((c) => c.length > ESCALATION_CATEGORY_MAX))
      throw new InputError(`Each category must be ${ESCALATION_CATEGORY_MAX} characters or fewer`)
    if (criteria.trim().length > ESCALATION_CRITERIA_MAX)
      throw new InputError(
        `The criteria must be ${ESCALATION_CRITERIA_MAX.toLocaleString('en-GB')} characters or fewer`,
      )
    const saved = await updateRecord<Board>(
      'boards',
      board.id,
      { escalationCategories: clean, escalationCriteria: criteria.trim() },
      by,
    )
    if (!saved) throw new InputError('This board is no longer on this tablet')
    await Promise.all([org.settled(), useBoardStore().settled()])
    return saved
  }

  return { escalations, loaded, orgView, tierOf, nameOf, canEscalateFrom, load, raise, move, setBoardSettings }
})

/** "09:12" today, "20/11/2026 09:12" another day. */
function timeOf(at: string): string {
  return londonDay(new Date(at)) === londonDay() ? formatClock(at) : formatInstant(at)
}

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEscalationsStore, import.meta.hot))
