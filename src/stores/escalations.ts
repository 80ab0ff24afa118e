import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useEscalationsHeld } from '@/db/queries/escalations'
// Not '@/domain/escalations' (the moves, their checks and wording): the board's escalations tile loads this store.
import { nextTier } from '@/domain/escalationStatus'
import { raiserName, tierOfBoardScope, type OrgView } from '@/domain/escalationsScope'
import type { Board, EscalationTier } from '@/domain/types'
import { InputError } from '@/domain/errors'
import { lazyCommands } from './lazyCommands'
import { useOrgStore } from './org'

/** What the commands (escalationCommands.ts) need of the store. */
export interface EscalationsContext {
  org: ReturnType<typeof useOrgStore>
  /** Resolves once the store's live read (when a screen has asked for it) shows what was just written. */
  settled(): Promise<unknown>
  tierOf(board: Pick<Board, 'unitId'>): EscalationTier
  nameOf(scopeId: string): string
}

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

  // The commands (their checks and writes) load apart from the board's escalations tile (lazyCommands).
  const context: EscalationsContext = {
    org,
    settled: () => (wanted.value ? live.settled() : Promise.resolve()),
    tierOf,
    nameOf,
  }
  const { raise, move, setBoardSettings } = lazyCommands(() => import('./escalationCommands'), context, [
    'raise',
    'move',
    'setBoardSettings',
  ])

  return { escalations, loaded, orgView, tierOf, nameOf, canEscalateFrom, load, raise, move, setBoardSettings }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEscalationsStore, import.meta.hot))
