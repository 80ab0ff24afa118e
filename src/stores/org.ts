import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getMeta, setMeta } from '@/db/meta'
import { useOrganisation } from '@/db/queries/org'
import { recordNow, storeDemoTrust, storeNewOrganisation, updateRecord } from '@/db/writes'
import { londonDay } from '@/domain/dates'
import { InputError } from '@/domain/errors'
import { changedFields } from '@/domain/changedFields'
import { newId } from '@/domain/ids'
import { peopleFor, peopleHeading, peopleHolder } from '@/domain/people'
import { scopeDisplayName, tierOfScope } from '@/domain/tiers'
import type { Board, Csu, Trust, Unit, UnitKind } from '@/domain/types'

const CURRENT_BOARD = 'currentBoardId'

export interface SetupForm {
  trustName: string
  csuName: string
  unitName: string
  unitKind: UnitKind
  boardName: string
  people: string[]
}

/** The organisation this tablet knows: trust → CSU → unit → boards, and which board it shows. */
export const useOrgStore = defineStore('org', () => {
  // Live: a pull, another tab or a save here shows without anyone reloading.
  const organisation = useOrganisation()
  const trusts = computed(() => organisation.data.value.trusts)
  const csus = computed(() => organisation.data.value.csus)
  const units = computed(() => organisation.data.value.units)
  const boards = computed(() => organisation.data.value.boards)
  /** The board someone chose (remembered in meta); null until loaded. */
  const chosenBoardId = ref<string | null>(null)
  /** The board on screen: the chosen one while this tablet holds it, else the first (a
   * first pull may bring the boards; a pull may remove the chosen one). */
  const currentBoardId = computed(() => {
    if (!loaded.value) return null
    const b = boards.value
    return b.some((board) => board.id === chosenBoardId.value) ? chosenBoardId.value : (b[0]?.id ?? null)
  })
  const loaded = ref(false)

  const currentBoard = computed(() => boards.value.find((b) => b.id === currentBoardId.value) ?? null)
  const currentUnit = computed(() => units.value.find((u) => u.id === currentBoard.value?.unitId) ?? null)
  /** A ward's board, or a CSU's or trust's own board (scope = the CSU or trust id, no unit record). */
  const currentTier = computed(() =>
    tierOfScope(currentBoard.value?.unitId ?? '', { csus: csus.value, trusts: trusts.value }),
  )
  const currentCsu = computed(
    () => csus.value.find((c) => c.id === (currentUnit.value?.csuId ?? currentBoard.value?.unitId)) ?? null,
  )
  /** "Ward 7", "Medicine CSU" or the trust's name: whose board is showing. */
  const currentScopeName = computed(() => (currentBoard.value ? scopeName(currentBoard.value.unitId) : null))
  const isSetUp = computed(() => boards.value.length > 0)
  /** The quick name list every picker offers on the board on screen (the unit's, or a CSU or trust board's own). */
  const currentPeople = computed(() => peopleOn(currentBoardId.value))
  /** "People on Ward 7", "People in the Medicine CSU tri-team": whose list Settings edits. */
  const currentPeopleHeading = computed(() => peopleHeading(currentTier.value, currentScopeName.value))

  function scopeName(scopeId: string): string | null {
    return scopeDisplayName(scopeId, { units: units.value, csus: csus.value, trusts: trusts.value }) ?? null
  }

  /** The name list offered on a board: its unit's, or for a CSU or trust board the board's own. */
  function peopleOn(boardId: string | null | undefined): string[] {
    const board = boards.value.find((b) => b.id === boardId)
    return peopleFor(
      board,
      units.value.find((u) => u.id === board?.unitId),
    )
  }

  /** "Ward 7 – Daily huddle board"; a tier board's own name already says whose it is. */
  function boardLabel(board: Board): string {
    const owner = scopeName(board.unitId)
    if (!owner || board.name.toLowerCase().startsWith(owner.toLowerCase())) return board.name
    return `${owner} – ${board.name}`
  }

  /** Wait for the organisation as stored now and pick the board to show (the remembered one). */
  async function load() {
    const [current] = await Promise.all([getMeta<string>(CURRENT_BOARD), organisation.settled()])
    chosenBoardId.value = current ?? null
    loaded.value = true
  }

  async function selectBoard(boardId: string) {
    await setMeta(CURRENT_BOARD, boardId)
    chosenBoardId.value = boardId
  }

  /** First run: create the person's own trust, CSU, unit and board. */
  async function setUp(form: SetupForm, by: string): Promise<Board> {
    const at = (await recordNow()).toISOString()
    const trust: Trust = { id: newId(), name: form.trustName.trim(), createdAt: at }
    const csu: Csu = { id: newId(), trustId: trust.id, name: form.csuName.trim(), createdAt: at }
    const unitId = newId()
    const unit = {
      id: unitId,
      unitId,
      csuId: csu.id,
      name: form.unitName.trim(),
      kind: form.unitKind,
      people: form.people,
    }
    const board = {
      id: newId(),
      unitId,
      name: form.boardName.trim(),
      // The new board's defaults load with the setup's writes (db/writes.ts), not with every first screen.
      ...(await import('@/domain/defaults')).newBoardSettings(),
    }
    await storeNewOrganisation({ trust, csu, unit, board }, CURRENT_BOARD, by)
    await load()
    return boards.value.find((b) => b.id === board.id)!
  }

  /** Load the fictional demo trust (two wards, 18 months of measures, six weeks of the rest). Demo records are
   * local only: they are bulk-loaded without outbox entries so they never sync. */
  async function loadDemo(today = londonDay()) {
    // The demo's builders (a year of made-up values, ideas, checklists) load only when asked
    // for, not with every tablet's first screen.
    const { buildDemoTrust } = await import('@/domain/demo')
    const demo = buildDemoTrust(today)
    await storeDemoTrust(demo, CURRENT_BOARD)
    await load()
  }

  async function updateUnit(unitId: string, changes: Partial<Pick<Unit, 'name' | 'people' | 'kind'>>, by: string) {
    const unit = units.value.find((u) => u.id === unitId)
    if (!unit) throw new InputError('That unit is not on this tablet')
    // Only the fields that differ from what the screen showed, applied to the stored unit.
    const saved = await updateRecord<Unit>('units', unitId, changedFields(unit, changes), by)
    if (!saved) throw new InputError('That unit is not on this tablet')
    await organisation.settled()
    return saved
  }

  /** Save the current board's name list where it lives: on the unit, or on a CSU or trust board. */
  async function updateCurrentPeople(people: string[], by: string) {
    const board = currentBoard.value
    if (!board) throw new InputError('Open a board first')
    if (peopleHolder(currentTier.value) === 'unit') {
      if (!currentUnit.value) throw new InputError('That unit is not on this tablet yet. Sync, then try again.')
      return updateUnit(currentUnit.value.id, { people }, by)
    }
    const saved = await updateRecord<Board>('boards', board.id, changedFields(board, { people }), by)
    if (!saved) throw new InputError('This board is no longer on this tablet')
    await organisation.settled()
    return saved
  }

  return {
    trusts,
    csus,
    units,
    boards,
    currentBoardId,
    loaded,
    currentBoard,
    currentUnit,
    currentCsu,
    currentTier,
    currentScopeName,
    isSetUp,
    currentPeople,
    currentPeopleHeading,
    scopeName,
    boardLabel,
    peopleOn,
    load,
    selectBoard,
    setUp,
    loadDemo,
    settled: organisation.settled,
    updateUnit,
    updateCurrentPeople,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOrgStore, import.meta.hot))
