import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { moveLocalUnit, storeEnrolment } from '@/db/enrolmentWrites'
import { unitById } from '@/db/queries/org'
import { readShareableUnits, readStoredEnrolment } from '@/db/queries/enrolment'
import { saveRecords } from '@/db/repo'
import { newBoardSettings } from '@/domain/defaults'
import { InputError } from '@/domain/errors'
import { newId } from '@/domain/ids'
import { tierBoardName, type Tier } from '@/domain/tiers'
import type { Board, Unit } from '@/domain/types'
import type { Errors } from '@/domain/validation'
import { hasErrors } from '@/domain/validation'
import { validateEnrolDraft, type EnrolDraft, type EnrolField } from '@/sync/enrolForm'
import { writableScopeIds, type Enrolment } from '@/sync/enrolment'
import type { ShareableUnit } from '@/sync/shareBoard'
import { createHttpTransport } from '@/sync/transport.http'
import { isFailure, type SyncTransport } from '@/sync/transport-types'
import { useOrgStore } from './org'
import { useSyncStore } from './sync'

export type FirstSync = 'idle' | 'running' | 'done' | 'failed'

/** Sync states after which the tablet holds what the server has. */
const FAILED_STATES: readonly string[] = ['offline', 'error', 'update-needed', 'removed', 'not-enrolled']

export const NEW_BOARD_NAME = 'Daily huddle board'

/** A CSU's or trust's own board scope this tablet may set up (its own tier only). */
export interface TierScope {
  id: string
  tier: Exclude<Tier, 'unit'>
  /** The CSU's or trust's name. */
  name: string
}

/** This tablet's enrolment for sync: entering a code, the first sync after it, and what
 * to do when the unit has no board yet or a board made here before enrolment waits to
 * be shared. */
