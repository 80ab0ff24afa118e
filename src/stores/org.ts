import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '@/db/db'
import { getMeta, saveRecords, setMeta, updateRecord } from '@/db/repo'
import { londonDay } from '@/domain/dates'
import { DEFAULT_AGENDA, DEFAULT_CATEGORIES, DEFAULT_HUDDLE_MINUTES } from '@/domain/defaults'
import { buildDemoTrust } from '@/domain/demo'
import { changedFields } from '@/domain/history'
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
  const trusts = ref<Trust[]>([])
  const csus = ref<Csu[]>([])
  const units = ref<Unit[]>([])
  const boards = ref<Board[]>([])
  const currentBoardId = ref<string | null>(null)
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

  async function load() {
    const [t, c, u, b, current] = await Promise.all([
      db.trusts.toArray(),
      db.csus.toArray(),
      db.units.toArray(),
      db.boards.toArray(),
      getMeta<string>(CURRENT_BOARD),
    ])
    trusts.value = t
    csus.value = c
    units.value = u.sort((x, y) => x.name.localeCompare(y.name))
    boards.value = b
    currentBoardId.value = b.some((board) => board.id === current) ? current! : (b[0]?.id ?? null)
    loaded.value = true
  }

  async function selectBoard(boardId: string) {
    await setMeta(CURRENT_BOARD, boardId)
    currentBoardId.value = boardId
  }

  /** First run: create the person's own trust, CSU, unit and board. */
  async function setUp(form: SetupForm, by: string): Promise<Board> {
    const at = new Date().toISOString()
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
      categories: DEFAULT_CATEGORIES,
      agenda: DEFAULT_AGENDA,
      huddleMinutes: DEFAULT_HUDDLE_MINUTES,
    }
    await db.transaction('rw', [db.trusts, db.csus, db.units, db.boards, db.history, db.outbox, db.meta], async () => {
      await db.trusts.put(trust)
      await db.csus.put(csu)
      await saveRecords(
        [
          { table: 'units', record: unit },
          { table: 'boards', record: board },
        ],
        by,
      )
      await setMeta(CURRENT_BOARD, board.id)
    })
    await load()
    return boards.value.find((b) => b.id === board.id)!
  }

  /** Load the fictional demo trust (two wards, 18 months of measures, six weeks of the rest). Demo records are
   * local only: they are bulk-loaded without outbox entries so they never sync. */
  async function loadDemo(today = londonDay()) {
    const demo = buildDemoTrust(today)
    const tables = [
      db.trusts,
      db.csus,
      db.units,
      db.boards,
      db.measures,
      db.entries,
      db.actions,
      db.huddles,
      db.meta,
      db.checklistTemplates,
      db.checklistRuns,
      db.stepResults,
      db.ideas,
      db.pdsaCycles,
      db.escalations,
    ]
    await db.transaction('rw', tables, async () => {
      await db.trusts.put(demo.trust)
      await db.csus.put(demo.csu)
      await db.units.bulkPut(demo.units)
      await db.boards.bulkPut(demo.boards)
      await db.measures.bulkPut(demo.measures)
      await db.entries.bulkPut(demo.entries)
      await db.actions.bulkPut(demo.actions)
      await db.huddles.bulkPut(demo.huddles)
      // Newer features, so every screen of the demo has something to show.
      await db.checklistTemplates.bulkPut(demo.checklistTemplates)
      await db.checklistRuns.bulkPut(demo.checklistRuns)
      await db.stepResults.bulkPut(demo.stepResults)
      await db.ideas.bulkPut(demo.ideas)
      await db.pdsaCycles.bulkPut(demo.pdsaCycles)
      await db.escalations.bulkPut(demo.escalations)
      await setMeta(CURRENT_BOARD, demo.boards[0]!.id)
    })
    await load()
  }

  /** Replace a unit or board after an edit elsewhere (keeps lists in step without a reload). */
  function replaceBoard(board: Board) {
    boards.value = boards.value.map((b) => (b.id === board.id ? board : b))
  }

  function replaceUnit(unit: Unit) {
    units.value = units.value.map((u) => (u.id === unit.id ? unit : u))
  }

  async function updateUnit(unitId: string, changes: Partial<Pick<Unit, 'name' | 'people' | 'kind'>>, by: string) {
    const unit = units.value.find((u) => u.id === unitId)
    if (!unit) throw new Error('That unit is not on this tablet')
    // Only the fields that differ from what the screen showed, applied to the stored unit.
    const saved = await updateRecord<Unit>('units', unitId, changedFields(unit, changes), by)
    if (!saved) throw new Error('That unit is not on this tablet')
    replaceUnit(saved)
    return saved
  }

  /** Save the current board's name list where it lives: on the unit, or on a CSU or trust board. */
  async function updateCurrentPeople(people: string[], by: string) {
    const board = currentBoard.value
    if (!board) throw new Error('Open a board first')
    if (peopleHolder(currentTier.value) === 'unit') {
      if (!currentUnit.value) throw new Error('That unit is not on this tablet yet. Sync, then try again.')
      return updateUnit(currentUnit.value.id, { people }, by)
    }
    const saved = await updateRecord<Board>('boards', board.id, changedFields(board, { people }), by)
    if (!saved) throw new Error('This board is no longer on this tablet')
    replaceBoard(saved)
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
    replaceBoard,
    replaceUnit,
    updateUnit,
    updateCurrentPeople,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useOrgStore, import.meta.hot))