export const useEnrolmentStore = defineStore('enrolment', () => {
  const org = useOrgStore()
  const sync = useSyncStore()

  const enrolment = ref<Enrolment | null>(null)
  const loaded = ref(false)
  const busy = ref(false)
  /** Boards set up on this tablet before enrolment, which could be shared with a unit. */
  const shareable = ref<ShareableUnit[]>([])
  const firstSync = ref<FirstSync>('idle')
  const firstSyncMessage = ref<string | null>(null)
  /** What the last share did, for whichever screen started it. */
  const shareNotice = ref<string | null>(null)

  let transport: SyncTransport = createHttpTransport()
  /** Syncs this store started and did not wait for (the screen moves on meanwhile). */
  let background: Promise<unknown> = Promise.resolve()
  function inBackground(work: Promise<unknown>) {
    background = Promise.allSettled([background, work])
  }

  const isEnrolled = computed(() => enrolment.value !== null)
  /** Enrolled units this tablet holds no board for. */
  const unitsWithoutBoard = computed(() =>
    (enrolment.value?.units ?? []).filter((unit) => !org.boards.some((board) => board.unitId === unit.id)),
  )

  /** The CSU's (or trust's) own board scope of a CSU (or trust) tablet, when it may write it. */
  const tierScope = computed((): TierScope | null => {
    const scope = enrolment.value?.scope
    if (!scope || scope.kind === 'unit' || !writableScopeIds(enrolment.value ?? undefined).has(scope.id)) return null
    return { id: scope.id, tier: scope.kind, name: scope.name }
  })
  /** That scope, while this tablet holds no board for it. */
  const tierScopeWithoutBoard = computed(() =>
    tierScope.value && !org.boards.some((board) => board.unitId === tierScope.value?.id) ? tierScope.value : null,
  )

  /** Tests: enrol against another server (e.g. the in-memory one). */
  function useTransport(next: SyncTransport) {
    transport = next
  }

  async function load() {
    const stored = (await readStoredEnrolment()) ?? null
    shareable.value = await readShareableUnits(stored ?? undefined)
    enrolment.value = stored
    loaded.value = true
  }

  /** Pull what the server has for the new units, then reload what the screen shows. */
  async function syncFirst() {
    firstSync.value = 'running'
    firstSyncMessage.value = null
    await sync.syncNow()
    await org.load()
    await load()
    const failed = FAILED_STATES.includes(sync.status)
    firstSync.value = failed ? 'failed' : 'done'
    firstSyncMessage.value = failed
      ? (sync.errorMessage ?? 'The first sync did not finish. Try again in a moment.')
      : null
  }

  /**
   * Exchange the code for this tablet's enrolment. Returns the problems to show (empty
   * when enrolled); what was typed is left for the form to keep.
   */
  async function enrol(draft: EnrolDraft): Promise<Errors<EnrolField>> {
    const errors = validateEnrolDraft(draft)
    if (hasErrors(errors)) return errors
    busy.value = true
    try {
      const response = await transport.enrol(draft.code, draft.deviceName.trim())
      if (isFailure(response))
        return response.error === 'invalid-code' ? { code: response.message } : { submit: response.message }
      enrolment.value = await storeEnrolment(response, draft.deviceName)
    } catch (error) {
      return {
        submit: `This tablet could not save its enrolment: ${error instanceof Error ? error.message : String(error)}. Try again.`,
      }
    } finally {
      busy.value = false
    }
    // The screen shows the first sync's progress; enrolment itself is done.
    inBackground(syncFirst())
    return {}
  }

  /** Resolves when every sync this store started (the first sync included) has finished. */
  async function settled(): Promise<void> {
    await background
  }

  /** A new board for an enrolled unit the server has no board for yet, or for this CSU or
   * trust tablet's own tier (default categories and agenda, as at first-run setup). */
  async function setUpBoard(scopeId: string, by: string): Promise<Board> {
    const unit = enrolment.value?.units.find((u) => u.id === scopeId)
    const tier = tierScope.value?.id === scopeId ? tierScope.value : null
    if (!unit && !tier) throw new InputError('This tablet is not enrolled for that ward, department or CSU')
    const board = {
      id: newId(),
      unitId: scopeId,
      name: tier ? tierBoardName(tier.tier, tier.name) : NEW_BOARD_NAME,
      ...newBoardSettings(tier?.tier),
    }
    // The unit's record normally arrives with the first pull; if it has not, this tablet
    // sends one so the board never belongs to a unit nobody can name. A CSU or trust has
    // no unit record: its name comes from the enrolment and the board's own name.
    const unitRecord =
      unit && (await unitById(scopeId)) === undefined
        ? [
            {
              table: 'units' as const,
              record: {
                id: unit.id,
                unitId: unit.id,
                csuId: unit.csuId,
                name: unit.name,
                kind: unit.kind,
                people: [] as string[],
              },
            },
          ]
        : []
    await saveRecords([...unitRecord, { table: 'boards', record: board }], by)
    await org.load()
    await org.selectBoard(board.id)
    inBackground(sync.syncNow())
    return org.boards.find((b) => b.id === board.id)!
  }

  /** Move a board made on this tablet before enrolment into an enrolled unit, and send it. */
  async function shareBoard(localUnitId: string, targetUnitId: string, by: string): Promise<number> {
    const target = enrolment.value?.units.find((u) => u.id === targetUnitId)
    if (!target) throw new InputError('This tablet is not enrolled for that ward or department')
    const boardNames =
      shareable.value
        .find((s) => s.unit.id === localUnitId)
        ?.boards.map((b) => `“${b.name}”`)
        .join(', ') ?? 'The board'
    const moved = await moveLocalUnit(localUnitId, target, by)
    await org.load()
    await load()
    inBackground(sync.syncNow())
    // Last, so whoever sees the notice can wait for the sending it announces (`settled`).
    shareNotice.value = `${boardNames} now belongs to ${target.name}. Its measures, actions and history are being sent to the sync server.`
    return moved
  }

  /** The unit name (or names) a shared board would join, for buttons and messages. */
  function unitName(unitId: string): string {
    return (
      enrolment.value?.units.find((u) => u.id === unitId)?.name ??
      org.units.find((u: Unit) => u.id === unitId)?.name ??
      'this unit'
    )
  }

  /** "the Medicine CSU board", "the Northfield trust board": what setting up a tier board makes. */
  function tierBoardTitle(scope: TierScope): string {
    return `the ${tierBoardName(scope.tier, scope.name)}`
  }

  return {
    enrolment,
    loaded,
    busy,
    shareable,
    firstSync,
    firstSyncMessage,
    shareNotice,
    isEnrolled,
    unitsWithoutBoard,
    tierScope,
    tierScopeWithoutBoard,
    useTransport,
    load,
    enrol,
    syncFirst,
    settled,
    setUpBoard,
    shareBoard,
    unitName,
    tierBoardTitle,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEnrolmentStore, import.meta.hot))
